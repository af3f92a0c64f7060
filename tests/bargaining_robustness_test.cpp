// The bargaining models keep their promises (issue 9): capabilities of any unit, scales at their
// documented limits, issues nobody weighs on, forecasts on the scale, a model's answer that does
// not depend on what else runs beside it. Each reproducer from the defects list has a test here
// that failed on the old behaviour.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <random>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "bargaining/backtest.hpp"
#include "bargaining/forecast.hpp"
#include "bargaining/uncertainty.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

const std::vector<std::string> all_models{"compromise", "median", "nash", "expected-utility", "exchange", "smp"};

std::string defect(const std::string& name) { return "'" + test::source_path("tests/data/defects/" + name) + "'"; }

// Two issues, one with a status quo, one actor overriding its capability on the second.
std::vector<BargainingIssue> two_issues(double unit) {
  return {BargainingIssue{"a", 0, 100, 40.0, {{"A", 0, 0.5, 10 * unit}, {"B", 50, 0.9, 20 * unit}, {"C", 100, 0.3, 30 * unit},
                                             {"D", 20, 0.7, 5 * unit}, {"E", 80, 0.6, 17 * unit}}},
          BargainingIssue{"b", -1, 1, std::nullopt, {{"A", 0.9, 0.4, 10 * unit}, {"B", -0.6, 0.1, 60 * unit}, {"C", 0.1, 0.6, 30 * unit},
                                                     {"D", -1, 0.2, 5 * unit}}}};
}

void expect_same_forecasts(const std::vector<IssueForecast>& expected, const std::vector<IssueForecast>& actual, double tolerance) {
  ASSERT_EQ(expected.size(), actual.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    SCOPED_TRACE(expected[k].model + " on " + expected[k].issue);
    ASSERT_TRUE(expected[k].position && actual[k].position);
    if (tolerance == 0) EXPECT_EQ(*actual[k].position, *expected[k].position);
    else EXPECT_NEAR(*actual[k].position, *expected[k].position, tolerance);
    ASSERT_EQ(actual[k].rounds.size(), expected[k].rounds.size());
  }
}

TEST(RelativeCapabilities, EveryModelGivesTheSameAnswerInAnyUnit) {
  const auto reference = forecast_issues(two_issues(1), all_models);
  // Powers of two scale exactly: the answers must be identical to the last bit.
  for (double unit : {0x1p-60, 0x1p900}) expect_same_forecasts(reference, forecast_issues(two_issues(unit), all_models), 0);
  // Other factors round the capabilities' last bits differently; the answers stay within 1e-9.
  for (double unit : {1e-8, 1e-15, 1e-300, 1e300, 2e306}) expect_same_forecasts(reference, forecast_issues(two_issues(unit), all_models), 1e-9);
}

TEST(RelativeCapabilities, RatiosBeyondTheDoubleRangeKeepEveryActor) {
  // 1e-300 against 1e300: the weaker actor's ratio underflows, yet it keeps a positive weight
  // and, alone with salience on the issue, decides it.
  const std::vector<BargainingIssue> issues{{"i", 0, 100, std::nullopt, {{"weak", 30, 0.5, 1e-300}, {"strong", 80, 0, 1e300}}}};
  for (const auto& f : forecast_issues(issues, {"compromise", "median", "nash", "expected-utility"})) {
    ASSERT_TRUE(f.position) << f.model;
    EXPECT_EQ(*f.position, 30) << f.model;
  }
}

nlohmann::json forecasts_of(const std::string& arguments) {
  const auto r = test::run_statecraft("forecast --format json " + arguments, {1024, 60});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  nlohmann::json out;
  for (const auto& issue : report["issues"]) out[issue["issue"].get<std::string>()] = issue["forecasts"];
  return out;
}

