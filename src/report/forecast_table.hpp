#pragma once
// The bargaining forecasts of a scenario as a table: one row per issue, one column per model,
// and the spread between the models, for `statecraft forecast` and the analyze report.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "bargaining/forecast.hpp"

namespace statecraft {

struct ForecastRow {
  std::string issue;
  std::string name;
  std::string units;                     // what a point of the scale means; may be empty
  DecisionRule rule = DecisionRule::Everyone;
  std::string decided_by;                // describe_rule: "RUS alone", "every actor, as a weighted vote (…)"
  std::optional<WinSet> win_set{};       // under a decision rule
  std::vector<std::string> actors;       // the issue's actors, the order of IssueForecast::rounds
  std::vector<IssueForecast> forecasts;  // one per model, in the table's model order
  std::optional<double> spread;          // max − min over the models that forecast
  std::vector<std::optional<Label>> nearest;  // per forecast: the issue's label nearest to it
};

struct ForecastTable {
  std::vector<std::string> models;
  std::vector<ForecastRow> rows;
};

// `forecasts` as forecast_issues returns them for the scenario's issues and these models.
ForecastTable forecast_table(const Scenario& scenario, const std::vector<std::string>& models,
                             const std::vector<IssueForecast>& forecasts);

// The table, then per issue who decides, whether a deal is possible and the labels nearest to the
// forecasts, then the explanations; `indent` starts every line.
std::string render_forecast_text(const ForecastTable& table, const std::string& indent);
nlohmann::json forecast_json(const ForecastTable& table);

}  // namespace statecraft
