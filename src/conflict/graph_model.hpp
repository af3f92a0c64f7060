#pragma once
// The Graph Model for Conflict Resolution (Fang, Hipel & Kilgour 1993; Kilgour & Hipel 2005):
// decision makers control options; a state is a feasible choice of options; a decision maker
// moves by changing its own options, within their reversibility; each ranks the states.
//
// Sized for millions of states: a state is a 32-bit index, a preference a 32-bit level, a
// stability verdict a bit, and moves are enumerated when needed rather than stored.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "scenario/model.hpp"
#include "scenario/work.hpp"

namespace statecraft {

// A decision maker's preference level of a state: higher is preferred, equal levels tie, and
// the levels in use are 0, 1, …, levels − 1.
using Rank = std::uint32_t;

// Conflicts of more feasible states than this are refused unless the caller allows more
// (`stability --max-states`): a million states take under 50 MB.
inline constexpr std::uint64_t default_max_states = std::uint64_t{1} << 20;
// Nor more steps than this (`stability --max-steps`): a step takes 2 to 20 ns, so this is 4 to
// 40 seconds.
inline constexpr double default_max_steps = 2e9;

// The steps of analyse_stability and of the paths from the status quo in a conflict of `states`
// feasible states: per state, every decision maker's moves (2^options of its own) are tried in
// its own two passes and its opponents' three, or, for a free mover, its group is visited and
// sorted instead.
struct StabilitySteps {
  double analysis, paths;
  double total() const { return analysis + paths; }
};
// `metarational` false: the analysis of equilibria() for Nash or SEQ, without GMR's and SMR's passes.
StabilitySteps stability_steps(const Conflict& conflict, std::uint64_t states, bool metarational = true);

// Throws WorkTooLarge, with the estimates, when an analysis of `states` states would pass a limit.
void check_stability_budget(const Conflict& conflict, std::uint64_t states, std::uint64_t max_states, double max_steps);

class GraphModel {
 public:
  // The conflict must have passed check_scenario (expressions resolved, preferences complete).
  // Throws WorkTooLarge when it has more feasible states than `max_states`: once they are listed
  // (4 bytes each, at most 2^24 of them), before anything else is built. `progress` counts states: once to list them, once per decision maker to
  // rank them.
  explicit GraphModel(const Conflict& conflict, std::uint64_t max_states = std::numeric_limits<std::uint64_t>::max(),
                      const Progress& progress = {});

  std::size_t state_count() const { return count_; }
  StateBits state(std::size_t index) const { return states_.empty() ? index : states_[index]; }
  // Index of a feasible state, or -1.
  long index_of(StateBits bits) const {
    if (bits >= combinations_) return -1;
    if (dense_index_.empty()) return static_cast<long>(bits);  // every combination is feasible
    return dense_index_[bits] == infeasible ? -1 : static_cast<long>(dense_index_[bits]);
  }

  std::size_t decision_maker_count() const { return makers_.size(); }
  const std::string& decision_maker(std::size_t i) const { return makers_[i]; }
  StateBits options_of(std::size_t i) const { return masks_[i]; }
  Rank rank(std::size_t maker, std::size_t state) const { return ranks_[maker][state]; }
  const std::vector<Rank>& ranks(std::size_t maker) const { return ranks_[maker]; }
  // How many preference levels the maker's ranks use.
  Rank levels(std::size_t maker) const { return levels_[maker]; }
  // Replaces a maker's ranks (one per state; only their order matters), for analyses that ask
  // what other preferences would do (conflict/inverse.hpp).
  void set_ranks(std::size_t maker, const std::vector<Rank>& ranks);

  // Calls fn(target) for every state `maker` can move to from `state` in one move.
  template <typename Fn>
  void for_each_move(std::size_t maker, std::size_t state, Fn&& fn) const {
    const StateBits mask = masks_[maker];
    if (free_mover(maker)) {
      const StateBits own = state & mask, others = state & ~mask;
      for (StateBits combination = mask;; combination = (combination - 1) & mask) {
        if (combination != own) fn(static_cast<std::size_t>(others | combination));
        if (combination == 0) break;
      }
      return;
    }
    StateBits cursor = mask;
    for (long target; (target = next_restricted_move(maker, state, cursor)) >= 0;) fn(static_cast<std::size_t>(target));
  }

  // Unilateral improvements: moves to states the maker strictly prefers.
  template <typename Fn>
  void for_each_improvement(std::size_t maker, std::size_t state, Fn&& fn) const {
    const Rank here = ranks_[maker][state];
    for_each_move(maker, state, [&](std::size_t target) {
      if (ranks_[maker][target] > here) fn(target);
    });
  }

  // The moves of `maker` from `state` one at a time, for searches that pause between them:
  // `cursor` starts at options_of(maker); each call returns the next target and advances it, or
  // returns -1 when there are no more. The order is every other combination of the maker's
  // options, from all taken down to none (Vose's subset enumeration).
  long next_move(std::size_t maker, std::size_t state, StateBits& cursor) const {
    if (!free_mover(maker)) return next_restricted_move(maker, state, cursor);
    const StateBits mask = masks_[maker], own = state & mask;
    while (cursor != no_more) {
      const StateBits combination = cursor;
      cursor = combination == 0 ? no_more : (combination - 1) & mask;
      if (combination != own) return static_cast<long>((state & ~mask) | combination);
    }
    return -1;
  }
  static constexpr StateBits no_more = ~StateBits{0};

