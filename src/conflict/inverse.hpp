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
//
// Counted as comparisons reversed (Kendall's distance between rankings), raising d is the
// cheapest change for Nash, GMR and SMR: their conditions compare d with other states only, and
// a state between d and one it must pass has to be reversed with one of the two either way.
// Under SEQ a sanction also needs an opponent to prefer its move, a comparison of two other
// states, which this search leaves as it is.

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

// Every preference that makes d stable, for the concepts where a decision maker's own ranking
// alone decides it (Kinsara, Kilgour & Hipel 2015, §III: Nash and GMR). For each move i has from d,
// one condition on i's ranking: under Nash d must rank no lower than the move's state (else the
// move is an improvement); under GMR, that, or no lower than one of `sanctions`, the states the
// others can reach from it, one after another (any moves, no one twice in a row). A ranking makes d stable for i exactly when it meets all of
// i's conditions, and an equilibrium exactly when every maker's does.
struct StabilityCondition {
  std::size_t move = 0;
  std::vector<std::size_t> sanctions;  // GMR only
};
inline constexpr double max_condition_work = 2e8;
// Per decision maker. Throws WorkTooLarge under GMR when the searches for sanctions (one per move,
// over state and last mover) would pass more than max_condition_work pairs, and
// std::invalid_argument for SMR (its conditions nest i's answers to
// each sanction; not written out), SEQ and SIM (there the others' preferences enter too).
std::vector<std::vector<StabilityCondition>> stability_conditions(const GraphModel& model, std::size_t desired, Concept c);

// Whether the ranks (one per state) meet the conditions.
bool meets(const std::vector<StabilityCondition>& conditions, const std::vector<Rank>& ranks, std::size_t desired);

}  // namespace statecraft
