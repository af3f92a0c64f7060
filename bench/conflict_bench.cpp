// Stability analysis at scale: 4 decision makers, 10 to 20 options (up to 1,048,576 states).

#include <benchmark/benchmark.h>

#include <random>

#include "conflict/graph_model.hpp"
#include "scenario/expression.hpp"

namespace statecraft {
namespace {

// Options dealt round-robin to 4 decision makers, all reversible, every state feasible; each
// decision maker ranks states by 6 random statements (an option taken or not, or a pair).
Conflict random_conflict(std::size_t options, unsigned seed) {
  std::mt19937 random(seed);
  Conflict c;
  const char* makers[] = {"AA", "BB", "CC", "DD"};
  for (std::size_t o = 0; o < options; ++o) c.options.push_back({"o" + std::to_string(o), makers[o % 4], "option", Reversibility::Both, {}, {}, {}});
  std::uniform_int_distribution<std::size_t> pick(0, options - 1);
  for (const char* maker : makers) {
    Preferences p;
    p.actor = maker;
    for (int k = 0; k < 6; ++k) {
      std::string text = (random() % 2 ? "!" : "") + c.options[pick(random)].id;
      if (k % 2) text += " & " + std::string(random() % 2 ? "!" : "") + c.options[pick(random)].id;
      Statement s;
      s.text = text;
      s.expression = std::get<Expression>(parse_expression(text));
      resolve_options(s.expression, [&](const std::string& id) -> std::optional<int> { return std::stoi(id.substr(1)); });
      p.statements.push_back(s);
    }
    c.preferences.push_back(p);
  }
  return c;
}

void stability_at_size(benchmark::State& state) {
  const Conflict conflict = random_conflict(static_cast<std::size_t>(state.range(0)), 4);
  std::size_t states = 0;
  for (auto _ : state) {
    const GraphModel model(conflict);
    states = model.state_count();
    benchmark::DoNotOptimize(analyse_stability(model));
  }
  state.counters["states"] = static_cast<double>(states);
}
BENCHMARK(stability_at_size)->Arg(10)->Arg(14)->Arg(18)->Arg(20)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace statecraft
