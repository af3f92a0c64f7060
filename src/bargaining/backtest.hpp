#pragma once
// How well each model has forecast real outcomes: the mean absolute error and the root mean
// squared error against the recorded outcome, over the cases the model could forecast, with
// bootstrap intervals that resample whole groups (a legislative proposal's issues are decided
// together, so they are not independent cases), and the paired difference between two models.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bargaining/eu_procedure.hpp"
#include "bargaining/forecast.hpp"

namespace statecraft {

struct BacktestCase {
  BargainingIssue issue;
  std::optional<double> outcome;  // none: forecast with its group, not scored
  std::string group;              // the proposal; cases of one group run together; empty: alone
  std::optional<EuLegislation> legislation{};  // EU legislation: the procedural model's inputs
};

struct ModelScore {
  std::string model;
  std::size_t cases = 0;  // cases with an outcome the model forecast
  double mean_absolute_error = 0;
  double root_mean_squared_error = 0;
  double interval_low = 0;   // 95 % percentile bootstrap interval of the mean absolute error
  double interval_high = 0;  // (Efron & Tibshirani 1993, ch. 13), resampling groups
  std::vector<std::optional<double>> forecasts;  // one per case, in the cases' order
  std::vector<std::string> explanations;         // the model's word on each forecast, when it has one
};

// The models run on each group's issues together: the exchange model and SMP trade across the
// issues of one proposal, never across proposals. Besides the bargaining models, `nash-salience`
// (src/bargaining/nash.hpp) and `procedure`, the procedural model of EU legislation
// (src/bargaining/eu_procedure.hpp) for the cases with `legislation`. Each model's bootstrap is seeded by `seed` and
// its name, so its interval does not depend on the other models run.
std::vector<ModelScore> backtest(const std::vector<BacktestCase>& cases, const std::vector<std::string>& models,
                                 const ModelParameters& parameters = {}, std::size_t bootstrap_samples = 2000, std::uint64_t seed = 1);

// The scores of given forecasts (one per case), as backtest() scores a model's.
ModelScore scored(const std::vector<BacktestCase>& cases, const std::string& model, std::vector<std::optional<double>> forecasts,
                  std::size_t bootstrap_samples = 2000, std::uint64_t seed = 1);

// Model a's mean absolute error minus model b's over the cases both forecast, with a 95 %
// bootstrap interval resampling groups, the same resamples for both (a paired comparison); seeded
// by `seed` and the two names, whatever else was run. Negative: a is the better.
struct PairedDifference {
  std::string model, baseline;
  std::size_t cases = 0;
  double difference = 0, interval_low = 0, interval_high = 0;
};
PairedDifference paired_difference(const std::vector<BacktestCase>& cases, const ModelScore& a, const ModelScore& b,
                                   std::size_t bootstrap_samples = 2000, std::uint64_t seed = 1);

}  // namespace statecraft
