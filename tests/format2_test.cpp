// Scenario format version 2: decision rules, units and outcomes, and the warnings tier. Each
// test is a one-change mutation of the minimal scenario, checking the exact message and place.

#include <gtest/gtest.h>

#include "scenario/write.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

using test::load_text;
using test::messages;
using test::minimal_scenario;
using test::replace;

std::string version_2() { return replace(minimal_scenario(), "statecraft: 1", "statecraft: 2"); }

// Line 15 of the minimal scenario is `    status_quo: 20`; a key inserted after it is line 16.
std::string with_issue_key(const std::string& line) { return replace(version_2(), "    status_quo: 20\n", "    status_quo: 20\n    " + line + "\n"); }

std::vector<std::string> warnings(const LoadResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics.warnings()) out.push_back(std::to_string(d.at.line) + ":" + std::to_string(d.at.column) + ": " + d.message);
  return out;
}

void expect_only(const std::string& yaml, const std::string& expected) {
  const auto result = load_text(yaml);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(messages(result), std::vector<std::string>{expected});
}

TEST(Format2, VersionOneFilesLoadUnchanged) {
  const auto result = load_text(minimal_scenario());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.scenario->format, 1);
  EXPECT_EQ(result.scenario->issues[0].decision.rule, DecisionRule::Everyone);
}

TEST(Format2, ReadsDecisionUnitsAndOutcomes) {
  std::string yaml = with_issue_key("units: \"% of oil exports\"\n    decision: {rule: qualified, deciders: [USA, RUS], threshold: 0.6, note: both must act, source: src}\n"
                                    "    outcome: {value: 35, date: 2025-06-01, source: src, note: tariffs widened}");
  yaml = replace(yaml, "  preferences:", "  outcome: {state: [sanction], date: 2025-03-01}\n  preferences:");
  yaml = replace(yaml, "    strategies: {USA", "    outcome: {play: [hold, stall], note: as reported}\n    strategies: {USA");
  const auto result = load_text(yaml);
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  const Scenario& s = *result.scenario;
  EXPECT_EQ(s.format, 2);
  const Issue& issue = s.issues[0];
  EXPECT_EQ(issue.units, "% of oil exports");
  EXPECT_EQ(issue.decision.rule, DecisionRule::Qualified);
  EXPECT_EQ(issue.decision.deciders, (std::vector<std::string>{"USA", "RUS"}));
  ASSERT_TRUE(issue.decision.threshold);
  EXPECT_EQ(issue.decision.threshold->value, 0.6);
  EXPECT_EQ(issue.decision.note, "both must act");
  ASSERT_TRUE(issue.outcome && issue.outcome->value);
  EXPECT_EQ(issue.outcome->value->value, 35);
  EXPECT_EQ(issue.outcome->date, "2025-06-01");
  ASSERT_TRUE(s.conflict->outcome);
  EXPECT_EQ(s.conflict->outcome->taken, std::vector<std::string>{"sanction"});
  ASSERT_TRUE(s.games[0].outcome);
  EXPECT_EQ(s.games[0].outcome->taken, (std::vector<std::string>{"hold", "stall"}));
  // What is written reads back the same.
  const std::string written = write_scenario_yaml(s);
  const auto reloaded = load_text(written);
  ASSERT_TRUE(reloaded.ok()) << ::testing::PrintToString(messages(reloaded)) << written;
  EXPECT_EQ(write_scenario_yaml(*reloaded.scenario), written);
  EXPECT_NE(written.find("decision:"), std::string::npos);
  EXPECT_NE(written.find("play: [hold, stall]"), std::string::npos) << written;
}

TEST(Format2, NewKeysNeedVersionTwo) {
  expect_only(replace(minimal_scenario(), "    status_quo: 20\n", "    status_quo: 20\n    units: tonnes\n"),
              "16:12: 'units' needs scenario format version 2: write 'statecraft: 2' at the top of the file");
}

TEST(Format2, DeciderMustBeAnActor) {
  expect_only(with_issue_key("decision: {rule: unanimity, deciders: [RUS, USB], note: n}"),
              "16:15: unknown actor 'USB'; did you mean 'USA'?");
}

TEST(Format2, UnknownRule) {
  expect_only(with_issue_key("decision: {rule: consensus, deciders: [RUS], note: n}"),
              "16:22: rule must be unanimity, majority or qualified, found 'consensus'");
}

TEST(Format2, ThresholdOutsideTheOpenHalfToOne) {
  expect_only(with_issue_key("decision: {rule: qualified, deciders: [RUS, USA], threshold: 0.5, note: n}"),
              "16:66: threshold 0.5 lies outside (0.5, 1]");
  expect_only(with_issue_key("decision: {rule: qualified, deciders: [RUS, USA], threshold: 1.2, note: n}"),
              "16:66: threshold 1.2 lies outside (0.5, 1]");
  EXPECT_TRUE(load_text(with_issue_key("decision: {rule: qualified, deciders: [RUS, USA], threshold: 1, note: n}")).ok());
}

