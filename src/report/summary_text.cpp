#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/summary.hpp"
#include "report/table.hpp"

namespace statecraft {
namespace {

using Align = TextTable::Align;

std::string number(double value) { return fmt::format("{:.4g}", value); }

void render_actors(const Summary& s, std::string& out) {
  out += "Actors\n";
  TextTable table({{"id", Align::Left}, {"name", Align::Left}, {"leader", Align::Left},
                   {"capability", Align::Right}, {"share", Align::Right}});
  for (const auto& a : s.actors)
    table.add_row({a.id, a.name, a.leader, number(a.capability), fmt::format("{:.1f}%", 100 * a.share)});
  out += table.render("  ");
}

void render_issue(const IssueSummary& issue, std::string& out) {
  out += fmt::format("\n  {} ({})\n", issue.name, issue.id);
  out += fmt::format("    scale {} to {}", number(issue.low), number(issue.high));
  if (issue.status_quo) out += fmt::format(", status quo {}", number(*issue.status_quo));
  out += "\n";
  TextTable table({{"actor", Align::Left}, {"position", Align::Right}, {"salience", Align::Right}, {"capability", Align::Right}});
  for (const auto& stance : issue.stances)
    table.add_row({stance.actor, number(stance.position), fmt::format("{:.2f}", stance.salience), number(stance.capability)});
  out += table.render("    ");
}

void render_conflict(const ConflictSummary& c, std::string& out) {
  out += "\nConflict (graph model)\n";
  for (const auto& maker : c.decision_makers)
    out += fmt::format("  {}: options {}; {}\n", maker.actor, fmt::join(maker.options, ", "), maker.preferences);
  out += fmt::format("  states: {} combinations", c.states);
  if (c.feasible_states) out += fmt::format(", {} feasible", *c.feasible_states);
  out += fmt::format("\n  status quo: {}\n", c.status_quo.empty() ? std::string("no option taken") : fmt::format("{}", fmt::join(c.status_quo, " + ")));
}

void render_games(const Summary& s, std::string& out) {
  out += "\nGames\n";
  for (const auto& g : s.games)
    out += fmt::format("  {}{}: {} form, players {}, {}\n", g.id, g.title.empty() ? "" : " — " + g.title, g.form,
                       fmt::join(g.players, ", "), g.shape);
}

}  // namespace

std::string render_text(const Summary& s) {
  std::string out = fmt::format("{}\n{} · as of {}\n", s.title, s.id, s.date);
  if (!s.summary.empty()) out += "\n" + s.summary + (s.summary.back() == '\n' ? "" : "\n");
  out += "\n";
  render_actors(s, out);
  if (!s.issues.empty()) {
    out += "\nIssues";
    for (const auto& issue : s.issues) render_issue(issue, out);
  }
  if (!s.issues.empty()) out += "\nForecasts (where each issue ends, by model)\n" + render_forecast_text(s.forecasts, "  ");
  if (s.conflict) render_conflict(*s.conflict, out);
  if (!s.games.empty()) render_games(s, out);
  out += "\nLenses\n";
  for (const auto& lens : s.lenses) out += fmt::format("  {:<9} {}\n", lens.name, lens.holds);
  return out;
}

}  // namespace statecraft
