// `statecraft sensitivity` and analyze's "What the answer hangs on": the words of a knife edge
// computed by hand, the judgment's note and place carried along, and the command's exit codes.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "report/sensitivity_report.hpp"
#include "report/spatial_sensitivity.hpp"
#include "report/summary.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

// Weights c·s: USA 100·0.5 = 50 at 80, RUS 60·s at 0 with s = 1 today. RUS holds more than half
// while 60·s > 50, so below s = 5/6 the median leaves 0 ("none") for 80 ("full"): a margin of 1/6.
const char* two_actors = R"(statecraft: 1
id: two
title: Two actors
date: 2025-01-31
sources:
  - {id: src, title: An article}
actors:
  - {id: USA, name: United States, capability: 100}
  - {id: RUS, name: Russia, capability: 60}
issues:
  - id: sanctions
    name: Sanctions
    scale: [0, 100]
    labels: {0: none, 100: full}
    status_quo: 20
    stances:
      USA: {position: 80, salience: 0.5}
      RUS:
        position: 0
        salience: {value: 1, note: "para 2: the regime's survival", source: src}
)";

Scenario loaded(const std::string& yaml) {
  const LoadResult result = test::load_text(yaml);
  EXPECT_TRUE(result.ok()) << ::testing::PrintToString(test::messages(result));
  return *result.scenario;
}

const ModelLines& model(const IssueLines& issue, const std::string& name) {
  return *std::find_if(issue.models.begin(), issue.models.end(), [&](const ModelLines& m) { return m.model == name; });
}

TEST(SpatialSensitivityReport, AKnifeEdgeInWordsWithItsNoteAndPlace) {
  const Scenario scenario = loaded(two_actors);
  SensitivitySettings settings;
  settings.sobol_samples = 0;
  const auto report = spatial_sensitivity_report(scenario, settings);
  const ModelLines& median = model(report.issues.at(0), "median");
  EXPECT_EQ(median.forecast, 0.0);
  EXPECT_EQ(median.label, "none");
  const auto edge = std::find_if(median.edges.begin(), median.edges.end(), [](const Hinge& h) { return h.judgment == "RUS's salience on “Sanctions”"; });
  ASSERT_NE(edge, median.edges.end());
  EXPECT_EQ(hinge_sentence(*edge),
            "RUS's salience on “Sanctions” (today 1): below 0.8333, the median forecast (today 0) moves from 'none' (0) to 'full' (100)");
  EXPECT_NEAR(edge->margin, 1.0 / 6, 1e-6);
  EXPECT_EQ(edge->note, "para 2: the regime's survival");
  EXPECT_EQ(edge->source, "src");
  EXPECT_EQ(edge->at.line, 20);
  // RUS's capability: 60·f > 50 until f = 5/6, i.e. below 50; a factor's margin is its log2 over
  // the range ÷2..×2 (width 2).
  const auto capability = std::find_if(median.edges.begin(), median.edges.end(), [](const Hinge& h) { return h.judgment == "RUS's capability on “Sanctions”"; });
  ASSERT_NE(capability, median.edges.end());
  EXPECT_EQ(capability->change, "below 50 (×0.833)");
  EXPECT_NEAR(capability->margin, std::log2(6.0 / 5) / 2, 1e-6);
}

TEST(SpatialSensitivityReport, EachForecastsNearestEdgeOnceAJudgment) {
  const Scenario scenario = loaded(two_actors);
  SensitivitySettings settings;
  settings.sobol_samples = 0;
  const auto report = spatial_sensitivity_report(scenario, settings);
  const auto hinges = spatial_hinges(report);
  std::size_t forecasts_with_edges = 0;
  for (const auto& m : report.issues[0].models) {
    if (m.edges.empty()) continue;
    ++forecasts_with_edges;
    // The forecast's least-margin edge is among the hinges, or the same judgment with less.
    const auto found = std::find_if(hinges.begin(), hinges.end(), [&](const Hinge& h) { return h.judgment == m.edges.front().judgment; });
    ASSERT_NE(found, hinges.end()) << m.model;
    EXPECT_LE(found->margin, m.edges.front().margin);
  }
  for (const auto& h : hinges)
    EXPECT_EQ(std::count_if(hinges.begin(), hinges.end(), [&](const Hinge& o) { return o.judgment == h.judgment; }), 1) << h.judgment;
  EXPECT_GE(forecasts_with_edges, 1u);
  EXPECT_LE(hinges.size(), forecasts_with_edges);
}

