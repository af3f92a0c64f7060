#pragma once
// The subcommands, each a thin layer over the library: read input, call an engine, print.
// Each returns the process exit code.

#include <cstdint>

#include "bargaining/forecast.hpp"
#include "conflict/graph_model.hpp"
#include "report/brief.hpp"
#include "scenario/diagnostics.hpp"
#include <iosfwd>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace statecraft::cli {

enum ExitCode { ok = 0, analysis_failed = 1, bad_input = 2 };

// Each kept error as FILE:LINE:COL: error: message, then how many more there were.
void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err);
// The scenario, or nothing after its diagnostics were printed.
std::optional<Scenario> load_or_report(const std::string& file, std::ostream& err);
// Writes the file whole, or says why not; a full disk is found at its close.
bool write_file(const std::string& file, const std::string& text, std::ostream& err);

// statecraft sweep SPEC.yaml (docs/sweep.md).
struct SweepOptions {
  std::string output;     // empty: standard output
  unsigned threads = 0;   // per rank; 0: every core
  double max_work = 1e14; // estimated operations of one scenario at one grid point, all samples
  bool stats = false;     // each rank's compute time and bytes sent, on stderr
  std::size_t shard = 0, shards = 0;  // --shard I/N: compute only shard I's samples, to -o FILE
  std::vector<std::string> merge;     // --merge FILE...: the shards' files, summarised as one run
  std::string store;                  // --store FILE.db: rank 0 records the sweep's results there
  std::vector<std::string> arguments;  // as given, and every option's value: what --store records
  std::string parameters;
};
int sweep(const std::string& spec_file, const SweepOptions& options, std::ostream& out, std::ostream& err);

struct EventsOptions {
  std::string format = "jsonl";  // jsonl, csv or text; json for --evaluate
  std::string dictionaries;      // a directory of PETRARCH/TABARI dictionaries; empty: the built-in ones
  std::string date;              // YYYY-MM-DD for articles that give none; empty: today
  std::string evaluate;          // a gold standard to score the coder against, instead of coding articles
  bool list_wrong = false;       // with --evaluate: every record not coded right
  bool summary = false;          // relations per pair of actors and month instead of the events
  unsigned threads = 0;          // 0: every core
};

// A sweep's share of a corpus: articles part, part + parts, ... of the files (in their order)
// coded, each with its index in the corpus and its events as `events --format jsonl` writes them.
int code_corpus_part(const std::vector<std::string>& files, const EventsOptions& options, std::size_t part, std::size_t parts,
                     std::vector<std::pair<std::size_t, std::string>>& coded, std::ostream& err);

// Codes articles (plain text files, or JSON Lines of {id, date, source, text} from files or
// standard input) into events, streaming: memory is bounded by the dictionaries and one batch.
int events(const std::vector<std::string>& files, const EventsOptions& options, std::ostream& out, std::ostream& err);
// For each of the scenario's judgments, the coded events of the articles that support or
// contradict it (docs/events.md).
int evidence(const std::string& scenario_file, const std::vector<std::string>& files, const EventsOptions& options, std::ostream& out, std::ostream& err);
// The articles' events that bear on the scenario's options, into the brief's evidence appendix;
// false, with the reasons on `err`, when the articles cannot be read.
bool add_news(const Scenario& scenario, const std::vector<std::string>& files, Brief& brief, std::ostream& err);
// A scenario sketched from the articles' events (YAML on `out`), marked DRAFT for the analyst.
int draft(const std::vector<std::string>& files, const EventsOptions& options, std::ostream& out, std::ostream& err);

// Warnings are printed and leave the exit code at 0 unless `strict`.
int validate(const std::vector<std::string>& files, bool strict, std::ostream& out, std::ostream& err);
// The same verdicts as JSON on `out` (docs/schema/validate.schema.json); the exit code as validate's.
int validate_json(const std::vector<std::string>& files, bool strict, std::ostream& out);
int analyze(const std::string& file, const std::string& format, std::ostream& out, std::ostream& err);
// `output` empty: the brief goes to `out`.
int brief(const std::string& file, const std::string& format, const std::string& output, const std::vector<std::string>& articles, std::ostream& out,
          std::ostream& err);
// --samples beyond this say nothing more: quantiles settle long before.
inline constexpr std::size_t max_samples = 100'000;
inline constexpr double max_capability_jitter = 5;
// Positions and the status quo are jittered by a share of the scale: an SD of the whole scale
// already spreads every sample over it (and `position=5`, as it was written when the SD was in
// scale points, is caught rather than read as 500 %). Thresholds live in (0.5, 1].
inline constexpr double max_scale_jitter = 1;
inline constexpr double max_threshold_jitter = 0.5;

