// Speed of the sensitivity analysis: every lens's on a seed scenario (the promise: under 2 s), and
// the spatial lens's Sobol' indices on a generated 20-actor, 6-issue scenario from 10,000 base
// samples (the promise: under 5 s on 2 cores).

#include <benchmark/benchmark.h>

#include <random>

#include "bargaining/sensitivity.hpp"
#include "report/sensitivity_report.hpp"
#include "report/spatial_sensitivity.hpp"
#include "formats/load.hpp"

namespace statecraft {
namespace {

Scenario seed_scenario(const std::string& name) {
  return *load_scenario_file(std::string(STATECRAFT_SOURCE_DIR) + "/scenarios/" + name + ".yaml").scenario;
}

// What `statecraft sensitivity FILE` does: every lens the scenario has data for, rendered.
void sensitivity_all_lenses(benchmark::State& state, const std::string& name) {
  const Scenario scenario = seed_scenario(name);
  std::vector<const SensitivityLens*> lenses;
  for (const auto& lens : sensitivity_lenses())
    if (lens.has_data(scenario)) lenses.push_back(&lens);
  for (auto _ : state) benchmark::DoNotOptimize(render_sensitivity(scenario, lenses, {}));
  state.counters["lenses"] = static_cast<double>(lenses.size());
}
BENCHMARK_CAPTURE(sensitivity_all_lenses, alaska, std::string("alaska-2025"))->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(sensitivity_all_lenses, singapore, std::string("singapore-2018"))->Unit(benchmark::kMillisecond)->UseRealTime();

// The spatial lens alone, with and without its Monte Carlo, and the hinges analyze asks for.
void spatial_sensitivity_alaska(benchmark::State& state) {
  const Scenario scenario = seed_scenario("alaska-2025");
  SensitivitySettings settings;
  settings.sobol_samples = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(spatial_sensitivity_report(scenario, settings));
  state.counters["sobol_samples"] = static_cast<double>(state.range(0));
}
BENCHMARK(spatial_sensitivity_alaska)->Arg(0)->Arg(2000)->Unit(benchmark::kMillisecond)->UseRealTime();

void spatial_hinges_alaska(benchmark::State& state) {
  const Scenario scenario = seed_scenario("alaska-2025");
  for (auto _ : state) benchmark::DoNotOptimize(spatial_hinges(scenario));
}
BENCHMARK(spatial_hinges_alaska)->Unit(benchmark::kMillisecond)->UseRealTime();

std::vector<BargainingIssue> generated_issues(std::size_t actors, std::size_t issues, bool five_deciders = false) {
  std::mt19937 random(20);
  std::uniform_real_distribution<double> position(0, 100), salience(0.05, 1), capability(1, 100);
  std::vector<double> capabilities;
  for (std::size_t i = 0; i < actors; ++i) capabilities.push_back(capability(random));
  std::vector<BargainingIssue> out;
  for (std::size_t d = 0; d < issues; ++d) {
    BargainingIssue issue;
    issue.id = "issue" + std::to_string(d);
    issue.status_quo = std::round(position(random));
    for (std::size_t i = 0; i < actors; ++i)
      issue.actors.push_back({"A" + std::to_string(i), std::round(position(random)), salience(random), capabilities[i]});
    if (five_deciders) {  // decided by a majority of the capability of five actors (format 2)
      issue.rule = DecisionRule::Majority;
      for (std::size_t i = 0; i < 5; ++i) issue.deciders.push_back("A" + std::to_string((d + 3 * i) % actors));
    }
    out.push_back(std::move(issue));
  }
  return out;
}

// N = 10,000 base samples per issue, one group per actor (its position, salience and capability)
// and one for the status quo: N·(20 + 1 + 2) = 230,000 runs of each model per issue, 1,380,000
// over the 6 issues, for each of the models named.
void sobol_20_actors_6_issues(benchmark::State& state, std::vector<std::string> models, bool five_deciders = false) {
  const auto issues = generated_issues(20, 6, five_deciders);
  SensitivitySettings settings;
  settings.sobol_models = models;
  settings.sobol_samples = 10'000;
  settings.sobol_by_judgment = false;  // the groups per actor alone
  settings.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state)
    for (const auto& issue : issues) benchmark::DoNotOptimize(sobol_sensitivity(issue, settings));
  state.counters["threads"] = static_cast<double>(state.range(0));
  state.counters["runs_per_model"] = 6.0 * 10'000 * 23;
}
BENCHMARK_CAPTURE(sobol_20_actors_6_issues, static_models, std::vector<std::string>{"compromise", "median", "nash"})
    ->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
// The command's Monte Carlo models (its default sobol_models), on issues decided by every actor
// (format 1, or no decision: given) and on issues each decided by a majority of five deciders' capability
// (every forecast then kept in the win set, and the deciders model at work).
BENCHMARK_CAPTURE(sobol_20_actors_6_issues, four_models, std::vector<std::string>{"compromise", "median", "nash", "deciders"})
    ->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK_CAPTURE(sobol_20_actors_6_issues, four_models_five_deciders, std::vector<std::string>{"compromise", "median", "nash", "deciders"}, true)
    ->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK_CAPTURE(sobol_20_actors_6_issues, compromise, std::vector<std::string>{"compromise"})
    ->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK_CAPTURE(sobol_20_actors_6_issues, median, std::vector<std::string>{"median"})->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK_CAPTURE(sobol_20_actors_6_issues, nash, std::vector<std::string>{"nash"})->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

}  // namespace
}  // namespace statecraft
