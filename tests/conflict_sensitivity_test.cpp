// The conflict lens's sensitivity: reachability and its reasons, single changes to one decision
// maker's priorities checked against the analysis re-run on the changed file (written out by
// hand here, not by apply_change), the perturbation's known cases, and the report's words.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "conflict/evolution.hpp"
#include "conflict/reachability.hpp"
#include "conflict/sensitivity.hpp"
#include "scenario/states.hpp"
#include "report/conflict_sensitivity.hpp"
#include "report/stability_report.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

constexpr const char* actors = "statecraft: 1\nid: g\ntitle: g\nsources:\n  - {id: art, title: An article}\nactors:\n"
                               "  - {id: AA, name: A, capability: 1}\n  - {id: BB, name: B, capability: 1}\n";

Scenario load(const std::string& conflict) {
  const auto loaded = test::load_text(actors + conflict);
  EXPECT_TRUE(loaded.ok()) << ::testing::PrintToString(test::messages(loaded));
  return loaded.ok() ? *loaded.scenario : Scenario{};
}

// The oracle: the analysis run afresh on a file, its SEQ equilibria reachable from its status
// quo, each written as its taken options ("none" for none).
std::vector<std::string> reachable_seq(const Conflict& c) {
  const GraphModel model(c);
  const StabilityTable table = analyse_stability(model);
  const Evolution evolution(model, static_cast<std::size_t>(model.index_of(status_quo_state(c))));
  std::vector<std::string> out;
  for (std::size_t s = 0; s < model.state_count(); ++s) {
    if (!evolution.reaches(s) || !table.is_equilibrium(Concept::SEQ, s)) continue;
    std::string text;
    for (std::size_t o = 0; o < c.options.size(); ++o)
      if (model.state(s) >> o & 1U) text += (text.empty() ? "" : "+") + c.options[o].id;
    out.push_back(text.empty() ? "none" : text);
  }
  return out;
}

std::vector<std::string> in_options(const Conflict& c, const std::vector<std::size_t>& states) {
  const GraphModel model(c);
  std::vector<std::string> out;
  for (std::size_t s : states) {
    std::string text;
    for (std::size_t o = 0; o < c.options.size(); ++o)
      if (model.state(s) >> o & 1U) text += (text.empty() ? "" : "+") + c.options[o].id;
    out.push_back(text.empty() ? "none" : text);
  }
  return out;
}

std::string two_options(const std::string& status_quo, const std::string& aa, const std::string& bb) {
  return "conflict:\n  options:\n    - {id: a, actor: AA, name: A defects}\n    - {id: b, actor: BB, name: B defects}\n  status_quo: " + status_quo +
         "\n  preferences:\n    AA: " + aa + "\n    BB: " + bb + "\n";
}

// Every change the engine reports against the analysis of the same change written by hand:
// `variants` holds, in single_changes() order, each changed file's preferences.
void expect_agrees_with_rerun(const std::string& status_quo, const std::string& aa, const std::string& bb,
                              const std::vector<std::pair<std::string, std::string>>& variants) {
  const Scenario base = load(two_options(status_quo, aa, bb));
  const ConflictSensitivity s = conflict_sensitivity(*base.conflict, Concept::SEQ, 1e9);
  ASSERT_EQ(s.changes, variants.size());
  EXPECT_EQ(in_options(*base.conflict, s.reachable), reachable_seq(*base.conflict));
  for (std::size_t k = 0; k < variants.size(); ++k) {
    const Scenario changed = load(two_options(status_quo, variants[k].first, variants[k].second));
    const auto after = reachable_seq(*changed.conflict);
    for (const auto& outcome : s.outcomes) {
      const std::string name = in_options(*base.conflict, {outcome.state})[0];
      const auto found = std::find_if(outcome.breaking.begin(), outcome.breaking.end(), [&](const ChangeEffect& e) {
        const auto all = single_changes(*base.conflict);
        return e.change.preferences == all[k].preferences && e.change.kind == all[k].kind && e.change.at == all[k].at;
      });
      const bool survives = std::find(after.begin(), after.end(), name) != after.end();
      EXPECT_EQ(found == outcome.breaking.end(), survives) << "change " << k << ", outcome " << name;
      if (found != outcome.breaking.end()) EXPECT_EQ(in_options(*base.conflict, found->reachable_after), after) << "change " << k;
    }
  }
}