struct ForecastOptions {
  std::vector<std::string> models;  // may hold "all"
  std::string format = "text";
  std::size_t samples = 0;          // 0: no uncertainty analysis; at most max_samples
  std::uint64_t seed = 1;
  std::string jitter;               // "position=0.05,salience=0.1,capability=0.2,status_quo=0.05,threshold=0.05"; empty: defaults
  std::string trajectory_file;      // CSV of every round of the dynamic models
  std::string chart_file;           // SVG of one issue's rounds
  std::string chart_issue;          // that issue; empty: the first
  bool quiet = false;               // no progress line, even on a terminal
  bool probability_given = false;   // --eu-probability was given: it overrides the scenario's models: choice
  ModelParameters parameters;
};

int forecast(const std::string& file, ForecastOptions options, std::ostream& out, std::ostream& err);

struct BacktestOptions {
  std::string input_format = "deu";
  std::string capabilities_file;  // empty: equal capabilities
  std::vector<std::string> models;
  std::string format = "text";  // of the output; the input's layout is input_format
  std::string per_issue_file;    // CSV of every issue's forecast by every model
  std::string fitted_file;       // JSON of the fitted models' parameters
  std::size_t folds = 10;        // of the cross-validation across proposals
  std::uint64_t seed = 1;        // of the folds and the bootstrap
  ModelParameters parameters;
};

// Another tool's file (KTAB .csv) written out in the scenario language.
int import_scenario(const std::string& file, std::ostream& out, std::ostream& err);

struct StabilityOptions {
  std::string format = "text";  // text, json or csv
  bool full_table = false;      // every state: the GMCR tableau in text, each state's row in JSON
  std::string graph_file;       // the transition graph as .dot, or as .svg through Graphviz's dot
  std::vector<std::string> coalition;
  std::uint64_t max_states = default_max_states;
  double max_steps = default_max_steps;
  std::size_t make_stable = 0;        // a state number (1-based): the fewest preference changes that make it an equilibrium
  std::string concept_name = "SEQ";   // under which concept: Nash, GMR, SMR or SEQ
  bool quiet = false;  // no progress line, even on a terminal
};

int stability(const std::string& file, const StabilityOptions& options, std::ostream& out, std::ostream& err);

struct SolveOptions {
  std::string format = "text";
  std::string method = "all";  // all, pure, dominance, enummixed, lcp, logit; trees ignore it
  std::size_t max_lcp_rows = 0;  // 0: the default limit of the sequence form
  std::size_t max_pure_profiles = 0;  // 0: the default limit of the perfect Bayesian enumeration
  bool quiet = false;            // no progress line, even on a terminal
};

// target: FILE or FILE#game; a .nfg or .efg file is a Gambit game.
int solve(const std::string& target, const SolveOptions& options, std::ostream& out, std::ostream& err);

// files: one DEU data set, or scenario files whose issues carry outcomes (--input-format scenario).
int backtest(const std::vector<std::string>& files, BacktestOptions options, std::ostream& out, std::ostream& err);

// --store FILE.db: the command run with its output captured, printed, and recorded in the store
// with its inputs (text and SHA-256), every parameter, and its results as JSON (the run itself
// when its format is json, else the same run once more with --format json).
struct StoredCommand {
  std::string store_file;
  std::string command;                  // the subcommand's name
  std::vector<std::string> arguments;   // as given
  std::string parameters;               // every option and its value, defaults too
  std::vector<std::string> inputs;      // the files it reads
  std::string* format = nullptr;        // the command's --format variable; none: no JSON results
  std::function<int(std::ostream& out, std::ostream& err)> run;
  std::function<void()> before_json;    // what the JSON rerun must not repeat (brief: writing its --output file)
};
int run_and_record(const StoredCommand& command, std::ostream& out, std::ostream& err);

// statecraft runs list|show|diff|export STORE [ID...]
struct RunsOptions {
  std::string action;
  std::string store_file;
  std::vector<std::int64_t> ids;
  std::string format = "text";  // list: text or json
};
int runs(const RunsOptions& options, std::ostream& out, std::ostream& err);

struct SensitivityOptions {
  std::vector<std::string> lenses;  // empty: every lens the scenario has data for
  std::string format = "text";
  double max_work = ModelParameters{}.max_work;  // the spatial lens skips models beyond it
  bool by_judgment = false;                      // variance shares of each single judgment too
};

// The lenses --lens takes, comma-separated, for --help.
std::string sensitivity_lens_names();

int sensitivity(const std::string& file, const SensitivityOptions& options, std::ostream& out, std::ostream& err);

// Which judgments and answers changed from one version of a scenario to another; 0 also when
// nothing did, 2 when either file cannot be read (every problem of both is reported).
int diff(const std::string& before_file, const std::string& after_file, const std::string& format, std::ostream& out, std::ostream& err);

}  // namespace statecraft::cli
