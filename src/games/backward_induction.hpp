#pragma once
// Subgame perfection in perfect-information trees by backward induction (Kuhn 1953; Selten 1965):
// at every decision node the mover takes the move that is best for it given what follows, chance
// nodes take their expectation. A response to another player's move that would hurt the
// responder and someone else, compared with the responder's own best move there, is a threat that
// fails subgame perfection: when it came to it, the responder would not carry it out.

#include <gmpxx.h>
#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

struct TreeDecision {
  std::string where;   // the moves leading to the node, "root" for the root
  std::vector<std::string> history;  // the same moves with their movers: "RUS stall", "chance: war"
  std::string player;
  std::string choice;  // the move backward induction picks (the first among equals)
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

struct BackwardInduction {
  bool perfect_information = true;  // false: information sets join nodes; nothing else is set
  std::vector<mpq_class> value;     // per player, at the root
  std::vector<std::string> path;    // "PLAYER move" along the equilibrium path
  std::vector<TreeDecision> decisions;  // every decision node, in tree order
  std::vector<NonCredibleThreat> threats;
  std::vector<CredibleThreat> credible_threats;
};

BackwardInduction backward_induction(const Game& game);

}  // namespace statecraft
