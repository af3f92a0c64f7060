#include "report/issue_words.hpp"

#include "bargaining/sensitivity.hpp"

#include <cmath>
#include <fmt/format.h>

namespace statecraft {
namespace {

std::string number(double value) { return fmt::format("{:.4g}", value); }

}  // namespace

const Label* nearest_label(const std::vector<Label>& labels, double value) {
  std::vector<double> points;
  for (const auto& label : labels) points.push_back(label.point.value);
  const auto nearest = nearest_label(points, value);  // the sensitivity analysis's, so that both read a forecast alike
  return nearest ? &labels[*nearest] : nullptr;
}

std::string point_in_words(const Issue& issue, double value) {
  std::string out = number(value);
  if (!issue.units.empty()) out += " " + issue.units;
  if (const Label* label = nearest_label(issue.labels, value)) {
    if (number(label->point.value) == number(value)) out += fmt::format(" '{}'", label->text);
    else out += fmt::format(", near '{}' ({})", label->text, number(label->point.value));
  }
  return out;
}

}  // namespace statecraft
