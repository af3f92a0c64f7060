#include "report/brief_charts.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>

#include <algorithm>
#include <cmath>

#include "report/svg.hpp"

namespace statecraft {
namespace {

std::string number(double x) { return fmt::format("{:.4g}", x); }

}  // namespace

namespace {

std::string caption_of(const std::string& title, const std::string& date, const std::vector<std::string>& ids) {
  return fmt::format("{} \u00b7 as of {}{} \u00b7 statecraft", title, date, ids.empty() ? "" : fmt::format(" \u00b7 sources: {}", fmt::join(ids, ", ")));
}

}  // namespace

std::string chart_caption(const Scenario& scenario) {
  std::vector<std::string> ids;
  for (const auto& s : scenario.sources) ids.push_back(s.id);
  return caption_of(scenario.title, scenario.date, ids);
}

std::string chart_caption(const Brief& brief) {
  std::vector<std::string> ids;
  for (const auto& s : brief.sources) ids.push_back(s.id);
  return caption_of(brief.title, brief.date, ids);
}

std::string issue_chart_svg(const BriefIssue& issue, const std::string& caption) {
  const double left = 150, right = chart_width - 30, row_height = 22;
  const double top = 80;  // first model row's centre, below the subtitle and the status quo's name
  const double rows_end = top + row_height * static_cast<double>(issue.forecasts.size());
  auto px = [&](double v) { return left + (right - left) * (v - issue.low) / (issue.high - issue.low); };

  // The deciders' names under the rows, and the labels under the axis, each set in lanes apart.
  std::vector<std::pair<double, double>> decider_spans, label_spans;
  for (const auto& d : issue.deciders) decider_spans.emplace_back(px(d.position), text_width(d.actor, small_font));
  for (const auto& [point, text] : issue.labels) label_spans.emplace_back(px(point), text_width(text, small_font));
  const auto decider_places = place_labels(decider_spans, left, right, 6);
  const auto label_places = place_labels(label_spans, 10, chart_width - 10, 8);
  std::size_t decider_lanes = 0, label_lanes = 0;
  for (const auto& p : decider_places) decider_lanes = std::max(decider_lanes, p.lane + 1);
  for (const auto& p : label_places) label_lanes = std::max(label_lanes, p.lane + 1);

  const double deciders_y = rows_end + 6;  // triangles' tips
  const double axis_y = deciders_y + (issue.deciders.empty() ? 4 : 16 + 13.0 * static_cast<double>(decider_lanes));
  const double labels_y = axis_y + 28;  // first lane's baseline (the scale's ends above it)
  const double units_y = labels_y + 14.0 * static_cast<double>(label_lanes) + 6;
  const double caption_y = units_y + 20;
  const double height = caption_y + caption_height(caption) + 4;

  std::string svg = svg_open(height, issue.name);
  svg += text_at(10, 40, "decided by " + issue.decided_by, "start", small_font, "#444");
  // The status quo across every row, named above them.
  if (issue.status_quo) {
    const double x = px(*issue.status_quo);
    svg += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#777\" stroke-dasharray=\"4 3\"/>\n", x, top - 14, axis_y);
    svg += text_at(std::clamp(x, left + 30, right - 30), top - 17, "status quo", "middle", small_font, "#555");
  }
  for (std::size_t m = 0; m < issue.forecasts.size(); ++m) {
    const BriefForecast& f = issue.forecasts[m];
    const double y = top + row_height * static_cast<double>(m);
    const char* colour = palette[m % palette_size];
    svg += text_at(left - 10, y + 4, f.model, "end");
    svg += fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#eee\"/>\n", left, right, y);
    if (f.p05 && f.p95)
      svg += fmt::format("<line x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"{3}\" stroke-opacity=\"0.35\" stroke-width=\"8\" "
                         "stroke-linecap=\"round\"/>\n",
                         px(*f.p05), px(*f.p95), y, colour);
    if (f.position)
      svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"{}\"><title>{} {}</title></circle>\n", px(*f.position), y, colour,
                         xml_escape(f.model), number(*f.position));
  }
  // The deciders' positions: a triangle on the rows' floor, the id beneath in its lane.
  for (std::size_t k = 0; k < issue.deciders.size(); ++k) {
    const double x = px(issue.deciders[k].position);
    svg += fmt::format("<path d=\"M{0:.1f},{1:.1f} l-5,8 h10 z\" fill=\"#333\"><title>{2} {3}</title></path>\n", x, deciders_y,
                       xml_escape(issue.deciders[k].name), number(issue.deciders[k].position));
    svg += text_at(decider_places[k].x, deciders_y + 20 + 13.0 * static_cast<double>(decider_places[k].lane), issue.deciders[k].actor, "middle",
                   small_font, "#333");
  }
  // The axis, the scale's ends and the labels as ticks.
  svg += fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#333\"/>\n", left, right, axis_y);
  svg += text_at(left, axis_y + 14, number(issue.low), "middle", small_font, "#555");
  svg += text_at(right, axis_y + 14, number(issue.high), "middle", small_font, "#555");
  for (std::size_t k = 0; k < issue.labels.size(); ++k) {
    const double x = px(issue.labels[k].first);
    svg += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#333\"/>\n", x, axis_y, axis_y + 5);
    svg += text_at(label_places[k].x, labels_y + 14.0 * static_cast<double>(label_places[k].lane), issue.labels[k].second, "middle", small_font);
  }
  svg += text_at((left + right) / 2, units_y, issue.units.empty() ? "points on the issue's scale" : issue.units, "middle", font, "#444");
  return svg + caption_lines(caption_y, caption) + "</svg>\n";
}

