// The analyst's summary: hand-computed figures on a small case, and golden files for the four
// seed scenarios (regenerate with STATECRAFT_UPDATE_GOLDEN=1 after a deliberate change).

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bargaining/spatial.hpp"
#include "report/brief.hpp"
#include "report/summary.hpp"
#include "bargaining/decision.hpp"
#include "report/issue_words.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

Summary minimal_summary() {
  const auto result = test::load_text(test::minimal_scenario());
  EXPECT_TRUE(result.ok());
  return summarize(*result.scenario);
}

TEST(WeightedMean, IsSumOfCapabilitySalienceAndPositionOverWeights) {
  // (100·0.5·80 + 60·1·0) / (100·0.5 + 60·1) = 4000 / 110
  const Summary s = minimal_summary();
  const IssueForecast& compromise = s.forecasts.rows.at(0).forecasts.at(0);
  ASSERT_EQ(compromise.model, "compromise");
  ASSERT_TRUE(compromise.position.has_value());
  EXPECT_NEAR(*compromise.position, 4000.0 / 110.0, 1e-12);
  EXPECT_EQ(s.issues[0].stances[1].capability, 60);  // the issue's own capability overrides RUS's 50
}

TEST(Summary, ForecastsEveryModelAndTheirSpread) {
  // USA at 80 (c·s = 50), RUS at 0 (c·s = 60): the median is RUS's 0; the status quo 20 lies
  // between them, so Nash finds no agreement and stays at 20.
  const Summary s = minimal_summary();
  const auto& row = s.forecasts.rows.at(0);
  ASSERT_EQ(row.forecasts.size(), bargaining_models().size());
  EXPECT_EQ(*row.forecasts[1].position, 0);
  EXPECT_EQ(*row.forecasts[2].position, 20);
  EXPECT_FALSE(row.forecasts[2].explanation.empty());
  EXPECT_NEAR(*row.spread, 4000.0 / 110.0, 1e-12);
}

TEST(WeightedMean, Invariants) {
  std::vector<SpatialActor> actors{{"A", 10, 0.5, 3}, {"B", 70, 0.2, 1}, {"C", 40, 0.9, 2}};
  const double mean = *weighted_mean(actors);
  EXPECT_GE(mean, 10);
  EXPECT_LE(mean, 70);
  std::swap(actors[0], actors[2]);  // relabelling changes nothing
  EXPECT_NEAR(*weighted_mean(actors), mean, 1e-12);
  actors.push_back({"D", 90, 1.0, 1e12});  // an actor with (nearly) all capability gets its way
  EXPECT_NEAR(*weighted_mean(actors), 90, 1e-6);
  EXPECT_FALSE(weighted_mean({{"A", 10, 0, 3}}).has_value());  // nobody cares: no forecast
}

TEST(Summary, CapabilitySharesAndConflictCounts) {
  const Summary s = minimal_summary();
  EXPECT_NEAR(s.actors[0].share, 100.0 / 150.0, 1e-12);
  ASSERT_TRUE(s.conflict.has_value());
  EXPECT_EQ(s.conflict->states, 4u);
  EXPECT_EQ(s.conflict->feasible_states, 4u);
  EXPECT_EQ(s.conflict->decision_makers.at(1).preferences, "explicit ranking of 4 states in 3 levels");
  EXPECT_EQ(s.games.at(0).shape, "2x2");
}

TEST(Summary, JsonHasTheDocumentedKeys) {
  const auto json = nlohmann::json::parse(render_json(minimal_summary()));
  for (const char* key : {"statecraft", "scenario", "actors", "issues", "conflict", "games", "lenses"}) EXPECT_TRUE(json.contains(key)) << key;
  EXPECT_EQ(json["issues"][0]["scale"], nlohmann::json::array({0.0, 100.0}));
  EXPECT_NEAR(json["issues"][0]["forecasts"]["compromise"].get<double>(), 4000.0 / 110.0, 1e-12);
  EXPECT_EQ(json["issues"][0]["forecasts"]["median"], 0.0);
  EXPECT_TRUE(json["issues"][0]["notes"].contains("nash"));
  EXPECT_EQ(json["issues"][0]["issue"], "sanctions");  // the key every output names an issue by
  EXPECT_FALSE(json["issues"][0].contains("id"));
  EXPECT_EQ(json["conflict"]["feasible_states"], 4);
  EXPECT_TRUE(json["lenses"]["games"]["has_data"].get<bool>());
}

