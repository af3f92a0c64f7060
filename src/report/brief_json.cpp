// The brief as JSON: the same value the HTML, Markdown and text writers render, for scripts and
// notebooks. Keys follow the vocabulary of every output (docs/schema/README.md).

#include <nlohmann/json.hpp>

#include "report/brief.hpp"
#include "report/sensitivity_report.hpp"

namespace statecraft {
namespace {

using nlohmann::json;

template <typename T>
json optional_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json issue_json(const BriefIssue& i) {
  json forecasts = json::array();
  for (const auto& f : i.forecasts)
    forecasts.push_back({{"model", f.model}, {"position", optional_json(f.position)}, {"p05", optional_json(f.p05)}, {"p95", optional_json(f.p95)},
                         {"nearest_label", f.label}, {"moved_into_win_set", f.moved}});
  json labels = json::array();
  for (const auto& [point, text] : i.labels) labels.push_back({{"point", point}, {"text", text}});
  json deciders = json::array();
  for (const auto& d : i.deciders) deciders.push_back({{"actor", d.actor}, {"name", d.name}, {"position", d.position}});
  return {{"issue", i.id},
          {"name", i.name},
          {"units", i.units},
          {"scale", {i.low, i.high}},
          {"labels", labels},
          {"status_quo", optional_json(i.status_quo)},
          {"status_quo_words", i.status_quo_words},
          {"decided_by", i.decided_by},
          {"has_rule", i.has_rule},
          {"deal_possible", optional_json(i.deal_possible)},
          {"blockers", i.blockers},
          {"win_set", i.win_set ? json{i.win_set->first, i.win_set->second} : json(nullptr)},
          {"deciders", deciders},
          {"agreement", optional_json(i.agreement)},
          {"forecasts", forecasts},
          {"bottom_line", i.bottom_line}};
}

json outcomes_json(const std::vector<BriefOutcome>& outcomes) {
  json out = json::array();
  for (const auto& o : outcomes)
    out.push_back({{"description", o.description}, {"path", o.path}, {"moves", o.moves}, {"movers", o.movers}, {"equilibrium", o.concepts}});
  return out;
}

json game_json(const BriefGame& g) {
  json tree = json::array();
  for (const auto& n : g.tree)
    tree.push_back({{"label", n.label}, {"move", n.move}, {"name", n.name}, {"children", n.children}, {"on_play", n.on_play},
                    {"empty_threat", n.empty_threat}, {"probability", n.probability}});
  return {{"game", g.id},         {"title", g.title},
          {"form", g.form},       {"players", g.players},
          {"solution", g.solution}, {"findings", g.findings},
          {"row_strategies", g.row_strategies}, {"column_strategies", g.column_strategies},
          {"cells", g.cells},     {"equilibrium_cells", g.equilibrium},
          {"tree", tree}};
}

}  // namespace

std::string render_brief_json(const Brief& b) {
  json issues = json::array(), hangs_on = json::array(), games = json::array(), evidence = json::array(), sources = json::array(), methods = json::array();
  for (const auto& i : b.issues) issues.push_back(issue_json(i));
  for (const auto& h : b.hangs_on) hangs_on.push_back(hinge_json(h));
  for (const auto& g : b.games) games.push_back(game_json(g));
  json news = json::array();
  for (const auto& n : b.news)
    news.push_back({{"option", n.option}, {"name", n.name}, {"in_status_quo", n.in_status_quo}, {"verdict", n.verdict}, {"citation", n.citation},
                    {"event", n.event}, {"sentence", n.sentence}});
  for (const auto& e : b.evidence)
    evidence.push_back({{"lens", e.lens}, {"judgment", e.judgment}, {"value", e.value}, {"note", e.note}, {"source", e.source},
                        {"at", {{"line", e.at.line}, {"column", e.at.column}}}, {"decisive", e.decisive}});
  for (const auto& s : b.sources)
    sources.push_back({{"source", s.id}, {"title", s.title}, {"author", s.author}, {"outlet", s.outlet}, {"date", s.date}, {"url", s.url}});
  for (const auto& t : b.methods) methods.push_back({{"name", t.name}, {"sentence", t.sentence}, {"citation", t.citation}});
  json conflict = nullptr;
  if (b.conflict)
    conflict = {{"status_quo", b.conflict->status_quo},
                {"reachable", outcomes_json(b.conflict->reachable)},
                {"unreachable", outcomes_json(b.conflict->unreachable)},
                {"skipped", b.conflict->skipped.empty() ? json(nullptr) : json(b.conflict->skipped)}};
  const json out{{"statecraft", STATECRAFT_VERSION},
                 {"scenario", {{"id", b.id}, {"title", b.title}, {"date", b.date}, {"summary", b.summary}}},
                 {"bottom_line", b.bottom_line},
                 {"samples", b.samples},
                 {"perturbed", b.perturbation},
                 {"issues", issues},
                 {"hangs_on", hangs_on},
                 {"hangs_on_skipped", b.hangs_on_skipped.empty() ? json(nullptr) : json(b.hangs_on_skipped)},
                 {"conflict", conflict},
                 {"games", games},
                 {"evidence", evidence},
                 {"news", news},
                 {"sources", sources},
                 {"terms", methods}};
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace statecraft
