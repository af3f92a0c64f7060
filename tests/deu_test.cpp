// The DEU layout reader and the backtest, on a small hand-made file.

#include <gtest/gtest.h>

#include "bargaining/backtest.hpp"
#include "formats/deu.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

DeuData small_file(const std::map<std::string, double>& capabilities = {}) {
  Diagnostics d("deu-small.tsv");
  auto data = read_deu(test::read_file(test::source_path("tests/data/deu-small.tsv")), capabilities, d);
  EXPECT_TRUE(d.empty());
  return data.value_or(DeuData{});
}

std::vector<BacktestCase> cases_of(const DeuData& data) {
  std::vector<BacktestCase> cases;
  for (const auto& issue : data.issues) cases.push_back({issue.issue, *issue.outcome});
  return cases;
}

TEST(Deu, ReadsPositionsSaliencesAndMissingValues) {
  const DeuData data = small_file();
  EXPECT_EQ(data.actors, (std::vector<std::string>{"DE", "FR", "UK", "IT"}));
  ASSERT_EQ(data.issues.size(), 4u);
  EXPECT_EQ(data.issues[0].issue.id, "car_emissions");
  EXPECT_EQ(data.issues[0].issue.status_quo, 0);
  EXPECT_EQ(data.issues[0].outcome, 60);
  EXPECT_DOUBLE_EQ(data.issues[0].issue.actors[0].salience, 0.8);  // 80 on 0..100
  EXPECT_EQ(data.issues[1].issue.actors.size(), 3u);  // UK: position 999, salience empty
  EXPECT_EQ(data.issues[3].issue.actors.size(), 3u);  // FR: position empty
}

TEST(Backtest, MeanAbsoluteErrorsByHand) {
  // Compromise forecasts (equal capabilities): 115/1.9, 115/2.0, 97/1.6, 111/2.1 against
  // outcomes 60, 50, 40, 55. Median forecasts: 50, 50, 65 (an exact half between 50 and 80), 60.
  const auto scores = backtest(cases_of(small_file()), {"compromise", "median"});
  const double compromise = (std::abs(115 / 1.9 - 60) + 7.5 + std::abs(97 / 1.6 - 40) + std::abs(111 / 2.1 - 55)) / 4;
  EXPECT_NEAR(scores[0].mean_absolute_error, compromise, 1e-12);
  EXPECT_NEAR(scores[1].mean_absolute_error, (10 + 0 + 25 + 5) / 4.0, 1e-12);
  EXPECT_EQ(scores[0].cases, 4u);
  EXPECT_LE(scores[0].interval_low, scores[0].mean_absolute_error);
  EXPECT_GE(scores[0].interval_high, scores[0].mean_absolute_error);
  EXPECT_GE(scores[1].interval_low, 0);
  EXPECT_LE(scores[1].interval_high, 25);  // no resample can average above the largest error
}

TEST(Backtest, CapabilitiesWeightTheActors) {
  // Germany with all the weight: compromise = Germany's positions 100, 0, 20, 70.
  const auto scores = backtest(cases_of(small_file({{"DE", 1e9}})), {"compromise"});
  EXPECT_NEAR(scores[0].mean_absolute_error, (40 + 50 + 20 + 15) / 4.0, 1e-6);
}

std::vector<std::string> errors_of(const std::string& text) {
  Diagnostics d("x.tsv");
  read_deu(text, {}, d);
  return test::messages(d);
}

TEST(Deu, PreciseErrors) {
  EXPECT_EQ(errors_of("pA;sA;out\n10;50\n"), std::vector<std::string>{"2:1: the row has 2 columns, the header 3"});
  EXPECT_EQ(errors_of("pA;sA;out\n10;fifty;20\n"), std::vector<std::string>{"2:4: salience of A 'fifty' is not a number"});
  EXPECT_EQ(errors_of("pA;sA;out\n10;150;20\n"), std::vector<std::string>{"2:4: salience of A 150 lies outside 0..100"});
  EXPECT_EQ(errors_of("rp;out\n10;20\n"), std::vector<std::string>{"1:1: the header names no actors: expected column pairs p<actor> and s<actor>"});
  EXPECT_EQ(errors_of("pA;sA;rp\n10;50;20\n"), std::vector<std::string>{"1:1: the header has no 'out' column (the real outcome)"});
  EXPECT_EQ(errors_of("pA\tsA\tpB\tout\n1\t2\t3\t4\n"), std::vector<std::string>{"1:7: column pB has no salience column sB"});
}

TEST(Deu, CapabilitiesFile) {
  Diagnostics d("caps.csv");
  const auto caps = read_capabilities("actor,capability\nDE,29\nFR, 29\n\nLU,4\n", d);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(caps.at("FR"), 29);
  EXPECT_EQ(caps.size(), 3u);
  read_capabilities("DE,29\nFR,-1\nIT\n", d);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d.all()[0].message, "capability -1 must be greater than 0");
  EXPECT_EQ(d.all()[1].message, "expected 'actor,capability', found 1 fields");
}

}  // namespace
}  // namespace statecraft
