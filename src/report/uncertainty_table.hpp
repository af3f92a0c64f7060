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
// Whether any issue has a decision rule, and so a chance of agreement to show.
bool any_rule(const std::vector<AgreementChance>& agreement);
// The chance of agreement per issue and the room for a deal, as a table (analyze shows it too).
std::string render_agreement_text(const std::vector<AgreementChance>& agreement, const std::string& indent);
nlohmann::json agreement_json(const std::vector<AgreementChance>& agreement);

// {samples, seed, jitter, perturbed, distributions, agreement}
nlohmann::json uncertainty_json(const std::vector<ForecastDistribution>& distributions, const std::vector<AgreementChance>& agreement,
                                const UncertaintySettings& settings);

}  // namespace statecraft
