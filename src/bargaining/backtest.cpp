#include "bargaining/backtest.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <fmt/format.h>
#include <map>
#include <numeric>
#include <random>

#include "bargaining/forecast.hpp"
#include "bargaining/nash.hpp"
#include "bargaining/uncertainty.hpp"

namespace statecraft {
namespace {

// The cases' indices by group, in the order groups first appear; an ungrouped case is its own.
std::vector<std::vector<std::size_t>> groups_of(const std::vector<BacktestCase>& cases) {
  std::vector<std::vector<std::size_t>> groups;
  std::map<std::string, std::size_t> index;
  for (std::size_t k = 0; k < cases.size(); ++k) {
    if (cases[k].group.empty()) {
      groups.push_back({k});
      continue;
    }
    const auto [it, added] = index.try_emplace(cases[k].group, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(k);
  }
  return groups;
}

// A statistic's 95 % percentile interval over resamples of whole groups: each resample draws as
// many groups as there are, with replacement, and takes the mean of `value` over their cases.
template <class Value>
std::pair<double, double> clustered_interval(const std::vector<std::vector<std::size_t>>& groups, Value value, std::size_t samples, std::uint64_t seed) {
  std::mt19937_64 engine(seed);
  std::vector<double> means;
  for (std::size_t b = 0; b < samples; ++b) {
    double total = 0;
    std::size_t n = 0;
    for (std::size_t g = 0; g < groups.size(); ++g)
      for (std::size_t k : groups[engine() % groups.size()])
        if (const auto v = value(k)) total += *v, ++n;
    if (n) means.push_back(total / static_cast<double>(n));
  }
  if (means.empty()) return {NAN, NAN};
  std::sort(means.begin(), means.end());
  return {quantile(means, 0.025), quantile(means, 0.975)};
}

// The models a backtest runs case by case on its own, beside forecast_issues' bargaining models:
// each gives a case's forecast (empty: none) and its word on it.
using CaseModel = std::function<std::pair<std::optional<double>, std::string>(const BacktestCase&)>;
const std::map<std::string, CaseModel>& case_models() {
  static const std::map<std::string, CaseModel> models{
      {"compromise-held",
       [](const BacktestCase& c) -> std::pair<std::optional<double>, std::string> {
         if (const auto mean = weighted_mean(c.issue.actors)) return {nearest_held_position(c.issue.actors, *mean), {}};
         return {};
       }},
      {"nash-salience", [](const BacktestCase& c) { return std::pair{nash_with_salience(c.issue), std::string()}; }},
      {"procedure",
       [](const BacktestCase& c) -> std::pair<std::optional<double>, std::string> {
         if (!c.legislation) return {};
         auto p = eu_procedure(c.issue, *c.legislation);
         return {p.position, std::move(p.explanation)};
       }},
  };
  return models;
}

}  // namespace

ModelScore scored(const std::vector<BacktestCase>& cases, const std::string& model, std::vector<std::optional<double>> forecasts,
                  std::size_t bootstrap_samples, std::uint64_t seed) {
  ModelScore score{model, 0, NAN, NAN, NAN, NAN, std::move(forecasts), std::vector<std::string>(cases.size())};
  auto error = [&](std::size_t k) -> std::optional<double> {
    if (!cases[k].outcome || !score.forecasts.at(k)) return std::nullopt;
    return std::abs(*score.forecasts[k] - *cases[k].outcome);
  };
  double absolute = 0, squared = 0;
  for (std::size_t k = 0; k < cases.size(); ++k)
    if (const auto e = error(k)) absolute += *e, squared += *e * *e, ++score.cases;
  if (!score.cases) return score;
  const auto n = static_cast<double>(score.cases);
  score.mean_absolute_error = absolute / n;
  score.root_mean_squared_error = std::sqrt(squared / n);
  std::tie(score.interval_low, score.interval_high) = clustered_interval(groups_of(cases), error, bootstrap_samples, named_seed(seed, score.model));
  return score;
}

std::vector<ModelScore> backtest(const std::vector<BacktestCase>& cases, const std::vector<std::string>& models,
                                 const ModelParameters& parameters, std::size_t bootstrap_samples, std::uint64_t seed) {
  const auto groups = groups_of(cases);
  std::vector<std::string> bargaining;  // the models forecast_issues runs
  for (const auto& m : models)
    if (!case_models().contains(m)) bargaining.push_back(m);
  std::vector<std::vector<BargainingIssue>> negotiations;
  for (const auto& g : groups) {
    negotiations.emplace_back();
    for (std::size_t k : g) negotiations.back().push_back(cases[k].issue);
  }
  WorkEstimate work;
  for (const auto& issues : negotiations) work.operations += estimated_work(issues, bargaining, parameters).operations;
  work.explanation = fmt::format("the models on {} cases need an estimated {:.3g} operations", cases.size(), work.operations);
  refuse_beyond(work, 1, parameters.max_work);
  ModelParameters within_limit = parameters;
  within_limit.max_work = INFINITY;

  std::vector<ModelScore> scores;
  for (const auto& m : models)
    scores.push_back({m, 0, NAN, NAN, NAN, NAN, std::vector<std::optional<double>>(cases.size()), std::vector<std::string>(cases.size())});
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const auto forecasts = forecast_issues(negotiations[g], bargaining, within_limit);  // issue-major, then model
    for (std::size_t i = 0; i < groups[g].size(); ++i)
      for (std::size_t m = 0, b = 0; m < models.size(); ++m) {
        const std::size_t k = groups[g][i];
        if (const auto own = case_models().find(models[m]); own != case_models().end()) {
          std::tie(scores[m].forecasts[k], scores[m].explanations[k]) = own->second(cases[k]);
          continue;
        }
        scores[m].forecasts[k] = forecasts[i * bargaining.size() + b].position;
        scores[m].explanations[k] = forecasts[i * bargaining.size() + b].explanation;
        ++b;
      }
  }
  for (auto& score : scores) {
    auto explanations = std::move(score.explanations);
    score = scored(cases, score.model, std::move(score.forecasts), bootstrap_samples, seed);
    score.explanations = std::move(explanations);
  }
  return scores;
}

PairedDifference paired_difference(const std::vector<BacktestCase>& cases, const ModelScore& a, const ModelScore& b, std::size_t bootstrap_samples,
                                   std::uint64_t seed) {
  auto difference = [&](std::size_t k) -> std::optional<double> {
    if (!cases[k].outcome || !a.forecasts.at(k) || !b.forecasts.at(k)) return std::nullopt;
    return std::abs(*a.forecasts[k] - *cases[k].outcome) - std::abs(*b.forecasts[k] - *cases[k].outcome);
  };
  PairedDifference d{a.model, b.model, 0, NAN, NAN, NAN};
  double total = 0;
  for (std::size_t k = 0; k < cases.size(); ++k)
    if (const auto v = difference(k)) total += *v, ++d.cases;
  if (!d.cases) return d;
  d.difference = total / static_cast<double>(d.cases);
  std::tie(d.interval_low, d.interval_high) = clustered_interval(groups_of(cases), difference, bootstrap_samples, named_seed(seed, a.model + " - " + b.model));
  return d;
}

}  // namespace statecraft