TEST(RelativeCapabilities, CapabilitiesNear1e308GiveTheAnswersOfTheSameRatios) {
  // Weights c·s 0.5, 0.9, 0.51 at 0, 50, 100 (total 1.91): the median is 50, the compromise
  // 96 / 1.91. The old code overflowed: compromise and exchange NaN, median 100.
  const auto huge = forecasts_of(defect("cap-huge-1e308.yaml"));
  const auto reference = forecasts_of(defect("cap-huge-ref-same-ratios.yaml"));
  EXPECT_EQ(reference["i"]["median"], 50);
  EXPECT_NEAR(reference["i"]["compromise"].get<double>(), 96 / 1.91, 1e-12);
  for (const auto& model : all_models) {
    ASSERT_TRUE(huge["i"][model].is_number()) << model << ": " << huge["i"][model];
    EXPECT_NEAR(huge["i"][model].get<double>(), reference["i"][model].get<double>(), 1e-9) << model;
  }
}

TEST(RelativeCapabilities, AnalyzeSharesOfCapabilitiesNear1e308) {
  // 1 : 1 : 1.7 of a total 3.7; the old sum overflowed and every share printed as 0.0 %.
  const auto r = test::run_statecraft("analyze --format json " + defect("cap-huge-1e308.yaml"), {1024, 60});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  ASSERT_EQ(report["actors"].size(), 3u);
  EXPECT_NEAR(report["actors"][0]["share"].get<double>(), 1 / 3.7, 1e-12);
  EXPECT_NEAR(report["actors"][2]["share"].get<double>(), 1.7 / 3.7, 1e-12);
}

TEST(RelativeCapabilities, SmpDoesNotDependOnTheCapabilitiesUnit) {
  // KTAB's coalition floors were absolute: capabilities times 1e-8 gave 52.91 instead of 64.36.
  const double x1 = forecasts_of("--model smp " + defect("smp-caps-x1.yaml"))["i"]["smp"];
  EXPECT_NEAR(forecasts_of("--model smp " + defect("smp-caps-x1e-8.yaml"))["i"]["smp"].get<double>(), x1, 1e-9);
  EXPECT_NEAR(forecasts_of("--model smp " + defect("smp-caps-x1e-15.yaml"))["i"]["smp"].get<double>(), x1, 1e-9);
}

TEST(RelativeCapabilities, OneActorOf1e300OutweighsTheOther) {
  // Issue i2: A0 (7, at 50) against A1 (1e307, at 33.99…): every weighted model lands on A1's
  // position to double precision; the old compromise and exchange were inf.
  const auto f = forecasts_of(defect("cap-1e300-two-actors-inf.yaml"));
  for (const auto& model : {"compromise", "median", "expected-utility", "exchange"})
    EXPECT_NEAR(f["i2"][model].get<double>(), 33.99595266258446, 1e-9) << model;
  for (const auto& model : all_models)
    for (const auto& issue : {"i0", "i1", "i2"}) EXPECT_TRUE(f[issue][model].is_number()) << model << " on " << issue;
}

TEST(ZeroSalience, NoModelForecastsAnIssueNobodyWeighsOn) {
  // The old exchange model gave the scale's low end, smp the status quo.
  for (const auto& [file, issue] : {std::pair{"all-saliences-zero.yaml", "i"}, std::pair{"zero-salience-issue-plausible.yaml", "i1"}}) {
    const auto r = test::run_statecraft("forecast --format json " + defect(file), {1024, 60});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto report = nlohmann::json::parse(r.out);
    for (const auto& i : report["issues"]) {
      if (i["issue"] != issue) continue;
      for (const auto& model : all_models) {
        EXPECT_TRUE(i["forecasts"][model].is_null()) << file << ": " << model << " gave " << i["forecasts"][model];
        EXPECT_EQ(i["notes"][model], "no actor has both capability and salience") << file << ": " << model;
        EXPECT_FALSE(i["rounds"].contains(model)) << file << ": " << model;
      }
    }
    for (const auto& round : report["exchanges"]) EXPECT_TRUE(round["outcome"][issue].is_null()) << file;
  }
}

