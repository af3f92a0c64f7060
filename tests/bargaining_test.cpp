// The static bargaining models on hand-computed cases, invariants, and a brute-force oracle.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "bargaining/forecast.hpp"
#include "bargaining/nash.hpp"

namespace statecraft {
namespace {

BargainingIssue issue_of(std::vector<SpatialActor> actors, std::optional<double> status_quo = std::nullopt) {
  return BargainingIssue{"i", 0, 100, status_quo, std::move(actors)};
}

TEST(Median, WeightsAreCapabilityTimesSalience) {
  // Weights 3, 1, 2 at 10, 70, 40: 10 holds 3 of 6 below... exactly half, so every point of
  // [10, 40] is a median and the midpoint is returned.
  EXPECT_EQ(*weighted_median({{"A", 10, 1, 3}, {"B", 70, 0.5, 2}, {"C", 40, 1, 2}}), 25);
  EXPECT_EQ(*weighted_median({{"A", 10, 1, 3.5}, {"B", 70, 0.5, 2}, {"C", 40, 1, 2}}), 10);
  EXPECT_EQ(*weighted_median({{"A", 10, 1, 1}, {"B", 70, 1, 1}, {"C", 40, 1, 1}}), 40);
  // Two actors at one position pool their weight.
  EXPECT_EQ(*weighted_median({{"A", 10, 1, 2}, {"B", 50, 1, 1}, {"C", 50, 1, 1.5}}), 50);
  EXPECT_FALSE(weighted_median({{"A", 10, 0, 2}}).has_value());
}

TEST(Nash, TwoEqualActorsWithoutStatusQuoSplitTheirRoom) {
  // Rooms: A at 20 can lose 80, B at 60 can lose 60. On [20, 60] the objective is
  // ln(100 − x) + ln(x), maximal at x = 50.
  const auto s = nash_bargaining(issue_of({{"A", 20, 0.5, 1}, {"B", 60, 0.9, 1}}));
  ASSERT_TRUE(s && s->agreement);
  EXPECT_NEAR(s->position, 50, 1e-9);
}

TEST(Nash, CapabilitiesWeightTheActorsSaliencesDoNot) {
  // 3·ln(100 − x) + ln(x): derivative −3/(100 − x) + 1/x = 0 at x = 25.
  EXPECT_NEAR(nash_bargaining(issue_of({{"A", 20, 0.5, 3}, {"B", 60, 0.9, 1}}))->position, 25, 1e-9);
  EXPECT_NEAR(nash_bargaining(issue_of({{"A", 20, 0.1, 3}, {"B", 60, 1.0, 1}}))->position, 25, 1e-9);
}

TEST(Nash, StatusQuoLimitsTheAgreementToMutualGains) {
  // d = 0: both gain only on (0, 40) (A's mirror image of 0 is 40); the peak is the kink at 20.
  const auto s = nash_bargaining(issue_of({{"A", 20, 1, 1}, {"B", 60, 1, 1}}, 0.0));
  ASSERT_TRUE(s && s->agreement);
  EXPECT_EQ(s->position, 20);
}

TEST(Nash, NoAgreementWhenActorsFlankTheStatusQuo) {
  const auto s = nash_bargaining(issue_of({{"A", 20, 1, 1}, {"B", 60, 1, 1}}, 40.0));
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->agreement);
  EXPECT_EQ(s->position, 40);
  EXPECT_FALSE(nash_bargaining(issue_of({{"A", 40, 1, 1}, {"B", 60, 1, 1}}, 40.0))->agreement);
}

TEST(Nash, ActorsWithoutSalienceTakeNoPart) {
  EXPECT_NEAR(nash_bargaining(issue_of({{"A", 20, 1, 1}, {"B", 60, 1, 1}, {"C", 95, 0, 50}}))->position, 50, 1e-9);
  EXPECT_FALSE(nash_bargaining(issue_of({{"C", 95, 0, 50}})).has_value());
}

double nash_objective(const BargainingIssue& issue, double x) {
  double f = 0;
  for (const auto& a : issue.actors) {
    if (!(a.capability > 0 && a.salience > 0)) continue;
    const double room = issue.status_quo ? std::abs(*issue.status_quo - a.position)
                                         : std::max(a.position - issue.low, issue.high - a.position);
    const double gain = room - std::abs(x - a.position);
    if (gain <= 0) return -INFINITY;
    f += a.capability * std::log(a.salience * gain);
  }
  return f;
}

TEST(Nash, AgreesWithAGridSearchOracle) {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> position(0, 100), share(0.05, 1);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<SpatialActor> actors;
    const int n = 2 + trial % 7;
    for (int i = 0; i < n; ++i) actors.push_back({"A" + std::to_string(i), std::round(position(random)), share(random), share(random)});
    std::optional<double> status_quo;
    if (trial % 2) status_quo = std::round(position(random));
    const auto issue = issue_of(actors, status_quo);
    const auto s = nash_bargaining(issue);
    ASSERT_TRUE(s);
    if (!s->agreement) continue;
    double best = -INFINITY;
    for (int k = 0; k <= 100000; ++k) best = std::max(best, nash_objective(issue, k / 1000.0));
    EXPECT_GE(nash_objective(issue, s->position), best - 1e-9) << "trial " << trial;
  }
}

