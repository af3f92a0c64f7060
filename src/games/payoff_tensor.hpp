#pragma once
// An N-player game's payoffs in floating point, with each player's expected payoff of every
// strategy against the others' mixes and its derivatives: the evaluations the numerical
// solvers of games of three or more players (support enumeration, the global Newton method)
// are built from.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "games/strategic_game.hpp"

namespace statecraft {

// Per player, per strategy: a probability, or an expected payoff.
using StrategyMixes = std::vector<std::vector<double>>;

class PayoffTensor {
 public:
  // Each player's payoffs are rescaled to [0, 1] (less its lowest, over its range): the same
  // equilibria, and tolerances and regrets that mean the same for every player whatever its
  // payoffs' scale or offset.
  explicit PayoffTensor(const StrategicGame& g) : players_(g.players.size()), profiles_(g.profile_count()) {
    for (const auto& list : g.strategies) sizes_.push_back(list.size());
    u_.resize(profiles_ * players_);
    low_.assign(players_, INFINITY);
    range_.assign(players_, -INFINITY);  // the highest, until made the range below
    for (std::size_t p = 0; p < profiles_; ++p)
      for (std::size_t i = 0; i < players_; ++i) {
        low_[i] = std::min(low_[i], g.payoffs[p][i].get_d());
        range_[i] = std::max(range_[i], g.payoffs[p][i].get_d());
      }
    for (std::size_t i = 0; i < players_; ++i) range_[i] = range_[i] > low_[i] ? range_[i] - low_[i] : 1;
    for (std::size_t p = 0; p < profiles_; ++p)
      for (std::size_t i = 0; i < players_; ++i) u_[p * players_ + i] = (g.payoffs[p][i].get_d() - low_[i]) / range_[i];
    choice_.resize(profiles_);
    for (std::size_t p = 0; p < profiles_; ++p) choice_[p] = g.profile_choice(p);
  }

  std::size_t players() const { return players_; }
  std::size_t strategies(std::size_t i) const { return sizes_[i]; }
  // Player i's payoff range, in the game's own units.
  double range(std::size_t i) const { return range_[i]; }

  // values[i][s]: player i's expected payoff (rescaled) from s against the others' mixes.
  StrategyMixes values(const StrategyMixes& sigma) const {
    StrategyMixes v(players_);
    for (std::size_t i = 0; i < players_; ++i) v[i].assign(sizes_[i], 0);
    for (std::size_t p = 0; p < profiles_; ++p)
      for (std::size_t i = 0; i < players_; ++i) {
        double w = 1;
        for (std::size_t j = 0; j < players_ && w != 0; ++j)
          if (j != i) w *= sigma[j][choice_[p][j]];
        if (w != 0) v[i][choice_[p][i]] += w * u_[p * players_ + i];
      }
    return v;
  }

  // ∂ values[i][s] / ∂ σ_j(t), j ≠ i, accumulated into `out(i, s, j, t)`.
  template <typename Out>
  void value_derivatives(const StrategyMixes& sigma, Out&& out) const {
    for (std::size_t p = 0; p < profiles_; ++p)
      for (std::size_t i = 0; i < players_; ++i)
        for (std::size_t j = 0; j < players_; ++j) {
          if (j == i) continue;
          double w = 1;
          for (std::size_t k = 0; k < players_ && w != 0; ++k)
            if (k != i && k != j) w *= sigma[k][choice_[p][k]];
          if (w != 0) out(i, choice_[p][i], j, choice_[p][j], w * u_[p * players_ + i]);
        }
  }

  // Each player's expected payoff under the mixes, in the game's own units.
  std::vector<double> expected(const StrategyMixes& sigma) const {
    const StrategyMixes v = values(sigma);
    std::vector<double> e(players_, 0);
    for (std::size_t i = 0; i < players_; ++i) {
      for (std::size_t s = 0; s < sizes_[i]; ++s) e[i] += sigma[i][s] * v[i][s];
      e[i] = low_[i] + e[i] * range_[i];
    }
    return e;
  }

  double payoff(std::size_t p, std::size_t i) const { return u_[p * players_ + i]; }  // rescaled
  const std::vector<std::size_t>& choice(std::size_t p) const { return choice_[p]; }
  std::size_t profiles() const { return profiles_; }

 private:
  std::size_t players_, profiles_;
  std::vector<std::size_t> sizes_;
  std::vector<double> u_;
  std::vector<std::vector<std::size_t>> choice_;
  std::vector<double> low_, range_;
};

// The most any player gains by deviating to a pure strategy, as a share of its payoff range.
inline double regret_of(const PayoffTensor& g, const StrategyMixes& sigma) {
  const StrategyMixes v = g.values(sigma);
  double worst = 0;
  for (std::size_t i = 0; i < g.players(); ++i) {
    double earned = 0;
    for (std::size_t s = 0; s < g.strategies(i); ++s) earned += sigma[i][s] * v[i][s];
    for (std::size_t s = 0; s < g.strategies(i); ++s) worst = std::max(worst, v[i][s] - earned);
  }
  return worst;
}

// Newton's method on the indifference system of a profile of supports (bit s of supports[i]:
// player i's strategy s is in its support), u_i(s, σ₋ᵢ) = v_i on the supports and each mix
// summing to 1, from `start` (zero off the supports): a solution with residuals below 1e-13 of
// the payoff range, or none. Its probabilities may be negative; the caller checks.
std::optional<StrategyMixes> solve_on_supports(const PayoffTensor& g, const std::vector<std::uint64_t>& supports, const StrategyMixes& start);

}  // namespace statecraft
