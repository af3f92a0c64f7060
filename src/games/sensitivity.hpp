#pragma once
// How far each payoff of a scenario game can move before the game's solution changes, and how often
// the solution survives random perturbations of all payoffs (docs/models/games.md, "Margins and
// perturbation").
//
// The solution of a perfect-information tree is the set of subgame-perfect plays that
// backward_induction lists (ties included, as it keeps them); of a strategic game, its set of pure
// Nash equilibria, and, in a 2×2 game, whether its fully mixed equilibrium stays fully mixed.

#include <cstdint>
#include <gmpxx.h>
#include <optional>
#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

// One point of a solution. A subgame-perfect play: the terminal nodes it reaches with positive
// probability (more than one below a chance node), each as the move indices from the root. A pure
// equilibrium: one "node", each player's strategy index.
struct SolutionPoint {
  std::vector<std::vector<std::size_t>> reached;
  auto operator<=>(const SolutionPoint&) const = default;
};
using GameSolution = std::vector<SolutionPoint>;  // sorted, no repeats

// Which payoff: the player, and either the terminal node (move indices from the root) or the
// strategic game's outcome (its index in Game::outcomes, the last player's strategy fastest).
struct PayoffRef {
  std::size_t player = 0;
  std::vector<std::size_t> terminal;
  std::size_t outcome = 0;
  auto operator<=>(const PayoffRef&) const = default;
};

// The nearest change of the solution on one side of today's value.
struct PayoffShift {
  bool changes = false;        // false: no value on this side changes the solution
  mpq_class threshold;         // where it changes (today's value when it changes at once)
  bool at_threshold = false;   // already at the threshold itself (a tie there); else only beyond it
  GameSolution at;             // the solution at the threshold
  GameSolution past;           // and just beyond it
};

struct PayoffMargin {
  PayoffRef payoff;
  mpq_class today;
  PayoffShift up, down;
};

// 2×2 games with a fully mixed equilibrium: the payoff value at which it stops being fully mixed
// (a player's two payoffs against one strategy of the opponent become equal, so the opponent's
// mix no longer makes it indifferent; von Stengel 2002, "Computing equilibria for two-person
// games", §2). Empty without one.
struct MixedMargin {
  PayoffRef payoff;
  mpq_class today;
  mpq_class threshold;  // the mix hits a pure strategy there; moving away from it keeps it interior
};

struct GameSensitivity {
  bool solved = false;   // false: not a scenario tree of perfect information nor a strategic game
  std::string unsolved;  // why
  GameSolution solution;
  std::vector<PayoffMargin> margins;  // every payoff written in the game, in tree or outcome order
  std::vector<MixedMargin> mixed;     // 2×2 strategic games with a fully mixed equilibrium
};

// Refuses (WorkTooLarge) trees whose chance nodes combine more continuations than can be compared,
// or more work than about a second. Extensive games must be of perfect information.
GameSensitivity game_sensitivity(const Game& game);

// The solution of the game with one payoff set to `value` (the oracle the margins are checked against).
GameSolution solution_with(const Game& game, const PayoffRef& payoff, const mpq_class& value);
GameSolution game_solution(const Game& game);

// Every payoff as written (exact), and each player's spread (largest minus smallest payoff).
mpq_class payoff_value(const Game& game, const PayoffRef& payoff);
const Number* payoff_number(const Game& game, const PayoffRef& payoff);
std::vector<PayoffRef> game_payoffs(const Game& game);
std::vector<mpq_class> payoff_spreads(const Game& game);
// The tree's node at the end of `path` (move indices); a strategic outcome's strategy per player.
const GameNode& game_node(const Game& game, const std::vector<std::size_t>& path);
std::vector<std::size_t> outcome_choice(const Game& game, std::size_t outcome);

// Perturbation: ordinal games (every payoff a whole number between -20 and 20) have each player's
// adjacent payoff ranks swapped with `swap_probability`, unless `cardinal` is asked for; cardinal
// games get normal noise of standard deviation `noise` × the player's spread on every payoff.
struct PerturbationSettings {
  std::size_t samples = 1000;
  double swap_probability = 0.1;
  double noise = 0.05;
  bool cardinal = false;  // treat an ordinal game as cardinal
  std::uint64_t seed = 1;
};

struct SolutionFrequency {
  SolutionPoint point;
  std::size_t holds = 0;  // samples whose solution contains it
};

struct GamePerturbation {
  bool solved = false;
  std::string unsolved;
  bool ordinal = false;  // perturbed by rank swaps (else by noise)
  std::size_t samples = 0;
  std::vector<SolutionFrequency> today;   // each point of today's solution
  std::vector<SolutionFrequency> others;  // points that appear in some sample only, most frequent first
};

bool is_ordinal(const Game& game);
// Refuses (WorkTooLarge) more than about 2·10⁸ node visits in all, or more than 10⁶ samples.
GamePerturbation perturb_game(const Game& game, const PerturbationSettings& settings);

}  // namespace statecraft
