// Correlated equilibria: Aumann's game of chicken by hand, the prisoner's dilemma, and on every
// reference game the invariants (exactly an equilibrium; at least as good as every pure Nash
// equilibrium, which is one; the coarse set contains the correlated one).

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <unistd.h>

#include "formats/gambit_nfg.hpp"
#include "games/correlated.hpp"
#include "games/equilibria.hpp"
#include "scenario/work.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

StrategicGame two_by_two(const std::vector<std::vector<int>>& payoffs) {  // payoffs[profile] = {u1, u2}, first player fastest
  StrategicGame g;
  g.players = {"ROW", "COL"};
  g.strategies = {{"a", "b"}, {"a", "b"}};
  for (const auto& p : payoffs) g.payoffs.push_back({p[0], p[1]});
  return g;
}

mpq_class total(const std::vector<mpq_class>& v) {
  mpq_class t = 0;
  for (const auto& x : v) t += x;
  return t;
}

TEST(Correlated, ChickenWelfareOptimumByHand) {
  // Chicken (Aumann 1974's example in the form of 7, 6, 2, 0): a = dare, b = chicken. The
  // incentive rows are 2·x(b,a) ≥ x(b,b), 2·x(a,b) ≥ x(b,b), x(a,b) ≥ 2·x(a,a), x(b,a) ≥ 2·x(a,a);
  // the most welfare puts 1/2 on (chicken, chicken) and 1/4 on each of the others' dares, 21/4
  // each, above the mixed equilibrium's 14/3 and the pure ones' total of 9.
  const StrategicGame chicken = two_by_two({{0, 0}, {2, 7}, {7, 2}, {6, 6}});  // (a,a), (b,a), (a,b), (b,b)
  const auto s = correlated_equilibria(chicken);
  ASSERT_TRUE(s.welfare.verified);
  EXPECT_EQ(s.welfare.probability, (std::vector<mpq_class>{0, mpq_class(1, 4), mpq_class(1, 4), mpq_class(1, 2)}));
  EXPECT_EQ(s.welfare.payoffs, (std::vector<mpq_class>{mpq_class(21, 4), mpq_class(21, 4)}));
  EXPECT_EQ(s.fairest.payoffs, (std::vector<mpq_class>{mpq_class(21, 4), mpq_class(21, 4)}));  // symmetric: the same
  EXPECT_EQ(s.rows, 5u);
  EXPECT_TRUE(is_correlated_equilibrium(chicken, s.welfare.probability, CorrelatedKind::correlated));
  // Tilted towards one player's dare the distribution stops being one: ROW told to chicken out
  // would rather dare.
  EXPECT_FALSE(is_correlated_equilibrium(chicken, {0, mpq_class(1, 8), mpq_class(3, 8), mpq_class(1, 2)}, CorrelatedKind::correlated));
}

TEST(Correlated, ThePrisonersDilemmaHasOnlyItsNashEquilibrium) {
  // Defection (b) strictly dominates, so no mediator can sustain cooperation.
  const StrategicGame pd = two_by_two({{3, 3}, {5, 0}, {0, 5}, {1, 1}});
  const auto s = correlated_equilibria(pd);
  EXPECT_EQ(s.welfare.probability, (std::vector<mpq_class>{0, 0, 0, 1}));
  EXPECT_EQ(s.fairest.probability, (std::vector<mpq_class>{0, 0, 0, 1}));
  EXPECT_FALSE(is_correlated_equilibrium(pd, {1, 0, 0, 0}, CorrelatedKind::correlated));
  EXPECT_FALSE(is_correlated_equilibrium(pd, {1, 0, 0, 0}, CorrelatedKind::coarse));
}

TEST(Correlated, TheCoarseOptimumIsAtLeastTheCorrelatedOne) {
  // A cyclic 3×3 game (each strategy beats the next, with a tie on the last): every correlated
  // equilibrium is a coarse one, so the coarse optimum is at least the correlated one; both exact.
  StrategicGame g;
  g.players = {"ROW", "COL"};
  g.strategies = {{"a", "b", "c"}, {"a", "b", "c"}};
  const int u[9][2] = {{1, 1}, {-1, 3}, {3, -1}, {3, -1}, {1, 1}, {-1, 3}, {-1, 3}, {3, -1}, {0, 0}};
  for (const auto& p : u) g.payoffs.push_back({p[0], p[1]});
  const auto s = correlated_equilibria(g);
  EXPECT_GE(total(s.coarse_welfare.payoffs), total(s.welfare.payoffs));
  EXPECT_TRUE(is_correlated_equilibrium(g, s.coarse_welfare.probability, CorrelatedKind::coarse));
  EXPECT_TRUE(is_correlated_equilibrium(g, s.welfare.probability, CorrelatedKind::correlated));
}

