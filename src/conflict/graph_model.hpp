#pragma once
// The Graph Model for Conflict Resolution (Fang, Hipel & Kilgour 1993; Kilgour & Hipel 2005):
// decision makers control options; a state is a feasible choice of options; a decision maker
// moves by changing its own options, within their reversibility; each ranks the states.

#include <cstdint>
#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

using Rank = std::int64_t;  // higher is preferred; equal ranks are ties

class GraphModel {
 public:
  // The conflict must have passed check_scenario (expressions resolved, preferences complete).
  explicit GraphModel(const Conflict& conflict);

  std::size_t state_count() const { return states_.size(); }
  StateBits state(std::size_t index) const { return states_[index]; }
  // Index of a feasible state, or -1.
  long index_of(StateBits bits) const;

  std::size_t decision_maker_count() const { return makers_.size(); }
  const std::string& decision_maker(std::size_t i) const { return makers_[i]; }
  StateBits options_of(std::size_t i) const { return masks_[i]; }
  Rank rank(std::size_t maker, std::size_t state) const { return ranks_[maker][state]; }

  // Calls fn(target) for every state `maker` can move to from `state` in one move.
  template <typename Fn>
  void for_each_move(std::size_t maker, std::size_t state, Fn&& fn) const {
    const auto& unseen = misperceived_[maker];
    if (!unseen.empty() && unseen[state]) return;
    const StateBits mask = masks_[maker];
    const StateBits from = states_[state];
    const StateBits own = from & mask;
    // Every other combination of the maker's options (Vose's subset enumeration).
    for (StateBits combination = mask;; combination = (combination - 1) & mask) {
      if (combination != own && allowed(from, combination, mask)) {
        const long target = index_of((from & ~mask) | combination);
        if (target >= 0 && (unseen.empty() || !unseen[static_cast<std::size_t>(target)])) fn(static_cast<std::size_t>(target));
      }
      if (combination == 0) break;
    }
  }

  // Unilateral improvements: moves to states the maker strictly prefers.
  template <typename Fn>
  void for_each_improvement(std::size_t maker, std::size_t state, Fn&& fn) const {
    for_each_move(maker, state, [&](std::size_t target) {
      if (ranks_[maker][target] > ranks_[maker][state]) fn(target);
    });
  }

 private:
  // Options that can only be taken (forward) or only withdrawn (backward) restrict moves.
  bool allowed(StateBits from, StateBits combination, StateBits mask) const {
    const StateBits changed = (from ^ combination) & mask;
    const StateBits taken = changed & combination, withdrawn = changed & from;
    return (taken & backward_only_) == 0 && (withdrawn & forward_only_) == 0;
  }

  std::vector<StateBits> states_;
  std::vector<std::int32_t> dense_index_;  // by bits, when the options are few enough
  std::vector<std::string> makers_;
  std::vector<StateBits> masks_;
  std::vector<std::vector<Rank>> ranks_;  // [maker][state]
  std::vector<std::vector<bool>> misperceived_;  // [maker][state]; empty when it sees everything
  StateBits forward_only_ = 0, backward_only_ = 0;
};

enum class Concept { Nash, GMR, SMR, SEQ };
const char* concept_name(Concept c);
inline constexpr Concept all_concepts[] = {Concept::Nash, Concept::GMR, Concept::SMR, Concept::SEQ};

struct StabilityTable {
  // stable[concept][maker][state]
  std::vector<std::vector<std::vector<bool>>> stable;
  bool is_stable(Concept c, std::size_t maker, std::size_t state) const {
    return stable[static_cast<int>(c)][maker][state];
  }
  // Stable for every decision maker.
  bool is_equilibrium(Concept c, std::size_t state) const;
};

// Stability of every state for every decision maker under Nash, GMR, SMR and SEQ, with the
// n-decision-maker definitions (Fang, Hipel & Kilgour 1993, ch. 4): a unilateral improvement of
// i is sanctioned when the other decision makers, moving one after another (no one twice in a
// row; in SEQ only by their own unilateral improvements), can reach a state i likes no better
// than where it started (in SMR: whatever i then does).
StabilityTable analyse_stability(const GraphModel& model);

// Coalition analysis (Kilgour, Hipel, Fang & Peng 2001; Inohara & Hipel 2008): the members of
// a coalition move together, by any sequence of their unilateral moves, to a state every member
// strictly prefers (a coalitional improvement).
struct CoalitionStability {
  std::vector<bool> nash;  // per state: the coalition has no coalitional improvement
  // per state: every coalitional improvement can be answered by the other decision makers,
  // through a sequence of their own unilateral improvements, with a state that at least one
  // member likes no better than where the coalition started (it would not hold together).
  std::vector<bool> seq;
  std::vector<std::vector<std::size_t>> improvements;  // per state: its coalitional improvements
};

// `members` are decision-maker indices (at least one). Coalitional improvements are listed in
// full, so this is meant for conflicts of up to some tens of thousands of states.
CoalitionStability analyse_coalition(const GraphModel& model, const std::vector<std::size_t>& members);

}  // namespace statecraft
