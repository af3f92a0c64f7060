#pragma once
// What a bargaining forecast hangs on. For each issue and model:
// * one at a time, every judgment (each actor's position, salience and capability; the status
//   quo; the decision rule) is moved over its range, all else as written, and the judgments are
//   ranked by how far they move the forecast;
// * knife edges: the smallest change of one judgment that moves the forecast across the boundary
//   between two of the issue's labels (the midpoint of adjacent labels, so that the label
//   nearest the forecast changes), found on the sweep's grid and refined by bisection;
// * variance-based indices (Sobol', via bargaining/sobol.hpp) per actor — its position, salience
//   and capability together — and for the status quo, from a Monte Carlo over the ranges of
//   SobolRanges.
//
// Ranges of the one-at-a-time sweep:
//   position    the whole scale [low, high]
//   salience    [0, 1]
//   capability  today ÷ capability_factor to × capability_factor, swept in log2 (a doubling and a
//               halving are changes of the same size)
//   status quo  the whole scale
//   threshold   [0.5, 1] under a majority or qualified rule (a qualified rule at each point)
//   deciders    each dropped (when more than one decides) or each other actor added: discrete
// A change's margin is its size as a share of the range (Hinge::margin); a discrete change of
// the deciders counts as 1 / (actors on the issue).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bargaining/forecast.hpp"
#include "bargaining/sobol.hpp"

