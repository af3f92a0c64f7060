#pragma once
// Forecast distributions as a table (text) or a list (JSON).

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "bargaining/uncertainty.hpp"

namespace statecraft {

std::string render_uncertainty_text(const std::vector<ForecastDistribution>& distributions, const std::string& indent);
nlohmann::json uncertainty_json(const std::vector<ForecastDistribution>& distributions);

}  // namespace statecraft
