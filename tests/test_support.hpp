#pragma once
// Helpers shared by the test files.

#include <string>
#include <vector>

#include "formats/load.hpp"

namespace statecraft::test {

std::string source_path(const std::string& relative);  // inside the source tree
std::string read_file(const std::string& path);
// The Gambit strategic-form reference games in tests/data/games (file names, sorted).
std::vector<std::string> reference_nfg_games();

// A Gambit .efg of tests/data/games, by file name; a test failure if it does not read.
Game load_efg(const std::string& name);

// Loads YAML given inline; game files resolve against the test data folder.
LoadResult load_text(const std::string& yaml);

// "LINE:COL: message" for each diagnostic, the form tests compare against.
std::vector<std::string> messages(const Diagnostics& diagnostics);
std::vector<std::string> messages(const LoadResult& result);

// A small valid scenario touching every section; tests mutate it to provoke one error each.
std::string minimal_scenario();

// The text with the first `from` replaced by `to`; a test failure when the text lacks `from`.
std::string replace(std::string text, const std::string& from, const std::string& to);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the statecraft binary with the given arguments (already shell-quoted).
CommandResult run_statecraft(const std::string& arguments);

// The same under limits, for tests of the promise that a small file never becomes a memory bomb
// or a hang: address space (ulimit -v) in MiB and wall-clock seconds (timeout(1) exits 124).
// A process killed by a signal (SIGSEGV, or SIGABRT from a failed allocation) gives 128 + signal.
struct Limits {
  unsigned memory_mib = 2048;
  unsigned seconds = 60;
};
CommandResult run_statecraft(const std::string& arguments, Limits limits);

// The same with standard input read from this file (the others read /dev/null).
CommandResult run_statecraft_reading(const std::string& arguments, const std::string& input_file);

// The same with stderr a terminal (a pseudo-terminal from script(1), util-linux), as a person
// at a terminal sees it: `err` is what the terminal showed, escape codes and all; stdout still goes
// to a file.
CommandResult run_statecraft_on_terminal(const std::string& arguments, Limits limits);

}  // namespace statecraft::test
