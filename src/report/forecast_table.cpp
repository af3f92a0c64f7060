#include "report/forecast_table.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "report/issue_words.hpp"
#include "report/table.hpp"

namespace statecraft {

ForecastTable forecast_table(const Scenario& scenario, const std::vector<std::string>& models,
                             const std::vector<IssueForecast>& forecasts) {
  ForecastTable table{models, {}};
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    const Issue& issue = scenario.issues[i];
    ForecastRow row{issue.id, issue.name, issue.units, issue.decision.rule, describe_rule(bargaining_issue(scenario, issue)),
                    std::nullopt, {}, {}, std::nullopt, {}};
    for (const auto& stance : issue.stances) row.actors.push_back(stance.actor);
    row.forecasts.assign(forecasts.begin() + static_cast<long>(i * models.size()),
                         forecasts.begin() + static_cast<long>((i + 1) * models.size()));
    std::vector<double> values;
    for (const auto& f : row.forecasts) {
      const Label* label = f.position ? nearest_label(issue.labels, *f.position) : nullptr;
      row.nearest.push_back(label ? std::optional<Label>(*label) : std::nullopt);
      if (f.position) values.push_back(*f.position);
    }
    if (!row.forecasts.empty()) row.win_set = row.forecasts.front().win_set;
    if (!values.empty()) row.spread = *std::max_element(values.begin(), values.end()) - *std::min_element(values.begin(), values.end());
    table.rows.push_back(std::move(row));
  }
  return table;
}

namespace {

std::string deal_in_words(const ForecastRow& row) {
  if (!row.win_set) return "";
  const WinSet& set = *row.win_set;
  if (set.empty) return fmt::format("; no deal is possible: {} {} ({})", list_in_words(set.blockers), set.blockers.size() == 1 ? "blocks" : "block",
                                    set.explanation);
  return fmt::format("; a deal is possible from {:.4g} to {:.4g} ({} would go no further)", set.low, set.high, list_in_words(set.limited_by));
}

// Who decides the issue and whether a deal is possible, then the forecasts grouped by the label
// nearest to each.
std::string describe_row(const ForecastRow& row, const std::string& indent) {
  std::string out = fmt::format("{}{}{}: decided by {}{}\n", indent, row.issue, row.units.empty() ? "" : " (" + row.units + ")", row.decided_by,
                                deal_in_words(row));
  std::vector<std::pair<Label, std::string>> groups;
  for (std::size_t m = 0; m < row.forecasts.size(); ++m) {
    const auto& nearest = row.nearest[m];
    if (!nearest) continue;
    const auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first.point.value == nearest->point.value; });
    const std::string entry = fmt::format("{} {:.4g}", row.forecasts[m].model, *row.forecasts[m].position);
    if (group == groups.end()) groups.emplace_back(*nearest, entry);
    else group->second += ", " + entry;
  }
  std::vector<std::string> moved;
  for (const auto& f : row.forecasts)
    if (f.moved_from) moved.push_back(fmt::format("{} {:.4g}", f.model, *f.moved_from));
  if (!moved.empty())
    out += fmt::format("{}  † {}: {}\n", indent,
                       row.win_set && row.win_set->empty ? "the models' own points, set aside for the status quo"
                                                         : "moved into what the deciders accept, from",
                       fmt::join(moved, ", "));
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.first.point.value < b.first.point.value; });
  for (const auto& [label, models] : groups)
    out += fmt::format("{}  nearest \"{}\" ({:.4g}): {}\n", indent, label.text, label.point.value, models);
  return out;
}

