#pragma once
// The backtest's report: every model's score on the recorded outcomes, in sample and across
// cross-validation folds, the fitted models' parameters, and each issue's forecasts and intervals,
// as text, JSON (docs/schema/backtest.schema.json) and a per-issue CSV.

#include <optional>
#include <string>
#include <vector>

#include "bargaining/backtest.hpp"
#include "bargaining/cross_validation.hpp"

namespace statecraft {

struct BacktestReport {
  std::string file;          // as the user named it
  std::string capabilities;  // "equal capabilities", "capabilities from caps.csv"
  std::size_t proposals = 0, actors = 0;
  std::vector<BacktestCase> cases;
  // One per model, in the order asked; a fitted model's forecasts are its cross-validated ones.
  std::vector<ModelScore> scores;
  std::vector<std::optional<PairedDifference>> minus_compromise;  // beside each score
  std::vector<CrossValidatedScore> cross_validated;              // same order; empty: too few proposals
  CrossValidation settings;
};

// Runs the models and the cross-validation (folds cut to the number of groups when fewer).
BacktestReport run_backtest(std::vector<BacktestCase> cases, const std::vector<std::string>& models, const ModelParameters& parameters,
                            const CrossValidation& settings);

std::string backtest_text(const BacktestReport& report);
std::string backtest_json(const BacktestReport& report);
std::string backtest_per_issue_csv(const BacktestReport& report);
// The fitted models' parameters, fitted on every issue: {"model": {"parameter": value}}.
std::string backtest_fitted_json(const BacktestReport& report);

}  // namespace statecraft