TEST(OnTheScale, ForecastsAndRoundsNeverLeaveTheScale) {
  // One actor at the scale's top end with c·s = 0.7: 0.7·2030 / 0.7 rounds to 2030.0000000000002.
  const std::vector<BargainingIssue> issues{{"i", 1990, 2030, 2010.0, {{"A", 2030, 0.7, 1}}},
                                            {"j", 0, 100, std::nullopt, {{"A", 100, 0.8812338589221554, 1}, {"B", 100, 0.6864838541790798, 1},
                                                                         {"C", 100, 0.9690406502940995, 1}}}};
  ASSERT_GT(0.7 * 2030 / 0.7, 2030);  // the rounding that made the old compromise leave the scale
  for (const auto& f : forecast_issues(issues, all_models)) {
    const double high = f.issue == "i" ? 2030 : 100;
    ASSERT_TRUE(f.position) << f.model;
    EXPECT_LE(*f.position, high) << f.model << " on " << f.issue;
    EXPECT_NEAR(*f.position, high, 1e-9) << f.model << " on " << f.issue;  // every actor stands at the top
    for (const auto& round : f.rounds)
      for (double x : round) EXPECT_LE(x, high) << f.model << " on " << f.issue;
  }
}

TEST(OnTheScale, CompromiseOutsideScaleReproducer) {
  const auto r = test::run_statecraft("forecast --format json " + defect("compromise-outside-scale.yaml"), {1024, 60});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& model : all_models) EXPECT_EQ(nlohmann::json::parse(r.out)["issues"][1]["forecasts"][model], 2030.0) << model;
}

TEST(ScaleLimits, AScaleWiderThanTheModelsArithmeticIsAValidationError) {
  // [-1e308, 1e308] is 2e308 wide, past the largest double: smp failed with an internal message.
  for (const std::string command : {"validate", "forecast", "analyze"}) {
    const auto r = test::run_statecraft(command + " " + defect("scale-1e308-wide.yaml"), {1024, 60});
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find("scale-1e308-wide.yaml:11:13: error: scale of issue 'i' must lie within [-1e300, 1e300] and be at least 1e-300 wide, found [-1e308, 1e308]"),
              std::string::npos)
        << r.err;
  }
}

TEST(ScaleLimits, AScaleNarrowerThan1eMinus300IsRefused) {
  const auto r = test::load_text(R"(statecraft: 1
id: narrow
title: narrow
actors:
  - {id: AA, name: AA, capability: 1}
issues:
  - id: i
    name: i
    scale: [0, 1e-310]
    stances:
      AA: {position: 0, salience: 0.5}
)");
  EXPECT_EQ(test::messages(r), std::vector<std::string>{"9:13: scale of issue 'i' must lie within [-1e300, 1e300] and be at least 1e-300 wide, found [0, 1e-310]"});
}

TEST(Backtest, AModelsIntervalDoesNotDependOnTheOtherModelsRun) {
  // The bootstrap's stream was seeded by the model's place in --model.
  std::vector<BacktestCase> cases;
  for (int k = 0; k < 12; ++k)
    cases.push_back({BargainingIssue{"i" + std::to_string(k), 0, 100, std::nullopt,
                                     {{"A", 10.0 * (k % 5), 0.5, 1}, {"B", 90 - 3.0 * k, 0.9, 2}, {"C", 50, 0.3, 1}}},
                     7.0 * k + 0.37 * k * k});
  const auto alone = backtest(cases, {"median"});
  const auto second = backtest(cases, {"compromise", "median"});
  EXPECT_EQ(second[1].interval_low, alone[0].interval_low);
  EXPECT_EQ(second[1].interval_high, alone[0].interval_high);
  EXPECT_LT(alone[0].interval_low, alone[0].interval_high);  // a real interval, not a constant
  const auto other_seed = backtest(cases, {"median"}, {}, 2000, 2);  // the seed still matters
  EXPECT_TRUE(other_seed[0].interval_low != alone[0].interval_low || other_seed[0].interval_high != alone[0].interval_high);
}

TEST(Backtest, SameIntervalFromTheCommandLineWhateverModelsRunBeside) {
  auto median_interval = [](const std::string& models) {
    const auto r = test::run_statecraft("backtest '" + test::source_path("tests/data/deu-small.tsv") + "' --format json --model " + models, {1024, 60});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    for (const auto& score : nlohmann::json::parse(r.out)["scores"])
      if (score["model"] == "median") return score["interval95"];
    return nlohmann::json();
  };
  EXPECT_EQ(median_interval("median"), median_interval("compromise,median"));
}