TEST(ConflictSensitivity, PrisonersDilemmaAgreesWithReRunningStability) {
  // Each prefers the other not to defect, then to defect itself. From mutual cooperation either
  // defects, the other answers, and both cooperation (SEQ: a defection is punished) and mutual
  // defection (Nash) hold, both reachable.
  const std::string aa = R"(["!b", a])", bb = R"(["!a", b])";
  expect_agrees_with_rerun("[]", aa, bb,
                           {{R"([a, "!b"])", bb}, {"[a]", bb}, {R"(["!b"])", bb}, {aa, R"([b, "!a"])"}, {aa, "[b]"}, {aa, R"(["!a"])"}});
  // By hand: were A to drop "the other does not defect", defecting would be all A cares about,
  // so cooperation falls and mutual defection alone remains.
  const Scenario pd = load(two_options("[]", aa, bb));
  const ConflictSensitivity s = conflict_sensitivity(*pd.conflict, Concept::SEQ, 1e9);
  ASSERT_EQ(in_options(*pd.conflict, s.reachable), (std::vector<std::string>{"none", "a+b"}));
  const auto& cooperation = s.outcomes[0].breaking;
  const auto drop = std::find_if(cooperation.begin(), cooperation.end(), [](const ChangeEffect& e) {
    return e.change.preferences == 0 && e.change.kind == PreferenceChange::Kind::Remove && e.change.at == 0;
  });
  ASSERT_NE(drop, cooperation.end());
  EXPECT_EQ(in_options(*pd.conflict, drop->reachable_after), std::vector<std::string>{"a+b"});
  EXPECT_EQ(drop->change.length, 2u);
}

TEST(ConflictSensitivity, PrisonersDilemmaFromMutualDefection) {
  // Started from mutual defection nobody can improve alone: whatever happens to the priorities,
  // only the other's cooperation tempts, and no one moves first.
  const std::string aa = R"(["!b", a])", bb = R"(["!a", b])";
  expect_agrees_with_rerun("[a, b]", aa, bb,
                           {{R"([a, "!b"])", bb}, {"[a]", bb}, {R"(["!b"])", bb}, {aa, R"([b, "!a"])"}, {aa, "[b]"}, {aa, R"(["!a"])"}});
}

TEST(ConflictSensitivity, NothingChangesWhenEveryPriorityPointsTheSameWay) {
  // Each wants its own option first and either option second: both take theirs whatever single
  // statement is swapped or dropped (dropping "a" leaves "a | b", which still pulls A in while B
  // has not moved), so mutual defection is never undone.
  const std::string aa = R"([a, "a | b"])", bb = R"([b, "a | b"])";
  expect_agrees_with_rerun("[]", aa, bb,
                           {{R"(["a | b", a])", bb}, {R"(["a | b"])", bb}, {"[a]", bb}, {aa, R"(["a | b", b])"}, {aa, R"(["a | b"])"}, {aa, "[b]"}});
  const Scenario s = load(two_options("[]", aa, bb));
  const ConflictSensitivity result = conflict_sensitivity(*s.conflict, Concept::SEQ, 1e9);
  ASSERT_EQ(in_options(*s.conflict, result.reachable), std::vector<std::string>{"a+b"});
  EXPECT_TRUE(result.outcomes[0].breaking.empty());
  EXPECT_TRUE(conflict_hinges(s).empty());
  EXPECT_EQ(result.pairs, 0u);  // two changes to a list of two give nothing a single one does not
  EXPECT_NE(render_conflict_sensitivity_text(s).find("no single change to one decision maker's priorities undoes it\n"), std::string::npos);
}

