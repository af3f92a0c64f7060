#pragma once
// A game's strategies, moves and places in the words a reader sees: the names the scenario gives
// (a strategy's name, the name of the node a move leads to), and the ids only where it gives none.
// JSON keeps the ids; these are for text, Markdown and HTML.

#include <string>
#include <vector>

#include "games/strategic_game.hpp"
#include "scenario/model.hpp"

namespace statecraft {

// The game's title, else its id.
std::string game_title(const Game& game);

// A strategy's name, else its label (for a table's headings).
std::string strategy_name(const StrategicGame& game, std::size_t player, std::size_t strategy);
// A strategy's name in quotes, else its label.
std::string strategy_label(const StrategicGame& game, std::size_t player, std::size_t strategy);
// A strategy's name in quotes, else "PLAYER label".
std::string strategy_words(const StrategicGame& game, std::size_t player, std::size_t strategy);
std::string strategy_words(const Game& game, std::size_t player, std::size_t strategy);
// Each player's strategy, joined by ", ".
std::string profile_words(const StrategicGame& game, const std::vector<std::size_t>& choice);
std::string profile_words(const Game& game, const std::vector<std::size_t>& choice);

// An exact probability ("1/3") as a reader takes it: "33.3 % (1/3)"; "100 %" and "50 % (1/2)".
std::string percent_and_fraction(const std::string& probability);

// Move `m` of `from`: the name of the node it leads to in quotes, else "PLAYER move" (or
// "chance: move").
std::string step_words(const GameNode& from, std::size_t m);
// The move labelled `move` at the node `where` names (backward induction's places): the name of
// the node it leads to in quotes, else the label (the sentence names the mover).
std::string move_words(const Game& game, const std::string& where, const std::string& move);
// How play reaches `where`: "after “A”, then “B”"; empty at the root.
std::string place_words(const Game& game, const std::string& where);
// The same for a place below `from`, given by the moves from there.
std::string place_words(const GameNode& from, const std::string& where);
// A path of "PLAYER move" steps from the root (a subgame-perfect path), each step in words.
std::vector<std::string> path_words(const Game& game, const std::vector<std::string>& path);

}  // namespace statecraft
