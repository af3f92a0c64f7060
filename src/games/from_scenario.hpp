#pragma once
// A scenario's strategic-form game as a StrategicGame.

#include <optional>

#include "games/strategic_game.hpp"
#include "scenario/model.hpp"

namespace statecraft {

// The scenario lists outcomes with the last player's strategy varying fastest; the solvers (and
// Gambit) have the first player's varying fastest.
StrategicGame strategic_game_of(const Game& game);

// A tree's (unreduced) strategic form: a pure strategy picks one action at each of the player's
// information sets (ordered by first node in the tree, "a/b" naming the actions in that order);
// chance takes its expectation. Empty when it would exceed `max_profiles` profiles.
std::optional<StrategicGame> strategic_form_of_tree(const Game& game, std::size_t max_profiles);

}  // namespace statecraft
