#pragma once
// What the perfect Bayesian equilibria of a game of incomplete information say, in words and as
// JSON: what each type does, what the uninformed side believes after each move it sees, which
// answers depend on a type (a threat that some types only would carry out), and the priors under
// which each equilibrium holds.

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "games/perfect_bayesian.hpp"
#include "scenario/model.hpp"

namespace statecraft {

// An equilibrium's play in one line: pooling or separating, and what each type does.
std::string bayesian_play_words(const Game& game, const PerfectBayesianAnalysis& analysis, const PerfectBayesianEquilibrium& equilibrium);

// What every equilibrium agrees on, in a sentence for a bottom line: each player's (and each
// type's) moves on the path of play that are the same in all of them, and the range of the first
// type's prior over which the equilibria stay as they are.
std::string bayesian_conclusion(const Game& game, const PerfectBayesianAnalysis& analysis);

std::string render_bayesian_text(const Game& game, const PerfectBayesianAnalysis& analysis, const std::string& indent);
nlohmann::json bayesian_json(const Game& game, const PerfectBayesianAnalysis& analysis);

}  // namespace statecraft
