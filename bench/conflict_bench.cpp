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

#include "games/lemke_howson.hpp"

namespace statecraft {
namespace {

// Random 20x20 games, payoffs uniform integers in 0..100 (gambit-lcp finds ~60 equilibria in 0.6 s).
void lemke_howson_20x20(benchmark::State& state) {
  std::mt19937 random(20);
  std::uniform_int_distribution<int> payoff(0, 100);
  StrategicGame g{"random", {"1", "2"}, {std::vector<std::string>(20, "s"), std::vector<std::string>(20, "t")}, {}};
  for (std::size_t k = 0; k < 400; ++k) g.payoffs.push_back({static_cast<double>(payoff(random)), static_cast<double>(payoff(random))});
  std::size_t found = 0;
  for (auto _ : state) found = (state.range(0) ? lemke_howson_graph(g) : lemke_howson_all_labels(g)).size();
  state.counters["equilibria"] = static_cast<double>(found);
}
// Arg 0: from the artificial equilibrium only; 1: the whole graph component, as gambit-lcp lists.
BENCHMARK(lemke_howson_20x20)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace statecraft

#include "games/logit.hpp"

namespace statecraft {
namespace {

// The logit path of a random 3-player 8x8x8 game, payoffs uniform in 0..100.
void logit_8x8x8(benchmark::State& state) {
  std::mt19937 random(888);
  std::uniform_int_distribution<int> payoff(0, 100);
  StrategicGame g{"random", {"1", "2", "3"}, {std::vector<std::string>(8, "s"), std::vector<std::string>(8, "t"), std::vector<std::string>(8, "u")}, {}};
  for (std::size_t k = 0; k < 512; ++k)
    g.payoffs.push_back({static_cast<double>(payoff(random)), static_cast<double>(payoff(random)), static_cast<double>(payoff(random))});
  std::size_t points = 0;
  for (auto _ : state) points = trace_logit(g).size();
  state.counters["points"] = static_cast<double>(points);
}
BENCHMARK(logit_8x8x8)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace statecraft
