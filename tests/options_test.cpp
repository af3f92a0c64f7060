// The command line's numbers: each checked against its documented range, and --samples refused
// before it starts when it would take too long or keep too much.

#include <gtest/gtest.h>

#include <filesystem>
#include <fmt/format.h>
#include <fstream>

#include "bargaining/uncertainty.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

using test::Limits;
using test::run_statecraft;

const std::string alaska = "'" + test::source_path("scenarios/alaska-2025.yaml") + "'";
const std::string deu = "'" + test::source_path("tests/data/deu-small.tsv") + "'";

// Each of these was accepted (a seed of -5 wrapped around to 2^64 - 5, --q nan ran the model on
// NaN), or ran out of memory (--samples 1000000000: bad_alloc; --samples -1: a vector of 2^64
// doubles), or grew without end (--eu-rounds 2000000000 held 1.2 GB after two minutes).
TEST(Options, EveryNumberOutOfRangeIsAUsageError) {
  struct Case {
    std::string arguments, option, range;
  };
  const std::string whole = "must be a whole number from ";
  const std::vector<Case> cases{
      {"forecast " + alaska + " --samples 1000000000", "--samples", whole + "0 to 100000"},
      {"forecast " + alaska + " --samples -1", "--samples", whole + "0 to 100000"},
      {"forecast " + alaska + " --samples 1e3", "--samples", whole + "0 to 100000"},
      {"forecast " + alaska + " --samples 10abc", "--samples", whole + "0 to 100000"},
      {"forecast " + alaska + " --seed -5", "--seed", whole + "0 to 18446744073709551615"},
      {"forecast " + alaska + " --seed 18446744073709551616", "--seed", whole + "0 to 18446744073709551615"},
      {"forecast " + alaska + " --q nan", "--q", "must be a number from 0 to 1"},
      {"forecast " + alaska + " --q inf", "--q", "must be a number from 0 to 1"},
      {"forecast " + alaska + " --q -0.5", "--q", "must be a number from 0 to 1"},
      {"forecast " + alaska + " --eu-rounds 2000000000", "--eu-rounds", whole + "1 to 1000"},
      {"forecast " + alaska + " --eu-rounds 0", "--eu-rounds", whole + "1 to 1000"},
      {"forecast " + alaska + " --exchange-rounds 2000000000", "--exchange-rounds", whole + "1 to 1000"},
      {"forecast " + alaska + " --max-work nan", "--max-work", "must be a number from 1 to 1e+300"},
      {"forecast " + alaska + " --max-work 0", "--max-work", "must be a number from 1 to 1e+300"},
      {"backtest " + deu + " --q nan", "--q", "must be a number from 0 to 1"},
      {"backtest " + deu + " --max-work nan", "--max-work", "must be a number from 1 to 1e+300"},
      {"stability " + alaska + " --max-states -1", "--max-states", whole + "1 to 16777216"},
      {"stability " + alaska + " --max-steps nan", "--max-steps", "must be a number from 1 to 1e+15"},
      {"solve " + alaska + " --max-lcp-rows -1", "--max-lcp-rows", whole + "1 to 100000"},
      {"backtest " + deu + " --eu-rounds 2000000000", "--eu-rounds", whole + "1 to 1000"},
      {"backtest " + deu + " --exchange-rounds -3", "--exchange-rounds", whole + "1 to 1000"},
  };
  for (const auto& c : cases) {
    const auto r = run_statecraft(c.arguments, Limits{256, 10});
    EXPECT_EQ(r.exit_code, 2) << c.arguments << ": " << r.err;
    EXPECT_NE(r.err.find(c.option + ": " + c.range), std::string::npos) << c.arguments << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << c.arguments;
  }
}

TEST(Options, TheEndsOfEveryRangeAreAccepted) {
  for (const std::string arguments : {"--samples 0 --seed 18446744073709551615", "--samples 3 --seed 0", "--q 0", "--q 1", "--q 5e-1",
                                      "--eu-rounds 1 --exchange-rounds 1000", "--eu-rounds 1000 --exchange-rounds 1"}) {
    const auto r = run_statecraft("forecast " + alaska + " " + arguments, Limits{512, 30});
    EXPECT_EQ(r.exit_code, 0) << arguments << ": " << r.err;
  }
  EXPECT_EQ(run_statecraft("forecast " + alaska + " --jitter capability=5 --samples 2").exit_code, 0);
  const auto r = run_statecraft("forecast " + alaska + " --jitter capability=5.5 --samples 2");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("capability=SD (at most 5)"), std::string::npos) << r.err;
}

