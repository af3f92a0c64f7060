// Bueno de Mesquita's expected utility model on the EC emission-standards case, against the
// figures of Scholz, Calbert & Smith (2011) and what can be derived by hand.

#include <gtest/gtest.h>

#include <cmath>

#include "bargaining/expected_utility.hpp"
#include "bargaining/forecast.hpp"
#include "formats/load.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

std::vector<SpatialActor> emission_case() {
  const auto result = load_scenario_file(test::source_path("scenarios/emission-standards-1994.yaml"));
  EXPECT_TRUE(result.ok());
  return bargaining_issues(*result.scenario).at(0).actors;
}

ExpectedUtilitySettings fixed_rounds(int rounds) {
  ExpectedUtilitySettings s;
  s.max_rounds = rounds;
  s.settle_rounds = 0;
  return s;
}

double truncate_to_tenths(double x) { return std::floor(x * 10 + 1e-9) / 10; }

TEST(ExpectedUtility, InitialMedianByHand) {
  // Weights c·s: NL .064, BE .032, LU .006, DE .128, FR .096, IT .096, UK .144, IE .005,
  // DK .05, GR .056; total .677. At 4 the cumulative weight is .248, at 7 .341 > .677/2.
  const auto run = run_expected_utility(emission_case(), fixed_rounds(1));
  EXPECT_EQ(run.initial_median, 7);
}

TEST(ExpectedUtility, RiskExponentsSpanHalfToTwo) {
  // eqs. 32–34: the least secure actor gets r = 0.5, the most secure r = 2. In round 1 the least
  // secure is Ireland (small, salience 0.1: everyone expects to gain by challenging it), the
  // most secure Denmark (salience 1: it always resists).
  const auto run = run_expected_utility(emission_case(), fixed_rounds(8));
  for (const auto& round : run.rounds) {
    EXPECT_NEAR(*std::min_element(round.risk.begin(), round.risk.end()), 0.5, 1e-12);
    EXPECT_NEAR(*std::max_element(round.risk.begin(), round.risk.end()), 2.0, 1e-12);
  }
  EXPECT_NEAR(run.rounds[0].risk[7], 0.5, 1e-12);  // Ireland
  EXPECT_NEAR(run.rounds[0].risk[8], 2.0, 1e-12);  // Denmark
}

TEST(ExpectedUtility, RoundOneMovesOfScholzEtAl) {
  // Belgium compromises with France (Scholz et al., Fig. 7: a ≈ −0.11, b ≈ 0.24) and moves 0.47
  // of the way from 7 to 10; Luxembourg loses a conflict to Belgium and moves to 7; Ireland one
  // to Luxembourg and moves to 4. Nobody else moves.
  const auto run = run_expected_utility(emission_case(), fixed_rounds(1));
  const std::vector<double> after = run.rounds.at(0).positions;
  EXPECT_NEAR(after[1], 8.4159, 1e-4);
  EXPECT_EQ(after[2], 7);
  EXPECT_EQ(after[7], 4);
  for (std::size_t i : {0, 3, 4, 5, 6, 8, 9}) EXPECT_EQ(after[i], emission_case()[i].position) << i;
}

TEST(ExpectedUtility, MediansOfScholzEtAlTable2) {
  // Table 2 (Q = 1) prints the median by round to one decimal, apparently truncated:
  // 8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6. Ours agree in every round but the second, where we
  // get 9.61. No reading of the paper we tried gives 9.9 there while keeping the other rounds
  // (docs/models/expected-utility.md); J. Velev's independent replication (2014, GitHub
  // jmckib/bdm-scholz-expected-utility-model) prints our 9.61 too.
  const std::vector<double> table2{8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6};
  const auto run = run_expected_utility(emission_case(), fixed_rounds(8));
  ASSERT_EQ(run.rounds.size(), 8u);
  for (std::size_t t = 0; t < 8; ++t) {
    if (t == 1) {
      EXPECT_EQ(truncate_to_tenths(run.rounds[t].median), 9.6) << "the documented difference moved";
      continue;
    }
    EXPECT_EQ(truncate_to_tenths(run.rounds[t].median), table2[t]) << "round " << t + 1;
  }
}

