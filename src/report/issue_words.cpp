#include "report/issue_words.hpp"

#include <cmath>
#include <fmt/format.h>

#include "bargaining/decision.hpp"

namespace statecraft {
namespace {

std::string number(double value) { return fmt::format("{:.4g}", value); }

}  // namespace

const Label* nearest_label(const Issue& issue, double value) {
  const Label* nearest = nullptr;
  for (const auto& label : issue.labels) {
    const double distance = std::abs(label.point.value - value);
    if (!nearest || distance < std::abs(nearest->point.value - value) ||
        (distance == std::abs(nearest->point.value - value) && label.point.value < nearest->point.value))
      nearest = &label;
  }
  return nearest;
}

std::string point_in_words(const Issue& issue, double value) {
  std::string out = number(value);
  if (!issue.units.empty()) out += " " + issue.units;
  if (const Label* label = nearest_label(issue, value)) {
    if (number(label->point.value) == number(value)) out += fmt::format(" '{}'", label->text);
    else out += fmt::format(", near '{}' ({})", label->text, number(label->point.value));
  }
  return out;
}

std::string decision_in_words(const Decision& decision) {
  const auto& deciders = decision.deciders;
  switch (decision.rule) {
    case DecisionRule::Everyone:
      return "every actor with a stance, as a vote weighted by capability and salience (the file names no deciders)";
    case DecisionRule::Unanimity:
      if (deciders.size() == 1) return deciders[0] + " decides alone";
      return fmt::format("{} must {} agree (unanimity: each can veto)", list_in_words(deciders), deciders.size() == 2 ? "both" : "all");
    case DecisionRule::Majority:
      return fmt::format("more than half of the capability of {} (majority)", list_in_words(deciders));
    case DecisionRule::Qualified:
      return fmt::format("at least {:.3g} % of the capability of {} (qualified majority)",
                         100 * (decision.threshold ? decision.threshold->value : 1), list_in_words(deciders));
  }
  return {};
}

}  // namespace statecraft
