#pragma once
// The forecast command's report as one JSON document (docs/schema/forecast.schema.json): the
// models' forecasts per issue, the exchanges of support, and the Monte Carlo's distributions when
// samples were drawn. The command line and the Python package both print it.

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "bargaining/exchange.hpp"
#include "bargaining/uncertainty.hpp"
#include "report/forecast_table.hpp"

namespace statecraft {

struct ForecastUncertainty {
  std::vector<ForecastDistribution> distributions;
  std::vector<AgreementChance> agreement;
  UncertaintySettings settings;
};

nlohmann::json forecast_report_json(const Scenario& scenario, const std::vector<BargainingIssue>& issues, const ForecastTable& table,
                                    const std::optional<ExchangeRun>& exchange, const std::optional<ForecastUncertainty>& uncertainty);

}  // namespace statecraft
