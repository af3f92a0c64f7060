// --store and `statecraft runs`: recording a run in a store, and finding, reopening and comparing
// the runs recorded (src/store/run_store.hpp).
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <sstream>

#include "cli/commands.hpp"
#include "formats/load.hpp"
#include "report/table.hpp"
#include "scenario/input_file.hpp"
#include "scenario/judgment_diff.hpp"
#include "store/run_store.hpp"

namespace statecraft::cli {
namespace {

// Discards what is written to it: the JSON rerun's progress and warnings were shown already.
class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
};

std::string inputs_in_words(const RunRecord& r) {
  std::vector<std::string> names;
  for (const auto& i : r.inputs) names.push_back(fmt::format("{} ({})", i.name, i.sha256.substr(0, 12)));
  return names.empty() ? "—" : fmt::format("{}", fmt::join(names, ", "));
}

nlohmann::json run_json(const RunRecord& r) {
  nlohmann::json inputs = nlohmann::json::array();
  for (const auto& i : r.inputs) inputs.push_back({{"name", i.name}, {"sha256", i.sha256}, {"text", i.text}});
  nlohmann::json results = nullptr;
  if (!r.results.empty()) results = nlohmann::json::parse(r.results, nullptr, false);
  return {{"id", r.id},           {"started", r.started}, {"command", r.command}, {"arguments", r.arguments}, {"parameters", r.parameters},
          {"version", r.version}, {"inputs", inputs},     {"output", r.output},   {"results", results},      {"exit_code", r.exit_code},
          {"seconds", r.seconds}};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A JSON value in one short line, for the differences in results.
std::string short_json(const nlohmann::json& v) {
  std::string text = v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return text.size() > 80 ? text.substr(0, 77) + "..." : text;
}

void diff_runs(const RunRecord& a, const RunRecord& b, std::ostream& out) {
  out << fmt::format("Run {} ({}, {}) against run {} ({}, {})\n", a.id, a.command, a.started, b.id, b.command, b.started);
  if (a.command != b.command) out << fmt::format("  the commands differ: {} and {}\n", a.command, b.command);
  if (a.version != b.version) out << fmt::format("  statecraft {} and {}\n", a.version, b.version);

  out << "\nParameters that differ\n";
  const auto before = lines_of(a.parameters), after = lines_of(b.parameters);
  const std::set<std::string> in_a(before.begin(), before.end()), in_b(after.begin(), after.end());
  bool any = false;
  for (const auto& line : before)
    if (!in_b.count(line)) out << "  - " << line << '\n', any = true;
  for (const auto& line : after)
    if (!in_a.count(line)) out << "  + " << line << '\n', any = true;
  if (!any) out << "  none\n";

  out << "\nInputs\n";
  for (std::size_t k = 0; k < std::max(a.inputs.size(), b.inputs.size()); ++k) {
    if (k >= a.inputs.size() || k >= b.inputs.size()) {
      const auto& only = k < a.inputs.size() ? a.inputs[k] : b.inputs[k];
      out << fmt::format("  {} only in run {}\n", only.name, k < a.inputs.size() ? a.id : b.id);
      continue;
    }
    const auto &x = a.inputs[k], &y = b.inputs[k];
    if (x.sha256 == y.sha256) {
      out << fmt::format("  {}: the same text{}\n", y.name, x.name == y.name ? "" : " (as " + x.name + ")");
      continue;
    }
    out << fmt::format("  {}: the text differs ({} and {})\n", y.name, x.sha256.substr(0, 12), y.sha256.substr(0, 12));
    const auto old_scenario = load_scenario_text_as(x.text, x.name, std::filesystem::path(x.name).extension().string());
    const auto new_scenario = load_scenario_text_as(y.text, y.name, std::filesystem::path(y.name).extension().string());
    if (!old_scenario.scenario || !new_scenario.scenario) continue;
    for (const auto& c : judgment_changes(*old_scenario.scenario, *new_scenario.scenario))
      out << fmt::format("    {} {}: {} → {}\n", kind_name(c.kind), c.what, c.before.empty() ? "—" : c.before, c.after.empty() ? "—" : c.after);
  }

  out << "\nResults that differ\n";
  const auto ra = nlohmann::json::parse(a.results.empty() ? "null" : a.results, nullptr, false);
  const auto rb = nlohmann::json::parse(b.results.empty() ? "null" : b.results, nullptr, false);
  const auto patch = nlohmann::json::diff(ra, rb);
  std::size_t shown = 0, rounds = 0, more = 0;
  for (const auto& op : patch) {
    const std::string path = op["path"];
    if (path == "/statecraft") continue;  // the version, said above
    if (path.find("/rounds") != std::string::npos) {  // the dynamic models' paths: the answers are their ends
      ++rounds;
      continue;
    }
    if (++shown > 40) {
      ++more;
      continue;
    }
    const std::string kind = op["op"];
    const auto old_value = ra.contains(nlohmann::json::json_pointer(path)) ? short_json(ra.at(nlohmann::json::json_pointer(path))) : "—";
    out << fmt::format("  {} {}: {} → {}\n", kind == "replace" ? "changed" : kind == "add" ? "added" : "removed", path, kind == "add" ? "—" : old_value,
                       op.contains("value") ? short_json(op["value"]) : "—");
  }
  if (more) out << fmt::format("  … and {} more\n", more);
  if (rounds) out << fmt::format("  (and {} values in the dynamic models' rounds)\n", rounds);
  if (!shown && !rounds) out << (a.output == b.output ? "  none: the same output\n" : "  none in the JSON results; the printed outputs differ\n");
}

}  // namespace

int run_and_record(const StoredCommand& c, std::ostream& out, std::ostream& err) {
  std::optional<RunStore> store;
  try {
    store.emplace(c.store_file);
  } catch (const StoreError& e) {
    err << e.what() << '\n';
    return bad_input;
  }
  RunRecord run;
  run.started = utc_now();
  run.command = c.command;
  run.arguments = c.arguments;
  run.parameters = c.parameters;
  run.version = STATECRAFT_VERSION;
  for (const auto& file : c.inputs) {
    if (file == "-") {
      err << "statecraft " << c.command << ": --store records its inputs, so it needs files, not standard input\n";
      return bad_input;
    }
    if (auto input = read_input_file(file); input.text) run.inputs.push_back({file, sha256_hex(*input.text), std::move(*input.text)});
  }
  std::ostringstream printed;
  const auto start = std::chrono::steady_clock::now();
  run.exit_code = c.run(printed, err);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.output = printed.str();
  out << run.output;
  if (c.format && *c.format == "json") {
    run.results = run.output;
  } else if (c.format && run.exit_code == ok) {  // the same run once more, as JSON, for the record
    const std::string asked = *c.format;
    *c.format = "json";
    if (c.before_json) c.before_json();
    NullBuffer discard;
    std::ostream quiet(&discard);
    std::ostringstream json;
    if (c.run(json, quiet) == ok) run.results = json.str();
    *c.format = asked;
  }
  try {
    const auto id = store->record(run);
    err << fmt::format("statecraft: recorded as run {} in {}\n", id, c.store_file);
  } catch (const StoreError& e) {
    err << e.what() << '\n';
    return analysis_failed;
  }
  return run.exit_code;
}

int runs(const RunsOptions& options, std::ostream& out, std::ostream& err) {
  try {
    const RunStore store(options.store_file, RunStore::Open::existing);
    if (options.action == "list") {
      TextTable table({{"run", TextTable::Align::Right}, {"started", TextTable::Align::Left}, {"command", TextTable::Align::Left},
                       {"inputs", TextTable::Align::Left}, {"exit", TextTable::Align::Right}, {"seconds", TextTable::Align::Right}});
      const auto runs = store.list();
      for (const auto& r : runs)
        table.add_row({std::to_string(r.id), r.started, r.command, inputs_in_words(r), std::to_string(r.exit_code), fmt::format("{:.3f}", r.seconds)});
      if (options.format == "json") {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& r : runs) {
          auto row = run_json(r);
          for (const char* k : {"output", "results", "parameters"}) row.erase(k);
          for (auto& i : row["inputs"]) i.erase("text");
          rows.push_back(row);
        }
        out << rows.dump(2) << '\n';
      } else {
        out << fmt::format("{}: {} run{}\n", options.store_file, runs.size(), runs.size() == 1 ? "" : "s") << table.render("  ");
      }
      return ok;
    }
    std::vector<RunRecord> records;
    for (auto id : options.ids) {
      auto r = store.find(id);
      if (!r) {
        err << fmt::format("{}: error: no run {} in the store (statecraft runs list {} shows them)\n", options.store_file, id, options.store_file);
        return bad_input;
      }
      records.push_back(std::move(*r));
    }
    const std::size_t wanted = options.action == "diff" ? 2 : 1;
    if (options.action != "export" && records.size() != wanted) {
      err << fmt::format("statecraft runs {}: give {} run id{}\n", options.action, wanted, wanted == 1 ? "" : "s");
      return bad_input;
    }
    if (options.action == "show") {
      const auto& r = records[0];
      out << fmt::format("Run {}: statecraft {} {}\n  started {} UTC, {:.3f} s, exit {}, statecraft {}\n  inputs: {}\n\n", r.id, r.command,
                         fmt::join(r.arguments.begin() + (r.arguments.empty() ? 0 : 1), r.arguments.end(), " "), r.started, r.seconds, r.exit_code,
                         r.version, inputs_in_words(r))
          << r.output;
      return ok;
    }
    if (options.action == "diff") {
      diff_runs(records[0], records[1], out);
      return ok;
    }
    if (records.empty()) records = [&] {  // export with no ids: every run
      std::vector<RunRecord> all;
      for (const auto& r : store.list()) all.push_back(*store.find(r.id));
      return all;
    }();
    for (const auto& r : records) out << run_json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return ok;
  } catch (const StoreError& e) {
    err << e.what() << '\n';
    return bad_input;
  }
}

}  // namespace statecraft::cli
