#pragma once
// Two-player games: the Lemke–Howson algorithm (Lemke & Howson 1964), in the tableau form of
// Shapley (1974) and von Stengel (2002, "Computing equilibria for two-person games", §3), in exact
// rational arithmetic (GMP). A lexicographic ratio test keeps it correct on degenerate games.

#include <gmpxx.h>
#include <vector>

#include "games/strategic_game.hpp"
#include "games/tableau.hpp"
#include "scenario/work.hpp"

namespace statecraft {

struct MixedProfile {
  std::vector<mpq_class> row;     // player 1's probabilities
  std::vector<mpq_class> column;  // player 2's
  bool operator==(const MixedProfile&) const = default;
};

// The equilibrium reached by dropping `label` (0 … m+n−1: player 1's strategies first) from the
// artificial equilibrium. The game must have two players.
MixedProfile lemke_howson(const StrategicGame& game, std::size_t label);

struct LemkeHowsonLabels {
  std::vector<MixedProfile> equilibria;  // distinct, in the order first found
  std::size_t labels = 0;                // the labels whose paths were followed to the end: 0, 1, …
};

// The equilibria reached from every starting label in turn, while the pivots (and the copies of
// the starting tableaux) fit in `budget` tableau entries rewritten (a count, so that the answer does not depend on the machine's speed):
// the path that would exceed it is abandoned and the labels after it are not tried.
LemkeHowsonLabels lemke_howson_all_labels(const StrategicGame& game, std::uint64_t budget = UINT64_MAX, const Progress& progress = {});

// Every equilibrium connected to the artificial one in the Lemke-Howson graph: from each one
// found, every label is dropped again (what gambit-lcp lists).
std::vector<MixedProfile> lemke_howson_graph(const StrategicGame& game, const Progress& progress = {});

}  // namespace statecraft
