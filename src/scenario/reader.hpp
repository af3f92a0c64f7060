#pragma once
// Turns a parsed document into the scenario model, reporting every structural problem:
// missing and unknown keys, wrong types, malformed numbers, ids, dates and expressions.
// Cross-references and ranges are checked afterwards by check_scenario.

#include "scenario/document.hpp"
#include "scenario/model.hpp"

namespace statecraft {

// A strategic-form game's table holds one outcome per strategy profile; a game with more profiles
// is refused before its table is read (a million outcomes already take tens of megabytes to write).
inline constexpr std::size_t max_strategy_profiles = 1'000'000;

Scenario read_scenario(const DocNode& root, Diagnostics& diagnostics);

// Parses a number as written in a scenario: decimal, exponent or an exact fraction "p/q".
std::optional<double> parse_number(std::string_view text);

}  // namespace statecraft
