// Inverse stability: the fewest changes to the preferences that make a desired state an
// equilibrium, checked by re-running the stability analysis on the changed preferences.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "conflict/inverse.hpp"
#include "conflict/uncertain.hpp"
#include "scenario/work.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

GraphModel model_of(const std::string& actors, const std::string& conflict) {
  std::string yaml = "statecraft: 1\nid: g\ntitle: g\nactors:\n";
  for (std::size_t start = 0; start < actors.size();) {
    const std::size_t end = std::min(actors.find(' ', start), actors.size());
    yaml += "  - {id: " + actors.substr(start, end - start) + ", name: " + actors.substr(start, end - start) + ", capability: 1}\n";
    start = end + 1;
  }
  const auto loaded = test::load_text(yaml + conflict);
  EXPECT_TRUE(loaded.ok()) << ::testing::PrintToString(test::messages(loaded));
  return GraphModel(*loaded.scenario->conflict);
}

// The model with the inverse analysis's ranks: the check that the answer works.
bool stable_with(const GraphModel& model, const InverseStability& answer, std::size_t desired, Concept c) {
  GraphModel changed = model;
  for (std::size_t i = 0; i < answer.ranks.size(); ++i) changed.set_ranks(i, answer.ranks[i]);
  return equilibria(changed, c)[desired];
}

const char* prisoners = R"(conflict:
  options:
    - {id: a_defects, actor: AA, name: A defects}
    - {id: b_defects, actor: BB, name: B defects}
  status_quo: []
  preferences:
    AA: ["!b_defects", a_defects]
    BB: ["!a_defects", b_defects]
)";

TEST(InverseStability, MutualCooperationNeedsEachToPreferItToDefectingAlone) {
  const GraphModel model = model_of("AA BB", prisoners);
  const auto cooperate = static_cast<std::size_t>(model.index_of(0));
  // Under Nash each prisoner must come to rank mutual cooperation above its own lone defection:
  // one state passed each, and nothing else.
  const auto nash = fewest_changes_for_stability(model, cooperate, Concept::Nash);
  EXPECT_FALSE(nash.already);
  EXPECT_EQ(nash.changes, 2u);
  EXPECT_EQ(nash.passed[0], std::vector<std::size_t>{static_cast<std::size_t>(model.index_of(1))});  // A defects alone
  EXPECT_EQ(nash.passed[1], std::vector<std::size_t>{static_cast<std::size_t>(model.index_of(2))});
  EXPECT_TRUE(stable_with(model, nash, cooperate, Concept::Nash));
  // Under SEQ it is stable already: a defection is answered by the other's.
  const auto seq = fewest_changes_for_stability(model, cooperate, Concept::SEQ);
  EXPECT_TRUE(seq.already);
  EXPECT_EQ(seq.changes, 0u);
  EXPECT_EQ(seq.checked, 1u);
  EXPECT_THROW(fewest_changes_for_stability(model, cooperate, Concept::SIM), std::invalid_argument);
}

// Three decision makers holding eight options (256 states), preferences by priority statements.
const char* three_sided = R"yaml(conflict:
  options:
    - {id: u1, actor: USA, name: u1}
    - {id: u2, actor: USA, name: u2}
    - {id: u3, actor: USA, name: u3}
    - {id: r1, actor: RUS, name: r1}
    - {id: r2, actor: RUS, name: r2}
    - {id: r3, actor: RUS, name: r3}
    - {id: p1, actor: PRK, name: p1}
    - {id: p2, actor: PRK, name: p2}
  status_quo: []
  preferences:
    USA: ["!p1", "u1 & !r2", "!r1 | u2", "p2 -> u3", "!u3", "r3"]
    RUS: ["r1", "!u1 | r2", "!p2", "r3 & !u2", "!r2", "p1"]
    PRK: ["p1 | p2", "!u1", "!(r1 & r3)", "p2", "!u2", "!r3"]
)yaml";