std::string three_options(const std::string& aa) {
  return "conflict:\n  options:\n    - {id: a, actor: AA, name: A acts}\n    - {id: b, actor: BB, name: B acts}\n"
         "    - {id: c, actor: AA, name: A also acts}\n  status_quo: [b]\n  preferences:\n    AA: " + aa + "\n    BB: [\"a -> b\"]\n";
}

TEST(ConflictSensitivity, PairsOfChangesWhenNoSingleOneMatters) {
  // A's list [x, y, z] = [c, a & b, b]; B's single statement has no change (a list keeps one).
  // Written out by hand: the 5 single changes, then the 8 lists two changes make that neither
  // the list itself nor a single change gives.
  const std::string x = "c", y = "\"a & b\"", z = "b";
  auto list = [](std::vector<std::string> items) {
    std::string text = "[";
    for (std::size_t k = 0; k < items.size(); ++k) text += (k ? ", " : "") + items[k];
    return text + "]";
  };
  const Scenario base = load(three_options(list({x, y, z})));
  const std::vector<std::string> singles{list({y, x, z}), list({x, z, y}), list({y, z}), list({x, z}), list({x, y})};
  const std::vector<std::string> pairs{list({y, z, x}), list({y, x}), list({z, x, y}), list({z, y}), list({z}), list({y}), list({z, x}), list({x})};
  const ConflictSensitivity s = conflict_sensitivity(*base.conflict, Concept::SEQ, 1e9);
  EXPECT_EQ(s.changes, singles.size());
  EXPECT_EQ(s.pairs, pairs.size());
  const auto today = reachable_seq(*base.conflict);
  ASSERT_EQ(in_options(*base.conflict, s.reachable), today);
  std::size_t undone_by_pairs = 0;
  for (const auto& outcome : s.outcomes) {
    const std::string name = in_options(*base.conflict, {outcome.state})[0];
    auto kept_by = [&](const std::string& aa) {
      const auto after = reachable_seq(*load(three_options(aa)).conflict);
      return std::find(after.begin(), after.end(), name) != after.end();
    };
    const bool single_undoes = std::any_of(singles.begin(), singles.end(), [&](const std::string& aa) { return !kept_by(aa); });
    if (single_undoes) {
      ASSERT_FALSE(outcome.breaking.empty());
      EXPECT_FALSE(outcome.breaking[0].then) << name;
      continue;
    }
    // The engine's pairs, each as the list it makes, against the lists that lose the outcome.
    std::vector<std::string> found, expected;
    for (const auto& effect : outcome.breaking) {
      ASSERT_TRUE(effect.then.has_value());
      Preferences changed = base.conflict->preferences[0];
      apply_change(changed, effect.change);
      apply_change(changed, *effect.then);
      std::vector<std::string> texts;
      for (const auto& statement : changed.statements) texts.push_back(statement.text == "a & b" ? y : statement.text);
      found.push_back(list(texts));
    }
    for (const auto& aa : pairs)
      if (!kept_by(aa)) expected.push_back(aa);
    std::sort(found.begin(), found.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(found, expected) << name;
    undone_by_pairs += !expected.empty();
  }
  EXPECT_GT(undone_by_pairs, 0u);  // the case is one where a pair matters
}

TEST(ConflictSensitivity, RankingsSwapAndMergeTieGroups) {
  // Chicken from both swerving. A ranking of k levels gives k − 1 swaps and k − 1 merges.
  const std::string aa = R"({ranking: ["a", "none", "b", "a + b"]})", bb = R"({ranking: ["b", "none", "a", "a + b"]})";
  expect_agrees_with_rerun("[]", aa, bb,
                           {{R"({ranking: ["none", "a", "b", "a + b"]})", bb},
                            {R"({ranking: ["a", "b", "none", "a + b"]})", bb},
                            {R"({ranking: ["a", "none", "a + b", "b"]})", bb},
                            {R"({ranking: [["a", "none"], "b", "a + b"]})", bb},
                            {R"({ranking: ["a", ["none", "b"], "a + b"]})", bb},
                            {R"({ranking: ["a", "none", ["b", "a + b"]]})", bb},
                            {aa, R"({ranking: ["none", "b", "a", "a + b"]})"},
                            {aa, R"({ranking: ["b", "a", "none", "a + b"]})"},
                            {aa, R"({ranking: ["b", "none", "a + b", "a"]})"},
                            {aa, R"({ranking: [["b", "none"], "a", "a + b"]})"},
                            {aa, R"({ranking: ["b", ["none", "a"], "a + b"]})"},
                            {aa, R"({ranking: ["b", "none", ["a", "a + b"]]})"}});
}

TEST(ConflictSensitivity, RefusesBeforeWorkPastItsBudgetAndWithoutAStatusQuo) {
  const Scenario pd = load(two_options("[]", R"(["!b", a])", R"(["!a", b])"));
  // 7 analyses (the conflict and its 6 changes) of 4 states each: far more than 10 steps.
  EXPECT_THROW(conflict_sensitivity(*pd.conflict, Concept::SEQ, 10), WorkTooLarge);
  EXPECT_THROW(priority_uncertainty(*pd.conflict, Concept::SEQ, {}, 10), WorkTooLarge);
  ConflictSensitivitySettings tight;
  tight.max_steps = 10;
  EXPECT_NE(render_conflict_sensitivity_text(pd, tight).find("skipped: the preference changes re-analyse the conflict 7 times"), std::string::npos);
  Conflict no_start = *pd.conflict;
  no_start.status_quo_given = false;
  EXPECT_THROW(conflict_sensitivity(no_start, Concept::SEQ, 1e9), std::invalid_argument);
}

TEST(PriorityUncertainty, KnownCasesOfTheSwapProbability) {
  const std::string aa = R"(["!b", a])", bb = R"(["!a", b])";
  const Scenario pd = load(two_options("[]", aa, bb));
  PriorityPerturbation never{0.0, 50, 7};
  const ConflictUncertainty same = priority_uncertainty(*pd.conflict, Concept::SEQ, never, 1e9);
  ASSERT_EQ(same.today.size(), 2u);
  for (const auto& f : same.today) EXPECT_EQ(f.samples, 50u);
  EXPECT_TRUE(same.others.empty());
  EXPECT_EQ(same.without_outcome, 0u);
  // With probability 1 every pair is swapped in one pass from the top: the first statement sinks
  // to the bottom. Here both lists become [own defection, other's cooperation]: a defection
  // always pays, so mutual defection is the only outcome, in every sample.
  PriorityPerturbation always{1.0, 20, 7};
  const ConflictUncertainty rotated = priority_uncertainty(*pd.conflict, Concept::SEQ, always, 1e9);
  const Scenario oracle = load(two_options("[]", R"([a, "!b"])", R"([b, "!a"])"));
  ASSERT_EQ(reachable_seq(*oracle.conflict), std::vector<std::string>{"a+b"});
  EXPECT_EQ(rotated.today[0].samples, 0u);   // cooperation
  EXPECT_EQ(rotated.today[1].samples, 20u);  // mutual defection
  // Half the time: seeded, so repeatable, and strictly between the two.
  PriorityPerturbation half{0.5, 400, 11};
  const ConflictUncertainty a = priority_uncertainty(*pd.conflict, Concept::SEQ, half, 1e9);
  const ConflictUncertainty b = priority_uncertainty(*pd.conflict, Concept::SEQ, half, 1e9);
  EXPECT_EQ(a.today[0].samples, b.today[0].samples);
  // Cooperation survives only when neither list is swapped: (1/2)^2 = 1/4 of the samples; the
  // standard error of 400 samples is about 0.022, so 4 of them is 0.087 either side.
  EXPECT_NEAR(static_cast<double>(a.today[0].samples) / 400, 0.25, 0.087);
  EXPECT_EQ(a.today[1].samples, 400u);
  EXPECT_THROW(priority_uncertainty(*pd.conflict, Concept::SEQ, {1.5, 1, 1}, 1e9), std::invalid_argument);
}

TEST(Equilibria, TheShortAnalysisForNashAndSeqAgreesWithTheFullOne) {
  // equilibria() leaves GMR's and SMR's passes out for Nash and SEQ; its verdicts must be the
  // full analysis's, on gmcr-py's cases (misperceptions, 3 and 4 decision makers, free and
  // restricted movers) and the seed scenarios (irreversible options, infeasibilities).
  std::vector<std::string> files;
  for (const char* name : {"Cuban", "Elmira", "Garrison", "MilkRiver", "Prisoners", "SI_misp", "SyriaIraq"})
    files.push_back(test::source_path(std::string("tests/data/gmcr/") + name + ".gmcr"));
  for (const char* name : {"alaska-2025", "danang-2017", "singapore-2018", "vladivostok-2019"})
    files.push_back(test::source_path(std::string("scenarios/") + name + ".yaml"));
  for (const auto& file : files) {
    const auto loaded = load_scenario_file(file);
    ASSERT_TRUE(loaded.ok()) << file;
    const GraphModel model(*loaded.scenario->conflict);
    const StabilityTable table = analyse_stability(model);
    std::size_t seq = 0;
    for (Concept c : all_concepts) {
      const std::vector<bool> short_analysis = equilibria(model, c);
      for (std::size_t s = 0; s < model.state_count(); ++s) EXPECT_EQ(short_analysis[s], table.is_equilibrium(c, s)) << file << " " << concept_name(c) << " " << s;
      if (c == Concept::SEQ) seq = static_cast<std::size_t>(std::count(short_analysis.begin(), short_analysis.end(), true));
    }
    EXPECT_GT(seq, 0u) << file;
  }
}

// Why states cannot be reached, one kind of obstacle each.
std::vector<Obstacle> obstacles_of(const Conflict& c, StateBits target) {
  const GraphModel model(c);
  const Evolution evolution(model, static_cast<std::size_t>(model.index_of(status_quo_state(c))));
  const Reachability reachability(c, model, evolution);
  return reachability.obstacles(static_cast<std::size_t>(model.index_of(target)));
}

TEST(Reachability, NamesTheOptionNoOneTakesAndWhy) {
  // A war A can start but never prefers to (irreversible), and B's backward-only concession that
  // is not taken: it can never be taken.
  const Scenario s = load(R"(conflict:
  options:
    - {id: war, actor: AA, name: go to war, reversible: forward}
    - {id: talks, actor: BB, name: hold talks, reversible: backward}
  status_quo: []
  preferences:
    AA: ["!war"]
    BB: [talks]
)");
  const Conflict& c = *s.conflict;
  const auto war = obstacles_of(c, 1);
  ASSERT_EQ(war.size(), 1u);
  EXPECT_EQ(war[0].kind, Obstacle::Kind::NeverPreferred);
  EXPECT_TRUE(war[0].irreversible);
  EXPECT_TRUE(war[0].take);
  EXPECT_EQ(war[0].option, 0u);
  const auto talks = obstacles_of(c, 2);
  ASSERT_EQ(talks.size(), 1u);
  EXPECT_EQ(talks[0].kind, Obstacle::Kind::Irreversible);
  EXPECT_EQ(talks[0].maker, 1u);
  EXPECT_TRUE(obstacles_of(c, 0).empty());  // the status quo
  const StabilityReport report = stability_report(c);
  const StabilityRow row = report.row(static_cast<std::size_t>(1));
  EXPECT_EQ(row.description, "AA: go to war; BB: none");
  EXPECT_EQ(reachability_in_words(row),
            "not reachable from the status quo: it needs AA to take “go to war” (which cannot be undone), a move AA prefers from no state the "
            "status quo leads to");
}

TEST(Reachability, MisperceivedInfeasibleAndTheLastMove) {
  // B does not see the states where A talks, so it never joins them; A's talks are infeasible
  // with B's walkout; and the state where both talk is reachable option by option but not
  // together when B would have to move last and prefers not to.
  const Scenario seen = load(R"(conflict:
  options:
    - {id: a, actor: AA, name: A talks}
    - {id: b, actor: BB, name: B talks}
  status_quo: [a]
  preferences:
    AA: [a]
    BB: [b]
  misperceptions:
    BB: ["a"]
)");
  const auto unseen = obstacles_of(*seen.conflict, 3);
  ASSERT_EQ(unseen.size(), 1u);
  EXPECT_EQ(unseen[0].kind, Obstacle::Kind::Misperceived);
  EXPECT_EQ(unseen[0].maker, 1u);
  const Scenario blocked = load(R"(conflict:
  options:
    - {id: a, actor: AA, name: A talks}
    - {id: w, actor: BB, name: B walks out}
  infeasible: ["a & w"]
  status_quo: [w]
  preferences:
    AA: [a]
    BB: [w]
)");
  const auto infeasible = obstacles_of(*blocked.conflict, 1);  // A talks, B stays
  ASSERT_EQ(infeasible.size(), 2u);
  EXPECT_EQ(infeasible[0].kind, Obstacle::Kind::Infeasible);  // A's talks, never feasible while B walks out
  EXPECT_EQ(infeasible[1].kind, Obstacle::Kind::NeverPreferred);  // B's return, which B never wants
  // Each would act alone but not both together: from none A reaches a and B reaches b, but
  // neither then joins (each ranks "not both" first), so a + b has every option set somewhere
  // and is still not reached. A could move there from b and prefers not to.
  const Scenario last = load(R"y(conflict:
  options:
    - {id: a, actor: AA, name: A talks}
    - {id: b, actor: BB, name: B talks}
  status_quo: []
  preferences:
    AA: ["!(a & b)", a]
    BB: ["!(a & b)", b]
)y");
  const auto together = obstacles_of(*last.conflict, 3);
  ASSERT_EQ(together.size(), 1u);
  EXPECT_EQ(together[0].kind, Obstacle::Kind::NotPreferredLast);
  EXPECT_EQ(together[0].maker, 0u);
  EXPECT_EQ(together[0].from, 2u);  // B talks alone
  EXPECT_EQ(reachability_in_words(stability_report(*last.conflict).row(3)),
            "not reachable from the status quo: AA could move there from BB: B talks; AA: none [state 3], which the status quo leads to, but "
            "does not prefer it");
}

TEST(ConflictSensitivityReport, SaysTheChangeAndTheNewOutcomeInWords) {
  // The prisoners' dilemma with notes: A dropping "B does not defect" undoes cooperation.
  const Scenario pd = load(R"(conflict:
  options:
    - {id: a, actor: AA, name: A defects}
    - {id: b, actor: BB, name: B defects}
  status_quo: []
  preferences:
    AA:
      - {statement: "!b", note: "A fears B's defection most", source: art}
      - {statement: a, note: "then A is tempted", source: art}
    BB: ["!a", b]
)");
  const auto hinges = conflict_hinges(pd);
  ASSERT_FALSE(hinges.empty());
  const auto drop = std::find_if(hinges.begin(), hinges.end(), [](const Hinge& h) { return h.note == "A fears B's defection most" && h.change == "dropped"; });
  ASSERT_NE(drop, hinges.end());
  EXPECT_EQ(drop->lens, "conflict");
  EXPECT_DOUBLE_EQ(drop->margin, 0.5);  // one change in a list of 2
  EXPECT_EQ(drop->source, "art");
  EXPECT_GT(drop->at.line, 0);
  EXPECT_EQ(drop->judgment, "AA's priority ‘not “B defects”’ (1 of 2)");
  const std::string text = render_conflict_sensitivity_text(pd);
  EXPECT_NE(text.find("if AA dropped ‘not “B defects”’ from its priorities, the reachable outcome would become “AA: A defects; BB: B defects” [state 4]"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("A fears B's defection most [art]"), std::string::npos);
  EXPECT_NE(text.find("swapped with the next with probability 0.1; 100 samples, seed 1"), std::string::npos);
  const auto json = render_conflict_sensitivity_json(pd);
  EXPECT_EQ(json["solution_concept"], "SEQ");
  EXPECT_EQ(json["outcomes"][0]["description"], "no option taken");
  EXPECT_EQ(json["perturbation"]["samples"], 100);
  EXPECT_TRUE(render_conflict_sensitivity_json(load("")).is_null());
}

}  // namespace
}  // namespace statecraft
