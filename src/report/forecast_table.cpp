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
    ForecastRow row{issue.id, issue.name, issue.units, issue.labels, issue.decision.rule, describe_rule(bargaining_issue(scenario, issue)),
                    std::nullopt, {}, {}, std::nullopt};
    for (const auto& stance : issue.stances) row.actors.push_back(stance.actor);
    row.forecasts.assign(forecasts.begin() + static_cast<long>(i * models.size()),
                         forecasts.begin() + static_cast<long>((i + 1) * models.size()));
    std::vector<double> values;
    for (const auto& f : row.forecasts)
      if (f.position) values.push_back(*f.position);
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
  std::vector<std::pair<const Label*, std::string>> groups;
  for (const auto& f : row.forecasts) {
    if (!f.position) continue;
    const Label* nearest = nearest_label(row.labels, *f.position);
    if (!nearest) break;
    const auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == nearest; });
    const std::string entry = fmt::format("{} {:.4g}", f.model, *f.position);
    if (group == groups.end()) groups.emplace_back(nearest, entry);
    else group->second += ", " + entry;
  }
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.first->point.value < b.first->point.value; });
  for (const auto& [label, models] : groups)
    out += fmt::format("{}  nearest \"{}\" ({:.4g}): {}\n", indent, label->text, label->point.value, models);
  return out;
}

}  // namespace

std::string render_forecast_text(const ForecastTable& table, const std::string& indent) {
  std::vector<std::pair<std::string, TextTable::Align>> columns{{"issue", TextTable::Align::Left}};
  for (const auto& model : table.models) columns.emplace_back(model, TextTable::Align::Right);
  columns.emplace_back("spread", TextTable::Align::Right);
  TextTable text(columns);
  // One note for a model's explanation however many issues it explains, in the order first met.
  struct Note {
    std::string model, explanation;
    std::vector<std::string> issues;
  };
  std::vector<Note> notes;
  for (const auto& row : table.rows) {
    std::vector<std::string> cells{row.issue};
    for (const auto& f : row.forecasts) {
      cells.push_back(f.position ? fmt::format("{:.4g}", *f.position) : "—");
      if (f.explanation.empty()) continue;
      cells.back() += "*";
      const auto same = std::find_if(notes.begin(), notes.end(), [&](const Note& n) { return n.model == f.model && n.explanation == f.explanation; });
      if (same != notes.end()) same->issues.push_back(row.issue);
      else notes.push_back({f.model, f.explanation, {row.issue}});
    }
    cells.push_back(row.spread ? fmt::format("{:.4g}", *row.spread) : "—");
    text.add_row(std::move(cells));
  }
  std::string issues;
  for (const auto& row : table.rows) issues += describe_row(row, indent);
  std::string explained;
  for (const auto& n : notes) explained += fmt::format("{}* {} on {}: {}\n", indent, n.model, fmt::join(n.issues, ", "), n.explanation);
  return text.render(indent) + "\n" + issues + (explained.empty() ? "" : "\n" + explained);
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
    for (const auto& f : row.forecasts) {
      forecasts[f.model] = f.position ? nlohmann::json(*f.position) : nlohmann::json(nullptr);
      if (f.moved_from) moved[f.model] = *f.moved_from;
      if (const Label* label = f.position ? nearest_label(row.labels, *f.position) : nullptr) labels[f.model] = label->text;
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
