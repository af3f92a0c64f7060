#include "bargaining/spatial.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace statecraft {

BargainingIssue bargaining_issue(const Scenario& scenario, const Issue& issue) {
  BargainingIssue out{issue.id, issue.low.value, issue.high.value, std::nullopt, {}};
  if (issue.status_quo) out.status_quo = issue.status_quo->value;
  for (const auto& stance : issue.stances) {
    const auto actor = std::find_if(scenario.actors.begin(), scenario.actors.end(),
                                    [&](const Actor& a) { return a.id == stance.actor; });
    const double capability = stance.capability ? stance.capability->value
                              : actor != scenario.actors.end() ? actor->capability.value
                                                               : 0.0;
    out.actors.push_back({stance.actor, stance.position.value, stance.salience.value, capability});
  }
  out.rule = issue.decision.rule;
  out.deciders = issue.decision.deciders;
  if (issue.decision.threshold) out.threshold = issue.decision.threshold->value;
  return out;
}

std::vector<BargainingIssue> with_relative_capabilities(std::vector<BargainingIssue> issues) {
  double largest = 0;
  for (const auto& issue : issues)
    for (const auto& a : issue.actors) largest = std::max(largest, a.capability);
  if (!(largest > 0)) return issues;
  int exponent = 0;
  std::frexp(largest, &exponent);
  for (auto& issue : issues)
    for (auto& a : issue.actors)
      if (a.capability > 0) a.capability = std::max(std::ldexp(a.capability, -exponent), std::numeric_limits<double>::min());
  return issues;
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

std::optional<double> weighted_median(const std::vector<SpatialActor>& actors) {
  std::vector<std::pair<double, double>> points;  // position, weight
  double total = 0;
  for (const auto& a : actors) {
    const double weight = a.capability * a.salience;
    if (weight > 0) points.emplace_back(a.position, weight);
    total += std::max(weight, 0.0);
  }
  if (points.empty()) return std::nullopt;
  std::sort(points.begin(), points.end());
  std::vector<std::pair<double, double>> merged;  // one entry per distinct position
  for (const auto& p : points) {
    if (!merged.empty() && merged.back().first == p.first) merged.back().second += p.second;
    else merged.push_back(p);
  }
  // Relative tolerance: weights summed in another order must not flip an exact half.
  const double half = total / 2;
  double below = 0;
  for (std::size_t k = 0; k + 1 < merged.size(); ++k) {
    below += merged[k].second;
    if (below > half * (1 + 1e-12)) return merged[k].first;
    if (below >= half * (1 - 1e-12)) return (merged[k].first + merged[k + 1].first) / 2;
  }
  return merged.back().first;
}

std::optional<double> nearest_held_position(const std::vector<SpatialActor>& actors, double x) {
  std::optional<double> best;
  for (const auto& a : actors)
    if (!best || std::abs(a.position - x) < std::abs(*best - x) || (std::abs(a.position - x) == std::abs(*best - x) && a.position < *best)) best = a.position;
  return best;
}

}  // namespace statecraft
