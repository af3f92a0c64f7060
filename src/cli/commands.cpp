#include "cli/commands.hpp"

#include "cli/graphviz.hpp"
#include "cli/progress.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <ostream>

#include "bargaining/forecast.hpp"
#include "report/brief.hpp"
#include "report/brief_charts.hpp"
#include "report/diff.hpp"
#include "report/forecast_report.hpp"
#include "report/forecast_table.hpp"
#include "report/sensitivity_report.hpp"
#include "report/summary.hpp"
#include "report/trajectory.hpp"
#include "report/stability_report.hpp"
#include "report/transition_graph.hpp"
#include "report/games_report.hpp"
#include "formats/gambit_nfg.hpp"
#include "formats/gambit_efg.hpp"
#include "games/from_scenario.hpp"
#include "scenario/states.hpp"
#include <cerrno>
#include <cstdio>
#include <cstring>
#include "report/exchange_report.hpp"
#include "bargaining/exchange.hpp"
#include "report/uncertainty_table.hpp"
#include "scenario/reader.hpp"
#include "formats/deu.hpp"
#include "scenario/input_file.hpp"
#include "scenario/write.hpp"
#include "bargaining/backtest.hpp"
#include "report/backtest_report.hpp"
#include "report/table.hpp"
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <nlohmann/json.hpp>
#include "formats/load.hpp"
#include "scenario/work.hpp"

namespace statecraft::cli {

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  for (const auto& d : diagnostics.all()) err << format_diagnostic(d) << '\n';
  if (const auto unshown = diagnostics.size() - diagnostics.all().size())
    err << fmt::format("{}: {} more error{} not shown\n", diagnostics.file(), unshown, unshown == 1 ? "" : "s");
}

namespace {

std::string describe_contents(const Scenario& s) {
  std::size_t options = s.conflict ? s.conflict->options.size() : 0;
  return fmt::format("{} actors, {} issues, {} options, {} games", s.actors.size(), s.issues.size(), options, s.games.size());
}

// One file of a batch. Whatever goes wrong with it is reported, and the batch goes on.
int validate_one(const std::string& file, bool strict, std::ostream& out, std::ostream& err) try {
  const LoadResult result = load_scenario_file(file);
  if (result.ok()) {
    const auto& warnings = result.diagnostics.warnings();
    for (const auto& w : warnings) err << format_diagnostic(w) << '\n';
    const std::string warned = warnings.empty() ? "" : fmt::format("; {} warning{}", warnings.size(), warnings.size() == 1 ? "" : "s");
    if (strict && !warnings.empty()) {
      err << fmt::format("{}: fails --strict{}\n", input_name(file), warned);
      return bad_input;
    }
    out << input_name(file) << ": ok (" << describe_contents(*result.scenario) << warned << ")" << std::endl;  // in step with the errors on stderr
    return ok;
  }
  print_diagnostics(result.diagnostics, err);
  err << fmt::format("{}: {} error{}\n", input_name(file), result.diagnostics.size(), result.diagnostics.size() == 1 ? "" : "s");
  return bad_input;
} catch (const WorkTooLarge& e) {
  err << input_name(file) << ": refused: " << e.what() << '\n';
  return bad_input;
} catch (const std::exception& e) {
  err << input_name(file) << ": error: " << e.what() << '\n';
  return analysis_failed;
}

}  // namespace