TEST(InverseStability, ThreeDecisionMakersAndEightOptionsWithinTenSeconds) {
  const GraphModel model = model_of("USA RUS PRK", three_sided);
  ASSERT_EQ(model.state_count(), 256u);
  // The hardest case: the state the decision makers like least, counted by the states they
  // prefer to it, altogether.
  std::size_t hardest = 0, most_above = 0;
  for (std::size_t s = 0; s < model.state_count(); ++s) {
    std::size_t above = 0;
    for (std::size_t i = 0; i < 3; ++i)
      for (std::size_t t = 0; t < model.state_count(); ++t) above += model.rank(i, t) > model.rank(i, s);
    if (above > most_above) hardest = s, most_above = above;
  }
  EXPECT_FALSE(equilibria(model, Concept::GMR)[hardest]);
  for (Concept c : {Concept::Nash, Concept::GMR, Concept::SMR, Concept::SEQ}) {
    const auto start = std::chrono::steady_clock::now();
    const auto answer = fewest_changes_for_stability(model, hardest, c);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_TRUE(stable_with(model, answer, hardest, c)) << concept_name(c);
    EXPECT_LT(seconds, 10.0) << concept_name(c);  // 0.1 to 0.3 s here, 134 to 164 states passed
    // The fewest: no decision maker's change can be one stop shorter.
    for (std::size_t i = 0; i < answer.passed.size(); ++i) {
      if (answer.passed[i].empty()) continue;
      InverseStability shorter = answer;
      std::size_t back = answer.passed[i].size() - 1;  // one state fewer, or the tie group's start
      while (back > 0 && model.rank(i, answer.passed[i][back - 1]) == model.rank(i, answer.passed[i][back])) --back;
      for (std::size_t s = 0; s < model.state_count(); ++s) shorter.ranks[i][s] = 2 * model.rank(i, s);
      if (back > 0) shorter.ranks[i][hardest] = 2 * model.rank(i, answer.passed[i][back - 1]) + 1;
      EXPECT_FALSE(stable_with(model, shorter, hardest, c)) << concept_name(c) << " " << model.decision_maker(i);
    }
    // Nash asks the most: every other concept needs no more changes.
    if (c != Concept::Nash) EXPECT_LE(answer.changes, fewest_changes_for_stability(model, hardest, Concept::Nash).changes);
  }
}

// The GMR conditions search the others' answers to every move: with 4095 moves over 262,144
// states that is refused, with the size, before any search starts.
TEST(InverseStability, TooLargeASearchForConditionsIsRefused) {
  std::string options, preferences = "    AA: [a0]\n    BB: [b0]\n";
  for (int k = 0; k < 12; ++k) options += "    - {id: a" + std::to_string(k) + ", actor: AA, name: a" + std::to_string(k) + "}\n";
  for (int k = 0; k < 6; ++k) options += "    - {id: b" + std::to_string(k) + ", actor: BB, name: b" + std::to_string(k) + "}\n";
  const GraphModel model = model_of("AA BB", "conflict:\n  options:\n" + options + "  status_quo: []\n  preferences:\n" + preferences);
  ASSERT_EQ(model.state_count(), 262144u);
  EXPECT_THROW(stability_conditions(model, 0, Concept::GMR), WorkTooLarge);
  EXPECT_EQ(stability_conditions(model, 0, Concept::Nash)[0].size(), 4095u);  // Nash needs no search
}

void conditions_match_stability(GraphModel model);

// The conditions are every stabilising preference: on the three-sided conflict, today's ranks and
// twenty shuffled ones per decision maker, a state meets a maker's conditions exactly when the
// stability analysis finds it stable for that maker, for every state, under Nash and GMR.
TEST(InverseStability, TheConditionsAreExactlyTheStabilisingPreferences) {
  // And on the same conflict with restricted movers: an option that cannot be withdrawn, one that
  // cannot be taken again, and infeasible states.
  std::string restricted = test::replace(test::replace(three_sided, "{id: u1, actor: USA, name: u1}", "{id: u1, actor: USA, name: u1, reversible: forward}"),
                                         "{id: r2, actor: RUS, name: r2}", "{id: r2, actor: RUS, name: r2, reversible: backward}");
  restricted = test::replace(restricted, "  status_quo: []", "  infeasible: [\"u3 & p2\"]\n  status_quo: []");
  for (const std::string& conflict : {std::string(three_sided), restricted}) conditions_match_stability(model_of("USA RUS PRK", conflict));
}