// One note per explanation: the models that share it on an issue, then the issues on which the
// same models share it ("* nash, median on a, b: …"), in the order first met.
std::string render_notes(const std::vector<std::pair<std::string, std::string>>& explained, const std::vector<std::string>& explanations,
                         const std::string& indent) {
  struct Note {
    std::string explanation;
    std::vector<std::string> issues, models;
  };
  std::vector<Note> by_issue;  // one per (issue, explanation)
  for (std::size_t k = 0; k < explained.size(); ++k) {
    const std::string& issue = explained[k].first;
    const std::string& model = explained[k].second;
    const auto same = std::find_if(by_issue.begin(), by_issue.end(),
                                   [&](const Note& n) { return n.issues.front() == issue && n.explanation == explanations[k]; });
    if (same != by_issue.end()) same->models.push_back(model);
    else by_issue.push_back({explanations[k], {issue}, {model}});
  }
  std::vector<Note> notes;
  for (auto& n : by_issue) {
    const auto same = std::find_if(notes.begin(), notes.end(), [&](const Note& m) { return m.explanation == n.explanation && m.models == n.models; });
    if (same != notes.end()) same->issues.push_back(n.issues.front());
    else notes.push_back(std::move(n));
  }
  std::string out;
  for (const auto& n : notes) out += fmt::format("{}* {} on {}: {}\n", indent, fmt::join(n.models, ", "), fmt::join(n.issues, ", "), n.explanation);
  return out;
}

}  // namespace

std::string render_forecast_text(const ForecastTable& table, const std::string& indent) {
  std::vector<std::pair<std::string, TextTable::Align>> columns{{"issue", TextTable::Align::Left}};
  for (const auto& model : table.models) columns.emplace_back(model, TextTable::Align::Right);
  columns.emplace_back("spread", TextTable::Align::Right);
  TextTable text(columns);
  std::vector<std::pair<std::string, std::string>> explained;  // (issue, model) → explanation, in order met
  std::vector<std::string> explanations;
  for (const auto& row : table.rows) {
    std::vector<std::string> cells{row.issue};
    for (const auto& f : row.forecasts) {
      cells.push_back(f.position ? fmt::format("{:.4g}", *f.position) : "—");
      if (f.moved_from) cells.back() += "†";
      if (f.explanation.empty()) continue;
      cells.back() += "*";
      explained.emplace_back(row.issue, f.model);
      explanations.push_back(f.explanation);
    }
    cells.push_back(row.spread ? fmt::format("{:.4g}", *row.spread) : "—");
    text.add_row(std::move(cells));
  }
  std::string issues;
  for (const auto& row : table.rows) issues += describe_row(row, indent);
  const std::string notes = render_notes(explained, explanations, indent);
  return text.render(indent) + "\n" + issues + (notes.empty() ? "" : "\n" + notes);
}

namespace {

}  // namespace

nlohmann::json forecast_json(const ForecastTable& table) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : table.rows) {
    nlohmann::json forecasts = nlohmann::json::object();
    nlohmann::json notes = nlohmann::json::object();
    nlohmann::json rounds = nlohmann::json::object();
    nlohmann::json moved = nlohmann::json::object();
    nlohmann::json labels = nlohmann::json::object();
    for (std::size_t m = 0; m < row.forecasts.size(); ++m) {
      const IssueForecast& f = row.forecasts[m];
      forecasts[f.model] = f.position ? nlohmann::json(*f.position) : nlohmann::json(nullptr);
      if (f.moved_from) moved[f.model] = *f.moved_from;
      if (row.nearest[m]) labels[f.model] = row.nearest[m]->text;
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
    nlohmann::json decision{{"rule", rule_name(row.rule)}, {"decided_by", row.decided_by}};
    if (row.win_set) {
      decision["deal_possible"] = !row.win_set->empty;
      decision["win_set"] = row.win_set->empty ? nlohmann::json(nullptr) : nlohmann::json::array({row.win_set->low, row.win_set->high});
      decision["blockers"] = row.win_set->blockers;
      decision["limited_by"] = row.win_set->limited_by;
      decision["explanation"] = row.win_set->explanation;
    }
    rows.push_back({{"issue", row.issue},
                    {"name", row.name},
                    {"units", row.units},
                    {"decision", decision},
                    {"moved_from", moved},
                    {"nearest_label", labels},
                    {"forecasts", forecasts},
                    {"notes", notes},
                    {"actors", row.actors},
                    {"rounds", rounds},
                    {"spread", row.spread ? nlohmann::json(*row.spread) : nlohmann::json(nullptr)}});
  }
  return rows;
}

}  // namespace statecraft