namespace {

nlohmann::json diagnostic_json(const Diagnostic& d) {
  return {{"severity", d.warning ? "warning" : "error"}, {"file", d.file}, {"line", d.at.line}, {"column", d.at.column}, {"message", d.message}};
}

// One file's verdict for `validate --format json`: its diagnostics, and the exit code it earns.
std::pair<nlohmann::json, int> validate_one_json(const std::string& file, bool strict) try {
  const LoadResult result = load_scenario_file(file);
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const auto& d : result.diagnostics.all()) diagnostics.push_back(diagnostic_json(d));
  for (const auto& w : result.diagnostics.warnings()) diagnostics.push_back(diagnostic_json(w));
  const bool loaded = result.ok(), failed = !loaded || (strict && !result.diagnostics.warnings().empty());
  return {{{"file", file},
           {"ok", !failed},
           {"errors", loaded ? 0 : result.diagnostics.size()},
           {"warnings", result.diagnostics.warnings().size()},
           {"contents", loaded ? nlohmann::json(describe_contents(*result.scenario)) : nlohmann::json(nullptr)},
           {"diagnostics", diagnostics}},
          failed ? bad_input : ok};
} catch (const WorkTooLarge& e) {
  const nlohmann::json refusal = {{"severity", "error"}, {"file", file}, {"line", 0}, {"column", 0}, {"message", std::string("refused: ") + e.what()}};
  nlohmann::json result = {{"file", file}, {"ok", false}, {"errors", 1}, {"warnings", 0}, {"contents", nullptr}};
  result["diagnostics"] = nlohmann::json::array({refusal});
  return {result, bad_input};
}

}  // namespace

int validate_json(const std::vector<std::string>& files, bool strict, std::ostream& out) {
  int code = ok;
  nlohmann::json results = nlohmann::json::array();
  for (const auto& file : files) {
    auto [result, file_code] = validate_one_json(file, strict);
    results.push_back(std::move(result));
    code = std::max(code, file_code);
  }
  out << nlohmann::json{{"statecraft", STATECRAFT_VERSION}, {"files", results}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return code;
}

int validate(const std::vector<std::string>& files, bool strict, std::ostream& out, std::ostream& err) {
  int code = ok;  // bad input outranks a failed analysis
  for (const auto& file : files) code = std::max(code, validate_one(file, strict, out, err));
  return code;
}

std::optional<Scenario> load_or_report(const std::string& file, std::ostream& err) {
  LoadResult result = load_scenario_file(file);
  print_diagnostics(result.diagnostics, err);
  return std::move(result.scenario);
}

// "position=0.05,salience=0.1": the given standard deviations, the others at their defaults.
std::optional<Jitter> parse_jitter(const std::string& text, std::ostream& err) {
  Jitter jitter;
  struct Key {
    const char* name;
    double* target;
    double most;
  };
  const Key keys[] = {{"position", &jitter.position, max_scale_jitter},
                      {"salience", &jitter.salience, INFINITY},
                      {"capability", &jitter.capability, max_capability_jitter},
                      {"status_quo", &jitter.status_quo, max_scale_jitter},
                      {"threshold", &jitter.threshold, max_threshold_jitter}};
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, end - start);
    start = end + 1;
    const auto equals = item.find('=');
    const std::string name = item.substr(0, equals);
    const auto key = std::find_if(std::begin(keys), std::end(keys), [&](const Key& k) { return name == k.name; });
    const auto value = equals == std::string::npos ? std::nullopt : parse_number(item.substr(equals + 1));
    // A capability multiplied by exp(N(0, SD)) with SD beyond 5 leaves one actor dominating each sample (or overflows).
    if (key == std::end(keys) || !value || *value < 0 || *value > key->most) {
      err << fmt::format("statecraft forecast: --jitter takes position=SD,status_quo=SD (shares of each issue's scale, at most {:g}: 0.05 is 5 %), "
                         "salience=SD, capability=SD (at most {:g}), threshold=SD (at most {:g}), every SD >= 0; cannot read '{}'\n",
                         max_scale_jitter, max_capability_jitter, max_threshold_jitter, item);
      return std::nullopt;
    }
    *key->target = *value;
  }
  return jitter;
}

// Expands "all" (or nothing) to every model; false, with a message, on an unknown name.
bool resolve_models(std::vector<std::string>& models, const std::string& command, std::ostream& err) {
  if (models.empty() || std::find(models.begin(), models.end(), "all") != models.end()) {
    models.clear();
    for (const auto& model : bargaining_models()) models.push_back(model.name);
  }
  for (const auto& model : models) {
    if (find_model(model)) continue;
    std::vector<std::string> known;
    for (const auto& m : bargaining_models()) known.push_back(m.name);
    err << fmt::format("statecraft {}: unknown model '{}'; models: {}, all\n", command, model, fmt::join(known, ", "));
    return false;
  }
  return true;
}

