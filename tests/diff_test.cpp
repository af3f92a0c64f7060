// statecraft diff: the answers that moved between two versions of a scenario (report/diff), on
// pairs whose answers are known by hand, and the command. The judgments: judgment_diff_test.cpp.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "report/diff.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

Scenario load(const std::string& yaml) {
  const LoadResult result = test::load_text(yaml);
  EXPECT_TRUE(result.ok()) << ::testing::PrintToString(test::messages(result));
  return *result.scenario;
}

Scenario load_file(const std::string& relative) { return load(test::read_file(test::source_path(relative))); }

std::string quoted_path(const std::string& relative) { return "'" + test::source_path(relative) + "'"; }

const ForecastChange* forecast_change(const AnswerChanges& answers, const std::string& issue, const std::string& model) {
  const auto it = std::find_if(answers.forecasts.begin(), answers.forecasts.end(),
                               [&](const ForecastChange& f) { return f.issue == issue && f.model == model; });
  return it == answers.forecasts.end() ? nullptr : &*it;
}

// By hand: weights c·s of 10, 10, 10 put the median at the middle position, 50; with CCC at 30
// the weights are 10, 10, 30 of 50, and only 20 lie below CCC's 100, so the median is 100. The
// compromise goes from (0 + 500 + 1000) / 30 = 50 to (0 + 500 + 3000) / 50 = 70.
TEST(Diff, TheMedianMovesFrom50To100WhenOneActorTriples) {
  const Scenario before = load_file("tests/data/diff/three-actors.yaml"), after = load_file("tests/data/diff/three-actors-stronger-c.yaml");
  const ScenarioDiff diff = diff_scenarios(before, after, "a.yaml", "b.yaml");
  const ForecastChange* median = forecast_change(diff.answers, "tariff", "median");
  ASSERT_NE(median, nullptr);
  EXPECT_EQ(median->before, 50);
  EXPECT_EQ(median->after, 100);
  EXPECT_EQ(median->after_words, "100 % of the old tariff 'the whole tariff'");
  const ForecastChange* compromise = forecast_change(diff.answers, "tariff", "compromise");
  ASSERT_NE(compromise, nullptr);
  EXPECT_NEAR(*compromise->before, 50, 1e-9);
  EXPECT_NEAR(*compromise->after, 70, 1e-9);
  EXPECT_EQ(compromise->after_words, "70 % of the old tariff, near 'half the tariff' (50)");
  EXPECT_TRUE(diff.answers.deals.empty());  // no decision rule on either side
}

TEST(Diff, IdenticalScenariosChangeNothing) {
  const Scenario scenario = load(test::minimal_scenario());
  const ScenarioDiff diff = diff_scenarios(scenario, scenario, "a.yaml", "a.yaml");
  EXPECT_TRUE(diff.judgments.empty());
  EXPECT_TRUE(diff.answers.empty());
  EXPECT_TRUE(diff.answers.equilibria_not_compared.empty());
  const std::string text = render_diff_text(diff);
  EXPECT_NE(text.find("No judgment changed."), std::string::npos) << text;
  EXPECT_NE(text.find("No answer changed."), std::string::npos) << text;
}

