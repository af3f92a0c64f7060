#pragma once
// What the solvers say about a game, in words and as JSON.

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "games/backward_induction.hpp"
#include "games/strategic_game.hpp"

namespace statecraft {

struct StrategicSolution {
  bool pure_searched = false;
  std::vector<std::vector<std::size_t>> pure_equilibria;
  std::vector<std::vector<std::size_t>> undominated;  // surviving strategies per player
  // Two-player games up to 12x12: the equilibria of the Lemke-Howson graph (those that mix
  // strategies only, when the pure ones were searched for too),
  // per player the probability of each strategy, as exact fractions.
  std::vector<std::vector<std::vector<std::string>>> mixed_equilibria;
  // Up to 4096 profiles: where the logit quantal response branch ends (McKelvey & Palfrey), per
  // player per strategy; the equilibrium that boundedly rational play selects.
  std::vector<std::vector<double>> logit_limit;
};

// Which solvers to run on a strategic game.
struct SolverChoice {
  bool pure = true;        // pure-strategy equilibria
  bool dominance = true;   // iterated strict dominance
  bool lemke_howson = true;  // two players up to 12x12 (any size when asked for explicitly)
  bool logit = true;       // up to 4096 profiles (any size when asked for explicitly)
  bool explicit_choice = false;
};

// From a --method value: all (the default), pure, dominance, lcp (Lemke-Howson), logit.
// Empty for an unknown name.
std::optional<SolverChoice> solver_choice(const std::string& method);

StrategicSolution solve_strategic(const StrategicGame& game, const SolverChoice& choice = {});

std::string render_strategic_text(const StrategicGame& game, const StrategicSolution& solution, const std::string& indent);
nlohmann::json strategic_json(const StrategicGame& game, const StrategicSolution& solution);

std::string render_tree_text(const std::vector<std::string>& players, const BackwardInduction& solution, const std::string& indent);
nlohmann::json tree_json(const std::vector<std::string>& players, const BackwardInduction& solution);

}  // namespace statecraft
