// The brief's content, computed by hand on small scenarios, and its three writers.

#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "report/brief.hpp"
#include "report/brief_charts.hpp"
#include "report/svg.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

const Scenario& alaska() {
  static const Scenario s = *test::load_text(test::read_file(test::source_path("scenarios/alaska-2025.yaml"))).scenario;
  return s;
}

const BriefIssue& issue_of(const Brief& b, const std::string& id) {
  for (const auto& issue : b.issues)
    if (issue.id == id) return issue;
  throw std::out_of_range(id);
}

TEST(Brief, TheBottomLineSaysWhoBlocksAndWhatHolds) {
  const Brief b = make_brief(alaska());
  const BriefIssue& ceasefire = issue_of(b, "ceasefire");
  ASSERT_TRUE(ceasefire.deal_possible.has_value());
  EXPECT_FALSE(*ceasefire.deal_possible);
  EXPECT_EQ(ceasefire.blockers, std::vector<std::string>{"RUS"});
  EXPECT_NE(ceasefire.bottom_line.find("decided by RUS alone; Russia blocks any move, so the status quo holds"), std::string::npos) << ceasefire.bottom_line;
  // The first line is the standoff as a whole: five of six issues have no deal possible.
  EXPECT_NE(b.bottom_line.front().find("No deal is possible on 5 of the 6 issues"), std::string::npos) << b.bottom_line.front();
  // Russia alone decides; its position (0) is the one decider marked on the chart.
  ASSERT_EQ(ceasefire.deciders.size(), 1u);
  EXPECT_EQ(ceasefire.deciders[0].actor, "RUS");
  EXPECT_EQ(ceasefire.deciders[0].position, 0);
}

TEST(Brief, IntervalsFromTheMonteCarloAroundEveryForecast) {
  const Brief b = make_brief(alaska());
  EXPECT_EQ(b.samples, brief_samples);
  for (const auto& issue : b.issues)
    for (const auto& f : issue.forecasts) {
      if (!f.position || !f.p05) continue;
      EXPECT_LE(*f.p05, *f.p95) << issue.id << " " << f.model;
      EXPECT_GE(*f.p05, issue.low);
      EXPECT_LE(*f.p95, issue.high);
    }
  // USA alone decides new sanctions and wants more: the median stays at USA's 75 in most samples.
  const auto& median = issue_of(b, "new_sanctions").forecasts[1];
  ASSERT_EQ(median.model, "median");
  EXPECT_EQ(*median.position, 75);
}

TEST(Brief, EvidenceCarriesEveryStanceWithItsNoteAndMarksWhatTheAnswerHangsOn) {
  const Brief b = make_brief(alaska());
  std::size_t stances = 0;
  for (const auto& issue : alaska().issues) stances += issue.stances.size();
  std::size_t positions = 0, decisive = 0;
  for (const auto& e : b.evidence) {
    if (e.judgment.find("'s position on ") != std::string::npos) ++positions;
    decisive += e.decisive;
  }
  EXPECT_EQ(positions, stances);
  EXPECT_GE(decisive, 1u);
  const auto ceasefire = std::find_if(b.evidence.begin(), b.evidence.end(), [](const Evidence& e) { return e.judgment == "RUS's position on ceasefire"; });
  ASSERT_NE(ceasefire, b.evidence.end());
  EXPECT_EQ(ceasefire->value, "0");
  EXPECT_NE(ceasefire->note.find("para 5"), std::string::npos);
  EXPECT_TRUE(ceasefire->decisive);
}

TEST(Brief, WritersShareTheSections) {
  const Brief b = make_brief(alaska());
  const std::string html = render_brief_html(b), md = render_brief_markdown(b), text = render_brief_text(b);
  for (const char* id : {"bottom-line", "issues", "hangs-on", "conflict", "games", "evidence", "methods"})
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\""), std::string::npos) << id;
  for (const char* heading : {"Bottom line", "Where each issue ends", "What the answer hangs on", "The standoff as a whole", "Games", "Evidence", "Methods"}) {
    EXPECT_NE(md.find(std::string("## ") + heading), std::string::npos) << heading;
    EXPECT_NE(text.find(heading), std::string::npos) << heading;
  }
  // Self-contained: nothing to fetch, nothing to run.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("FILE"), std::string::npos);
}

