#include "report/uncertainty_table.hpp"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/table.hpp"

namespace statecraft {

std::string render_uncertainty_text(const std::vector<ForecastDistribution>& distributions, const std::string& indent) {
  using Align = TextTable::Align;
  TextTable table({{"issue", Align::Left}, {"model", Align::Left}, {"mean", Align::Right}, {"5%", Align::Right},
                   {"50%", Align::Right}, {"95%", Align::Right}, {"samples", Align::Right}});
  auto cell = [](double v) { return std::isnan(v) ? std::string("—") : fmt::format("{:.1f}", v); };
  for (const auto& d : distributions)
    table.add_row({d.issue, d.model, cell(d.mean), cell(d.p05), cell(d.p50), cell(d.p95), std::to_string(d.forecasts)});
  return table.render(indent);
}

nlohmann::json uncertainty_json(const std::vector<ForecastDistribution>& distributions) {
  auto number = [](double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); };
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : distributions)
    out.push_back({{"issue", d.issue}, {"model", d.model}, {"samples", d.forecasts}, {"mean", number(d.mean)},
                   {"p05", number(d.p05)}, {"p50", number(d.p50)}, {"p95", number(d.p95)}});
  return out;
}

}  // namespace statecraft
