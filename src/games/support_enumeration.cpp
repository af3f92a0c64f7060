#include "games/support_enumeration.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <optional>
#include <random>

#include "games/dense_solve.hpp"
#include "scenario/work.hpp"

namespace statecraft {
namespace {

using Profile = std::vector<std::vector<double>>;

class Game {
 public:
  explicit Game(const StrategicGame& g) : players_(g.players.size()), profiles_(g.profile_count()) {
    for (const auto& list : g.strategies) sizes_.push_back(list.size());
    u_.resize(profiles_ * players_);
    double low = INFINITY, high = -INFINITY;
    for (std::size_t p = 0; p < profiles_; ++p)
      for (std::size_t i = 0; i < players_; ++i) {
        u_[p * players_ + i] = g.payoffs[p][i].get_d();
        low = std::min(low, u_[p * players_ + i]);
        high = std::max(high, u_[p * players_ + i]);
      }
    range_ = high > low ? high - low : 1;
    choice_.resize(profiles_);
    for (std::size_t p = 0; p < profiles_; ++p) choice_[p] = g.profile_choice(p);
  }

  std::size_t players() const { return players_; }
  std::size_t strategies(std::size_t i) const { return sizes_[i]; }
  double range() const { return range_; }

  // values[i][s]: player i's expected payoff from s against the others' mixes.
  Profile values(const Profile& sigma) const {
    Profile v(players_);
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
  void value_derivatives(const Profile& sigma, Out&& out) const {
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

  double payoff(std::size_t p, std::size_t i) const { return u_[p * players_ + i]; }
  const std::vector<std::size_t>& choice(std::size_t p) const { return choice_[p]; }
  std::size_t profiles() const { return profiles_; }

 private:
  std::size_t players_, profiles_;
  std::vector<std::size_t> sizes_;
  std::vector<double> u_;
  std::vector<std::vector<std::size_t>> choice_;
  double range_ = 1;
};

double regret_of(const Game& g, const Profile& sigma) {
  const Profile v = g.values(sigma);
  double worst = 0;
  for (std::size_t i = 0; i < g.players(); ++i) {
    double earned = 0;
    for (std::size_t s = 0; s < g.strategies(i); ++s) earned += sigma[i][s] * v[i][s];
    for (std::size_t s = 0; s < g.strategies(i); ++s) worst = std::max(worst, v[i][s] - earned);
  }
  return worst;
}

// Newton's method on one support profile's indifference system.
class SupportSystem {
 public:
  SupportSystem(const Game& g, const std::vector<std::uint64_t>& supports) : g_(g) {
    for (std::size_t i = 0; i < g.players(); ++i) {
      offset_.push_back(members_.size());
      std::vector<std::size_t> in;
      for (std::size_t s = 0; s < g.strategies(i); ++s)
        if (supports[i] >> s & 1U) in.push_back(s);
      support_.push_back(in);
      for (std::size_t s : in) members_.push_back({i, s});
    }
    unknowns_ = members_.size() + g.players();  // the probabilities, then each player's value
  }

  // From the mix `start` (on the supports), a solution within tolerance, or none.
  std::optional<Profile> solve(Profile sigma) const {
    std::vector<double> value(g_.players(), 0);
    {
      const Profile v = g_.values(sigma);
      for (std::size_t i = 0; i < g_.players(); ++i)
        for (std::size_t s : support_[i]) value[i] += v[i][s] / static_cast<double>(support_[i].size());
    }
    const double tolerance = 1e-13 * g_.range();
    for (int iteration = 0; iteration < 60; ++iteration) {
      std::vector<double> f = residual(sigma, value);
      double norm = 0;
      for (double x : f) norm = std::max(norm, std::abs(x));
      if (norm < tolerance) return sigma;
      std::vector<std::vector<double>> jacobian = jacobian_at(sigma);
      for (double& x : f) x = -x;
      if (!solve_dense(std::move(jacobian), f, f, 1e-14)) return std::nullopt;
      for (std::size_t k = 0; k < members_.size(); ++k) sigma[members_[k].first][members_[k].second] += f[k];
      for (std::size_t i = 0; i < g_.players(); ++i) value[i] += f[members_.size() + i];
      for (const auto& [i, s] : members_)
        if (!std::isfinite(sigma[i][s]) || std::abs(sigma[i][s]) > 1e6) return std::nullopt;
    }
    return std::nullopt;
  }

 private:
  std::vector<double> residual(const Profile& sigma, const std::vector<double>& value) const {
    const Profile v = g_.values(sigma);
    std::vector<double> f;
    for (const auto& [i, s] : members_) f.push_back(v[i][s] - value[i]);
    for (std::size_t i = 0; i < g_.players(); ++i) {
      double total = -1;
      for (std::size_t s : support_[i]) total += sigma[i][s];
      f.push_back(total);
    }
    return f;
  }

  std::vector<std::vector<double>> jacobian_at(const Profile& sigma) const {
    std::vector<std::vector<double>> j(unknowns_, std::vector<double>(unknowns_, 0));
    // Row of (i, s) by its member index; column of σ_j(t) likewise, or −1 outside the supports.
    std::vector<std::vector<long>> position(g_.players());
    for (std::size_t i = 0; i < g_.players(); ++i) position[i].assign(g_.strategies(i), -1);
    for (std::size_t k = 0; k < members_.size(); ++k) position[members_[k].first][members_[k].second] = static_cast<long>(k);
    g_.value_derivatives(sigma, [&](std::size_t i, std::size_t s, std::size_t other, std::size_t t, double d) {
      const long row = position[i][s], column = position[other][t];
      if (row >= 0 && column >= 0) j[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)] += d;
    });
    for (std::size_t k = 0; k < members_.size(); ++k) {
      j[k][members_.size() + members_[k].first] = -1;                // − v_i
      j[members_.size() + members_[k].first][k] = 1;                 // Σ σ_i
    }
    return j;
  }

  const Game& g_;
  std::vector<std::vector<std::size_t>> support_;
  std::vector<std::size_t> offset_;
  std::vector<std::pair<std::size_t, std::size_t>> members_;
  std::size_t unknowns_ = 0;
};

// Whether some strategy in a player's support is strictly dominated by another of its strategies
// against every profile of the others' supports (PNS 2004, conditional dominance).
bool conditionally_dominated(const Game& g, const std::vector<std::uint64_t>& supports) {
  for (std::size_t i = 0; i < g.players(); ++i)
    for (std::size_t s = 0; s < g.strategies(i); ++s) {
      if (!(supports[i] >> s & 1U)) continue;
      for (std::size_t t = 0; t < g.strategies(i); ++t) {
        if (t == s) continue;
        bool dominates = true, any = false;
        for (std::size_t p = 0; p < g.profiles() && dominates; ++p) {
          const auto& c = g.choice(p);
          if (c[i] != s) continue;
          bool in_supports = true;
          for (std::size_t j = 0; j < g.players() && in_supports; ++j)
            if (j != i && !(supports[j] >> c[j] & 1U)) in_supports = false;
          if (!in_supports) continue;
          any = true;
          auto deviated = c;
          deviated[i] = t;
          std::size_t q = 0, stride = 1;
          for (std::size_t j = 0; j < g.players(); ++j) q += deviated[j] * stride, stride *= g.strategies(j);
          if (!(g.payoff(q, i) > g.payoff(p, i))) dominates = false;
        }
        if (dominates && any) return true;
      }
    }
  return false;
}

// A seeded uniform number in [0, 1) from a 64-bit Mersenne Twister (its output is specified, so
// the starts are the same on every platform).
double uniform(std::mt19937_64& random) { return static_cast<double>(random() >> 11) * 0x1.0p-53; }

}  // namespace

double profile_regret(const StrategicGame& game, const std::vector<std::vector<double>>& probabilities) { return regret_of(Game(game), probabilities); }

std::vector<MixedProfileFound> support_enumeration(const StrategicGame& game, const SupportSearchSettings& settings) {
  const Game g(game);
  double count = 1;
  for (std::size_t i = 0; i < g.players(); ++i) count *= std::ldexp(1.0, static_cast<int>(g.strategies(i))) - 1;
  if (count > settings.max_profiles)
    throw WorkTooLarge(fmt::format("support enumeration would try {:.4g} profiles of supports", count), count, settings.max_profiles);
  // Every profile of supports, the smallest in total first (pure equilibria before mixed ones).
  std::vector<std::vector<std::uint64_t>> profiles{{}};
  for (std::size_t i = 0; i < g.players(); ++i) {
    std::vector<std::vector<std::uint64_t>> longer;
    for (const auto& p : profiles)
      for (std::uint64_t s = 1; s < (std::uint64_t{1} << g.strategies(i)); ++s) {
        longer.push_back(p);
        longer.back().push_back(s);
      }
    profiles = std::move(longer);
  }
  auto size = [](const std::vector<std::uint64_t>& p) {
    int n = 0;
    for (auto s : p) n += std::popcount(s);
    return n;
  };
  std::stable_sort(profiles.begin(), profiles.end(), [&](const auto& a, const auto& b) { return size(a) < size(b); });
  std::vector<MixedProfileFound> found;
  std::mt19937_64 random(20261203);
  for (const auto& supports : profiles) {
    if (conditionally_dominated(g, supports)) continue;
    const SupportSystem system(g, supports);
    const bool pure = size(supports) == static_cast<int>(g.players());
    for (std::size_t start = 0; start < (pure ? 1 : settings.starts); ++start) {
      Profile sigma(g.players());
      for (std::size_t i = 0; i < g.players(); ++i) {
        sigma[i].assign(g.strategies(i), 0);
        double total = 0;
        for (std::size_t s = 0; s < g.strategies(i); ++s)
          if (supports[i] >> s & 1U) total += sigma[i][s] = start == 0 ? 1 : 0.05 + uniform(random);
        for (double& x : sigma[i]) x /= total;
      }
      auto solution = system.solve(sigma);
      if (!solution) continue;
      bool valid = true;
      for (auto& mix : *solution)
        for (double& x : mix) {
          if (x < -1e-10) valid = false;
          x = std::max(x, 0.0);
        }
      if (!valid) continue;
      const double regret = regret_of(g, *solution) / g.range();
      if (regret > 1e-9) continue;
      const bool known = std::any_of(found.begin(), found.end(), [&](const MixedProfileFound& f) {
        for (std::size_t i = 0; i < g.players(); ++i)
          for (std::size_t s = 0; s < g.strategies(i); ++s)
            if (std::abs(f.probabilities[i][s] - (*solution)[i][s]) > 1e-6) return false;
        return true;
      });
      if (known) continue;
      MixedProfileFound e{*solution, {}, regret};
      const Profile v = g.values(*solution);
      for (std::size_t i = 0; i < g.players(); ++i) {
        double earned = 0;
        for (std::size_t s = 0; s < g.strategies(i); ++s) earned += (*solution)[i][s] * v[i][s];
        e.payoffs.push_back(earned);
      }
      found.push_back(std::move(e));
    }
  }
  return found;
}

}  // namespace statecraft
