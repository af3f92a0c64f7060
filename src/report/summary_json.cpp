#include <nlohmann/json.hpp>

#include "report/sensitivity_report.hpp"
#include "report/summary.hpp"
#include "report/uncertainty_table.hpp"

namespace statecraft {
namespace {

using nlohmann::json;

json optional_number(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json issue_json(const IssueSummary& issue, const json& forecasts) {
  json decision = forecasts["decision"];  // the rule, and under one whether a deal is possible
  decision["deciders"] = issue.deciders;
  json stances = json::array();
  for (const auto& s : issue.stances)
    stances.push_back({{"actor", s.actor}, {"position", s.position}, {"salience", s.salience}, {"capability", s.capability}});
  return {{"issue", issue.id},
          {"name", issue.name},
          {"scale", {issue.low, issue.high}},
          {"units", issue.units},
          {"status_quo", optional_number(issue.status_quo)},
          {"decision", decision},
          {"stances", stances},
          {"forecasts", forecasts["forecasts"]},
          {"notes", forecasts["notes"]},  // the keys `forecast --format json` gives them
          {"spread", forecasts["spread"]},
          {"moved_from", forecasts["moved_from"]},
          {"nearest_label", forecasts["nearest_label"]}};
}

json conflict_json(const ConflictSummary& c) {
  json makers = json::array();
  for (const auto& m : c.decision_makers)
    makers.push_back({{"actor", m.actor}, {"options", m.options}, {"option_names", m.option_names}, {"preferences", m.preferences}});
  return {{"options", c.options},
          {"decision_makers", makers},
          {"states", c.states},
          {"feasible_states", c.feasible_states ? json(*c.feasible_states) : json(nullptr)},
          {"status_quo", c.status_quo},
          {"status_quo_description", c.status_quo_description}};
}

json stability_summary_json(const StabilityReport& r) {
  json equilibria = json::object();
  for (Concept c : all_concepts) {
    json numbers = json::array();
    for (std::size_t s : r.equilibria(c)) numbers.push_back(s + 1);
    equilibria[concept_name(c)] = r.analysed(c) ? numbers : json(nullptr);
  }
  json highlights = json::array();
  for (const auto& row : ranked_equilibria(r, summary_reachable, summary_unreachable)) highlights.push_back(equilibrium_json(row));
  return {{"states", r.state_count}, {"status_quo", r.status_quo ? json(*r.status_quo + 1) : json(nullptr)},
          {"equilibria", equilibria}, {"highlights", highlights}};
}

}  // namespace

json models_json() {
  json models = json::array();
  for (const auto& m : bargaining_models()) models.push_back({{"name", m.name}, {"title", m.title}, {"citation", m.citation}});
  return models;
}

std::string render_json(const Summary& s) {
  json actors = json::array();
  for (const auto& a : s.actors)
    actors.push_back({{"actor", a.id}, {"name", a.name}, {"leader", a.leader}, {"capability", a.capability}, {"share", a.share}});
  json issues = json::array();
  const json forecasts = forecast_json(s.forecasts);
  for (std::size_t i = 0; i < s.issues.size(); ++i) issues.push_back(issue_json(s.issues[i], forecasts[i]));
  json games = json::array();
  for (const auto& g : s.games)
    games.push_back({{"game", g.id}, {"title", g.title}, {"form", g.form}, {"players", g.players}, {"shape", g.shape}, {"findings", g.findings}});
  json hangs_on = json::array();
  for (const auto& h : s.hangs_on) hangs_on.push_back(hinge_json(h));
  json lenses = json::object();
  for (const auto& lens : s.lenses) lenses[lens.name] = {{"has_data", lens.has_data}, {"holds", lens.holds}};
  json terms = json::array();
  for (const auto& t : s.terms) terms.push_back({{"name", t.name}, {"sentence", t.sentence}, {"citation", t.citation}});
  const json report = {
      {"statecraft", STATECRAFT_VERSION},
      {"models", models_json()},
      {"scenario", {{"id", s.id}, {"title", s.title}, {"date", s.date}, {"summary", s.summary}}},
      {"bottom_line", s.bottom_line},
      {"actors", actors},
      {"issues", issues},
      {"agreement", any_rule(s.agreement) ? json{{"samples", agreement_samples().samples},
                                                 {"perturbed", describe_jitter(agreement_samples().jitter)},
                                                 {"issues", agreement_json(s.agreement)}}
                                          : json(nullptr)},
      {"conflict", s.conflict ? conflict_json(*s.conflict) : json(nullptr)},
      {"stability", s.stability ? stability_summary_json(*s.stability) : json(nullptr)},
      {"stability_skipped", s.stability_skipped.empty() ? json(nullptr) : json(s.stability_skipped)},
      {"games", games},
      {"hangs_on", hangs_on},
      {"hangs_on_skipped", s.hangs_on_skipped.empty() ? json(nullptr) : json(s.hangs_on_skipped)},
      {"lenses", lenses},
      {"terms", terms},
  };
  return report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace statecraft
