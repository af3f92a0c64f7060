#pragma once
// Forecast distributions and the chance of agreement as tables (text) or lists (JSON), each with
// what the samples perturbed and by how much.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "bargaining/uncertainty.hpp"

namespace statecraft {

std::string render_uncertainty_text(const std::vector<ForecastDistribution>& distributions, const std::vector<AgreementChance>& agreement,
                                    const Jitter& jitter, const std::string& indent);
// {samples, seed, jitter, perturbed, distributions, agreement}
nlohmann::json uncertainty_json(const std::vector<ForecastDistribution>& distributions, const std::vector<AgreementChance>& agreement,
                                const UncertaintySettings& settings);

}  // namespace statecraft
