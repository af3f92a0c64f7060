#pragma once
// Inverse stability analysis (Kinsara, Kilgour & Hipel 2015, "Inverse approach to the graph model
// for conflict resolution", IEEE Trans. SMC: Systems 45(5)): which preferences would make a
// desired state an equilibrium? Here: the fewest changes to today's preferences, where a change
// moves the desired state up one place in one decision maker's ranking, past a state that
// decision maker now prefers to it (a tie group counts as its states), every other comparison
// kept.
//
// Raising the desired state d in i's ranking never makes d less stable for anyone under Nash,
// GMR, SMR or SEQ: i has fewer improvements from d and more states it likes no better than d to
// be sanctioned into, and the others' sanctions only gain (under SEQ, a move to d becomes an
// improvement for i from more states). So the states that must be passed form an up-set, and the
// search goes through the changes in order of how many states they pass, the first that works
// being the fewest. SIM is not monotone (raising d takes improvements, which sanction others, away
// from i) and is not offered.

#include <optional>
#include <vector>

#include "conflict/graph_model.hpp"

namespace statecraft {

struct InverseStability {
  bool already = false;  // d is an equilibrium today
  // Per decision maker, the states it would have to rank below d that it now ranks above it, in
  // its present order from the one just above d up.
  std::vector<std::vector<std::size_t>> passed;
  std::vector<std::vector<Rank>> ranks;  // per decision maker, its ranks with d raised so
  std::size_t changes = 0;               // states passed in all
  std::size_t checked = 0;               // combinations of changes analysed
};

// The default limit on the combinations analysed (each a stability analysis of the whole model).
inline constexpr std::size_t default_max_inverse_checks = 200'000;

// Throws std::invalid_argument for SIM, WorkTooLarge when the fewest changes are not found within
// `max_checks` combinations (the count is given). Raising d to the top of every ranking always
// works (it is then Nash stable for all), so an answer exists.
InverseStability fewest_changes_for_stability(const GraphModel& model, std::size_t desired, Concept c,
                                              std::size_t max_checks = default_max_inverse_checks);

}  // namespace statecraft
