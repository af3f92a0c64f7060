// The judgments that changed between two versions of a scenario (scenario/judgment_diff), each
// test a pair that differs in one known way.

#include <gtest/gtest.h>

#include "scenario/judgment_diff.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

using test::replace;

Scenario load(const std::string& yaml) {
  const LoadResult result = test::load_text(yaml);
  EXPECT_TRUE(result.ok()) << ::testing::PrintToString(test::messages(result));
  return *result.scenario;
}

Scenario load_file(const std::string& relative) { return load(test::read_file(test::source_path(relative))); }

std::vector<JudgmentChange> changes_between(const std::string& before, const std::string& after) {
  return judgment_changes(load(before), load(after));
}

TEST(JudgmentDiff, OneCapabilityChangedIsExactlyThatJudgment) {
  const auto changes = judgment_changes(load_file("tests/data/diff/three-actors.yaml"), load_file("tests/data/diff/three-actors-stronger-c.yaml"));
  ASSERT_EQ(changes.size(), 1u);
  const JudgmentChange& c = changes[0];
  EXPECT_EQ(c.kind, JudgmentChange::Kind::Changed);
  EXPECT_EQ(c.section, "actors");
  EXPECT_EQ(c.actor, "CCC");
  EXPECT_EQ(c.what, "capability of Country C (CCC)");
  EXPECT_EQ(c.before, "10");
  EXPECT_EQ(c.after, "30");
  EXPECT_EQ(c.note, "C has tripled its navy");  // the new version's reason
  EXPECT_EQ(c.source, "src");
  EXPECT_EQ(c.at.line, 13);
}

TEST(JudgmentDiff, ANoteRewrittenAloneIsNoJudgment) {
  const std::string before = test::minimal_scenario();
  EXPECT_TRUE(changes_between(before, replace(before, "note: why", "note: a better reason")).empty());
}

TEST(JudgmentDiff, StancesAddedRemovedAndChanged) {
  const std::string before = test::minimal_scenario();
  const auto changes = changes_between(before, replace(before, "USA: {position: 80, salience: 0.5}", "USA: {position: 70, salience: 0.5}"));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].what, "position of United States (USA) on “Sanctions” (sanctions)");
  EXPECT_EQ(changes[0].issue, "sanctions");
  EXPECT_EQ(changes[0].before + " → " + changes[0].after, "80 → 70");

  const auto removed = changes_between(before, replace(before, "      USA: {position: 80, salience: 0.5}\n", ""));
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].kind, JudgmentChange::Kind::Removed);
  EXPECT_EQ(removed[0].before, "position 80, salience 0.5");
}

TEST(JudgmentDiff, ADecisionRuleAddedIsOneJudgmentWithItsDeciders) {
  const std::string before = replace(test::minimal_scenario(), "statecraft: 1", "statecraft: 2");
  const auto changes = changes_between(before, replace(before, "    status_quo: 20\n", "    status_quo: 20\n    decision: {rule: unanimity, deciders: [USA], note: Congress}\n"));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, JudgmentChange::Kind::Added);
  EXPECT_EQ(changes[0].after, "unanimity of USA");
  EXPECT_EQ(changes[0].note, "Congress");
}

TEST(JudgmentDiff, TwoStatementsSwappedIsOneMove) {
  const std::string before = test::minimal_scenario();
  const auto changes = changes_between(before, replace(before, R"(USA: [ceasefire, "!sanction"])", R"(USA: ["!sanction", ceasefire])"));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, JudgmentChange::Kind::Moved);
  EXPECT_EQ(changes[0].before, "rank 2 of 2");
  EXPECT_EQ(changes[0].after, "rank 1 of 2");
}

TEST(JudgmentDiff, APayoffChangedNamesItsProfile) {
  const std::string before = test::minimal_scenario();
  const auto changes = changes_between(before, replace(before, "hold: {accept: [3, 2]", "hold: {accept: [3, 4]"));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].what, "payoff of Russia (RUS) for (hold, accept) in game ultimatum");
  EXPECT_EQ(changes[0].game, "ultimatum");
  EXPECT_EQ(changes[0].before + " → " + changes[0].after, "2 → 4");
}

TEST(JudgmentDiff, OptionsAndActorsAddedAndRemoved) {
  const std::string before = test::minimal_scenario();
  // The new option is ruled out, so that RUS's explicit ranking still covers every feasible state.
  const std::string after = replace(replace(replace(before, "    - {id: ceasefire, actor: RUS, name: accept a ceasefire, reversible: forward}\n",
                                                    "    - {id: ceasefire, actor: RUS, name: accept a ceasefire, reversible: forward}\n"
                                                    "    - {id: escalate, actor: RUS, name: escalate}\n"),
                                            "infeasible: []", "infeasible: [escalate]"),
                                    "  - {id: USA, name: United States, capability: 100}\n", "  - {id: USA, name: United States, capability: 100}\n  - {id: CHN, name: China, capability: 80}\n");
  const auto changes = changes_between(before, after);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].what, "actor China (CHN)");
  EXPECT_EQ(changes[1].what, "option “escalate” (escalate) of Russia (RUS)");
  EXPECT_EQ(changes[1].kind, JudgmentChange::Kind::Added);
  EXPECT_EQ(changes[2].what, "infeasible combination “escalate”");
  const auto removed = changes_between(after, before);  // and the other way round
  ASSERT_EQ(removed.size(), 3u);
  EXPECT_EQ(removed[0].kind, JudgmentChange::Kind::Removed);
  EXPECT_EQ(removed[0].before, "capability 80");
}

}  // namespace
}  // namespace statecraft
