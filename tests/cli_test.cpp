// The command line as a user meets it: exit codes, where output goes, and the messages.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/transition_graph.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

using test::run_statecraft;

std::string scenario(const std::string& name) { return "'" + test::source_path("scenarios/" + name) + "'"; }

int count_lines_with(const std::string& text, const std::string& needle) {
  int count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

TEST(Cli, HelpAndVersionExitZero) {
  const auto help = run_statecraft("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("validate"), std::string::npos);
  EXPECT_NE(help.out.find("analyze"), std::string::npos);
  const auto version = run_statecraft("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, std::string("statecraft ") + STATECRAFT_VERSION + "\n");
  const auto sub_help = run_statecraft("analyze --help");
  EXPECT_EQ(sub_help.exit_code, 0);
  EXPECT_NE(sub_help.out.find("--format"), std::string::npos);
}

TEST(Cli, BadUsageExitsTwoWithMessageOnStderr) {
  for (const char* arguments : {"", "frobnicate", "analyze", "analyze x.yaml --format xml", "validate"}) {
    const auto r = run_statecraft(arguments);
    EXPECT_EQ(r.exit_code, 2) << arguments;
    EXPECT_TRUE(r.out.empty()) << arguments;
    EXPECT_FALSE(r.err.empty()) << arguments;
  }
}

TEST(Cli, ValidateSeedScenariosIsClean) {
  const auto r = run_statecraft("validate " + scenario("alaska-2025.yaml") + " " + scenario("singapore-2018.yaml") + " " +
                                scenario("danang-2017.yaml") + " " + scenario("vladivostok-2019.yaml"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count_lines_with(r.out, ": ok ("), 4);
  // The seeds weigh each issue on its own, so every actor's saliences sum above 1 over the
  // issues; the one warning each says what the smp model does about that.
  EXPECT_EQ(count_lines_with(r.err, ": warning: saliences sum above 1"), 4) << r.err;
  EXPECT_EQ(count_lines_with(r.err, ": warning: "), 4) << r.err;
  EXPECT_EQ(count_lines_with(r.err, ": error: "), 0) << r.err;
}

TEST(Cli, ValidateStrictFailsOnWarnings) {
  const auto dir = std::filesystem::temp_directory_path() / "statecraft-cli-strict";
  std::filesystem::create_directories(dir);
  const auto file = (dir / "unexplained.yaml").string();
  std::ofstream(file) << test::minimal_scenario();
  const auto lenient = run_statecraft("validate " + file);
  EXPECT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_NE(lenient.out.find(": ok (2 actors, 1 issues, 2 options, 1 games; 10 warnings)"), std::string::npos) << lenient.out;
  EXPECT_NE(lenient.err.find(file + ":8:48: warning: capability of USA has neither note nor source"), std::string::npos) << lenient.err;
  const auto strict = run_statecraft("validate --strict " + file);
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_TRUE(strict.out.empty());
  EXPECT_NE(strict.err.find(file + ": fails --strict; 10 warnings"), std::string::npos) << strict.err;
  std::filesystem::remove_all(dir);
}

TEST(Cli, DozenMistakesGetADozenMessages) {
  const std::string file = test::source_path("tests/data/invalid/dozen-mistakes.yaml");
  const auto r = run_statecraft("validate '" + file + "' " + scenario("alaska-2025.yaml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(count_lines_with(r.err, ": error: "), 12) << r.err;
  EXPECT_EQ(count_lines_with(r.err, file + ":"), 13);  // twelve messages and the count
  EXPECT_NE(r.err.find(file + ":18:27: error: unknown key 'salince' in a stance; did you mean 'salience'?"), std::string::npos);
  EXPECT_EQ(count_lines_with(r.out, ": ok ("), 1);  // the other file is still checked
}

TEST(Cli, MissingFileIsBadInput) {
  const auto r = run_statecraft("analyze /nonexistent/scenario.yaml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/scenario.yaml: error: cannot read the file"), std::string::npos);
}

TEST(Cli, AnalyzeJsonIsValidWithDocumentedKeys) {
  const auto r = run_statecraft("analyze " + scenario("alaska-2025.yaml") + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["scenario"]["id"], "alaska-2025");
  EXPECT_GE(json["issues"].size(), 3u);
  for (const auto& issue : json["issues"]) EXPECT_TRUE(issue["forecasts"]["compromise"].is_number());
  EXPECT_TRUE(json["lenses"]["conflict"]["has_data"].get<bool>());
}

TEST(Cli, AnalyzeTextIsTheReport) {
  const auto r = run_statecraft("analyze " + scenario("alaska-2025.yaml"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Actors"), std::string::npos);
  EXPECT_NE(r.out.find("Forecasts (where each issue ends, by model)"), std::string::npos);
  EXPECT_NE(r.out.find("Lenses"), std::string::npos);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Cli, ForecastPrintsEveryModelByDefault) {
  const auto r = test::run_statecraft("forecast '" + test::source_path("scenarios/danang-2017.yaml") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* model : {"compromise", "median", "nash", "spread"}) EXPECT_NE(r.out.find(model), std::string::npos) << model;
}

TEST(Cli, ForecastChosenModelsAsJson) {
  const auto r = test::run_statecraft("forecast '" + test::source_path("scenarios/danang-2017.yaml") + "' --model median --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["scenario"], "danang-2017");
  for (const auto& issue : json["issues"]) {
    EXPECT_EQ(issue["forecasts"].size(), 1u);
    EXPECT_TRUE(issue["forecasts"]["median"].is_number());
  }
}

TEST(Cli, ForecastUnknownModelIsBadUsage) {
  const auto r = test::run_statecraft("forecast '" + test::source_path("scenarios/danang-2017.yaml") + "' --model oracle");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown model 'oracle'; models: compromise, median, nash"), std::string::npos);
}

TEST(Cli, ForecastWithoutIssuesFailsTheAnalysis) {
  const auto r = test::run_statecraft("forecast '" + test::source_path("tests/data/no-issues.yaml") + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no issues to forecast"), std::string::npos);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Cli, ForecastUncertaintyAsJson) {
  const auto r = test::run_statecraft("forecast '" + test::source_path("scenarios/singapore-2018.yaml") +
                                      "' --samples 300 --seed 5 --jitter position=0.02,salience=0 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["uncertainty"]["samples"], 300);
  EXPECT_EQ(json["uncertainty"]["jitter"]["salience"], 0.0);
  EXPECT_EQ(json["uncertainty"]["jitter"]["capability"], 0.2);
  EXPECT_EQ(json["uncertainty"]["jitter"]["position"], 0.02);
  EXPECT_EQ(json["uncertainty"]["jitter"]["status_quo"], 0.05);
  EXPECT_NE(json["uncertainty"]["perturbed"].get<std::string>().find("positions by N(0, 2 % of the issue's scale)"), std::string::npos);
  for (const auto& d : json["uncertainty"]["distributions"]) {
    if (d["samples"] == 0) continue;  // deciders: no forecast without a decision rule
    EXPECT_LE(d["p05"].get<double>(), d["p50"].get<double>());
    EXPECT_LE(d["p50"].get<double>(), d["p95"].get<double>());
  }
}

TEST(Cli, ForecastBadJitterIsBadUsage) {
  const auto r = test::run_statecraft("forecast '" + test::source_path("scenarios/singapore-2018.yaml") + "' --samples 3 --jitter posture=2");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot read 'posture=2'"), std::string::npos);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Cli, BacktestDeuFile) {
  const auto r = test::run_statecraft("backtest '" + test::source_path("tests/data/deu-small.tsv") + "' --input-format deu --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["issues"], 4);
  EXPECT_EQ(json["scores"][1]["model"], "median");
  EXPECT_DOUBLE_EQ(json["scores"][1]["mean_absolute_error"].get<double>(), 10.0);
}

TEST(Cli, BacktestBadFileIsBadInput) {
  const auto dir = test::source_path("tests/data");
  const auto r = test::run_statecraft("backtest '" + dir + "/no-issues.yaml' --input-format deu");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no-issues.yaml:1:1: error: the header names no actors"), std::string::npos) << r.err;
  EXPECT_EQ(test::run_statecraft("backtest '" + dir + "/deu-small.tsv' --input-format csv").exit_code, 2);
  EXPECT_EQ(test::run_statecraft("backtest '" + dir + "/deu-small.tsv' --format csv").exit_code, 2);  // the output's: text or json
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Cli, ForecastWritesTrajectoriesAndAChart) {
  const auto dir = std::filesystem::temp_directory_path() / "statecraft-cli-chart";
  std::filesystem::create_directories(dir);
  const auto csv = (dir / "rounds.csv").string(), svg = (dir / "chart.svg").string();
  const auto r = test::run_statecraft("forecast '" + test::source_path("scenarios/emission-standards-1994.yaml") +
                                      "' --model expected-utility,smp --trajectory '" + csv + "' --chart '" + svg + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string rows = test::read_file(csv);
  EXPECT_EQ(rows.rfind("model,issue,round,actor,position\n", 0), 0u);
  // Belgium's compromise with France in round 1 (Scholz et al.).
  EXPECT_NE(rows.find("expected-utility,introduction_delay,1,BEL,8.41593"), std::string::npos);
  const std::string chart = test::read_file(svg);
  EXPECT_EQ(chart.rfind("<svg", 0), 0u);
  EXPECT_NE(chart.find(">expected-utility<"), std::string::npos);
  EXPECT_NE(chart.find(">smp<"), std::string::npos);
  EXPECT_NE(chart.find(">BEL<"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(Cli, ChartNeedsADynamicModelAndAKnownIssue) {
  const std::string file = "'" + test::source_path("scenarios/emission-standards-1994.yaml") + "'";
  EXPECT_EQ(test::run_statecraft("forecast " + file + " --model median --chart /tmp/x.svg").exit_code, 2);
  const auto r = test::run_statecraft("forecast " + file + " --model smp --chart /tmp/x.svg --issue nowhere");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--issue 'nowhere' is not an issue"), std::string::npos);
}

TEST(Cli, ExpectedUtilityParameters) {
  const std::string file = "'" + test::source_path("scenarios/emission-standards-1994.yaml") + "'";
  const auto base = nlohmann::json::parse(test::run_statecraft("forecast " + file + " --model expected-utility --format json").out);
  const auto varied = nlohmann::json::parse(test::run_statecraft("forecast " + file + " --model expected-utility --q 0.5 --format json").out);
  EXPECT_NE(base["issues"][0]["forecasts"]["expected-utility"], varied["issues"][0]["forecasts"]["expected-utility"]);
  EXPECT_EQ(test::run_statecraft("forecast " + file + " --conflict sometimes").exit_code, 2);
  EXPECT_EQ(test::run_statecraft("forecast " + file + " --q 1.5").exit_code, 2);
}

TEST(Cli, ForecastListsTheExchanges) {
  const auto r = test::run_statecraft("forecast '" + test::source_path("scenarios/alaska-2025.yaml") + "' --model exchange");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Exchanges of support"), std::string::npos);
  EXPECT_NE(r.out.find("RUS moves on kim_icbm"), std::string::npos);
}

TEST(Cli, KtabAndDecideFilesImportIntoTheScenarioLanguage) {
  for (const char* file : {"tests/data/ktab/SOE-Policy.csv", "tests/data/exchange/cop21.csv"}) {
    const auto r = test::run_statecraft("import '" + test::source_path(file) + "'");
    ASSERT_EQ(r.exit_code, 0) << file << r.err;
    EXPECT_TRUE(test::load_text(r.out).ok()) << file;
  }
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Cli, StabilityOfASeedScenario) {
  const auto r = test::run_statecraft("stability '" + test::source_path("scenarios/danang-2017.yaml") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The Da Nang status quo (the US asks Russia for help, nobody else moves) holds under every
  // concept, and is named by its option; war is stable too, but the status quo cannot reach it.
  EXPECT_NE(r.out.find("Outcomes: equilibria the status quo leads to\n"
                       "  USA: ask Moscow for help in settling the North Korea standoff; RUS, PRK: none [state 2] — Nash GMR SMR SEQ SIM\n"
                       "    it is the status quo\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("[state 10] — Nash GMR SMR SEQ SIM\n    not reachable from the status quo: it needs USA to take “go to war with North Korea” "
                       "(which cannot be undone), a move USA prefers from no state the status quo leads to\n"),
            std::string::npos)
      << r.out;
  EXPECT_LT(r.out.find("[state 2]"), r.out.find("[state 10]"));
}

TEST(Cli, StabilityOfAGmcrFileAsCsvMatchesGmcrPysLayout) {
  const auto r = test::run_statecraft("stability '" + test::source_path("tests/data/gmcr/Prisoners.gmcr") + "' --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("state,decimal,yn,", 0), 0u);
  EXPECT_NE(r.out.find(",equilibria\n"), std::string::npos);
  const auto json = nlohmann::json::parse(test::run_statecraft("stability '" + test::source_path("tests/data/gmcr/Prisoners.gmcr") + "' --format json").out);
  EXPECT_EQ(json["stability"]["states"].size(), 4u);
}

TEST(Cli, StabilityNeedsAConflict) {
  EXPECT_EQ(test::run_statecraft("stability '" + test::source_path("tests/data/no-issues.yaml") + "'").exit_code, 1);
  const auto bad = test::run_statecraft("stability '" + test::source_path("tests/data/gmcr/broken.gmcr") + "'");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("broken.gmcr:3:"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Cli, StabilityDrawsTheTransitionGraph) {
  const auto dot = std::filesystem::temp_directory_path() / "statecraft-elmira.dot";
  const auto r = test::run_statecraft("stability '" + test::source_path("tests/data/gmcr/Elmira.gmcr") + "' --graph '" + dot.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = test::read_file(dot.string());
  EXPECT_EQ(text.rfind("digraph conflict {", 0), 0u);
  // Nash equilibria are drawn double: Elmira's states 5, 6, 7, 10, 11 and 12.
  for (int s : {5, 6, 7, 10, 11, 12}) EXPECT_NE(text.find(fmt::format("s{} [label=\"{}\\n", s, s)), std::string::npos);
  EXPECT_EQ(text.find("s1 [label=\"1\\nNYNNN\", shape=doublecircle"), std::string::npos);
  EXPECT_NE(text.find("s7 [label=\"7\\nNYNNY\", shape=doublecircle"), std::string::npos);
  std::filesystem::remove(dot);
  // Too many states to draw whole (Alaska: 1920): the paths from the status quo (state 1443) to
  // the reachable equilibria, the states on them described by the options taken, each move by
  // its mover; here USA sanctions (1444), then PRK resumes its tests (1684), as the report says.
  const auto part = std::filesystem::temp_directory_path() / "statecraft-alaska.dot";
  const auto big = test::run_statecraft("stability '" + test::source_path("scenarios/alaska-2025.yaml") + "' --graph '" + part.string() + "'");
  ASSERT_EQ(big.exit_code, 0) << big.err;
  EXPECT_NE(big.err.find("the graph shows the paths from the status quo to the first 6 reachable equilibria"), std::string::npos) << big.err;
  const std::string drawn = test::read_file(part.string());
  EXPECT_EQ(drawn.rfind("digraph reachable {", 0), 0u);
  EXPECT_NE(drawn.find("s1443 [label=\"state 1443 (status quo)\\nUSA: india_tariffs\\nRUS: nothing"), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("s1443 -> s1444 [label=\"USA\""), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("s1444 -> s1684 [label=\"PRK\""), std::string::npos) << drawn;
  auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (auto at = drawn.find(what); at != std::string::npos; at = drawn.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_LE(count("(equilibrium)"), max_drawn_paths);
  EXPECT_LT(count("[label=\"state "), 20u);  // the paths' states, never the whole graph
  std::filesystem::remove(part);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Cli, StabilityOfACoalition) {
  const std::string file = "'" + test::source_path("scenarios/alaska-2025.yaml") + "'";
  const auto r = test::run_statecraft("stability " + file + " --coalition USA,RUS");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Together, Washington and Moscow could settle on the lure: talks on Korea, pressure on Kim.
  EXPECT_NE(r.out.find("it could move to USA: join a Russia-brokered trilateral conference on a new North Korea nuclear deal; RUS: restrict "
                       "North Korea's nuclear and missile programme; PRK: keep supplying soldiers and munitions for Russia's war; IND: keep "
                       "importing Russian oil [state "),
            std::string::npos)
      << r.out;
  const auto bad = test::run_statecraft("stability " + file + " --coalition USA,CHN");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("'CHN' is not a decision maker"), std::string::npos);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Cli, SolveExplainsTheAlaskaThreat) {
  const auto r = test::run_statecraft("solve '" + test::source_path("scenarios/alaska-2025.yaml") + "#alaska_ultimatum'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Putin ranks a ceasefire without concessions below being sanctioned while the war goes on
  // (paras 5 and 11), so whatever he does short of a ceasefire, Trump sanctions.
  EXPECT_NE(r.out.find("then “Trump keeps his pledge and sanctions” (payoffs USA 5, RUS 3)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("at the start: RUS does as well with any of “Putin offers restraint on Kim, pressure on Iran and investment for no sanctions”, "
                       "“Putin keeps talking, neither accepting nor offering”, “Putin threatens escalation if sanctioned”"),
            std::string::npos);
  EXPECT_NE(r.out.find("a threat that is not credible: after “Putin threatens escalation if sanctioned”, then “Trump sanctions anyway”: RUS threatens “Putin carries out the threat”, "
                       "but when it came to it, it would rather “Putin does not escalate” (carrying out the threat would cost it 2)"),
            std::string::npos);
}

TEST(Cli, SolveAGambitFileAsJson) {
  const auto r = test::run_statecraft("solve '" + test::source_path("tests/data/games/bos.nfg") + "' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["games"][0]["pure_equilibria"].size(), 2u);
}

TEST(Cli, SolveErrors) {
  EXPECT_EQ(test::run_statecraft("solve '" + test::source_path("scenarios/alaska-2025.yaml") + "#nope'").exit_code, 2);
  EXPECT_EQ(test::run_statecraft("solve '" + test::source_path("scenarios/emission-standards-1994.yaml") + "'").exit_code, 1);
  const auto bad = test::run_statecraft("solve '" + test::source_path("tests/data/games/broken.nfg") + "'");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("broken.nfg:3:1: error: expected a payoff"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Cli, SolveAGambitTree) {
  const auto r = test::run_statecraft("solve '" + test::source_path("tests/data/games/cent4.efg") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("subgame-perfect play: Player 1 TAKE"), std::string::npos);  // the centipede unravels
  const auto bad = test::run_statecraft("solve '" + test::source_path("tests/data/games/broken.efg") + "'");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("broken.efg:3:6: error: player 3 does not exist (there are 2)"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Cli, SolveMethods) {
  const std::string bos = "'" + test::source_path("tests/data/games/bos.nfg") + "'";
  const auto lcp = test::run_statecraft("solve " + bos + " --method lcp");
  ASSERT_EQ(lcp.exit_code, 0) << lcp.err;
  EXPECT_NE(lcp.out.find("Lemke-Howson equilibrium: Player 1: Top 60 % (3/5), Bottom 40 % (2/5); Player 2: Left 40 % (2/5), Right 60 % (3/5)"), std::string::npos);
  EXPECT_NE(lcp.out.find("Lemke-Howson equilibrium: Player 1: Top 100 %; Player 2: Left 100 %"), std::string::npos);
  EXPECT_EQ(lcp.out.find("logit quantal response"), std::string::npos);
  const auto all = test::run_statecraft("solve " + bos + " --method enummixed");
  EXPECT_NE(all.out.find("Nash equilibrium: Player 1: Top 60 % (3/5), Bottom 40 % (2/5); Player 2: Left 40 % (2/5), Right 60 % (3/5) (expected payoffs Player 1 6/5, Player 2 6/5)"), std::string::npos);
  EXPECT_EQ(all.out.find("degenerate"), std::string::npos);
  const auto zero = test::run_statecraft("solve '" + test::source_path("tests/data/games/zero.nfg") + "'");
  EXPECT_NE(zero.out.find("a degenerate game"), std::string::npos);
  const auto pure = test::run_statecraft("solve " + bos + " --method pure");
  EXPECT_EQ(pure.out.find("mixed"), std::string::npos);
  EXPECT_NE(pure.out.find("equilibrium: Player 1 Top, Player 2 Left"), std::string::npos);
  const auto bad = test::run_statecraft("solve " + bos + " --method magic");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown method 'magic'"), std::string::npos);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Cli, SolveTreesWithInformationSets) {
  const auto poker = test::run_statecraft("solve '" + test::source_path("tests/data/games/poker.efg") + "'");
  ASSERT_EQ(poker.exit_code, 0) << poker.err;
  EXPECT_NE(poker.out.find("Alice after chance: Queen: Raise 33.3 % (1/3), Fold 66.7 % (2/3)"), std::string::npos) << poker.out;
  EXPECT_NE(poker.out.find("Bob after chance: King, then Alice Raise (and 1 other node it cannot tell apart): Meet 66.7 % (2/3), Pass 33.3 % (1/3)"), std::string::npos) << poker.out;
  EXPECT_NE(poker.out.find("expected payoffs: Alice 1/3, Bob -1/3"), std::string::npos);
  const auto json = test::run_statecraft("solve '" + test::source_path("tests/data/games/poker.efg") + "' --format json");
  EXPECT_NE(json.out.find("\"sequence_form_equilibrium\""), std::string::npos);
  const auto horse = test::run_statecraft("solve '" + test::source_path("tests/data/games/selten_horse.efg") + "' --format json");
  ASSERT_EQ(horse.exit_code, 0) << horse.err;
  EXPECT_NE(horse.out.find("\"strategic_form\""), std::string::npos);
}

}  // namespace
}  // namespace statecraft