void conditions_match_stability(GraphModel model) {
  std::vector<std::vector<std::vector<StabilityCondition>>> nash, gmr;
  for (std::size_t d = 0; d < model.state_count(); ++d) {
    nash.push_back(stability_conditions(model, d, Concept::Nash));
    gmr.push_back(stability_conditions(model, d, Concept::GMR));
  }
  std::mt19937 random(15);
  std::size_t stable_found = 0;
  for (int round = 0; round <= 20; ++round) {
    if (round > 0)
      for (std::size_t i = 0; i < 3; ++i) {
        std::vector<Rank> ranks(model.state_count());
        for (std::size_t s = 0; s < ranks.size(); ++s) ranks[s] = static_cast<Rank>(s % 40);  // with ties
        std::shuffle(ranks.begin(), ranks.end(), random);
        model.set_ranks(i, ranks);
      }
    const StabilityTable table = analyse_stability(model);
    for (std::size_t d = 0; d < model.state_count(); ++d)
      for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(meets(nash[d][i], model.ranks(i), d), table.is_stable(Concept::Nash, i, d)) << d << " " << i;
        EXPECT_EQ(meets(gmr[d][i], model.ranks(i), d), table.is_stable(Concept::GMR, i, d)) << d << " " << i;
        stable_found += table.is_stable(Concept::GMR, i, d);
      }
  }
  EXPECT_GT(stable_found, 1000u);  // both verdicts occur often
  EXPECT_THROW(stability_conditions(model, 0, Concept::SEQ), std::invalid_argument);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(InverseStabilityCommand, TheDaNangDealNeedsWashingtonToPreferItToTwoStates) {
  const std::string seed = "'" + test::source_path("scenarios/danang-2017.yaml") + "'";
  const auto r = test::run_statecraft("stability " + seed + " --make-stable 44 --concept Nash");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("[state 44] a Nash equilibrium (the fewest changes of preference; Kinsara, Kilgour & Hipel 2015)\n  2 changes in all"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  RUS: no change\n"), std::string::npos);
  const auto j = test::run_statecraft("stability " + seed + " --make-stable 44 --concept Nash --format json");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const auto answer = nlohmann::json::parse(j.out)["make_stable"];
  EXPECT_EQ(answer["changes"], 2);
  EXPECT_EQ(answer["decision_makers"][0]["prefer_it_to"], (nlohmann::json{41, 42}));
  // And every preference that would: Washington's seven moves from the deal, two of them (to
  // states 41 and 42) ones it now prefers; Moscow's and Pyongyang's one each, met today.
  EXPECT_NE(r.out.find("    USA must like it at least as much as each of its moves from it:\n      state 41, where its own move takes it (USA: none) (not met today)\n"), std::string::npos)
      << r.out;
  ASSERT_EQ(answer["conditions"]["USA"].size(), 7u);
  EXPECT_EQ(answer["conditions"]["USA"][0]["move"], 41);
  EXPECT_EQ(answer["conditions"]["USA"][0]["met"], false);
  EXPECT_EQ(answer["conditions"]["USA"][2]["met"], true);
  EXPECT_EQ(answer["conditions"]["RUS"], (nlohmann::json::parse(R"([{"move": 36, "sanctions": [], "met": true}])")));
  // A state beyond the conflict's, or a concept the inverse does not take: bad input.
  EXPECT_EQ(test::run_statecraft("stability " + seed + " --make-stable 49").exit_code, 2);
  EXPECT_EQ(test::run_statecraft("stability " + seed + " --make-stable 4 --concept SIM").exit_code, 2);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

// A's preferences uncertain: the prisoner's dilemma with probability 7/10, or with 3/10 a
// prisoner who would rather keep faith, whatever B does.
const char* uncertain_prisoners = R"(statecraft: 2
id: g
title: g
actors:
  - {id: AA, name: A, capability: 1}
  - {id: BB, name: B, capability: 1}
conflict:
  options:
    - {id: a_defects, actor: AA, name: A defects}
    - {id: b_defects, actor: BB, name: B defects}
  status_quo: []
  preferences:
    AA: ["!b_defects", a_defects]
    BB: ["!a_defects", b_defects]
  uncertain_preferences:
    AA:
      - {probability: 0.7, preferences: ["!b_defects", a_defects], note: "the dilemma"}
      - {probability: 0.3, preferences: ["!b_defects", "!a_defects"], note: "keeps faith"}
)";

TEST(UncertainPreferences, EachStatesChanceOfBeingAnEquilibriumByHand) {
  const auto loaded = test::load_text(uncertain_prisoners);
  ASSERT_TRUE(loaded.ok()) << ::testing::PrintToString(test::messages(loaded));
  const Conflict& c = *loaded.scenario->conflict;
  const GraphModel model(c);
  const auto at = [&](StateBits bits) { return static_cast<std::size_t>(model.index_of(bits)); };
  // Nash: mutual defection in the dilemma; with a faithful A, A cooperating while B defects.
  const auto nash = stability_under_uncertainty(c, Concept::Nash);
  EXPECT_EQ(nash.combinations, 2u);
  EXPECT_EQ(nash.equilibrium[at(3)], mpq_class(7, 10));
  EXPECT_EQ(nash.equilibrium[at(2)], mpq_class(3, 10));
  EXPECT_EQ(nash.equilibrium[at(0)], 0);
  // SEQ adds mutual cooperation in the dilemma (a defection is answered by the other's), which a
  // faithful A cannot deter B from leaving.
  const auto seq = stability_under_uncertainty(c, Concept::SEQ);
  EXPECT_EQ(seq.equilibrium[at(0)], mpq_class(7, 10));
  EXPECT_EQ(seq.equilibrium[at(3)], mpq_class(7, 10));
  EXPECT_EQ(seq.equilibrium[at(2)], mpq_class(3, 10));
}

TEST(UncertainPreferences, BadAlternativesArePointedAt) {
  auto with = [](const std::string& from, const std::string& to) { return test::messages(test::load_text(test::replace(uncertain_prisoners, from, to))); };
  EXPECT_EQ(with("probability: 0.3,", "probability: 0.2,"), (std::vector<std::string>{"16:5: AA's alternatives' probabilities sum to 9/10, not 1"}));
  EXPECT_EQ(with("  uncertain_preferences:\n    AA:", "  uncertain_preferences:\n    CC:"), (std::vector<std::string>{"16:5: unknown actor 'CC'"}));
  EXPECT_EQ(with("statecraft: 2", "statecraft: 1"), (std::vector<std::string>{"16:5: 'uncertain_preferences' needs scenario format version 2: write 'statecraft: 2' at the top of the file"}));
}

TEST(UncertainPreferences, StabilityReportsTheChances) {
  const auto dir = std::filesystem::temp_directory_path() / ("statecraft-uncertain-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "p.yaml") << uncertain_prisoners;
  const auto r = test::run_statecraft("stability '" + (dir / "p.yaml").string() + "' --concept Nash");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("With the uncertain preferences (2 combinations of alternatives, each analysed): each state's chance of being a Nash equilibrium\n"
                       "   70.0 %  AA: A defects; BB: B defects"),
            std::string::npos)
      << r.out;
  const auto j = test::run_statecraft("stability '" + (dir / "p.yaml").string() + "' --format json");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const auto u = nlohmann::json::parse(j.out)["uncertain_preferences"];
  EXPECT_EQ(u["concept"], "SEQ");
  EXPECT_EQ(u["equilibria"].size(), 3u);
  EXPECT_EQ(u["equilibria"][0]["probability_exact"], "7/10");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace statecraft