TEST(ExpectedUtility, FullPrecisionTrajectory) {
  // The medians that J. Velev's replication of Scholz et al. (bdm_scholz_model.py, GitHub
  // jmckib/bdm-scholz-expected-utility-model) prints for Table 1's data over ten rounds, and the
  // mean after round 1.
  const std::vector<double> medians{8.415932315427, 9.610859134120, 9.961979590401, 9.961979590401, 9.961979590401,
                                    7.472046361916, 8.824593855262, 9.671129769802, 9.671129769802, 7.0};
  const auto run = run_expected_utility(emission_case(), fixed_rounds(10));
  ASSERT_EQ(run.rounds.size(), medians.size());
  for (std::size_t t = 0; t < medians.size(); ++t) EXPECT_NEAR(run.rounds[t].median, medians[t], 1e-9) << "round " << t + 1;
  EXPECT_NEAR(run.rounds[0].mean, 7.461314378277, 1e-9);
}

TEST(ExpectedUtility, StopsWhenTheMedianSettles) {
  const auto run = run_expected_utility(emission_case());  // defaults: settle after 3 equal medians
  EXPECT_EQ(run.rounds.size(), 5u);
  EXPECT_EQ(run.stopped, "the median stood still for 3 rounds");
  EXPECT_NEAR(run.rounds.back().median, 9.961979590401, 1e-9);
}

TEST(ExpectedUtility, StatusQuoProbabilityAndConflictRuleMatter) {
  ExpectedUtilitySettings half = fixed_rounds(3);
  half.status_quo_probability = 0.5;
  const auto base = run_expected_utility(emission_case(), fixed_rounds(3));
  const auto with_half = run_expected_utility(emission_case(), half);
  EXPECT_NE(with_half.rounds[0].positions, base.rounds[0].positions);
  ExpectedUtilitySettings stay = fixed_rounds(1);
  stay.conflict = ExpectedUtilitySettings::ConflictRule::Stay;
  const auto stayed = run_expected_utility(emission_case(), stay);
  EXPECT_EQ(stayed.rounds[0].positions[2], 4);  // Luxembourg's conflict with Belgium moves nobody
  EXPECT_EQ(stayed.rounds[0].positions[7], 7);  // nor Ireland's with Luxembourg
  EXPECT_NEAR(stayed.rounds[0].positions[1], 8.4159, 1e-4);  // the compromise still happens
}

TEST(ExpectedUtility, PaperProbabilityIsAvailable) {
  // Read literally, eq. 31 puts everybody in conflict (Scholz et al.'s own figures need the
  // program's form); it must still run and stay within the actors' range.
  ExpectedUtilitySettings paper = fixed_rounds(5);
  paper.probability = ExpectedUtilitySettings::SuccessProbability::Paper;
  for (const auto& round : run_expected_utility(emission_case(), paper).rounds) {
    EXPECT_GE(round.median, 4);
    EXPECT_LE(round.median, 10);
  }
}

TEST(ExpectedUtility, AnExactMedianTieGivesTheMidpointAsTheMedianModelDoes) {
  // Weights c·s: 0.5 at 10, 0.25 at 30, 0.25 at 60; total 1. Exactly half lies at 10 and half at
  // 30 or above, so 10 and 30 both beat 60 and tie with each other: the midpoint, 20, as the
  // median model gives. The old rule took the lower position, 10, which on the mirrored scale
  // (100 − x) became 70 instead of 100 − 10 = 90.
  const std::vector<SpatialActor> actors{{"A", 10, 0.5, 1}, {"B", 30, 0.25, 1}, {"C", 60, 0.5, 0.5}};
  std::vector<SpatialActor> mirrored = actors;
  for (auto& a : mirrored) a.position = 100 - a.position;
  EXPECT_EQ(run_expected_utility(actors).initial_median, 20);
  EXPECT_EQ(run_expected_utility(mirrored).initial_median, 80);
  EXPECT_EQ(condorcet_position(actors, {10, 30, 60}), *weighted_median(actors));
  // Half and half between two actors: the midpoint.
  EXPECT_EQ(condorcet_position({{"A", 0, 1, 1}, {"B", 100, 1, 1}}, {0, 100}), 50);
}

TEST(ExpectedUtility, ConsensusStaysPut) {
  const auto run = run_expected_utility({{"A", 30, 0.5, 1}, {"B", 30, 0.9, 2}});
  EXPECT_EQ(run.initial_median, 30);
  EXPECT_TRUE(run.rounds.empty());
}

}  // namespace
}  // namespace statecraft