TEST(Brief, TreesMarkTheEmptyThreatsAndTheChanceProbabilities) {
  // Alaska's ultimatum: after sanctions, Putin's escalation would cost him 2 (3 > 1), so it is a
  // threat he would not carry out; no other move of that tree is.
  const Brief b = make_brief(alaska());
  const auto game = std::find_if(b.games.begin(), b.games.end(), [](const BriefGame& g) { return g.id == "alaska_ultimatum"; });
  ASSERT_NE(game, b.games.end());
  std::vector<std::string> empty;
  for (const auto& n : game->tree)
    if (n.empty_threat) empty.push_back(n.move);
  EXPECT_EQ(empty, std::vector<std::string>{"escalate"});
  const std::string svg = game_tree_svg(*game, "caption");
  EXPECT_NE(svg.find("✗ escal"), std::string::npos);
  EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);
  // A chance move's probability is written on its edge.
  const auto chance = test::load_text(test::read_file(test::source_path("tests/data/games/chance-tree.yaml")));
  ASSERT_TRUE(chance.ok()) << ::testing::PrintToString(test::messages(chance));
  const Brief c = make_brief(*chance.scenario);
  ASSERT_FALSE(c.games.empty());
  std::vector<std::string> probabilities;
  for (const auto& n : c.games[0].tree)
    if (!n.probability.empty()) probabilities.push_back(n.move + " " + n.probability);
  EXPECT_EQ(probabilities, (std::vector<std::string>{"storm 1/3", "calm 2/3"}));
}

TEST(Brief, JsonIsTheSameValueTheOtherWritersRender) {
  const Brief b = make_brief(alaska());
  const auto json = nlohmann::json::parse(render_brief_json(b));
  EXPECT_EQ(json["bottom_line"], nlohmann::json(b.bottom_line));
  ASSERT_EQ(json["issues"].size(), b.issues.size());
  EXPECT_EQ(json["issues"][1]["issue"], "ceasefire");
  EXPECT_EQ(json["issues"][1]["blockers"], nlohmann::json::array({"RUS"}));
  EXPECT_EQ(json["issues"][1]["forecasts"][0]["p95"], *b.issues[1].forecasts[0].p95);
  EXPECT_EQ(json["hangs_on"][0]["judgment"], b.hangs_on[0].judgment);
  EXPECT_EQ(json["evidence"].size(), b.evidence.size());
  EXPECT_EQ(json["terms"].size(), b.methods.size());
}

TEST(BriefCharts, LabelsInLanesKeepTheirDistance) {
  // Three labels 40 px wide wanting 0, 30 and 100: the second cannot share the first's lane.
  const auto placed = place_labels({{20, 40}, {30, 40}, {100, 40}}, 0, 200, 4);
  ASSERT_EQ(placed.size(), 3u);
  EXPECT_EQ(placed[0].lane, 0u);
  EXPECT_EQ(placed[1].lane, 1u);
  EXPECT_EQ(placed[2].lane, 0u);
  EXPECT_EQ(placed[0].x, 20);  // it fits inside [0, 200]
  EXPECT_EQ(place_labels({{5, 40}}, 0, 200, 4)[0].x, 20);  // moved in so that it is not cut off
}

TEST(BriefCharts, ShortenedCutsAtACharacterBoundary) {
  const std::string text = "Putin\u2019s lure \u2014 \u00e9t\u00e9 \u00e9t\u00e9";
  for (double width = 10; width < 200; width += 3) {
    const std::string cut = shortened(text, width, 12);
    EXPECT_LE(text_width(cut, 12), std::max(width, text_width("\u2026", 12)));
    // Valid UTF-8: no lead byte left without its continuation bytes before the ellipsis.
    const std::string body = cut.substr(0, cut.size() >= 3 && cut.compare(cut.size() - 3, 3, "\u2026") == 0 ? cut.size() - 3 : cut.size());
    EXPECT_EQ(text.compare(0, body.size(), body), 0);
    if (!body.empty()) EXPECT_NE(static_cast<unsigned char>(body.back()) & 0xC0, 0xC0) << width;
  }
  EXPECT_EQ(shortened("short", 200, 12), "short");
}

}  // namespace
}  // namespace statecraft