class Golden : public ::testing::TestWithParam<std::string> {};

void compare_with_golden(const std::string& actual, const std::string& golden_name) {
  const std::string path = test::source_path("tests/golden/" + golden_name);
  if (std::getenv("STATECRAFT_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(actual, test::read_file(path)) << "differs from " << path;
}

TEST_P(Golden, AnalyzeTextAndJson) {
  const auto result = load_scenario_file(test::source_path("scenarios/" + GetParam() + ".yaml"));
  ASSERT_TRUE(result.ok());
  Summary summary = summarize(*result.scenario);
  summary.bottom_line = make_brief(*result.scenario, summary).bottom_line;  // as analyze does
  compare_with_golden(render_text(summary), GetParam() + ".txt");
  compare_with_golden(render_json(summary), GetParam() + ".json");
}

INSTANTIATE_TEST_SUITE_P(Seeds, Golden, ::testing::Values("alaska-2025", "singapore-2018", "danang-2017", "vladivostok-2019"));

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Summary, LargeConflictsAreNotEnumeratedButStillLoad) {
  // 40 options: 2^40 states is beyond listing; loading and the report must still be quick.
  std::string yaml = "statecraft: 1\nid: big\ntitle: Big\ndate: 2025-01-01\nactors:\n  - {id: USA, name: U, capability: 1}\n"
                     "conflict:\n  options:\n";
  for (int i = 0; i < 40; ++i) yaml += "    - {id: o" + std::to_string(i) + ", actor: USA, name: option}\n";
  yaml += "  infeasible: [\"o0 & o1\"]\n  status_quo: [o0]\n  preferences:\n    USA: [o2, \"!o3\"]\n";
  const auto result = test::load_text(yaml);
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(test::messages(result));
  const Summary s = summarize(*result.scenario);
  EXPECT_EQ(s.conflict->states, std::uint64_t{1} << 40);
  EXPECT_FALSE(s.conflict->feasible_states.has_value());
  EXPECT_NE(render_text(s).find("1099511627776 combinations"), std::string::npos);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

Issue labelled_issue() {
  Issue issue;
  issue.units = "% of the front";
  for (const auto& [point, text] : std::vector<std::pair<double, std::string>>{{0, "war"}, {50, "partial"}, {100, "full"}}) {
    Label label;
    label.point.value = point;
    label.text = text;
    issue.labels.push_back(label);
  }
  return issue;
}

TEST(IssueWords, PointsCarryUnitsAndTheNearestLabel) {
  const Issue issue = labelled_issue();
  EXPECT_EQ(point_in_words(issue, 50), "50 % of the front 'partial'");
  EXPECT_EQ(point_in_words(issue, 20), "20 % of the front, near 'war' (0)");
  EXPECT_EQ(point_in_words(issue, 80), "80 % of the front, near 'full' (100)");
  EXPECT_EQ(nearest_label(issue.labels, 25)->text, "war");  // halfway: the lower label
  EXPECT_EQ(point_in_words(Issue{}, 7.5), "7.5");
}

TEST(IssueWords, WhoDecides) {
  BargainingIssue issue;
  EXPECT_EQ(describe_rule(issue), "every actor, as a weighted vote (no decision rule given)");
  issue.rule = DecisionRule::Unanimity;
  issue.deciders = {"RUS"};
  EXPECT_EQ(describe_rule(issue), "RUS alone");
  issue.deciders = {"RUS", "UKR"};
  EXPECT_EQ(describe_rule(issue), "RUS and UKR, each with a veto (unanimity)");
  issue.deciders = {"USA", "RUS", "CHN"};
  issue.rule = DecisionRule::Majority;
  EXPECT_EQ(describe_rule(issue), "a majority of the capability of USA, RUS and CHN");
  issue.rule = DecisionRule::Qualified;
  issue.threshold = 0.65;
  EXPECT_EQ(describe_rule(issue), "at least 65 % of the capability of USA, RUS and CHN (qualified majority)");
}

}  // namespace
}  // namespace statecraft
