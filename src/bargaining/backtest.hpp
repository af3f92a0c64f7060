#pragma once
// How well each model has forecast real outcomes: the mean absolute error against the recorded
// outcome, over the cases the model could forecast, with a bootstrap interval.

#include <cstdint>
#include <string>
#include <vector>

#include "bargaining/forecast.hpp"

namespace statecraft {

struct BacktestCase {
  BargainingIssue issue;
  double outcome = 0;
};

struct ModelScore {
  std::string model;
  std::size_t cases = 0;  // cases the model forecast
  double mean_absolute_error = 0;
  double interval_low = 0;   // 95 % percentile bootstrap interval of the mean absolute error
  double interval_high = 0;  // (Efron & Tibshirani 1993, ch. 13), resampling cases
};

std::vector<ModelScore> backtest(const std::vector<BacktestCase>& cases, const std::vector<std::string>& models,
                                 const ModelParameters& parameters = {}, std::size_t bootstrap_samples = 2000, std::uint64_t seed = 1);

}  // namespace statecraft
