#pragma once
// What the spatial lens's forecasts hang on, for people: per issue and model, the judgments
// ranked by how far they move the forecast, the knife edges in words with the label on each
// side, and the Monte Carlo's variance shares per actor; and the knife edges as Hinges for
// `analyze` (each with the judgment's note, source and place in the file).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "bargaining/sensitivity.hpp"
#include "report/hinge.hpp"
#include "scenario/model.hpp"

namespace statecraft {

struct EffectLine {
  std::string judgment;  // "RUS's salience on ceasefire"
  std::string today;     // "0.8"
  std::string range;     // "0 to 1"
  double swing = 0;      // how far the forecast moves over the range, on the scale
  double share = 0;      // swing as a share of the scale
  std::optional<double> at_low, at_high;
};

struct ModelLines {
  std::string model;
  std::optional<double> forecast;
  std::string explanation;          // why there is none, when there is none
  std::string label;                // nearest the forecast ("" without labels)
  std::string boundary;             // when the forecast lies halfway between two labels, in words
  std::vector<EffectLine> ranking;  // largest swing first; judgments that never move it left out
  std::vector<Hinge> edges;         // least margin first
};

struct SobolLine {
  std::string group;                 // an actor's id, "status quo", or one judgment ("RUS's salience")
  std::vector<SobolIndex> by_model;  // in IssueLines::sobol_models order
};

struct IssueLines {
  std::string id;
  std::string name;
  std::string units;
  double low = 0, high = 0;
  bool labelled = false;
  std::optional<bool> deal;       // under a decision rule: whether a deal is possible as written
  std::vector<Hinge> deal_edges;  // the changes that turn it, least margin first
  std::vector<ModelLines> models;
  std::vector<std::string> sobol_models;
  std::vector<double> sobol_variance;  // V(Y) per sobol model
  std::vector<SobolLine> sobol;
  std::vector<SobolLine> sobol_judgments;  // single judgments ("RUS's salience"), largest total index first
  std::size_t sobol_samples = 0;
};

struct SpatialSensitivityReport {
  SensitivitySettings settings;  // as run
  std::vector<IssueLines> issues;
  std::vector<SkippedModel> skipped;
  double max_work = 0;
};

SpatialSensitivityReport spatial_sensitivity_report(const Scenario& scenario, const SensitivitySettings& settings = {});

// analyze's budget for the hinges, in estimated operations (about 10 s by the models' estimates,
// which assume every round of the expected-utility model; the seed scenarios take well under a
// second). A model over it is left out of analyze's list; `statecraft sensitivity` runs it.
inline constexpr double hinge_work = 1e10;

// What each forecast hangs on most: for every issue and model, the knife edge of least margin
// (one judgment); a judgment that is several models' nearest edge is given once, with the least
// margin. One forecast that many judgments tip (a model at a discontinuity) thus yields one
// hinge, not many. Under a decision rule, each issue's deal edge of least margin is one more
// (whether a deal is possible is one conclusion). Without the Monte Carlo, so that `analyze`
// stays quick.
std::vector<Hinge> spatial_hinges(const Scenario& scenario);
std::vector<Hinge> spatial_hinges(const SpatialSensitivityReport& report);

std::string render_spatial_sensitivity_text(const SpatialSensitivityReport& report);
nlohmann::json spatial_sensitivity_json(const SpatialSensitivityReport& report);  // docs/sensitivity.md

}  // namespace statecraft