std::optional<std::string> read_text_file(const std::string& file, std::ostream& err) {
  InputFile input = read_input_file(file);
  if (!input.text) err << input_name(file) << ": error: " << input.error << '\n';
  return std::move(input.text);
}

// Through C stdio, whose every step sets errno: a full disk, or /dev/full, is only found out when
// the last buffer is written, at fclose.
bool write_file(const std::string& file, const std::string& text, std::ostream& err) {
  const auto failed = [&](int error) {
    err << file << ": error: cannot write the file (" << std::strerror(error) << ")\n";
    return false;
  };
  std::FILE* out = std::fopen(file.c_str(), "wb");
  if (!out) return failed(errno);
  const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  const int write_error = errno;
  const bool closed = std::fclose(out) == 0;
  if (!written) return failed(write_error);
  return closed || failed(errno);
}

// --trajectory and --chart: files beside the printed report. The exit code: a chart that cannot be
// drawn is bad usage, a file that cannot be written a failure.
int write_outputs(const ForecastOptions& options, const Scenario& scenario, const std::vector<BargainingIssue>& issues,
                  const std::vector<IssueForecast>& forecasts, std::ostream& err) {
  if (!options.trajectory_file.empty() && !write_file(options.trajectory_file, trajectory_csv(issues, forecasts), err)) return analysis_failed;
  if (options.chart_file.empty()) return ok;
  const std::string& wanted = options.chart_issue.empty() ? issues.front().id : options.chart_issue;
  const auto issue = std::find_if(issues.begin(), issues.end(), [&](const BargainingIssue& i) { return i.id == wanted; });
  if (issue == issues.end()) {
    err << fmt::format("statecraft forecast: --issue '{}' is not an issue of the scenario\n", wanted);
    return bad_input;
  }
  std::vector<IssueForecast> of_issue;
  for (const auto& f : forecasts)
    if (f.issue == wanted) of_issue.push_back(f);
  const Issue& written = scenario.issues[static_cast<std::size_t>(issue - issues.begin())];
  const std::string svg = trajectory_svg(*issue, {written.name, written.units, chart_caption(scenario)}, of_issue);
  if (svg.empty()) {
    err << "statecraft forecast: --chart needs a dynamic model (expected-utility, exchange or smp) among --model\n";
    return bad_input;
  }
  return write_file(options.chart_file, svg, err) ? ok : analysis_failed;
}

int forecast(const std::string& file, ForecastOptions options, std::ostream& out, std::ostream& err) {
  auto& models = options.models;
  const auto jitter = parse_jitter(options.jitter, err);
  if (!jitter) return bad_input;
  if (!resolve_models(models, "forecast", err)) return bad_input;
  const auto scenario = load_or_report(file, err);
  if (!scenario) return bad_input;
  if (scenario->issues.empty()) {
    err << input_name(file) << ": error: the scenario has no issues to forecast\n";
    return analysis_failed;
  }
  const auto issues = bargaining_issues(*scenario);
  ModelParameters parameters = with_model_choices(options.parameters, *scenario);
  if (options.probability_given) parameters.expected_utility.probability = options.parameters.expected_utility.probability;
  const UncertaintySettings samples{options.samples, options.seed, *jitter, 0, parameters};
  parameters.threads = 0;
  if (options.samples > 0) refuse_costly_samples(issues, models, samples);  // before the point forecast's work
  std::optional<ExchangeRun> exchange;
  const auto forecasts = [&] {
    ProgressLine turns(err, "forecast: smp turns (at most)", options.quiet);  // erased before anything else is printed
    parameters.progress = turns.callback();
    return forecast_issues(issues, models, parameters, &exchange);
  }();
  const ForecastTable table = forecast_table(*scenario, models, forecasts);
  if (const int written = write_outputs(options, *scenario, issues, forecasts, err); written != ok) return written;
  std::vector<ForecastDistribution> distributions;
  std::vector<AgreementChance> agreement;
  if (options.samples > 0) {
    ProgressLine progress(err, "forecast: samples", options.quiet);
    distributions = forecast_uncertainty(issues, models, samples, progress.callback());
    agreement = agreement_chances(issues, samples);
  }
  if (options.format == "json") {
    const auto uncertainty = options.samples > 0 ? std::optional(ForecastUncertainty{distributions, agreement, samples}) : std::nullopt;
    out << forecast_report_json(*scenario, issues, table, exchange, uncertainty).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return ok;
  }
  out << fmt::format("{}\nForecasts (where each issue ends, by model)\n", scenario->title) << render_forecast_text(table, "  ");
  if (exchange) out << "\nExchanges of support (exchange model), best first\n" << render_exchanges_text(*exchange, issues, 8, "  ");
  if (options.samples > 0)
    out << fmt::format("\nUncertainty: {} samples, seed {}\n", options.samples, options.seed)
        << render_uncertainty_text(distributions, agreement, samples.jitter, "  ");
  return ok;
}

