// statecraft sweep SPEC.yaml: the Monte Carlo of every scenario at every point of a grid of model
// parameters, its samples split across the ranks of an MPI run (docs/sweep.md). A sample depends
// only on the seed and its index (jittered_issues), and rank 0 puts the ranks' samples back in
// index order before it summarises them, so the output is the same byte for byte whatever the
// number of ranks and threads, and the same as `forecast --samples N --seed S`'s.
#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "bargaining/uncertainty.hpp"
#include "cli/commands.hpp"
#include "cli/ranks.hpp"
#include "formats/load.hpp"
#include "formats/sweep_spec.hpp"
#include "report/uncertainty_table.hpp"
#include "scenario/input_file.hpp"

namespace statecraft::cli {
namespace {

using Point = std::vector<std::pair<std::string, std::string>>;  // parameter, value

// Every combination of the grid's values, the first parameter varying slowest.
std::vector<Point> grid_points(const SweepSpec& spec) {
  std::vector<Point> points{{}};
  for (const auto& [parameter, values] : spec.grid) {
    std::vector<Point> next;
    for (const auto& p : points)
      for (const auto& v : values) {
        next.push_back(p);
        next.back().emplace_back(parameter, v);
      }
    points = std::move(next);
  }
  return points;
}

ModelParameters at_point(ModelParameters parameters, const Point& point) {
  for (const auto& [name, value] : point) {
    if (name == "eu_probability")
      parameters.expected_utility.probability =
          value == "paper" ? ExpectedUtilitySettings::SuccessProbability::Paper : ExpectedUtilitySettings::SuccessProbability::Program;
    else if (name == "q") parameters.expected_utility.status_quo_probability = std::stod(value);
    else if (name == "eu_rounds") parameters.expected_utility.max_rounds = std::stoi(value);
    else if (name == "exchange_rounds") parameters.exchange.max_rounds = std::stoi(value);
  }
  return parameters;
}

struct Job {
  std::string file;
  Scenario scenario;
};

// Reads the spec and its scenarios; on any problem prints it (rank 0 only) and returns nothing.
std::optional<std::pair<SweepSpec, std::vector<Job>>> prepare(const std::string& spec_file, bool speaks, std::ostream& err) {
  std::ostringstream quiet;
  std::ostream& say = speaks ? err : quiet;
  const auto text = read_input_file(spec_file);
  if (!text.text) {
    say << input_name(spec_file) << ": error: " << text.error << '\n';
    return std::nullopt;
  }
  Diagnostics d(input_name(spec_file));
  auto spec = read_sweep_spec(*text.text, std::filesystem::path(spec_file).parent_path(), d);
  print_diagnostics(d, say);
  if (!spec) return std::nullopt;
  if (spec->models.empty())
    for (const auto& m : bargaining_models()) spec->models.push_back(m.name);
  for (const auto& m : spec->models)
    if (!find_model(m)) {
      say << fmt::format("{}: error: unknown model '{}'\n", input_name(spec_file), m);
      return std::nullopt;
    }
  std::vector<Job> jobs;
  for (const auto& path : spec->scenarios) {
    const auto scenario = load_or_report(path.string(), say);
    if (!scenario) return std::nullopt;
    if (scenario->issues.empty()) {
      say << path.string() << ": error: the scenario has no issues to sample\n";
      return std::nullopt;
    }
    jobs.push_back({path.string(), *scenario});
  }
  return std::pair{std::move(*spec), std::move(jobs)};
}

}  // namespace

int sweep(const std::string& spec_file, const SweepOptions& options, std::ostream& out, std::ostream& err) {
  const Ranks ranks;
  const bool root = ranks.rank() == 0;
  const auto prepared = prepare(spec_file, root, err);
  if (ranks.any(!prepared)) return bad_input;  // every rank read the same files: all stop together
  const auto& [spec, jobs] = *prepared;
  const auto points = grid_points(spec);
  std::ostringstream lines;
  double compute_seconds = 0, sent_bytes = 0;
  for (const auto& job : jobs)
    for (const auto& point : points) {
      const auto issues = bargaining_issues(job.scenario);
      UncertaintySettings settings;
      settings.samples = spec.samples, settings.seed = spec.seed, settings.threads = options.threads;
      settings.models = at_point(with_model_choices({}, job.scenario), point);
      settings.models.max_work = options.max_work;
      std::vector<double> mine;
      try {
        refuse_costly_samples(issues, spec.models, settings);
        const std::size_t first = spec.samples * ranks.rank() / ranks.size(), last = spec.samples * (ranks.rank() + 1) / ranks.size();
        const auto started = std::chrono::steady_clock::now();
        mine = sample_forecasts(issues, spec.models, settings, first, last - first);
        compute_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      } catch (const WorkTooLarge& e) {
        if (root) err << "statecraft sweep: refused: " << job.file << ": " << e.what() << '\n';
        return bad_input;  // the same on every rank: the estimate does not depend on the rank
      } catch (const std::exception& e) {
        err << fmt::format("statecraft sweep: rank {} of {}: {}: error: {}\n", ranks.rank(), ranks.size(), job.file, e.what());
        ranks.abort(analysis_failed);  // the others would wait at the gather forever
      }
      if (!root) sent_bytes += static_cast<double>(mine.size() * sizeof(double));
      const auto all = ranks.gather(mine);
      if (!root) continue;
      nlohmann::json parameters = nlohmann::json::object();
      for (const auto& [name, value] : point) parameters[name] = value;
      const nlohmann::json line{{"scenario", job.scenario.id}, {"file", job.file}, {"parameters", parameters},
                                {"uncertainty", uncertainty_json(distributions_of(issues, spec.models, all), agreement_chances(issues, settings), settings)}};
      lines << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
  if (options.stats)
    err << fmt::format("statecraft sweep: rank {} of {}: {:.3f} s computing, {:.0f} bytes sent to rank 0\n", ranks.rank(), ranks.size(), compute_seconds,
                       sent_bytes);
  if (!root) return ok;
  if (options.output.empty()) {
    out << lines.str();
    return ok;
  }
  return write_file(options.output, lines.str(), err) ? ok : analysis_failed;
}

}  // namespace statecraft::cli
