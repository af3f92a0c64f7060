// Cross-validation across proposals, the fitted models and the conformal intervals: folds that
// keep proposals whole, fits that recover what synthetic data were made from, and scores
// computed by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bargaining/cross_validation.hpp"
#include "bargaining/nash.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

std::vector<BacktestCase> grouped_cases(std::size_t groups, std::size_t per_group) {
  std::vector<BacktestCase> cases;
  for (std::size_t g = 0; g < groups; ++g)
    for (std::size_t i = 0; i < per_group; ++i)
      cases.push_back({BargainingIssue{fmt::format("g{}i{}", g, i), 0, 100, std::nullopt, {{"A", 50, 1, 1}}}, 50.0, "g" + std::to_string(g)});
  return cases;
}

TEST(CrossValidation, FoldsKeepProposalsWholeAndBalanced) {
  const auto cases = grouped_cases(23, 3);
  const auto fold = folds_by_group(cases, 5, 1);
  std::map<std::string, std::set<std::size_t>> folds_of_group;
  std::map<std::size_t, std::size_t> groups_in_fold;
  for (std::size_t k = 0; k < cases.size(); ++k) folds_of_group[cases[k].group].insert(fold[k]);
  for (const auto& [group, folds] : folds_of_group) {
    EXPECT_EQ(folds.size(), 1u) << group;
    ++groups_in_fold[*folds.begin()];
  }
  for (const auto& [f, n] : groups_in_fold) EXPECT_TRUE(n == 4 || n == 5) << "fold " << f << " has " << n << " groups";
  EXPECT_EQ(folds_by_group(cases, 5, 1), fold);   // the seed decides
  EXPECT_NE(folds_by_group(cases, 5, 2), fold);
  EXPECT_THROW(folds_by_group(cases, 1, 1), std::invalid_argument);
  EXPECT_THROW(folds_by_group(cases, 24, 1), std::invalid_argument);  // more folds than proposals
}

// One case per group, forecasts 0 and outcomes 0..9 in each of two folds: a case's interval comes
// from the five errors of the other fold, its CRPS from them as a sample.
TEST(CrossValidation, ConformalIntervalsAndCrpsByHand) {
  std::vector<BacktestCase> cases;
  ModelScore zero{"zero", 0, 0, 0, 0, 0, {}, {}};
  for (int k = 0; k < 10; ++k) {
    cases.push_back({BargainingIssue{"i" + std::to_string(k), 0, 100, std::nullopt, {{"A", 0, 1, 1}}}, double(k), "g" + std::to_string(k)});
    zero.forecasts.push_back(0.0);
  }
  zero.cases = 10;
  const auto scores = cross_validate(cases, {zero}, {}, {2, 1});
  const auto fold = folds_by_group(cases, 2, 1);
  ASSERT_EQ(scores.size(), 1u);
  const auto& s = scores[0];
  EXPECT_EQ(s.cases, 10u);
  EXPECT_DOUBLE_EQ(s.mean_absolute_error, 4.5);
  double crps = 0;
  for (std::size_t k = 0; k < 10; ++k) {
    std::vector<double> others;  // the errors of the other fold, sorted: the outcomes there
    for (std::size_t j = 0; j < 10; ++j)
      if (fold[j] != fold[k]) others.push_back(double(j));
    ASSERT_EQ(others.size(), 5u);
    // n = 5: the 90 % interval runs from order statistic ⌊6·0.05⌋ = 0 (clamped to 1) to ⌈6·0.95⌉ = 6
    // (clamped to 5): the smallest and the largest; the 50 % one from ⌊1.5⌋ = 1 to ⌈4.5⌉ = 5.
    EXPECT_EQ(s.interval90[k]->low, others.front());
    EXPECT_EQ(s.interval90[k]->high, others.back());
    EXPECT_EQ(s.interval50[k]->low, others.front());
    double to_outcome = 0, pairs = 0;
    for (double x : others) {
      to_outcome += std::abs(x - double(k));
      for (double x2 : others) pairs += std::abs(x - x2);
    }
    crps += to_outcome / 5 - pairs / 50;
  }
  EXPECT_NEAR(s.crps, crps / 10, 1e-12);
}

