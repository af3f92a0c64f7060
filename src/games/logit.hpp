#pragma once
// The logit quantal response equilibrium (McKelvey & Palfrey 1995): each player plays each
// strategy with probability proportional to exp(λ·expected payoff). From λ = 0 (uniform play)
// the principal branch is traced by predictor–corrector continuation in arc length (Turocy 2005,
// "A dynamic homotopy interpretation of the logistic quantal response equilibrium
// correspondence", Games and Economic Behavior 51) to large λ, where it approaches a Nash
// equilibrium: the one the logit tracing selects.

#include <vector>

#include "games/strategic_game.hpp"
#include "scenario/work.hpp"

namespace statecraft {

struct LogitPoint {
  double lambda = 0;
  std::vector<std::vector<double>> probabilities;  // per player, per strategy
};

struct LogitSettings {
  double final_lambda = 1e6;  // in units of the game's payoff range
  std::size_t max_steps = 100000;
  Progress progress;  // thousandths of the way to the final λ, on a logarithmic scale
};

// Points along the branch (the first at λ = 0, the last at the final λ, unless max_steps ran out
// first). Throws std::runtime_error when the branch cannot be followed numerically.
std::vector<LogitPoint> trace_logit(const StrategicGame& game, const LogitSettings& settings = {});

// The most any player gains by deviating alone from the mixed profile (per player, per strategy),
// as a share of the game's payoff range: 0 at a Nash equilibrium, about 1/λ at the end of the branch.
double regret(const StrategicGame& game, const std::vector<std::vector<double>>& probabilities);

}  // namespace statecraft
