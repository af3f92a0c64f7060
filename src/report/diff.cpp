#include "report/diff.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "report/issue_words.hpp"

namespace statecraft {
namespace {

// The precision point_in_words prints, so a forecast "moved" exactly when its printed value did.
std::string printed(double value) { return fmt::format("{:.4g}", value); }

const Issue* find_issue(const Scenario& scenario, const std::string& id) {
  const auto it = std::find_if(scenario.issues.begin(), scenario.issues.end(), [&](const Issue& i) { return i.id == id; });
  return it == scenario.issues.end() ? nullptr : &*it;
}

const ForecastRow* find_row(const ForecastTable& table, const std::string& issue) {
  const auto it = std::find_if(table.rows.begin(), table.rows.end(), [&](const ForecastRow& r) { return r.issue == issue; });
  return it == table.rows.end() ? nullptr : &*it;
}

std::optional<double> forecast_of(const ForecastTable& table, const ForecastRow* row, const std::string& model) {
  if (!row) return std::nullopt;
  const auto column = std::find(table.models.begin(), table.models.end(), model);
  const auto index = static_cast<std::size_t>(column - table.models.begin());
  if (column == table.models.end() || index >= row->forecasts.size()) return std::nullopt;
  return row->forecasts[index].position;
}

std::string words_of(const Scenario& scenario, const std::string& issue, const std::optional<double>& value) {
  const Issue* found = find_issue(scenario, issue);
  if (!value) return "no forecast";
  return found ? point_in_words(*found, *value) : printed(*value);
}

// Issues of either version, the new one's order first.
std::vector<std::string> issue_ids(const Scenario& before, const Scenario& after) {
  std::vector<std::string> ids;
  for (const auto& i : after.issues) ids.push_back(i.id);
  for (const auto& i : before.issues)
    if (std::find(ids.begin(), ids.end(), i.id) == ids.end()) ids.push_back(i.id);
  return ids;
}

std::vector<ForecastChange> forecast_changes(const Scenario& before, const ForecastTable& old_table, const Scenario& after, const ForecastTable& table) {
  std::vector<ForecastChange> changes;
  for (const auto& issue : issue_ids(before, after)) {
    const ForecastRow* old_row = find_row(old_table, issue);
    const ForecastRow* row = find_row(table, issue);
    for (const auto& model : table.models) {
      const auto was = forecast_of(old_table, old_row, model), now = forecast_of(table, row, model);
      if (was.has_value() == now.has_value() && (!was || printed(*was) == printed(*now))) continue;
      changes.push_back({issue, model, was, now, words_of(before, issue, was), words_of(after, issue, now)});
    }
  }
  return changes;
}

std::optional<bool> deal_possible(const ForecastRow* row) {
  if (!row || !row->win_set) return std::nullopt;
  return !row->win_set->empty;
}

std::vector<DealChange> deal_changes(const Scenario& before, const ForecastTable& old_table, const Scenario& after, const ForecastTable& table) {
  std::vector<DealChange> changes;
  for (const auto& issue : issue_ids(before, after)) {
    const ForecastRow* old_row = find_row(old_table, issue);
    const ForecastRow* row = find_row(table, issue);
    const auto was = deal_possible(old_row), now = deal_possible(row);
    if (was == now) continue;
    const ForecastRow* latest = row ? row : old_row;
    changes.push_back({issue, was, now, old_row ? old_row->decided_by : "", row ? row->decided_by : "",
                       latest->win_set ? latest->win_set->explanation : ""});
  }
  return changes;
}

// The equilibria the status quo reaches, by the options they take (sorted ids, joined).
std::map<std::string, EquilibriumChange> reachable_equilibria(const StabilityReport& report) {
  std::map<std::string, EquilibriumChange> found;
  for (Concept c : all_concepts)
    for (std::size_t state : report.equilibria(c)) {
      const StabilityRow row = report.row(state);
      if (!row.path) continue;
      std::vector<std::string> taken;
      for (std::size_t o = 0; o < report.options.size(); ++o)
        if (row.bits >> o & 1) taken.push_back(report.options[o]);
      std::sort(taken.begin(), taken.end());
      auto& entry = found[fmt::format("{}", fmt::join(taken, "+"))];
      if (entry.concepts.empty()) entry = {false, taken, row.description, {}, reachability_in_words(row)};
      entry.concepts.push_back(concept_name(c));
    }
  return found;
}

std::string why_not_compared(const Summary& summary, const char* version) {
  if (!summary.conflict) return fmt::format("the {} version has no conflict", version);
  if (!summary.stability) return fmt::format("the {} version's conflict was not analysed: {}", version, summary.stability_skipped.empty() ? "no feasible state" : summary.stability_skipped);
  return {};
}

void equilibrium_changes(const Summary& before, const Summary& after, AnswerChanges& answers) {
  if (!before.conflict && !after.conflict) return;
  answers.equilibria_not_compared = why_not_compared(before, "old");
  if (answers.equilibria_not_compared.empty()) answers.equilibria_not_compared = why_not_compared(after, "new");
  if (!answers.equilibria_not_compared.empty()) return;
  const auto old_set = reachable_equilibria(*before.stability), new_set = reachable_equilibria(*after.stability);
  for (auto [key, equilibrium] : new_set)
    if (!old_set.count(key)) answers.equilibria.push_back((equilibrium.gained = true, equilibrium));
  for (const auto& [key, equilibrium] : old_set)
    if (!new_set.count(key)) answers.equilibria.push_back(equilibrium);
}

// Lines of `lines` that `other` lacks, in order.
std::vector<std::string> missing_from(const std::vector<std::string>& lines, const std::vector<std::string>& other) {
  std::vector<std::string> missing;
  for (const auto& line : lines)
    if (std::find(other.begin(), other.end(), line) == other.end()) missing.push_back(line);
  return missing;
}

std::vector<GameChange> game_changes(const Summary& before, const Summary& after) {
  const auto find = [](const Summary& s, const std::string& id) -> const GameSummary* {
    const auto it = std::find_if(s.games.begin(), s.games.end(), [&](const GameSummary& g) { return g.id == id; });
    return it == s.games.end() ? nullptr : &*it;
  };
  const std::vector<std::string> none;
  std::vector<GameChange> changes;
  const auto compare = [&](const GameSummary* old, const GameSummary* game) {
    const auto& old_lines = old ? old->findings : none;
    const auto& lines = game ? game->findings : none;
    GameChange change{game ? game->id : old->id, game ? game->title : old->title, missing_from(old_lines, lines), missing_from(lines, old_lines)};
    if (!change.lost.empty() || !change.gained.empty()) changes.push_back(std::move(change));
  };
  for (const auto& game : after.games) compare(find(before, game.id), &game);
  for (const auto& game : before.games)
    if (!find(after, game.id)) compare(&game, nullptr);
  return changes;
}

// ---- text -------------------------------------------------------------------------------

std::string where_text(const JudgmentChange& c) {
  const std::string line = c.at.line > 0 ? fmt::format("written at line {}", c.at.line) : "";
  if (c.source.empty()) return line;
  return "source: " + c.source + (line.empty() ? "" : ", " + line);
}

std::string judgment_text(const JudgmentChange& c) {
  std::string value;
  switch (c.kind) {
    case JudgmentChange::Kind::Added: value = c.after; break;
    case JudgmentChange::Kind::Removed: value = "was " + c.before; break;
    case JudgmentChange::Kind::Changed:
    case JudgmentChange::Kind::Moved: value = c.before + " → " + c.after; break;
  }
  std::string out = fmt::format("  {:<8} {}: {}\n", kind_name(c.kind), c.what, value);
  if (!c.note.empty()) out += "           note: " + c.note + "\n";
  if (const std::string where = where_text(c); !where.empty()) out += "           " + where + "\n";
  return out;
}

std::string deal_words(const std::optional<bool>& possible, const std::string& decided_by) {
  if (!possible) return decided_by.empty() ? "no such issue" : "decided by " + decided_by + ", no win set to compare";
  return fmt::format("decided by {}, {}", decided_by, *possible ? "a deal is possible" : "no deal is possible");
}

std::string answers_text(const AnswerChanges& a) {
  std::string out;
  if (!a.forecasts.empty()) {
    out += "\n  Forecasts that moved\n";
    for (const auto& f : a.forecasts)
      out += fmt::format("    {} ({}): {} → {}\n      from {} to {}\n", f.issue, f.model, f.before ? printed(*f.before) : "none", f.after ? printed(*f.after) : "none",
                         f.before_words, f.after_words);
  }
  if (!a.deals.empty()) {
    out += "\n  Whether a deal is possible\n";
    for (const auto& d : a.deals) {
      out += fmt::format("    {}: {} → {}\n", d.issue, deal_words(d.before, d.decided_by_before), deal_words(d.after, d.decided_by_after));
      if (!d.explanation.empty()) out += "      " + d.explanation + "\n";
    }
  }
  if (!a.equilibria.empty()) {
    out += "\n  Equilibria the status quo reaches\n";
    for (const auto& e : a.equilibria)
      out += fmt::format("    {}: {} ({})\n      {}\n", e.gained ? "gained" : "lost", e.description, fmt::join(e.concepts, ", "), e.reachability);
  }
  if (!a.equilibria_not_compared.empty()) out += "\n  Equilibria not compared: " + a.equilibria_not_compared + "\n";
  if (!a.games.empty()) {
    out += "\n  Game solutions\n";
    for (const auto& g : a.games) {
      out += fmt::format("    {} — {}\n", g.game, g.title);
      for (const auto& line : g.lost) out += "      was: " + line + "\n";
      for (const auto& line : g.gained) out += "      now: " + line + "\n";
    }
  }
  return out;
}

// ---- JSON -------------------------------------------------------------------------------

using nlohmann::json;

json optional_json(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json optional_json(const std::optional<bool>& v) { return v ? json(*v) : json(nullptr); }
json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json judgment_json(const JudgmentChange& c) {
  return {{"change", kind_name(c.kind)},   {"section", c.section},           {"what", c.what},
          {"before", text_or_null(c.before)}, {"after", text_or_null(c.after)},   {"actor", text_or_null(c.actor)},
          {"issue", text_or_null(c.issue)},   {"game", text_or_null(c.game)},     {"note", c.note},
          {"source", c.source},               {"at", {{"line", c.at.line}, {"column", c.at.column}}}};
}

json answers_json(const AnswerChanges& a) {
  json forecasts = json::array(), deals = json::array(), equilibria = json::array(), games = json::array();
  for (const auto& f : a.forecasts)
    forecasts.push_back({{"issue", f.issue}, {"model", f.model}, {"before", optional_json(f.before)}, {"after", optional_json(f.after)},
                         {"before_words", f.before_words}, {"after_words", f.after_words}});
  for (const auto& d : a.deals)
    deals.push_back({{"issue", d.issue}, {"deal_possible_before", optional_json(d.before)}, {"deal_possible_after", optional_json(d.after)},
                     {"decided_by_before", d.decided_by_before}, {"decided_by_after", d.decided_by_after}, {"explanation", d.explanation}});
  for (const auto& e : a.equilibria)
    equilibria.push_back({{"change", e.gained ? "gained" : "lost"}, {"options", e.taken}, {"description", e.description},
                          {"equilibrium", e.concepts}, {"reachability", e.reachability}});
  for (const auto& g : a.games) games.push_back({{"game", g.game}, {"title", g.title}, {"lost", g.lost}, {"gained", g.gained}});
  return {{"forecasts", forecasts}, {"deals", deals}, {"reachable_equilibria", equilibria},
          {"equilibria_not_compared", text_or_null(a.equilibria_not_compared)}, {"games", games}};
}

}  // namespace

AnswerChanges answer_changes(const Scenario& before, const Summary& before_summary, const Scenario& after, const Summary& after_summary) {
  AnswerChanges answers;
  answers.forecasts = forecast_changes(before, before_summary.forecasts, after, after_summary.forecasts);
  answers.deals = deal_changes(before, before_summary.forecasts, after, after_summary.forecasts);
  equilibrium_changes(before_summary, after_summary, answers);
  answers.games = game_changes(before_summary, after_summary);
  return answers;
}

ScenarioDiff diff_scenarios(const Scenario& before, const Scenario& after, const std::string& before_file, const std::string& after_file) {
  ScenarioDiff diff{before_file, after_file, before.id, after.id, after.title, judgment_changes(before, after), {}};
  const SummaryParts compared{.hangs_on = false};  // the hinges are not compared
  diff.answers = answer_changes(before, summarize(before, compared), after, summarize(after, compared));
  return diff;
}

std::string render_diff_text(const ScenarioDiff& diff) {
  std::string out = fmt::format("Changes from {} to {}\n{}\n", diff.before_file, diff.after_file, diff.title);
  if (diff.before_id != diff.after_id) out += fmt::format("(scenario ids differ: {} and {})\n", diff.before_id, diff.after_id);
  if (diff.judgments.empty()) out += "\nNo judgment changed.\n";
  else {
    out += fmt::format("\nJudgments ({} change{})\n", diff.judgments.size(), diff.judgments.size() == 1 ? "" : "s");
    for (const auto& c : diff.judgments) out += judgment_text(c);
  }
  if (diff.answers.empty() && diff.answers.equilibria_not_compared.empty()) out += "\nNo answer changed.\n";
  else out += "\nAnswers that changed\n" + answers_text(diff.answers);
  return out;
}

std::string render_diff_json(const ScenarioDiff& diff) {
  json judgments = json::array();
  for (const auto& c : diff.judgments) judgments.push_back(judgment_json(c));
  const json report{{"statecraft", STATECRAFT_VERSION},
                    {"before", {{"file", diff.before_file}, {"scenario", diff.before_id}}},
                    {"after", {{"file", diff.after_file}, {"scenario", diff.after_id}}},
                    {"title", diff.title},
                    {"judgments", judgments},
                    {"answers", answers_json(diff.answers)}};
  return report.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace statecraft
