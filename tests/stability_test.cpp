// Stability analysis against gmcr-py's tables (tests/data/gmcr) and textbook cases.

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <sstream>

#include "conflict/evolution.hpp"
#include "conflict/graph_model.hpp"
#include "formats/load.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

struct Mismatch {
  std::string maker;
  std::string concept_name;
  long decimal;
  bool ours;
};

// Every (state, decision maker, concept) gmcr-py reports, compared with ours.
std::vector<Mismatch> compare_with_gmcr_py(const std::string& name) {
  const auto loaded = load_scenario_file(test::source_path("tests/data/gmcr/" + name + ".gmcr"));
  EXPECT_TRUE(loaded.ok()) << name;
  if (!loaded.ok()) return {};
  const Scenario& s = *loaded.scenario;
  const GraphModel model(*s.conflict);
  const StabilityTable table = analyse_stability(model);
  std::istringstream csv(test::read_file(test::source_path("tests/data/gmcr/" + name + ".stability.csv")));
  std::string line;
  std::getline(csv, line);
  std::vector<std::string> header;
  for (std::stringstream cells(line); std::getline(cells, line, ',');) header.push_back(line);
  std::vector<Mismatch> mismatches;
  std::size_t rows = 0;
  while (std::getline(csv, line)) {
    std::vector<std::string> cells;
    for (std::stringstream row(line); std::getline(row, line, ',');) cells.push_back(line);
    const long decimal = std::stol(cells[1]);
    const long state = model.index_of(static_cast<StateBits>(decimal));
    EXPECT_GE(state, 0) << name << " state " << decimal << " should be feasible";
    if (state < 0) continue;
    ++rows;
    for (std::size_t c = 3; c < header.size() && c < cells.size(); ++c) {
      const auto colon = header[c].rfind(':');
      if (colon == std::string::npos) continue;
      const std::string maker_name = header[c].substr(0, colon), concept_text = header[c].substr(colon + 1);
      std::optional<Concept> concept_kind;
      for (Concept k : all_concepts)
        if (concept_text == concept_name(k)) concept_kind = k;
      if (!concept_kind) continue;  // SEQ+SIM (gmcr-py: SEQ or SIM) is not part of statecraft
      std::size_t maker = model.decision_maker_count();
      for (std::size_t m = 0; m < model.decision_maker_count(); ++m) {
        const auto actor = std::find_if(s.actors.begin(), s.actors.end(), [&](const Actor& a) { return a.id == model.decision_maker(m); });
        if (actor->name == maker_name) maker = m;
      }
      EXPECT_LT(maker, model.decision_maker_count()) << maker_name;
      if (maker == model.decision_maker_count()) continue;
      const bool ours = table.is_stable(*concept_kind, maker, static_cast<std::size_t>(state));
      if (ours != (cells[c] == "1")) mismatches.push_back({maker_name, concept_text, decimal, ours});
    }
  }
  EXPECT_EQ(rows, model.state_count()) << name << ": gmcr-py and statecraft list different feasible states";
  return mismatches;
}

class GmcrPyTable : public ::testing::TestWithParam<std::string> {};

TEST_P(GmcrPyTable, AgreesOnEveryStateDecisionMakerAndConcept) {
  const auto mismatches = compare_with_gmcr_py(GetParam());
  for (const auto& m : mismatches)
    ADD_FAILURE() << GetParam() << ": " << m.maker << " " << m.concept_name << " at state " << m.decimal << ": statecraft says " << m.ours;
}

INSTANTIATE_TEST_SUITE_P(Examples, GmcrPyTable,
                         ::testing::Values("Cuban", "Elmira", "Elmira_examples", "MilkRiver", "Prisoners", "SI_misp", "SyriaIraq"));