TEST(Format2, ThresholdOnlyForQualifiedRules) {
  expect_only(with_issue_key("decision: {rule: qualified, deciders: [RUS, USA], note: n}"),
              "16:15: a qualified-majority rule needs a threshold in (0.5, 1]: the share of the deciders' capability that must agree");
  expect_only(with_issue_key("decision: {rule: unanimity, deciders: [RUS], threshold: 0.7, note: n}"),
              "16:61: threshold applies only to rule qualified (unanimity needs every decider, majority more than half)");
}

TEST(Format2, DeciderListedTwice) {
  expect_only(with_issue_key("decision: {rule: unanimity, deciders: [RUS, RUS], note: n}"), "16:49: decider 'RUS' is listed twice");
}

TEST(Format2, DecisionRuleNeedsAStatusQuo) {
  const std::string yaml = replace(with_issue_key("decision: {rule: unanimity, deciders: [RUS], note: n}"), "    status_quo: 20\n", "");
  expect_only(yaml, "15:15: issue 'sanctions' has a decision rule but no status_quo: who must agree is only defined against where the issue stands");
}

TEST(Format2, OutcomeOnTheScale) {
  expect_only(with_issue_key("outcome: {value: 120, note: n}"), "16:22: outcome 120 lies outside the scale [0, 100] of issue 'sanctions'");
}

TEST(Format2, ConflictOutcomeNamesOptions) {
  expect_only(replace(version_2(), "  preferences:", "  outcome: {state: [sanctoin]}\n  preferences:"),
              "25:12: the conflict's outcome names unknown option 'sanctoin'; did you mean 'sanction'?");
}

TEST(Format2, GamePlayMustBeTheGamesStrategies) {
  const std::string before = "    strategies: {USA";
  expect_only(replace(version_2(), before, "    outcome: {play: [hold]}\n" + before),
              "32:14: the play of game 'ultimatum' must name one strategy per player (2), found 1");
  expect_only(replace(version_2(), before, "    outcome: {play: [hold, stal]}\n" + before),
              "32:14: 'stal' is not a strategy of RUS in game 'ultimatum'; did you mean 'stall'?");
}

TEST(Format2, TreePlayFollowsTheMoves) {
  const std::string tree = R"(statecraft: 2
id: t
title: T
actors: [{id: USA, name: U, capability: 1}, {id: RUS, name: R, capability: 1}]
games:
  - id: g
    note: all payoffs from the article
    players: [USA, RUS]
    outcome: {play: [demand, refuse, more]}
    tree:
      player: USA
      moves:
        demand: {player: RUS, moves: {accept: {payoffs: [1, 0]}, refuse: {payoffs: [0, 1]}}}
        wait: {payoffs: [0, 0]}
)";
  expect_only(tree, "9:14: the play of game 'g' cannot continue with 'more': the play has already reached an end");
  expect_only(replace(tree, "[demand, refuse, more]", "[demand, reject]"),
              "9:14: the play of game 'g' cannot continue with 'reject' (moves here: accept, refuse)");
  EXPECT_TRUE(load_text(replace(tree, "[demand, refuse, more]", "[demand, refuse]")).ok());
}

TEST(Format2, WarningsDoNotStopLoading) {
  std::string yaml = with_issue_key("decision: {rule: unanimity, deciders: [RUS, USA]}");
  yaml = replace(yaml, "      USA: {position: 80, salience: 0.5}\n", "");
  yaml = replace(yaml, "{id: src, title: An article}", "{id: src, title: An article, date: 2025-02-01}");
  yaml = replace(yaml, "    - {id: ceasefire, actor: RUS", "    - {id: talks, actor: USA, name: hold talks}\n    - {id: ceasefire, actor: RUS");
  yaml = replace(yaml, "      ranking: [\"none\", [\"ceasefire\", \"sanction\"], \"sanction + ceasefire\"]", "      - {statement: \"!sanction\", note: the article says so}");
  const auto result = load_text(yaml);
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  EXPECT_EQ(warnings(result), (std::vector<std::string>{
      "6:5: source 'src' is dated 2025-02-01, after the scenario's as-of date 2025-01-31",
      "8:48: capability of USA has neither note nor source",
      "15:17: status quo of issue 'sanctions' has neither note nor source",
      "16:15: decider USA has no stance on issue 'sanctions', so the models cannot tell what it would agree to; it is left out",
      "16:15: the decision rule of issue 'sanctions' has neither note nor source: say what in the sources shows who decides",
      "18:23: position of RUS on issue 'sanctions' has neither note nor source",
      "18:36: salience of RUS on issue 'sanctions' has neither note nor source",
      "18:51: capability of RUS on issue 'sanctions' has neither note nor source",
      "22:7: option 'talks' appears in no preference statement, so no decision maker cares whether it is taken",
      "27:11: preference statement 'ceasefire' of USA has neither note nor source",
      "27:23: preference statement '!sanction' of USA has neither note nor source",
      "35:27: 8 payoffs in game 'ultimatum' have no note or source, nor does their end node or the game"}));
}

}  // namespace
}  // namespace statecraft
