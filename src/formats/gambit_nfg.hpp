#pragma once
// Gambit's strategic-form file format (.nfg), both versions: the payoff list
// (`NFG 1 D "title" { "P1" "P2" } { 2 3 }` then every profile's payoffs) and the outcome list
// (`NFG 1 R "title" { "P1" "P2" } { { "a" "b" } { "x" "y" "z" } } "comment"`, the outcomes
// `{ "name" u1, u2 }`, then each profile's outcome number, 0 for none). Profiles run with the
// first player's strategy varying fastest.

#include <optional>
#include <string>
#include <string_view>

#include "games/strategic_game.hpp"
#include "scenario/diagnostics.hpp"

namespace statecraft {

std::optional<StrategicGame> read_nfg(std::string_view text, Diagnostics& diagnostics);

// Named strategies followed by the payoff list, which Gambit's reader accepts.
std::string write_nfg(const StrategicGame& game);

}  // namespace statecraft
