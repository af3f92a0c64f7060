#pragma once
// Mixed Nash equilibria of games with any number of players by support enumeration (Porter,
// Nudelman & Shoham 2004, "Simple search methods for finding a Nash equilibrium", Games and
// Economic Behavior 63, algorithm 2; Gambit's enumpoly searches the same supports). For every
// profile of supports, smallest first, the players' indifference conditions
//
//   u_i(s, σ_−i) = v_i for every s in S_i,   Σ_{s ∈ S_i} σ_i(s) = 1,   σ_i(s) = 0 outside S_i
//
// are a square system of multilinear equations; Newton's method solves it from several starting
// points (the uniform mix, then pseudo-random ones, seeded), and a solution is kept when every
// probability is non-negative and no player gains by any strategy outside its support. Support
// profiles where some strategy is conditionally strictly dominated are skipped (PNS 2004, §3).
// A system may have several solutions; the starts find them as Newton's basins allow, so the list
// is the equilibria found, not a proof that there are no others (for two players, vertex
// enumeration gives every one, exactly).

#include <vector>

#include "games/strategic_game.hpp"

namespace statecraft {

struct MixedProfileFound {
  std::vector<std::vector<double>> probabilities;  // per player, per strategy
  std::vector<double> payoffs;                     // expected, per player
  double regret = 0;  // the most any player gains by deviating, as a share of that player's payoff range
  const char* found_by = "support enumeration";
};

struct SupportSearchSettings {
  std::size_t starts = 8;       // Newton's starting points per support profile
  double max_profiles = 2e5;    // support profiles past which the search is refused (WorkTooLarge)
};

// Equilibria with regret below 1e-9 of each player's payoff range, distinct (no two within 1e-6 of each
// other in every probability), in the order found.
std::vector<MixedProfileFound> support_enumeration(const StrategicGame& game, const SupportSearchSettings& settings = {});

// The most any player gains by deviating from the profile to a pure strategy, as a share of that
// player's payoff range (the largest over players).
double profile_regret(const StrategicGame& game, const std::vector<std::vector<double>>& probabilities);

}  // namespace statecraft