// The Alaska seed as it was at commit f33e145, before decision rules (format version 2), against
// the seed today: the rules are listed as added, and with Russia the sole decider who stands at
// the status quo, no deal on the ceasefire is possible and the compromise falls from 82.23 to 0.
TEST(Diff, TheAlaskaSeedAgainstItsOlderVersion) {
  const Scenario before = load_file("tests/data/diff/alaska-2025-at-f33e145.yaml"), after = load_file("scenarios/alaska-2025.yaml");
  const ScenarioDiff diff = diff_scenarios(before, after, "old.yaml", "new.yaml");
  std::vector<std::string> rules_added;
  for (const auto& c : diff.judgments)
    if (c.kind == JudgmentChange::Kind::Added && c.what.starts_with("decision rule of ")) rules_added.push_back(c.issue + ": " + c.after);
  EXPECT_EQ(rules_added, (std::vector<std::string>{"new_sanctions: unanimity of USA", "ceasefire: unanimity of RUS", "territory: unanimity of RUS, UKR",
                                                   "peacekeepers: unanimity of RUS, UKR, EU", "alignment_veto: unanimity of RUS, UKR",
                                                   "kim_icbm: unanimity of PRK, USA"}));
  const ForecastChange* ceasefire = forecast_change(diff.answers, "ceasefire", "compromise");
  ASSERT_NE(ceasefire, nullptr);
  EXPECT_NEAR(*ceasefire->before, 82.23, 0.005);
  EXPECT_EQ(ceasefire->after, 0);
  EXPECT_EQ(ceasefire->after_words, "0 points toward a full ceasefire 'fighting goes on, no ceasefire'");
  const auto deal = std::find_if(diff.answers.deals.begin(), diff.answers.deals.end(), [](const DealChange& d) { return d.issue == "ceasefire"; });
  ASSERT_NE(deal, diff.answers.deals.end());
  EXPECT_EQ(deal->before, std::nullopt);  // no rule, no win set
  EXPECT_EQ(deal->after, false);
  EXPECT_EQ(deal->decided_by_after, "RUS alone");
  // The game's solution changed: Putin no longer accepts the ceasefire.
  const auto game = std::find_if(diff.answers.games.begin(), diff.answers.games.end(), [](const GameChange& g) { return g.game == "alaska_ultimatum"; });
  ASSERT_NE(game, diff.answers.games.end());
  EXPECT_NE(std::find(game->lost.begin(), game->lost.end(), "subgame-perfect play: “Ceasefire accepted, no new sanctions” (payoffs USA 6, RUS 3)"), game->lost.end());
  EXPECT_FALSE(diff.answers.equilibria.empty());
  EXPECT_TRUE(diff.answers.equilibria_not_compared.empty());
}

TEST(DiffCli, TextAndJson) {
  const std::string pair = quoted_path("tests/data/diff/three-actors.yaml") + " " + quoted_path("tests/data/diff/three-actors-stronger-c.yaml");
  const auto text = test::run_statecraft("diff " + pair);
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("changed  capability of Country C (CCC): 10 → 30"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("tariff (median): 50 → 100"), std::string::npos) << text.out;

  const auto json = test::run_statecraft("diff --format json " + pair);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto report = nlohmann::json::parse(json.out);
  ASSERT_EQ(report["judgments"].size(), 1u);
  EXPECT_EQ(report["judgments"][0]["actor"], "CCC");
  EXPECT_EQ(report["judgments"][0]["change"], "changed");
  EXPECT_EQ(report["judgments"][0]["at"]["line"], 13);
  EXPECT_EQ(report["before"]["scenario"], "three-actors");
  bool median_moved = false;
  for (const auto& f : report["answers"]["forecasts"]) median_moved |= f["model"] == "median" && f["before"] == 50 && f["after"] == 100;
  EXPECT_TRUE(median_moved) << json.out;
}

TEST(DiffCli, IdenticalFilesSaySoAndExitZero) {
  const auto r = test::run_statecraft("diff " + quoted_path("scenarios/alaska-2025.yaml") + " " + quoted_path("scenarios/alaska-2025.yaml"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("No judgment changed."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("No answer changed."), std::string::npos) << r.out;
}

TEST(DiffCli, BadInputExitsTwoWithEveryFilesErrors) {
  const std::string invalid = test::source_path("tests/data/invalid/dozen-mistakes.yaml");
  const auto r = test::run_statecraft("diff '" + invalid + "' " + quoted_path("tests/data/diff/three-actors.yaml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find(invalid + ":10:41: error: capability of RUS must be greater than 0"), std::string::npos) << r.err;

  const auto missing = test::run_statecraft("diff /nonexistent/a.yaml " + quoted_path("tests/data/diff/three-actors.yaml"));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/a.yaml"), std::string::npos) << missing.err;

  EXPECT_EQ(test::run_statecraft("diff " + quoted_path("tests/data/diff/three-actors.yaml")).exit_code, 2);  // one file: bad usage
}

}  // namespace
}  // namespace statecraft
