// The four seed scenarios: they load cleanly, survive a write-and-reload unchanged, and hold
// what the issue asks of them.

#include <gtest/gtest.h>

#include <set>

#include "scenario/write.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

class SeedScenario : public ::testing::TestWithParam<std::string> {
 protected:
  Scenario load() {
    const auto result = load_scenario_file(test::source_path("scenarios/" + GetParam() + ".yaml"));
    EXPECT_TRUE(result.ok()) << ::testing::PrintToString(test::messages(result));
    return result.ok() ? *result.scenario : Scenario{};
  }
};

TEST_P(SeedScenario, RoundTripsThroughTheWriter) {
  const Scenario original = load();
  const std::string written = write_scenario_yaml(original);
  const auto reloaded = test::load_text(written);
  ASSERT_TRUE(reloaded.ok()) << ::testing::PrintToString(test::messages(reloaded)) << written;
  EXPECT_EQ(write_scenario_yaml(*reloaded.scenario), written);
  EXPECT_EQ(reloaded.scenario->id, original.id);
  ASSERT_EQ(reloaded.scenario->issues.size(), original.issues.size());
  for (std::size_t i = 0; i < original.issues.size(); ++i) {
    ASSERT_EQ(reloaded.scenario->issues[i].stances.size(), original.issues[i].stances.size());
    for (std::size_t j = 0; j < original.issues[i].stances.size(); ++j) {
      const auto& a = original.issues[i].stances[j];
      const auto& b = reloaded.scenario->issues[i].stances[j];
      EXPECT_EQ(a.actor, b.actor);
      EXPECT_EQ(a.position.value, b.position.value);
      EXPECT_EQ(a.salience.value, b.salience.value);
      EXPECT_EQ(a.position.note, b.position.note);
    }
  }
}

TEST_P(SeedScenario, HasWhatTheIssueAsksFor) {
  const Scenario s = load();
  EXPECT_GE(s.issues.size(), 3u);
  // Every decider takes a stance on the issue it decides, and every actor on some issue; an
  // actor the article gives no view on an issue may have no stance there (it exerts no pressure).
  std::set<std::string> with_some_stance;
  for (const auto& issue : s.issues) {
    std::set<std::string> with_stance;
    for (const auto& stance : issue.stances) with_stance.insert(stance.actor);
    for (const auto& decider : issue.decision.deciders)
      EXPECT_TRUE(with_stance.count(decider)) << decider << " decides " << issue.id << " but has no stance on it";
    with_some_stance.insert(with_stance.begin(), with_stance.end());
  }
  for (const auto& actor : s.actors) EXPECT_TRUE(with_some_stance.count(actor.id)) << actor.id << " has no stance on any issue";
  ASSERT_TRUE(s.conflict.has_value());
  EXPECT_GE(s.conflict->options.size(), 4u);
  EXPECT_GE(s.games.size(), 1u);
}

TEST_P(SeedScenario, EveryJudgmentSaysWhy) {
  const Scenario s = load();
  for (const auto& actor : s.actors) EXPECT_FALSE(actor.capability.note.empty()) << actor.id;
  for (const auto& issue : s.issues)
    for (const auto& stance : issue.stances) {
      const bool stance_note = !stance.note.empty();
      EXPECT_TRUE(stance_note || !stance.position.note.empty()) << issue.id << " " << stance.actor << " position";
      EXPECT_TRUE(stance_note || !stance.salience.note.empty()) << issue.id << " " << stance.actor << " salience";
      if (stance.capability) EXPECT_FALSE(stance.capability->note.empty()) << issue.id << " " << stance.actor;
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedScenario,
                         ::testing::Values("alaska-2025", "singapore-2018", "danang-2017", "vladivostok-2019"));

// Issue 10, item 6: the issues on which the articles show one side deciding name those deciders
// (unanimity over them: each holds a veto, one alone decides unilaterally).
TEST(SeedDeciders, AreTheOnesTheArticlesShow) {
  const struct {
    const char* scenario;
    const char* issue;
    std::vector<std::string> deciders;
  } cases[] = {
      {"alaska-2025", "ceasefire", {"RUS"}},
      {"alaska-2025", "territory", {"RUS", "UKR"}},
      {"singapore-2018", "denuclearisation", {"PRK"}},
      {"singapore-2018", "negotiating_format", {"USA", "PRK"}},
      {"vladivostok-2019", "denuclearisation", {"PRK"}},
      {"danang-2017", "nk_programme", {"PRK"}},
      {"danang-2017", "use_of_force", {"USA"}},
  };
  for (const auto& c : cases) {
    const auto result = load_scenario_file(test::source_path(std::string("scenarios/") + c.scenario + ".yaml"));
    ASSERT_TRUE(result.ok()) << c.scenario;
    const Issue* issue = nullptr;
    for (const auto& i : result.scenario->issues)
      if (i.id == c.issue) issue = &i;
    ASSERT_NE(issue, nullptr) << c.scenario << " " << c.issue;
    EXPECT_EQ(issue->decision.rule, DecisionRule::Unanimity) << c.scenario << " " << c.issue;
    EXPECT_EQ(issue->decision.deciders, c.deciders) << c.scenario << " " << c.issue;
    EXPECT_FALSE(issue->decision.note.empty()) << c.scenario << " " << c.issue << ": the decision says which paragraph it rests on";
  }
}

TEST(RoundTrip, MinimalScenarioWithEverySectionSurvives) {
  const auto original = test::load_text(test::minimal_scenario());
  ASSERT_TRUE(original.ok());
  const std::string written = write_scenario_yaml(*original.scenario);
  const auto reloaded = test::load_text(written);
  ASSERT_TRUE(reloaded.ok()) << written;
  EXPECT_EQ(write_scenario_yaml(*reloaded.scenario), written);
  const auto& game = reloaded.scenario->games.at(0);
  ASSERT_EQ(game.outcomes.size(), 4u);
  EXPECT_EQ(game.outcomes[2].values[0].value, 3);  // (hold, accept): USA's payoff
  EXPECT_EQ(game.outcomes[3].values[1].value, 3);  // (hold, stall): RUS's payoff
  const auto& ranking = reloaded.scenario->conflict->preferences.at(1).ranking;
  ASSERT_EQ(ranking.size(), 3u);
  EXPECT_EQ(ranking[1].size(), 2u);  // the tie survives
}

TEST(Json, AJsonScenarioReadsLikeItsYaml) {
  const auto result = load_scenario_file(test::source_path("tests/data/mini.json"));
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(test::messages(result));
  EXPECT_EQ(result.scenario->issues.at(0).stances.at(1).position.value, 0);
  EXPECT_EQ(result.scenario->actors.at(1).capability.note, "why");
}

}  // namespace
}  // namespace statecraft
