// Who decides: win sets of the status quo computed by hand, forecasts kept in them, the deciders
// model on a case worked by hand, P(agreement), and jitter relative to each issue's scale.

#include <gtest/gtest.h>

#include <algorithm>

#include "bargaining/decision.hpp"
#include "bargaining/deciders.hpp"
#include "bargaining/forecast.hpp"
#include "bargaining/uncertainty.hpp"
#include "report/forecast_table.hpp"
#include "report/summary.hpp"
#include "report/uncertainty_table.hpp"

#include <nlohmann/json.hpp>

namespace statecraft {
namespace {

// An issue on [0, 100] with status quo q, decided by `deciders` under `rule`.
BargainingIssue decided(DecisionRule rule, std::vector<std::string> deciders, double q, std::vector<SpatialActor> actors,
                        double threshold = 0.5) {
  BargainingIssue issue{"i", 0, 100, q, std::move(actors)};
  issue.rule = rule;
  issue.deciders = std::move(deciders);
  issue.threshold = threshold;
  return issue;
}

void expect_win_set(const BargainingIssue& issue, double low, double high, std::vector<std::string> limited_by) {
  const auto set = win_set(issue);
  ASSERT_TRUE(set.has_value());
  EXPECT_FALSE(set->empty) << set->explanation;
  EXPECT_DOUBLE_EQ(set->low, low);
  EXPECT_DOUBLE_EQ(set->high, high);
  EXPECT_EQ(set->limited_by, limited_by);
}

void expect_no_win_set(const BargainingIssue& issue, std::vector<std::string> blockers) {
  const auto set = win_set(issue);
  ASSERT_TRUE(set.has_value());
  EXPECT_TRUE(set->empty);
  EXPECT_EQ(set->blockers, blockers) << set->explanation;
  EXPECT_EQ(set->low, *issue.status_quo);
  EXPECT_EQ(set->high, *issue.status_quo);
}

TEST(WinSet, OneDeciderAcceptsUpToTheMirrorOfTheStatusQuo) {
  // RUS at 20, q = 0: it prefers every x with |x − 20| < 20, i.e. (0, 40).
  expect_win_set(decided(DecisionRule::Unanimity, {"RUS"}, 0, {{"RUS", 20, 0.8, 40}, {"USA", 100, 0.9, 100}}), 0, 40, {"RUS"});
  // Below the status quo: RUS at 30, q = 50 gives (10, 50).
  expect_win_set(decided(DecisionRule::Unanimity, {"RUS"}, 50, {{"RUS", 30, 0.8, 40}}), 10, 50, {"RUS"});
  // Clipped to the scale: at 80 with q = 10 the mirror image is 150.
  expect_win_set(decided(DecisionRule::Unanimity, {"RUS"}, 10, {{"RUS", 80, 0.8, 40}}), 10, 100, {"RUS"});
}

TEST(WinSet, ADeciderAtTheStatusQuoBlocksAlone) {
  expect_no_win_set(decided(DecisionRule::Unanimity, {"PRK"}, 0, {{"PRK", 0, 1, 8}, {"USA", 100, 1, 100}}), {"PRK"});
  // Beside one who wants a change, the one at q still blocks it.
  expect_no_win_set(decided(DecisionRule::Unanimity, {"A", "B"}, 40, {{"A", 40, 1, 1}, {"B", 70, 1, 5}}), {"A"});
}

TEST(WinSet, TwoDecidersOnOneSideMeetAtTheNearerMirror) {
  // q = 50; A at 70 accepts (50, 90), B at 60 accepts (50, 70): together (50, 70), B's limit.
  expect_win_set(decided(DecisionRule::Unanimity, {"A", "B"}, 50, {{"A", 70, 1, 1}, {"B", 60, 1, 1}}), 50, 70, {"B"});
}

TEST(WinSet, TwoDecidersOnBothSidesHaveNone) {
  // q = 50, RUS wants 100 and UKR 0: no x is better for both. The move most capability wants is
  // RUS's, so UKR is the one who blocks it.
  expect_no_win_set(decided(DecisionRule::Unanimity, {"RUS", "UKR"}, 50, {{"RUS", 100, 0.9, 40}, {"UKR", 0, 0.9, 15}}), {"UKR"});
  const auto set = win_set(decided(DecisionRule::Unanimity, {"RUS", "UKR"}, 50, {{"RUS", 100, 0.9, 40}, {"UKR", 0, 0.9, 15}}));
  EXPECT_NE(set->explanation.find("RUS wants more and UKR wants less"), std::string::npos) << set->explanation;
}

TEST(WinSet, ThreeDecidersUnderUnanimity) {
  // q = 10: A at 30 → (10, 50), B at 80 → (10, 150), C at 20 → (10, 30). Intersection (10, 30).
  expect_win_set(decided(DecisionRule::Unanimity, {"A", "B", "C"}, 10, {{"A", 30, 1, 1}, {"B", 80, 1, 9}, {"C", 20, 1, 1}}), 10, 30, {"C"});
  // Actors who are not deciders have no say in it.
  expect_win_set(decided(DecisionRule::Unanimity, {"A", "B", "C"}, 10,
                         {{"A", 30, 1, 1}, {"X", 0, 1, 100}, {"B", 80, 1, 9}, {"C", 20, 1, 1}}),
                 10, 30, {"C"});
}

TEST(WinSet, MajorityWeighsDecidersByCapability) {
  // q = 50, capabilities 3 + 2 + 4 = 9, a majority more than 4.5. Above q: A (80, reach 110,
  // weight 3) and B (60, reach 70, weight 2): together 5 up to 70. Below: C alone, 4.
  expect_win_set(decided(DecisionRule::Majority, {"A", "B", "C"}, 50, {{"A", 80, 1, 3}, {"B", 60, 1, 2}, {"C", 20, 1, 4}}), 50, 70, {"B"});
  // With C at 5 the sides hold 5 and 5 of 10: neither more than half. Both sides want a move
  // with equal capability; the one more deciders want is up, and C blocks it.
  expect_no_win_set(decided(DecisionRule::Majority, {"A", "B", "C"}, 50, {{"A", 80, 1, 3}, {"B", 60, 1, 2}, {"C", 20, 1, 5}}), {"C"});
  // Under majority one decider at q does not block: B's 3 of 4 carry up to 90.
  expect_win_set(decided(DecisionRule::Majority, {"A", "B"}, 50, {{"A", 50, 1, 1}, {"B", 70, 1, 3}}), 50, 90, {"B"});
}

TEST(WinSet, QualifiedMajorityNeedsTheThreshold) {
  // q = 50, capabilities 3, 2, 1 above (reaches 110, 70, 60) and 4 below; total 10.
  const std::vector<SpatialActor> actors{{"A", 80, 1, 3}, {"B", 60, 1, 2}, {"C", 20, 1, 4}, {"D", 55, 1, 1}};
  // 70 %: the side above holds only 6.
  expect_no_win_set(decided(DecisionRule::Qualified, {"A", "B", "C", "D"}, 50, actors, 0.7), {"C"});
  // 60 %: A, B and D together reach 6 only as far as D's limit, 60.
  expect_win_set(decided(DecisionRule::Qualified, {"A", "B", "C", "D"}, 50, actors, 0.6), 50, 60, {"D"});
  // 50 % would be reached by A and B (5 of 10) up to 70; a qualified threshold is at least met.
  expect_win_set(decided(DecisionRule::Qualified, {"A", "B", "C", "D"}, 50, actors, 0.5), 50, 70, {"B"});
}

TEST(WinSet, NoneUnderRuleEveryone) {
  BargainingIssue issue{"i", 0, 100, 50, {{"A", 80, 1, 1}}};
  EXPECT_FALSE(win_set(issue).has_value());
}

TEST(DecisionRule, AForecastOutsideTheWinSetIsMovedToItsEdge) {
  // q = 0, RUS (c·s = 32) at 20 decides; USA (85) at 100 does not. The compromise is
  // (32·20 + 85·100) / 117 = 78.12, the median 100: RUS accepts nothing beyond 40.
  const auto issue = decided(DecisionRule::Unanimity, {"RUS"}, 0, {{"RUS", 20, 0.8, 40}, {"USA", 100, 0.85, 100}});
  const auto forecasts = forecast_issues({issue}, {"compromise", "median"});
  ASSERT_EQ(forecasts.size(), 2u);
  for (const auto& f : forecasts) {
    EXPECT_DOUBLE_EQ(*f.position, 40) << f.model;
    EXPECT_TRUE(f.moved_from.has_value());
    EXPECT_TRUE(f.explanation.empty()) << f.explanation;  // the move is in moved_from; the report shows it
    EXPECT_EQ(f.deciders, std::vector<std::string>{"RUS"});
    ASSERT_TRUE(f.win_set.has_value());
    EXPECT_FALSE(f.win_set->empty);
  }
  EXPECT_NEAR(*forecasts[0].moved_from, 9140.0 / 117, 1e-9);
  EXPECT_EQ(*forecasts[1].moved_from, 100);
}

TEST(DecisionRule, APointInsideTheWinSetStays) {
  // The compromise (32·20 + 85·30) / 117 = 27.26 lies within [0, 40].
  const auto issue = decided(DecisionRule::Unanimity, {"RUS"}, 0, {{"RUS", 20, 0.8, 40}, {"USA", 30, 0.85, 100}});
  const auto f = forecast_issues({issue}, {"compromise"}).front();
  EXPECT_NEAR(*f.position, (32.0 * 20 + 85.0 * 30) / 117, 1e-12);
  EXPECT_FALSE(f.moved_from.has_value());
  EXPECT_TRUE(f.explanation.empty()) << f.explanation;
}

TEST(DecisionRule, AnEmptyWinSetLeavesTheStatusQuoAndNamesTheBlocker) {
  const auto issue = decided(DecisionRule::Unanimity, {"RUS", "UKR"}, 50, {{"RUS", 100, 0.9, 40}, {"UKR", 0, 0.9, 15}, {"USA", 80, 1, 100}});
  for (const auto& f : forecast_issues({issue}, {"compromise", "median", "nash", "deciders", "expected-utility"})) {
    ASSERT_TRUE(f.position.has_value()) << f.model;
    EXPECT_EQ(*f.position, 50) << f.model;
    EXPECT_EQ(f.explanation.rfind("no agreement: UKR blocks", 0), 0u) << f.model << ": " << f.explanation;
  }
}

TEST(DecisionRule, RuleEveryoneChangesNothing) {
  // The same issue with and without deciders named but rule Everyone: identical numbers.
  BargainingIssue everyone{"i", 0, 100, 25, {{"A", 10, 0.9, 3}, {"B", 70, 0.5, 2}, {"C", 40, 0.7, 2}, {"D", 95, 0.3, 4}}};
  BargainingIssue named = everyone;
  named.deciders = {"A"};
  const std::vector<std::string> models{"compromise", "median", "nash", "expected-utility", "exchange", "smp"};
  const auto a = forecast_issues({everyone}, models), b = forecast_issues({named}, models);
  for (std::size_t m = 0; m < models.size(); ++m) {
    EXPECT_EQ(a[m].position, b[m].position) << models[m];
    EXPECT_EQ(a[m].explanation, b[m].explanation);
    EXPECT_FALSE(a[m].win_set.has_value());
    EXPECT_FALSE(a[m].moved_from.has_value());
  }
}

TEST(DecidersModel, PressureThenNashBargainingWorkedByHand) {
  // q = 0. Deciders A at 35 (c·s = 0.5) and B at 90 (c·s = 1); O at 60 (c·s = 0.5) presses both.
  //   A: (0.5·35 + 0.5·60) / (0.5 + 0.5) = 47.5      B: (1·90 + 0.5·60) / (1 + 0.5) = 80
  // Nash with powers 0.5 and 1, disagreement 0: between 47.5 and 80 the objective is
  // 0.5·ln(95 − x) + ln(x), whose derivative vanishes at x = 2·47.5·1 / 1.5 = 63.33.
  // The win set of the deciders' own positions is [0, 70] (A's mirror), so it stands.
  const auto issue = decided(DecisionRule::Unanimity, {"A", "B"}, 0, {{"A", 35, 0.5, 1}, {"B", 90, 0.5, 2}, {"O", 60, 0.5, 1}});
  const auto solution = bargaining_among_deciders(issue);
  ASSERT_EQ(solution.effective.size(), 2u);
  EXPECT_DOUBLE_EQ(solution.effective[0].second, 47.5);
  EXPECT_DOUBLE_EQ(solution.effective[1].second, 80);
  EXPECT_NEAR(*solution.position, 190.0 / 3, 1e-9);
  const auto f = forecast_issues({issue}, {"deciders"}).front();
  EXPECT_NEAR(*f.position, 190.0 / 3, 1e-9);
  EXPECT_FALSE(f.moved_from.has_value());
}

TEST(DecidersModel, PressureCannotCarryADeciderPastWhatItAccepts) {
  // RUS (0.32) at 20 pressed by USA (0.85) at 100 stands at (6.4 + 85) / 1.17 = 78.12; alone at
  // the table it bargains to its effective position, but accepts nothing beyond 40.
  const auto issue = decided(DecisionRule::Unanimity, {"RUS"}, 0, {{"RUS", 20, 0.8, 0.4}, {"USA", 100, 0.85, 1}});
  EXPECT_NEAR(*bargaining_among_deciders(issue).position, 91.4 / 1.17, 1e-9);
  const auto f = forecast_issues({issue}, {"deciders"}).front();
  EXPECT_DOUBLE_EQ(*f.position, 40);
  EXPECT_NEAR(*f.moved_from, 91.4 / 1.17, 1e-9);
}

TEST(DecidersModel, UnderAMajorityTheOutvotedDoNotBargain) {
  // q = 50: A (c·s 3) at 80 and B (2) at 60 carry 5 of 9 against C (4) at 20; the win set is
  // [50, 70]. A and B bargain: between 60 and 70 the objective is 3·ln(x − 50) + 2·ln(70 − x),
  // maximal where 3·(70 − x) = 2·(x − 50), x = 62. Were C at the table, no point would improve on
  // q for all three, and the status quo would hold.
  const auto issue = decided(DecisionRule::Majority, {"A", "B", "C"}, 50, {{"A", 80, 1, 3}, {"B", 60, 1, 2}, {"C", 20, 1, 4}});
  EXPECT_NEAR(*bargaining_among_deciders(issue).position, 62, 1e-9);
  auto unanimous = issue;
  unanimous.rule = DecisionRule::Unanimity;
  EXPECT_EQ(*bargaining_among_deciders(unanimous).position, 50);
}

TEST(DecidersModel, NeedsADecisionRule) {
  BargainingIssue issue{"i", 0, 100, 50, {{"A", 80, 1, 1}}};
  const auto f = forecast_issues({issue}, {"deciders"}).front();
  EXPECT_FALSE(f.position.has_value());
  EXPECT_EQ(f.explanation.rfind("needs a decision rule", 0), 0u) << f.explanation;
}

UncertaintySettings samples_of(std::size_t n) {
  UncertaintySettings settings;
  settings.samples = n;
  settings.seed = 7;
  settings.threads = 1;
  return settings;
}

TEST(Agreement, ProbabilityIsZeroOrOneWhereCertainAndBetweenOtherwise) {
  // Deciders at the two ends of the scale, q in the middle: with 5 % noise they stay on opposite
  // sides (it would take ten standard deviations to cross), so no sample has a deal.
  const auto never = decided(DecisionRule::Unanimity, {"A", "B"}, 50, {{"A", 0, 1, 1}, {"B", 100, 1, 1}});
  // Both deciders far above q: every sample has one.
  const auto always = decided(DecisionRule::Unanimity, {"A", "B"}, 10, {{"A", 80, 1, 1}, {"B", 90, 1, 1}});
  // Deciders a little above q (by one and two standard deviations): some samples put one of them
  // below the jittered status quo.
  const auto sometimes = decided(DecisionRule::Unanimity, {"A", "B"}, 50, {{"A", 55, 1, 1}, {"B", 60, 1, 1}});
  BargainingIssue everyone{"e", 0, 100, 50, {{"A", 55, 1, 1}}};
  const auto chances = agreement_chances({never, always, sometimes, everyone}, samples_of(2000));
  ASSERT_EQ(chances.size(), 4u);
  EXPECT_EQ(*chances[0].probability, 0);
  EXPECT_EQ(*chances[1].probability, 1);
  EXPECT_GT(*chances[2].probability, 0.2);
  EXPECT_LT(*chances[2].probability, 0.95);
  EXPECT_FALSE(chances[3].probability.has_value());
  EXPECT_EQ(chances[0].samples, 2000u);
  auto three_threads = samples_of(2000);
  three_threads.threads = 3;
  const auto again = agreement_chances({never, always, sometimes, everyone}, three_threads);
  EXPECT_EQ(again[2].probability, chances[2].probability);
  EXPECT_EQ(again[2].mean_room, chances[2].mean_room);
}

TEST(Agreement, ADeciderAtTheStatusQuoKeepsWantingNoChange) {
  // A sole decider placed at q wants no change. Jittered apart from q it would stand off it in
  // every sample and accept a small move there (P = 1): it moves with q instead, so no sample
  // has a deal, whatever the others press for.
  const auto at_q = decided(DecisionRule::Unanimity, {"A"}, 10, {{"A", 10, 1, 1}, {"B", 100, 1, 5}});
  const auto chances = agreement_chances({at_q}, samples_of(1000));
  EXPECT_EQ(*chances[0].probability, 0);
  EXPECT_FALSE(chances[0].mean_room.has_value());
}

TEST(Jitter, BandsAreRelativeToTheScale) {
  // The same issue on 0–1 and on 0–20,000: the bands, divided by the scale, are the same.
  BargainingIssue small{"small", 0, 1, 0.3, {{"A", 0.2, 0.8, 3}, {"B", 0.7, 0.6, 2}, {"C", 0.5, 0.9, 1}}};
  BargainingIssue large = small;
  large.high = 20000;
  large.status_quo = 6000;
  for (auto& a : large.actors) a.position *= 20000;
  const auto settings = samples_of(400);
  for (const char* model : {"compromise", "nash"}) {
    const auto a = forecast_uncertainty({small}, {model}, settings).front();
    const auto b = forecast_uncertainty({large}, {model}, settings).front();
    EXPECT_NEAR(a.p05, b.p05 / 20000, 1e-9) << model;
    EXPECT_NEAR(a.p95, b.p95 / 20000, 1e-9) << model;
    EXPECT_GT(a.p95 - a.p05, 0.01) << model;  // a real band, about ±1.6 σ of 5 %
  }
}

TEST(Jitter, StatusQuoAndThresholdStayInTheirRanges) {
  Jitter wide;
  wide.status_quo = 1;
  wide.threshold = 0.5;
  auto issue = decided(DecisionRule::Qualified, {"A"}, 95, {{"A", 10, 1, 1}}, 1.0);
  bool moved = false;
  for (std::uint64_t sample = 0; sample < 200; ++sample) {
    const auto copy = jittered_issues({issue}, wide, 3, sample).front();
    EXPECT_GE(*copy.status_quo, 0);
    EXPECT_LE(*copy.status_quo, 100);
    EXPECT_GT(copy.threshold, 0.5);
    EXPECT_LE(copy.threshold, 1);
    moved = moved || copy.threshold < 1;
  }
  EXPECT_TRUE(moved);
  // Other rules' thresholds are not perturbed.
  issue.rule = DecisionRule::Majority;
  issue.threshold = 0.5;
  EXPECT_EQ(jittered_issues({issue}, wide, 3, 0).front().threshold, 0.5);
}

Number number(double value) { return Number{value, {}, {}, {}, {}}; }

// Alaska's ceasefire as RUS alone decides it: RUS (c·s = 32) at 20, USA (85) at 100, q = 0.
Scenario ceasefire_decided_by(DecisionRule rule, std::vector<std::string> deciders) {
  Scenario scenario;
  scenario.format = 2;
  scenario.actors = {Actor{"RUS", "Russia", {}, number(40), {}, {}, {}}, Actor{"USA", "United States", {}, number(100), {}, {}, {}}};
  Issue issue;
  issue.id = "ceasefire";
  issue.low = number(0);
  issue.high = number(100);
  issue.units = "% of the front";
  issue.labels = {{number(0), "fighting goes on"}, {number(50), "a partial ceasefire"}, {number(100), "a full ceasefire"}};
  issue.status_quo = number(0);
  issue.decision.rule = rule;
  issue.decision.deciders = std::move(deciders);
  issue.stances = {Stance{"RUS", number(20), number(0.8), std::nullopt, {}, {}, {}}, Stance{"USA", number(100), number(0.85), std::nullopt, {}, {}, {}}};
  scenario.issues = {issue};
  return scenario;
}

TEST(ForecastTable, SaysWhoDecidesWhetherADealIsPossibleAndTheNearestLabel) {
  const Scenario scenario = ceasefire_decided_by(DecisionRule::Unanimity, {"RUS"});
  const std::vector<std::string> models{"compromise", "median", "deciders"};
  const auto table = forecast_table(scenario, models, forecast_issues(bargaining_issues(scenario), models));
  const std::string text = render_forecast_text(table, "");
  EXPECT_NE(text.find("ceasefire (% of the front): decided by RUS alone; a deal is possible from 0 to 40 (RUS would go no further)\n"),
            std::string::npos) << text;
  // Every model's point (78.1, 100, 78.1) is moved to 40, nearest the label at 50.
  EXPECT_NE(text.find("  nearest \"a partial ceasefire\" (50): compromise 40, median 40, deciders 40\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  † moved into what the deciders accept, from: compromise 78.12, median 100, deciders 78.12\n"), std::string::npos) << text;
  EXPECT_NE(text.find("ceasefire         40†     40†      40†*"), std::string::npos) << text;
  const auto json = forecast_json(table)[0];
  EXPECT_EQ(json["units"], "% of the front");
  EXPECT_EQ(json["decision"]["rule"], "unanimity");
  EXPECT_EQ(json["decision"]["deal_possible"], true);
  EXPECT_EQ(json["decision"]["win_set"], nlohmann::json::array({0.0, 40.0}));
  EXPECT_EQ(json["moved_from"]["median"], 100.0);
  EXPECT_EQ(json["nearest_label"]["compromise"], "a partial ceasefire");
}

TEST(ForecastTable, NoDealNamesTheBlocker) {
  Scenario scenario = ceasefire_decided_by(DecisionRule::Unanimity, {"RUS", "USA"});
  scenario.issues[0].status_quo = number(50);
  scenario.issues[0].stances[0].position = number(0);
  const auto table = forecast_table(scenario, {"median"}, forecast_issues(bargaining_issues(scenario), {"median"}));
  const std::string text = render_forecast_text(table, "");
  // USA (c·s 85) wants more, RUS (32) less: the move USA wants is blocked by RUS.
  EXPECT_NE(text.find("decided by RUS and USA, each with a veto (unanimity); no deal is possible: RUS blocks"), std::string::npos) << text;
  EXPECT_NE(text.find("nearest \"a partial ceasefire\" (50): median 50"), std::string::npos) << text;
  EXPECT_NE(text.find("† the models' own points, set aside for the status quo: median 100"), std::string::npos) << text;
  EXPECT_NE(text.find("* median on ceasefire: no agreement: RUS blocks, so the status quo holds"), std::string::npos) << text;
  EXPECT_EQ(forecast_json(table)[0]["decision"]["deal_possible"], false);
}

TEST(UncertaintyTable, GivesTheChanceOfAgreementAndWhatWasPerturbed) {
  const Scenario scenario = ceasefire_decided_by(DecisionRule::Unanimity, {"RUS"});
  const auto issues = bargaining_issues(scenario);
  UncertaintySettings settings = samples_of(200);
  const auto text = render_uncertainty_text(forecast_uncertainty(issues, {"median"}, settings), agreement_chances(issues, settings),
                                            settings.jitter, "");
  // RUS at 20 against q = 0 with 5 % noise on both: RUS is above q in every sample.
  EXPECT_NE(text.find("ceasefire  RUS alone           1.00"), std::string::npos) << text;
  // RUS's win set is twice its distance from q: 40 % of the scale, give or take the noise.
  const auto room = *agreement_chances(issues, settings).front().mean_room;
  EXPECT_NEAR(room, 0.4, 0.05);
  EXPECT_NE(text.find("positions by N(0, 5 % of the issue's scale) and the status quo by N(0, 5 %)"), std::string::npos) << text;
}

TEST(Analyze, ShowsTheChanceOfAgreementOnDecidedIssuesOnly) {
  const Summary decided = summarize(ceasefire_decided_by(DecisionRule::Unanimity, {"RUS"}));
  const std::string text = render_text(decided);
  EXPECT_NE(text.find("Chance of an agreement"), std::string::npos) << text;
  EXPECT_NE(text.find("decided by RUS alone; a deal is possible from 0 to 40"), std::string::npos) << text;
  const auto json = nlohmann::json::parse(render_json(decided));
  EXPECT_EQ(json["agreement"]["issues"][0]["probability"], 1.0);
  EXPECT_EQ(json["issues"][0]["decision"]["win_set"], nlohmann::json::array({0.0, 40.0}));
  const Summary everyone = summarize(ceasefire_decided_by(DecisionRule::Everyone, {}));
  EXPECT_EQ(render_text(everyone).find("Chance of an agreement"), std::string::npos);
  EXPECT_TRUE(nlohmann::json::parse(render_json(everyone))["agreement"].is_null());
}

}  // namespace
}  // namespace statecraft