TEST(SpatialSensitivityReport, AnalyzeShowsWhatTheAnswerHangsOn) {
  const Scenario scenario = loaded(two_actors);
  const Summary summary = summarize(scenario);
  ASSERT_FALSE(summary.hangs_on.empty());
  EXPECT_LE(summary.hangs_on.size(), summary_hinge_count);
  EXPECT_TRUE(std::is_sorted(summary.hangs_on.begin(), summary.hangs_on.end(), [](const Hinge& a, const Hinge& b) { return a.margin < b.margin; }));
  const std::string text = render_text(summary);
  EXPECT_NE(text.find("What the answer hangs on"), std::string::npos);
  const auto json = nlohmann::json::parse(render_json(summary));
  ASSERT_TRUE(json.contains("hangs_on"));
  EXPECT_EQ(json["hangs_on"].size(), summary.hangs_on.size());
  EXPECT_EQ(json["hangs_on"][0]["lens"], "spatial");
  EXPECT_TRUE(json["hangs_on"][0].contains("margin"));
}

TEST(SpatialSensitivityReport, ALabelBoundaryTodayIsSaidAndGivesNoEdges) {
  // Equal weights at 0 and 100 (USA 100·0.5, RUS 50·1): the median is their midpoint 50, halfway
  // between the labels, where the slightest change tips it either way.
  std::string yaml = two_actors;
  yaml.replace(yaml.find("capability: 60"), 14, "capability: 50");
  yaml.replace(yaml.find("position: 80"), 12, "position: 100");
  const Scenario scenario = loaded(yaml);
  SensitivitySettings settings;
  settings.sobol_samples = 0;
  const auto report = spatial_sensitivity_report(scenario, settings);
  const ModelLines& median = model(report.issues.at(0), "median");
  ASSERT_EQ(median.forecast, 50.0);
  EXPECT_EQ(median.boundary, "it lies halfway between 'none' (0) and 'full' (100), so the slightest change of many judgments tips it to one or the other");
  EXPECT_TRUE(median.edges.empty());
  EXPECT_FALSE(median.ranking.empty());
}

using test::run_statecraft;

std::string seed(const std::string& name) { return "'" + test::source_path("scenarios/" + name) + "'"; }

