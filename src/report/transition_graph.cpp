#include "report/transition_graph.hpp"

#include <fmt/format.h>

#include "conflict/graph_model.hpp"
#include "scenario/states.hpp"

namespace statecraft {

std::string transition_graph_dot(const Conflict& conflict) {
  if (count_feasible_states(conflict) > max_graph_states) return {};
  const GraphModel model(conflict);
  const StabilityTable table = analyse_stability(model);
  static constexpr const char* colours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"};
  std::string dot = "digraph conflict {\n  rankdir=LR;\n  node [shape=circle, fontname=\"sans-serif\", fontsize=10];\n"
                    "  edge [fontname=\"sans-serif\", fontsize=9];\n";
  for (std::size_t s = 0; s < model.state_count(); ++s) {
    std::string pattern;
    for (std::size_t o = 0; o < conflict.options.size(); ++o) pattern += (model.state(s) >> o & 1U) ? 'Y' : 'N';
    dot += fmt::format("  s{} [label=\"{}\\n{}\"{}];\n", s + 1, s + 1, pattern,
                       table.is_equilibrium(Concept::Nash, s) ? ", shape=doublecircle, style=filled, fillcolor=\"#eeeeee\"" : "");
  }
  for (std::size_t i = 0; i < model.decision_maker_count(); ++i) {
    const char* colour = colours[i % std::size(colours)];
    dot += fmt::format("  legend{0} [shape=plaintext, label=\"{1}\", fontcolor=\"{2}\"];\n", i, model.decision_maker(i), colour);
    for (std::size_t s = 0; s < model.state_count(); ++s)
      model.for_each_move(i, s, [&](std::size_t t) {
        const bool improves = model.rank(i, t) > model.rank(i, s);
        dot += fmt::format("  s{} -> s{} [color=\"{}\"{}];\n", s + 1, t + 1, colour, improves ? ", penwidth=2" : ", style=dashed, penwidth=0.5");
      });
  }
  return dot + "}\n";
}

}  // namespace statecraft
