#pragma once
// The state space of a graph-model conflict: every combination of options, less the
// combinations an `infeasible` statement rules out (Fang, Hipel & Kilgour 1993, ch. 2).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

bool is_feasible(const Conflict& conflict, StateBits state);

// No conflict of more options is enumerated at all: 2^24 states.
inline constexpr std::size_t max_enumerated_options = 24;

// Expression nodes visited to list every state: each of the 2^options combinations tested
// against every infeasibility statement.
double enumeration_cost(const Conflict& conflict);
inline constexpr double max_enumeration_cost = 2e8;

// Whether listing every state by evaluating the infeasibility statements is cheap enough
// (at most 2^24 states and max_enumeration_cost): checks and summaries that need the list skip
// larger conflicts rather than hang on them.
bool can_enumerate_states(const Conflict& conflict);

// The number of feasible states, without keeping them; 0 when !can_enumerate_states(conflict).
std::uint64_t count_feasible_states(const Conflict& conflict);

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

// A state in the options' names, for people: "USA: ask Moscow for help + go to war; RUS, PRK:
// none" (decision makers in order, the options each takes joined by " + "), or "no option taken".
// Ids change when a file gains an option or an infeasibility; names are what the analyst wrote.
std::string describe_state(const Conflict& conflict, StateBits state);

// “name”: an option's name in typographic quotes, which a name's own quotes do not close.
std::string quoted_name(const Option& option);

// A preference or infeasibility statement in the options' names: “go to war” and not “freeze”,
// if “ease sanctions” then “pressure Kim”. Leaves must be resolved.
std::string describe_statement(const Conflict& conflict, const Expression& expression);

}  // namespace statecraft