// Synthetic proposals whose outcome is the mean weighted 4:1 towards actor A: fitted-power finds A
// (or, the same thing, B's weight a quarter of A's), and forecasts held-out proposals exactly; the
// ensemble of a right and a wrong model puts all its weight on the right one.
TEST(CrossValidation, FittedModelsRecoverWhatTheDataWereMadeFrom) {
  std::vector<BacktestCase> cases;
  ModelScore right{"right", 0, 0, 0, 0, 0, {}, {}}, wrong{"wrong", 0, 0, 0, 0, 0, {}, {}};
  for (int k = 0; k < 30; ++k) {
    const double a = (k * 37) % 100, b = (k * 61 + 13) % 100;
    const double outcome = (4 * a + b) / 5;
    cases.push_back({BargainingIssue{"i" + std::to_string(k), 0, 100, std::nullopt, {{"A", a, 0.5, 1}, {"B", b, 0.5, 1}}}, outcome, "g" + std::to_string(k / 2)});
    right.forecasts.push_back(outcome);
    wrong.forecasts.push_back(b);
  }
  right.cases = wrong.cases = 30;
  const auto scores = cross_validate(cases, {right, wrong}, {"fitted-power", "ensemble"}, {5, 3});
  ASSERT_EQ(scores.size(), 4u);
  const auto& fitted = scores[2];
  EXPECT_EQ(fitted.model, "fitted-power");
  EXPECT_NEAR(fitted.mean_absolute_error, 0, 1e-9);
  std::map<std::string, double> capability(fitted.fitted.begin(), fitted.fitted.end());
  EXPECT_DOUBLE_EQ(capability["A"] / capability["B"], 4);
  const auto& ensemble = scores[3];
  EXPECT_NEAR(ensemble.mean_absolute_error, 0, 1e-9);
  ASSERT_EQ(ensemble.fitted.size(), 1u);
  EXPECT_EQ(ensemble.fitted[0], (std::pair<std::string, double>{"right", 1.0}));
}

