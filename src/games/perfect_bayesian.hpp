#pragma once
// Pure-strategy perfect Bayesian equilibria of small trees, by enumeration, exact.
//
// An assessment is a move at every information set and a belief over each set's nodes. It is a
// (weak) perfect Bayesian equilibrium (Mas-Colell, Whinston & Green 1995, def. 9.C.3) when every
// move is best for its mover given the belief there and the moves below, and the beliefs follow
// Bayes' rule wherever the moves reach the set with positive probability. Off the path any
// belief may be held, so a move there stands when SOME belief makes it a best reply; that
// belief's range is what the equilibrium asks the player to believe. In signalling games (chance
// picks the sender's type, the sender sends a message, the receiver answers) every such
// assessment is also a sequential equilibrium (Fudenberg & Tirole 1991, "Game Theory", §8.2.1:
// any off-path belief there is the limit of trembles), and the Intuitive Criterion (Cho & Kreps
// 1987, "Signaling games and stable equilibria", QJE 102, §IV) tests each equilibrium's off-path
// beliefs.
//
// A move is checked against single deviations at its own set, the moves below held fixed (the
// one-shot deviation principle).

#include <gmpxx.h>
#include <optional>
#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

struct TreeInfoset {
  std::size_t player = 0;              // index in the game's players
  std::string label;                   // as written, or empty for a single node
  std::vector<std::string> actions;
  std::vector<std::string> nodes;      // each node's place: its moves from the root, " / " joined
  std::vector<std::string> node_types; // each node's type, the type draw's move above it; empty without one
};

// A signalling game's parts, when the tree is one: the root is chance (the sender's type), each
// type's node is the sender's own information set, every message leads to the receiver, who
// sees the message but not the type, and the game ends after the receiver's answer.
struct SignallingStructure {
  std::size_t sender = 0, receiver = 1;
  std::vector<std::string> types;      // the root's moves
  std::vector<std::size_t> sender_sets;        // per type, its information set
  std::vector<std::string> messages;           // the sender's moves, in the order written
  std::vector<std::size_t> receiver_sets;      // per message, the receiver's information set
};

struct PerfectBayesianEquilibrium {
  std::vector<std::size_t> choice;           // per information set, the move taken
  std::vector<bool> reached;                 // per information set: on the path of play
  // Per information set, per node: on the path, by Bayes' rule; off it, one belief under which
  // the move is a best reply (the one an exact linear program finds).
  std::vector<std::vector<mpq_class>> belief;
  // Off-path sets of two nodes: the range of belief in the first node that supports the move.
  std::vector<std::optional<std::pair<mpq_class, mpq_class>>> supporting_range;
  std::vector<mpq_class> payoffs;            // expected, per player
  // Signalling games: whether it survives the Intuitive Criterion and, if not, the type that
  // would break it by sending the message, and the types the receiver rules out on seeing it.
  std::optional<bool> intuitive;
  std::string breaking_type, breaking_message;
  std::vector<std::string> ruled_out;
  // When the root is a draw of two types: the priors of the first type, within (0, 1), under which
  // these moves form an equilibrium (with the off-path beliefs free).
  std::optional<std::pair<mpq_class, mpq_class>> prior_range;
};

struct PerfectBayesianAnalysis {
  std::vector<TreeInfoset> infosets;          // in the order their first node is met (Gambit's)
  std::optional<SignallingStructure> signalling;
  bool binary_type_draw = false;              // the root is chance with two moves: prior ranges are given
  std::vector<PerfectBayesianEquilibrium> equilibria;  // in the order of the profiles, first set slowest
  // Moves that are an equilibrium at some prior of the first type but not at the game's own.
  std::vector<PerfectBayesianEquilibrium> at_other_priors;
  double profiles = 0;                        // pure profiles enumerated
};

// The default limit on the pure profiles enumerated: each takes a pass over the tree, and a linear
// program per information set off the path (about 10 µs a profile on the chain-store test game).
inline constexpr double default_max_pure_profiles = 1e5;

// Throws WorkTooLarge, before enumerating, when there are more pure profiles than `max_profiles`,
// and std::invalid_argument unless the game is a tree.
PerfectBayesianAnalysis perfect_bayesian_equilibria(const Game& game, double max_profiles = default_max_pure_profiles);

// Where the set of equilibria first changes as the first type's prior moves from `today` up
// (direction +1) or down (−1), from the equilibria's prior ranges, and the equilibria just past
// that point (empty: none in pure strategies). Empty when nothing changes before 1 (or 0).
struct PriorChange {
  mpq_class threshold;
  std::vector<const PerfectBayesianEquilibrium*> past;
};
std::optional<PriorChange> prior_change(const PerfectBayesianAnalysis& analysis, const mpq_class& today, int direction);

// Whether the signalling equilibrium separates the types (each sends its own message), pools
// them (all send one), or does neither (some share a message): "separating", "pooling",
// "semi-separating".
std::string signalling_kind(const PerfectBayesianAnalysis& analysis, const PerfectBayesianEquilibrium& equilibrium);

}  // namespace statecraft
