#pragma once
// Mixed equilibria of games of any number of players by the global Newton method's homotopy
// (Govindan & Wilson 2003, "A global Newton method to compute Nash equilibria", Journal of
// Economic Theory 110, 65–86; gambit-gnm implements it).
//
// The game is perturbed along a ray: player i's payoff from strategy s becomes
// u_i(s, σ₋ᵢ) + λ·b_i(s). For λ large each player's strategy with the largest bonus dominates, so
// the perturbed game has one equilibrium, pure; for generic b the equilibria of the perturbed games
// (λ, σ) form a one-dimensional path from there (GW 2003, §2, from the structure theorem of
// Kohlberg & Mertens 1986) that ends at λ → −∞, and each point where it crosses λ = 0 is an
// equilibrium of the game itself (an odd number of them).
//
// GW follow the path in Kohlberg–Mertens coordinates, where it is smooth; statecraft follows it
// in the strategies themselves, piece by piece: on a fixed profile of supports the path solves
//
//   u_i(s, σ₋ᵢ) + λ·b_i(s) = v_i  for each s in S_i,    Σ_{s ∈ S_i} σ_i(s) = 1,
//
// one equation fewer than unknowns (σ on the supports, v, λ), which a predictor–corrector
// (Euler step along the tangent, Newton back onto the path orthogonally to it) follows by arc
// length. A piece ends where a probability falls to zero (the strategy leaves its support) or an
// unused strategy's payoff reaches v_i (it joins); the next piece starts there, in the direction
// that keeps the inequalities. These are the points of GW's path; only the coordinates differ.
//
// In a degenerate game (ties, as the strategic forms of trees have) several such events fall on
// one point of λ = 0, where a piece's system is singular. So the path is followed in the game
// with each payoff moved by a pseudo-random amount below 10⁻¹⁰ of its player's payoff range, and each
// crossing of λ = 0 is brought back to the game itself by Newton's method on its supports; it is
// kept when its regret there is below 10⁻⁹ of each player's payoff range (a crossing on a continuum of
// equilibria, where that system is singular, is kept only if it is that close already).

#include <cstdint>
#include <vector>

#include "games/strategic_game.hpp"
#include "games/support_enumeration.hpp"

// Each player's payoffs are rescaled to [0, 1] first (games/payoff_tensor.hpp), so neither their
// scale nor an offset changes the paths. Supports are bit sets: at most 64 strategies a player.

namespace statecraft {

struct GlobalNewtonSettings {
  std::size_t rays = 4;           // perturbation rays, each a path; pseudo-random and seeded
  std::size_t max_steps = 5000;   // predictor–corrector steps per path (the reference games' take up to about 300)
  std::uint64_t seed = 20261203;
};

struct GlobalNewtonResult {
  std::vector<MixedProfileFound> equilibria;  // distinct (within 1e-6), in the order found
  std::size_t paths = 0;                      // rays followed
  std::size_t paths_completed = 0;            // followed to λ far below zero
  std::size_t steps = 0;                      // predictor–corrector steps, all paths
};

// Throws std::invalid_argument when a player has more than 64 strategies.
GlobalNewtonResult global_newton(const StrategicGame& game, const GlobalNewtonSettings& settings = {});

}  // namespace statecraft
