#pragma once
// The state transition graph of a conflict in Graphviz's dot language: states as nodes (Nash
// equilibria drawn double), each decision maker's moves as edges in its own colour, unilateral
// improvements solid and bold, other moves dashed and faint.

#include <string>

#include "report/stability_report.hpp"
#include "scenario/model.hpp"

namespace statecraft {

// Conflicts with more states than this make unreadable pictures and are refused.
inline constexpr std::size_t max_graph_states = 64;

// Empty when the conflict has more than max_graph_states feasible states.
std::string transition_graph_dot(const Conflict& conflict);

// How many equilibria the drawing of a large conflict leads to.
inline constexpr std::size_t max_drawn_paths = 6;

// The part a reader of a large conflict needs: the status quo, the paths from it to the reachable
// equilibria ranked first (at most max_drawn_paths), and the states on them, each described by
// the options taken; each move labelled and coloured by who makes it, with a key. Empty when the
// conflict has no status quo (nothing is reachable).
std::string reachable_paths_dot(const StabilityReport& report);

}  // namespace statecraft
