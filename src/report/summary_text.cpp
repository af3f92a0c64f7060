#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/sensitivity_report.hpp"
#include "report/summary.hpp"

#include "report/uncertainty_table.hpp"
#include "report/table.hpp"
#include <algorithm>

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
  out += fmt::format("    scale {} to {}{}", number(issue.low), number(issue.high), issue.units.empty() ? "" : " (" + issue.units + ")");
  if (issue.status_quo) out += fmt::format("; status quo {}", issue.status_quo_words);
  out += fmt::format("\n    decided by {}\n", issue.decided_by);
  TextTable table({{"actor", Align::Left}, {"position", Align::Right}, {"salience", Align::Right}, {"capability", Align::Right}});
  for (const auto& stance : issue.stances)
    table.add_row({stance.actor, number(stance.position), fmt::format("{:.2f}", stance.salience), number(stance.capability)});
  out += table.render("    ");
}

void render_conflict(const ConflictSummary& c, std::string& out) {
  out += "\nConflict (graph model)\n";
  for (const auto& maker : c.decision_makers) {
    std::vector<std::string> options;
    for (std::size_t o = 0; o < maker.options.size(); ++o) options.push_back(fmt::format("\u201c{}\u201d [{}]", maker.option_names[o], maker.options[o]));
    out += fmt::format("  {}: options {}; {}\n", maker.actor, fmt::join(options, ", "), maker.preferences);
  }
  out += fmt::format("  states: {} combinations", c.states);
  if (c.feasible_states) out += fmt::format(", {} feasible", *c.feasible_states);
  out += fmt::format("\n  status quo: {}\n", c.status_quo_description);
}

// The few equilibria a reader needs: those the status quo leads to, how, and by whose moves;
// then the stable states it cannot reach, apart, each with the reason.
void render_stability_summary(const StabilityReport& r, std::string& out) {
  out += "\nWhich outcomes hold (stability)\n";
  for (std::size_t k = 0; k < concept_count; ++k) {
    const std::size_t count = r.equilibrium_counts[k];
    if (!r.analysed(all_concepts[k])) out += fmt::format("  {:<5} {}\n", concept_name(all_concepts[k]), r.not_analysed);
    else out += fmt::format("  {:<5} {} equilibri{}\n", concept_name(all_concepts[k]), count, count == 1 ? "um" : "a");
  }
  bool heading_reachable = false, heading_unreachable = false;
  const auto rows = ranked_equilibria(r, summary_reachable, summary_unreachable);
  std::size_t same_reason = 0;  // states above that share the reason to come
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const StabilityRow& row = rows[k];
    if (r.status_quo && row.path && !heading_reachable) out += "  Outcomes the status quo leads to:\n", heading_reachable = true;
    if (r.status_quo && !row.path && !heading_unreachable) {
      if (!heading_reachable) out += "  No equilibrium is reachable from the status quo.\n";
      out += "  Stable, but not reachable from the status quo (so not outcomes):\n";
      heading_unreachable = true;
    }
    std::vector<std::string> concepts;
    for (std::size_t k = 0; k < concept_count; ++k)
      if (row.equilibrium[k]) concepts.push_back(concept_name(all_concepts[k]));
    out += fmt::format("    {} ({})\n", named_state(row), fmt::join(concepts, ", "));
    // Unreachable states for one reason: the reason once, after the last of them.
    const std::string reason = reachability_in_words(row);
    ++same_reason;
    if (!row.path && k + 1 < rows.size() && !rows[k + 1].path && reachability_in_words(rows[k + 1]) == reason) continue;
    out += fmt::format("      {}{}\n", same_reason > 1 ? fmt::format("each of these {}: ", same_reason) : "", reason);
    same_reason = 0;
  }
  out += "  (`statecraft stability` on this file gives every equilibrium and the full table)\n";
}

void render_stability_skipped(const std::string& why, std::string& out) {
  out += "\nWhich outcomes hold (stability)\n";
  out += fmt::format("  skipped here: {}.\n", why);
  out += "  `statecraft stability` on this file analyses it, showing its progress; its --max-states and --max-steps lift its own limits\n";
}

void render_hangs_on(const Summary& s, std::string& out) {
  out += "\nWhat the answer hangs on (the least change of one judgment that alters a conclusion, smallest first)\n";
  if (!s.hangs_on_skipped.empty()) {
    out += fmt::format("  skipped here: {}.\n  `statecraft sensitivity` on this file runs it\n", s.hangs_on_skipped);
    return;
  }
  if (s.hangs_on.empty()) out += "  no single judgment within its range changes a conclusion\n";
  for (const auto& h : s.hangs_on) out += hinge_text(h, "  ");
  out += "  (`statecraft sensitivity` on this file gives every judgment's effect)\n";
}

void render_games(const Summary& s, std::string& out) {
  out += "\nGames\n";
  for (const auto& g : s.games) {
    out += fmt::format("  {}{}: {} form, players {}, {}\n", g.id, g.title.empty() ? "" : " — " + g.title, g.form,
                       fmt::join(g.players, ", "), g.shape);
    for (const auto& line : g.findings) out += "    " + line + "\n";
  }
}

}  // namespace

std::string render_text(const Summary& s) {
  std::string out = fmt::format("{}\n{} · as of {}\n", s.title, s.id, s.date);
  if (!s.bottom_line.empty()) {
    out += "\nBottom line\n";
    for (const auto& line : s.bottom_line) out += "  - " + line + "\n";
  }
  if (!s.summary.empty()) out += "\n" + s.summary + (s.summary.back() == '\n' ? "" : "\n");
  out += "\n";
  render_actors(s, out);
  if (!s.issues.empty()) {
    out += "\nIssues";
    for (const auto& issue : s.issues) render_issue(issue, out);
  }
  if (!s.issues.empty()) out += "\nForecasts (where each issue ends, by model)\n" + render_forecast_text(s.forecasts, "  ");
  if (any_rule(s.agreement))
    out += fmt::format("\n{}\n  {} samples; {}\n", render_agreement_text(s.agreement, "  "), agreement_samples().samples,
                       describe_jitter(agreement_samples().jitter));
  if (s.conflict) render_conflict(*s.conflict, out);
  if (s.stability) render_stability_summary(*s.stability, out);
  if (!s.stability_skipped.empty()) render_stability_skipped(s.stability_skipped, out);
  if (!s.games.empty()) render_games(s, out);
  render_hangs_on(s, out);
  out += "\nLenses\n";
  for (const auto& lens : s.lenses) out += fmt::format("  {:<9} {}\n", lens.name, lens.holds);
  if (!s.terms.empty()) out += "\nTerms used\n";
  for (const auto& term : s.terms) out += fmt::format("  {}: {} ({})\n", term.name, term.sentence, term.citation);
  return out;
}

}  // namespace statecraft