// Properties every static model must have.
class StaticModel : public ::testing::TestWithParam<std::string> {
 protected:
  double forecast(const std::vector<SpatialActor>& actors, std::optional<double> status_quo = std::nullopt) {
    const auto f = forecast_issues({issue_of(actors, status_quo)}, {GetParam()});
    EXPECT_EQ(f.size(), 1u);
    EXPECT_TRUE(f[0].position.has_value());
    return f[0].position.value_or(NAN);
  }
};

TEST_P(StaticModel, ForecastLiesWithinTheActorsRange) {
  std::mt19937 random(11);
  std::uniform_real_distribution<double> position(0, 100), share(0.05, 1);
  for (int trial = 0; trial < 100; ++trial) {
    std::vector<SpatialActor> actors;
    for (int i = 0; i < 5; ++i) actors.push_back({"A" + std::to_string(i), position(random), share(random), share(random)});
    const double x = forecast(actors);
    const auto [lo, hi] = std::minmax_element(actors.begin(), actors.end(), [](auto& a, auto& b) { return a.position < b.position; });
    EXPECT_GE(x, lo->position - 1e-9);
    EXPECT_LE(x, hi->position + 1e-9);
  }
}

TEST_P(StaticModel, RelabellingActorsChangesNothing) {
  std::vector<SpatialActor> actors{{"A", 10, 0.5, 3}, {"B", 70, 0.2, 1}, {"C", 40, 0.9, 2}, {"D", 55, 0.6, 1.5}};
  const double x = forecast(actors);
  std::reverse(actors.begin(), actors.end());
  EXPECT_NEAR(forecast(actors), x, 1e-9);
  std::rotate(actors.begin(), actors.begin() + 1, actors.end());
  EXPECT_NEAR(forecast(actors), x, 1e-9);
}

TEST_P(StaticModel, AnActorWithAllTheCapabilityGetsItsWay) {
  const std::vector<SpatialActor> actors{{"A", 10, 0.5, 1}, {"B", 70, 0.2, 1}, {"C", 90, 0.6, 1e9}};
  EXPECT_NEAR(forecast(actors), 90, 1e-3);
}

INSTANTIATE_TEST_SUITE_P(Models, StaticModel, ::testing::Values("compromise", "median", "nash", "expected-utility", "exchange", "smp"));

}  // namespace
}  // namespace statecraft

#include "bargaining/uncertainty.hpp"

namespace statecraft {
namespace {

std::vector<BargainingIssue> two_issues() {
  return {issue_of({{"A", 10, 0.5, 3}, {"B", 70, 0.2, 1}, {"C", 40, 0.9, 2}}, 50.0),
          issue_of({{"A", 90, 0.8, 3}, {"B", 20, 0.6, 1}, {"C", 60, 0.3, 2}})};
}

TEST(Uncertainty, QuantilesInterpolateBetweenOrderStatistics) {
  const std::vector<double> v{1, 2, 3, 4, 5};
  EXPECT_EQ(quantile(v, 0.5), 3);
  EXPECT_DOUBLE_EQ(quantile(v, 0.05), 1.2);  // h = 4·0.05 = 0.2
  EXPECT_DOUBLE_EQ(quantile(v, 0.95), 4.8);
  EXPECT_EQ(quantile({7}, 0.95), 7);
}

TEST(Uncertainty, ResultForASeedDoesNotDependOnTheThreadCount) {
  const std::vector<std::string> models{"compromise", "median", "nash"};
  UncertaintySettings one{501, 42, Jitter{}, 1, {}};
  UncertaintySettings three = one;
  three.threads = 3;
  const auto a = forecast_uncertainty(two_issues(), models, one);
  const auto b = forecast_uncertainty(two_issues(), models, three);
  ASSERT_EQ(a.size(), 6u);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].mean, b[i].mean);
    EXPECT_EQ(a[i].p05, b[i].p05);
    EXPECT_EQ(a[i].p95, b[i].p95);
  }
  three.seed = 43;
  EXPECT_NE(forecast_uncertainty(two_issues(), models, three)[0].mean, a[0].mean);
}

TEST(Uncertainty, NoJitterGivesThePointForecast) {
  const auto issues = two_issues();
  const auto point = forecast_issues(issues, {"compromise", "median"});
  const auto d = forecast_uncertainty(issues, {"compromise", "median"}, {20, 1, Jitter{0, 0, 0, 0, 0}, 2, {}});
  for (std::size_t i = 0; i < d.size(); ++i) {
    EXPECT_DOUBLE_EQ(d[i].p05, *point[i].position);
    EXPECT_DOUBLE_EQ(d[i].p95, *point[i].position);
    EXPECT_EQ(d[i].forecasts, 20u);
  }
}

TEST(Uncertainty, JitteredInputsStayInRange) {
  const Jitter wide{0.8, 2, 3, 1, 0.5};
  for (std::uint64_t sample = 0; sample < 50; ++sample)
    for (const auto& issue : jittered_issues(two_issues(), wide, 9, sample))
      for (const auto& a : issue.actors) {
        EXPECT_GE(a.position, 0);
        EXPECT_LE(a.position, 100);
        EXPECT_GE(a.salience, 0);
        EXPECT_LE(a.salience, 1);
        EXPECT_GT(a.capability, 0);
      }
}

}  // namespace
}  // namespace statecraft
