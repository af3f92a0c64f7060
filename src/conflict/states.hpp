#pragma once
// The state space of a graph-model conflict: every combination of options, less the
// combinations an `infeasible` statement rules out (Fang, Hipel & Kilgour 1993, ch. 2).

#include <optional>
#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

// Conflicts with more options than this are not enumerated state by state.
inline constexpr std::size_t max_enumerated_options = 30;

bool is_feasible(const Conflict& conflict, StateBits state);

// Feasible states in ascending order of their bits (gmcr's "decimal" order).
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