// On the training half of DEU III, every model's split conformal 90 % interval covers 85–95 % of
// the held-out issues, as issue 13 asks (measured: 89–92 %), and the report prints the fitted
// parameters; the cross-validated figures are in the README.
TEST(CrossValidation, DeuThreeIntervalsHoldTheirCoverage) {
  const auto r = test::run_statecraft("backtest --format json " + test::source_path("tests/data/deu3/deu3-train.tsv"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["cross_validation"]["folds"], 10);
  for (const auto& s : j["scores"]) {
    if (s["issues"] == 0) continue;
    const double c90 = s["cross_validated"]["coverage90"], c50 = s["cross_validated"]["coverage50"];
    EXPECT_GE(c90, 0.85) << s["model"];
    EXPECT_LE(c90, 0.95) << s["model"];
    EXPECT_GE(c50, 0.40) << s["model"];
    EXPECT_LE(c50, 0.60) << s["model"];
    if (s["fitted"]) EXPECT_TRUE(s.contains("parameters")) << s["model"];
  }
  EXPECT_EQ(j["scores"][0]["model"], "compromise");
  EXPECT_NEAR(j["scores"][0]["cross_validated"]["mean_absolute_error"].get<double>(), 23.4262, 1e-4);
}


// Nash bargaining with salience against a fine grid of its objective, and its limit: on a scale
// far wider than the actors' spread, it approaches the compromise model's weighted mean.
TEST(NashWithSalience, MaximisesItsObjectiveAndApproachesTheCompromise) {
  const BargainingIssue issue{"i", 0, 100, 30.0, {{"A", 0, 0.9, 1}, {"B", 100, 0.3, 1}, {"C", 70, 0.6, 2}}};
  const auto x = nash_with_salience(issue);
  ASSERT_TRUE(x);
  auto objective = [&](double y) {
    double v = 0;
    for (const auto& a : issue.actors) {
      const double room = std::max(a.position - issue.low, issue.high - a.position);
      v += a.capability * a.salience * std::log(room * room - (y - a.position) * (y - a.position));
    }
    return v;
  };
  double best = 0.0005;
  for (double y = 0.0005; y < 100; y += 0.001)
    if (objective(y) > objective(best)) best = y;
  EXPECT_NEAR(*x, best, 0.002);
  EXPECT_TRUE(*x > 0 && *x < 100);  // the status quo at 30 plays no part: breakdown is the scale's worst
  const BargainingIssue wide{"w", -1e6, 1e6, std::nullopt, {{"A", 0, 0.9, 1}, {"B", 100, 0.3, 1}, {"C", 70, 0.6, 2}}};
  EXPECT_NEAR(*nash_with_salience(wide), *weighted_mean(wide.actors), 0.01);
  EXPECT_FALSE(nash_with_salience(BargainingIssue{"e", 0, 100, std::nullopt, {{"A", 10, 0, 1}}}));
}


// A scenario with an outcome is scored like a data set: Bueno de Mesquita's car emission case,
// whose outcome was 8.83 years (Scholz et al. 2011), written in as `outcome:`; the compromise
// model's error is its distance from the forecast the `forecast` command gives.
TEST(Backtest, ScenarioFilesWithOutcomesAreScored) {
  std::string text = test::replace(test::read_file(test::source_path("scenarios/emission-standards-1994.yaml")), "statecraft: 1", "statecraft: 2");
  text = test::replace(text, "scale: [4, 10]\n",
                       "scale: [4, 10]\n    outcome: {value: 8.83, source: scholz2011, note: \"the standards' introduction, as Scholz et al. 2011 report it\"}\n");
  const std::string file = testing::TempDir() + "emission-outcome.yaml";
  {
    std::ofstream(file) << text;
  }
  const auto r = test::run_statecraft("backtest --input-format scenario --model compromise --format json " + file);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto forecast = nlohmann::json::parse(test::run_statecraft("forecast --model compromise --format json " + file).out);
  const double compromise = forecast["issues"][0]["forecasts"]["compromise"];
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["issues"], 1);
  EXPECT_NEAR(j["scores"][0]["mean_absolute_error"].get<double>(), std::abs(compromise - 8.83), 1e-9);
  EXPECT_FALSE(j.contains("cross_validation"));  // one scenario is one group: nothing to cross-validate
  const auto text_report = test::run_statecraft("backtest --input-format scenario --model compromise " + file);
  EXPECT_NE(text_report.out.find("too few proposals to cross-validate"), std::string::npos) << text_report.out;
  // A scenario without outcomes has nothing to score; a DEU file is one file.
  EXPECT_EQ(test::run_statecraft("backtest --input-format scenario " + test::source_path("scenarios/alaska-2025.yaml")).exit_code, 1);
  EXPECT_EQ(test::run_statecraft("backtest " + file + " " + file).exit_code, 2);
  std::filesystem::remove(file);
}


TEST(NearestHeldPosition, ByHand) {
  const std::vector<SpatialActor> actors{{"A", 0, 1, 1}, {"B", 50, 1, 1}, {"C", 100, 1, 1}};
  EXPECT_EQ(nearest_held_position(actors, 30), 50);
  EXPECT_EQ(nearest_held_position(actors, 25), 0);  // as near to 0 as to 50: the lower
  EXPECT_EQ(nearest_held_position(actors, 99), 100);
  EXPECT_FALSE(nearest_held_position({}, 10));
}

}  // namespace
}  // namespace statecraft