TEST(Correlated, EveryReferenceGameIsExactlyAtLeastAsGoodAsItsPureEquilibria) {
  std::size_t games = 0;
  for (const auto& name : test::reference_nfg_games()) {
    Diagnostics d(name);
    const auto game = read_nfg(test::read_file(test::source_path("tests/data/games/" + name)), d);
    ASSERT_TRUE(game) << name;
    const auto s = correlated_equilibria(*game);
    ++games;
    EXPECT_TRUE(s.welfare.verified && s.fairest.verified && s.coarse_welfare.verified) << name;
    EXPECT_TRUE(is_correlated_equilibrium(*game, s.welfare.probability, CorrelatedKind::correlated)) << name;
    EXPECT_TRUE(is_correlated_equilibrium(*game, s.fairest.probability, CorrelatedKind::correlated)) << name;
    EXPECT_TRUE(is_correlated_equilibrium(*game, s.coarse_welfare.probability, CorrelatedKind::coarse)) << name;
    EXPECT_GE(total(s.coarse_welfare.payoffs), total(s.welfare.payoffs)) << name;
    for (const auto& pure : pure_nash_equilibria(*game)) {
      const auto& u = game->payoffs[game->profile_index(pure)];
      EXPECT_GE(total(s.welfare.payoffs), total(u)) << name;
      EXPECT_GE(*std::min_element(s.fairest.payoffs.begin(), s.fairest.payoffs.end()), *std::min_element(u.begin(), u.end())) << name;
    }
  }
  EXPECT_GE(games, 20u);
}

TEST(Correlated, TenByTenByTenWithinASecond) {
  std::mt19937 random(20261203);
  std::uniform_int_distribution<int> payoff(0, 100);
  StrategicGame g;
  g.players = {"A", "B", "C"};
  for (int p = 0; p < 3; ++p) {
    g.strategies.emplace_back();
    for (int k = 0; k < 10; ++k) g.strategies.back().push_back("s" + std::to_string(k));
  }
  for (int s = 0; s < 1000; ++s) g.payoffs.push_back({payoff(random), payoff(random), payoff(random)});
  const auto start = std::chrono::steady_clock::now();
  const auto s = correlated_equilibria(g);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(s.rows, 271u);
  EXPECT_TRUE(is_correlated_equilibrium(g, s.welfare.probability, CorrelatedKind::correlated));
  EXPECT_TRUE(is_correlated_equilibrium(g, s.fairest.probability, CorrelatedKind::correlated));
  EXPECT_LT(seconds, 3.0);  // about 0.1 s here (bench: correlated_10x10x10); the margin is for loaded CI machines
}

TEST(Correlated, AProgramTooLargeIsRefusedBeforeItIsBuilt) {
  StrategicGame g;
  g.players = {"A", "B", "C", "D"};
  for (int p = 0; p < 4; ++p) g.strategies.emplace_back(60, "s");
  // No payoffs are needed: the size is refused first (60^4 profiles × 59 deviations × 4 players).
  EXPECT_THROW(correlated_equilibria(g), WorkTooLarge);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(CorrelatedCommand, SolveSaysWhatTheMediatorRecommendsAndWhoGains) {
  const auto dir = std::filesystem::temp_directory_path() / ("statecraft-chicken-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "chicken.nfg") << "NFG 1 R \"Chicken\" { \"ROW\" \"COL\" } { 2 2 }\n0 0 2 7 7 2 6 6\n";
  const auto r = test::run_statecraft("solve '" + (dir / "chicken.nfg").string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* line : {"most total payoff: ROW 2, COL 1 25 % (1/4); ROW 1, COL 2 25 % (1/4); ROW 2, COL 2 50 % (1/2) (expected payoffs ROW 21/4, COL 21/4)",
                           "against the Nash equilibrium (ROW 2, COL 1): ROW +13/4, COL -7/4", "against the mixed Nash equilibrium: ROW +7/12, COL +7/12"})
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
  const auto only = test::run_statecraft("solve '" + (dir / "chicken.nfg").string() + "' --method correlated --format json");
  ASSERT_EQ(only.exit_code, 0) << only.err;
  const auto json = nlohmann::json::parse(only.out)["games"][0];
  EXPECT_TRUE(json["pure_equilibria"].empty());  // only what was asked for
  EXPECT_EQ(json["correlated"]["welfare"]["payoffs_exact"]["ROW"], "21/4");
  EXPECT_TRUE(json["correlated"]["welfare"]["verified"].get<bool>());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace statecraft
