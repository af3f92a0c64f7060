#pragma once
// What the solvers say about a game, in words and as JSON.

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "games/backward_induction.hpp"
#include "games/correlated.hpp"
#include "games/logit.hpp"
#include "games/perfect_bayesian.hpp"
#include "games/quasi_perfect.hpp"
#include "games/sequence_form.hpp"
#include "games/support_enumeration.hpp"
#include "games/strategic_game.hpp"
#include "scenario/work.hpp"

namespace statecraft {

// A mixed equilibrium of a two-player game, in exact fractions: per player the probability of
// each strategy, and each player's expected payoff.
struct MixedEquilibrium {
  std::vector<std::vector<std::string>> probabilities;
  std::vector<std::string> payoffs;
  bool operator==(const MixedEquilibrium&) const = default;
};

enum class MixedSearch { none, extreme, lemke_howson_labels, lemke_howson_graph };

// A solver that was asked for (or is part of the default) and did not run, and why.
struct SkippedSolver {
  std::string solver;  // "every extreme equilibrium"
  std::string reason;  // "vertex enumeration takes at most 64 strategies between the two players; this game has 66"
  std::string method;  // the --method that runs it, or empty when none can on this game
  bool operator==(const SkippedSolver&) const = default;
};

struct StrategicSolution {
  bool pure_searched = false;
  std::vector<std::vector<std::size_t>> pure_equilibria;
  std::vector<std::vector<std::size_t>> undominated;  // surviving strategies per player
  // Two-player games: every extreme equilibrium (MixedSearch::extreme, complete) or those
  // Lemke-Howson reaches; only those that mix, when the pure ones were searched for too.
  MixedSearch mixed_search = MixedSearch::none;
  bool degenerate = false;  // extreme search: the equilibria may form continua between those listed
  std::vector<MixedEquilibrium> mixed_equilibria;
  // Within the default budget or on request: where the logit quantal response branch ends (McKelvey & Palfrey), per
  // player per strategy; the equilibrium that boundedly rational play selects.
  std::vector<std::vector<double>> logit_limit;
  std::string logit_failure;  // why the tracing gave no equilibrium, when it ran and failed
  std::size_t lemke_howson_labels = 0;  // MixedSearch::lemke_howson_labels: the labels whose paths were followed
  // The mediator's best deals: the correlated equilibria of most total payoff and of the highest
  // payoff for the worst-off player, and the coarse one of most total payoff.
  std::optional<CorrelatedSolution> correlated;
  // Three or more players: the mixed equilibria support enumeration and the global Newton
  // method's paths find (approximate, each with its regret and the method that found it first);
  // those that mix, when the pure ones were searched for too.
  bool supports_searched = false, paths_followed = false;
  std::size_t paths = 0, paths_completed = 0;  // the global Newton method's
  std::vector<MixedProfileFound> n_player_mixed;
  std::vector<SkippedSolver> skipped;
  // Whether everything asked for was done: nothing skipped, the logit tracing did not fail.
  bool complete() const { return skipped.empty() && logit_failure.empty(); }
};

// Which solvers to run on a strategic game. By default each runs within a budget of estimated
// work (so that `solve` ends in seconds on any game), and those past it are listed as skipped;
// an explicit choice runs whatever its size, short of tables that would not fit in memory
// (WorkTooLarge).
struct SolverChoice {
  bool pure = true;          // pure-strategy equilibria
  bool dominance = true;     // iterated strict dominance
  bool extreme = true;       // every extreme equilibrium: two players, up to 32 strategies between them
  bool lemke_howson = true;  // two players, where `extreme` did not run: from every label in turn
                             // (within the budget); the whole graph component when asked for explicitly
  bool logit = true;
  bool correlated = true;    // correlated equilibria (a linear program), any number of players
  bool global_newton = true; // three or more players: the paths of the global Newton method
  bool explicit_choice = false;  // then the default's budgets do not apply
  LogitSettings logit_settings;
  Progress progress;  // of the long solvers: vertex enumeration, Lemke-Howson, logit
};

// From a --method value: all (the default), pure, dominance, enummixed (every extreme
// equilibrium), lcp (the Lemke-Howson graph, as gambit-lcp), logit, correlated, gnm (the global
// Newton method's paths, three or more players).
// Empty for an unknown name.
std::optional<SolverChoice> solver_choice(const std::string& method);

StrategicSolution solve_strategic(const StrategicGame& game, const SolverChoice& choice = {});

std::string render_strategic_text(const StrategicGame& game, const StrategicSolution& solution, const std::string& indent);
nlohmann::json strategic_json(const StrategicGame& game, const StrategicSolution& solution);

// A tree: backward induction when every information set is a single node; otherwise its
// perfect Bayesian equilibria in pure strategies, and, for two players, two equilibria in
// behaviour strategies from the sequence form (Lemke's, as gambit-lcp finds it, and a sequential
// one, quasi-perfect); for more players, the tree's strategic form (up
// to 4096 profiles) and its solution.
struct TreeSolution {
  BackwardInduction backward;
  std::optional<PerfectBayesianAnalysis> bayesian;
  std::string bayesian_refused;  // too many pure profiles to enumerate: the size and the limit
  std::optional<SequenceForm> form;
  std::optional<BehaviorEquilibrium> equilibrium;
  std::optional<SequentialEquilibrium> sequential;
  std::optional<StrategicGame> strategic;
  std::optional<StrategicSolution> strategic_solution;
  std::string unsolved;  // why none applies
  std::string refused;   // the sequence form was too large to try: the size and the limit
};
struct TreeLimits {
  std::size_t max_lcp_rows = default_max_lcp_rows;
  double max_pure_profiles = default_max_pure_profiles;
  Progress progress;  // Lemke's pivots on the sequence form
};
TreeSolution solve_tree(const Game& game, const TreeLimits& limits = {});

std::string render_tree_text(const Game& game, const TreeSolution& solution, const std::string& indent);
nlohmann::json tree_json(const Game& game, const TreeSolution& solution);

}  // namespace statecraft
