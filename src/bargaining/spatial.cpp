#include "bargaining/spatial.hpp"

#include <algorithm>

namespace statecraft {

std::vector<SpatialActor> spatial_actors(const Scenario& scenario, const Issue& issue) {
  std::vector<SpatialActor> actors;
  for (const auto& stance : issue.stances) {
    const auto actor = std::find_if(scenario.actors.begin(), scenario.actors.end(),
                                    [&](const Actor& a) { return a.id == stance.actor; });
    const double capability = stance.capability ? stance.capability->value
                              : actor != scenario.actors.end() ? actor->capability.value
                                                               : 0.0;
    actors.push_back({stance.actor, stance.position.value, stance.salience.value, capability});
  }
  return actors;
}

std::optional<double> weighted_mean(const std::vector<SpatialActor>& actors) {
  double weighted = 0, weights = 0;
  for (const auto& a : actors) {
    weighted += a.capability * a.salience * a.position;
    weights += a.capability * a.salience;
  }
  if (!(weights > 0)) return std::nullopt;
  return weighted / weights;
}

}  // namespace statecraft
