// Speed of the bargaining models: every model at 10, 100 and 1000 actors; the Spatial Model of
// Politics on KTAB's reference cases and on 250 actors × 3 dimensions; Monte Carlo throughput.

#include <benchmark/benchmark.h>

#include <fstream>
#include <random>
#include <sstream>

#include "bargaining/forecast.hpp"
#include "bargaining/smp.hpp"
#include "bargaining/uncertainty.hpp"
#include "formats/ktab_csv.hpp"
#include "formats/load.hpp"

namespace statecraft {
namespace {

BargainingIssue random_issue(std::size_t actors, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> position(0, 100), salience(0.05, 1), capability(1, 100);
  BargainingIssue issue{"random", 0, 100, 50.0, {}};
  for (std::size_t i = 0; i < actors; ++i)
    issue.actors.push_back({"A" + std::to_string(i), std::round(position(random)), salience(random), capability(random)});
  return issue;
}

void model_at_size(benchmark::State& state, const std::string& model) {
  const std::vector<BargainingIssue> issues{random_issue(static_cast<std::size_t>(state.range(0)), 1)};
  for (auto _ : state) benchmark::DoNotOptimize(forecast_issues(issues, {model}));
  state.counters["actors"] = static_cast<double>(state.range(0));
}

BENCHMARK_CAPTURE(model_at_size, compromise, std::string("compromise"))->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK_CAPTURE(model_at_size, median, std::string("median"))->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK_CAPTURE(model_at_size, nash, std::string("nash"))->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK_CAPTURE(model_at_size, expected_utility, std::string("expected-utility"))->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
// KTAB refuses more than 250 actors; at 1000 (one dimension) one run takes about 15 minutes.
BENCHMARK_CAPTURE(model_at_size, smp, std::string("smp"))->Arg(10)->Arg(100)->Arg(250)->Unit(benchmark::kMillisecond);
// The exchange model trades across issues: six of them.
void exchange_at_size(benchmark::State& state) {
  std::vector<BargainingIssue> issues;
  for (unsigned k = 0; k < 6; ++k) issues.push_back(random_issue(static_cast<std::size_t>(state.range(0)), 10 + k));
  for (auto _ : state) benchmark::DoNotOptimize(forecast_issues(issues, {"exchange"}));
  state.counters["actors"] = static_cast<double>(state.range(0));
}
BENCHMARK(exchange_at_size)->Arg(10)->Arg(100)->Arg(300)->Unit(benchmark::kMillisecond);

std::vector<SmpActor> ktab_actors(const std::string& name) {
  std::ifstream in(std::string(STATECRAFT_SOURCE_DIR) + "/tests/data/ktab/" + name + ".csv");
  std::stringstream text;
  text << in.rdbuf();
  Diagnostics d(name);
  const auto ktab = read_ktab_csv(text.str(), d);
  std::vector<SmpActor> actors;
  for (const auto& a : ktab->actors) {
    SmpActor actor{a.name, a.capability, {}, {}};
    for (double p : a.positions) actor.position.push_back(p / 100.0);
    for (double s : a.saliences) actor.salience.push_back(s / 100.0);
    actors.push_back(actor);
  }
  return actors;
}

// KTAB's smpc takes about 105 s on dummyData-a080 and 10 s on a040 at -O2 on these machines.
void smp_ktab_case(benchmark::State& state, const std::string& name, unsigned threads) {
  const auto actors = ktab_actors(name);
  SmpSettings settings;
  settings.threads = threads;
  std::size_t turns = 0;
  for (auto _ : state) turns = run_smp(actors, settings).turns();
  state.counters["turns"] = static_cast<double>(turns);
}

BENCHMARK_CAPTURE(smp_ktab_case, a040, std::string("dummyData-a040"), 1u)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(smp_ktab_case, a080, std::string("dummyData-a080"), 1u)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(smp_ktab_case, a080_2threads, std::string("dummyData-a080"), 2u)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(smp_ktab_case, dim6, std::string("dummyData_6Dim"), 1u)->Unit(benchmark::kMillisecond);

void smp_250_actors_3_dimensions(benchmark::State& state) {
  std::mt19937 random(250);
  std::uniform_real_distribution<double> unit(0, 1), share(0.05, 0.33), capability(1, 100);
  std::vector<SmpActor> actors;
  for (int i = 0; i < 250; ++i) {
    SmpActor a{"A" + std::to_string(i), capability(random), {}, {}};
    for (int d = 0; d < 3; ++d) {
      a.position.push_back(std::round(unit(random) * 10000) / 10000);
      a.salience.push_back(share(random));
    }
    actors.push_back(a);
  }
  SmpSettings settings;
  settings.threads = static_cast<unsigned>(state.range(0));
  std::size_t turns = 0;
  for (auto _ : state) turns = run_smp(actors, settings).turns();
  state.counters["turns"] = static_cast<double>(turns);
  state.counters["threads"] = static_cast<double>(state.range(0));
}
BENCHMARK(smp_250_actors_3_dimensions)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->Iterations(1);

void monte_carlo_alaska(benchmark::State& state) {
  const auto loaded = load_scenario_file(std::string(STATECRAFT_SOURCE_DIR) + "/scenarios/alaska-2025.yaml");
  const auto issues = bargaining_issues(*loaded.scenario);
  std::vector<std::string> models;
  for (const auto& m : bargaining_models()) models.push_back(m.name);
  UncertaintySettings settings;
  settings.samples = 200;
  for (auto _ : state) benchmark::DoNotOptimize(forecast_uncertainty(issues, models, settings));
  state.counters["samples/s"] = benchmark::Counter(static_cast<double>(settings.samples * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(monte_carlo_alaska)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace statecraft
