// statecraft: the command line. Parses arguments and hands each subcommand to cli/commands.

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>

#include "cli/command_docs.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/subcommand_suggestion.hpp"
#include "games/perfect_bayesian.hpp"
#include "games/sequence_form.hpp"
#include "scenario/work.hpp"

namespace {

// The command line's numbers, each checked against its documented range before anything runs.
// CLI11's own conversion wraps -1 around for an unsigned option, and its CLI::Range lets NaN
// through (every comparison with NaN is false).
template <typename Number>
CLI::Validator number_within(Number low, Number high, const std::string& range) {
  return {[=](std::string& input) -> std::string {
            Number value{};
            const char* end = input.data() + input.size();
            const auto [stop, error] = std::from_chars(input.data(), end, value);
            if (error == std::errc{} && stop == end && std::isfinite(value) && value >= low && value <= high) return {};
            return fmt::format("must be {}, found '{}'", range, input);
          },
          range};
}

CLI::Validator whole_number(std::uint64_t low, std::uint64_t high) {
  return number_within(low, high, fmt::format("a whole number from {} to {}", low, high));
}

CLI::Validator real_number(double low, double high) { return number_within(low, high, fmt::format("a number from {:g} to {:g}", low, high)); }

// Far above what the models need (they settle within tens of rounds) and low enough that the
// rounds kept for --trajectory stay small.
constexpr std::uint64_t max_rounds = 1000;

// Options of the dynamic models, shared by forecast and backtest.
void add_model_options(CLI::App* command, statecraft::ModelParameters& parameters) {
  using Settings = statecraft::ExpectedUtilitySettings;
  auto& eu = parameters.expected_utility;
  command->add_option("--q", eu.status_quo_probability, "expected-utility: probability Q that the status quo persists")
      ->check(real_number(0, 1))->capture_default_str();
  static const std::map<std::string, Settings::ConflictRule> rules{
      {"concede", Settings::ConflictRule::Concede}, {"expected", Settings::ConflictRule::Expected}, {"stay", Settings::ConflictRule::Stay}};
  command->add_option("--conflict", eu.conflict, "expected-utility: who moves in a conflict: concede (the weaker side, default), expected, stay")
      ->transform(CLI::CheckedTransformer(rules));
  static const std::map<std::string, Settings::SuccessProbability> probabilities{
      {"program", Settings::SuccessProbability::Program}, {"paper", Settings::SuccessProbability::Paper}};
  command->add_option("--eu-probability", eu.probability,
                      "expected-utility: the probability of success: program (Scholz et al.'s program, reproducing their Table 2; default) or paper "
                      "(their eq. 31 as printed: linear votes, normalised per pair)")
      ->transform(CLI::CheckedTransformer(probabilities));
  command->add_option("--eu-rounds", eu.max_rounds, "expected-utility: at most this many rounds")->check(whole_number(1, max_rounds))->capture_default_str();
  command->add_option("--exchange-rounds", parameters.exchange.max_rounds, "exchange: at most this many rounds")
      ->check(whole_number(1, max_rounds))->capture_default_str();
  command->add_option("--max-work", parameters.max_work, "Refuse a model estimated above this many operations (about 1 ns each; docs/models/README.md)")
      ->check(real_number(1, 1e300))->capture_default_str();
}

// Progress shows only on a terminal; --quiet silences it there too.
void add_quiet_flag(CLI::App* command, bool& quiet) {
  command->add_flag("-q,--quiet", quiet, "Show no progress on stderr (shown only when stderr is a terminal, for work over a second)");
}

// Hidden subcommands (no group): the man page and the completions, written from the definitions
// of the others, for the build to install.
int print_command_docs(const CLI::App& app, const CLI::App& completions, const std::string& shell) {
  const auto program = statecraft::cli::describe(app, STATECRAFT_VERSION);
  if (completions) std::cout << (shell == "bash" ? bash_completion(program) : zsh_completion(program));
  else std::cout << man_page(program);
  return statecraft::cli::ok;
}

int run(int argc, char** argv) {
  using namespace statecraft;
  CLI::App app{"statecraft: analyse strategic standoffs between states (bargaining, conflict stability, games)", "statecraft"};
  app.set_version_flag("--version", std::string("statecraft ") + STATECRAFT_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 ok, 1 analysis failed, 2 bad usage or bad input.\n"
             "Scenario format: docs/scenario-format.md");

  std::vector<std::string> validate_files;
  auto* validate = app.add_subcommand("validate", "Check scenario files; report every problem as FILE:LINE:COL: error: message");
  validate->add_option("files", validate_files, "Scenario files (.yaml, .yml or .json; - for standard input)")->required()->type_name("FILE");
  bool validate_strict = false;
  validate->add_flag("--strict", validate_strict, "Fail (exit 2) on warnings too: unexplained judgments, hindsight sources, options no one cares about");
  std::string validate_format = "text";
  validate->add_option("--format", validate_format, "text (diagnostics on stderr as FILE:LINE:COL) or json (everything on stdout)")
      ->check(CLI::IsMember({"text", "json"}))->capture_default_str();

  std::string analyze_file;
  std::string format = "text";
  auto* analyze = app.add_subcommand("analyze", "Run every lens the scenario has data for and print the analyst's report")->alias("analyse");
  analyze->add_option("file", analyze_file, "Scenario file (- for standard input)")->required()->type_name("FILE");
  analyze->add_option("--format", format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();

  std::string brief_file, brief_output, brief_format = "html";
  auto* brief = app.add_subcommand("brief", "One report for a reader who is not a modeller: bottom line, charts, what the answer hangs on, the evidence");
  brief->add_option("file", brief_file, "Scenario file (- for standard input)")->required()->type_name("FILE");
  brief->add_option("-o,--output", brief_output, "Write it to this file (default: standard output)")->type_name("FILE");
  std::vector<std::string> brief_articles;
  brief->add_option("--articles", brief_articles, "News articles to code: their events that bear on the conflict's options go into the evidence appendix")
      ->type_name("FILE");
  brief->add_option("--format", brief_format, "html (one self-contained page), md, text or json")->check(CLI::IsMember({"html", "md", "text", "json"}))->capture_default_str();

  std::string forecast_file;
  cli::ForecastOptions forecast_options;
  auto* forecast = app.add_subcommand("forecast", "Where each issue ends: bargaining models' forecasts per issue");
  forecast->add_option("file", forecast_file, "Scenario file (- for standard input)")->required()->type_name("FILE");
  forecast->add_option("--model", forecast_options.models, "Models, comma-separated, or all (default): compromise, median, nash, deciders, expected-utility, exchange, smp")->delimiter(',');
  forecast->add_option("--format", forecast_options.format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  forecast->add_option("--samples", forecast_options.samples, "Monte Carlo samples with jittered inputs (0: none)")
      ->check(whole_number(0, cli::max_samples))->capture_default_str();
  forecast->add_option("--seed", forecast_options.seed, "Seed of the Monte Carlo samples")
      ->check(whole_number(0, std::numeric_limits<std::uint64_t>::max()))->capture_default_str();
  add_model_options(forecast, forecast_options.parameters);
  forecast->add_option("--trajectory", forecast_options.trajectory_file, "Write every round of the dynamic models to this CSV file")->type_name("FILE");
  forecast->add_option("--chart", forecast_options.chart_file, "Draw one issue's rounds (see --issue) to this SVG file")->type_name("FILE");
  forecast->add_option("--issue", forecast_options.chart_issue, "The issue --chart draws (default: the first)");
  forecast->add_option("--jitter", forecast_options.jitter,
                       "Noise SDs: position=0.05,status_quo=0.05 (shares of each issue's scale),salience=0.1,capability=0.2 "
                       "(multiplies by exp(N(0,SD))),threshold=0.05 (qualified majorities)");
  add_quiet_flag(forecast, forecast_options.quiet);

  std::vector<std::string> backtest_files;
  cli::BacktestOptions backtest_options;
  auto* backtest = app.add_subcommand("backtest", "Score the bargaining models against real outcomes (mean absolute error)");
  backtest->add_option("file", backtest_files, "DEU data file (- for standard input), or scenario files whose issues have outcomes")->required()->type_name("FILE");
  backtest->add_option("--input-format", backtest_options.input_format,
                       "Input: deu (DEU data sets: p<actor>, s<actor>, rp, out, the codebook's metadata) or scenario (issues with outcome:)")
      ->check(CLI::IsMember({"deu", "scenario"}))->capture_default_str();
  backtest->add_option("--folds", backtest_options.folds, "Cross-validation folds across proposals (fewer when there are fewer proposals)")
      ->check(whole_number(2, 1000))->capture_default_str();
  backtest->add_option("--seed", backtest_options.seed, "Seed of the folds and the bootstrap")
      ->check(whole_number(0, std::numeric_limits<std::uint64_t>::max()))->capture_default_str();
  backtest->add_option("--save-fit", backtest_options.fitted_file, "Write the fitted models' parameters (fitted on every issue) to this JSON file")
      ->type_name("FILE.json");
  backtest->add_option("--capabilities", backtest_options.capabilities_file, "File of actor,capability lines (default: equal)")->type_name("FILE");
  backtest->add_option("--model", backtest_options.models, "Models, comma-separated, or all (default)")->delimiter(',');
  add_model_options(backtest, backtest_options.parameters);
  backtest->add_option("--per-issue", backtest_options.per_issue_file, "Write every issue's forecast, outcome and error by every model to this CSV file")
      ->type_name("FILE.csv");
  backtest->add_option("--format", backtest_options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))->capture_default_str();

  std::string stability_file;
  cli::StabilityOptions stability_options;
  auto* stability = app.add_subcommand("stability", "Which outcomes hold: Graph Model stability (Nash, GMR, SMR, SEQ) of the conflict section");
  stability->add_option("file", stability_file, "Scenario file, or a gmcr-py/GMCR+ .gmcr file (- for standard input)")->required()->type_name("FILE");
  stability->add_option("--format", stability_options.format, "Output format")->check(CLI::IsMember({"text", "json", "csv"}))->capture_default_str();
  stability->add_flag("--table", stability_options.full_table,
                      "List every state: the full GMCR tableau in text, each state's row in JSON (by default only for small conflicts)");
  stability->add_option("--coalition", stability_options.coalition, "Analyse these decision makers moving together, e.g. RUS,CHN")->delimiter(',');
  stability->add_option("--graph", stability_options.graph_file, "Draw the state transition graph to FILE.dot (or FILE.svg with Graphviz installed)")->type_name("FILE");
  stability->add_option("--max-states", stability_options.max_states, "Refuse conflicts of more feasible states than this")
      ->check(whole_number(1, std::uint64_t{1} << 24))->capture_default_str();
  stability->add_option("--max-steps", stability_options.max_steps, "Refuse analyses estimated to take more steps than this (a step takes 2 to 20 ns)")
      ->check(real_number(1, 1e15))->capture_default_str();
  stability->add_option("--make-stable", stability_options.make_stable,
                        "The inverse question: the fewest changes to the decision makers' preferences that would make state N (as numbered in the report) an equilibrium")
      ->check(whole_number(1, 1u << 24))->type_name("N");
  stability->add_option("--concept", stability_options.concept_name, "The concept --make-stable asks for: Nash, GMR, SMR or SEQ")
      ->check(CLI::IsMember({"Nash", "GMR", "SMR", "SEQ"}))->capture_default_str();
  add_quiet_flag(stability, stability_options.quiet);

  std::string solve_target;
  cli::SolveOptions solve_options;
  auto* solve = app.add_subcommand("solve", "Is the threat credible: equilibria of the scenario's games (FILE or FILE#game), or of a Gambit .nfg/.efg file");
  solve->add_option("target", solve_target, "Scenario file, optionally #game-id (- for standard input); or a Gambit .nfg or .efg file")->required()->type_name("FILE");
  solve->add_option("--format", solve_options.format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  solve->add_option("--method", solve_options.method,
                    "Strategic games: all (default: pure equilibria, dominance, every extreme equilibrium up to 32 strategies between two players "
                    "or else Lemke-Howson from every label, logit, correlated equilibria; each within a budget of estimated work, so that it ends in seconds, and what it "
                    "skips is listed with the method that runs it), pure, dominance, enummixed (every extreme equilibrium, up to 64 strategies), "
                    "lcp (the Lemke-Howson graph), logit, correlated (the mediator's best deals: correlated equilibria by linear programming, checked "
                    "exactly), gnm (three or more players: the global Newton method's paths); an explicit method runs whatever the game's size, with progress on stderr")->capture_default_str();
  solve->add_option("--max-lcp-rows", solve_options.max_lcp_rows,
                    "Trees with information sets: refuse a sequence form whose LCP has more rows than this (default " +
                        std::to_string(statecraft::default_max_lcp_rows) + ")")
      ->check(whole_number(1, 100'000));
  solve->add_option("--max-profiles", solve_options.max_pure_profiles,
                    "Trees with information sets: search perfect Bayesian equilibria only when the tree has at most this many pure strategy profiles (default " +
                        fmt::format("{:.0f}", double{statecraft::default_max_pure_profiles}) + ")")
      ->check(whole_number(1, 1'000'000'000));
  add_quiet_flag(solve, solve_options.quiet);

  std::string sensitivity_file;
  cli::SensitivityOptions sensitivity_options;
  auto* sensitivity = app.add_subcommand("sensitivity", "What the answers hang on: each judgment's effect, the knife edges where a conclusion changes, variance shares");
  sensitivity->add_option("file", sensitivity_file, "Scenario file (- for standard input)")->required()->type_name("FILE");
  sensitivity->add_option("--lens", sensitivity_options.lenses, "Lenses, comma-separated (default: every lens the scenario has data for): " + cli::sensitivity_lens_names())
      ->delimiter(',');
  sensitivity->add_option("--format", sensitivity_options.format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  sensitivity->add_option("--max-work", sensitivity_options.max_work,
                          "Leave out a model whose part of the analysis is estimated above this many operations (about 1 ns each)")
      ->check(real_number(1, 1e300))->capture_default_str();
  sensitivity->add_flag("--by-judgment", sensitivity_options.by_judgment,
                        "Spatial: variance shares of each single judgment too (an actor's position, salience, capability apart; about 3x the Monte Carlo)");

  std::string import_file;
  auto* import = app.add_subcommand("import", "Write another tool's file (KTAB or Decide .csv, gmcr-py .gmcr) in the scenario language, to stdout");
  import->add_option("file", import_file, "KTAB CSV scenario (.csv)")->required()->type_name("FILE");

  // diff: two versions of a scenario compared (docs/diff.md).
  std::string diff_before, diff_after, diff_format = "text";
  auto* diff = app.add_subcommand("diff", "Which judgments changed between two versions of a scenario, and how each lens's answers changed");
  diff->add_option("before", diff_before, "The older scenario file")->required()->type_name("FILE");
  diff->add_option("after", diff_after, "The newer scenario file")->required()->type_name("FILE");
  diff->add_option("--format", diff_format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();

  std::vector<std::string> events_files;
  cli::EventsOptions events_options;
  auto* events = app.add_subcommand("events", "What the evidence is: news articles coded into events (who did what to whom, CAMEO and PLOVER, Goldstein, status)");
  events->add_option("files", events_files, "Plain-text articles, or JSON Lines of {id, date, source, text} (default, or -: standard input)")->type_name("FILE");
  events->add_option("--format", events_options.format, "Output format: jsonl, csv, text (json with --evaluate or --summary; svg with --summary)")
      ->check(CLI::IsMember({"jsonl", "csv", "text", "json", "svg"}))->capture_default_str();
  events->add_flag("--summary", events_options.summary,
                   "Relations between the actors instead of the events: per pair and month, cooperative and conflictual events and their mean Goldstein weight");
  events->add_option("--dictionaries", events_options.dictionaries, "Directory of PETRARCH/TABARI dictionaries (*actors*, *agents*, *verbs*, *discards*); default: the built-in ones")
      ->type_name("DIR");
  events->add_option("--date", events_options.date, "Date (YYYY-MM-DD) of articles that give none; it decides who holds an office (default: today)")->type_name("DATE");
  events->add_option("--evaluate", events_options.evaluate, "Score the coder against a gold standard: PETRARCH validation records (.xml) or PLOVER gold-standard records (JSON)")
      ->type_name("GOLD");
  events->add_flag("--list-wrong", events_options.list_wrong, "With --evaluate: list every record not coded right");
  events->add_option("--threads", events_options.threads, "Threads (default: every core); the output is the same with any number")->check(whole_number(1, 1024));

  std::string evidence_scenario;
  std::vector<std::string> evidence_files;
  cli::EventsOptions evidence_options;
  evidence_options.format = "text";
  auto* evidence = app.add_subcommand("evidence", "What the evidence is: for each of a scenario's judgments, the coded events of the articles that support or contradict it");
  evidence->add_option("scenario", evidence_scenario, "Scenario file")->required()->type_name("FILE");
  evidence->add_option("articles", evidence_files, "The articles (plain text named after a source's id, or JSON Lines with the ids; - for standard input)")
      ->required()->type_name("FILE");
  evidence->add_option("--format", evidence_options.format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  evidence->add_option("--dictionaries", evidence_options.dictionaries, "Directory of PETRARCH/TABARI dictionaries; default: the built-in ones")->type_name("DIR");
  evidence->add_option("--date", evidence_options.date, "Date (YYYY-MM-DD) of articles that give none (default: the scenario's)")->type_name("DATE");

  std::vector<std::string> draft_files;
  cli::EventsOptions draft_options;
  auto* draft = app.add_subcommand("draft", "Sketch a scenario from news articles: the actors, candidate options and games from the coded events, marked DRAFT");
  draft->add_option("files", draft_files, "Plain-text articles, or JSON Lines of {id, date, source, text} (default, or -: standard input)")->type_name("FILE");
  draft->add_option("--dictionaries", draft_options.dictionaries, "Directory of PETRARCH/TABARI dictionaries; default: the built-in ones")->type_name("DIR");
  draft->add_option("--date", draft_options.date, "Date (YYYY-MM-DD) of articles that give none (default: today)")->type_name("DATE");

  std::string sweep_spec;
  cli::SweepOptions sweep_options;
  auto* sweep = app.add_subcommand("sweep", "Monte Carlo over scenarios and a grid of model parameters, split across MPI ranks (mpirun -np N) or local cores");
  sweep->add_option("spec", sweep_spec, "Sweep specification (YAML: sweep, scenarios, samples, seed, models, grid; docs/sweep.md)")->required()->type_name("SPEC.yaml");
  sweep->add_option("-o,--output", sweep_options.output, "Write the results (JSON Lines) to this file (default: standard output)")->type_name("FILE");
  sweep->add_option("--threads", sweep_options.threads, "Threads per rank (default: every core); the output is the same with any number")->check(whole_number(1, 1024));
  sweep->add_option("--max-work", sweep_options.max_work, "Refuse a scenario and grid point whose samples are estimated above this many operations")
      ->check(real_number(1, 1e300))->capture_default_str();
  sweep->add_flag("--stats", sweep_options.stats, "Print each rank's compute time and the bytes it sent, on stderr");
  std::string sweep_shard;
  sweep->add_option("--shard", sweep_shard, "Compute only shard I of N of every run's samples, to -o FILE (job arrays without MPI); --merge joins them")
      ->type_name("I/N")->check([](const std::string& text) -> std::string {
        std::size_t i = 0, n = 0;
        char slash = 0;
        std::istringstream in(text);
        return (in >> i >> slash >> n) && in.eof() && slash == '/' && i >= 1 && i <= n && n <= 100000 ? "" : "must be I/N with 1 <= I <= N <= 100000";
      });
  sweep->add_option("--store", sweep_options.store, "Record the sweep (its specification and files, every option, the results) in this SQLite store; rank 0 writes")
      ->type_name("FILE.db");
  sweep->add_option("--merge", sweep_options.merge, "The shards' files (from --shard I/N), every one of them: written as one run")->type_name("FILE");

  cli::RunsOptions runs_options;
  auto* runs = app.add_subcommand("runs", "The runs recorded with --store: list them, show one, diff two (answers and inputs), export them as JSON Lines");
  runs->add_option("action", runs_options.action, "list, show ID, diff ID ID, or export [ID...]")->required()->check(CLI::IsMember({"list", "show", "diff", "export"}));
  runs->add_option("store", runs_options.store_file, "The store (an SQLite file written by --store)")->required()->type_name("FILE.db");
  runs->add_option("ids", runs_options.ids, "Run ids, as runs list shows them")->check(whole_number(1, std::numeric_limits<std::int64_t>::max()))->type_name("ID");
  runs->add_option("--format", runs_options.format, "list: text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();

  // --store on every analysing command; only one runs, so they share the variable.
  std::string store_file;
  for (auto* command : {analyze, brief, forecast, stability, solve, backtest, sensitivity, evidence})
    command->add_option("--store", store_file, "Record the run (inputs, every parameter, results) in this SQLite store; statecraft runs reads it")
        ->type_name("FILE.db");

  std::string completion_shell;
  auto* completions = app.add_subcommand("completions", "Print the completion script for bash or zsh")->group("");
  completions->add_option("shell", completion_shell, "The shell")->required()->check(CLI::IsMember({"bash", "zsh"}));
  auto* manual = app.add_subcommand("man", "Print the man page (troff)")->group("");

  if (const auto unknown = cli::unknown_subcommand(app, argc, argv)) {
    std::cerr << *unknown << "\nRun with --help for more information.\n";
    return cli::bad_input;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version: printed to stdout, exit 0
  } catch (const CLI::ParseError& e) {
    app.exit(e, std::cerr, std::cerr);
    return cli::bad_input;
  }

  forecast_options.probability_given = forecast->get_option("--eu-probability")->count() > 0;
  const auto dispatch = [&](std::ostream& out, std::ostream& err) -> int {
    if (*validate)
      return validate_format == "json" ? cli::validate_json(validate_files, validate_strict, out) : cli::validate(validate_files, validate_strict, out, err);
    if (*analyze) return cli::analyze(analyze_file, format, out, err);
    if (*brief) return cli::brief(brief_file, brief_format, brief_output, brief_articles, out, err);
    if (*forecast) return cli::forecast(forecast_file, forecast_options, out, err);
    if (*stability) return cli::stability(stability_file, stability_options, out, err);
    if (*solve) return cli::solve(solve_target, solve_options, out, err);
    if (*import) return cli::import_scenario(import_file, out, err);
    if (*backtest) return cli::backtest(backtest_files, backtest_options, out, err);
    if (*sensitivity) return cli::sensitivity(sensitivity_file, sensitivity_options, out, err);
    if (*evidence) return cli::evidence(evidence_scenario, evidence_files, evidence_options, out, err);
    if (*draft) return cli::draft(draft_files, draft_options, out, err);
    if (*events) return cli::events(events_files, events_options, out, err);
    if (*diff) return cli::diff(diff_before, diff_after, diff_format, out, err);
    if (*runs) return cli::runs(runs_options, out, err);
    if (*sweep) {
      if (!sweep_shard.empty()) {
        std::istringstream in(sweep_shard);
        char slash = 0;
        in >> sweep_options.shard >> slash >> sweep_options.shards;
      }
      sweep_options.arguments.assign(argv + 1, argv + argc);
      sweep_options.parameters = sweep->config_to_str(true, false);
      return cli::sweep(sweep_spec, sweep_options, out, err);
    }
    if (*completions || *manual) return print_command_docs(app, *completions, completion_shell);
    return cli::bad_input;
  };
  try {
    if (store_file.empty()) return dispatch(std::cout, std::cerr);
    CLI::App* const command = app.get_subcommands().front();
    cli::StoredCommand stored{store_file, command->get_name(), std::vector<std::string>(argv + 1, argv + argc), command->config_to_str(true, false), {}, nullptr,
                              dispatch, nullptr};
    const std::map<const CLI::App*, std::pair<std::string*, std::vector<std::string>>> of{
        {analyze, {&format, {analyze_file}}},
        {brief, {&brief_format, [&] { auto files = brief_articles; files.insert(files.begin(), brief_file); return files; }()}},
        {forecast, {&forecast_options.format, {forecast_file}}},
        {stability, {&stability_options.format, {stability_file}}},
        {solve, {&solve_options.format, {solve_target.substr(0, solve_target.find('#'))}}},
        {backtest, {&backtest_options.format, backtest_files}},
        {sensitivity, {&sensitivity_options.format, {sensitivity_file}}},
        {evidence, {&evidence_options.format, [&] { auto files = evidence_files; files.insert(files.begin(), evidence_scenario); return files; }()}},
    };
    std::tie(stored.format, stored.inputs) = of.at(command);
    if (command == backtest && !backtest_options.capabilities_file.empty()) stored.inputs.push_back(backtest_options.capabilities_file);
    if (command == brief) stored.before_json = [&] { brief_output.clear(); };
    return cli::run_and_record(stored, std::cout, std::cerr);
  } catch (const WorkTooLarge& e) {
    std::cerr << "statecraft: refused: " << e.what() << '\n';
    return cli::bad_input;
  } catch (const std::exception& e) {
    std::cerr << "statecraft: error: " << e.what() << '\n';
    return cli::analysis_failed;
  }
  return cli::bad_input;
}

}  // namespace

// Every report goes out through StandardOutput: control characters shown by their code, and a
// report that did not reach stdout a failure, whatever the command returned (the last of it is
// only written when the buffer is flushed, at the end).
int main(int argc, char** argv) {
  statecraft::cli::StandardOutput output;
  std::streambuf* const original = std::cout.rdbuf(&output);
  const int code = run(argc, argv);
  std::cout.flush();
  std::cout.rdbuf(original);
  if (output.error() == 0) return code;
  std::cerr << "statecraft: error: cannot write the output (" << std::strerror(output.error()) << ")\n";
  return statecraft::cli::analysis_failed;
}