// A scenario of `actors` actors with stances on three issues, like the defects list's actors-N.yaml.
std::string many_actors_file(std::size_t actors) {
  const auto path = std::filesystem::temp_directory_path() / ("statecraft-actors-" + std::to_string(actors) + "-" + std::to_string(::getpid()) + ".yaml");
  std::mt19937 random(static_cast<unsigned>(actors));
  std::uniform_real_distribution<double> position(0, 100), salience(0.05, 0.95), capability(1, 100);
  std::ofstream out(path);
  out << "statecraft: 1\nid: many\ntitle: many actors\nactors:\n";
  for (std::size_t a = 0; a < actors; ++a) out << "  - {id: A" << a << ", name: actor " << a << ", capability: " << capability(random) << "}\n";
  out << "issues:\n";
  for (int i = 0; i < 3; ++i) {
    out << "  - id: i" << i << "\n    name: issue " << i << "\n    scale: [0, 100]\n    status_quo: 50\n    stances:\n";
    for (std::size_t a = 0; a < actors; ++a) out << "      A" << a << ": {position: " << position(random) << ", salience: " << salience(random) << "}\n";
  }
  return path.string();
}

std::vector<BargainingIssue> one_issue_of(std::size_t actors) {
  BargainingIssue issue{"i", 0, 100, std::nullopt, {}};
  for (std::size_t a = 0; a < actors; ++a) issue.actors.push_back({"A" + std::to_string(a), 100.0 * static_cast<double>(a % 7) / 6, 0.5, 1.0 + static_cast<double>(a % 3)});
  return {issue};
}

TEST(Work, EstimatesFollowTheDocumentedFormulas) {
  const auto issues = one_issue_of(10);
  EXPECT_EQ(estimated_work(issues, {"smp"}).operations, 3 * 10 * 10 * (10 + 1) * 100.0);               // 3·n²·(n + d) × 100 turns
  EXPECT_EQ(estimated_work(issues, {"expected-utility"}).operations, (1000 + 300 * 100) * 10.0);       // (n³ + 300·n²) × 10 rounds
  EXPECT_EQ(estimated_work(issues, {"exchange"}).operations, 0);                                      // one issue: nothing to exchange
  EXPECT_EQ(estimated_work(two_issues(1), {"exchange"}).operations, 2 * 6.0 * 5 * 2 * 10);           // 4 actors on both: 6 pairs
}

TEST(Work, SmpOnAThousandActorsIsRefusedAtOnceWithTheEstimate) {
  // The old smp ran about 10 minutes without a word; now it is refused before any model runs
  // (the expected-utility model, listed first, would take several seconds).
  const std::string file = many_actors_file(1000);
  const auto r = test::run_statecraft("forecast --model expected-utility,smp '" + file + "'", {1024, 20});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("statecraft: refused: smp on 1000 actors and 3 issues needs an estimated 3.01e+11 operations (3·actors²·(actors + issues) a "
                       "turn, up to 100 turns), more than the limit of 60000000000 (--max-work lifts it)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
  std::filesystem::remove(file);
}

// Two models each under the limit can be over it together (as the samples' check counts them):
// the refusal then gives their total, not the larger one's figure, which is under the limit.
TEST(Work, SeveralModelsAreRefusedByTheirTotal) {
  const BargainingIssue issue{"i", 0, 100, std::nullopt, {{"A", 0, 0.5, 1}, {"B", 100, 0.5, 1}}};
  const WorkEstimate one = estimated_work({issue}, {"smp"}), both = estimated_work({issue}, {"smp", "smp"});
  EXPECT_EQ(both.operations, 2 * one.operations);
  try {
    refuse_beyond(both, 1, 1.5 * one.operations);
    FAIL() << "not refused";
  } catch (const WorkTooLarge& e) {
    EXPECT_EQ(std::string(e.what()).rfind(fmt::format("the models together need an estimated {:.3g} operations; the largest part, smp on 2 actors", both.operations), 0), 0u)
        << e.what();
  }
}

TEST(Work, MaxWorkLowersOrLiftsTheLimit) {
  const std::string file = defect("smp-caps-x1.yaml");
  EXPECT_EQ(test::run_statecraft("forecast --model smp --max-work 1000 " + file, {1024, 20}).exit_code, 2);
  EXPECT_EQ(test::run_statecraft("forecast --model smp --max-work 1e6 " + file, {1024, 20}).exit_code, 0);  // 3·25·6·100 = 45000
}

TEST(Work, SamplesAreRefusedBeforeThePointForecastRuns) {
  // 10⁵ samples of about 1.25e5 operations each, against a limit of 10⁹.
  const auto r = test::run_statecraft("forecast --samples 100000 --max-work 1e9 " + defect("smp-caps-x1.yaml"), {1024, 10});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("statecraft: refused: 1e+05 runs of the models need an estimated 1.25e+10 operations"), std::string::npos) << r.err;
}