TEST(GmcrPy, GarrisonDiffersOnlyWhereGmcrPyLimitsSanctionChains) {
  // With three or more decision makers the opponents sanction by a sequence of unilateral moves
  // in which no one moves twice in a row (Fang, Hipel & Kilgour 1993); gmcr-py lets each
  // opponent move at most once per sequence. In the Garrison Diversion conflict (4 decision
  // makers) that is the whole difference: state 6 (decimal 52) is GMR and SMR stable for the
  // Canadian Opposition by the textbook definition, not in gmcr-py.
  const auto mismatches = compare_with_gmcr_py("Garrison");
  const auto garrison = load_scenario_file(test::source_path("tests/data/gmcr/Garrison.gmcr"));
  ASSERT_TRUE(garrison.ok());
  EXPECT_EQ(GraphModel(*garrison.scenario->conflict).index_of(52), 5);  // the 6th feasible state
  ASSERT_EQ(mismatches.size(), 2u);
  for (const auto& m : mismatches) {
    EXPECT_EQ(m.maker, "Canadian Opposition");
    EXPECT_EQ(m.decimal, 52);
    EXPECT_TRUE(m.ours);
    EXPECT_TRUE(m.concept_name == "GMR" || m.concept_name == "SMR");
  }
}

LoadResult load_conflict(const std::string& conflict) {
  return test::load_text("statecraft: 1\nid: g\ntitle: g\nactors:\n  - {id: AA, name: A, capability: 1}\n  - {id: BB, name: B, capability: 1}\n" + conflict);
}

// Equilibria under a concept, each written as its taken options ("none" when none).
std::vector<std::string> equilibria(const Conflict& conflict, Concept c) {
  const GraphModel model(conflict);
  const StabilityTable table = analyse_stability(model);
  std::vector<std::string> out;
  for (std::size_t s = 0; s < model.state_count(); ++s) {
    if (!table.is_equilibrium(c, s)) continue;
    std::string text;
    for (std::size_t o = 0; o < conflict.options.size(); ++o)
      if (model.state(s) >> o & 1U) text += (text.empty() ? "" : "+") + conflict.options[o].id;
    out.push_back(text.empty() ? "none" : text);
  }
  return out;
}

TEST(Stability, PrisonersDilemma) {
  // Each prefers: the other cooperating most, then not defecting itself. Mutual defection is the
  // only Nash equilibrium; mutual cooperation is also GMR, SMR and SEQ stable, since a defection
  // is answered by the other's (improving) defection.
  const auto loaded = load_conflict(R"(conflict:
  options:
    - {id: a_defects, actor: AA, name: A defects}
    - {id: b_defects, actor: BB, name: B defects}
  status_quo: []
  preferences:
    AA: ["!b_defects", a_defects]
    BB: ["!a_defects", b_defects]
)");
  ASSERT_TRUE(loaded.ok()) << ::testing::PrintToString(test::messages(loaded));
  const Conflict& c = *loaded.scenario->conflict;
  EXPECT_EQ(equilibria(c, Concept::Nash), (std::vector<std::string>{"a_defects+b_defects"}));
  for (Concept k : {Concept::GMR, Concept::SMR, Concept::SEQ})
    EXPECT_EQ(equilibria(c, k), (std::vector<std::string>{"none", "a_defects+b_defects"})) << concept_name(k);
  // SIM too: a defection is met by the other's defection at the same moment, which leaves the
  // defector worse off than mutual cooperation.
  EXPECT_EQ(equilibria(c, Concept::SIM), (std::vector<std::string>{"none", "a_defects+b_defects"}));
}

