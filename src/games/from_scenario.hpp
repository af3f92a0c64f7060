#pragma once
// A scenario's strategic-form game as a StrategicGame.

#include <optional>

#include "games/strategic_game.hpp"
#include "scenario/model.hpp"

namespace statecraft {

// The scenario lists outcomes with the last player's strategy varying fastest; the solvers (and
// Gambit) have the first player's varying fastest.
StrategicGame strategic_game_of(const Game& game);

// A tree's reduced strategic form, as Gambit's: a pure strategy picks an action at each of the
// player's information sets that its own earlier actions leave reachable ("a/*/b" names them in
// the order of the sets' first nodes, "*" where none is needed), strategies listed with the first
// set's action varying slowest; strategies differing only where they never play are one. Chance
// takes its expectation. Empty when it would exceed `max_profiles` profiles.
std::optional<StrategicGame> strategic_form_of_tree(const Game& game, std::size_t max_profiles);

}  // namespace statecraft
