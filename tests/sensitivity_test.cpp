// The spatial lens's sensitivity: one-at-a-time effects computed by hand, a knife edge where it is
// known analytically, and the Monte Carlo's indices on a model whose variance splits in closed form.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "bargaining/sensitivity.hpp"
#include "scenario/work.hpp"

namespace statecraft {
namespace {

BargainingIssue on_0_100(std::optional<double> status_quo, std::vector<SpatialActor> actors) {
  BargainingIssue issue;
  issue.id = "i";
  issue.status_quo = status_quo;
  issue.actors = std::move(actors);
  return issue;
}

SensitivitySettings only(std::vector<std::string> models) {
  SensitivitySettings s;
  s.models = std::move(models);
  s.sobol_samples = 0;
  return s;
}

const JudgmentEffect& effect(const ModelSensitivity& m, JudgmentKind kind, const std::string& actor) {
  const auto found = std::find_if(m.effects.begin(), m.effects.end(),
                                  [&](const JudgmentEffect& e) { return e.judgment.kind == kind && e.judgment.actor == actor; });
  EXPECT_NE(found, m.effects.end());
  return *found;
}

TEST(Sensitivity, WeightedMeanMovesWithEachPositionInProportionToItsWeight) {
  // Compromise: d forecast / d x_i = c_i·s_i / Σ c·s, so over the whole scale [0, 100] actor i's
  // position moves the forecast by 100·c_i·s_i / Σ c·s: weights 2·0.5 = 1, 1·0.6 = 0.6, 4·0.1 = 0.4.
  const BargainingIssue issue = on_0_100(30.0, {{"A", 10, 0.5, 2}, {"B", 80, 0.6, 1}, {"C", 50, 0.1, 4}});
  const auto result = spatial_sensitivity({issue}, {{}}, only({"compromise"}));
  const ModelSensitivity& m = result.issues.at(0).models.at(0);
  ASSERT_TRUE(m.forecast);
  EXPECT_NEAR(*m.forecast, (10 * 1.0 + 80 * 0.6 + 50 * 0.4) / 2.0, 1e-12);
  EXPECT_NEAR(effect(m, JudgmentKind::Position, "A").swing, 100 * 1.0 / 2.0, 1e-9);
  EXPECT_NEAR(effect(m, JudgmentKind::Position, "B").swing, 100 * 0.6 / 2.0, 1e-9);
  EXPECT_NEAR(effect(m, JudgmentKind::Position, "C").swing, 100 * 0.4 / 2.0, 1e-9);
  // A's position at 0 and at 100: the forecast moves by its weight's share of the whole scale.
  EXPECT_NEAR(*effect(m, JudgmentKind::Position, "A").at_low, (0 + 48 + 20) / 2.0, 1e-9);
  EXPECT_NEAR(*effect(m, JudgmentKind::Position, "A").at_high, (100 + 48 + 20) / 2.0, 1e-9);
  // The status quo does not enter the compromise.
  EXPECT_EQ(effect(m, JudgmentKind::StatusQuo, "").swing, 0);
  // Ranked: A's position first.
  EXPECT_EQ(m.effects.front().judgment.kind, JudgmentKind::Position);
  EXPECT_EQ(m.effects.front().judgment.actor, "A");
  // B's salience from 0 to 1: forecast (10 + 80 s + 20) / (1.4 + s), from 30/1.4 to 110/2.4.
  EXPECT_NEAR(effect(m, JudgmentKind::Salience, "B").swing, 110 / 2.4 - 30 / 1.4, 1e-9);
  // C's capability from 2 to 8 (÷2 to ×2): weight 0.2 to 0.8.
  EXPECT_NEAR(effect(m, JudgmentKind::Capability, "C").swing, (58 + 40) / 2.4 - (58 + 10) / 1.8, 1e-9);
}

TEST(Sensitivity, WeightedMedianFlipsWhereOneSideGainsHalfTheWeight) {
  // Weights c·s: A at 0 has 0.5, C at 50 has 0.3, B at 100 has 0.4; the median is C's 50. A's
  // salience s holds more than half the weight when s > (s + 0.7)/2, that is above 0.7; then the
  // median is 0 and the nearest label changes from "50" to "0". Nothing smaller moves it to 0.
  const BargainingIssue issue = on_0_100(std::nullopt, {{"A", 0, 0.5, 1}, {"B", 100, 0.4, 1}, {"C", 50, 0.3, 1}});
  const auto result = spatial_sensitivity({issue}, {{0, 50, 100}}, only({"median"}));
  const ModelSensitivity& m = result.issues.at(0).models.at(0);
  ASSERT_EQ(m.forecast, 50.0);
  const auto edge = std::find_if(m.edges.begin(), m.edges.end(), [](const KnifeEdge& e) {
    return e.judgment.kind == JudgmentKind::Salience && e.judgment.actor == "A";
  });
  ASSERT_NE(edge, m.edges.end());
  EXPECT_NEAR(edge->value, 0.7, 1e-6);
  EXPECT_TRUE(edge->upward);
  EXPECT_NEAR(edge->margin, 0.2, 1e-6);
  EXPECT_EQ(edge->label_before, 1u);
  EXPECT_EQ(edge->label_after, 0u);
  EXPECT_EQ(edge->forecast_after, 0.0);
  // B's salience: lowered below 0.2, A's 0.5 is more than half of 0.8 + s, and the median is 0
  // again; at 0.4 the way up (to a median of 100 above 0.8) is twice as far.
  const auto b = std::find_if(m.edges.begin(), m.edges.end(), [](const KnifeEdge& e) {
    return e.judgment.kind == JudgmentKind::Salience && e.judgment.actor == "B";
  });
  ASSERT_NE(b, m.edges.end());
  EXPECT_NEAR(b->value, 0.2, 1e-6);
  EXPECT_FALSE(b->upward);
  EXPECT_EQ(b->label_after, 0u);
  // C's position carries the median with it while C is pivotal: at 25 or 75 the label becomes "0"
  // or "100", a margin of 0.25, so it comes after the saliences' 0.2.
  const auto c = std::find_if(m.edges.begin(), m.edges.end(), [](const KnifeEdge& e) {
    return e.judgment.kind == JudgmentKind::Position && e.judgment.actor == "C";
  });
  ASSERT_NE(c, m.edges.end());
  EXPECT_NEAR(std::abs(c->value - 50), 25, 1e-6);
  EXPECT_NEAR(c->margin, 0.25, 1e-6);
  EXPECT_LT(edge - m.edges.begin(), c - m.edges.begin());
}

TEST(Sensitivity, ACapabilityEdgeIsMeasuredAsAFactor) {
  // Median again: A's weight c·0.5 passes half of (c·0.5 + 0.7) at c = 1.4; in log2 from today's
  // 1 that is log2(1.4) = 0.485 of the range ÷2..×2 (width 2): margin 0.243.
  const BargainingIssue issue = on_0_100(std::nullopt, {{"A", 0, 0.5, 1}, {"B", 100, 0.4, 1}, {"C", 50, 0.3, 1}});
  const auto result = spatial_sensitivity({issue}, {{0, 50, 100}}, only({"median"}));
  const auto& edges = result.issues.at(0).models.at(0).edges;
  const auto edge = std::find_if(edges.begin(), edges.end(), [](const KnifeEdge& e) {
    return e.judgment.kind == JudgmentKind::Capability && e.judgment.actor == "A";
  });
  ASSERT_NE(edge, edges.end());
  EXPECT_NEAR(edge->value, 1.4, 1e-6);
  EXPECT_NEAR(edge->margin, std::log2(1.4) / 2, 1e-6);
}

TEST(Sensitivity, TheDecisionRuleIsAmongTheJudgments) {
  // Unanimity of A and B among A, B and C: each decider dropped, the other actor added; a
  // qualified rule adds its threshold, swept over [0.5, 1].
  BargainingIssue issue = on_0_100(0.0, {{"A", 10, 0.5, 1}, {"B", 30, 0.5, 1}, {"C", 90, 0.5, 1}});
  issue.rule = DecisionRule::Unanimity;
  issue.deciders = {"A", "B"};
  auto kinds = [](const BargainingIssue& i) {
    std::vector<std::pair<JudgmentKind, std::string>> out;
    for (const auto& e : spatial_sensitivity({i}, {{}}, only({"compromise"})).issues.at(0).models.at(0).effects)
      if (e.judgment.kind == JudgmentKind::DeciderDropped || e.judgment.kind == JudgmentKind::DeciderAdded || e.judgment.kind == JudgmentKind::Threshold)
        out.emplace_back(e.judgment.kind, e.judgment.actor);
    std::sort(out.begin(), out.end());
    return out;
  };
  using P = std::pair<JudgmentKind, std::string>;
  EXPECT_EQ(kinds(issue), (std::vector<P>{{JudgmentKind::DeciderDropped, "A"}, {JudgmentKind::DeciderDropped, "B"}, {JudgmentKind::DeciderAdded, "C"}}));
  issue.rule = DecisionRule::Qualified;
  issue.threshold = 0.6;
  EXPECT_EQ(kinds(issue), (std::vector<P>{{JudgmentKind::Threshold, ""}, {JudgmentKind::DeciderDropped, "A"}, {JudgmentKind::DeciderDropped, "B"},
                                          {JudgmentKind::DeciderAdded, "C"}}));
  // A lone decider cannot be dropped; decided by everyone, there is no rule to change.
  issue.rule = DecisionRule::Unanimity;
  issue.deciders = {"A"};
  EXPECT_EQ(kinds(issue), (std::vector<P>{{JudgmentKind::DeciderAdded, "B"}, {JudgmentKind::DeciderAdded, "C"}}));
  issue.rule = DecisionRule::Everyone;
  EXPECT_TRUE(kinds(issue).empty());
}

TEST(Sensitivity, ADealTurnsWhereTheWinSetCloses) {
  // Unanimity of A (at 10) and B (at 30), status quo 0: both prefer every point of (0, 20) to it
  // (A's mirror image of 0 is 20), so a deal is possible. It is not when A stands at the status
  // quo (A's position down to 0: margin 0.1), when the status quo passes A's position (above 10:
  // A would want less, B more; margin 0.1), when B stands at it (B down to 0: margin 0.3), or
  // when C, at 0, must agree too (one change among three actors: 1/3).
  BargainingIssue issue = on_0_100(0.0, {{"A", 10, 0.5, 1}, {"B", 30, 0.5, 1}, {"C", 0, 0.5, 1}});
  issue.rule = DecisionRule::Unanimity;
  issue.deciders = {"A", "B"};
  const IssueSensitivity r = spatial_sensitivity({issue}, {{}}, only({"compromise"})).issues.at(0);
  ASSERT_EQ(r.deal, true);
  auto edge = [&](JudgmentKind kind, const std::string& actor) {
    const auto found = std::find_if(r.deal_edges.begin(), r.deal_edges.end(),
                                    [&](const DealEdge& e) { return e.judgment.kind == kind && e.judgment.actor == actor; });
    EXPECT_NE(found, r.deal_edges.end()) << actor;
    return found == r.deal_edges.end() ? DealEdge{} : *found;
  };
  const DealEdge a = edge(JudgmentKind::Position, "A");
  EXPECT_NEAR(a.value, 0, 1e-6);
  EXPECT_FALSE(a.upward);
  EXPECT_NEAR(a.margin, 0.1, 1e-6);
  EXPECT_FALSE(a.deal_after);
  EXPECT_EQ(a.blockers, std::vector<std::string>{"A"});
  const DealEdge q = edge(JudgmentKind::StatusQuo, "");
  EXPECT_NEAR(q.value, 10, 1e-6);
  EXPECT_TRUE(q.upward);
  EXPECT_NEAR(q.margin, 0.1, 1e-6);
  EXPECT_NEAR(edge(JudgmentKind::Position, "B").margin, 0.3, 1e-6);
  const DealEdge c = edge(JudgmentKind::DeciderAdded, "C");
  EXPECT_NEAR(c.margin, 1.0 / 3, 1e-12);
  EXPECT_FALSE(c.deal_after);
  // No salience and no third actor's position changes it; the edges come least margin first.
  for (const auto& e : r.deal_edges) EXPECT_NE(e.judgment.kind, JudgmentKind::Salience);
  EXPECT_TRUE(std::is_sorted(r.deal_edges.begin(), r.deal_edges.end(), [](const DealEdge& x, const DealEdge& y) { return x.margin < y.margin; }));
  // Decided by everyone: no deal to make or break.
  issue.rule = DecisionRule::Everyone;
  const IssueSensitivity everyone = spatial_sensitivity({issue}, {{}}, only({"compromise"})).issues.at(0);
  EXPECT_FALSE(everyone.deal);
  EXPECT_TRUE(everyone.deal_edges.empty());
}

TEST(Sensitivity, NearestLabelChangesAtTheMidpoint) {
  const std::vector<double> labels{0, 50, 100};
  EXPECT_EQ(nearest_label(labels, 24.9), 0u);
  EXPECT_EQ(nearest_label(labels, 25), 0u);  // a tie goes to the lower label
  EXPECT_EQ(nearest_label(labels, 25.1), 1u);
  EXPECT_EQ(nearest_label(labels, 74.9), 1u);
  EXPECT_EQ(nearest_label({100, 0}, 60), 0u);  // the labels' order as written
  EXPECT_FALSE(nearest_label({}, 3));
}

TEST(Sensitivity, MonteCarloSplitsAWeightedMeansVarianceByWeight) {
  // With the salience and capability ranges set to nothing, each actor's group varies only its
  // position, uniformly over ±10 % of the scale, and the compromise Y = Σ w_i x_i / Σ w is linear
  // in the positions: V_i ∝ w_i², and, the model being additive, S_i = ST_i = w_i² / Σ w².
  const BargainingIssue issue = on_0_100(std::nullopt, {{"A", 40, 0.5, 2}, {"B", 60, 0.5, 1}});
  SensitivitySettings s;
  s.sobol_models = {"compromise"};
  s.ranges.salience = 0;
  s.ranges.capability = 1;
  s.sobol_samples = 4000;
  s.sobol_by_judgment = true;
  const IssueSensitivity r = sobol_sensitivity(issue, s);
  ASSERT_EQ(r.sobol.size(), 1u);
  ASSERT_EQ(r.sobol_groups, (std::vector<std::string>{"A", "B"}));
  const double sa = 4.0 / 5, sb = 1.0 / 5;
  EXPECT_NEAR(r.sobol[0].groups[0].first, sa, 3 * r.sobol[0].groups[0].first_error + 1e-9);
  EXPECT_NEAR(r.sobol[0].groups[1].first, sb, 3 * r.sobol[0].groups[1].first_error + 1e-9);
  EXPECT_NEAR(r.sobol[0].groups[0].total, sa, 3 * r.sobol[0].groups[0].total_error + 1e-9);
  EXPECT_NEAR(r.sobol[0].groups[1].total, sb, 3 * r.sobol[0].groups[1].total_error + 1e-9);
  // Each single judgment is a group too: A's position carries all of A's group (its salience and
  // capability do not vary), so its indices are the group's exactly; the others' are 0.
  ASSERT_EQ(r.sobol_judgments.size(), 6u);
  EXPECT_EQ(r.sobol_judgments[0].kind, JudgmentKind::Position);
  EXPECT_EQ(r.sobol_judgments[0].actor, "A");
  const auto& groups = r.sobol[0].groups;
  EXPECT_EQ(groups[2].first, groups[0].first);
  EXPECT_EQ(groups[2].total, groups[0].total);
  EXPECT_EQ(groups[3].total, 0);  // A's salience
  EXPECT_EQ(groups[4].total, 0);  // A's capability
  // Var(Y) = Σ (w_i/Σw)² · (20²/12): (4/9 + 1/9)·400/12.
  EXPECT_NEAR(r.sobol[0].variance, 5.0 / 9 * 400 / 12, 0.05 * 5.0 / 9 * 400 / 12);
}

TEST(Sensitivity, AModelBeyondTheLimitIsSkippedTheOthersRun) {
  // Two actors and a status quo: 7 judgments, each 2·32 + 1 sweep points and up to 2·30
  // bisections, 875 runs a model. compromise: 200·actors = 400 operations a run, 3.5e5 in all;
  // expected-utility: (2³ + 300·2²)·10 rounds = 12,080 a run, 1.06e7 in all.
  const BargainingIssue issue = on_0_100(30.0, {{"A", 10, 0.5, 2}, {"B", 80, 0.6, 1}});
  SensitivitySettings s = only({"expected-utility", "compromise"});
  s.parameters.max_work = 1e6;
  const auto result = spatial_sensitivity({issue}, {{}}, s);
  ASSERT_EQ(result.skipped.size(), 1u);
  EXPECT_EQ(result.skipped[0].model, "expected-utility");
  EXPECT_FALSE(result.skipped[0].monte_carlo);
  EXPECT_NEAR(result.skipped[0].operations, 12080.0 * 875, 1);
  ASSERT_EQ(result.issues.at(0).models.size(), 1u);
  EXPECT_EQ(result.issues[0].models[0].model, "compromise");
  EXPECT_EQ(result.settings.models, std::vector<std::string>{"compromise"});
}

TEST(Sensitivity, JointModelsAreRefused) {
  const BargainingIssue issue = on_0_100(30.0, {{"A", 10, 0.5, 2}, {"B", 80, 0.6, 1}});
  EXPECT_THROW(spatial_sensitivity({issue}, {{}}, only({"smp"})), std::invalid_argument);
  SensitivitySettings s;
  s.sobol_models = {"exchange"};
  EXPECT_THROW(sobol_sensitivity(issue, s), std::invalid_argument);
}

TEST(Sensitivity, WorkBeyondTheLimitIsRefusedBeforeItStarts) {
  const BargainingIssue issue = on_0_100(30.0, {{"A", 10, 0.5, 2}, {"B", 80, 0.6, 1}});
  SensitivitySettings s;
  s.parameters.max_work = 1000;
  EXPECT_THROW(spatial_sensitivity({issue}, {{}}, s), WorkTooLarge);
}

}  // namespace
}  // namespace statecraft
