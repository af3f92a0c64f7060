#pragma once
// A game's `types` shorthand (docs/scenario-format.md, "Private types") written out as the game
// of incomplete information it stands for (Harsanyi 1967–68): chance first draws every typed
// player's type from the prior, each player independently; the tree as written is then played
// in every profile of types, with the payoffs of that profile. A typed player knows its own
// type, so its information sets are split by type; nobody else's are, so another player's node
// is one information set across all the profiles.

#include <cstddef>
#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

// Every profile of types, a type id per TypeDraw, the last draw's type varying fastest: the
// order of Payoff::by_type_profile and of the expanded tree's first chance moves.
std::vector<std::vector<std::string>> type_profiles(const std::vector<TypeDraw>& types);

// The chance move that draws a profile: its type ids joined by ", ".
std::string type_profile_label(const std::vector<std::string>& profile);

// The expanded tree would have more nodes than this: refused, with the size and the limit.
inline constexpr std::size_t max_typed_tree_nodes = 1'000'000;
// Nodes of the expanded tree: the draw, and a copy of the written tree per profile (less the
// moves closed to the profile's types).
std::size_t typed_tree_nodes(const Game& game);

// Replaces the written tree by the expanded one. The game must have been read without errors
// (priors summing to 1, a payoff for every profile).
void expand_types(Game& game);

}  // namespace statecraft
