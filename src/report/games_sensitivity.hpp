#pragma once
// The games lens's sensitivity and uncertainty in words: for each scenario game, every payoff whose
// change alone would change the solution ("if RUS valued "Ceasefire accepted" at 2 or below — today
// 3 — the play would be: …"), and how often each outcome survives perturbed payoffs. Games given as
// Gambit files and trees with information sets are named and skipped; a game whose analysis would
// be too large (WorkTooLarge) is named as refused, with the reason, and the others are analysed.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "games/sensitivity.hpp"
#include "report/hinge.hpp"
#include "scenario/model.hpp"

namespace statecraft {

// One hinge per payoff that can change its game's solution, for its nearer change; the margin is
// that change as a share of the player's payoff spread in the game.
std::vector<Hinge> games_hinges(const Scenario& scenario);

// The `statecraft sensitivity --lens games` section.
std::string render_games_sensitivity_text(const Scenario& scenario);
nlohmann::json render_games_sensitivity_json(const Scenario& scenario);

// Today's solution in the words of the file: "the play is: Putin offers …, then Trump keeps his
// pledge and sanctions" (a tree's node names), "the pure equilibrium is: USA sanction, RUS stall".
// Empty for a game the margins cannot solve (a Gambit file, a tree with information sets).
std::string game_solution_words(const Game& game);

// Lines such as "Ceasefire accepted, no new sanctions: holds in 62 % of 1000 perturbed games (each
// player's adjacent payoff ranks swapped with probability 0.1)", per game.
std::string render_games_uncertainty_text(const Scenario& scenario, const PerturbationSettings& settings = {});
nlohmann::json render_games_uncertainty_json(const Scenario& scenario, const PerturbationSettings& settings = {});

}  // namespace statecraft
