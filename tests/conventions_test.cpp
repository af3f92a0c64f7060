// The command line's conventions: a mistyped subcommand named, "-" for standard input, the
// system's reason for a file that cannot be read, every number checked against its range, and
// the man page and completions written from the definitions.

#include <gtest/gtest.h>

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <regex>
#include <unistd.h>

#include "test_support.hpp"

namespace statecraft {
namespace {

using test::run_statecraft;

const std::string alaska_path = test::source_path("scenarios/alaska-2025.yaml");
const std::string alaska = "'" + alaska_path + "'";

struct OptionHelp {
  std::string name;       // "--samples"
  std::string type_name;  // "UINT:a whole number from 0 to 100000=0"
};

// The subcommands --help lists, each with the options its own --help lists: what the program
// defines, read the way a user reads it.
std::vector<std::string> subcommands() {
  const auto help = run_statecraft("--help").out;
  std::vector<std::string> names;
  const auto from = help.find("Subcommands:");
  std::istringstream lines(help.substr(from));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line) && line.starts_with("  ")) names.push_back(line.substr(2, line.find_first_of(" ,", 2) - 2));
  return names;
}

std::vector<OptionHelp> options_of(const std::string& subcommand) {
  const auto help = run_statecraft(subcommand + " --help").out;
  std::vector<OptionHelp> options;
  static const std::regex option_line(R"(^  (?:-\w,)?(--[\w-]+)(?: (.+))?)");
  std::istringstream lines(help);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, option_line)) options.push_back({m[1], m[2]});
  }
  return options;
}

TEST(Conventions, AnUnknownSubcommandNamesTheClosest) {
  const auto typo = run_statecraft("forcast x");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("unknown subcommand 'forcast'; did you mean forecast?"), std::string::npos) << typo.err;
  EXPECT_TRUE(typo.out.empty());
  const auto far = run_statecraft("xyzzy x");
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_NE(far.err.find("unknown subcommand 'xyzzy'; subcommands: validate, analyze"), std::string::npos) << far.err;
  const auto british = run_statecraft("analyse " + alaska);
  EXPECT_EQ(british.exit_code, 0) << british.err;
  EXPECT_EQ(british.out, run_statecraft("analyze " + alaska).out);
}

