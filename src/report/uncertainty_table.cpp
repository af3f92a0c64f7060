#include "report/uncertainty_table.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/table.hpp"

namespace statecraft {
namespace {

bool any_rule(const std::vector<AgreementChance>& agreement) {
  return std::any_of(agreement.begin(), agreement.end(), [](const AgreementChance& a) { return a.probability.has_value(); });
}

}  // namespace

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
  TextTable chances({{"issue", Align::Left}, {"decided by", Align::Left}, {"P(agreement)", Align::Right}});
  for (const auto& a : agreement)
    chances.add_row({a.issue, a.probability ? a.decided_by : "every actor (no decision rule)",
                     a.probability ? fmt::format("{:.2f}", *a.probability) : "—"});
  return out + "\n" + indent + "Chance of an agreement: the share of samples in which some point is better than the status quo for the deciders\n" +
         chances.render(indent) + perturbed;
}

nlohmann::json uncertainty_json(const std::vector<ForecastDistribution>& distributions, const std::vector<AgreementChance>& agreement,
                                const UncertaintySettings& settings) {
  auto number = [](double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); };
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& d : distributions)
    rows.push_back({{"issue", d.issue}, {"model", d.model}, {"samples", d.forecasts}, {"mean", number(d.mean)},
                    {"p05", number(d.p05)}, {"p50", number(d.p50)}, {"p95", number(d.p95)}});
  nlohmann::json chances = nlohmann::json::array();
  for (const auto& a : agreement)
    chances.push_back({{"issue", a.issue}, {"decided_by", a.decided_by}, {"samples", a.samples},
                       {"probability", a.probability ? nlohmann::json(*a.probability) : nlohmann::json(nullptr)}});
  const Jitter& j = settings.jitter;
  return {{"samples", settings.samples},
          {"seed", settings.seed},
          {"jitter", {{"position", j.position}, {"salience", j.salience}, {"capability", j.capability}, {"status_quo", j.status_quo},
                      {"threshold", j.threshold}, {"position_and_status_quo_in", "shares of each issue's scale"}}},
          {"perturbed", describe_jitter(j)},
          {"distributions", rows},
          {"agreement", chances}};
}

}  // namespace statecraft
