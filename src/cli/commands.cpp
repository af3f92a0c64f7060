#include "cli/commands.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <ostream>

#include "bargaining/forecast.hpp"
#include "report/forecast_table.hpp"
#include "report/summary.hpp"
#include "report/uncertainty_table.hpp"
#include "scenario/reader.hpp"
#include <nlohmann/json.hpp>
#include "scenario/load.hpp"

namespace statecraft::cli {
namespace {

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  for (const auto& d : diagnostics.all()) err << format_diagnostic(d) << '\n';
}

std::string describe_contents(const Scenario& s) {
  std::size_t options = s.conflict ? s.conflict->options.size() : 0;
  return fmt::format("{} actors, {} issues, {} options, {} games", s.actors.size(), s.issues.size(), options, s.games.size());
}

}  // namespace

int validate(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
  int code = ok;
  for (const auto& file : files) {
    const LoadResult result = load_scenario_file(file);
    if (result.ok()) {
      out << file << ": ok (" << describe_contents(*result.scenario) << ")\n";
      continue;
    }
    print_diagnostics(result.diagnostics, err);
    err << fmt::format("{}: {} error{}\n", file, result.diagnostics.size(), result.diagnostics.size() == 1 ? "" : "s");
    code = bad_input;
  }
  return code;
}

std::optional<Scenario> load_or_report(const std::string& file, std::ostream& err) {
  LoadResult result = load_scenario_file(file);
  print_diagnostics(result.diagnostics, err);
  return std::move(result.scenario);
}

// "position=5,salience=0.1": the given standard deviations, the others at their defaults.
std::optional<Jitter> parse_jitter(const std::string& text, std::ostream& err) {
  Jitter jitter;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, end - start);
    start = end + 1;
    const auto equals = item.find('=');
    const std::string key = item.substr(0, equals);
    double* target = key == "position" ? &jitter.position : key == "salience" ? &jitter.salience : key == "capability" ? &jitter.capability : nullptr;
    const auto value = equals == std::string::npos ? std::nullopt : parse_number(item.substr(equals + 1));
    if (!target || !value || *value < 0) {
      err << fmt::format("statecraft forecast: --jitter takes position=SD,salience=SD,capability=SD with SD >= 0; cannot read '{}'\n", item);
      return std::nullopt;
    }
    *target = *value;
  }
  return jitter;
}

int forecast(const std::string& file, ForecastOptions options, std::ostream& out, std::ostream& err) {
  auto& models = options.models;
  const auto jitter = parse_jitter(options.jitter, err);
  if (!jitter) return bad_input;
  if (models.empty() || std::find(models.begin(), models.end(), "all") != models.end()) {
    models.clear();
    for (const auto& model : bargaining_models()) models.push_back(model.name);
  }
  for (const auto& model : models) {
    if (find_model(model)) continue;
    std::vector<std::string> known;
    for (const auto& m : bargaining_models()) known.push_back(m.name);
    err << fmt::format("statecraft forecast: unknown model '{}'; models: {}, all\n", model, fmt::join(known, ", "));
    return bad_input;
  }
  const auto scenario = load_or_report(file, err);
  if (!scenario) return bad_input;
  if (scenario->issues.empty()) {
    err << file << ": error: the scenario has no issues to forecast\n";
    return analysis_failed;
  }
  const ForecastTable table = forecast_table(*scenario, models);
  std::vector<ForecastDistribution> distributions;
  if (options.samples > 0)
    distributions = forecast_uncertainty(bargaining_issues(*scenario), models, {options.samples, options.seed, *jitter, 0});
  if (options.format == "json") {
    nlohmann::json report{{"statecraft", STATECRAFT_VERSION},
                          {"scenario", scenario->id},
                          {"models", models_json()},
                          {"issues", forecast_json(table)}};
    if (options.samples > 0)
      report["uncertainty"] = {{"samples", options.samples},
                               {"seed", options.seed},
                               {"jitter", {{"position", jitter->position}, {"salience", jitter->salience}, {"capability", jitter->capability}}},
                               {"distributions", uncertainty_json(distributions)}};
    out << report.dump(2) << '\n';
    return ok;
  }
  out << fmt::format("{}\nForecasts (where each issue ends, by model)\n", scenario->title) << render_forecast_text(table, "  ");
  if (options.samples > 0)
    out << fmt::format("\nUncertainty: {} samples, seed {}, jitter position {:g}, salience {:g}, capability {:g} (log-normal)\n",
                       options.samples, options.seed, jitter->position, jitter->salience, jitter->capability)
        << render_uncertainty_text(distributions, "  ");
  return ok;
}

int analyze(const std::string& file, const std::string& format, std::ostream& out, std::ostream& err) {
  const auto scenario = load_or_report(file, err);
  if (!scenario) return bad_input;
  const Summary summary = summarize(*scenario);
  out << (format == "json" ? render_json(summary) : render_text(summary));
  return ok;
}

}  // namespace statecraft::cli
