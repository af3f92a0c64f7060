#pragma once
// Stability when preferences are uncertain: each decision maker with `uncertain_preferences` has
// one of several alternative preferences, with probabilities, drawn independently of the others'
// (a judgment of the analyst: an order of priorities unknown, two priorities that may tie). Every
// combination of alternatives is analysed, and each state's probability of being an equilibrium
// is the total probability of the combinations in which it is one: the plain probabilistic reading
// of a set of preference orderings, by enumeration (Li, Hipel, Kilgour & Fang 2004 instead leave
// comparisons between states unknown; docs/models/stability.md).

#include <gmpxx.h>
#include <vector>

#include "conflict/graph_model.hpp"
#include "scenario/model.hpp"

namespace statecraft {

struct UncertainStability {
  Concept solution = Concept::SEQ;
  std::size_t combinations = 0;
  // Per state (indices as GraphModel numbers them: the feasible states do not depend on
  // preferences), the probability of being an equilibrium, exactly.
  std::vector<mpq_class> equilibrium;
};

// The combinations of alternatives past which the analysis is refused (each a stability analysis).
inline constexpr std::size_t default_max_preference_combinations = 4096;

// The conflict must have passed check_scenario. Throws WorkTooLarge before analysing when the
// combinations number more than `max_combinations`, or any one analysis would pass `max_steps`.
UncertainStability stability_under_uncertainty(const Conflict& conflict, Concept solution, std::size_t max_combinations = default_max_preference_combinations,
                                               double max_steps = default_max_steps);

}  // namespace statecraft
