#pragma once
// A scenario's strategic-form game as a StrategicGame.

#include "games/strategic_game.hpp"
#include "scenario/model.hpp"

namespace statecraft {

// The scenario lists outcomes with the last player's strategy varying fastest; the solvers (and
// Gambit) have the first player's varying fastest.
StrategicGame strategic_game_of(const Game& game);

}  // namespace statecraft
