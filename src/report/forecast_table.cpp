#include "report/forecast_table.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/table.hpp"

namespace statecraft {

ForecastTable forecast_table(const Scenario& scenario, const std::vector<std::string>& models,
                             const std::vector<IssueForecast>& forecasts) {
  ForecastTable table{models, {}};
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    ForecastRow row{scenario.issues[i].id, scenario.issues[i].name, {}, {}, std::nullopt};
    for (const auto& stance : scenario.issues[i].stances) row.actors.push_back(stance.actor);
    row.forecasts.assign(forecasts.begin() + static_cast<long>(i * models.size()),
                         forecasts.begin() + static_cast<long>((i + 1) * models.size()));
    std::vector<double> values;
    for (const auto& f : row.forecasts)
      if (f.position) values.push_back(*f.position);
    if (!values.empty()) row.spread = *std::max_element(values.begin(), values.end()) - *std::min_element(values.begin(), values.end());
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string render_forecast_text(const ForecastTable& table, const std::string& indent) {
  std::vector<std::pair<std::string, TextTable::Align>> columns{{"issue", TextTable::Align::Left}};
  for (const auto& model : table.models) columns.emplace_back(model, TextTable::Align::Right);
  columns.emplace_back("spread", TextTable::Align::Right);
  TextTable text(columns);
  std::string notes;
  for (const auto& row : table.rows) {
    std::vector<std::string> cells{row.issue};
    for (const auto& f : row.forecasts) {
      cells.push_back(f.position ? fmt::format("{:.4g}", *f.position) : "—");
      if (!f.explanation.empty()) {
        cells.back() += "*";
        notes += fmt::format("{}* {} on {}: {}\n", indent, f.model, row.issue, f.explanation);
      }
    }
    cells.push_back(row.spread ? fmt::format("{:.4g}", *row.spread) : "—");
    text.add_row(std::move(cells));
  }
  return text.render(indent) + notes;
}

nlohmann::json forecast_json(const ForecastTable& table) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : table.rows) {
    nlohmann::json forecasts = nlohmann::json::object();
    nlohmann::json notes = nlohmann::json::object();
    nlohmann::json rounds = nlohmann::json::object();
    for (const auto& f : row.forecasts) {
      forecasts[f.model] = f.position ? nlohmann::json(*f.position) : nlohmann::json(nullptr);
      if (!f.explanation.empty()) notes[f.model] = f.explanation;
      if (f.rounds.empty()) continue;
      nlohmann::json by_round = nlohmann::json::array();
      for (const auto& round : f.rounds) {
        nlohmann::json positions = nlohmann::json::array();
        for (double x : round) positions.push_back(std::isnan(x) ? nlohmann::json(nullptr) : nlohmann::json(x));
        by_round.push_back(positions);
      }
      rounds[f.model] = by_round;
    }
    rows.push_back({{"issue", row.issue},
                    {"name", row.name},
                    {"forecasts", forecasts},
                    {"notes", notes},
                    {"actors", row.actors},
                    {"rounds", rounds},
                    {"spread", row.spread ? nlohmann::json(*row.spread) : nlohmann::json(nullptr)}});
  }
  return rows;
}

}  // namespace statecraft
