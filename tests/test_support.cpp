#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include "formats/gambit_efg.hpp"

namespace statecraft::test {

std::string source_path(const std::string& relative) { return std::string(STATECRAFT_SOURCE_DIR) + "/" + relative; }

std::vector<std::string> reference_nfg_games() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("tests/data/games")))
    if (entry.path().extension() == ".nfg" && entry.path().stem() != "broken") names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

Game load_efg(const std::string& name) {
  Diagnostics d(name);
  auto game = read_efg(read_file(source_path("tests/data/games/" + name)), d);
  EXPECT_TRUE(game.has_value()) << name << ": " << (d.empty() ? "" : format_diagnostic(d.all()[0]));
  return game.value_or(Game{});
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

LoadResult load_text(const std::string& yaml) {
  return load_scenario_text(yaml, "test.yaml", source_path("tests/data"));
}

std::vector<std::string> messages(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.all()) out.push_back(std::to_string(d.at.line) + ":" + std::to_string(d.at.column) + ": " + d.message);
  return out;
}

std::vector<std::string> messages(const LoadResult& result) { return messages(result.diagnostics); }

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "fixture lacks: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string minimal_scenario() {
  return R"(statecraft: 1
id: mini
title: A minimal scenario
date: 2025-01-31
sources:
  - {id: src, title: An article}
actors:
  - {id: USA, name: United States, capability: 100}
  - {id: RUS, name: Russia, capability: {value: 50, note: why, source: src}}
issues:
  - id: sanctions
    name: Sanctions
    scale: [0, 100]
    labels: {0: none, 100: full}
    status_quo: 20
    stances:
      USA: {position: 80, salience: 0.5}
      RUS: {position: 0, salience: 1, capability: 60}
conflict:
  options:
    - {id: sanction, actor: USA, name: impose sanctions}
    - {id: ceasefire, actor: RUS, name: accept a ceasefire, reversible: forward}
  infeasible: []
  status_quo: []
  preferences:
    USA: [ceasefire, "!sanction"]
    RUS:
      ranking: ["none", ["ceasefire", "sanction"], "sanction + ceasefire"]
games:
  - id: ultimatum
    players: [USA, RUS]
    strategies: {USA: [sanction, hold], RUS: [accept, stall]}
    payoffs:
      sanction: {accept: [2, 1], stall: [1, 0]}
      hold: {accept: [3, 2], stall: [0, 3]}
)";
}

namespace {

std::filesystem::path scratch_folder() {
  const auto dir = std::filesystem::temp_directory_path() / ("statecraft-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

CommandResult run_command(const std::string& prefix, const std::string& arguments, const std::string& input_file = "/dev/null") {
  const auto dir = scratch_folder();
  const auto out = dir / "out", err = dir / "err";
  const std::string command = prefix + "'" + STATECRAFT_BINARY + "' " + arguments + " >'" + out.string() +
                              "' 2>'" + err.string() + "' <'" + input_file + "'";
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out.string());
  result.err = read_file(err.string());
  std::filesystem::remove_all(dir);
  return result;
}

}  // namespace

CommandResult run_statecraft(const std::string& arguments) { return run_command("", arguments); }

std::string limits_prefix(Limits limits) {
  return "ulimit -v " + std::to_string(limits.memory_mib * 1024ull) + " && exec timeout " + std::to_string(limits.seconds) + " ";
}

CommandResult run_statecraft(const std::string& arguments, Limits limits) { return run_command(limits_prefix(limits), arguments); }

CommandResult run_statecraft_reading(const std::string& arguments, const std::string& input_file) {
  return run_command("", arguments, input_file);
}

CommandResult run_statecraft_on_terminal(const std::string& arguments, Limits limits) {
  const auto dir = scratch_folder();
  const auto inner = dir / "on-terminal.sh", out = dir / "out", terminal = dir / "terminal";
  // The command goes through a file, so that its own quotes need no second quoting for script -c.
  std::ofstream(inner) << "'" << STATECRAFT_BINARY << "' " << arguments << " >'" << out.string() << "'\n";
  const std::string command = limits_prefix(limits) + "script -qefc \"sh '" + inner.string() + "'\" /dev/null >'" + terminal.string() + "' </dev/null";
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out.string());
  result.err = read_file(terminal.string());
  std::filesystem::remove_all(dir);
  return result;
}

}  // namespace statecraft::test
