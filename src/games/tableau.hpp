#pragma once
// The two best-response polytopes of a bimatrix game as integer tableaux (von Stengel 2002,
// "Computing equilibria for two-person games", §3), shared by Lemke–Howson and vertex enumeration.
//
//   P = {x ≥ 0 : Bᵀx ≤ 1}   rows j:  s_j + Σ_i b_ij x_i = 1
//   Q = {y ≥ 0 : A y ≤ 1}   rows i:  r_i + Σ_j a_ij y_j = 1
//
// Columns are numbered by label: label i < m is x_i in P and r_i in Q; label m+j is s_j in P and
// y_j in Q. A vertex's labels are its tight inequalities; an equilibrium is a pair of vertices, not
// both zero, whose labels together cover all m+n (§3.2).

#include <gmpxx.h>
#include <vector>

#include "games/strategic_game.hpp"

namespace statecraft {

// The game's payoffs as exact rationals, and as positive integers: shifted so that every payoff is
// at least 1 and multiplied by the common denominator (equilibria do not change), with `one` the
// right-hand side 1 scaled the same way. The game must have two players.
struct PositiveBimatrix {
  std::size_t m = 0, n = 0;  // player 1's and player 2's number of strategies
  std::vector<std::vector<mpq_class>> a, b;        // exact payoffs [i][j]
  std::vector<std::vector<mpz_class>> integer_a, integer_b;
  mpz_class one;
};
PositiveBimatrix positive_bimatrix(const StrategicGame& game);

// Equations Σ_v coefficient[r][v]·variable_v = rhs[r], one basic variable per row.
struct Tableau {
  // Integer pivoting (Bareiss; as in Avis's lrs and von Stengel 2002, §3): the entries are
  // `determinant` times those of the rational tableau, and every division is exact, so the
  // numbers stay as small as the determinants of the basis.
  std::vector<std::vector<mpz_class>> coefficient;
  std::vector<mpz_class> rhs;
  std::vector<std::size_t> basic;          // variable basic in each row
  std::vector<std::size_t> slack_columns;  // the initial basis, for the lexicographic ratio test
  mpz_class determinant = 1;
  // Columns that never enter but hold the right-hand side's terms in ε, ε², … of a symbolically
  // perturbed problem (rhs + Σ ε^k·column_k): pivoting keeps each as B⁻¹ times its start, as it
  // does the rhs, and the ratio test compares them after the rhs and before the slack columns (ε
  // is small, but larger than the tie-breaking perturbation).
  std::vector<std::size_t> perturbation_columns;

  std::size_t rows() const { return rhs.size(); }
  // The row that leaves when `entering` enters: minimum ratio, ties broken lexicographically
  // (which makes every basis of a degenerate polytope a vertex of a simple perturbed one);
  // rows() if `entering` can grow without bound.
  std::size_t leaving_row(std::size_t entering) const;
  // Pivots `entering` into the basis at `row`; returns the variable that leaves.
  std::size_t pivot_at(std::size_t row, std::size_t entering);
  // Both in one; throws if unbounded.
  std::size_t pivot(std::size_t entering);
  bool rhs_is_zero(std::size_t row) const { return sgn(rhs[row]) == 0; }
  mpq_class value(std::size_t variable) const;

 private:
  bool lexicographically_smaller(std::size_t a, std::size_t b, std::size_t entering) const;
};

Tableau p_tableau(const PositiveBimatrix& g);
Tableau q_tableau(const PositiveBimatrix& g);

}  // namespace statecraft
