#pragma once
// Bargaining among the deciders, pressed by everyone else: a model for issues with a decision
// rule (scenario format 2), where an agreement needs the consent of those who must carry it out
// and the other actors act through pressure. Two steps:
//
// 1. Pressure. Each decider d is pulled towards its own position x_d with weight c_d·s_d and
//    towards each other actor j's position with weight c_j·s_j (j not a decider, c and s its
//    capability and salience on the issue). Its effective position is where the pulls balance,
//        x̃_d = (c_d·s_d·x_d + Σ_j c_j·s_j·x_j) / (c_d·s_d + Σ_j c_j·s_j),
//    the weighted mean that minimises Σ w·(x̃ − x)²: the one-step social-influence update of
//    Friedkin & Johnsen (1990) with capability × salience as the weight of influence, as in the
//    influence stage of Stokman & Van den Bos's two-stage model (1992), where actors without a
//    vote move the positions of those with one before the vote. No published equation for
//    pressure by third parties on bargainers was found (docs/models/deciders.md says what was
//    searched); this is ours, built from those two sources and the compromise model's weights
//    (Achen 2006).
// 2. Bargaining. The asymmetric Nash bargaining solution between the deciders at their
//    effective positions (src/bargaining/nash.hpp), with bargaining power c_d·s_d and the status
//    quo as the disagreement point (Nash 1950; Kalai 1977). Unlike the `nash` model, salience
//    weighs here: an actor who cares little about the issue presses and resists little. Under
//    unanimity every decider bargains; under a majority or qualified majority, the deciders on
//    the side of the status quo where the win set lies (the others are outvoted).
//
// The result, like every model's, is then kept in the win set of the deciders' own positions
// (src/bargaining/decision.hpp): pressure chooses where in it a deal lands, but cannot make a
// decider accept what it likes less than the status quo.

#include <optional>
#include <string>
#include <vector>

#include "bargaining/decision.hpp"
#include "bargaining/spatial.hpp"

namespace statecraft {

struct DecidersSolution {
  std::optional<double> position;  // empty: the model cannot forecast the issue (explanation says why)
  std::vector<std::pair<std::string, double>> effective;  // each weighing decider's effective position
  std::string explanation;
};

DecidersSolution bargaining_among_deciders(const BargainingIssue& issue, Words words = Words::Explained);

}  // namespace statecraft
