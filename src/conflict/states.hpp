#pragma once
// The state space of a graph-model conflict: every combination of options, less the
// combinations an `infeasible` statement rules out (Fang, Hipel & Kilgour 1993, ch. 2).

#include <optional>
#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

bool is_feasible(const Conflict& conflict, StateBits state);

// Whether listing every state by evaluating the infeasibility statements is cheap enough
// (at most 2^24 states and about 2·10^8 expression nodes visited): checks and summaries
// that need the list skip larger conflicts rather than hang on them.
bool can_enumerate_states(const Conflict& conflict);

// Feasible states in ascending order of their bits (gmcr's "decimal" order); empty when
// !can_enumerate_states(conflict).
std::vector<StateBits> feasible_states(const Conflict& conflict);

// The bits of the scenario's status quo; options not found are ignored.
StateBits status_quo_state(const Conflict& conflict);

// "opt_a + opt_b" or "none" as a state; empty when a name is not an option or repeats.
struct StateParse {
  std::optional<StateBits> state;
  std::string error;
};
StateParse parse_state(const Conflict& conflict, std::string_view text);

// The decision makers: actors holding at least one option, in order of first option.
std::vector<std::string> decision_makers(const Conflict& conflict);

std::optional<int> option_index(const Conflict& conflict, std::string_view id);

}  // namespace statecraft
