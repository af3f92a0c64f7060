#include "bargaining/backtest.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "bargaining/forecast.hpp"
#include "bargaining/uncertainty.hpp"

namespace statecraft {

std::vector<ModelScore> backtest(const std::vector<BacktestCase>& cases, const std::vector<std::string>& models,
                                 const ModelParameters& parameters, std::size_t bootstrap_samples, std::uint64_t seed) {
  std::vector<BargainingIssue> issues;
  for (const auto& c : cases) issues.push_back(c.issue);
  // Backtest issues are independent cases, not one negotiation: the joint models (exchange,
  // smp) would otherwise trade across them, so every case runs on its own.
  std::vector<IssueForecast> forecasts;
  for (const auto& issue : issues) {
    auto one = forecast_issues({issue}, models, parameters);
    forecasts.insert(forecasts.end(), one.begin(), one.end());
  }

  std::vector<ModelScore> scores;
  for (std::size_t m = 0; m < models.size(); ++m) {
    std::vector<double> errors;
    for (std::size_t i = 0; i < cases.size(); ++i)
      if (const auto& position = forecasts[i * models.size() + m].position) errors.push_back(std::abs(*position - cases[i].outcome));
    ModelScore score{models[m], errors.size(), NAN, NAN, NAN};
    if (!errors.empty()) {
      const auto n = static_cast<double>(errors.size());
      score.mean_absolute_error = std::accumulate(errors.begin(), errors.end(), 0.0) / n;
      std::mt19937_64 engine(named_seed(seed, models[m]));
      std::vector<double> means;
      for (std::size_t b = 0; b < bootstrap_samples; ++b) {
        double total = 0;
        for (std::size_t k = 0; k < errors.size(); ++k) total += errors[engine() % errors.size()];
        means.push_back(total / n);
      }
      std::sort(means.begin(), means.end());
      score.interval_low = quantile(means, 0.025);
      score.interval_high = quantile(means, 0.975);
    }
    scores.push_back(score);
  }
  return scores;
}

}  // namespace statecraft
