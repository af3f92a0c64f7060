// The exchange model: a case computed by hand, agreement with Decide on cop21, the seed case,
// and the Decide input reader.

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "bargaining/exchange.hpp"
#include "bargaining/forecast.hpp"
#include "formats/decide_csv.hpp"
#include "scenario/ids.hpp"
#include "formats/load.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

// A cares about p (0.8) more than q (0.2), B the reverse; both capability 1, at 0 and 100.
std::vector<BargainingIssue> two_by_two() {
  return {{"p", 0, 100, std::nullopt, {{"A", 0, 0.8, 1}, {"B", 100, 0.2, 1}}},
          {"q", 0, 100, std::nullopt, {{"A", 0, 0.2, 1}, {"B", 100, 0.8, 1}}}};
}

TEST(Exchange, TwoActorsTwoIssuesByHand) {
  // Outcomes 20 on p, 80 on q; A demands p. The equal-gain rate is (0.8 + 0.2)/(0.2 + 0.8) = 1:
  // B moving 100 -> 0 on p shifts O_p by 20, A moving 0 -> 100 on q shifts O_q by 20; each gains
  // 0.8·20 − 0.2·20 = 12. Each keeps 0.1 + 0.4·(1 − 0.2) = 0.42 of its move for round 2, where
  // the same trade on the remaining 58 points gains 0.6·11.6 = 6.96.
  const ExchangeRun run = run_exchange(two_by_two());
  ASSERT_GE(run.rounds.size(), 2u);
  ASSERT_EQ(run.rounds[0].exchanges.size(), 1u);
  const auto& e = run.rounds[0].exchanges[0];
  EXPECT_EQ(e.first.actor, "A");
  EXPECT_EQ(e.first.supplies, 1u);
  EXPECT_DOUBLE_EQ(e.first.to, 100);
  EXPECT_EQ(e.second.actor, "B");
  EXPECT_DOUBLE_EQ(e.second.to, 0);
  EXPECT_NEAR(e.gain, 12, 1e-12);
  EXPECT_NEAR(run.rounds[0].outcome[0], 0, 1e-12);
  EXPECT_NEAR(run.rounds[0].outcome[1], 100, 1e-12);
  EXPECT_NEAR(run.rounds[1].exchanges.at(0).first.from, 42, 1e-12);
  EXPECT_NEAR(run.rounds[1].exchanges.at(0).second.from, 58, 1e-12);
  EXPECT_NEAR(run.rounds[1].exchanges.at(0).gain, 6.96, 1e-12);
  EXPECT_EQ(run.rounds.size(), 10u);  // the trade shrinks by 0.58 a round but never vanishes
}

TEST(Exchange, NoTradeWhenNobodyIsOnTheOtherSide) {
  std::vector<BargainingIssue> issues = two_by_two();
  issues[1].actors[1].position = 0;  // B now agrees with A on q
  const ExchangeRun run = run_exchange(issues);
  ASSERT_EQ(run.rounds.size(), 1u);
  EXPECT_TRUE(run.rounds[0].exchanges.empty());
  EXPECT_EQ(run.forecast(), run.initial_outcome);
}

TEST(Exchange, RussiaLeansOnKimForNoNewSanctions) {
  // The seed case: in Alaska 2025 Putin offers to restrain North Korea if the US holds back
  // sanctions. The model finds that trade in its first round.
  const auto loaded = load_scenario_file(test::source_path("scenarios/alaska-2025.yaml"));
  ASSERT_TRUE(loaded.ok());
  const auto issues = bargaining_issues(*loaded.scenario);
  const ExchangeRun run = run_exchange(issues);
  bool found = false;
  for (const auto& e : run.rounds.at(0).exchanges) {
    const bool russia_on_kim = e.first.actor == "RUS" && issues[e.first.supplies].id == "kim_icbm";
    const bool us_on_sanctions = e.second.actor == "USA" && issues[e.second.supplies].id == "new_sanctions";
    if (russia_on_kim && us_on_sanctions) {
      found = true;
      EXPECT_GT(e.first.to, e.first.from);   // towards limits on Kim's missiles
      EXPECT_LT(e.second.to, e.second.from);  // towards fewer sanctions
    }
  }
  EXPECT_TRUE(found);
}

