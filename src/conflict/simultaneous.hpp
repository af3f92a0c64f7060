#pragma once
// Simultaneous sanctioning, SIM (Fang, Hipel & Kilgour 1989, "Conflict models in graph form";
// 1993, "Interactive Decision Making", §4.2): decision makers move at the same time, so a
// unilateral improvement of i is deterred when some of its opponents, each taking a unilateral
// improvement of its own from the same state at the same moment, bring about a state i likes
// no better than where it was. A state is SIM-stable for i when every improvement of i is so
// deterred (or i has none). Unlike the sequential concepts, the sanction is not a reply to i's
// move: the others do not see it coming.

#include <vector>

#include "conflict/graph_model.hpp"

namespace statecraft {

// The work SIM is allowed (steps: a move listed, or a combination of moves tried), and the
// estimate it is checked against before it starts: every decision maker's moves from every state.
inline constexpr double simultaneous_budget = 5e8;
double simultaneous_steps(const GraphModel& model);

// stable[maker][state], or empty when the work passes `budget` (the estimate before it starts, or
// the combinations tried while it runs). Every combination of the opponents' improvements is
// tried until one sanctions, so the work is at most, per state and decision maker, its
// improvements times the product over its opponents of one plus theirs.
std::vector<std::vector<bool>> simultaneous_stability(const GraphModel& model, double budget = simultaneous_budget);

}  // namespace statecraft