std::string hinge_chart_svg(const std::vector<Hinge>& hinges, const std::string& caption) {
  const double label_right = 470, bar_left = 480, bar_right = chart_width - 70, row_height = 24, top = 50;
  const double rows_end = top + row_height * static_cast<double>(hinges.size());
  const double height = rows_end + 30 + caption_height(caption) + 4;
  std::string svg = svg_open(height, "What the answer hangs on: the least change that alters a conclusion");
  for (std::size_t k = 0; k < hinges.size(); ++k) {
    const Hinge& h = hinges[k];
    const double y = top + row_height * static_cast<double>(k);
    const std::string label = shortened(fmt::format("{}. {}", k + 1, h.judgment), label_right - 10, font);
    svg += text_at(label_right, y + 4, label, "end");
    const double share = std::clamp(h.margin, 0.0, 1.0);
    const double width = std::max(2.0, (bar_right - bar_left) * share);
    svg += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"14\" fill=\"{}\"><title>{}</title></rect>\n", bar_left, y - 7, width,
                       palette[k % palette_size], xml_escape(h.judgment + ": " + h.change));
    svg += text_at(bar_left + width + 6, y + 4, fmt::format("{:.0f} %", 100 * share), "start", small_font);
  }
  svg += fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2:.1f}\" stroke=\"#333\"/>\n", bar_left, top - 14, rows_end);
  svg += text_at((bar_left + bar_right) / 2, rows_end + 10, "change needed, as a share of the judgment's range", "middle", small_font, "#444");
  return svg + caption_lines(rows_end + 30, caption) + "</svg>\n";
}

