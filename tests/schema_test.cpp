// Every JSON output checked against its schema in docs/schema/, on every seed scenario, with the
// jsonschema package (Debian python3-jsonschema) as the validator; and a report with a required
// key taken out fails, so the check can fail.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "test_support.hpp"

namespace statecraft {
namespace {

bool have_validator() { return std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") == 0; }

// Exit 0 when `document` conforms to `schema` (draft 2020-12); the validator's message on stderr.
int validate(const std::filesystem::path& schema, const std::filesystem::path& document, std::string& message) {
  const auto log = document.string() + ".log";
  const std::string command = "python3 -c 'import json, sys, jsonschema; "
                              "jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))' '" +
                              schema.string() + "' '" + document.string() + "' 2>'" + log + "'";
  const int status = std::system(command.c_str());
  message = test::read_file(log);
  return status;
}

struct Output {
  const char* schema;
  const char* arguments;  // after the scenario file
};

class SchemaOfEveryOutput : public ::testing::TestWithParam<Output> {};

TEST_P(SchemaOfEveryOutput, OnEverySeed) {
  if (!have_validator()) GTEST_SKIP() << "python3-jsonschema is not installed (scripts/setup.sh installs it)";
  const Output output = GetParam();
  // One folder per case: ctest runs the cases side by side, two of them on forecast.
  const auto dir = std::filesystem::temp_directory_path() / ("statecraft-schema-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto schema = test::source_path(std::string("docs/schema/") + output.schema + ".schema.json");
  for (const char* seed : {"alaska-2025", "danang-2017", "singapore-2018", "vladivostok-2019"}) {
    const std::string command = output.schema, file = "'" + test::source_path(std::string("scenarios/") + seed + ".yaml") + "' ";
    // diff compares two versions: the seed as it was at f33e145 (Alaska's) or as it is.
    const std::string before = command != "diff"                         ? ""
                               : std::string(seed) == "alaska-2025" ? "'" + test::source_path("tests/data/diff/alaska-2025-at-f33e145.yaml") + "' "
                                                                        : file;
    const auto r = test::run_statecraft(command + " " + before + file + output.arguments);
    ASSERT_EQ(r.exit_code, 0) << seed << ": " << r.err;
    const auto document = dir / (std::string(seed) + ".json");
    std::ofstream(document) << r.out;
    std::string message;
    EXPECT_EQ(validate(schema, document, message), 0) << output.schema << " on " << seed << ":\n" << message;
  }
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Commands, SchemaOfEveryOutput,
                         ::testing::Values(Output{"analyze", "--format json"}, Output{"forecast", "--format json"},
                                           Output{"forecast", "--format json --samples 50"}, Output{"forecast", "--format json --model median"},
                                           Output{"sensitivity", "--format json"},
                                           Output{"stability", "--format json"}, Output{"solve", "--format json"},
                                           Output{"diff", "--format json"}, Output{"brief", "--format json"}),
                         [](const ::testing::TestParamInfo<Output>& info) { return std::string(info.param.schema) + std::to_string(info.index); });

TEST(Schema, ValidateAsJsonGivesEveryDiagnosticWithItsPlace) {
  const auto r = test::run_statecraft("validate '" + test::source_path("tests/data/invalid/dozen-mistakes.yaml") + "' '" +
                                      test::source_path("scenarios/alaska-2025.yaml") + "' --format json");
  EXPECT_EQ(r.exit_code, 2);  // the first file has errors
  EXPECT_TRUE(r.err.empty()) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json["files"].size(), 2u);
  const auto& bad = json["files"][0];
  EXPECT_FALSE(bad["ok"].get<bool>());
  EXPECT_EQ(bad["errors"], 12);  // as the text form counts them (README)
  EXPECT_EQ(bad["diagnostics"][0]["line"], 5);
  EXPECT_EQ(bad["diagnostics"][0]["column"], 7);
  EXPECT_EQ(bad["diagnostics"][0]["message"], "date '2025-13-01' is not a calendar date written YYYY-MM-DD");
  EXPECT_TRUE(json["files"][1]["ok"].get<bool>());
  if (!have_validator()) return;
  const auto document = std::filesystem::temp_directory_path() / ("statecraft-validate-" + std::to_string(::getpid()) + ".json");
  std::ofstream(document) << r.out;
  std::string message;
  EXPECT_EQ(validate(test::source_path("docs/schema/validate.schema.json"), document, message), 0) << message;
  std::filesystem::remove(document);
}

// The backtest reads a data set, not a scenario: DEU's layout, the test fixture.
TEST(Schema, BacktestAsJson) {
  if (!have_validator()) GTEST_SKIP() << "python3-jsonschema is not installed";
  const auto r = test::run_statecraft("backtest '" + test::source_path("tests/data/deu-small.tsv") + "' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto document = std::filesystem::temp_directory_path() / ("statecraft-schema-backtest-" + std::to_string(::getpid()) + ".json");
  std::ofstream(document) << r.out;
  std::string message;
  EXPECT_EQ(validate(test::source_path("docs/schema/backtest.schema.json"), document, message), 0) << message;
  std::filesystem::remove(document);
}

// A signalling game read from Gambit's format: its perfect Bayesian equilibria as JSON.
TEST(Schema, SolveOfASignallingGameAsJson) {
  if (!have_validator()) GTEST_SKIP() << "python3-jsonschema is not installed";
  const auto r = test::run_statecraft("solve '" + test::source_path("tests/data/incomplete/beer_quiche.efg") + "' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(nlohmann::json::parse(r.out)["games"][0]["perfect_bayesian"]["equilibria"].size(), 2u);
  const auto document = std::filesystem::temp_directory_path() / ("statecraft-schema-bayesian-" + std::to_string(::getpid()) + ".json");
  std::ofstream(document) << r.out;
  std::string message;
  EXPECT_EQ(validate(test::source_path("docs/schema/solve.schema.json"), document, message), 0) << message;
  std::filesystem::remove(document);
}

// Events read articles, not scenarios: every line of the coded seed excerpts, and an evaluation.
TEST(Schema, EventsAndTheirEvaluationAsJson) {
  if (!have_validator()) GTEST_SKIP() << "python3-jsonschema is not installed";
  const auto input = std::filesystem::temp_directory_path() / ("statecraft-schema-events-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(input) << "The Kremlin said that Putin and Kim discussed sanctions. If Trump avoids new sanctions, Putin may not threaten "
                          "Ukraine. Trump should support Kyiv. Putin emphasized his views.";
  const auto r = test::run_statecraft("events --date 2025-08-13 '" + input.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto document = std::filesystem::temp_directory_path() / ("statecraft-schema-event-" + std::to_string(::getpid()) + ".json");
  std::istringstream lines(r.out);
  std::size_t count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    std::ofstream(document) << line;
    std::string message;
    EXPECT_EQ(validate(test::source_path("docs/schema/events.schema.json"), document, message), 0) << line << "\n" << message;
  }
  EXPECT_GE(count, 5u);
  const auto e = test::run_statecraft("events --format json --evaluate '" + test::source_path("tests/data/events/plover/PLOVER_GSR_CAMEO.txt") + "'");
  ASSERT_EQ(e.exit_code, 0) << e.err;
  std::ofstream(document) << e.out;
  std::string message;
  EXPECT_EQ(validate(test::source_path("docs/schema/events-evaluation.schema.json"), document, message), 0) << message;
  const auto summary = test::run_statecraft("events --summary --date 2025-08-13 '" + input.string() + "'");
  ASSERT_EQ(summary.exit_code, 0) << summary.err;
  std::ofstream(document) << summary.out;
  EXPECT_EQ(validate(test::source_path("docs/schema/events-summary.schema.json"), document, message), 0) << message;
  std::filesystem::remove(document);
  std::filesystem::remove(input);
}

TEST(Schema, AReportWithoutARequiredKeyFails) {
  if (!have_validator()) GTEST_SKIP() << "python3-jsonschema is not installed";
  const auto r = test::run_statecraft("analyze '" + test::source_path("scenarios/singapore-2018.yaml") + "' --format json");
  ASSERT_EQ(r.exit_code, 0);
  auto report = nlohmann::json::parse(r.out);
  report.erase("bottom_line");
  const auto document = std::filesystem::temp_directory_path() / ("statecraft-schema-broken-" + std::to_string(::getpid()) + ".json");
  std::ofstream(document) << report.dump();
  std::string message;
  EXPECT_NE(validate(test::source_path("docs/schema/analyze.schema.json"), document, message), 0);
  EXPECT_NE(message.find("bottom_line"), std::string::npos) << message;
  report = nlohmann::json::parse(r.out);
  report["issues"][0]["forecasts"]["median"] = "twenty";  // a number as text
  std::ofstream(document) << report.dump();
  EXPECT_NE(validate(test::source_path("docs/schema/analyze.schema.json"), document, message), 0);
  std::filesystem::remove(document);
}

}  // namespace
}  // namespace statecraft
