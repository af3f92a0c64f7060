#include "report/uncertainty_table.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/table.hpp"

namespace statecraft {

bool any_rule(const std::vector<AgreementChance>& agreement) {
  return std::any_of(agreement.begin(), agreement.end(), [](const AgreementChance& a) { return a.probability.has_value(); });
}

std::string render_uncertainty_text(const std::vector<ForecastDistribution>& distributions, const std::vector<AgreementChance>& agreement,
                                    const Jitter& jitter, const std::string& indent) {
  using Align = TextTable::Align;
  TextTable table({{"issue", Align::Left}, {"model", Align::Left}, {"mean", Align::Right}, {"5%", Align::Right},
                   {"50%", Align::Right}, {"95%", Align::Right}, {"samples", Align::Right}});
  auto cell = [](double v) { return std::isnan(v) ? std::string("—") : fmt::format("{:.1f}", v); };
  for (const auto& d : distributions)
    table.add_row({d.issue, d.model, cell(d.mean), cell(d.p05), cell(d.p50), cell(d.p95), std::to_string(d.forecasts)});
  const std::string perturbed = indent + describe_jitter(jitter) + "\n";
  std::string out = table.render(indent) + perturbed;
  if (!any_rule(agreement)) return out;
  return out + "\n" + render_agreement_text(agreement, indent) + perturbed;
}

std::string render_agreement_text(const std::vector<AgreementChance>& agreement, const std::string& indent) {
  using Align = TextTable::Align;
  TextTable chances({{"issue", Align::Left}, {"decided by", Align::Left}, {"P(agreement)", Align::Right}, {"room for a deal", Align::Right}});
  for (const auto& a : agreement)
    chances.add_row({a.issue, a.probability ? a.decided_by : "every actor (no decision rule)",
                     a.probability ? fmt::format("{:.2f}", *a.probability) : "—",
                     a.mean_room ? fmt::format("{:.1f} %", 100 * *a.mean_room) : "—"});
  return indent + "Chance of an agreement: the share of samples in which some point is better than the status quo for the deciders,\n" +
         indent + "and the room for a deal: the mean width of that win set, as a share of the scale, where there is one\n" + chances.render(indent);
}

nlohmann::json agreement_json(const std::vector<AgreementChance>& agreement) {
  nlohmann::json chances = nlohmann::json::array();
  auto optional = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  for (const auto& a : agreement)
    chances.push_back({{"issue", a.issue}, {"decided_by", a.decided_by}, {"samples", a.samples}, {"probability", optional(a.probability)},
                       {"mean_room", optional(a.mean_room)}});
  return chances;
}

nlohmann::json uncertainty_json(const std::vector<ForecastDistribution>& distributions, const std::vector<AgreementChance>& agreement,
                                const UncertaintySettings& settings) {
  auto number = [](double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); };
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& d : distributions)
    rows.push_back({{"issue", d.issue}, {"model", d.model}, {"samples", d.forecasts}, {"mean", number(d.mean)},
                    {"p05", number(d.p05)}, {"p50", number(d.p50)}, {"p95", number(d.p95)}});
  const Jitter& j = settings.jitter;
  return {{"samples", settings.samples},
          {"seed", settings.seed},
          {"jitter", {{"position", j.position}, {"salience", j.salience}, {"capability", j.capability}, {"status_quo", j.status_quo},
                      {"threshold", j.threshold}, {"position_and_status_quo_in", "shares of each issue's scale"}}},
          {"perturbed", describe_jitter(j)},
          {"distributions", rows},
          {"agreement", agreement_json(agreement)}};
}

}  // namespace statecraft
