#pragma once
// Two-player games: the Lemke–Howson algorithm (Lemke & Howson 1964), in the tableau form of
// Shapley (1974) and von Stengel (2002, "Computing equilibria for two-person games", §3), in exact
// rational arithmetic (GMP). A lexicographic ratio test keeps it correct on degenerate games.

#include <gmpxx.h>
#include <vector>

#include "games/strategic_game.hpp"
#include "games/tableau.hpp"

namespace statecraft {

struct MixedProfile {
  std::vector<mpq_class> row;     // player 1's probabilities
  std::vector<mpq_class> column;  // player 2's
  bool operator==(const MixedProfile&) const = default;
};

// The equilibrium reached by dropping `label` (0 … m+n−1: player 1's strategies first) from the
// artificial equilibrium. The game must have two players.
MixedProfile lemke_howson(const StrategicGame& game, std::size_t label);

// The distinct equilibria reached from every starting label, in the order first found.
std::vector<MixedProfile> lemke_howson_all_labels(const StrategicGame& game);

// Every equilibrium connected to the artificial one in the Lemke-Howson graph: from each one
// found, every label is dropped again (what gambit-lcp lists).
std::vector<MixedProfile> lemke_howson_graph(const StrategicGame& game);

}  // namespace statecraft