TEST(Options, JitterOfPositionsAndStatusQuoIsAShareOfTheScale) {
  for (const std::string ok : {"position=1,status_quo=1", "position=0,status_quo=0,threshold=0", "threshold=0.5,salience=3"})
    EXPECT_EQ(run_statecraft("forecast " + alaska + " --samples 2 --jitter " + ok).exit_code, 0) << ok;
  // position=5 was 5 scale points before version 2: now it would be 500 %, and is refused with the unit.
  for (const std::string bad : {"position=5", "status_quo=1.01", "status_quo=-0.1", "threshold=0.51", "threshold=nan", "status-quo=0.1"}) {
    const auto r = run_statecraft("forecast " + alaska + " --samples 2 --jitter " + bad);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("shares of each issue's scale"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("cannot read '" + bad + "'"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << bad;
  }
}

class Scenario {
 public:
  // `issues` issues, each with `actors` actors on [0, 100].
  Scenario(int issues, int actors) : path_(std::filesystem::temp_directory_path() / fmt::format("statecraft-options-{}x{}.yaml", issues, actors)) {
    std::string text = "statecraft: 1\nid: many\ntitle: many\nactors:\n";
    for (int k = 0; k < actors; ++k) text += fmt::format("  - {{id: A{}, name: a{}, capability: {}}}\n", k, k, 1 + k % 7);
    text += "issues:\n";
    for (int i = 0; i < issues; ++i) {
      text += fmt::format("  - id: i{}\n    name: i\n    scale: [0, 100]\n    stances:\n", i);
      for (int k = 0; k < actors; ++k) text += fmt::format("      A{}: {{position: {}, salience: 0.{}}}\n", k, (k * 37 + i) % 101, 1 + k % 9);
    }
    std::ofstream(path_) << text;
  }
  ~Scenario() { std::filesystem::remove(path_); }
  std::string quoted() const { return "'" + path_.string() + "'"; }

 private:
  std::filesystem::path path_;
};

// 300 actors make a jittered expected-utility forecast take a fraction of a second, so 100,000
// samples would take hours: refused at once, with the estimate and the option that lifts it.
TEST(Options, SamplesThatWouldTakeHoursAreRefusedBeforeTheyStart) {
  const Scenario many(1, 300);
  const auto r = run_statecraft("forecast " + many.quoted() + " --model expected-utility --samples 100000", Limits{512, 30});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("statecraft: refused: 1e+05 runs of the models need an estimated "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("more than the limit of 60000000000 (--max-work lifts it)"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(Options, SamplesThatWouldKeepTooManyForecastsAreRefused) {
  const Scenario wide(600, 2);
  const auto r = run_statecraft("forecast " + wide.quoted() + " --model compromise --samples 100000", Limits{512, 30});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("refused: --samples 100000 would keep 60000000 forecasts (600 per sample: issues times models), more than the limit of 50000000"),
            std::string::npos)
      << r.err;
}

TEST(Options, TheSamplesReportTheirProgress) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
  UncertaintySettings settings;
  settings.samples = 40;
  settings.threads = 1;
  const BargainingIssue issue{"i", 0, 100, std::nullopt, {{"A", 0, 0.5, 1}, {"B", 100, 0.5, 1}}};
  forecast_uncertainty({issue}, {"compromise"}, settings, [&](std::uint64_t done, std::uint64_t total) { calls.emplace_back(done, total); });
  ASSERT_EQ(calls.size(), 40u);
  using Call = std::pair<std::uint64_t, std::uint64_t>;
  for (std::size_t k = 0; k < calls.size(); ++k) EXPECT_EQ(calls[k], Call(k + 1, 40));  // the last says 40 of 40
}

}  // namespace
}  // namespace statecraft
