#include "games/support_enumeration.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <optional>
#include <random>

#include "games/payoff_tensor.hpp"
#include "scenario/work.hpp"

namespace statecraft {
namespace {

using Game = PayoffTensor;
using Profile = StrategyMixes;

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
      auto solution = solve_on_supports(g, supports, sigma);
      if (!solution) continue;
      bool valid = true;
      for (auto& mix : *solution)
        for (double& x : mix) {
          if (x < -1e-10) valid = false;
          x = std::max(x, 0.0);
        }
      if (!valid) continue;
      const double regret = regret_of(g, *solution);
      if (regret > 1e-9) continue;
      const bool known = std::any_of(found.begin(), found.end(), [&](const MixedProfileFound& f) {
        for (std::size_t i = 0; i < g.players(); ++i)
          for (std::size_t s = 0; s < g.strategies(i); ++s)
            if (std::abs(f.probabilities[i][s] - (*solution)[i][s]) > 1e-6) return false;
        return true;
      });
      if (known) continue;
      found.push_back({*solution, g.expected(*solution), regret});
    }
  }
  return found;
}

}  // namespace statecraft
