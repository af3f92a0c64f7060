// The Spatial Model of Politics against KTAB's own trajectories (tests/data/ktab): same turns,
// every actor's position within 1e-3 on the 0..100 scale at every turn.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "bargaining/smp.hpp"
#include "formats/ktab_csv.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

std::vector<SmpActor> smp_actors(const KtabScenario& ktab) {
  std::vector<SmpActor> actors;
  for (const auto& a : ktab.actors) {
    SmpActor actor{a.name, a.capability, {}, {}};
    for (double p : a.positions) actor.position.push_back(p / 100.0);
    for (double s : a.saliences) actor.salience.push_back(s / 100.0);
    actors.push_back(std::move(actor));
  }
  return actors;
}

KtabScenario read_fixture(const std::string& name) {
  Diagnostics d(name);
  auto ktab = read_ktab_csv(test::read_file(test::source_path("tests/data/ktab/" + name + ".csv")), d);
  EXPECT_TRUE(ktab.has_value());
  return ktab.value_or(KtabScenario{});
}

// positions[turn][actor][dim] from "turn,actor,dim,position" rows.
std::vector<std::vector<std::vector<double>>> read_trajectory(const std::string& name) {
  std::istringstream in(test::read_file(test::source_path("tests/data/ktab/" + name + ".positions.csv")));
  std::string line;
  std::getline(in, line);  // header
  std::vector<std::vector<std::vector<double>>> out;
  while (std::getline(in, line)) {
    std::size_t turn, actor, dim;
    double position;
    char comma;
    std::istringstream row(line);
    row >> turn >> comma >> actor >> comma >> dim >> comma >> position;
    if (out.size() <= turn) out.resize(turn + 1);
    if (out[turn].size() <= actor) out[turn].resize(actor + 1);
    if (out[turn][actor].size() <= dim) out[turn][actor].resize(dim + 1);
    out[turn][actor][dim] = position;
  }
  return out;
}

class KtabReference : public ::testing::TestWithParam<std::string> {};

TEST_P(KtabReference, ReproducesEveryTurnOfSmpc) {
  const auto expected = read_trajectory(GetParam());
  SmpSettings settings;
  settings.threads = 2;
  const SmpRun run = run_smp(smp_actors(read_fixture(GetParam())), settings);
  ASSERT_EQ(run.turns() + 1, expected.size()) << "turns";
  double worst = 0;
  for (std::size_t t = 0; t < expected.size(); ++t)
    for (std::size_t i = 0; i < expected[t].size(); ++i)
      for (std::size_t d = 0; d < expected[t][i].size(); ++d)
        worst = std::max(worst, std::abs(run.positions[t][i][d] * 100.0 - expected[t][i][d]));
  EXPECT_LE(worst, 1e-3);
  RecordProperty("max_abs_difference", std::to_string(worst));
}

INSTANTIATE_TEST_SUITE_P(Smpc, KtabReference,
                         ::testing::Values("dummyData_3Dim", "SOE-Pol-Comp", "SOE-Policy", "SOE-Competitive", "dummyData-a040",
                                           "dummyData_6Dim"));

TEST(Smp, ThreadCountDoesNotChangeTheRun) {
  const auto actors = smp_actors(read_fixture("SOE-Pol-Comp"));
  SmpSettings one, three;
  three.threads = 3;
  EXPECT_EQ(run_smp(actors, one).positions, run_smp(actors, three).positions);
}

TEST(Smp, RefusesInputsKtabCannotRun) {
  EXPECT_THROW(run_smp({{"A", 0, {0.5}, {0.5}}}), std::invalid_argument);           // no capability
  EXPECT_THROW(run_smp({{"A", 1, {0.5, 0.5}, {0.6, 0.6}}}), std::invalid_argument);  // saliences sum above 1
  EXPECT_THROW(run_smp({{"A", 1, {0.5}, {0}}}), std::invalid_argument);              // no salience at all
}

}  // namespace
}  // namespace statecraft
