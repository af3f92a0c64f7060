#pragma once
// Bueno de Mesquita's expected utility model of group decisions (Bueno de Mesquita 1985, 1994),
// as specified and replicated by Scholz, Calbert & Smith (2011), "Unravelling Bueno de Mesquita's
// group decision model", Journal of Theoretical Politics 23(4) (equation numbers: the ICAART 2011
// version of the same paper, which prints them).
//
// Each round: the median (Condorcet winner) of the current positions; risk exponents from each
// actor's security against challenges (first pass at r = 1, eqs. 32–34); then, from each actor's
// own perception, its expected utility of challenging every other actor and the other's expected
// utility of challenging it (eqs. 5–7, 15–25); the octant of that pair (Scholz et al., Fig. 6) is
// an offer: conflict, compromise, capitulation or stalemate. Each actor takes the best offer
// where it is the one to move (conflicts first, the least move; then compromises, from the
// proposer with the highest expected utility; then capitulations), and all move at once.
//
// Choices where the printed equations and the published results part ways (docs/models/
// expected-utility.md lists each with the evidence; the defaults reproduce Scholz et al.'s Table 2):
// * the probability of success uses each voter's own risk exponent and one normaliser over all
//   voters and ordered pairs of actors, as Scholz et al.'s program did; eq. 31 is an option;
// * the target's salience, and the perceiver's risk exponent, enter the perceived E^j(U_ji);
// * with Q < 1, T ≡ 1 (the "better" utility) unless the case rule of their Figs. 1–4 is chosen;
// * distances are divided by the range of the initial positions.

#include <string>
#include <vector>

#include "bargaining/spatial.hpp"

namespace statecraft {

struct ExpectedUtilitySettings {
  double status_quo_probability = 1.0;  // Q: chance that nothing changes if no challenge is made
  enum class ConflictRule {
    Concede,   // the side that expects less moves fully to the other's position (Scholz et al.)
    Expected,  // the weaker side moves to the expected outcome of the contest
    Stay,      // a conflict moves nobody
  } conflict = ConflictRule::Concede;
  enum class SuccessProbability {
    Program,  // Scholz et al.'s program: risk-weighted votes over one global normaliser
    Paper,    // eq. 31 as printed: linear votes, normalised per pair
  } probability = SuccessProbability::Program;
  bool better_by_case = false;  // T from the case rule (Figs. 1–4) instead of T ≡ 1; only matters with Q < 1
  int max_rounds = 10;
  int settle_rounds = 3;  // stop when the median has stood still this many rounds (0: never)
};

struct ExpectedUtilityRound {
  std::vector<double> positions;  // after the round's moves
  std::vector<double> risk;       // the risk exponents r_i used in the round
  double median = 0;              // after the moves
  double mean = 0;                // c·s-weighted mean, after the moves
};

struct ExpectedUtilityRun {
  double initial_median = 0;
  std::vector<ExpectedUtilityRound> rounds;
  std::string stopped;  // why the run ended
  // A round depends only on the positions before it, so positions seen before repeat forever:
  // the run stops there, and this is the cycle's length in rounds (0: no cycle found).
  std::size_t cycle = 0;
};

// What the run forecasts: the last median; over a cycle, the mean of the medians of its rounds (the
// model keeps moving between them, so none of them alone is its answer; docs/models/
// expected-utility.md).
double expected_utility_forecast(const ExpectedUtilityRun& run);

ExpectedUtilityRun run_expected_utility(const std::vector<SpatialActor>& actors, const ExpectedUtilitySettings& settings = {});

// The c·s-weighted median of the positions, toward which the model moves actors: on a line, the
// Condorcet winner under votes c·s·(|x_i − x_k| − |x_i − x_j|). When exactly half the weight lies on each side of two
// neighbouring positions, both win against every other and tie with each other; their midpoint,
// which no actor holds, is returned, as by the median model (weighted_median): the only choice that treats the two alike
// and does not depend on which end of the scale is called low. NaN when no actor has weight.
double condorcet_position(const std::vector<SpatialActor>& actors, const std::vector<double>& positions);

}  // namespace statecraft
