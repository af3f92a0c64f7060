// statecraft sweep SPEC.yaml (docs/sweep.md): the Monte Carlo of every scenario at every point of
// a grid of model parameters and judgments, or the coding of a news corpus, split across the ranks
// of an MPI run or across the shards of a job array (--shard, --merge). A sample depends only on
// the seed and its index (jittered_issues), an article's events only on the article, and rank 0
// (or --merge) puts the parts back in index order before it summarises them, so the output is the
// same byte for byte whatever the number of ranks, shards and threads: `forecast --samples N
// --seed S`'s for each run, `events`' for a corpus.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "bargaining/uncertainty.hpp"
#include "cli/commands.hpp"
#include "cli/ranks.hpp"
#include "formats/load.hpp"
#include "formats/sweep_spec.hpp"
#include "report/spatial_sensitivity.hpp"
#include "report/uncertainty_table.hpp"
#include "scenario/input_file.hpp"
#include "store/run_store.hpp"

namespace statecraft::cli {
namespace {

using Point = std::vector<std::pair<std::string, std::string>>;  // parameter, value

// Every combination of the grid's values, then of the judgments' (their paths have a dot), the
// first varying slowest.
std::vector<Point> grid_points(const SweepSpec& spec) {
  std::vector<std::pair<std::string, std::vector<std::string>>> axes = spec.grid;
  for (const auto& j : spec.judgments) {
    axes.emplace_back(j.path, std::vector<std::string>{});
    for (double v : j.values) axes.back().second.push_back(fmt::format("{}", v));
  }
  std::vector<Point> points{{}};
  for (const auto& [parameter, values] : axes) {
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

bool is_judgment(const std::string& name) { return name.find('.') != std::string::npos; }

// The scenario with the point's judgments set; the reason when one cannot be.
std::string with_judgments(Scenario& scenario, const Point& point) {
  for (const auto& [path, value] : point)
    if (is_judgment(path))
      if (auto why = set_judgment(scenario, path, std::stod(value)); !why.empty()) return path + " = " + value + ": " + why;
  return {};
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

// A specification as read: its text's SHA-256 (which shards carry), its scenarios, its points.
struct Prepared {
  SweepSpec spec;
  std::string hash;
  std::vector<Job> jobs;
  std::vector<Point> points;
};

// Reads the spec and its scenarios; on any problem prints it (rank 0 only) and returns nothing.
std::optional<Prepared> prepare(const std::string& spec_file, bool speaks, std::ostream& err) {
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
    for (const auto& j : spec->judgments)
      for (double v : j.values) {
        Scenario copy = *scenario;
        if (auto why = set_judgment(copy, j.path, v); !why.empty()) {
          say << fmt::format("{}:{}:{}: error: judgment '{}' = {} in {}: {}\n", input_name(spec_file), j.at.line, j.at.column, j.path, v, path.string(), why);
          return std::nullopt;
        }
      }
    jobs.push_back({path.string(), *scenario});
  }
  auto points = grid_points(*spec);
  if (points.size() > max_sweep_points) {
    say << fmt::format("{}: error: the grid and judgments make {} points, more than the limit of {}\n", input_name(spec_file), points.size(), max_sweep_points);
    return std::nullopt;
  }
  return Prepared{std::move(*spec), sha256_hex(*text.text), std::move(jobs), std::move(points)};
}

}  // namespace

namespace {

// A shard's file: one JSON line (which spec, which shard, how many values per run), then the
// values, native doubles, run after run. Only `--merge` reads it, on the same kind of machine.
constexpr std::string_view shard_magic = "statecraft sweep shard 1\n";

bool write_shard(const std::string& file, const nlohmann::json& header, const std::string& body, std::ostream& err) {
  return write_file(file, std::string(shard_magic) + header.dump() + '\n' + body, err);
}

struct Shard {
  nlohmann::json header;
  std::string body;
};

// The shards' files, in shard order; nothing, after saying why, when they are not the complete
// set of shards of this very specification, each once.
std::optional<std::vector<Shard>> read_shards(const std::vector<std::string>& files, const std::string& spec_hash, std::ostream& err) {
  std::vector<std::optional<Shard>> by_shard;
  for (const auto& file : files) {
    const auto input = read_input_file(file);
    if (!input.text) {
      err << input_name(file) << ": error: " << input.error << '\n';
      return std::nullopt;
    }
    const std::string& text = *input.text;
    const auto header_end = text.find('\n', shard_magic.size());
    auto header = text.starts_with(shard_magic) && header_end != std::string::npos
                      ? nlohmann::json::parse(text.substr(shard_magic.size(), header_end - shard_magic.size()), nullptr, false)
                      : nlohmann::json();
    if (!header.is_object() || !header.contains("shard") || !header.contains("shards")) {
      err << input_name(file) << ": error: not a statecraft sweep shard (made by sweep --shard I/N)\n";
      return std::nullopt;
    }
    if (header.value("spec_sha256", "") != spec_hash) {
      err << input_name(file) << ": error: the shard was made from another sweep specification\n";
      return std::nullopt;
    }
    const std::size_t shard = header["shard"], shards = header["shards"];
    if (by_shard.empty()) by_shard.resize(shards);
    if (shards != by_shard.size() || shard < 1 || shard > shards || by_shard[shard - 1]) {
      err << input_name(file) << fmt::format(": error: shard {} of {} does not fit the others (each of the {} shards once)\n", shard, shards, by_shard.size());
      return std::nullopt;
    }
    by_shard[shard - 1] = Shard{std::move(header), text.substr(header_end + 1)};
  }
  std::vector<Shard> shards;
  for (std::size_t k = 0; k < by_shard.size(); ++k) {
    if (!by_shard[k]) {
      err << fmt::format("statecraft sweep: error: shard {} of {} is missing\n", k + 1, by_shard.size());
      return std::nullopt;
    }
    shards.push_back(std::move(*by_shard[k]));
  }
  return shards;
}

// Every run's values from the shards, in shard order (each shard's body: its runs' values one
// after the other, as native doubles).
std::optional<std::vector<std::vector<double>>> merged_values(const std::vector<Shard>& shards, std::size_t runs, std::ostream& err) {
  std::vector<std::vector<double>> all(runs);
  for (const auto& shard : shards) {
    const auto counts = shard.header.value("values", std::vector<std::size_t>{});
    std::size_t total = 0, offset = 0;
    for (auto c : counts) total += c;
    if (counts.size() != runs || shard.body.size() != total * sizeof(double)) {
      err << fmt::format("statecraft sweep: error: shard {} is truncated or does not match the specification's runs\n", shard.header["shard"].get<std::size_t>());
      return std::nullopt;
    }
    for (std::size_t run = 0; run < runs; ++run) {
      const std::size_t at = all[run].size();
      all[run].resize(at + counts[run]);
      std::memcpy(all[run].data() + at, shard.body.data() + offset, counts[run] * sizeof(double));
      offset += counts[run] * sizeof(double);
    }
  }
  return all;
}

// A part of a corpus's coded articles as bytes, for a gather or a shard: per article its index
// and its text's length (8 bytes each, native), then the text.
std::string serialised(const std::vector<std::pair<std::size_t, std::string>>& coded) {
  std::string bytes;
  for (const auto& [index, text] : coded) {
    const std::uint64_t head[2] = {index, text.size()};
    bytes.append(reinterpret_cast<const char*>(head), sizeof head).append(text);
  }
  return bytes;
}

// The parts' articles back in corpus order, their texts concatenated; nothing if the bytes are
// not what serialised() wrote.
std::optional<std::string> in_corpus_order(const std::string& bytes) {
  std::vector<std::pair<std::uint64_t, std::string_view>> articles;
  for (std::size_t at = 0; at < bytes.size();) {
    std::uint64_t head[2];
    if (bytes.size() - at < sizeof head) return std::nullopt;
    std::memcpy(head, bytes.data() + at, sizeof head);
    at += sizeof head;
    if (head[1] > bytes.size() - at) return std::nullopt;
    articles.emplace_back(head[0], std::string_view(bytes).substr(at, head[1]));
    at += head[1];
  }
  std::sort(articles.begin(), articles.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string text;
  for (const auto& [index, article] : articles) text += article;
  return text;
}

// Where a sweep's results go: standard output or -o FILE, and with --store the run recorded
// (rank 0 only) with the specification and every file it names as its inputs.
struct Results {
  const std::string& spec_file;
  const SweepSpec& spec;
  const SweepOptions& options;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

  int write(const std::string& text, std::ostream& out, std::ostream& err) const {
    if (options.output.empty()) out << text;
    else if (!write_file(options.output, text, err)) return analysis_failed;
    return options.store.empty() ? ok : record(text, err);
  }

 private:
  int record(const std::string& text, std::ostream& err) const {
    RunRecord run;
    run.started = utc_now(), run.command = "sweep", run.arguments = options.arguments, run.version = STATECRAFT_VERSION;
    run.parameters = options.parameters;
    std::vector<std::string> files{spec_file};
    for (const auto& f : spec.scenarios) files.push_back(f.string());
    for (const auto& f : spec.corpus) files.push_back(f.string());
    for (const auto& file : files)
      if (auto input = read_input_file(file); input.text) run.inputs.push_back({file, sha256_hex(*input.text), std::move(*input.text)});
    run.output = text;
    nlohmann::json lines = nlohmann::json::array();
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    run.results = lines.dump();
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    try {
      err << fmt::format("statecraft: recorded as run {} in {}\n", RunStore(options.store).record(run), options.store);
      return ok;
    } catch (const StoreError& e) {
      err << e.what() << '\n';
      return analysis_failed;
    }
  }
};

struct Run {
  const Job* job;
  Point point;
  std::vector<BargainingIssue> issues;
  UncertaintySettings settings;
  Scenario judged;  // the scenario with the point's judgments set
};

nlohmann::json run_header(const Run& run) {
  nlohmann::json parameters = nlohmann::json::object(), judgments = nlohmann::json::object();
  for (const auto& [name, value] : run.point) {
    if (is_judgment(name)) judgments[name] = std::stod(value);
    else parameters[name] = value;
  }
  return {{"scenario", run.job->scenario.id}, {"file", run.job->file}, {"parameters", parameters}, {"judgments", judgments}};
}

// Work whose results are texts, shared out by index (item k to part k mod N): `compute` fills this
// part's (index, text) pairs and returns its exit code. The parts go to a shard's file, or to rank
// 0, which (like --merge) puts them back in index order and writes them.
using IndexedTexts = std::vector<std::pair<std::size_t, std::string>>;
int share_out_texts(const char* kind, const std::string& spec_hash, const SweepOptions& options, const Ranks& ranks, const Results& results,
                    const std::function<int(IndexedTexts&)>& compute, std::ostream& out, std::ostream& err) {
  std::string bytes;
  if (!options.merge.empty()) {
    const auto shards = read_shards(options.merge, spec_hash, err);
    if (!shards) return bad_input;
    for (const auto& shard : *shards) bytes += shard.body;
  } else {
    IndexedTexts mine;
    const int status = compute(mine);
    if (ranks.any(status != ok)) return status == ok ? bad_input : status;  // every rank read the same files
    if (options.shards > 0)
      return write_shard(options.output, {{"spec_sha256", spec_hash}, {"shard", options.shard}, {"shards", options.shards}, {"kind", kind}}, serialised(mine), err)
                 ? ok
                 : analysis_failed;
    bytes = ranks.gather(serialised(mine));
  }
  if (ranks.rank() != 0) return ok;
  const auto text = in_corpus_order(bytes);
  if (!text) {
    err << "statecraft sweep: error: the shards' results are damaged\n";
    return bad_input;
  }
  return results.write(*text, out, err);
}

// Whole runs of the sensitivity analysis shared out (each run is seeded on its own): each line is
// `statecraft sensitivity --lens spatial`'s spatial detail for that scenario and point.
int sweep_sensitivity(const SweepSpec& spec, const std::vector<Run>& runs, const std::string& spec_hash, const SweepOptions& options, const Ranks& ranks,
                      std::size_t part, std::size_t parts, const Results& results, std::ostream& out, std::ostream& err) {
  // The models as statecraft sensitivity takes them: the joint ones (exchange, smp) are left to
  // the Monte Carlo, and the Sobol' indices are the cheap models' (sensitivity.hpp).
  const SensitivitySettings defaults;
  auto among = [&](const std::vector<std::string>& models) {
    std::vector<std::string> kept;
    for (const auto& m : models)
      if (std::find(spec.models.begin(), spec.models.end(), m) != spec.models.end()) kept.push_back(m);
    return kept;
  };
  return share_out_texts("sensitivity", spec_hash, options, ranks, results, [&](IndexedTexts& mine) {
    for (std::size_t r = part; r < runs.size(); r += parts) {
      SensitivitySettings settings;
      settings.models = among(defaults.models);
      settings.sobol_models = among(defaults.sobol_models);
      settings.sobol_samples = spec.samples, settings.seed = spec.seed, settings.threads = options.threads;
      settings.parameters = runs[r].settings.models;
      try {
        nlohmann::json line = run_header(runs[r]);
        line["sensitivity"] = spatial_sensitivity_json(spatial_sensitivity_report(runs[r].judged, settings));
        mine.emplace_back(r, line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n');
      } catch (const std::exception& e) {
        err << fmt::format("statecraft sweep: rank {} of {}: {}: error: {}\n", ranks.rank(), ranks.size(), runs[r].job->file, e.what());
        ranks.abort(analysis_failed);
      }
    }
    return static_cast<int>(ok);
  }, out, err);
}

// A corpus coded across the ranks or shards: the output is `statecraft events --format jsonl`'s.
int sweep_corpus(const SweepSpec& spec, const std::string& spec_hash, const SweepOptions& options, const Ranks& ranks, std::size_t part, std::size_t parts,
                 const Results& results, std::ostream& out, std::ostream& err) {
  return share_out_texts("events", spec_hash, options, ranks, results, [&](IndexedTexts& coded) {
    EventsOptions coding;
    coding.date = spec.date, coding.dictionaries = spec.dictionaries.string(), coding.threads = options.threads;
    std::vector<std::string> files;
    for (const auto& f : spec.corpus) files.push_back(f.string());
    std::ostringstream quiet;
    return code_corpus_part(files, coding, part, parts, coded, ranks.rank() == 0 ? err : quiet);
  }, out, err);
}

}  // namespace

int sweep(const std::string& spec_file, const SweepOptions& options, std::ostream& out, std::ostream& err) {
  const Ranks ranks;
  const bool root = ranks.rank() == 0;
  const auto prepared = prepare(spec_file, root, err);
  if (ranks.any(!prepared)) return bad_input;  // every rank read the same files: all stop together
  bool store_refused = false;  // a store that cannot take the run is refused before the work, as --store's elsewhere
  if (root && !options.store.empty()) try {
      RunStore check(options.store);
    } catch (const StoreError& e) {
      err << e.what() << '\n';
      store_refused = true;
    }
  if (ranks.any(store_refused)) return bad_input;
  const auto& [spec, spec_hash, jobs, points] = *prepared;
  const bool sharded = options.shards > 0, merging = !options.merge.empty();
  if ((sharded || merging) && ranks.size() > 1) {
    if (root) err << "statecraft sweep: --shard and --merge are for runs without MPI (job arrays); under mpirun the ranks share the work\n";
    return bad_input;
  }
  if (sharded && options.output.empty()) {
    err << "statecraft sweep: --shard needs -o FILE, the shard's file for --merge\n";
    return bad_input;
  }
  // This process's part of every run's samples: an MPI rank's, a shard's, or all of them.
  const std::size_t part = sharded ? options.shard - 1 : ranks.rank(), parts = sharded ? options.shards : ranks.size();
  const Results results{spec_file, spec, options};
  if (!spec.corpus.empty()) return sweep_corpus(spec, spec_hash, options, ranks, part, parts, results, out, err);

  std::vector<Run> runs;
  for (const auto& job : jobs)
    for (const auto& point : points) {
      Scenario judged = job.scenario;
      with_judgments(judged, point);  // checked when the spec was read
      Run run{&job, point, bargaining_issues(judged), {}, judged};
      run.settings.samples = spec.samples, run.settings.seed = spec.seed, run.settings.threads = options.threads;
      run.settings.models = at_point(with_model_choices({}, job.scenario), point);
      run.settings.models.max_work = options.max_work;
      try {
        if (spec.analysis == SweepSpec::Analysis::monte_carlo) refuse_costly_samples(run.issues, spec.models, run.settings);
      } catch (const WorkTooLarge& e) {
        if (root) err << "statecraft sweep: refused: " << job.file << ": " << e.what() << '\n';
        return bad_input;  // the same on every rank: the estimate does not depend on the rank
      }
      runs.push_back(std::move(run));
    }

  if (spec.analysis == SweepSpec::Analysis::sensitivity) return sweep_sensitivity(spec, runs, spec_hash, options, ranks, part, parts, results, out, err);

  std::vector<std::vector<double>> values(runs.size());
  double compute_seconds = 0, sent_bytes = 0;
  if (merging) {
    const auto shards = read_shards(options.merge, spec_hash, err);
    if (!shards) return bad_input;
    auto merged = merged_values(*shards, runs.size(), err);
    if (!merged) return bad_input;
    values = std::move(*merged);
  } else {
    for (std::size_t r = 0; r < runs.size(); ++r) {
      std::vector<double> mine;
      try {
        if (const char* fault = std::getenv("STATECRAFT_FAULT_RANK"); fault && std::to_string(ranks.rank()) == fault)
          throw std::runtime_error("a fault injected by STATECRAFT_FAULT_RANK (the tests' way to make a rank fail)");
        const std::size_t first = spec.samples * part / parts, last = spec.samples * (part + 1) / parts;
        const auto started = std::chrono::steady_clock::now();
        mine = sample_forecasts(runs[r].issues, spec.models, runs[r].settings, first, last - first);
        compute_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      } catch (const std::exception& e) {
        err << fmt::format("statecraft sweep: rank {} of {}: {}: error: {}\n", ranks.rank(), ranks.size(), runs[r].job->file, e.what());
        ranks.abort(analysis_failed);  // the others would wait at the gather forever
      }
      if (!root) sent_bytes += static_cast<double>(mine.size() * sizeof(double));
      values[r] = sharded ? std::move(mine) : ranks.gather(mine);
    }
  }
  if (options.stats)
    err << fmt::format("statecraft sweep: rank {} of {}: {:.3f} s computing, {:.0f} bytes sent to rank 0\n", ranks.rank(), ranks.size(), compute_seconds,
                       sent_bytes);
  if (!root) return ok;
  if (sharded) {
    std::vector<std::size_t> counts;
    for (const auto& v : values) counts.push_back(v.size());
    std::string body;
    for (const auto& v : values) body.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(double));
    const nlohmann::json header{{"spec_sha256", spec_hash}, {"shard", options.shard}, {"shards", options.shards}, {"values", counts}};
    return write_shard(options.output, header, body, err) ? ok : analysis_failed;
  }
  std::ostringstream lines;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& run = runs[r];
    nlohmann::json line = run_header(run);
    line["uncertainty"] = uncertainty_json(distributions_of(run.issues, spec.models, values[r]), agreement_chances(run.issues, run.settings), run.settings);
    lines << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return results.write(lines.str(), out, err);
}

}  // namespace statecraft::cli