TEST(Stability, PrisonersTogetherCooperate) {
  // As a coalition the two prisoners can leave mutual defection for mutual cooperation, which both
  // prefer; from mutual cooperation no joint move helps both. No one outside can answer.
  const auto loaded = load_conflict(R"(conflict:
  options:
    - {id: a_defects, actor: AA, name: A defects}
    - {id: b_defects, actor: BB, name: B defects}
  status_quo: [a_defects, b_defects]
  preferences:
    AA: ["!b_defects", a_defects]
    BB: ["!a_defects", b_defects]
)");
  ASSERT_TRUE(loaded.ok());
  const GraphModel model(*loaded.scenario->conflict);
  const auto none = static_cast<std::size_t>(model.index_of(0)), both = static_cast<std::size_t>(model.index_of(3));
  const CoalitionStability c = analyse_coalition(model, {0, 1}, both);
  EXPECT_TRUE(c.nash[none]);
  EXPECT_FALSE(c.nash[both]);
  EXPECT_FALSE(c.seq[both]);
  EXPECT_EQ(c.improvements_from, std::vector<std::size_t>{none});
  // A coalition of one is the decision maker alone: its coalitional improvements are its UIs.
  const CoalitionStability alone = analyse_coalition(model, {0}, none);
  const StabilityTable table = analyse_stability(model);
  for (std::size_t s = 0; s < model.state_count(); ++s) {
    EXPECT_EQ(alone.nash[s], table.is_stable(Concept::Nash, 0, s));
    EXPECT_EQ(alone.seq[s], table.is_stable(Concept::SEQ, 0, s));
  }
}

TEST(Stability, Chicken) {
  // Both drive straight: a crash, worst for both; swerving alone is the next worst; both
  // swerving next; winning (the other swerves) best. Nash: one swerves. GMR and SMR add both
  // swerving (a dash for victory can be punished by a crash); SEQ does not, since crashing is no
  // improvement for the punisher.
  const auto loaded = load_conflict(R"(conflict:
  options:
    - {id: a_straight, actor: AA, name: A drives straight}
    - {id: b_straight, actor: BB, name: B drives straight}
  status_quo: []
  preferences:
    AA:
      ranking: ["a_straight", "none", "b_straight", "a_straight + b_straight"]
    BB:
      ranking: ["b_straight", "none", "a_straight", "a_straight + b_straight"]
)");
  ASSERT_TRUE(loaded.ok()) << ::testing::PrintToString(test::messages(loaded));
  const Conflict& c = *loaded.scenario->conflict;
  EXPECT_EQ(equilibria(c, Concept::Nash), (std::vector<std::string>{"a_straight", "b_straight"}));
  EXPECT_EQ(equilibria(c, Concept::GMR), (std::vector<std::string>{"none", "a_straight", "b_straight"}));
  EXPECT_EQ(equilibria(c, Concept::SMR), (std::vector<std::string>{"none", "a_straight", "b_straight"}));
  EXPECT_EQ(equilibria(c, Concept::SEQ), (std::vector<std::string>{"a_straight", "b_straight"}));
  // SIM keeps both swerving (a dash is met by the other's dash at the same moment: a crash) but
  // not the crash itself (both swerving at once leaves each better off).
  EXPECT_EQ(equilibria(c, Concept::SIM), (std::vector<std::string>{"none", "a_straight", "b_straight"}));
  EXPECT_EQ(statecraft::equilibria(GraphModel(c), Concept::SIM), (std::vector<bool>{true, true, true, false}));
}

