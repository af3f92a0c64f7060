#include "report/transition_graph.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <tuple>

#include "conflict/graph_model.hpp"
#include "report/svg.hpp"
#include "scenario/states.hpp"

namespace statecraft {
namespace {

// The charts' palette, one colour per decision maker (16; past that, the edges' labels tell).
const char* colour_of(std::size_t maker) { return palette[maker % palette_size]; }

std::string dot_escape(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  return out;
}

// "USA: sanctions; RUS: nothing" as one line per decision maker.
std::string meaning_lines(const std::string& meaning) {
  std::string out = dot_escape(meaning);
  for (std::size_t at = out.find("; "); at != std::string::npos; at = out.find("; ", at)) out.replace(at, 2, "\\n");
  return out;
}

}  // namespace

std::string transition_graph_dot(const Conflict& conflict) {
  if (count_feasible_states(conflict) > max_graph_states) return {};
  const GraphModel model(conflict);
  const StabilityTable table = analyse_stability(model);
  std::string dot = "digraph conflict {\n  rankdir=LR;\n  node [shape=circle, fontname=\"sans-serif\", fontsize=10];\n"
                    "  edge [fontname=\"sans-serif\", fontsize=9];\n";
  for (std::size_t s = 0; s < model.state_count(); ++s) {
    std::string pattern;
    for (std::size_t o = 0; o < conflict.options.size(); ++o) pattern += (model.state(s) >> o & 1U) ? 'Y' : 'N';
    dot += fmt::format("  s{} [label=\"{}\\n{}\"{}];\n", s + 1, s + 1, pattern,
                       table.is_equilibrium(Concept::Nash, s) ? ", shape=doublecircle, style=filled, fillcolor=\"#eeeeee\"" : "");
  }
  for (std::size_t i = 0; i < model.decision_maker_count(); ++i) {
    const char* colour = colour_of(i);
    dot += fmt::format("  legend{0} [shape=plaintext, label=\"{1}\", fontcolor=\"{2}\"];\n", i, model.decision_maker(i), colour);
    for (std::size_t s = 0; s < model.state_count(); ++s)
      model.for_each_move(i, s, [&](std::size_t t) {
        const bool improves = model.rank(i, t) > model.rank(i, s);
        dot += fmt::format("  s{} -> s{} [color=\"{}\"{}];\n", s + 1, t + 1, colour, improves ? ", penwidth=2" : ", style=dashed, penwidth=0.5");
      });
  }
  return dot + "}\n";
}

std::string reachable_paths_dot(const StabilityReport& report) {
  const auto paths = paths_to_reachable(report, max_drawn_paths);
  if (!report.status_quo) return {};
  std::set<std::size_t> states{*report.status_quo}, ends;
  std::set<std::tuple<std::size_t, std::size_t, std::string>> moves;
  for (const auto& path : paths) {
    for (const auto& m : path) {
      states.insert(m.from);
      states.insert(m.to);
      moves.emplace(m.from, m.to, m.mover);
    }
    ends.insert(path.empty() ? *report.status_quo : path.back().to);
  }
  std::string dot = "digraph reachable {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"sans-serif\", fontsize=10];\n"
                    "  edge [fontname=\"sans-serif\", fontsize=9];\n"
                    "  labelloc=t; fontname=\"sans-serif\"; fontsize=11;\n"
                    "  label=\"From the status quo to the reachable equilibria (double border), each move by its decision maker\";\n";
  for (std::size_t s : states) {
    const StabilityRow row = report.row(s);
    std::string heading = s == *report.status_quo ? "status quo" : ends.count(s) ? "equilibrium" : "on the way";
    dot += fmt::format("  s{} [label=\"state {} ({})\\n{}\"{}{}];\n", s + 1, s + 1, heading, meaning_lines(row.meaning), ends.count(s) ? ", peripheries=2" : "",
                       s == *report.status_quo ? ", penwidth=2" : "");
  }
  for (const auto& [from, to, mover] : moves) {
    const auto maker = static_cast<std::size_t>(std::find(report.decision_makers.begin(), report.decision_makers.end(), mover) - report.decision_makers.begin());
    dot += fmt::format("  s{} -> s{} [label=\"{}\", color=\"{}\", fontcolor=\"{}\", penwidth=2];\n", from + 1, to + 1, dot_escape(mover), colour_of(maker), colour_of(maker));
  }
  return dot + "}\n";
}

}  // namespace statecraft
