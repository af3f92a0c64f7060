#pragma once
// Gambit's extensive-form file format (.efg): `EFG 2 R "title" { "P1" "P2" } "comment"`, then
// the nodes in preorder: `p "name" player infoset "infoset name" { "a" "b" } outcome …` for a
// decision, `c "name" infoset "name" { "a" 1/2 "b" 1/2 } outcome …` for chance, `t "name" outcome
// "outcome name" { u1, u2 }` for a terminal node. An outcome (number, name, payoffs) may sit on any
// node; payoffs add up along the path, and a repeated outcome number may omit its payoffs.

#include <optional>
#include <string_view>

#include "scenario/diagnostics.hpp"
#include "scenario/model.hpp"

namespace statecraft {

// The tree as a scenario Game in extensive form: players are Gambit's player names, information
// sets are labelled by their numbers, and payoffs sit at the terminal nodes.
std::optional<Game> read_efg(std::string_view text, Diagnostics& diagnostics);

// The tree in Gambit's format: information sets numbered per player as labelled (labels that are
// not numbers are numbered in order of first appearance), one outcome per terminal node.
std::string write_efg(const Game& game);

}  // namespace statecraft
