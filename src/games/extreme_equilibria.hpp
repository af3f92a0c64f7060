#pragma once
// Every extreme Nash equilibrium of a two-player game, by enumerating the vertices of both
// best-response polytopes and pairing those whose labels are complementary (Avis, Rosenberg,
// Savani & von Stengel 2010, "Enumeration of Nash equilibria for two-player games", §3; what
// gambit-enummixed and lrsnash compute). Correct on degenerate games: a lexicographic
// perturbation makes each polytope simple, and a vertex's labels are all its tight inequalities.

#include <cstddef>
#include <vector>

#include "games/lemke_howson.hpp"
#include "scenario/work.hpp"

namespace statecraft {

enum class Arithmetic {
  exact,     // integer pivoting in GMP throughout
  fast,      // pivots in double precision and modulo a prime: zero tests by the residue, signs by
             // the double; every equilibrium is then made exact and checked
  automatic  // exact for small games, fast for large ones, starting again exactly whenever a sign
             // came too close to the rounding error or an equilibrium fails its check
};

struct ExtremeEquilibria {
  std::vector<MixedProfile> equilibria;  // sorted, each exact
  std::size_t row_vertices = 0;          // vertices of P (player 1's mixed strategies, scaled)
  std::size_t column_vertices = 0;       // vertices of Q; either is 0 when its search was stopped
                                         // because the partners were solved for instead
  bool exact_pivots = false;             // which arithmetic produced the final list
  bool degenerate = false;               // a vertex has more tight inequalities than dimensions:
                                         // mixtures of some listed equilibria may be equilibria too
};

// The game must have two players with at most 64 strategies between them. Progress counts the
// vertices found in both polytopes (their number is not known in advance: the total is 0).
ExtremeEquilibria extreme_equilibria(const StrategicGame& game, Arithmetic arithmetic = Arithmetic::automatic, const Progress& progress = {});

}  // namespace statecraft
