#pragma once
// Scoring forecasts on cases they were not made from: k-fold cross-validation across groups
// (legislative proposals), the fitted models chosen fold by fold, and intervals calibrated from
// the cross-validated errors.
//
// * Folds. The groups are shuffled by the seed (Fisher–Yates on a 64-bit Mersenne Twister, the
//   same on every platform) and dealt into k folds; all of a proposal's issues share a fold.
// * Fitted models are fitted on k − 1 folds and forecast the k-th; an unfitted model's
//   cross-validated forecast is its forecast. Fitted on every case, their parameters are reported
//   so a forecast can be reproduced.
// * Intervals: split conformal prediction (Vovk, Gammerman & Shafer 2005; Lei et al. 2018, JASA
//   113, §2.2) with the cross-validated errors as the calibration set. A case in fold f gets
//   [ŷ + e_(lo), ŷ + e_(hi)], e the errors y − ŷ of the model's cross-validated forecasts on the
//   cases of the other folds, lo = ⌊(n+1)·α/2⌋ and hi = ⌈(n+1)·(1 − α/2)⌉ of their n in order,
//   clipped to the scale. Its predictive distribution, for CRPS, is ŷ + e over those errors.
// * Scores beyond the absolute error: coverage of the 50 % and 90 % intervals; the interval score
//   of the 90 % interval, (u − l) + (2/α)(l − y)·[y < l] + (2/α)(y − u)·[y > u] (Gneiting &
//   Raftery 2007, JASA 102, eq. 43), lower is better; and the CRPS of the predictive distribution
//   F, E|X − y| − ½E|X − X′| (ibid. eq. 20), in the scale's units like the absolute error.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bargaining/backtest.hpp"

namespace statecraft {

// The fold of each case, 0..folds−1. Throws std::invalid_argument unless 2 <= folds <= groups.
std::vector<std::size_t> folds_by_group(const std::vector<BacktestCase>& cases, std::size_t folds, std::uint64_t seed);

// The models a backtest has besides the bargaining models: `procedure` (src/bargaining/
// eu_procedure.hpp, not fitted) and the fitted models, each fitted on the training folds:
// * council-power: the compromise model with the member states' capabilities their
//   Shapley–Shubik index in the Council of the day (src/bargaining/eu_council.hpp, among those
//   with a position), the Commission's and, under co-decision, the Parliament's capabilities two
//   parameters against the Council's total of 1, chosen on a grid.
// * fitted-power: the compromise model with a capability per actor, chosen on a grid by
//   coordinate descent on the training cases' absolute error (two sweeps).
// * ensemble: a weighted mean of the unfitted models' forecasts, the weights chosen by ensemble
//   selection (Caruana, Niculescu-Mizil, Crew & Ksikes 2004, ICML): twenty steps, each adding
//   with replacement the model that most lowers the training cases' absolute error.
const std::vector<ModelInfo>& backtest_only_models();
bool is_fitted_model(const std::string& name);  // council-power, fitted-power, ensemble
// Every model a backtest can score: the bargaining models, then those above.
std::vector<std::string> backtest_model_names();

struct CrossValidation {
  std::size_t folds = 10;
  std::uint64_t seed = 1;
};

struct Interval {
  double low = 0, high = 0;
};

struct CrossValidatedScore {
  std::string model;
  std::size_t cases = 0;  // with an outcome and a cross-validated forecast
  double mean_absolute_error = NAN, root_mean_squared_error = NAN;
  double coverage50 = NAN, coverage90 = NAN;  // shares of the cases inside their interval
  double interval_score90 = NAN, crps = NAN;  // means over the cases
  std::vector<std::optional<double>> forecasts;  // held out, per case
  std::vector<std::optional<Interval>> interval50, interval90;
  // Fitted on every case: parameter name and value ("com" 0.5, "weight of exchange" 0.35...).
  std::vector<std::pair<std::string, double>> fitted;
};

// `base` are the scores of the unfitted models on the same cases (from backtest()); `fitted`
// the fitted models to add. The result: one score per base model, then one per fitted model.
std::vector<CrossValidatedScore> cross_validate(const std::vector<BacktestCase>& cases, const std::vector<ModelScore>& base,
                                                const std::vector<std::string>& fitted, const CrossValidation& settings = {});

}  // namespace statecraft
