// One test per kind of problem the loader reports, each on a one-change mutation of a valid
// scenario, checking the exact message and where it points.

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace statecraft {
namespace {

using test::load_text;
using test::messages;
using test::minimal_scenario;
using test::replace;

// Expects exactly one diagnostic, "LINE:COL: message".
void expect_only(const std::string& yaml, const std::string& expected) {
  const auto result = load_text(yaml);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(messages(result), std::vector<std::string>{expected});
}

TEST(Validation, MinimalScenarioIsClean) {
  const auto result = load_text(minimal_scenario());
  EXPECT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
}

TEST(Validation, FormatVersion) {
  expect_only(replace(minimal_scenario(), "statecraft: 1", "statecraft: 3"),
              "1:13: unsupported format version '3'; this statecraft reads versions 1 and 2");
}

TEST(Validation, MissingRequiredKey) {
  expect_only(replace(minimal_scenario(), "title: A minimal scenario\n", ""), "1:1: the scenario lacks the required key 'title'");
}

TEST(Validation, UnknownKeyWithSuggestion) {
  // Line 17 is `      USA: {position: 80, salience: 0.5}`: the stance starts at column 12.
  const auto result = load_text(replace(minimal_scenario(), "salience: 0.5", "salince: 0.5"));
  EXPECT_EQ(messages(result), (std::vector<std::string>{"17:12: a stance lacks the required key 'salience'",
                                                        "17:27: unknown key 'salince' in a stance; did you mean 'salience'?"}));
}

TEST(Validation, UnknownKeyListsAllowedKeysWhenNothingIsClose) {
  const auto result = load_text(replace(minimal_scenario(), "date: 2025-01-31", "date: 2025-01-31\nweather: fine"));
  ASSERT_EQ(messages(result).size(), 1u);
  EXPECT_EQ(messages(result)[0].rfind("5:1: unknown key 'weather' in the scenario (allowed: statecraft, id,", 0), 0u);
}

TEST(Validation, DuplicateKey) {
  expect_only(replace(minimal_scenario(), "status_quo: 20", "status_quo: 20\n    status_quo: 30"),
              "16:5: key 'status_quo' appears twice in an issue");
}

TEST(Validation, WrongType) {
  expect_only(replace(minimal_scenario(), "scale: [0, 100]", "scale: 100"), "13:12: scale must be a list [low, high], found '100'");
}

TEST(Validation, NotANumber) {
  expect_only(replace(minimal_scenario(), "position: 80", "position: eighty"),
              "17:23: position must be a finite number (or {value: …, note: …}), found 'eighty'");
  expect_only(replace(minimal_scenario(), "position: 80", "position: .nan"),
              "17:23: position must be a finite number (or {value: …, note: …}), found '.nan'");
}

TEST(Validation, FractionsAreNumbers) {
  EXPECT_TRUE(load_text(replace(minimal_scenario(), "salience: 0.5", "salience: \"1/3\"")).ok());
  expect_only(replace(minimal_scenario(), "salience: 0.5", "salience: \"1/0\""),
              "17:37: salience must be a finite number (or {value: …, note: …}), found '1/0'");
}

TEST(Validation, BadDate) {
  expect_only(replace(minimal_scenario(), "2025-01-31", "2025-02-30"), "4:7: date '2025-02-30' is not a calendar date written YYYY-MM-DD");
}

TEST(Validation, BadActorId) {
  const auto result = load_text(replace(minimal_scenario(), "{id: USA, name", "{id: usa, name"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(messages(result)[0].rfind("8:10: actor id 'usa' is not a valid id: use 2 to 8 upper-case letters", 0), 0u);
}

TEST(Validation, DuplicateId) {
  expect_only(replace(minimal_scenario(), "  - {id: src, title: An article}\n", "  - {id: src, title: An article}\n  - {id: src, title: Another}\n"),
              "7:5: source id 'src' is used twice (first at line 6)");
}

TEST(Validation, UnknownActorWithSuggestion) {
  expect_only(replace(minimal_scenario(), "RUS: {position: 0", "RUZ: {position: 0"), "18:7: unknown actor 'RUZ'; did you mean 'RUS'?");
}

TEST(Validation, UnknownSource) {
  // The number `{value: 50, note: why, source: srcs}` is reported where its value is written.
  expect_only(replace(minimal_scenario(), "source: src}", "source: srcs}"), "9:49: unknown source 'srcs'; did you mean 'src'?");
}

TEST(Validation, CapabilityMustBePositive) {
  expect_only(replace(minimal_scenario(), "capability: 100}", "capability: 0}"), "8:48: capability of USA must be greater than 0, found 0");
}

TEST(Validation, SalienceInUnitInterval) {
  expect_only(replace(minimal_scenario(), "salience: 0.5", "salience: 1.5"), "17:37: salience of USA 1.5 lies outside [0, 1]");
}

TEST(Validation, PositionInsideTheScale) {
  expect_only(replace(minimal_scenario(), "position: 80", "position: 180"),
              "17:23: position of USA 180 lies outside the scale [0, 100] of issue 'sanctions'");
}

TEST(Validation, StatusQuoInsideTheScale) {
  expect_only(replace(minimal_scenario(), "status_quo: 20", "status_quo: -5"),
              "15:17: status quo -5 lies outside the scale [0, 100] of issue 'sanctions'");
}

TEST(Validation, ScaleRunsLowToHigh) {
  const auto result = load_text(replace(minimal_scenario(), "scale: [0, 100]", "scale: [100, 0]"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(messages(result)[0], "13:13: scale of issue 'sanctions' must run from low to high, found [100, 0]");
}

TEST(Validation, ExpressionSyntaxErrorPointsAtTheColumn) {
  // `    USA: [ceasefire, "!sanction &"]`: the quote is column 22, the '!' 23, and the expression
  // ends at offset 11, column 34, where an operand is missing.
  expect_only(replace(minimal_scenario(), "\"!sanction\"", "\"!sanction &\""),
              "26:34: in expression '!sanction &': the expression ends where an option id, '!' or '(' was expected");
}

TEST(Validation, UnknownOptionInExpression) {
  expect_only(replace(minimal_scenario(), "\"!sanction\"", "\"!sanctoin\""),
              "26:24: unknown option 'sanctoin' in expression; did you mean 'sanction'?");
}

TEST(Validation, ContradictoryStatement) {
  expect_only(replace(minimal_scenario(), "\"!sanction\"", "\"sanction & !sanction\""),
              "26:23: preference statement 'sanction & !sanction' is a contradiction: no state satisfies it");
}

TEST(Validation, StatusQuoMustBeFeasible) {
  const std::string yaml = replace(replace(minimal_scenario(), "infeasible: []", "infeasible: [\"sanction\"]"),
                                   "status_quo: []", "status_quo: [sanction]");
  const auto result = load_text(yaml);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(messages(result)[0], "20:3: the status quo is a state that an 'infeasible' statement rules out");
}

TEST(Validation, RankingMustCoverEveryFeasibleState) {
  expect_only(replace(minimal_scenario(), ", \"sanction + ceasefire\"]", "]"),
              "27:5: the ranking of RUS leaves out 1 feasible state(s): sanction + ceasefire");
}

TEST(Validation, RankedStatesMustBeOptions) {
  const auto result = load_text(replace(minimal_scenario(), "\"sanction + ceasefire\"]", "\"sanction + truce\"]"));
  EXPECT_EQ(messages(result), (std::vector<std::string>{"27:5: the ranking of RUS leaves out 1 feasible state(s): sanction + ceasefire",
                                                        "28:52: ranked state 'sanction + truce': 'truce' is not an option"}));
}

TEST(Validation, EveryDecisionMakerNeedsPreferences) {
  expect_only(replace(minimal_scenario(), "    USA: [ceasefire, \"!sanction\"]\n", ""),
              "20:3: decision maker USA holds options but has no preferences");
}

TEST(Validation, StrategicFormNeedsEveryProfile) {
  expect_only(replace(minimal_scenario(), "hold: {accept: [3, 2], stall: [0, 3]}", "hold: {accept: [3, 2]}"),
              "35:13: no outcome for the profile (hold, stall): RUS has no entry 'stall' here");
}

TEST(Validation, PayoffCountMatchesPlayers) {
  expect_only(replace(minimal_scenario(), "stall: [0, 3]", "stall: [0, 3, 1]"), "35:37: outcome (hold, stall) has 3 payoffs for 2 players");
}

TEST(Validation, UnknownStrategyWithSuggestion) {
  const auto result = load_text(replace(minimal_scenario(), "hold: {accept: [3, 2], stall: [0, 3]}", "hold: {acept: [3, 2], stall: [0, 3]}"));
  EXPECT_EQ(messages(result), (std::vector<std::string>{"35:13: no outcome for the profile (hold, accept): RUS has no entry 'accept' here",
                                                        "35:14: 'acept' is not a strategy of RUS; did you mean 'accept'?"}));
}

std::string with_tree(const std::string& tree) {
  return minimal_scenario() + "  - id: threat\n    players: [USA, RUS]\n    tree:\n" + tree;
}

TEST(Validation, TreeGameIsClean) {
  const auto result = load_text(with_tree(R"(      player: USA
      moves:
        demand:
          player: RUS
          infoset: r
          moves: {accept: {payoffs: [2, 1]}, refuse: {payoffs: [0, 0]}}
        wait:
          chance: {calm: "1/3", crisis: "2/3"}
          moves:
            calm: {player: RUS, infoset: r, moves: {accept: {payoffs: [1, 1]}, refuse: {payoffs: [1, 2]}}}
            crisis: {payoffs: {USA: -1, RUS: -1}}
)"));
  EXPECT_TRUE(result.ok()) << ::testing::PrintToString(messages(result));
  EXPECT_EQ(result.scenario->games.back().tree.children[1].probabilities[1].text, "2/3");
}

TEST(Validation, TreePlayerMustBeAPlayer) {
  expect_only(with_tree("      player: CHN\n      moves: {a: {payoffs: [1, 2]}}\n"),
              "39:15: 'CHN' is not among the game's players (USA, RUS)");
}

TEST(Validation, ChanceProbabilitiesSumToOne) {
  expect_only(with_tree("      chance: {a: 0.5, b: 0.6}\n      moves: {a: {payoffs: [1, 2]}, b: {payoffs: [0, 0]}}\n"),
              "39:7: chance probabilities sum to 1.1, not 1");
}

TEST(Validation, InformationSetsNeedTheSameMoves) {
  expect_only(with_tree(R"(      player: USA
      moves:
        x: {player: RUS, infoset: r, moves: {a: {payoffs: [0, 0]}}}
        y: {player: RUS, infoset: r, moves: {b: {payoffs: [0, 0]}}}
)"),
              "42:12: information set 'r' of RUS has different moves here (b) than at line 41 (a)");
}

TEST(Validation, GameFileMustExist) {
  const auto result = load_text(minimal_scenario() + "  - {id: g, players: [USA, RUS], file: missing.nfg}\n");
  ASSERT_EQ(messages(result).size(), 1u);
  EXPECT_EQ(messages(result)[0].rfind("36:5: game file 'missing.nfg' not found", 0), 0u);
}

TEST(Validation, ReportsEveryProblemNotJustTheFirst) {
  const auto result = load_scenario_file(test::source_path("tests/data/invalid/dozen-mistakes.yaml"));
  EXPECT_EQ(result.diagnostics.size(), 12u) << ::testing::PrintToString(messages(result));
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Validation, InvalidUtf8IsReportedWhereItIs) {
  std::string yaml = test::minimal_scenario();
  yaml.replace(yaml.find("A minimal scenario"), 1, "\xAB");
  const auto result = test::load_text(yaml);
  EXPECT_EQ(test::messages(result), std::vector<std::string>{"3:8: the file is not valid UTF-8 text here; save it as UTF-8"});
}

}  // namespace
}  // namespace statecraft
