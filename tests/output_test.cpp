// What statecraft writes: a write that fails is a failure with the OS's reason, and text from a
// user's file reaches neither the terminal nor the SVG chart with control characters in it.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include "report/trajectory.hpp"
#include "scenario/diagnostics.hpp"
#include "test_support.hpp"

#include <nlohmann/json.hpp>

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

// ---- control characters ------------------------------------------------------------------

bool has_control_characters(const std::string& text) {
  const bool c0 = std::any_of(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F; });
  return c0 || text.find("\xc2\x9b") != std::string::npos;
}

// Its title and a name, written with YAML escapes, cleared the screen, made text blink and set
// the window title when analysed, and made the chart invalid XML.
TEST(Output, ControlCharactersFromEscapesNeverReachTheTerminal) {
  const std::string file = "'" + test::source_path("tests/data/defects/terminal-escapes.yaml") + "'";
  const auto r = run_statecraft("analyze " + file);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(has_control_characters(r.out + r.err));
  EXPECT_NE(r.out.find("<U+001B>[2J<U+001B>[31mred <U+001B>]0;pwned-title<U+0007>"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("<U+001B>[5mblink"), std::string::npos) << r.out;
  // JSON escapes them itself, and reads back to the very text.
  const auto json = run_statecraft("analyze " + file + " --format json");
  ASSERT_EQ(json.exit_code, 0);
  EXPECT_FALSE(has_control_characters(json.out));
  EXPECT_EQ(nlohmann::json::parse(json.out)["scenario"]["title"], "\x1b[2J\x1b[31mred \x1b]0;pwned-title\a");
}

TEST(Output, EveryReportShowsControlCharactersByTheirCode) {
  const std::string odd = "'" + test::source_path("tests/data/defects/odd-names.yaml") + "'";
  for (const std::string& arguments : std::vector<std::string>{"analyze " + odd, "forecast " + odd, "stability " + odd, "stability " + odd + " --format csv",
                                                               "solve " + odd, "import " + odd, "validate " + odd}) {
    const auto r = run_statecraft(arguments);
    EXPECT_EQ(r.exit_code, 0) << arguments << ": " << r.err;
    EXPECT_FALSE(has_control_characters(r.out + r.err)) << arguments;
  }
  // A C1 control is two bytes (C2 9B is the one-character escape sequence introducer); other
  // characters that start with C2 are untouched.
  const auto r = run_statecraft("analyze " + odd);
  EXPECT_NE(r.out.find("B<U+0000>NUL<U+0007>bell"), std::string::npos) << r.out;
}

TEST(Output, MessagesQuotingTheFileShowControlCharactersByTheirCode) {
  const auto result = test::load_text("statecraft: 1\nid: q\ntitle: q\nactors: [{id: AA, name: a, capability: 1}]\n\"\\e]0;x\\a\": 1\n");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(result.diagnostics.all()[0]),
            "test.yaml:5:1: error: unknown key '<U+001B>]0;x<U+0007>' in the scenario (allowed: statecraft, id, title, date, summary, sources, "
            "actors, issues, conflict, games, models)");
}

TEST(Output, ControlCharactersInAGmcrFilesNamesNeverReachTheTerminal) {
  std::string text = test::read_file(test::source_path("tests/data/gmcr/Prisoners.gmcr"));
  text.replace(text.find("Prisoner One"), 12, "Prisoner\\u001b[2J One\\u009b");
  const auto file = std::filesystem::temp_directory_path() / ("statecraft-output-" + std::to_string(::getpid()) + ".gmcr");
  std::ofstream(file) << text;
  const auto r = run_statecraft("analyze '" + file.string() + "'");
  std::filesystem::remove(file);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Prisoner<U+001B>[2J One<U+009B>"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\xc2\x9b"), std::string::npos);
}

bool well_formed_xml(const std::string& text) {
  const auto file = std::filesystem::temp_directory_path() / ("statecraft-output-" + std::to_string(::getpid()) + ".svg");
  std::ofstream(file, std::ios::binary) << text;
  const bool ok = std::system(("xmllint --noout '" + file.string() + "' 2>/dev/null").c_str()) == 0;
  std::filesystem::remove(file);
  return ok;
}

// XML's five special characters in a name, through the command line: the chart still parses.
TEST(Output, TheChartIsXmlWhateverTheNames) {
  if (std::system("command -v xmllint > /dev/null 2>&1") != 0) GTEST_SKIP() << "xmllint (Debian package libxml2-utils) is not installed";
  const auto dir = std::filesystem::temp_directory_path() / ("statecraft-output-chart-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto scenario = dir / "names.yaml", chart = dir / "chart.svg";
  std::ofstream(scenario) << "statecraft: 1\nid: names\ntitle: \"<&\\\"'>\"\nactors:\n"
                             "  - {id: AA, name: \"A <&> \\\"a\\\" 'b'\", capability: 1}\n  - {id: BB, name: b, capability: 2}\n"
                             "issues:\n  - id: i\n    name: \"Tom & Jerry's <\\\"deal\\\">\"\n    scale: [0, 100]\n"
                             "    stances: {AA: {position: 0, salience: 0.5}, BB: {position: 100, salience: 0.9}}\n";
  const auto r = run_statecraft("forecast '" + scenario.string() + "' --model expected-utility,smp --chart '" + chart.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string svg = test::read_file(chart.string());
  EXPECT_NE(svg.find(">Tom &amp; Jerry&apos;s &lt;&quot;deal&quot;&gt;</text>"), std::string::npos) << svg.substr(0, 400);
  EXPECT_TRUE(well_formed_xml(svg));
  std::filesystem::remove_all(dir);
  // And control characters, had validation let any through: replaced, so that it stays XML.
  const BargainingIssue issue{"i", 0, 100, std::nullopt, {{"AA", 0, 0.5, 1}, {"BB", 100, 0.9, 2}}};
  IssueForecast forecast{"i", "smp", 50.0, "", {{0, 100}, {25, 75}, {50, 50}}};
  const std::string dirty = trajectory_svg(issue, {"a\x1b[2J b\a c\xc2\x9b" "d", "", ""}, {forecast});
  EXPECT_NE(dirty.find(">a\uFFFD[2J b\uFFFD c\uFFFDd</text>"), std::string::npos) << dirty.substr(0, 400);
  EXPECT_TRUE(well_formed_xml(dirty));
}

}  // namespace
}  // namespace statecraft