  // Every combination of the maker's options is a move, to the state of that index: every
  // combination is feasible, none of its options is forward or backward only, it sees all. Its
  // moves then join the states that differ only in its options into groups, each group's states
  // all moving to one another, which lets the analysis work on groups instead of moves.
  bool free_mover(std::size_t maker) const { return free_movers_ >> maker & 1U; }

 private:
  long next_restricted_move(std::size_t maker, std::size_t state, StateBits& cursor) const {
    const auto& unseen = misperceived_[maker];
    if (!unseen.empty() && unseen[state]) return -1;
    const StateBits mask = masks_[maker];
    const StateBits from = this->state(state);
    const StateBits own = from & mask;
    while (cursor != no_more) {
      const StateBits combination = cursor;
      cursor = combination == 0 ? no_more : (combination - 1) & mask;
      if (combination == own || !allowed(from, combination, mask)) continue;
      const long target = index_of((from & ~mask) | combination);
      if (target >= 0 && (unseen.empty() || !unseen[static_cast<std::size_t>(target)])) return target;
    }
    return -1;
  }

  // Options that can only be taken (forward) or only withdrawn (backward) restrict moves.
  bool allowed(StateBits from, StateBits combination, StateBits mask) const {
    const StateBits changed = (from ^ combination) & mask;
    const StateBits taken = changed & combination, withdrawn = changed & from;
    return (taken & backward_only_) == 0 && (withdrawn & forward_only_) == 0;
  }

  static constexpr std::uint32_t infeasible = std::numeric_limits<std::uint32_t>::max();
  std::size_t count_ = 0;
  StateBits combinations_ = 0;               // 2^options
  std::vector<std::uint32_t> states_;        // bits by index; empty when every combination is feasible
  std::vector<std::uint32_t> dense_index_;   // index by bits; empty likewise
  std::vector<std::string> makers_;
  std::vector<StateBits> masks_;
  std::vector<std::vector<Rank>> ranks_;          // [maker][state]
  std::vector<Rank> levels_;                      // [maker]
  std::vector<std::vector<bool>> misperceived_;  // [maker][state]; empty when it sees everything
  StateBits forward_only_ = 0, backward_only_ = 0;
  std::uint64_t free_movers_ = 0;  // bit i: free_mover(i)
};

enum class Concept { Nash, GMR, SMR, SEQ, SIM };
const char* concept_name(Concept c);
inline constexpr Concept all_concepts[] = {Concept::Nash, Concept::GMR, Concept::SMR, Concept::SEQ, Concept::SIM};
inline constexpr std::size_t concept_count = std::size(all_concepts);

struct StabilityTable {
  // stable[concept][maker][state]
  std::vector<std::vector<std::vector<bool>>> stable;
  // Why SIM was not analysed (its work past its budget), or empty when it was; unanalysed, its
  // verdicts are all false and the reports say so instead of listing them.
  std::string simultaneous_skipped;
  bool analysed(Concept c) const { return c != Concept::SIM || simultaneous_skipped.empty(); }
  bool is_stable(Concept c, std::size_t maker, std::size_t state) const {
    return analysed(c) && stable[static_cast<int>(c)][maker][state];
  }
  // Stable for every decision maker.
  bool is_equilibrium(Concept c, std::size_t state) const;
};

// Stability of every state for every decision maker under Nash, GMR, SMR, SEQ and SIM, with the
// n-decision-maker definitions (Fang, Hipel & Kilgour 1993, ch. 4): a unilateral improvement of
// i is sanctioned when the other decision makers, moving one after another (no one twice in a
// row; in SEQ only by their own unilateral improvements), can reach a state i likes no better
// than where it started (in SMR: whatever i then does); in SIM when some of them, improving at
// the same time as i, bring such a state about (conflict/simultaneous.hpp). `progress` counts steps, as
// stability_steps() estimates them.
StabilityTable analyse_stability(const GraphModel& model, const Progress& progress = {});

// Per state, whether it is an equilibrium under `c`: the same verdicts as analyse_stability's.
// Nash and SEQ skip the closure over the opponents' moves that GMR and SMR need, about half the
// work, for analyses that re-run stability many times (conflict/sensitivity.hpp).
std::vector<bool> equilibria(const GraphModel& model, Concept c);

// Coalition analysis (Kilgour, Hipel, Fang & Peng 2001; Inohara & Hipel 2008): the members of
// a coalition move together, by any sequence of their unilateral moves, to a state every member
// strictly prefers (a coalitional improvement).
struct CoalitionStability {
  std::vector<bool> nash;  // per state: the coalition has no coalitional improvement
  // per state: every coalitional improvement can be answered by the other decision makers,
  // through a sequence of their own unilateral improvements, with a state that at least one
  // member likes no better than where the coalition started (it would not hold together).
  std::vector<bool> seq;
  std::vector<std::size_t> improvements_from;  // the coalitional improvements from `listed_from`
};

// Moves the coalition analysis examines, at most: from every state, a search over the states the
// members reach together, each with all of their moves.
double coalition_work(const GraphModel& model, const std::vector<std::size_t>& members);

// `members` are decision-maker indices (at least one); `listed_from` a state whose coalitional
// improvements are listed. Each state searches the states the coalition reaches from it, so the
// work is coalition_work(); `progress` counts states.
CoalitionStability analyse_coalition(const GraphModel& model, const std::vector<std::size_t>& members, std::size_t listed_from,
                                     const Progress& progress = {});

}  // namespace statecraft
