#include "report/issue_words.hpp"

#include <cmath>
#include <fmt/format.h>

namespace statecraft {
namespace {

std::string number(double value) { return fmt::format("{:.4g}", value); }

}  // namespace

const Label* nearest_label(const std::vector<Label>& labels, double value) {
  const Label* nearest = nullptr;
  for (const auto& label : labels) {
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
  if (const Label* label = nearest_label(issue.labels, value)) {
    if (number(label->point.value) == number(value)) out += fmt::format(" '{}'", label->text);
    else out += fmt::format(", near '{}' ({})", label->text, number(label->point.value));
  }
  return out;
}

}  // namespace statecraft
