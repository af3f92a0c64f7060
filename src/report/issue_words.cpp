#include "report/issue_words.hpp"

#include <cmath>
#include <fmt/format.h>

namespace statecraft {
namespace {

std::string number(double value) { return fmt::format("{:.4g}", value); }

// "A", "A and B", "A, B and C".
std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

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
      return fmt::format("{} must {} agree (unanimity: each can veto)", joined(deciders), deciders.size() == 2 ? "both" : "all");
    case DecisionRule::Majority:
      return fmt::format("more than half of the capability of {} (majority)", joined(deciders));
    case DecisionRule::Qualified:
      return fmt::format("at least {:.3g} % of the capability of {} (qualified majority)",
                         100 * (decision.threshold ? decision.threshold->value : 1), joined(deciders));
  }
  return {};
}

}  // namespace statecraft