std::string game_tree_svg(const BriefGame& game, const std::string& caption) {
  if (game.tree.empty()) return {};
  // Leaves evenly across, each inner node above the middle of its children; one row per depth.
  std::vector<double> x(game.tree.size()), y(game.tree.size());
  std::size_t leaves = 0, depth = 0;
  for (const auto& n : game.tree) leaves += n.children.empty();
  const double left = 20, slot = (chart_width - 2 * left) / static_cast<double>(std::max<std::size_t>(1, leaves)), row = 70, top = 50;
  std::size_t next_leaf = 0;
  auto place = [&](auto&& self, std::size_t i, std::size_t level) -> void {
    depth = std::max(depth, level);
    y[i] = top + row * static_cast<double>(level);
    if (game.tree[i].children.empty()) {
      x[i] = left + slot * (static_cast<double>(next_leaf++) + 0.5);
      return;
    }
    for (std::size_t c : game.tree[i].children) self(self, c, level + 1);
    x[i] = (x[game.tree[i].children.front()] + x[game.tree[i].children.back()]) / 2;
  };
  place(place, 0, 0);
  // The width a node's labels may take: its subtree's share of the leaves.
  std::vector<double> width(game.tree.size(), slot);
  for (std::size_t i = game.tree.size(); i-- > 0;)
    if (!game.tree[i].children.empty()) {
      width[i] = 0;
      for (std::size_t c : game.tree[i].children) width[i] += width[c];
    }
  // Nodes their mover cannot tell apart, by set.
  std::map<std::string, std::vector<std::size_t>> sets;
  for (std::size_t i = 0; i < game.tree.size(); ++i)
    if (!game.tree[i].information_set.empty()) sets[game.tree[i].information_set].push_back(i);
  const bool joined = std::any_of(sets.begin(), sets.end(), [](const auto& set) { return set.second.size() > 1; });
  const bool threats = std::any_of(game.tree.begin(), game.tree.end(), [](const BriefTreeNode& n) { return n.empty_threat; });
  const auto legend = wrapped(fmt::format("heavy: {};{}{} payoffs in the order of the players, {}",
                                          game.bayesian_play ? "the play of the first perfect Bayesian equilibrium" : "the subgame-perfect play",
                                          threats ? " dashed ✗: a threat that is not credible;" : "", joined ? " dotted: nodes the mover cannot tell apart;" : "",
                                          fmt::join(game.players, ", ")),
                              static_cast<std::size_t>((chart_width - 20) / (0.6 * small_font)));
  const double caption_y = top + row * static_cast<double>(depth) + 40 + 14 * static_cast<double>(legend.size() - 1);
  std::string svg = svg_open(caption_y + caption_height(caption) + 4, game.title);
  // Edges first, so that the nodes' labels sit on top; a move's name halfway down its edge, cut to
  // the width one leaf has.
  for (std::size_t i = 0; i < game.tree.size(); ++i)
    for (std::size_t c : game.tree[i].children) {
      const BriefTreeNode& to = game.tree[c];
      const char* colour = to.on_play ? "#D55E00" : to.empty_threat ? "#882255" : "#999";
      svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"{}\"{}/>\n", x[i], y[i] + 6, x[c],
                         y[c] - 12, colour, to.on_play ? 3 : to.empty_threat ? 2 : 1, to.empty_threat ? " stroke-dasharray=\"5,4\"" : "");
      // Two thirds of the way down, where the edges from one node are a leaf's width apart at least.
      const double lx = x[i] + (x[c] - x[i]) * 0.68, ly = y[i] + (y[c] - y[i]) * 0.68;
      // The mark first, so that shortening to the leaf's width keeps it.
      const std::string label = (to.empty_threat ? "✗ " : "") + to.move + (to.probability.empty() ? "" : " (" + to.probability + ")");
      svg += text_at(lx + (x[c] < x[i] ? -5 : 5), ly, shortened(label, std::max(slot, width[c] / 2) * 0.75, small_font), x[c] < x[i] ? "end" : "start", small_font,
                     to.on_play ? "#D55E00" : to.empty_threat ? "#882255" : "#444");
    }
  // Nodes their mover cannot tell apart joined by a dotted arc above the row from one to the next,
  // each set of a row at its own height, so that a set whose nodes lie apart is not read as
  // joining the nodes between them.
  std::map<double, std::size_t> arcs_in_row;
  for (const auto& [key, members] : sets) {
    if (members.size() < 2) continue;
    const double lift = 14 + 9 * static_cast<double>(arcs_in_row[y[members[0]]]++);
    for (std::size_t k = 1; k < members.size(); ++k) {
      const double x1 = x[members[k - 1]], x2 = x[members[k]], row_y = y[members[k]] - 10;
      svg += fmt::format("<path d=\"M {:.1f} {:.1f} Q {:.1f} {:.1f} {:.1f} {:.1f}\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"1.5\" stroke-dasharray=\"2,3\"/>\n", x1,
                         row_y, (x1 + x2) / 2, row_y - 2 * lift, x2, row_y);
    }
  }
  for (std::size_t i = 0; i < game.tree.size(); ++i) {
    const auto& n = game.tree[i];
    const std::string label = shortened(n.label, std::min(width[i], 3 * slot) - 6, n.children.empty() ? small_font : font);
    svg += fmt::format("<g><title>{}</title>", xml_escape(n.name.empty() ? n.label : n.name + ": " + n.label));
    svg += text_at(x[i], y[i] + (n.children.empty() ? 2 : 4), label, "middle", n.children.empty() ? small_font : font, n.on_play ? "#D55E00" : "#222");
    svg += "</g>\n";
  }
  for (std::size_t k = 0; k < legend.size(); ++k)
    svg += text_at(10, caption_y - 14 * static_cast<double>(legend.size() - k), legend[k], "start", small_font, "#444");
  return svg + caption_lines(caption_y, caption) + "</svg>\n";
}

std::string outcome_path_svg(const std::string& status_quo, const BriefOutcome& outcome, const std::string& caption) {
  const std::size_t chars = static_cast<std::size_t>((chart_width - 60) / (0.62 * font));
  const auto from = wrapped("Status quo: " + status_quo, chars), to = wrapped("Outcome: " + outcome.description, chars);
  auto box_height = [](const std::vector<std::string>& lines) { return 12 + 16.0 * static_cast<double>(lines.size()); };
  const double arrow = 26;  // per move
  const double to_top = 36 + box_height(from) + 14 + arrow * static_cast<double>(std::max<std::size_t>(1, outcome.moves.size())) + 6;
  const double caption_y = to_top + box_height(to) + 20;
  std::string svg = svg_open(caption_y + caption_height(caption) + 4, "How the status quo gets there");
  auto box = [&](double y, const std::vector<std::string>& lines, const char* fill) {
    std::string out = fmt::format("<rect x=\"20\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" rx=\"6\" fill=\"{}\" stroke=\"#555\"/>\n", y,
                                  chart_width - 40, box_height(lines), fill);
    for (std::size_t k = 0; k < lines.size(); ++k) out += text_at(30, y + 20 + 16.0 * static_cast<double>(k), lines[k]);
    return out;
  };
  svg += box(36, from, "#f3f3f3");
  double y = 36 + box_height(from) + 14;
  svg += fmt::format("<line x1=\"40\" x2=\"40\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#333\" stroke-width=\"1.5\"/>"
                     "<path d=\"M40,{:.1f} l-5,-8 h10 z\" fill=\"#333\"/>\n",
                     y - 14, to_top, to_top);
  if (outcome.moves.empty()) svg += text_at(52, y + 12, "no move: it is the status quo", "start", small_font, "#333");
  for (const auto& move : outcome.moves) {
    svg += text_at(52, y + 12, shortened(move, chart_width - 80, small_font), "start", small_font, "#333");
    y += arrow;
  }
  svg += box(to_top, to, "#e8f1fa");
  return svg + caption_lines(caption_y, caption) + "</svg>\n";
}

}  // namespace statecraft