TEST(Conventions, DashReadsTheScenarioFromStandardInput) {
  const std::string deu = test::source_path("tests/data/deu-small.tsv");
  struct Case {
    std::string arguments, input;
  };
  const std::vector<Case> cases{{"validate -", alaska_path},         {"analyze -", alaska_path},
                                {"brief - --format text", alaska_path}, {"forecast - --model median", alaska_path},
                                {"stability -", alaska_path},        {"sensitivity - --lens games", alaska_path},
                                {"solve -", alaska_path},            {"import -", alaska_path},
                                {"backtest - --format json", deu}};
  for (const auto& c : cases) {
    const auto r = test::run_statecraft_reading(c.arguments, c.input);
    EXPECT_EQ(r.exit_code, 0) << c.arguments << ": " << r.err;
    EXPECT_FALSE(r.out.empty()) << c.arguments;
  }
  EXPECT_EQ(test::run_statecraft_reading("analyze -", alaska_path).out, run_statecraft("analyze " + alaska).out);
  // Either side of a diff may be standard input.
  const auto diff = test::run_statecraft_reading("diff - " + alaska, alaska_path);
  EXPECT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_NE(diff.out.find("Changes from - to"), std::string::npos) << diff.out;
  // Other tools' formats on standard input are told by their text, as their extension tells them
  // in a file: Gambit's games, KTAB's and Decide's CSV, gmcr-py's JSON.
  const struct {
    std::string arguments, file, expected;
  } formats[] = {{"solve -", "tests/data/games/bos.nfg", "stdin (Battle of the Sexes, strategic form"},
                 {"solve -", "tests/data/games/cent4.efg", "subgame-perfect play: Player 1 TAKE"},
                 {"validate -", "tests/data/ktab/SOE-Competitive.csv", "<stdin>: ok (34 actors, 1 issues"},
                 {"validate -", "tests/data/exchange/cop21.csv", "<stdin>: ok ("},
                 {"stability -", "tests/data/gmcr/Elmira.gmcr", "12 feasible states"}};
  for (const auto& f : formats) {
    const auto r = test::run_statecraft_reading(f.arguments, test::source_path(f.file));
    EXPECT_EQ(r.exit_code, 0) << f.arguments << " < " << f.file << ": " << r.err;
    EXPECT_NE(r.out.find(f.expected), std::string::npos) << f.arguments << " < " << f.file << ": " << r.out;
  }
  const auto game_as_scenario = test::run_statecraft_reading("validate -", test::source_path("tests/data/games/bos.nfg"));
  EXPECT_EQ(game_as_scenario.exit_code, 2);
  EXPECT_NE(game_as_scenario.err.find("<stdin>: error: a Gambit game file, not a scenario: `statecraft solve` reads it"), std::string::npos) << game_as_scenario.err;
  // Messages call it <stdin>, at the line and column.
  const auto bad = test::run_statecraft_reading("validate -", test::source_path("tests/data/invalid/dozen-mistakes.yaml"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("<stdin>:5:7: error: date '2025-13-01'"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("<stdin>: 12 errors"), std::string::npos) << bad.err;
}

TEST(Conventions, AFileThatCannotBeReadSaysWhyInTheSystemsWords) {
  const auto folder = std::filesystem::temp_directory_path() / fmt::format("statecraft-unreadable-{}", ::getpid());
  std::filesystem::create_directories(folder);
  const auto locked = folder / "locked.yaml";
  std::filesystem::copy_file(alaska_path, locked, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::permissions(locked, std::filesystem::perms::none);
  std::filesystem::permissions(folder, std::filesystem::perms::all);
  // Root reads whatever the permissions say; the locked file is then tried as nobody.
  const std::string as_nobody = ::geteuid() == 0 ? "--reuid=65534 --regid=65534 --clear-groups " : "";
  for (const std::string command : {"validate", "analyze", "brief", "forecast", "stability", "sensitivity", "solve", "import", "backtest"}) {
    for (const auto& [file, reason] : std::vector<std::pair<std::string, std::string>>{
             {"/nonexistent/scenario.yaml", "No such file or directory"}, {folder.string(), "Is a directory"}}) {
      const auto r = run_statecraft(command + " '" + file + "'");
      EXPECT_EQ(r.exit_code, 2) << command << " " << file;
      EXPECT_NE(r.err.find(file + ": error: cannot read the file (" + reason + ")"), std::string::npos) << command << ": " << r.err;
    }
    const std::string line = fmt::format("{}'{}' {} '{}' 2>&1", as_nobody.empty() ? "" : "setpriv " + as_nobody, STATECRAFT_BINARY, command, locked.string());
    if (command == "validate") {  // diff reads two files: each unreadable one says why
      for (const std::string& pair : {"'/nonexistent/old.yaml' " + alaska, alaska + " '/nonexistent/new.yaml'"}) {
        const auto r = run_statecraft("diff " + pair);
        EXPECT_EQ(r.exit_code, 2) << pair;
        EXPECT_NE(r.err.find(".yaml: error: cannot read the file (No such file or directory)"), std::string::npos) << pair << ": " << r.err;
      }
    }
    std::FILE* pipe = ::popen(line.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string err;
    char buffer[4096];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) err.append(buffer, n);
    const int status = ::pclose(pipe);
    EXPECT_EQ(WEXITSTATUS(status), 2) << command << ": " << err;
    EXPECT_NE(err.find(locked.string() + ": error: cannot read the file (Permission denied)"), std::string::npos) << command << ": " << err;
  }
  std::filesystem::remove_all(folder);
}

// Every numeric option of every subcommand, found in its --help: each must state its range, and
// values below it, above it, NaN and words are usage errors naming the option and the range.
TEST(Conventions, EveryNumericOptionOfEverySubcommandIsCheckedAgainstItsRange) {
  static const std::regex numeric(R"(^(U?INT|FLOAT|NUMBER)\b)");
  static const std::regex range(R"(a (whole )?number from (\S+) to (\S+?)(=|$))");
  int checked = 0;
  for (const auto& command : subcommands()) {
    for (const auto& option : options_of(command)) {
      if (!std::regex_search(option.type_name, numeric)) continue;
      std::smatch m;
      ASSERT_TRUE(std::regex_search(option.type_name, m, range)) << command << " " << option.name << " has no range: " << option.type_name;
      const bool whole = m[1].matched;
      const std::string low = m[2], high = m[3];
      const std::string below = whole ? (low == "0" ? "-5" : std::to_string(std::stoull(low) - 1)) : fmt::format("{:g}", std::stod(low) - 1);
      const std::string above = whole ? high + "0" : fmt::format("{:g}", std::stod(high) * 10);
      const std::string expected = fmt::format("{}: must be a {}number from {} to {}", option.name, whole ? "whole " : "", low, high);
      for (const std::string& value : {below, above, std::string("nan"), std::string("lots")}) {
        const auto r = run_statecraft(fmt::format("{} {} {} {}", command, alaska, option.name, value));
        EXPECT_EQ(r.exit_code, 2) << command << " " << option.name << " " << value << ": " << r.err;
        EXPECT_NE(r.err.find(expected), std::string::npos) << command << " " << option.name << " " << value << ": " << r.err;
        EXPECT_EQ(r.err.find("std::"), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty());
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 14);  // forecast's 6, backtest's 4, stability's 2, solve's 1, sensitivity's 1
}

TEST(Conventions, TheManPageNamesEverySubcommandAndOption) {
  const auto man = run_statecraft("man");
  ASSERT_EQ(man.exit_code, 0) << man.err;
  EXPECT_EQ(man.out.find(".TH STATECRAFT 1"), man.out.find('\n') + 1);
  const auto commands = subcommands();
  ASSERT_GE(commands.size(), 9u);
  const auto troff_name = [](std::string name) { return std::regex_replace(name, std::regex("-"), "\\-"); };
  for (const auto& command : commands) {
    EXPECT_NE(man.out.find(".SS \"" + command + " [OPTIONS]"), std::string::npos) << command;
    for (const auto& option : options_of(command)) EXPECT_NE(man.out.find("\\fB" + troff_name(option.name) + "\\fR"), std::string::npos) << command << " " << option.name;
  }
  if (std::system("command -v groff > /dev/null 2>&1") == 0) {
    const auto page = std::filesystem::temp_directory_path() / fmt::format("statecraft-{}.1", ::getpid());
    std::ofstream(page) << man.out;
    EXPECT_EQ(std::system(fmt::format("groff -man -Tutf8 -ww -z '{}' 2>&1 | grep -q . && exit 1 || exit 0", page.string()).c_str()), 0) << "groff warns";
    std::filesystem::remove(page);
  }
}

TEST(Conventions, TheCompletionsParseAndComplete) {
  const auto bash = run_statecraft("completions bash");
  ASSERT_EQ(bash.exit_code, 0) << bash.err;
  const auto script = std::filesystem::temp_directory_path() / fmt::format("statecraft-completion-{}.bash", ::getpid());
  std::ofstream(script) << bash.out;
  EXPECT_EQ(std::system(fmt::format("bash -n '{}'", script.string()).c_str()), 0);
  // What bash offers after a few words, through the function it would call.
  const auto complete = [&](const std::string& words, int cword) {
    const auto out = std::filesystem::temp_directory_path() / fmt::format("statecraft-offered-{}", ::getpid());
    std::system(fmt::format("bash -c 'source \"{}\"; COMP_WORDS=({}); COMP_CWORD={}; _statecraft; echo \"${{COMPREPLY[*]}}\"' > '{}'", script.string(), words,
                            cword, out.string())
                    .c_str());
    const auto offered = test::read_file(out.string());
    std::filesystem::remove(out);
    return offered;
  };
  EXPECT_EQ(complete("statecraft fore", 1), "forecast\n");
  EXPECT_EQ(complete("statecraft anal", 1), "analyze analyse\n");
  EXPECT_EQ(complete("statecraft stability x --for", 3), "--format\n");
  EXPECT_EQ(complete("statecraft stability x --format \"\"", 4), "text json csv\n");
  EXPECT_EQ(complete("statecraft backtest x --input-format \"\"", 4), "deu scenario\n");
  std::filesystem::remove(script);
  const auto zsh = run_statecraft("completions zsh");
  ASSERT_EQ(zsh.exit_code, 0) << zsh.err;
  EXPECT_EQ(zsh.out.rfind("#compdef statecraft\n", 0), 0u);
  for (const auto& command : subcommands()) EXPECT_NE(zsh.out.find("\n        " + command), std::string::npos) << command;
  if (std::system("command -v zsh > /dev/null 2>&1") != 0) GTEST_SKIP() << "zsh (Debian package zsh) is not installed to parse its completion";
  const auto zsh_script = std::filesystem::temp_directory_path() / fmt::format("_statecraft-{}", ::getpid());
  std::ofstream(zsh_script) << zsh.out;
  EXPECT_EQ(std::system(fmt::format("zsh -n '{}'", zsh_script.string()).c_str()), 0);
  std::filesystem::remove(zsh_script);
}

TEST(Conventions, BacktestsFormatIsTheOutputsAndInputFormatTheLayout) {
  const std::string deu = "'" + test::source_path("tests/data/deu-small.tsv") + "'";
  EXPECT_EQ(run_statecraft("backtest " + deu + " --input-format deu --format json").out.front(), '{');
  const auto wrong = run_statecraft("backtest " + deu + " --input-format csv");
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("--input-format"), std::string::npos) << wrong.err;
  EXPECT_EQ(run_statecraft("backtest " + deu + " --output-format json").exit_code, 2);  // the old spelling is gone
}

TEST(Conventions, ARefusedGraphKeepsTheReport) {
  // A conflict too large to draw whole and without a status quo to draw the paths from: the
  // report is printed all the same, exit 1, and no file is written.
  const std::string trade = "'" + test::source_path("tests/data/gmcr/trade.gmcr") + "'";
  const auto big = run_statecraft("stability " + trade + " --graph /tmp/statecraft-refused.dot");
  EXPECT_EQ(big.exit_code, 1);
  EXPECT_NE(big.err.find("too many to draw whole (the limit is 64), and no status quo to draw the paths from"), std::string::npos) << big.err;
  EXPECT_EQ(big.out, run_statecraft("stability " + trade).out);
  EXPECT_FALSE(big.out.empty());
  EXPECT_FALSE(std::filesystem::exists("/tmp/statecraft-refused.dot"));
  const std::string elmira = "'" + test::source_path("tests/data/gmcr/Elmira.gmcr") + "'";
  const auto unwritable = run_statecraft("stability " + elmira + " --graph /nonexistent/graph.dot");
  EXPECT_EQ(unwritable.exit_code, 1);
  EXPECT_NE(unwritable.err.find("/nonexistent/graph.dot: error: cannot write the file (No such file or directory)"), std::string::npos) << unwritable.err;
  EXPECT_EQ(unwritable.out, run_statecraft("stability " + elmira).out);
}

}  // namespace
}  // namespace statecraft