// Every model a backtest can score: the bargaining models, the procedural model, the fitted ones.
bool resolve_backtest_models(std::vector<std::string>& models, std::ostream& err) {
  const std::vector<std::string> known = backtest_model_names();
  if (models.empty() || std::find(models.begin(), models.end(), "all") != models.end()) models = known;
  for (const auto& model : models)
    if (std::find(known.begin(), known.end(), model) == known.end()) {
      err << fmt::format("statecraft backtest: unknown model '{}'; models: {}, all\n", model, fmt::join(known, ", "));
      return false;
    }
  return true;
}

// A DEU file's issues, every issue of a proposal with the others (the joint models trade across
// them); those with an outcome are scored.
std::optional<BacktestReport> deu_cases(const std::string& file, const BacktestOptions& options, std::ostream& err) {
  std::map<std::string, double> capabilities;
  if (!options.capabilities_file.empty()) {
    const auto text = read_text_file(options.capabilities_file, err);
    if (!text) return std::nullopt;
    Diagnostics diagnostics(options.capabilities_file);
    capabilities = read_capabilities(*text, diagnostics);
    print_diagnostics(diagnostics, err);
    if (!diagnostics.empty()) return std::nullopt;
  }
  const auto text = read_text_file(file, err);
  if (!text) return std::nullopt;
  Diagnostics diagnostics(input_name(file));
  const auto data = read_deu(*text, capabilities, diagnostics);
  print_diagnostics(diagnostics, err);
  for (const auto& w : diagnostics.warnings()) err << format_diagnostic(w) << '\n';
  if (!data) return std::nullopt;
  BacktestReport r;
  r.file = input_name(file);
  r.capabilities = options.capabilities_file.empty() ? "equal capabilities" : "capabilities from " + options.capabilities_file;
  r.proposals = data->proposals().size();
  r.actors = data->actors.size();
  r.cases = backtest_cases(*data);
  return r;
}

// Scenario files with `outcome:` on their issues: each file's issues run together, as one group.
std::optional<BacktestReport> scenario_cases(const std::vector<std::string>& files, std::ostream& err) {
  BacktestReport r;
  r.capabilities = "the scenarios' capabilities";
  std::vector<std::string> actors;
  for (const auto& file : files) {
    const auto scenario = load_or_report(file, err);
    if (!scenario) return std::nullopt;
    const auto issues = bargaining_issues(*scenario);
    for (std::size_t i = 0; i < issues.size(); ++i) {
      const auto& outcome = scenario->issues[i].outcome;
      std::optional<double> value;
      if (outcome && outcome->value) value = outcome->value->value;
      r.cases.push_back({issues[i], value, scenario->id});
    }
    for (const auto& a : scenario->actors)
      if (std::find(actors.begin(), actors.end(), a.id) == actors.end()) actors.push_back(a.id);
  }
  r.file = fmt::format("{}", fmt::join(files, ", "));
  r.proposals = files.size();
  r.actors = actors.size();
  return r;
}

