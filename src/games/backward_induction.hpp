#pragma once
// Subgame perfection in perfect-information trees by backward induction (Kuhn 1953; Selten 1965):
// at every decision node the mover takes a move that is best for it given what follows, chance
// nodes take their expectation. Where a mover is indifferent, each of its best moves starts
// subgame-perfect equilibria of its own, and what the players above expect differs with it: every
// equilibrium is kept, none picked by the order the moves are written in.
//
// A response to another player's move that would hurt the responder and someone else, compared
// with the responder's own best move there, is a threat that fails subgame perfection: when it
// came to it, the responder would not carry it out.

#include <gmpxx.h>
#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

struct TreeDecision {
  std::string where;   // the moves leading to the node, "root" for the root
  std::vector<std::string> history;  // the same moves with their movers: "RUS stall", "chance: war"
  std::string player;
  std::string choice;  // the move this equilibrium takes there
  std::vector<mpq_class> value;  // per player, the subgame's value
};

struct NonCredibleThreat {
  std::string where;
  std::string player;
  std::string move;          // the threatened move
  std::string instead;       // what the player would do when it came to it
  mpq_class cost_to_player;  // its payoff given up by carrying out the threat
};

// A response that hurts another player compared with one of the responder's alternatives, and
// is still the responder's best move there: a threat it would carry out.
struct CredibleThreat {
  std::string where;
  std::vector<std::string> history;
  std::string player;
  std::string move;
  std::string victim;       // who it hurts
  std::string alternative;  // what the victim would rather see
};

// A decision node where the mover has more than one subgame-perfect move (it is indifferent
// between them, given some subgame-perfect play after each).
struct TiedDecision {
  std::string where;
  std::vector<std::string> history;
  std::string player;
  std::vector<std::string> moves;  // in the order written
};

// One subgame-perfect equilibrium: a move at every decision node, each best for its mover given
// the moves below.
struct SubgamePerfectEquilibrium {
  std::vector<mpq_class> value;         // per player, at the root
  std::vector<std::string> path;        // "PLAYER move" along the equilibrium path, up to chance
  std::vector<TreeDecision> decisions;  // every decision node, from the root down
};

struct BackwardInduction {
  bool perfect_information = true;  // false: information sets join nodes; nothing else is set
  // Subgame-perfect equilibria with distinct payoffs, ordered by the first player's payoff
  // (highest first), then the second's, and so on: an order that does not depend on the order in
  // which moves are written. Equilibria with equal payoffs everywhere count once.
  std::vector<SubgamePerfectEquilibrium> equilibria;
  bool all_listed = true;  // false: past `limit` distinct payoffs at some node; some are missing
  std::vector<TiedDecision> ties;
  // The threats in the first equilibrium.
  std::vector<NonCredibleThreat> threats;
  std::vector<CredibleThreat> credible_threats;
};

// The node a `where` names ("root", or the moves from the root joined by " / "), or null when
// none does. Where a move's label itself holds " / ", the longest label that fits is taken.
const GameNode* node_at(const GameNode& root, const std::string& where);

// `limit`: the most distinct subgame-perfect payoffs kept per node. Each equilibrium's decisions
// are listed for trees of up to 1000 decision nodes; in larger ones, the first equilibrium's only.
BackwardInduction backward_induction(const Game& game, std::size_t limit = 64);

}  // namespace statecraft
