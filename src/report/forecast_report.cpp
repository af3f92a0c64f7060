#include "report/forecast_report.hpp"

#include "report/exchange_report.hpp"
#include "report/summary.hpp"
#include "report/uncertainty_table.hpp"

namespace statecraft {

nlohmann::json forecast_report_json(const Scenario& scenario, const std::vector<BargainingIssue>& issues, const ForecastTable& table,
                                    const std::optional<ExchangeRun>& exchange, const std::optional<ForecastUncertainty>& uncertainty) {
  nlohmann::json report{{"statecraft", STATECRAFT_VERSION}, {"scenario", scenario.id}, {"models", models_json()}, {"issues", forecast_json(table)}};
  if (exchange) report["exchanges"] = exchanges_json(*exchange, issues);
  if (uncertainty) report["uncertainty"] = uncertainty_json(uncertainty->distributions, uncertainty->agreement, uncertainty->settings);
  return report;
}

}  // namespace statecraft
