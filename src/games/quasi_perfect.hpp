#pragma once
// A sequential equilibrium of a two-player tree in behaviour strategies, exact: the
// quasi-perfect equilibrium that Lemke's algorithm finds on a symbolically perturbed sequence
// form (Miltersen & Sørensen 2010, "Computing a quasi-perfect equilibrium of a two-player game",
// Economic Theory 42, 175–192).
//
// Why: Lemke's solution of the plain sequence form is a Nash equilibrium, and may prescribe moves
// off the path of play that the mover would not make if it got there (a threat nobody would carry
// out). A quasi-perfect equilibrium (van Damme 1984, "A relation between perfect equilibria in
// extensive form games and proper equilibria in normal form games", IJGT 13) asks every move to
// be best against the other side's slightest mistakes; it is sequential (van Damme 1984, §3) and,
// with two players, perfect in the strategic form (no weakly dominated strategy is played).
//
// How: every sequence s of a player's moves must be played with probability at least ε^|s|, |s|
// its number of moves (MS 2010, §3). Lemke's algorithm with ε kept symbolic (the ratio test
// compares the right-hand side's terms in ε, ε², … in turn) ends at one basis that solves the
// perturbed game for every small enough ε, so the realization plans are polynomials in ε, and
// their limit at ε → 0 is a quasi-perfect equilibrium (MS 2010, Theorem 2 and Lemma 1). The limit
// of the perturbed behaviour gives the moves off the path, and that of Bayes' rule the beliefs at
// every information set; together they are a consistent assessment (Kreps & Wilson 1982).

#include <array>
#include <gmpxx.h>
#include <vector>

#include "games/sequence_form.hpp"
#include "scenario/work.hpp"

namespace statecraft {

struct SequentialEquilibrium {
  // The limit realization plans, the behaviour at every information set (off the path of play
  // too: the limit of the perturbed behaviour, not a uniform filler), and the payoffs.
  BehaviorEquilibrium play;
  // Per player, per information set, per node it joins (SequenceForm::Infoset::members): the
  // belief, the limit of Bayes' rule under the perturbed plans (uniform at a set that only chance
  // moves of probability 0 lead to).
  std::array<std::vector<std::vector<mpq_class>>, 2> beliefs;
  // The perturbed plans: per player, per sequence, the coefficients of ε⁰, ε¹, … .
  std::array<std::vector<std::vector<mpq_class>>, 2> perturbed;
};

// Throws std::runtime_error if Lemke's path does not end (not seen), and std::logic_error if the
// answer fails its exact checks (a Nash equilibrium, sequentially rational).
SequentialEquilibrium quasi_perfect_equilibrium(const SequenceForm& form, const Progress& progress = {});

// Whether each move the behaviour makes at an information set has the highest expected payoff
// there, given the belief and the play below: sequential rationality (Kreps & Wilson 1982),
// checked exactly. The belief and the other's play are taken from its perturbed plan (their
// limits are what `beliefs` and `play` report), the mover's own play below from its behaviour.
// Sets that only chance moves of probability 0 lead to are not checked: nothing there matters.
bool is_sequentially_rational(const SequenceForm& form, const SequentialEquilibrium& e);

}  // namespace statecraft
