// The analyst's summary: hand-computed figures on a small case, and golden files for the four
// seed scenarios (regenerate with STATECRAFT_UPDATE_GOLDEN=1 after a deliberate change).

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bargaining/spatial.hpp"
#include "report/summary.hpp"
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
  ASSERT_TRUE(s.issues.at(0).weighted_mean.has_value());
  EXPECT_NEAR(*s.issues[0].weighted_mean, 4000.0 / 110.0, 1e-12);
  EXPECT_EQ(s.issues[0].stances[1].capability, 60);  // the issue's own capability overrides RUS's 50
  EXPECT_EQ(s.issues[0].weighted_mean_label, "none");  // 36.4 is nearer 0 than 100
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
  EXPECT_NEAR(json["issues"][0]["forecasts"]["weighted_mean"].get<double>(), 4000.0 / 110.0, 1e-12);
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
  const Summary summary = summarize(*result.scenario);
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
