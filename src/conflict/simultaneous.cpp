#include "conflict/simultaneous.hpp"

#include <bit>
#include <cmath>
#include <cstdint>

namespace statecraft {
namespace {

// Whether i's improvement from s to s1 is sanctioned by a simultaneous move: some of i's
// opponents (at least one), each taking a unilateral improvement of its own from s at the same
// time, bring about with it a feasible state that i ranks no higher than s. Depth first over
// the opponents, each staying put or taking one of its improvements (`moves[k]`: its options'
// settings after each), stopping at the first sanction.
class SimultaneousSanction {
 public:
  SimultaneousSanction(const GraphModel& model, std::size_t i, std::size_t s, const std::vector<std::size_t>& opponents,
                       const std::vector<std::vector<StateBits>>& moves)
      : model_(model), i_(i), here_(model.rank(i, s)), opponents_(opponents), moves_(moves) {}

  // `steps` counts the combinations tried.
  bool sanctions(StateBits after_i, double& steps) const {
    steps_ = &steps;
    return search(0, after_i, false);
  }

 private:
  bool search(std::size_t k, StateBits bits, bool someone_moved) const {
    if (k == opponents_.size()) {
      ++*steps_;
      if (!someone_moved) return false;
      const long t = model_.index_of(bits);
      return t >= 0 && model_.rank(i_, static_cast<std::size_t>(t)) <= here_;
    }
    if (search(k + 1, bits, someone_moved)) return true;
    const StateBits mask = model_.options_of(opponents_[k]);
    for (const StateBits own : moves_[k])
      if (search(k + 1, (bits & ~mask) | own, true)) return true;
    return false;
  }

  const GraphModel& model_;
  const std::size_t i_;
  const Rank here_;
  const std::vector<std::size_t>& opponents_;
  const std::vector<std::vector<StateBits>>& moves_;
  mutable double* steps_ = nullptr;
};

}  // namespace

double simultaneous_steps(const GraphModel& model) {
  double moves = 0;
  for (std::size_t j = 0; j < model.decision_maker_count(); ++j) moves += std::ldexp(1.0, std::popcount(model.options_of(j)));
  return static_cast<double>(model.state_count()) * moves;
}

std::vector<std::vector<bool>> simultaneous_stability(const GraphModel& model, double budget) {
  double steps = simultaneous_steps(model);
  if (steps > budget) return {};
  const std::size_t n = model.state_count(), makers = model.decision_maker_count();
  std::vector<std::vector<bool>> stable(makers, std::vector<bool>(n, true));
  std::vector<std::vector<StateBits>> improvements(makers);  // per maker, from the current state: its options after each
  for (std::size_t s = 0; s < n; ++s) {
    for (std::size_t j = 0; j < makers; ++j) {
      improvements[j].clear();
      model.for_each_improvement(j, s, [&](std::size_t t) { improvements[j].push_back(model.state(t) & model.options_of(j)); });
    }
    for (std::size_t i = 0; i < makers; ++i) {
      if (improvements[i].empty()) continue;
      std::vector<std::size_t> opponents;
      std::vector<std::vector<StateBits>> moves;
      for (std::size_t j = 0; j < makers; ++j)
        if (j != i && !improvements[j].empty()) {
          opponents.push_back(j);
          moves.push_back(improvements[j]);
        }
      const SimultaneousSanction sanction(model, i, s, opponents, moves);
      const StateBits others = model.state(s) & ~model.options_of(i);
      for (const StateBits own : improvements[i])
        if (!sanction.sanctions(others | own, steps)) {
          stable[i][s] = false;
          break;
        }
      if (steps > budget) return {};
    }
  }
  return stable;
}

}  // namespace statecraft
