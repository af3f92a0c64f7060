#pragma once
// The spatial lens's view of one issue: each actor's position, salience and effective
// capability, the inputs every bargaining model shares.

#include <optional>
#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

struct SpatialActor {
  std::string id;
  double position = 0;
  double salience = 0;
  double capability = 0;  // the stance's own capability, else the actor's
};

std::vector<SpatialActor> spatial_actors(const Scenario& scenario, const Issue& issue);

// The compromise model: the capability-and-salience-weighted mean Σc·s·x / Σc·s
// (van den Bos 1991; Achen 2006, "Evaluating political decision-making models", eq. 1).
// Empty when no actor has both capability and salience.
std::optional<double> weighted_mean(const std::vector<SpatialActor>& actors);

}  // namespace statecraft
