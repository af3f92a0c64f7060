// Voting power, the Council's rules by date and the procedural model of EU legislation, against
// published indices, brute force and cases worked by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "bargaining/eu_council.hpp"
#include "bargaining/eu_procedure.hpp"
#include "bargaining/voting_game.hpp"
#include "scenario/work.hpp"

namespace statecraft {
namespace {

// The Council of the six (1958–1972): 4, 4, 4, 2, 2, 1 votes, a qualified majority of 12.
// Luxembourg's vote never mattered: its power is 0 (Felsenthal & Machover 1998, §3.2; the
// textbook case), and the Shapley–Shubik indices are 7/30 for the three large, 3/20 for the two
// middle members.
TEST(VotingPower, TheSixAndLuxembourgsNullVote) {
  const VotingGame six{{"de", "fr", "it", "be", "nl", "lu"}, {4, 4, 4, 2, 2, 1}, 12};
  const auto p = power_indices(six);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(p.shapley_shubik[i], 7.0 / 30, 1e-12);
  EXPECT_NEAR(p.shapley_shubik[3], 3.0 / 20, 1e-12);
  EXPECT_NEAR(p.shapley_shubik[4], 3.0 / 20, 1e-12);
  EXPECT_EQ(p.shapley_shubik[5], 0);
  EXPECT_EQ(p.banzhaf_absolute[5], 0);
  // Swings counted by hand: a large member swings 10 of the 32 coalitions of the others, a
  // middle one 6, so Banzhaf's index is 10/42 and 6/42.
  EXPECT_NEAR(p.banzhaf_absolute[0], 10.0 / 32, 1e-12);
  EXPECT_NEAR(p.banzhaf[0], 10.0 / 42, 1e-12);
  EXPECT_NEAR(p.banzhaf[3], 6.0 / 42, 1e-12);
}

// The generating functions against enumeration of every order (Shapley–Shubik) and every
// coalition (Banzhaf), on random games with member-count rules as well.
TEST(VotingPower, GeneratingFunctionsAgreeWithBruteForce) {
  std::mt19937_64 engine(7);
  for (int trial = 0; trial < 40; ++trial) {
    const std::size_t n = 2 + engine() % 6;
    VotingGame g;
    for (std::size_t i = 0; i < n; ++i) g.players.push_back("p" + std::to_string(i)), g.weights.push_back(static_cast<std::int64_t>(engine() % 9));
    const auto total = std::accumulate(g.weights.begin(), g.weights.end(), std::int64_t{0});
    g.quota = total / 2 + 1 + static_cast<std::int64_t>(engine() % (total / 2 + 1));
    if (trial % 3 == 1) g.min_members = 1 + engine() % n;
    if (trial % 3 == 2) g.members_enough = 1 + engine() % n;
    std::vector<double> shapley(n, 0), swings(n, 0);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    double orders = 0;
    do {  // the pivot of each order: the member whose arrival first makes the coalition win
      std::int64_t w = 0;
      for (std::size_t k = 0; k < n; ++k) {
        w += g.weights[order[k]];
        if (wins(g, k + 1, w)) {
          shapley[order[k]] += 1;
          break;
        }
      }
      orders += 1;
    } while (std::next_permutation(order.begin(), order.end()));
    for (std::uint64_t mask = 0; mask < (1u << n); ++mask) {
      std::int64_t w = 0;
      std::size_t members = 0;
      for (std::size_t i = 0; i < n; ++i)
        if (mask >> i & 1) w += g.weights[i], ++members;
      for (std::size_t i = 0; i < n; ++i)
        if (!(mask >> i & 1) && !wins(g, members, w) && wins(g, members + 1, w + g.weights[i])) swings[i] += 1;
    }
    const auto p = power_indices(g);
    for (std::size_t i = 0; i < n; ++i) {
      EXPECT_NEAR(p.shapley_shubik[i], shapley[i] / orders, 1e-12) << "trial " << trial << " player " << i;
      EXPECT_NEAR(p.banzhaf_absolute[i], swings[i] / static_cast<double>(1u << (n - 1)), 1e-12) << "trial " << trial;
    }
  }
}

TEST(VotingPower, ATableTooLargeIsRefusedBeforeItIsBuilt) {
  const VotingGame g{{"a", "b"}, {1'000'000'000, 1}, 2};
  EXPECT_THROW(power_indices(g), WorkTooLarge);
}

TEST(Council, RulesByDate) {
  const auto amsterdam = council_rule({2001, 6}, CouncilVote::qualified_majority);
  EXPECT_EQ(amsterdam.game.players.size(), 15u);
  EXPECT_EQ(std::accumulate(amsterdam.game.weights.begin(), amsterdam.game.weights.end(), 0), 87);
  EXPECT_EQ(amsterdam.game.quota, 62);
  const auto interim = council_rule({2004, 7}, CouncilVote::qualified_majority);
  EXPECT_EQ(std::accumulate(interim.game.weights.begin(), interim.game.weights.end(), 0), 124);
  EXPECT_EQ(interim.game.quota, 88);
  const auto nice25 = council_rule({2005, 3}, CouncilVote::qualified_majority);
  EXPECT_EQ(std::accumulate(nice25.game.weights.begin(), nice25.game.weights.end(), 0), 321);
  EXPECT_EQ(nice25.game.quota, 232);
  EXPECT_EQ(nice25.game.min_members, 13u);
  const auto nice27 = council_rule({2008, 1}, CouncilVote::qualified_majority);
  EXPECT_EQ(std::accumulate(nice27.game.weights.begin(), nice27.game.weights.end(), 0), 345);
  EXPECT_EQ(nice27.game.quota, 255);
  const auto nice28 = council_rule({2014, 1}, CouncilVote::qualified_majority);
  EXPECT_EQ(std::accumulate(nice28.game.weights.begin(), nice28.game.weights.end(), 0), 352);
  EXPECT_EQ(nice28.game.quota, 260);
  const auto lisbon = council_rule({2016, 5}, CouncilVote::qualified_majority);
  EXPECT_EQ(lisbon.game.players.size(), 28u);
  EXPECT_EQ(lisbon.game.min_members, 16u);     // 55 % of 28 is 15.4
  EXPECT_EQ(lisbon.game.members_enough, 25u);  // a blocking minority needs four
  EXPECT_EQ(council_rule({2016, 5}, CouncilVote::unanimity).game.min_members, 28u);
  EXPECT_EQ(parse_deu_date("23-03-00"), (YearMonth{2000, 3}));
  EXPECT_EQ(parse_deu_date("07-02-96"), (YearMonth{1996, 2}));
  EXPECT_FALSE(parse_deu_date("999"));
  EXPECT_FALSE(parse_deu_date("31-13-01"));
}

// Under Lisbon the four largest members hold more than 35 % of the population, yet cannot block
// alone no more than any three: the members_enough rule. Germany's Shapley–Shubik index is
// largest and Malta's smallest, and they sum to 1.
TEST(Council, LisbonPowerIsOrderedByPopulation) {
  const auto rule = council_rule({2016, 5}, CouncilVote::qualified_majority);
  const auto p = power_indices(rule.game);
  const auto de = std::find(rule.game.players.begin(), rule.game.players.end(), "de") - rule.game.players.begin();
  const auto mt = std::find(rule.game.players.begin(), rule.game.players.end(), "mt") - rule.game.players.begin();
  EXPECT_EQ(std::max_element(p.shapley_shubik.begin(), p.shapley_shubik.end()) - p.shapley_shubik.begin(), de);
  EXPECT_EQ(std::min_element(p.shapley_shubik.begin(), p.shapley_shubik.end()) - p.shapley_shubik.begin(), mt);
  EXPECT_NEAR(std::accumulate(p.shapley_shubik.begin(), p.shapley_shubik.end(), 0.0), 1, 1e-9);
}

// Five members of the fifteen placed (48 of the 87 votes, so 35 of them make the scaled qualified
// majority): de 100, fr 80, uk 60, it 40, es 20, status quo 0. From the right, de, fr, uk and it
// make 40 votes: it, at 40, is the pivot and the Council's win set is [0, 80].
TEST(Procedure, WorkedByHand) {
  BargainingIssue issue{"i", 0, 100, 0.0, {{"de", 100, 1, 1}, {"fr", 80, 1, 1}, {"uk", 60, 1, 1}, {"it", 40, 1, 1}, {"es", 20, 1, 1}, {"com", 90, 1, 1}, {"ep", 30, 1, 1}}};
  EuLegislation consultation{LegislativeProcedure::consultation, CouncilVote::qualified_majority, YearMonth{2001, 1}};
  // Consultation: the Commission proposes its best point of the win set that the Council cannot
  // amend unanimously (between es at 20 and de at 100): 80, the win set's edge.
  const auto c = eu_procedure(issue, consultation);
  ASSERT_TRUE(c.position);
  EXPECT_DOUBLE_EQ(*c.position, 80);
  EXPECT_DOUBLE_EQ(c.low, 20);
  EXPECT_DOUBLE_EQ(c.high, 80);
  // Co-decision: the Parliament at 30 accepts [0, 60]; conciliation splits the difference between
  // it and the pivot it: (30 + 40) / 2 = 35.
  auto codecision = consultation;
  codecision.procedure = LegislativeProcedure::codecision;
  const auto d = eu_procedure(issue, codecision);
  EXPECT_DOUBLE_EQ(*d.position, 35);
  EXPECT_DOUBLE_EQ(d.high, 60);
  // Unanimity: es at 20 must prefer the change, so the win set is [0, 40]; the Commission's best is 40.
  auto unanimity = consultation;
  unanimity.vote = CouncilVote::unanimity;
  EXPECT_DOUBLE_EQ(*eu_procedure(issue, unanimity).position, 40);
  // The status quo inside the Council's core: nothing passes.
  issue.status_quo = 50;
  EXPECT_DOUBLE_EQ(*eu_procedure(issue, consultation).position, 50);
  // No reference point: the Council's core, between the pivots from either side (it at 40 from
  // the right; es, it, uk and fr make 38 votes from the left, so fr at 80), and the Commission's
  // best point in it.
  issue.status_quo.reset();
  const auto core = eu_procedure(issue, consultation);
  EXPECT_DOUBLE_EQ(core.low, 40);
  EXPECT_DOUBLE_EQ(core.high, 80);
  EXPECT_DOUBLE_EQ(*core.position, 80);
  // No member state placed: no forecast.
  EXPECT_FALSE(eu_procedure(BargainingIssue{"j", 0, 100, 0.0, {{"com", 90, 1, 1}}}, consultation).position);
}

}  // namespace
}  // namespace statecraft