TEST(Work, ExpectedUtilityRoundsWithoutEndAreRefused) {
  // (10³ + 300·10²)·10⁸ operations: refused at once rather than growing memory round by round.
  ModelParameters parameters;
  parameters.expected_utility.max_rounds = 100'000'000;
  parameters.expected_utility.settle_rounds = 0;
  try {
    forecast_issues(one_issue_of(10), {"expected-utility"}, parameters);
    ADD_FAILURE() << "not refused";
  } catch (const WorkTooLarge& e) {
    EXPECT_EQ(e.estimate, 3.1e12);
    EXPECT_NE(std::string(e.what()).find("expected-utility on 1 issue of up to 10 actors needs an estimated 3.1e+12 operations"), std::string::npos)
        << e.what();
  }
}

TEST(Work, SmpOnFourHundredActorsRunsWithProgress) {
  // 3·400²·403·100 = 1.9e10 operations: within the default limit; the old smp took minutes here,
  // now a few seconds, with a progress line on the terminal after the first second.
  const std::string file = many_actors_file(400);
  const auto r = test::run_statecraft_on_terminal("forecast --model smp '" + file + "'", {1024, 60});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("forecast: smp turns (at most): "), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("i2 "), std::string::npos) << r.out;
  std::filesystem::remove(file);
}

TEST(Work, ProgressShowsOnlyOnATerminalAndNotWithQuiet) {
  // The same few seconds of work: a log or a pipe gets no progress, nor a terminal with --quiet.
  const std::string file = many_actors_file(400);
  const auto quiet = test::run_statecraft_on_terminal("forecast --model smp --quiet '" + file + "'", {1024, 60});
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err.find("smp turns"), std::string::npos) << quiet.err;
  const auto logged = test::run_statecraft("forecast --model smp '" + file + "'", {1024, 60});
  EXPECT_EQ(logged.exit_code, 0) << logged.err;
  EXPECT_TRUE(logged.err.empty()) << logged.err;
  EXPECT_EQ(logged.out, quiet.out);
  std::filesystem::remove(file);
}

TEST(Work, OverTheLimitAModelCanBeSkippedWithANote) {
  // What analyze does: the other models still run.
  ModelParameters parameters;
  parameters.max_work = 1e4;
  parameters.over_limit = ModelParameters::OverLimit::Skip;
  const auto f = forecast_issues(one_issue_of(10), {"median", "smp"}, parameters);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_TRUE(f[0].position.has_value());
  EXPECT_FALSE(f[1].position.has_value());
  EXPECT_EQ(f[1].explanation, "not run: smp on 10 actors and 1 issue needs an estimated 3.3e+05 operations (3·actors²·(actors + issues) a turn, "
                              "up to 100 turns), more than the limit of 1e+04; `statecraft forecast --model smp --max-work 3.3e+05` runs it");
  parameters.over_limit = ModelParameters::OverLimit::Refuse;
  EXPECT_THROW(forecast_issues(one_issue_of(10), {"median", "smp"}, parameters), WorkTooLarge);
}

TEST(Work, SamplesAndBacktestCasesMultiplyTheWork) {
  // One smp run on 100 actors is 3e8 operations; a thousand samples of it pass the limit.
  UncertaintySettings settings{1000, 1, Jitter{}, 1, {}};
  EXPECT_THROW(forecast_uncertainty(one_issue_of(100), {"smp"}, settings), WorkTooLarge);
  std::vector<BacktestCase> cases(300, BacktestCase{one_issue_of(100).front(), 50});
  EXPECT_THROW(backtest(cases, {"smp"}), WorkTooLarge);
}

}  // namespace
}  // namespace statecraft
