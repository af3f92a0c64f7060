// The brief as Markdown and as plain text: the HTML page's sections in the same order, its charts
// as the numbers they draw.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/brief.hpp"

namespace statecraft {
namespace {

// What differs between the two: headings and emphasis.
struct Style {
  bool markdown;
  std::string heading(const std::string& text, int level) const {
    if (markdown) return std::string(static_cast<std::size_t>(level), '#') + " " + text + "\n\n";
    const char underline = level == 1 ? '=' : level == 2 ? '-' : '\0';
    return underline ? text + "\n" + std::string(text.size() > 80 ? 80 : text.size(), underline) + "\n\n" : text + "\n\n";
  }
  std::string bold(const std::string& text) const { return markdown ? "**" + text + "**" : text; }
};

std::string number(double x) { return fmt::format("{:.4g}", x); }

std::string forecast_line(const BriefForecast& f, std::size_t samples) {
  if (!f.position) return fmt::format("- {}: no forecast\n", f.model);
  std::string line = fmt::format("- {}: {}", f.model, number(*f.position));
  if (!f.label.empty()) line += fmt::format(" (nearest \u201c{}\u201d)", f.label);
  if (f.p05 && f.p95 && samples) line += fmt::format(", 90 % of {} perturbed runs between {} and {}", samples, number(*f.p05), number(*f.p95));
  if (f.moved) line += ", kept in what the deciders accept";
  return line + "\n";
}

std::string issue_section(const Style& style, const BriefIssue& issue, std::size_t samples) {
  std::string out = style.heading(issue.name, 3);
  out += fmt::format("Scale {} to {}{}; status quo {}. Decided by {}.\n\n", number(issue.low), number(issue.high),
                     issue.units.empty() ? "" : " (" + issue.units + ")", issue.status_quo_words.empty() ? "none given" : issue.status_quo_words,
                     issue.decided_by);
  for (const auto& f : issue.forecasts) out += forecast_line(f, samples);
  if (issue.agreement) out += fmt::format("- chance of a deal: {:.0f} % of the perturbed samples\n", 100 * *issue.agreement);
  return out + "\n";
}

std::string hinges_section(const Style& style, const Brief& b) {
  std::string out = style.heading("What the answer hangs on", 2);
  if (!b.hangs_on_skipped.empty()) return out + "Not computed: " + b.hangs_on_skipped + "\n\n";
  if (b.hangs_on.empty()) out += "No single judgment within its range changes a conclusion.\n";
  for (std::size_t k = 0; k < b.hangs_on.size(); ++k) {
    const Hinge& h = b.hangs_on[k];
    out += fmt::format("{}. {} (today {}): {}, {}. Margin {:.0f} % of its range.\n", k + 1, style.bold(h.judgment), h.today, h.change, h.consequence,
                       100 * h.margin);
    if (!h.note.empty()) out += fmt::format("   Why it is so: {}{}\n", h.note, h.source.empty() ? "" : " [" + h.source + "]");
  }
  return out + "\n";
}

std::string conflict_section(const Style& style, const BriefConflict& c) {
  std::string out = style.heading("The standoff as a whole (graph model)", 2);
  out += fmt::format("Status quo: {}.\n\n", c.status_quo);
  if (!c.skipped.empty()) return out + "Not analysed here: " + c.skipped + "\n\n";
  if (c.reachable.empty()) out += "No stable state can be reached from the status quo.\n";
  for (const auto& o : c.reachable) out += fmt::format("- {} (stable: {}); {}\n", style.bold(o.description), fmt::join(o.concepts, ", "), o.path);
  if (!c.unreachable.empty()) {
    out += "\nStable, but not reachable from the status quo, so not outcomes:\n";
    for (const auto& group : by_reason(c.unreachable))
      for (std::size_t k = 0; k < group.size(); ++k)
        out += fmt::format("- {}{}\n", group[k]->description, k + 1 < group.size() ? "" : ": " + (group.size() > 1 ? "each of these: " : std::string()) + group[k]->path);
  }
  return out + "\n";
}

std::string games_section(const Style& style, const Brief& b) {
  std::string out = style.heading("Games", 2);
  for (const auto& g : b.games) {
    out += style.heading(g.title, 3);
    if (!g.solution.empty()) out += g.solution + ".\n\n";
    if (!g.cells.empty() && style.markdown) {
      out += fmt::format("| {} \\ {} | {} |\n|---|", g.players[0], g.players[1], fmt::join(g.column_strategies, " | "));
      for (std::size_t c = 0; c < g.column_strategies.size(); ++c) out += "---|";
      out += "\n";
      for (std::size_t r = 0; r < g.cells.size(); ++r) {
        out += "| " + g.row_strategies[r] + " |";
        for (std::size_t c = 0; c < g.cells[r].size(); ++c) out += " " + (g.equilibrium[r][c] ? "**" + g.cells[r][c] + "**" : g.cells[r][c]) + " |";
        out += "\n";
      }
      out += "\n";
    }
    for (const auto& line : g.findings) out += line + "\n";
    out += "\n";
  }
  return out;
}

std::string evidence_section(const Style& style, const Brief& b) {
  std::string out = style.heading("Evidence: every judgment and its reason", 2);
  for (const auto& e : b.evidence)
    out += fmt::format("- {}{} = {} (line {}): {}{}\n", e.decisive ? "[decisive] " : "", e.judgment, e.value, e.at.line,
                       e.note.empty() ? "no reason given" : e.note, e.source.empty() ? "" : " [" + e.source + "]");
  if (!b.news.empty()) {
    out += "\n" + style.heading("Events in the news", 3);
    for (const auto& n : b.news)
      out += fmt::format("- {} ({} the status quo): {} {}, {}: \"{}\"\n", n.name, n.in_status_quo ? "in" : "not in", n.verdict, n.citation, n.event, n.sentence);
  }
  out += "\n" + style.heading("Sources", 3);
  for (const auto& s : b.sources)
    out += fmt::format("- [{}] {}{}{}{}{}\n", s.id, s.title, s.author.empty() ? "" : ", " + s.author, s.outlet.empty() ? "" : ", " + s.outlet,
                       s.date.empty() ? "" : ", " + s.date, s.url.empty() ? "" : " <" + s.url + ">");
  return out + "\n";
}

std::string methods_section(const Style& style, const Brief& b) {
  std::string out = style.heading("Methods", 2);
  for (const auto& m : b.methods) out += fmt::format("- {}: {} ({}).\n", style.bold(m.name), m.sentence, m.citation);
  return out;
}

std::string render(const Brief& b, const Style& style) {
  std::string out = style.heading(b.title, 1);
  out += fmt::format("{} \u00b7 as of {}\n\n", b.id, b.date);
  out += style.heading("Bottom line", 2);
  for (const auto& line : b.bottom_line) out += "- " + line + "\n";
  out += "\n";
  if (!b.summary.empty()) out += b.summary + "\n\n";
  if (!b.issues.empty()) {
    out += style.heading("Where each issue ends", 2);
    if (b.samples) out += fmt::format("Intervals from {} runs on perturbed judgments ({}).\n\n", b.samples, b.perturbation);
    for (const auto& issue : b.issues) out += issue_section(style, issue, b.samples);
  }
  out += hinges_section(style, b);
  if (b.conflict) out += conflict_section(style, *b.conflict);
  if (!b.games.empty()) out += games_section(style, b);
  out += evidence_section(style, b);
  return out + methods_section(style, b);
}

}  // namespace

std::string render_brief_markdown(const Brief& brief) { return render(brief, Style{true}); }
std::string render_brief_text(const Brief& brief) { return render(brief, Style{false}); }

}  // namespace statecraft