int backtest(const std::vector<std::string>& files, BacktestOptions options, std::ostream& out, std::ostream& err) {
  if (!resolve_backtest_models(options.models, err)) return bad_input;
  const bool deu = options.input_format == "deu";
  if (deu && files.size() != 1) {
    err << "statecraft backtest: a DEU data set is one file; scenario files (--input-format scenario) may be several\n";
    return bad_input;
  }
  auto input = deu ? deu_cases(files.front(), options, err) : scenario_cases(files, err);
  if (!input) return bad_input;
  const auto scored = std::count_if(input->cases.begin(), input->cases.end(), [](const BacktestCase& c) { return c.outcome.has_value(); });
  if (scored == 0) {
    err << input->file << (deu ? ": error: no issue has both an outcome and an actor with a position and salience\n"
                               : ": error: no issue has an outcome to score (an issue's outcome: {value: ...} in the scenario)\n");
    return analysis_failed;
  }
  BacktestReport report = run_backtest(std::move(input->cases), options.models, options.parameters, {options.folds, options.seed});
  report.file = input->file, report.capabilities = input->capabilities, report.proposals = input->proposals, report.actors = input->actors;
  if (!options.per_issue_file.empty() && !write_file(options.per_issue_file, backtest_per_issue_csv(report), err)) return analysis_failed;
  if (!options.fitted_file.empty() && !write_file(options.fitted_file, backtest_fitted_json(report), err)) return analysis_failed;
  out << (options.format == "json" ? backtest_json(report) : backtest_text(report));
  return ok;
}

int import_scenario(const std::string& file, std::ostream& out, std::ostream& err) {
  const auto scenario = load_or_report(file, err);
  if (!scenario) return bad_input;
  out << "# Imported by statecraft " STATECRAFT_VERSION " from " << std::filesystem::path(input_name(file)).filename().string() << "\n"
      << write_scenario_yaml(*scenario);
  return ok;
}

// Writes the transition graph: dot text, or an SVG drawn by Graphviz's `dot`; past
// max_graph_states states, only the paths from the status quo to the reachable equilibria. Only
// the named file is written, and only once there is something to write.
bool write_graph(const Conflict& conflict, const StabilityReport& report, const std::string& graph_file, std::ostream& err) {
  std::string dot = transition_graph_dot(conflict);
  if (dot.empty()) {
    dot = reachable_paths_dot(report);
    if (dot.empty()) {
      err << fmt::format("statecraft stability: the conflict has {} states, too many to draw whole (the limit is {}), and no status quo to draw the paths from\n",
                         report.state_count, max_graph_states);
      return false;
    }
    err << fmt::format("statecraft stability: the conflict has {} states, more than the {} drawn whole: the graph shows the paths from the status quo to "
                       "the first {} reachable equilibria\n",
                       report.state_count, max_graph_states, max_drawn_paths);
  }
  if (std::filesystem::path(graph_file).extension() != ".svg") return write_file(graph_file, dot, err);
  const auto svg = render_svg(dot);
  if (const auto* failure = std::get_if<GraphvizError>(&svg)) {
    err << "statecraft stability: " << failure->message << '\n';
    return false;
  }
  return write_file(graph_file, std::get<std::string>(svg), err);
}

