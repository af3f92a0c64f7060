// What statecraft writes: a write that fails is a failure with the OS's reason, and text from a
// user's file reaches neither the terminal nor the SVG chart with control characters in it.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include "test_support.hpp"

namespace statecraft {
namespace {

using test::run_statecraft;

struct Run {
  int exit_code = -1;
  std::string err;
};

// Runs statecraft with its stdout where `redirection` sends it ("> /dev/full"), and its stderr
// after it (2>&1: into the same stream).
Run run_redirected(const std::string& arguments, const std::string& redirection) {
  const auto err = std::filesystem::temp_directory_path() / ("statecraft-output-" + std::to_string(::getpid()));
  const std::string command = "'" + std::string(STATECRAFT_BINARY) + "' " + arguments + " 2>'" + err.string() + "' " + redirection + " </dev/null";
  const int status = std::system(command.c_str());
  Run run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, test::read_file(err.string())};
  std::filesystem::remove(err);
  return run;
}

const std::string alaska = "'" + test::source_path("scenarios/alaska-2025.yaml") + "'";

// Each of these exited 0 though nothing was written.
TEST(Output, AFullDiskIsAFailureWithTheReason) {
  const std::string no_space = "(No space left on device)";
  for (const std::string& arguments : std::vector<std::string>{"forecast " + alaska + " --trajectory /dev/full", "forecast " + alaska + " --model smp --chart /dev/full"}) {
    const auto r = run_statecraft(arguments + " >/dev/null");
    EXPECT_EQ(r.exit_code, 1) << arguments;
    EXPECT_NE(r.err.find("/dev/full: error: cannot write the file " + no_space), std::string::npos) << arguments << ": " << r.err;
  }
  const std::string deu = "'" + test::source_path("tests/data/deu-small.tsv") + "'";
  const std::string ktab = "'" + test::source_path("tests/data/ktab/dummyData_3Dim.csv") + "'";
  for (const std::string& arguments : std::vector<std::string>{"analyze " + alaska, "analyze " + alaska + " --format json", "forecast " + alaska, "validate " + alaska,
                                      "stability " + alaska, "solve " + alaska, "import " + ktab, "backtest " + deu, "--help"}) {
    const auto r = run_redirected(arguments, ">/dev/full");
    EXPECT_EQ(r.exit_code, 1) << arguments << ": " << r.err;
    EXPECT_NE(r.err.find("statecraft: error: cannot write the output " + no_space), std::string::npos) << arguments << ": " << r.err;
  }
}

TEST(Output, AFileInAFolderThatDoesNotExistIsAFailureWithTheReason) {
  const auto r = run_statecraft("forecast " + alaska + " --trajectory /nonexistent/rounds.csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/nonexistent/rounds.csv: error: cannot write the file (No such file or directory)"), std::string::npos) << r.err;
}

TEST(Output, ValidateKeepsItsLinesInStepWithTheErrors) {
  // stderr into the same file as stdout: the order a person sees on a terminal.
  const auto both = std::filesystem::temp_directory_path() / ("statecraft-output-both-" + std::to_string(::getpid()));
  const auto r = run_redirected("validate " + alaska + " /nonexistent " + alaska, ">'" + both.string() + "' 2>&1");
  const std::string text = test::read_file(both.string());
  std::filesystem::remove(both);
  EXPECT_EQ(r.exit_code, 2);
  const auto first_ok = text.find(": ok (");
  const auto error = text.find("/nonexistent: error");
  const auto second_ok = text.find(": ok (", first_ok + 1);
  EXPECT_TRUE(first_ok < error && error < second_ok && second_ok != std::string::npos) << text;
}

}  // namespace
}  // namespace statecraft
