#pragma once
// How sure a forecast is: the models rerun on jittered copies of the inputs, summarised per
// model and issue by the mean and the 5 %, 50 % and 95 % quantiles.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bargaining/forecast.hpp"
#include "scenario/work.hpp"

namespace statecraft {

// Standard deviations of the noise added to each input. Positions and the status quo are
// jittered relative to each issue's scale, so that a 0–1 and a 0–20,000 issue are equally unsure.
struct Jitter {
  double position = 0.05;    // added, N(0, σ·(high − low)); clipped to the scale; an actor at the status quo moves with it
  double salience = 0.1;     // added, N(0, σ); clipped to [0, 1]
  double capability = 0.2;   // multiplied by exp(N(0, σ)), so capabilities stay positive
  double status_quo = 0.05;  // added, N(0, σ·(high − low)); clipped to the scale
  double threshold = 0.05;   // qualified rules: added, N(0, σ); clipped to (0.5, 1]
};

// What a sample perturbs and by how much, in words, for the line under every band.
std::string describe_jitter(const Jitter& jitter);

struct UncertaintySettings {
  std::size_t samples = 1000;
  std::uint64_t seed = 1;
  Jitter jitter;
  unsigned threads = 0;  // 0: every core; the result does not depend on it
  ModelParameters models;  // the models' own parameters, the same in every sample
};

struct ForecastDistribution {
  std::string issue;
  std::string model;
  std::size_t forecasts = 0;  // samples in which the model gave a forecast
  double mean = 0;
  double p05 = 0;
  double p50 = 0;
  double p95 = 0;
};

// The chance of an agreement on an issue with a decision rule: the share of samples whose win set
// of the status quo among the deciders is not empty. Empty `probability` under rule Everyone.
// A decider standing at the status quo is a knife edge: noise moves it off and opens a sliver of
// a win set on one side, so the room a deal has is given too.
struct AgreementChance {
  std::string issue;
  std::string decided_by;  // describe_rule: "RUS alone", "a majority of the capability of A, B and C"
  std::size_t samples = 0;
  std::optional<double> probability;
  std::optional<double> mean_room;  // the win set's mean width, as a share of the scale, over the samples with one
  // Of the samples with a win set, the share in which it lies above the status quo (towards the
  // scale's high end). A sole decider's "agreement" is a move it makes alone, and which way it
  // goes is half the answer: towards what the others press for, or away from it.
  std::optional<double> share_upward;
};

// The same samples as forecast_uncertainty's (jittered_issues with the same seed and indices).
std::vector<AgreementChance> agreement_chances(const std::vector<BargainingIssue>& issues, const UncertaintySettings& settings);

// One copy of the issues with noise drawn for sample `index`: the same (seed, index) always
// gives the same copy, whichever thread draws it.
std::vector<BargainingIssue> jittered_issues(const std::vector<BargainingIssue>& issues, const Jitter& jitter,
                                             std::uint64_t seed, std::uint64_t index);

// Distributions issue by issue, models in the order given; `progress` counts the samples done.
std::vector<ForecastDistribution> forecast_uncertainty(const std::vector<BargainingIssue>& issues,
                                                       const std::vector<std::string>& models,
                                                       const UncertaintySettings& settings, const Progress& progress = {});

// The two halves of forecast_uncertainty, for work split across processes: the forecasts of
// samples [first, first + count) (count × issues × models values, issue-major then model, NaN
// where a model gave none), which depend only on the seed and the samples' indices; and the
// distributions of such values, samples concatenated in index order.
std::vector<double> sample_forecasts(const std::vector<BargainingIssue>& issues, const std::vector<std::string>& models, const UncertaintySettings& settings,
                                     std::size_t first, std::size_t count, const Progress& progress = {});
std::vector<ForecastDistribution> distributions_of(const std::vector<BargainingIssue>& issues, const std::vector<std::string>& models,
                                                   const std::vector<double>& values);

// Every sample's forecasts are kept until the quantiles are taken, 8 bytes each.
inline constexpr double max_sample_values = 50'000'000;

// Throws WorkTooLarge when the samples would keep more than max_sample_values forecasts, or their
// estimated work (every model, times the samples) passes settings.models.max_work.
// forecast_uncertainty checks this first; a caller may check it before work of its own.
void refuse_costly_samples(const std::vector<BargainingIssue>& issues, const std::vector<std::string>& models,
                           const UncertaintySettings& settings);

// The seed of one named use of a seed (a model's bootstrap, say): the same seed and name always
// give the same stream, whatever else runs beside it.
std::uint64_t named_seed(std::uint64_t seed, std::string_view name);

// The q-quantile of sorted values, interpolating linearly between order statistics
// (Hyndman & Fan 1996, definition 7, the default of R and NumPy).
double quantile(const std::vector<double>& sorted, double q);

}  // namespace statecraft