int stability(const std::string& file, const StabilityOptions& options, std::ostream& out, std::ostream& err) {
  const auto scenario = load_or_report(file, err);
  if (!scenario) return bad_input;
  if (!scenario->conflict) {
    err << input_name(file) << ": error: the scenario has no conflict section to analyse\n";
    return analysis_failed;
  }
  const auto makers = decision_makers(*scenario->conflict);
  for (const auto& member : options.coalition)
    if (std::find(makers.begin(), makers.end(), member) == makers.end()) {
      err << fmt::format("statecraft stability: --coalition member '{}' is not a decision maker ({})\n", member, fmt::join(makers, ", "));
      return bad_input;
    }
  std::optional<Concept> inverse_concept;
  for (Concept c : {Concept::Nash, Concept::GMR, Concept::SMR, Concept::SEQ})
    if (options.concept_name == concept_name(c)) inverse_concept = c;
  if (!inverse_concept) {
    err << fmt::format("statecraft stability: --concept '{}': the inverse analysis takes Nash, GMR, SMR or SEQ\n", options.concept_name);
    return bad_input;
  }
  StabilityReport report;
  {
    ProgressLine line(err, "stability: steps", options.quiet);
    report = stability_report(*scenario->conflict, options.coalition, {options.max_states, options.max_steps, line.callback()});
  }
  if (options.make_stable > report.state_count) {
    err << fmt::format("statecraft stability: --make-stable {}: the conflict has states 1 to {}\n", options.make_stable, report.state_count);
    return bad_input;
  }
  const bool inverse = options.make_stable > 0 && options.format != "csv";
  std::optional<UncertainStability> uncertain;
  if (!scenario->conflict->uncertain_preferences.empty() && options.format != "csv")
    uncertain = stability_under_uncertainty(*scenario->conflict, *inverse_concept, default_max_preference_combinations, options.max_steps);
  if (options.format == "json") {
    std::ostringstream json_text;
    write_stability_json(json_text, report, scenario->id, options.full_table || report.state_count <= json_listing_by_default);
    auto j = nlohmann::json::parse(json_text.str());
    if (inverse) j["make_stable"] = make_stable_json(report, options.make_stable - 1, *inverse_concept);
    if (uncertain) j["uncertain_preferences"] = uncertain_json(*uncertain);
    out << j.dump(2) << "\n";
  } else if (options.format == "csv") {
    write_stability_csv(out, report);
  } else {
    write_stability_text(out, report, options.full_table || report.state_count <= tableau_by_default);
    if (uncertain) out << render_uncertain_text(report, *uncertain);
    if (inverse) out << render_make_stable_text(report, options.make_stable - 1, *inverse_concept);
  }
  // The graph after the report: a graph refused (too large, no Graphviz) must not cost the report.
  if (!options.graph_file.empty() && !write_graph(*scenario->conflict, report, options.graph_file, err)) return analysis_failed;
  return ok;
}

// Reads a file with one of the Gambit readers, printing its diagnostics; empty on any error.
template <typename Reader>
auto parse_with(const std::string& text, const std::string& file, std::ostream& err, Reader&& reader) -> decltype(reader(std::string_view{}, std::declval<Diagnostics&>())) {
  Diagnostics diagnostics(input_name(file));
  auto result = reader(text, diagnostics);
  print_diagnostics(diagnostics, err);
  return result;
}

template <typename Reader>
auto read_with(const std::string& file, std::ostream& err, Reader&& reader) -> decltype(reader(std::string_view{}, std::declval<Diagnostics&>())) {
  const auto text = read_text_file(file, err);
  if (!text) return std::nullopt;
  return parse_with(*text, file, err, reader);
}