TEST(Exchange, FirstExchangesOfCop21AgreeWithDecide) {
  const auto loaded = load_scenario_file(test::source_path("tests/data/exchange/cop21.csv"));
  ASSERT_TRUE(loaded.ok());
  const auto issues = bargaining_issues(*loaded.scenario);
  const ExchangeRun run = run_exchange(issues);
  std::istringstream decide(test::read_file(test::source_path("tests/data/exchange/cop21.decide-round1.csv")));
  std::string line;
  std::getline(decide, line);
  std::size_t k = 0;
  auto id_of = [](const std::string& decide_name) { return actor_ids_from_names({decide_name, "X_placeholder"})[0]; };
  while (std::getline(decide, line)) {
    std::vector<std::string> f;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) f.push_back(cell);
    ASSERT_LT(k, run.rounds[0].exchanges.size());
    const auto& e = run.rounds[0].exchanges[k++];
    EXPECT_NEAR(e.gain, std::stod(f[1]), 1e-9) << "exchange " << k;
    EXPECT_EQ(e.first.actor, id_of(f[2])) << "exchange " << k;
    EXPECT_EQ(issues[e.first.supplies].id, f[3]) << "exchange " << k;
    EXPECT_NEAR(e.first.to, std::stod(f[5]), 1e-9) << "exchange " << k;
    EXPECT_EQ(e.second.actor, id_of(f[6])) << "exchange " << k;
    EXPECT_EQ(issues[e.second.supplies].id, f[7]) << "exchange " << k;
    EXPECT_NEAR(e.second.to, std::stod(f[9]), 1e-9) << "exchange " << k;
  }
  EXPECT_EQ(k, 20u);
}

TEST(Exchange, OutcomesNeverPassTheDemandersPosition) {
  // Within a round every executed exchange moves both outcomes toward, never past, the
  // demanders; so each round's outcome lies within the actors' range on every issue.
  const auto loaded = load_scenario_file(test::source_path("tests/data/exchange/cop21.csv"));
  const auto issues = bargaining_issues(*loaded.scenario);
  for (const auto& round : run_exchange(issues).rounds)
    for (std::size_t d = 0; d < issues.size(); ++d) {
      double low = 100, high = 0;
      for (double x : round.positions[d]) low = std::min(low, x), high = std::max(high, x);
      EXPECT_GE(round.outcome[d], low - 1e-9);
      EXPECT_LE(round.outcome[d], high + 1e-9);
    }
}

std::vector<std::string> decide_errors(const std::string& text) {
  Diagnostics d("x.csv");
  read_decide_csv(text, "x", d);
  return test::messages(d);
}

TEST(DecideCsv, ReadsCop21) {
  const auto loaded = load_scenario_file(test::source_path("tests/data/exchange/cop21.csv"));
  ASSERT_TRUE(loaded.ok());
  const Scenario& s = *loaded.scenario;
  EXPECT_EQ(s.actors.size(), 15u);
  EXPECT_EQ(s.issues.size(), 13u);
  EXPECT_EQ(s.actors[0].id, "AFRICAN_");  // African_grp, cut to 8 characters
  EXPECT_EQ(s.issues[0].id, "differentiation");
  EXPECT_EQ(s.issues[0].stances[0].position.value, 70);
  EXPECT_EQ(s.issues[0].stances[0].salience.value, 0.75);
  EXPECT_EQ(s.actors[0].capability.value, 0.25);
  EXPECT_EQ(s.issues[11].stances.size(), 8u);  // seven actors take no stance on amb2050
}

TEST(DecideCsv, PreciseErrors) {
  const std::string head = "#A\t'X'\t'Ex'\n#A\t'Y'\t'Why'\n#P\t'p'\t'P'\n#M\t'p'\t0\n#M\t'p'\t10\n";
  EXPECT_EQ(decide_errors(head + "#D\t'X'\t'p'\t5\t0.5\t1\n#D\t'Z'\t'p'\t5\t0.5\t1\n#D\t'Y'\t'p'\t5\t0.5\t1\n"),
            std::vector<std::string>{"7:4: unknown actor 'Z' (no #A row declares it)"});
  EXPECT_EQ(decide_errors(head + "#D\t'X'\t'p'\t5\t1.5\t1\n#D\t'Y'\t'p'\t5\t0.5\t1\n"),
            std::vector<std::string>{"6:14: salience 1.5 lies outside 0..1"});
  EXPECT_EQ(decide_errors(head + "#D\t'X'\t'p'\t50\t0.5\t1\n#D\t'Y'\t'p'\t5\t0.5\t1\n"),
            std::vector<std::string>{"6:4: position 50 of 'X' lies outside the scale [0, 10] of 'p'"});
  EXPECT_EQ(decide_errors(head + "#D\t'X'\t'p'\tfive\t0.5\t1\n#D\t'Y'\t'p'\t5\t0.5\t1\n"),
            (std::vector<std::string>{"6:12: position 'five' is not a number", "1:1: actor 'X' has no stance with a power above 0"}));
  EXPECT_EQ(decide_errors(head + "#Q\t'oops'\n#D\t'X'\t'p'\t5\t0.5\t1\n#D\t'Y'\t'p'\t5\t0.5\t1\n"),
            std::vector<std::string>{"6:1: unknown row type '#Q'; rows start with #A, #P, #M, #D, #/ or #O"});
}

}  // namespace
}  // namespace statecraft
