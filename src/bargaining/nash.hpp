#pragma once
// The asymmetric Nash bargaining solution on one issue (Nash 1950; Kalai 1977; as a forecasting
// model, Achen 2006 and Schneider et al. 2010): the x on the scale maximising
//   Σ_i c_i · ln(U_i(x) − U_i(d)),   U_i(x) = −s_i·|x − x_i|,
// over the actors with c_i > 0 and s_i > 0 (an actor with no salience gains nothing anywhere
// and takes no part). d is the issue's status quo.
//
// Two consequences worth knowing:
// * s_i enters ln(s_i·g_i(x)) = ln s_i + ln g_i(x) as a constant, so saliences do not move the
//   solution; capabilities alone weight the actors.
// * With a status quo d, x must improve on d for every participant: |x − x_i| < |d − x_i|. When
//   participants stand on both sides of d, or one stands at d, no such x exists: there is no
//   agreement, and the forecast is d itself.
// Without a status quo, each actor's disagreement utility is its worst point of the scale,
// U_i(d) = −s_i·max(x_i − low, high − x_i): breakdown is taken as the worst the scale allows.

#include <optional>
#include <string>

#include "bargaining/spatial.hpp"

namespace statecraft {

struct NashSolution {
  double position = 0;
  bool agreement = true;  // false: no point improves on the status quo for every participant
  std::string explanation;
};

// Empty when no actor has both capability and salience.
std::optional<NashSolution> nash_bargaining(const BargainingIssue& issue);

// Nash bargaining with salience, as the DEU literature reads Achen (2006, "Institutional realism
// and bargaining models", The European Union Decides, ch. 4): salience is bargaining power, since
// an actor that cares more holds out longer, and losses grow with the square of the distance:
//   max_x Σ_i c_i·s_i · ln(D_i² − (x − x_i)²),
// D_i the distance from x_i to the far end of the scale. The disagreement rule: breakdown is, for
// each actor, the worst point of the scale. It is the one rule under which the bargain always
// exists (the status quo as disagreement point leaves no agreement whenever an actor stands at it
// or actors stand on both sides: 114 of the 137 DEU III training issues with a reference point
// and an outcome), and when disagreement is far worse than any
// deal the first-order condition Σ c_i·s_i·(x_i − x)/D_i² = 0 approaches the compromise model's
// weighted mean, which is Achen's reading of why that model works. Empty as nash_bargaining.
std::optional<double> nash_with_salience(const BargainingIssue& issue);

}  // namespace statecraft