int solve(const std::string& target, const SolveOptions& options, std::ostream& out, std::ostream& err) {
  const auto choice = solver_choice(options.method);
  if (!choice) {
    err << "statecraft solve: unknown method '" << options.method << "'; methods: all, pure, dominance, enummixed, lcp, logit, correlated, gnm\n";
    return bad_input;
  }
  const auto hash = target.find('#');
  const std::string file = target.substr(0, hash);
  const std::string wanted = hash == std::string::npos ? "" : target.substr(hash + 1);
  nlohmann::json results = nlohmann::json::array();
  std::string text;
  std::vector<std::string> refusals;  // games too large to solve: exit 2 once the others are printed
  auto add_tree = [&](const std::string& id, const Game& game) {
    ProgressLine line(err, "solve " + id + ": sequence form, Lemke pivots", options.quiet);
    TreeLimits limits;
    if (options.max_lcp_rows > 0) limits.max_lcp_rows = options.max_lcp_rows;
    if (options.max_pure_profiles > 0) limits.max_pure_profiles = static_cast<double>(options.max_pure_profiles);
    limits.progress = line.callback();
    const auto solution = solve_tree(game, limits);
    if (!solution.refused.empty()) refusals.push_back(id + ": " + solution.refused);
    if (!solution.bayesian_refused.empty()) err << fmt::format("statecraft solve: {}: not run: perfect Bayesian equilibria: {}\n", id, solution.bayesian_refused);
    text += fmt::format("{} ({}, extensive form, {})\n", id, game.title.empty() ? id : game.title, fmt::join(game.players, " vs "));
    text += render_tree_text(game, solution, "  ");
    nlohmann::json j = tree_json(game, solution);
    j["game"] = id;
    results.push_back(j);
  };
  bool incomplete = false;  // an explicitly asked-for solver did not run or did not converge
  auto add_strategic = [&](const std::string& id, const StrategicGame& g) {
    ProgressLine line(err, "solve " + id + (choice->explicit_choice ? ": " + options.method : std::string()), options.quiet);
    SolverChoice with_progress = *choice;
    if (choice->explicit_choice) with_progress.progress = line.callback();  // the default's budgets keep it to seconds
    const auto solution = solve_strategic(g, with_progress);
    if (choice->explicit_choice && !solution.complete()) {
      incomplete = true;
      for (const auto& skipped : solution.skipped) err << fmt::format("statecraft solve: {}: not run: {}: {}\n", id, skipped.solver, skipped.reason);
      if (!solution.logit_failure.empty()) err << fmt::format("statecraft solve: {}: logit tracing failed: {}\n", id, solution.logit_failure);
    }
    text += fmt::format("{} ({}, strategic form, {})\n", id, g.title, fmt::join(g.players, " vs "));
    text += render_strategic_text(g, solution, "  ");
    nlohmann::json j = strategic_json(g, solution);
    j["game"] = id;
    results.push_back(j);
  };
  // Standard input is read once, and its format told from its text.
  std::optional<std::string> piped;
  if (is_standard_input(file) && !(piped = read_text_file(file, err))) return bad_input;
  const std::string extension = piped ? input_format(*piped) : std::filesystem::path(file).extension().string();
  const std::string stem = piped ? "stdin" : std::filesystem::path(file).stem().string();
  if (extension == ".nfg") {
    const auto game = piped ? parse_with(*piped, file, err, read_nfg) : read_with(file, err, read_nfg);
    if (!game) return bad_input;
    add_strategic(stem, *game);
  } else if (extension == ".efg") {
    const auto game = piped ? parse_with(*piped, file, err, read_efg) : read_with(file, err, read_efg);
    if (!game) return bad_input;
    add_tree(stem, *game);
  } else {
    std::optional<Scenario> scenario;
    if (piped) {
      LoadResult loaded = load_scenario_text_as(*piped, file, extension);
      print_diagnostics(loaded.diagnostics, err);
      scenario = std::move(loaded.scenario);
    } else {
      scenario = load_or_report(file, err);
    }
    if (!scenario) return bad_input;
    bool found = false;
    for (const auto& game : scenario->games) {
      if (!wanted.empty() && game.id != wanted) continue;
      found = true;
      if (game.form == Game::Form::Strategic) {
        add_strategic(game.id, strategic_game_of(game));
      } else if (game.form == Game::Form::Extensive) {
        add_tree(game.id, game);
      } else {
        const std::string path = (std::filesystem::path(file).parent_path() / game.file).string();
        if (std::filesystem::path(game.file).extension() == ".nfg") {
          const auto g = read_with(path, err, read_nfg);
          if (!g) return bad_input;
          add_strategic(game.id, *g);
        } else {
          const auto g = read_with(path, err, read_efg);
          if (!g) return bad_input;
          add_tree(game.id, *g);
        }
      }
    }
    if (!found) {
      err << (wanted.empty() ? input_name(file) + ": error: the scenario has no games\n" : fmt::format("{}: error: no game '{}' in the scenario\n", input_name(file), wanted));
      return wanted.empty() ? analysis_failed : bad_input;
    }
  }
  if (options.format == "json") out << nlohmann::json{{"statecraft", STATECRAFT_VERSION}, {"games", results}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  else out << text;
  for (const auto& refusal : refusals) err << "statecraft: refused: " << refusal << '\n';
  return !refusals.empty() ? bad_input : incomplete ? analysis_failed : ok;
}

int analyze(const std::string& file, const std::string& format, std::ostream& out, std::ostream& err) {
  const auto scenario = load_or_report(file, err);
  if (!scenario) return bad_input;
  Summary summary = summarize(*scenario);
  summary.bottom_line = make_brief(*scenario, summary).bottom_line;
  out << (format == "json" ? render_json(summary) : render_text(summary));
  return ok;
}

int brief(const std::string& file, const std::string& format, const std::string& output, const std::vector<std::string>& articles, std::ostream& out,
          std::ostream& err) {
  const auto scenario = load_or_report(file, err);
  if (!scenario) return bad_input;
  Brief b = make_brief(*scenario);
  if (!articles.empty() && !add_news(*scenario, articles, b, err)) return bad_input;
  const std::string text = format == "md" ? render_brief_markdown(b) : format == "text" ? render_brief_text(b) : format == "json" ? render_brief_json(b) : render_brief_html(b);
  if (output.empty()) {
    out << text;
    return ok;
  }
  return write_file(output, text, err) ? ok : analysis_failed;
}

int diff(const std::string& before_file, const std::string& after_file, const std::string& format, std::ostream& out, std::ostream& err) {
  const auto before = load_or_report(before_file, err);
  const auto after = load_or_report(after_file, err);  // read even when the first fails, so both files' problems show at once
  if (!before || !after) return bad_input;
  const ScenarioDiff changes = diff_scenarios(*before, *after, before_file, after_file);
  out << (format == "json" ? render_diff_json(changes) : render_diff_text(changes));
  return ok;
}

// Whether every lens --lens names has a sensitivity analysis; if not, says which lenses do.
bool known_lenses(const SensitivityOptions& options, std::ostream& err) {
  for (const auto& name : options.lenses)
    if (!find_sensitivity_lens(name)) {
      err << fmt::format("statecraft sensitivity: no sensitivity analysis for lens '{}'; lenses available: {}\n", name, sensitivity_lens_names());
      return false;
    }
  return true;
}

// The lenses asked for, or every one the scenario has data for; none, with a message, when the
// scenario has nothing for them.
std::vector<const SensitivityLens*> chosen_lenses(const Scenario& scenario, const SensitivityOptions& options, const std::string& file,
                                                  std::ostream& err) {
  std::vector<const SensitivityLens*> chosen;
  for (const auto& name : options.lenses) {
    const SensitivityLens* lens = find_sensitivity_lens(name);
    if (!lens->has_data(scenario)) {
      err << fmt::format("{}: error: the scenario has nothing for the {} lens\n", input_name(file), name);
      return {};
    }
    if (std::find(chosen.begin(), chosen.end(), lens) == chosen.end()) chosen.push_back(lens);
  }
  if (options.lenses.empty())
    for (const auto& lens : sensitivity_lenses())
      if (lens.has_data(scenario)) chosen.push_back(&lens);
  if (chosen.empty()) err << fmt::format("{}: error: the scenario has nothing for a sensitivity analysis (lenses: {})\n", input_name(file), sensitivity_lens_names());
  return chosen;
}

std::string sensitivity_lens_names() {
  std::vector<std::string> names;
  for (const auto& lens : sensitivity_lenses()) names.push_back(lens.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

int sensitivity(const std::string& file, const SensitivityOptions& options, std::ostream& out, std::ostream& err) {
  if (!known_lenses(options, err)) return bad_input;  // before the file is read: bad usage whatever the file
  const auto scenario = load_or_report(file, err);
  if (!scenario) return bad_input;
  const auto lenses = chosen_lenses(*scenario, options, file, err);
  if (lenses.empty()) return analysis_failed;
  out << render_sensitivity(*scenario, lenses, {options.max_work, options.format == "json", options.by_judgment});
  return ok;
}

}  // namespace statecraft::cli
