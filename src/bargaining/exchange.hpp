#pragma once
// The exchange model of Stokman & Van Oosten (1994) in the equal-gain form of the Decide
// exchange model (Dijkstra, Van Assen & Stokman 2008, "Outcomes of collective decisions with
// externalities predicted", Journal of Theoretical Politics 20(4)): actors trade support across
// issues. Two actors standing on opposite sides of the outcome on two issues, each caring
// relatively more about a different one, can each move toward the other on the issue it cares
// less about; the moves are sized so both gain equally, as much as possible without passing the
// partner's position or carrying the outcome past the demander's position.
//
// Each round, all possible exchanges are ranked by gain and carried out best first; every
// exchange that shares an issue with one carried out is recalculated from the new positions and
// outcomes, and dropped when no longer possible. After the round, each actor keeps part of what
// it conceded for the next round (0.1 + 0.4·(1 − salience), Decide's weights) and the process
// repeats, until a round has no exchange or the round limit is reached. The outcome of an issue
// is Σ c·s·x / Σ c·s of the positions actors vote with. docs/models/exchange.md lists where
// statecraft departs from Decide's code.

#include <string>
#include <vector>

#include "bargaining/spatial.hpp"

namespace statecraft {

struct ExchangeSettings {
  int max_rounds = 10;          // Decide's default
  double fixed_weight = 0.1;    // share of a concession kept whatever the salience
  double salience_weight = 0.4;  // further share kept, times (1 − salience)
};

struct ExchangeSide {
  std::string actor;
  std::size_t supplies = 0;  // index of the issue on which this actor moves
  double from = 0;           // its position there before the exchange, on the issue's scale
  double to = 0;             // and after
};

struct ExecutedExchange {
  ExchangeSide first;   // demands the second side's supply issue
  ExchangeSide second;  // demands the first side's supply issue
  double gain = 0;      // each side's gain: salience × shift of the outcome, issues taken as 0..100
  bool capped = false;  // shrunk so that an outcome stops at the demander's position
};

struct ExchangeRound {
  std::vector<ExecutedExchange> exchanges;    // in the order carried out
  std::vector<double> outcome;                // per issue, on the positions voted with, on its scale; NaN without weight
  std::vector<std::vector<double>> positions;  // [issue][actor in issue order] voted with
};

struct ExchangeRun {
  std::vector<double> initial_outcome;       // per issue
  std::vector<ExchangeRound> rounds;         // the last one has no exchange when the process ran dry
  std::vector<double> forecast() const;      // the last round's outcome (the initial one without rounds)
};

ExchangeRun run_exchange(const std::vector<BargainingIssue>& issues, const ExchangeSettings& settings = {});

}  // namespace statecraft