TEST(Stability, SimultaneousSanctionsServeEveryImprovement) {
  // A has three improvements from the start (either or both of its options), and B one, which
  // taken at the same moment as any of A's leaves A worse off: the start is SIM stable for A.
  // This is the case the reference README (../shared/reference/gmcr/README.md) documents gmcr-py
  // getting wrong: its LogicalSolver.sim draws the opponents' move combinations from one iterator
  // shared across A's improvements, so once the first improvement's sanction is found, the later
  // ones find no combination left. The definition (Fang, Hipel & Kilgour 1993) tries every
  // combination for every improvement.
  const auto loaded = load_conflict(R"(conflict:
  options:
    - {id: a_one, actor: AA, name: A's first}
    - {id: a_two, actor: AA, name: A's second}
    - {id: b_one, actor: BB, name: B's}
  status_quo: []
  preferences:
    AA: ["!b_one", "a_one | a_two"]
    BB: [b_one]
)");
  ASSERT_TRUE(loaded.ok()) << ::testing::PrintToString(test::messages(loaded));
  const GraphModel model(*loaded.scenario->conflict);
  const StabilityTable table = analyse_stability(model);
  const auto start = static_cast<std::size_t>(model.index_of(0));
  std::size_t improvements = 0;
  model.for_each_improvement(0, start, [&](std::size_t) { ++improvements; });
  EXPECT_EQ(improvements, 3u);
  EXPECT_TRUE(table.is_stable(Concept::SIM, 0, start));
  EXPECT_FALSE(table.is_stable(Concept::Nash, 0, start));
  // Where B has already moved it has nothing left to sanction with: A's improvements stand.
  EXPECT_FALSE(table.is_stable(Concept::SIM, 0, static_cast<std::size_t>(model.index_of(4))));
}

TEST(Stability, ElmiraGroundwaterConflict) {
  // Fang, Hipel & Kilgour (1993): options Modify (MoE), Delay, Accept, Abandon (Uniroyal),
  // Insist (Local Government). In gmcr-py's numbering the strong equilibria are states 7 and 10
  // (the book's s5 and s8: MoE modifies, Uniroyal accepts, LG insists, the reported outcome),
  // stable under every concept; GMR and SMR add states 1 and 4.
  const auto loaded = load_scenario_file(test::source_path("tests/data/gmcr/Elmira.gmcr"));
  ASSERT_TRUE(loaded.ok());
  const GraphModel model(*loaded.scenario->conflict);
  const StabilityTable table = analyse_stability(model);
  auto numbers = [&](Concept c) {
    std::vector<std::size_t> out;
    for (std::size_t s = 0; s < model.state_count(); ++s)
      if (table.is_equilibrium(c, s)) out.push_back(s + 1);
    return out;
  };
  EXPECT_EQ(numbers(Concept::Nash), (std::vector<std::size_t>{5, 6, 7, 10, 11, 12}));
  EXPECT_EQ(numbers(Concept::SEQ), (std::vector<std::size_t>{5, 6, 7, 10, 11, 12}));
  EXPECT_EQ(numbers(Concept::GMR), (std::vector<std::size_t>{1, 4, 5, 6, 7, 10, 11, 12}));
  EXPECT_EQ(numbers(Concept::SMR), (std::vector<std::size_t>{1, 4, 5, 6, 7, 10, 11, 12}));
}

TEST(Stability, LargeConflictOfGmcrPy) {
  // gmcr-py's own trade example (20 options, 6 decision makers) is beyond gmcr-py: it builds
  // dense matrices of ~150 GB. Here it must simply run; its states are checked for consistency.
  const auto loaded = load_scenario_file(test::source_path("tests/data/gmcr/trade.gmcr"));
  ASSERT_TRUE(loaded.ok());
  const GraphModel model(*loaded.scenario->conflict);
  EXPECT_EQ(model.state_count(), 138240u);
  const StabilityTable table = analyse_stability(model);
  for (std::size_t s = 0; s < model.state_count(); s += 997) {
    // Nash stability implies every other concept (no improvement to sanction).
    for (std::size_t i = 0; i < model.decision_maker_count(); ++i)
      if (table.is_stable(Concept::Nash, i, s))
        for (Concept k : {Concept::GMR, Concept::SMR, Concept::SEQ}) EXPECT_TRUE(table.is_stable(k, i, s));
    // SMR stability implies GMR, and SEQ implies GMR.
    for (std::size_t i = 0; i < model.decision_maker_count(); ++i) {
      if (table.is_stable(Concept::SMR, i, s)) EXPECT_TRUE(table.is_stable(Concept::GMR, i, s));
      if (table.is_stable(Concept::SEQ, i, s)) EXPECT_TRUE(table.is_stable(Concept::GMR, i, s));
    }
  }
}

// A random conflict: options dealt round-robin to `makers` decision makers, each ranking states
// by 4 random statements (an option taken or not, or a pair); every state feasible and every
// option reversible, so that every decision maker is a free mover.
Conflict random_conflict(std::size_t options, std::size_t makers, unsigned seed) {
  std::mt19937 random(seed);
  Conflict c;
  for (std::size_t o = 0; o < options; ++o) c.options.push_back({"o" + std::to_string(o), "M" + std::to_string(o % makers), "option", Reversibility::Both, {}, {}, {}});
  std::uniform_int_distribution<std::size_t> pick(0, options - 1);
  auto statement = [&](const std::string& text) {
    Statement s;
    s.text = text;
    s.expression = std::get<Expression>(parse_expression(text));
    resolve_options(s.expression, [&](const std::string& id) -> std::optional<int> { return std::stoi(id.substr(1)); });
    return s;
  };
  for (std::size_t m = 0; m < makers; ++m) {
    Preferences p;
    p.actor = "M" + std::to_string(m);
    for (int k = 0; k < 4; ++k) {
      std::string text = (random() % 2 ? "!" : "") + c.options[pick(random)].id;
      if (k % 2) text += (random() % 2 ? " & " : " | ") + std::string(random() % 2 ? "!" : "") + c.options[pick(random)].id;
      p.statements.push_back(statement(text));
    }
    c.preferences.push_back(p);
  }
  c.status_quo_given = true;
  return c;
}

// The same conflict seen move by move: a misperception that hides no state makes a decision
// maker no free mover without changing anything it can do.
Conflict move_by_move(Conflict c, const std::vector<std::size_t>& makers) {
  for (std::size_t m : makers) {
    Statement never;
    never.text = "o0 & !o0";
    never.expression = std::get<Expression>(parse_expression(never.text));
    resolve_options(never.expression, [](const std::string&) -> std::optional<int> { return 0; });
    c.misperceptions.push_back({"M" + std::to_string(m), {never}, {}});
  }
  return c;
}

TEST(Stability, FreeMoversByGroupsAgreeWithMoveByMove) {
  // Groups of states replace moves for free movers; the answers must be the moves' answers, for
  // every concept, decision maker and state, and so must the paths from the status quo, with
  // two decision makers (where improvements close over one group) and more.
  for (std::size_t makers : {2, 3, 4})
    for (unsigned seed = 1; seed <= 6; ++seed) {
      const Conflict fast = random_conflict(9, makers, seed);
      std::vector<std::size_t> slow_ones;
      for (std::size_t m = 0; m < makers; ++m)
        if (m % 2 == seed % 2 || seed > 3) slow_ones.push_back(m);  // some runs mixed, some all move by move
      const Conflict slow = move_by_move(fast, slow_ones);
      const GraphModel a(fast), b(slow);
      for (std::size_t m = 0; m < makers; ++m) EXPECT_TRUE(a.free_mover(m));
      EXPECT_FALSE(b.free_mover(slow_ones.front()));
      const StabilityTable ta = analyse_stability(a), tb = analyse_stability(b);
      EXPECT_EQ(ta.stable, tb.stable) << makers << " decision makers, seed " << seed;
      const Evolution ea(a, 5), eb(b, 5);
      for (std::size_t s = 0; s < a.state_count(); ++s) {
        const auto pa = ea.path_to(s), pb = eb.path_to(s);
        ASSERT_EQ(pa.has_value(), pb.has_value()) << s;
        if (!pa) continue;
        ASSERT_EQ(pa->size(), pb->size()) << s;
        for (std::size_t k = 0; k < pa->size(); ++k) EXPECT_TRUE((*pa)[k].maker == (*pb)[k].maker && (*pa)[k].from == (*pb)[k].from) << s;
      }
    }
}

TEST(Stability, RefusesPastTheBudgetBeforeBuilding) {
  const Conflict c = random_conflict(12, 2, 1);
  EXPECT_THROW(check_stability_budget(c, 4096, 4095, 1e12), WorkTooLarge);
  EXPECT_NO_THROW(check_stability_budget(c, 4096, 4096, 1e12));
  EXPECT_THROW(check_stability_budget(c, 4096, 4096, stability_steps(c, 4096).total() - 1), WorkTooLarge);
  EXPECT_THROW(GraphModel(c, 4095), WorkTooLarge);
  // Free movers cost a pass over their groups; move by move, each of the 2^6 combinations.
  EXPECT_LT(stability_steps(c, 4096).total() * 4, stability_steps(move_by_move(c, {0, 1}), 4096).total());
}

}  // namespace
}  // namespace statecraft
