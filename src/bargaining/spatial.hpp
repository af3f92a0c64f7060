#pragma once
// The spatial lens's view of one issue: each actor's position, salience and effective
// capability on a scale, the inputs every bargaining model shares.

#include <optional>
#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

struct SpatialActor {
  std::string id;
  double position = 0;
  double salience = 0;    // in [0, 1]
  double capability = 0;  // the stance's own capability, else the actor's
};

// Whether the actor's stance can move an outcome: it needs both capability and salience.
inline bool weighs(const SpatialActor& a) { return a.capability > 0 && a.salience > 0; }

struct BargainingIssue {
  std::string id;
  double low = 0;
  double high = 100;
  std::optional<double> status_quo;
  std::vector<SpatialActor> actors;
  // Who must agree (scenario format 2). Everyone: the models' own rule, a weighted vote of every
  // actor. Otherwise a forecast must lie in the win set of the status quo among the deciders.
  DecisionRule rule = DecisionRule::Everyone;
  std::vector<std::string> deciders{};  // actor ids; each has a stance in `actors` (checked on load)
  double threshold = 0.5;             // Majority: more than half; Qualified: at least this share
};

BargainingIssue bargaining_issue(const Scenario& scenario, const Issue& issue);

// Only the ratios of capabilities matter, so the models see them scaled by the power of two that
// brings the largest among `issues` into [0.5, 1): then no sum of c·s·x can overflow, however
// large the numbers written, and the scaling is exact (ordinary inputs give the same answers to
// the last bit). A positive capability stays positive: a ratio below the smallest normal double
// (about 2.2e-308) is raised to it.
std::vector<BargainingIssue> with_relative_capabilities(std::vector<BargainingIssue> issues);

// The compromise model: the capability-and-salience-weighted mean Σc·s·x / Σc·s
// (van den Bos 1991; Achen 2006, "Evaluating political decision-making models", eq. 1).
// Empty when no actor has both capability and salience.
std::optional<double> weighted_mean(const std::vector<SpatialActor>& actors);

// The weighted median: the position x at which neither side holds more than half of the total
// weight c·s; on a line it is the Condorcet winner of a vote weighted by c·s (Black 1948).
// When exactly half the weight lies at or below x_k and half at or above x_{k+1}, every point
// between them is a median; the midpoint is returned. Empty when all weights are 0.
std::optional<double> weighted_median(const std::vector<SpatialActor>& actors);

// The position an actor holds that lies nearest to x (the lower of two as near); empty without
// actors. Why: in expert-coded data such as DEU, the scale's points are the actors' positions and
// the outcome is usually one of them (on DEU III's training half, 63 % of outcomes are a position
// some actor held: 120 of 189), so a forecast between positions is surely wrong by the distance to the one it
// falls nearest.
std::optional<double> nearest_held_position(const std::vector<SpatialActor>& actors, double x);

}  // namespace statecraft
