#pragma once
// Solvers for strategic-form games that need no linear algebra.

#include <vector>

#include "games/strategic_game.hpp"

namespace statecraft {

// Every pure-strategy Nash equilibrium: profiles where no player gains by deviating alone.
// Each as the chosen strategy per player; in the order of profile index.
std::vector<std::vector<std::size_t>> pure_nash_equilibria(const StrategicGame& game);

// Iterated elimination of strictly dominated strategies (by another pure strategy), until none
// is left to remove. Returns, per player, the surviving strategy indices.
std::vector<std::vector<std::size_t>> iterated_strict_dominance(const StrategicGame& game);

}  // namespace statecraft