namespace statecraft {

// The Monte Carlo's inputs, each drawn uniformly and independently (not the normal noise of
// bargaining/uncertainty.hpp's Jitter: Saltelli's design needs inputs it can exchange column by
// column, and a bounded range each).
struct SobolRanges {
  double position = 0.1;    // today ± this share of the scale, cut to the scale
  double salience = 0.1;    // today ± this, cut to [0, 1]
  double capability = 2;    // today × factor^U(−1, 1): from ÷2 to ×2
  double status_quo = 0.1;  // today ± this share of the scale, cut to the scale
};

struct SensitivitySettings {
  // Models swept one at a time: those that forecast issue by issue (the joint ones, exchange and
  // smp, rerun every issue for each point of each sweep and are left to `forecast --samples`).
  std::vector<std::string> models = {"compromise", "median", "nash", "deciders", "expected-utility"};
  std::vector<std::string> sobol_models = {"compromise", "median", "nash", "deciders"};  // the cheap ones
  std::size_t grid = 32;            // sweep points on each side of today's value
  double capability_factor = 2;
  SobolRanges ranges;
  std::size_t sobol_samples = 2000;  // N base samples per issue: N·(actors + status quo + 2) runs
  // Indices of each single judgment too (an actor's position, salience, capability apart): 3 more
  // groups an actor, N·3·actors more runs; the groups' indices are the same either way.
  bool sobol_by_judgment = false;
  std::uint64_t seed = 1;
  unsigned threads = 0;  // of the Monte Carlo; 0: every core
  ModelParameters parameters;  // the models' own; max_work bounds the whole analysis
};

enum class JudgmentKind { Position, Salience, Capability, StatusQuo, Threshold, DeciderDropped, DeciderAdded };

struct Judgment {
  JudgmentKind kind = JudgmentKind::Position;
  std::string actor;  // whose, for all but StatusQuo and Threshold
  std::size_t stance = 0;  // the actor's index in BargainingIssue::actors, where it has one
  double today = 0;   // as written (0 for a discrete change)
  // The range swept, in the sweep's own coordinate: the value itself, except for a capability,
  // swept as a log2 factor (−1 to 1 for ÷2 to ×2). Empty (low == high) for a discrete change.
  double low = 0;
  double high = 0;
};

// The judgment's value at a point of its sweep coordinate (a capability: today · 2^x).
double judgment_value(const Judgment& judgment, double x);
bool is_discrete(const Judgment& judgment);

// One judgment's effect on one model's forecast over its range.
struct JudgmentEffect {
  Judgment judgment;
  std::optional<double> lowest, highest;  // the forecast's extremes over the sweep
  double swing = 0;                       // highest − lowest (0 when the model never forecasts)
  std::optional<double> at_low, at_high;  // the forecast at the range's ends; a discrete change: at_high after it
};

// The smallest change of one judgment that changes the label nearest the forecast.
struct KnifeEdge {
  Judgment judgment;
  double value = 0;   // where the label changes, in the judgment's own units (a discrete change: 0)
  bool upward = true; // the change raises the judgment (a discrete change: true)
  double margin = 0;  // the change's size as a share of its range
  std::size_t label_before = 0, label_after = 0;  // indices into the issue's labels
  std::optional<double> forecast_before, forecast_after;  // after: just past the edge
};

// The smallest change of one judgment that makes a deal possible where none is, or impossible
// where one is: the win set of the status quo among the deciders (bargaining/decision.hpp) turns
// empty or not. It depends on the deciders' positions, capabilities (majority and qualified
// rules), the status quo and the rule, not on any model.
struct DealEdge {
  Judgment judgment;
  double value = 0;    // where the win set turns, in the judgment's own units (a discrete change: 0)
  bool upward = true;  // the change raises the judgment (a discrete change: true)
  double margin = 0;   // the change's size as a share of its range
  bool deal_after = false;            // whether a deal is possible just past the edge
  std::vector<std::string> blockers;  // past the edge, when no deal is: who blocks every move
  double low = 0, high = 0;           // past the edge, when a deal is: the win set
};

struct ModelSensitivity {
  std::string model;
  std::optional<double> forecast;       // as written
  std::string explanation;              // the model's word on it (why there is none, say)
  std::vector<JudgmentEffect> effects;  // largest swing first
  std::vector<KnifeEdge> edges;         // at most one per judgment, least margin first
  // The forecast lies on the boundary between two labels (a position halfway between them, say):
  // which of the two is nearest is a tie, and any change tips it, so no knife edge is given.
  std::optional<std::pair<std::size_t, std::size_t>> on_boundary;
};

struct IssueSensitivity {
  std::string issue;
  std::vector<ModelSensitivity> models;  // in SensitivitySettings::models order
  // Under a decision rule with a status quo: whether a deal is possible as written, and the
  // changes that turn it (least margin first, at most one per judgment). Empty otherwise.
  std::optional<bool> deal;
  std::vector<DealEdge> deal_edges;
  // The Monte Carlo: group g is actor sobol_groups[g] (an id), or the status quo (""); with
  // sobol_by_judgment, the groups after those are single judgments, sobol_judgments[g − groups].
  std::vector<std::string> sobol_groups;
  std::vector<Judgment> sobol_judgments;  // kind and actor (and stance) only
  std::vector<std::string> sobol_models;
  std::vector<SobolOutput> sobol;  // one per sobol model
  std::size_t sobol_samples = 0;
};

// The label nearest x (index into `labels`), none when there are no labels. On a boundary, the
// lower of the two.
std::optional<std::size_t> nearest_label(const std::vector<double>& labels, double x);
// The two labels x lies halfway between (within `tolerance`), if it does: lower first.
std::optional<std::pair<std::size_t, std::size_t>> boundary_at(const std::vector<double>& labels, double x, double tolerance);

// A model left out of a part of the analysis because its estimated work would pass the limit.
struct SkippedModel {
  std::string model;
  bool monte_carlo = false;  // the Monte Carlo; else the one-at-a-time sweeps
  double operations = 0;     // its estimate
};

struct SpatialSensitivity {
  SensitivitySettings settings;  // as run: the models that fit the limit
  std::vector<IssueSensitivity> issues;
  std::vector<SkippedModel> skipped;
};

// `labels[i]` are the points of issue i's labels (may be empty: no knife edges there). Each
// model's work in the sweeps and in the Monte Carlo is estimated first (forecast.hpp's estimates
// times the runs); the parts that fit settings.parameters.max_work together, the cheapest first,
// are run, the others skipped. Throws WorkTooLarge when not even the cheapest fits, and
// std::invalid_argument for a joint model (smp, exchange) among the models.
SpatialSensitivity spatial_sensitivity(const std::vector<BargainingIssue>& issues, const std::vector<std::vector<double>>& labels,
                                       const SensitivitySettings& settings = {});

// Only the Monte Carlo (the benchmark's part), for one issue.
IssueSensitivity sobol_sensitivity(const BargainingIssue& issue, const SensitivitySettings& settings);

}  // namespace statecraft
