#pragma once
// An issue's numbers in the words of the scenario, its units and its labels, so that a reader
// sees "20 % of the front, near 'ceasefire on Russia's terms' (25)", not "20".

#include <string>

#include "scenario/model.hpp"

namespace statecraft {

// A point of the scale with the issue's units and, where the issue has labels, the nearest
// label: the label itself when the point is one ("25 'tariffs on India'"), else "near" it.
std::string point_in_words(const Issue& issue, double value);

// The label whose point is nearest `value` (the lower on a tie), or null when there are none.
const Label* nearest_label(const std::vector<Label>& labels, double value);

}  // namespace statecraft
