#pragma once
// Correlated equilibria of N-player strategic games (Aumann 1974; 1987): a mediator draws a
// profile from a distribution x and tells each player only its own part. x is an equilibrium
// when no player gains by disobeying its recommendation, which linear inequalities say
// (Papadimitriou & Roughgarden 2008, "Computing correlated equilibria in multi-player games",
// J. ACM 55(3), §2):
//
//   Σ_{s: s_i = j} x(s) · (u_i(s) − u_i(k, s_−i)) ≥ 0   for every player i and strategies j ≠ k,
//   Σ_s x(s) = 1,  x ≥ 0.
//
// Coarse correlated equilibria (Moulin & Vial 1978) ask less: that no player gains by refusing
// the mediator altogether, Σ_s x(s) (u_i(s) − u_i(k, s_−i)) ≥ 0 for every i and k.
//
// Every Nash equilibrium is a correlated one; the set is a polytope, so the best by a linear
// objective is a vertex a linear program finds. GLPK's simplex method (Debian libglpk-dev) finds
// it in floating point; its optimal basis is then solved again in exact rationals, and the
// solution accepted only when the basic solution is feasible and its duals prove it optimal,
// exactly (GLPK's rational simplex, glp_exact, is the second try when the first basis fails).

#include <gmpxx.h>
#include <string>
#include <vector>

#include "games/strategic_game.hpp"

namespace statecraft {

enum class CorrelatedKind { correlated, coarse };

struct CorrelatedEquilibrium {
  std::vector<mpq_class> probability;  // per profile, in the game's profile order
  std::vector<mpq_class> payoffs;      // expected, per player
  bool verified = false;  // checked exactly: a (coarse) correlated equilibrium, and optimal
};

struct CorrelatedSolution {
  // The most total payoff (utilitarian), and the most for the worst-off player (egalitarian;
  // Greenwald & Hall 2003, "Correlated Q-learning", §3), both correlated; the most total payoff
  // among coarse correlated equilibria.
  CorrelatedEquilibrium welfare, fairest, coarse_welfare;
  std::size_t rows = 0, nonzeros = 0;  // of the correlated program
};

// The default limit on the correlated program's nonzero coefficients (one per profile and
// deviation of its recommended player): 2·10⁷ take GLPK about 1.6 GB.
inline constexpr double default_max_correlated_nonzeros = 2e7;

// Throws WorkTooLarge, before building anything, when the program would have more nonzeros than
// `max_nonzeros`; std::runtime_error when GLPK fails.
CorrelatedSolution correlated_equilibria(const StrategicGame& game, double max_nonzeros = default_max_correlated_nonzeros);

// Whether the distribution is a (coarse) correlated equilibrium, exactly.
bool is_correlated_equilibrium(const StrategicGame& game, const std::vector<mpq_class>& probability, CorrelatedKind kind);

}  // namespace statecraft
