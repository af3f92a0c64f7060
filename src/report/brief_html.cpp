// The brief as one self-contained HTML page: inline CSS and SVG, no script and no request, so
// that it opens offline, pastes into a document chart by chart and prints to PDF as it reads.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/brief.hpp"
#include "report/brief_charts.hpp"
#include "report/svg.hpp"

namespace statecraft {
namespace {

constexpr const char* style_sheet = R"(
body { font-family: "DejaVu Sans", Verdana, sans-serif; max-width: 800px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.1em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.05em; margin-top: 1.5em; }
.meta { color: #555; margin-top: 0; }
.bottom-line { background: #f4f8fb; border-left: 4px solid #0072B2; padding: 0.6em 1em 0.6em 2em; }
.bottom-line li { margin: 0.3em 0; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
td.equilibrium { background: #e8f1fa; font-weight: bold; }
.decisive { background: #fff6df; }
.note { color: #444; font-size: 0.92em; }
li.reason { list-style: none; margin-left: -1em; }
figure { margin: 1em 0; break-inside: avoid; }
svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } section { break-inside: auto; } }
)";

std::string esc(const std::string& text) { return xml_escape(text); }

std::string number(double x) { return fmt::format("{:.4g}", x); }

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string bottom_line_section(const Brief& b) {
  std::string out = "<section id=\"bottom-line\">\n<h2>Bottom line</h2>\n<ul class=\"bottom-line\">\n";
  for (const auto& line : b.bottom_line) out += "<li>" + esc(line) + "</li>\n";
  out += "</ul>\n";
  if (!b.summary.empty()) out += "<p>" + esc(b.summary) + "</p>\n";
  return out + "</section>\n";
}

std::string forecast_table(const BriefIssue& issue) {
  std::string out = "<table><tr><th>model</th><th>forecast</th><th>nearest label</th><th>90 % of perturbed runs</th></tr>\n";
  for (const auto& f : issue.forecasts) {
    const std::string band = f.p05 && f.p95 ? number(*f.p05) + " to " + number(*f.p95) : "\u2014";
    out += fmt::format("<tr><td>{}</td><td class=\"number\">{}{}</td><td>{}</td><td class=\"number\">{}</td></tr>\n", esc(f.model),
                       f.position ? number(*f.position) : "\u2014", f.moved ? " \u2020" : "", esc(f.label), band);
  }
  return out + "</table>\n";
}

std::string issues_section(const Brief& b, const std::string& caption) {
  std::string out = "<section id=\"issues\">\n<h2>Where each issue ends</h2>\n";
  if (b.samples)
    out += fmt::format("<p class=\"note\">Dots: each model's forecast. Bars: where 90 % of {} runs on perturbed judgments end ({}). "
                       "\u2020: kept in what the deciders accept.</p>\n",
                       b.samples, esc(b.perturbation));
  for (const auto& issue : b.issues) {
    out += fmt::format("<article class=\"issue\" id=\"issue-{}\">\n<h3>{}</h3>\n<p>{}</p>\n", esc(issue.id), esc(issue.name), esc(issue.bottom_line));
    out += "<figure>" + issue_chart_svg(issue, caption) + "</figure>\n";
    out += forecast_table(issue);
    if (issue.agreement) out += fmt::format("<p>Chance of a deal: {:.0f} % of the perturbed samples.</p>\n", 100 * *issue.agreement);
    out += "</article>\n";
  }
  return out + "</section>\n";
}

std::string hinges_section(const Brief& b, const std::string& caption) {
  std::string out = "<section id=\"hangs-on\">\n<h2>What the answer hangs on</h2>\n";
  if (!b.hangs_on_skipped.empty()) return out + "<p>Not computed here: " + esc(b.hangs_on_skipped) + "</p>\n</section>\n";
  if (b.hangs_on.empty()) return out + "<p>No single judgment within its range changes a conclusion.</p>\n</section>\n";
  out += "<figure>" + hinge_chart_svg(b.hangs_on, caption) + "</figure>\n<ol>\n";
  for (const auto& h : b.hangs_on) {
    out += fmt::format("<li><strong>{}</strong> (today {}): {}, {}.", esc(h.judgment), esc(h.today), esc(h.change), esc(h.consequence));
    if (!h.note.empty() || !h.source.empty())
      out += fmt::format("<br><span class=\"note\">Why it is so: {}{} (line {})</span>", esc(h.note), h.source.empty() ? "" : " [" + esc(h.source) + "]",
                         h.at.line);
    out += "</li>\n";
  }
  return out + "</ol>\n</section>\n";
}

std::string conflict_section(const BriefConflict& c, const std::string& caption) {
  std::string out = "<section id=\"conflict\">\n<h2>The standoff as a whole</h2>\n";
  out += "<p class=\"note\">The graph model: each side's options and priorities give every state of the standoff; a state is stable when no "
         "side gains by moving from it, allowing for the others' answers. Only states the status quo can reach are outcomes.</p>\n";
  out += "<p>Status quo: " + esc(c.status_quo) + ".</p>\n";
  if (!c.skipped.empty()) return out + "<p>Not analysed here: " + esc(c.skipped) + "</p>\n</section>\n";
  if (c.reachable.empty()) out += "<p>No stable state can be reached from the status quo.</p>\n";
  for (const auto& o : c.reachable) {
    out += fmt::format("<h3>{}</h3>\n<p>Stable under {}; {}.</p>\n", esc(o.description), esc(fmt::format("{}", fmt::join(o.concepts, ", "))), esc(o.path));
    out += "<figure>" + outcome_path_svg(c.status_quo, o, caption) + "</figure>\n";
  }
  if (!c.unreachable.empty()) {
    out += "<h3>Stable, but not reachable from the status quo (so not outcomes)</h3>\n<ul>\n";
    for (const auto& group : by_reason(c.unreachable)) {
      for (const auto* o : group) out += "<li>" + esc(o->description) + "</li>\n";
      out += fmt::format("<li class=\"reason\"><span class=\"note\">{}{}</span></li>\n", group.size() > 1 ? "each of these: " : "", esc(group[0]->path));
    }
    out += "</ul>\n";
  }
  return out + "</section>\n";
}

std::string payoff_table(const BriefGame& g) {
  std::string out = fmt::format("<table><tr><th>{} \\ {}</th>", esc(g.players[0]), esc(g.players[1]));
  for (const auto& c : g.column_strategies) out += "<th>" + esc(c) + "</th>";
  out += "</tr>\n";
  for (std::size_t r = 0; r < g.cells.size(); ++r) {
    out += "<tr><th>" + esc(g.row_strategies[r]) + "</th>";
    for (std::size_t c = 0; c < g.cells[r].size(); ++c)
      out += fmt::format("<td class=\"number{}\">{}</td>", g.equilibrium[r][c] ? " equilibrium" : "", esc(g.cells[r][c]));
    out += "</tr>\n";
  }
  return out + "</table>\n<p class=\"note\">Payoffs: " + esc(g.players[0]) + ", " + esc(g.players[1]) + "; highlighted: an equilibrium.</p>\n";
}

std::string games_section(const Brief& b, const std::string& caption) {
  std::string out = "<section id=\"games\">\n<h2>Games: is the threat credible?</h2>\n";
  for (const auto& g : b.games) {
    out += fmt::format("<h3>{}</h3>\n", esc(g.title));
    if (!g.solution.empty()) out += "<p>" + esc(capitalised(g.solution)) + ".</p>\n";
    if (!g.cells.empty()) out += payoff_table(g);
    if (!g.tree.empty()) out += "<figure>" + game_tree_svg(g, caption) + "</figure>\n";
    out += "<ul>\n";
    for (const auto& line : g.findings) out += "<li>" + esc(line) + "</li>\n";
    out += "</ul>\n";
  }
  return out + "</section>\n";
}

std::string evidence_section(const Brief& b) {
  std::string out =
      "<section id=\"evidence\">\n<h2>Evidence: every judgment and its reason</h2>\n<p class=\"note\">Highlighted: the judgments the answer "
      "hangs on.</p>\n<table><tr><th>judgment</th><th>value</th><th>why, as the file says</th><th>source</th><th>line</th></tr>\n";
  for (const auto& e : b.evidence)
    out += fmt::format("<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"number\">{}</td></tr>\n", e.decisive ? " class=\"decisive\"" : "",
                       esc(e.judgment), esc(e.value), e.note.empty() ? "<em>no reason given</em>" : esc(e.note), esc(e.source), e.at.line);
  out += "</table>\n";
  if (!b.news.empty()) {
    out += "<h3 id=\"news\">Events in the news</h3>\n<p class=\"note\">The articles' coded events that bear on the conflict's options: whether each "
           "supports the status quo the file gives, contradicts it, or only mentions the move (might, if, should).</p>\n"
           "<table><tr><th>option</th><th>verdict</th><th>event</th><th>sentence</th></tr>\n";
    for (const auto& n : b.news)
      out += fmt::format("<tr{}><td>{} <span class=\"note\">({} the status quo)</span></td><td>{}</td><td>{}<br><span class=\"note\">{}</span></td><td>{}</td></tr>\n",
                         n.verdict == "contradicts" ? " class=\"decisive\"" : "", esc(n.name), n.in_status_quo ? "in" : "not in", esc(n.verdict),
                         esc(n.event), esc(n.citation), esc(n.sentence));
    out += "</table>\n";
  }
  out += "<h3 id=\"sources\">Sources</h3>\n<ul>\n";
  for (const auto& s : b.sources) {
    std::string line = "[" + esc(s.id) + "] " + esc(s.title);
    for (const auto* part : {&s.author, &s.outlet, &s.date})
      if (!part->empty()) line += ", " + esc(*part);
    if (!s.url.empty()) line += ", " + esc(s.url);  // as text: the page makes no request, a link would invite one
    out += "<li>" + line + "</li>\n";
  }
  return out + "</ul>\n</section>\n";
}

std::string methods_section(const Brief& b) {
  std::string out = "<section id=\"methods\">\n<h2>Methods</h2>\n<ul>\n";
  for (const auto& m : b.methods) out += fmt::format("<li><strong>{}</strong>: {} <span class=\"note\">({})</span></li>\n", esc(m.name), esc(m.sentence), esc(m.citation));
  return out + "</ul>\n</section>\n";
}

}  // namespace

std::string render_brief_html(const Brief& b) {
  const std::string caption = chart_caption(b);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<p class=\"meta\">{} \u00b7 as of {} \u00b7 a statecraft brief</p>\n</header>\n",
      esc(b.title), style_sheet, esc(b.title), esc(b.id), esc(b.date));
  out += bottom_line_section(b);
  if (!b.issues.empty()) out += issues_section(b, caption);
  out += hinges_section(b, caption);
  if (b.conflict) out += conflict_section(*b.conflict, caption);
  if (!b.games.empty()) out += games_section(b, caption);
  out += evidence_section(b);
  out += methods_section(b);
  return out + "</body>\n</html>\n";
}

}  // namespace statecraft