TEST(SensitivityCli, TextReportOfASeedScenario) {
  const auto r = run_statecraft("sensitivity " + seed("alaska-2025.yaml"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("What the answer hangs on"), std::string::npos);
  EXPECT_NE(r.out.find("Spatial lens: what each forecast hangs on"), std::string::npos);
  EXPECT_NE(r.out.find("knife edge: "), std::string::npos);
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(SensitivityCli, JsonReportHasTheDocumentedKeys) {
  const auto r = run_statecraft("sensitivity " + seed("singapore-2018.yaml") + " --lens spatial --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  for (const char* key : {"statecraft", "scenario", "most_decisive", "lenses"}) EXPECT_TRUE(json.contains(key)) << key;
  const auto& spatial = json["lenses"]["spatial"];
  EXPECT_FALSE(spatial["hinges"].empty());
  const auto& issue = spatial["detail"]["issues"][0];
  for (const char* key : {"issue", "name", "units", "scale", "models", "sobol"}) EXPECT_TRUE(issue.contains(key)) << key;
  EXPECT_EQ(issue["sobol"]["samples"], 2000);
  for (const char* key : {"model", "forecast", "label", "on_boundary", "ranking", "knife_edges"}) EXPECT_TRUE(issue["models"][0].contains(key)) << key;
  EXPECT_TRUE(issue["sobol"]["judgments"].empty());  // only with --by-judgment
  const auto by = run_statecraft("sensitivity " + seed("singapore-2018.yaml") + " --format json --by-judgment");
  ASSERT_EQ(by.exit_code, 0) << by.err;
  const auto by_json = nlohmann::json::parse(by.out);
  const auto& judgments = by_json["lenses"]["spatial"]["detail"]["issues"][0]["sobol"]["judgments"];
  EXPECT_EQ(judgments.size(), 3 * issue["sobol"]["groups"].size() - 3);  // three per actor; the status quo is a group already
}

Hinge hinge_of(const std::string& lens, double margin) {
  Hinge h;
  h.lens = lens;
  h.judgment = lens + " " + std::to_string(margin);
  h.margin = margin;
  return h;
}

// A game's tied payoffs are all at margin 0; they take two places of five and the other lenses
// the rest, smallest first, and when the others run out the game's fill the places left.
TEST(MostDecisive, OneLensTakesAtMostItsShareWhileOthersHaveHinges) {
  const std::vector<Hinge> hinges{hinge_of("games", 0), hinge_of("games", 0), hinge_of("games", 0), hinge_of("games", 0),
                                  hinge_of("spatial", 0.3), hinge_of("conflict", 0.5), hinge_of("spatial", 0.1)};
  std::vector<std::pair<std::string, double>> chosen;
  for (const auto& h : most_decisive(hinges, 5, 2)) chosen.emplace_back(h.lens, h.margin);
  const std::vector<std::pair<std::string, double>> expected{{"games", 0}, {"games", 0}, {"spatial", 0.1}, {"spatial", 0.3}, {"conflict", 0.5}};
  EXPECT_EQ(chosen, expected);
  chosen.clear();
  for (const auto& h : most_decisive({hinges[0], hinges[1], hinges[2], hinges[4]}, 5, 2)) chosen.emplace_back(h.lens, h.margin);
  const std::vector<std::pair<std::string, double>> filled{{"games", 0}, {"games", 0}, {"games", 0}, {"spatial", 0.3}};
  EXPECT_EQ(chosen, filled);
}

TEST(SensitivityCli, AnUnknownLensIsBadUsageNamingThoseAvailable) {
  const auto r = run_statecraft("sensitivity " + seed("alaska-2025.yaml") + " --lens nonsense");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("no sensitivity analysis for lens 'nonsense'; lenses available: spatial, conflict, games"), std::string::npos) << r.err;
}

TEST(SensitivityCli, EveryLensOfASeedInOneReport) {
  const auto r = run_statecraft("sensitivity " + seed("alaska-2025.yaml") + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  for (const char* lens : {"spatial", "conflict", "games"}) {
    ASSERT_TRUE(json["lenses"].contains(lens)) << lens;
    EXPECT_FALSE(json["lenses"][lens]["hinges"].empty()) << lens;
  }
  EXPECT_TRUE(json["lenses"]["games"]["detail"].contains("margins"));
  EXPECT_TRUE(json["lenses"]["games"]["detail"].contains("perturbation"));
  EXPECT_FALSE(json["lenses"]["conflict"]["detail"]["perturbation"]["outcomes"].empty());
  // At most two of the five most decisive from one lens while others have hinges left.
  std::map<std::string, int> per_lens;
  for (const auto& h : json["most_decisive"]) ++per_lens[h["lens"].get<std::string>()];
  EXPECT_EQ(json["most_decisive"].size(), 5u);
  for (const auto& [lens, count] : per_lens) EXPECT_LE(count, 2) << lens;
}

TEST(SensitivityCli, BadInputAndBadUsage) {
  EXPECT_EQ(run_statecraft("sensitivity").exit_code, 2);
  EXPECT_EQ(run_statecraft("sensitivity " + seed("alaska-2025.yaml") + " --format xml").exit_code, 2);
  const auto missing = run_statecraft("sensitivity /nonexistent/scenario.yaml");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/scenario.yaml: error: cannot read the file"), std::string::npos);
  const std::string file = test::source_path("tests/data/invalid/dozen-mistakes.yaml");
  const auto invalid = run_statecraft("sensitivity '" + file + "'");
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_NE(invalid.err.find(file + ":18:27: error: unknown key 'salince'"), std::string::npos) << invalid.err;
}

TEST(SensitivityCli, NothingToAnalyseFailsTheAnalysis) {
  const auto dir = std::filesystem::temp_directory_path() / "statecraft-sensitivity-test";
  std::filesystem::create_directories(dir);
  const auto file = (dir / "actors-only.yaml").string();
  std::ofstream(file) << "statecraft: 1\nid: a\ntitle: A\ndate: 2025-01-01\nactors:\n  - {id: USA, name: U, capability: 1}\n";
  const auto r = run_statecraft("sensitivity '" + file + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("the scenario has nothing for a sensitivity analysis"), std::string::npos) << r.err;
  const auto spatial = run_statecraft("sensitivity '" + file + "' --lens spatial");
  EXPECT_EQ(spatial.exit_code, 1);
  EXPECT_NE(spatial.err.find("the scenario has nothing for the spatial lens"), std::string::npos) << spatial.err;
}

}  // namespace
}  // namespace statecraft
