#pragma once
// The sequence form's linear complementarity problem (Koller, Megiddo & von Stengel 1996, §4) as
// an integer tableau, and Lemke's path through it. Shared by the plain equilibrium
// (sequence_form.cpp) and the quasi-perfect one (quasi_perfect.cpp), which differ only in the
// right-hand side.

#include <array>
#include <gmpxx.h>
#include <vector>

#include "games/sequence_form.hpp"
#include "games/tableau.hpp"
#include "scenario/work.hpp"

namespace statecraft {

// A player's constraint matrix E (von Stengel 1996): row 0 says the empty sequence has
// probability 1; row 1+h that infoset h's actions share their parent's probability.
std::vector<std::vector<int>> sequence_constraints(const SequenceForm& form, std::size_t player);

// Per sequence of the player, how many of the player's own moves it holds (the empty one: 0).
std::vector<std::size_t> sequence_depths(const SequenceForm& form, std::size_t player);

struct SequenceFormLcp {
  Tableau tableau;
  std::vector<mpz_class> cover;                 // Lemke's covering vector d
  std::size_t size = 0;                         // rows, and the number of z variables
  std::array<std::size_t, 2> first_sequence{};  // where each player's realization plan starts among z
  std::size_t degree = 0;                       // the highest power of ε in the right-hand side
};

// With `perturbed`, every sequence s but the empty one must have a realization of at least
// ε^depth(s) (Miltersen & Sørensen 2010, "Computing a quasi-perfect equilibrium of a two-player
// game", Economic Theory 42, §3): the plan is x = x̃ + l(ε) with x̃ ≥ 0, which moves M·l(ε) into
// the right-hand side, one perturbation column per power of ε, and leaves M as it is.
SequenceFormLcp sequence_form_lcp(const SequenceForm& form, bool perturbed);

// Lemke's algorithm (KMvS 1996, Theorem 4.1: it ends at a solution, not on a ray): the artificial
// variable enters, and complements follow until it leaves. Throws std::runtime_error if it does
// not end. Progress counts pivots against the number of rows.
void follow_lemke_path(SequenceFormLcp& lcp, const Progress& progress);

// Per z variable, its value as a polynomial in ε: entry k is the coefficient of ε^k.
std::vector<std::vector<mpq_class>> lcp_solution(const SequenceFormLcp& lcp);

}  // namespace statecraft
