#pragma once
// The state transition graph of a conflict in Graphviz's dot language: states as nodes (Nash
// equilibria drawn double), each decision maker's moves as edges in its own colour, unilateral
// improvements solid and bold, other moves dashed and faint.

#include <string>

#include "scenario/model.hpp"

namespace statecraft {

// Conflicts with more states than this make unreadable pictures and are refused.
inline constexpr std::size_t max_graph_states = 64;

// Empty when the conflict has more than max_graph_states feasible states.
std::string transition_graph_dot(const Conflict& conflict);

}  // namespace statecraft
