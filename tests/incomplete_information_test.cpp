// Games of incomplete information: the exact linear programs behind beliefs, and perfect Bayesian
// equilibria of the textbook signalling and reputation games, with their published answers.

#include <gtest/gtest.h>
#include <fmt/format.h>
#include <numeric>
#include <random>
#include <nlohmann/json.hpp>

#include "games/exact_lp.hpp"
#include "games/perfect_bayesian.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

using Relation = LinearProgram::Relation;

TEST(ExactLp, OptimumOfASmallProgram) {
  // max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 6,  x ≤ 3: optimum at (3, 1), value 11 (by hand).
  LinearProgram lp{2, {{{1, 1}, Relation::at_most, 4}, {{1, 3}, Relation::at_most, 6}, {{1, 0}, Relation::at_most, 3}}, {3, 2}};
  const auto s = solve_exact(lp);
  ASSERT_EQ(s.status, LinearProgramSolution::Status::optimal);
  EXPECT_EQ(s.x, (std::vector<mpq_class>{3, 1}));
  EXPECT_EQ(s.value, 11);
  EXPECT_TRUE(is_feasible(lp, s.x));
}

TEST(ExactLp, EqualitiesAndLowerBoundsNeedThePhaseOne) {
  // min x + y (max −x − y)  s.t.  x + 2y = 3,  x − y ≥ 1/3: of the two vertices, (3, 0) and
  // (11/9, 8/9), the second is the optimum, value −19/9.
  LinearProgram lp{2, {{{1, 2}, Relation::equal, 3}, {{1, -1}, Relation::at_least, mpq_class(1, 3)}}, {-1, -1}};
  const auto s = solve_exact(lp);
  ASSERT_EQ(s.status, LinearProgramSolution::Status::optimal);
  EXPECT_EQ(s.x, (std::vector<mpq_class>{mpq_class(11, 9), mpq_class(8, 9)}));
  EXPECT_EQ(s.value, mpq_class(-19, 9));
}

TEST(ExactLp, InfeasibleAndUnbounded) {
  LinearProgram infeasible{1, {{{1}, Relation::at_least, 2}, {{1}, Relation::at_most, 1}}, {}};
  EXPECT_EQ(solve_exact(infeasible).status, LinearProgramSolution::Status::infeasible);
  LinearProgram unbounded{2, {{{1, -1}, Relation::at_most, 1}}, {1, 0}};
  EXPECT_EQ(solve_exact(unbounded).status, LinearProgramSolution::Status::unbounded);
  // A negative right-hand side is flipped: −x ≤ −2 is x ≥ 2.
  LinearProgram flipped{1, {{{-1}, Relation::at_most, -2}}, {-1}};
  const auto s = solve_exact(flipped);
  ASSERT_EQ(s.status, LinearProgramSolution::Status::optimal);
  EXPECT_EQ(s.x[0], 2);
}

TEST(ExactLp, BealesCyclingExampleEndsUnderBlandsRule) {
  // Beale (1955): Dantzig's largest-coefficient rule cycles on this degenerate program; the
  // optimum is x1 = x3 = 1, value 3/4 + 1/2 (by hand: both first rows are then ≤ 0).
  LinearProgram lp{4,
                   {{{mpq_class(1, 4), -8, -1, 9}, Relation::at_most, 0},
                    {{mpq_class(1, 2), -12, mpq_class(-1, 2), 3}, Relation::at_most, 0},
                    {{0, 0, 1, 0}, Relation::at_most, 1}},
                   {mpq_class(3, 4), -20, mpq_class(1, 2), -6}};
  const auto s = solve_exact(lp);
  ASSERT_EQ(s.status, LinearProgramSolution::Status::optimal);
  EXPECT_EQ(s.value, mpq_class(5, 4));
  EXPECT_TRUE(is_feasible(lp, s.x));
}

Game tree_game(const std::string& actors, const std::string& game_yaml) {
  std::string yaml = "statecraft: 2\nid: g\ntitle: g\nactors:\n";
  for (std::size_t start = 0; start < actors.size();) {
    const std::size_t end = std::min(actors.find(' ', start), actors.size());
    const std::string actor = actors.substr(start, end - start);
    yaml += "  - {id: " + actor + ", name: " + actor + ", capability: 1}\n";
    start = end + 1;
  }
  const auto loaded = test::load_text(yaml + "games:\n" + game_yaml);
  EXPECT_TRUE(loaded.ok()) << ::testing::PrintToString(test::messages(loaded));
  return loaded.ok() ? loaded.scenario->games.at(0) : Game{};
}

// Cho & Kreps (1987), §II: the sender is strong (0.9) or weak (0.1); each type gains 1 from its
// preferred breakfast (beer for the strong, quiche for the weak) and 2 from not being fought; the
// receiver gains 1 from fighting a weak sender or leaving a strong one alone.
const char* beer_quiche = R"(  - id: beer_quiche
    players: [SND, RCV]
    tree:
      chance: {strong: 0.9, weak: 0.1}
      moves:
        strong:
          player: SND
          moves:
            beer: {player: RCV, infoset: after_beer, moves: {duel: {payoffs: [1, 0]}, decline: {payoffs: [3, 1]}}}
            quiche: {player: RCV, infoset: after_quiche, moves: {duel: {payoffs: [0, 0]}, decline: {payoffs: [2, 1]}}}
        weak:
          player: SND
          moves:
            beer: {player: RCV, infoset: after_beer, moves: {duel: {payoffs: [0, 1]}, decline: {payoffs: [2, 0]}}}
            quiche: {player: RCV, infoset: after_quiche, moves: {duel: {payoffs: [1, 1]}, decline: {payoffs: [3, 0]}}}
)";

TEST(PerfectBayesian, BeerQuicheHasTwoPoolingEquilibriaAndOnlyBeerIsIntuitive) {
  const Game g = tree_game("SND RCV", beer_quiche);
  const auto a = perfect_bayesian_equilibria(g);
  ASSERT_TRUE(a.signalling);
  EXPECT_EQ(a.signalling->types, (std::vector<std::string>{"strong", "weak"}));
  // Sets in the order met: the strong sender, the receiver after beer, after quiche, the weak sender.
  ASSERT_EQ(a.infosets.size(), 4u);
  EXPECT_EQ(a.infosets[1].label, "after_beer");
  EXPECT_EQ(a.profiles, 16);
  ASSERT_EQ(a.equilibria.size(), 2u);
  const auto& beer = a.equilibria[0];  // both drink beer; quiche would be fought
  EXPECT_EQ(beer.choice, (std::vector<std::size_t>{0, 1, 0, 0}));
  EXPECT_EQ(signalling_kind(a, beer), "pooling");
  EXPECT_EQ(beer.payoffs, (std::vector<mpq_class>{mpq_class(29, 10), mpq_class(9, 10)}));
  EXPECT_EQ(beer.belief[1], (std::vector<mpq_class>{mpq_class(9, 10), mpq_class(1, 10)}));  // Bayes: the prior
  EXPECT_FALSE(beer.reached[2]);
  // To fight after quiche the receiver must believe the sender weak with probability ≥ 1/2.
  ASSERT_TRUE(beer.supporting_range[2]);
  EXPECT_EQ(beer.supporting_range[2]->first, 0);
  EXPECT_EQ(beer.supporting_range[2]->second, mpq_class(1, 2));
  EXPECT_EQ(beer.intuitive, true);
  const auto& quiche = a.equilibria[1];
  EXPECT_EQ(quiche.choice, (std::vector<std::size_t>{1, 0, 1, 1}));
  EXPECT_EQ(signalling_kind(a, quiche), "pooling");
  EXPECT_EQ(quiche.intuitive, false);  // the strong type would break it by drinking beer
  EXPECT_EQ(quiche.breaking_type, "strong");
  EXPECT_EQ(quiche.breaking_message, "beer");
  // Either pool needs the receiver to leave the pooled sender alone: a prior of strong ≥ 1/2.
  for (const auto& e : a.equilibria) {
    ASSERT_TRUE(e.prior_range);
    EXPECT_EQ(e.prior_range->first, mpq_class(1, 2));
    EXPECT_EQ(e.prior_range->second, 1);
  }
  EXPECT_TRUE(a.at_other_priors.empty());  // below 1/2 no pure strategies are an equilibrium
}

// Spence (1973) with two types: a worker is able (1/3) or not; education costs the able 1/2 and
// the others 3/2; the firm pays 2 for skilled work or 1, and gains 1 when it pays the worker's worth.
const char* job_market = R"(  - id: job_market
    players: [WRK, FRM]
    tree:
      chance: {able: 1/3, unable: 2/3}
      moves:
        able:
          player: WRK
          moves:
            educate: {player: FRM, infoset: educated, moves: {skilled: {payoffs: [1.5, 1]}, unskilled: {payoffs: [0.5, 0]}}}
            none: {player: FRM, infoset: uneducated, moves: {skilled: {payoffs: [2, 1]}, unskilled: {payoffs: [1, 0]}}}
        unable:
          player: WRK
          moves:
            educate: {player: FRM, infoset: educated, moves: {skilled: {payoffs: [0.5, 0]}, unskilled: {payoffs: [-0.5, 1]}}}
            none: {player: FRM, infoset: uneducated, moves: {skilled: {payoffs: [2, 0]}, unskilled: {payoffs: [1, 1]}}}
)";

TEST(PerfectBayesian, JobMarketSignallingSeparatesAndThePoolFailsTheIntuitiveCriterion) {
  const auto a = perfect_bayesian_equilibria(tree_game("WRK FRM", job_market));
  ASSERT_EQ(a.equilibria.size(), 2u);
  const auto& pool = a.equilibria[1];  // nobody studies; a graduate would be taken for unable
  EXPECT_EQ(signalling_kind(a, pool), "pooling");
  EXPECT_EQ(pool.choice, (std::vector<std::size_t>{1, 1, 1, 1}));
  EXPECT_EQ(pool.intuitive, false);
  EXPECT_EQ(pool.breaking_type, "able");
  EXPECT_EQ(pool.breaking_message, "educate");
  const auto& separate = a.equilibria[0];  // the able study and are paid as skilled
  EXPECT_EQ(signalling_kind(a, separate), "separating");
  EXPECT_EQ(separate.choice, (std::vector<std::size_t>{0, 0, 1, 1}));
  EXPECT_EQ(separate.belief[1], (std::vector<mpq_class>{1, 0}));
  EXPECT_EQ(separate.intuitive, true);
  // Separation holds at every prior; the pool only while the firm pays the uneducated as unskilled.
  ASSERT_TRUE(separate.prior_range && pool.prior_range);
  EXPECT_EQ(*separate.prior_range, (std::pair<mpq_class, mpq_class>{0, 1}));
  EXPECT_EQ(*pool.prior_range, (std::pair<mpq_class, mpq_class>{0, mpq_class(1, 2)}));
}

// Cheap talk (Crawford & Sobel 1982, in two states): a costless message about the state, which
// is left or right with equal odds; the receiver gains 1 from matching it and 0.6 from the middle.
std::string cheap_talk(bool aligned) {
  const std::string left_sender = aligned ? "left: {payoffs: [1, 1]}, middle: {payoffs: [0.6, 0.6]}, right: {payoffs: [0, 0]}"
                                          : "left: {payoffs: [0, 1]}, middle: {payoffs: [1, 0.6]}, right: {payoffs: [2, 0]}";
  const std::string right_sender = aligned ? "left: {payoffs: [0, 0]}, middle: {payoffs: [0.6, 0.6]}, right: {payoffs: [1, 1]}"
                                           : "left: {payoffs: [0, 0]}, middle: {payoffs: [1, 0.6]}, right: {payoffs: [2, 1]}";
  std::string yaml = "  - id: cheap_talk\n    players: [SND, RCV]\n    tree:\n      chance: {left: 1/2, right: 1/2}\n      moves:\n";
  for (const auto& [state, answers] : {std::pair{"left", left_sender}, std::pair{"right", right_sender}}) {
    yaml += std::string("        ") + state + ":\n          player: SND\n          moves:\n";
    for (const char* message : {"says_left", "says_right"})
      yaml += std::string("            ") + message + ": {player: RCV, infoset: " + message + ", moves: {" + answers + "}}\n";
  }
  return yaml;
}

TEST(PerfectBayesian, CheapTalkWithABiasedSenderOnlyBabbles) {
  const auto a = perfect_bayesian_equilibria(tree_game("SND RCV", cheap_talk(false)));
  ASSERT_FALSE(a.equilibria.empty());
  for (const auto& e : a.equilibria) {
    EXPECT_EQ(signalling_kind(a, e), "pooling");
    const std::size_t message = e.choice[0];  // the left sender's message, which both send
    const std::size_t answer_set = message == 0 ? 1 : 2;
    EXPECT_EQ(a.infosets[answer_set].actions[e.choice[answer_set]], "middle");  // the message tells nothing
    EXPECT_EQ(e.belief[answer_set], (std::vector<mpq_class>{mpq_class(1, 2), mpq_class(1, 2)}));
  }
}

TEST(PerfectBayesian, CheapTalkWithAlignedInterestsAlsoInforms) {
  const auto a = perfect_bayesian_equilibria(tree_game("SND RCV", cheap_talk(true)));
  std::size_t separating = 0, babbling = 0;
  for (const auto& e : a.equilibria) (signalling_kind(a, e) == "separating" ? separating : babbling) += 1;
  EXPECT_EQ(separating, 2u);  // "left" means left, or "left" means right
  EXPECT_GE(babbling, 2u);    // and the babbling ones survive: talk can always be ignored
}

// A chain store (Selten 1978; Kreps & Wilson 1982) over two markets: the incumbent is tough (it
// likes to fight, 0.6) or weak; each entrant gains 1 from entering against accommodation, −1
// against a fight, 0 out; the incumbent earns 4 from a market left alone, 0 accommodating, and
// 3 (tough) or −2 (weak) fighting. The second entrant sees what happened in the first market.
std::string chain_store() {
  auto second_market = [](const std::string& type, const std::string& e2_set, int first_incumbent, int first_entrant) {
    const int fight = type == "tough" ? 3 : -2;
    auto pay = [&](int incumbent, int entrant) {
      return "{payoffs: {INC: " + std::to_string(first_incumbent + incumbent) + ", EN1: " + std::to_string(first_entrant) + ", EN2: " + std::to_string(entrant) + "}}";
    };
    return "{player: EN2, infoset: " + e2_set + ", moves: {out: " + pay(4, 0) + ", in: {player: INC, moves: {fight: " + pay(fight, -1) + ", accommodate: " + pay(0, 1) + "}}}}";
  };
  std::string yaml = "  - id: chain_store\n    players: [EN1, INC, EN2]\n    tree:\n      chance: {tough: 0.6, weak: 0.4}\n      moves:\n";
  for (const std::string type : {"tough", "weak"}) {
    const int fight = type == "tough" ? 3 : -2;
    yaml += "        " + type + ":\n          player: EN1\n          infoset: first_entrant\n          moves:\n";
    yaml += "            out: " + second_market(type, "after_out", 4, 0) + "\n";
    yaml += "            in:\n              player: INC\n              moves:\n";
    yaml += "                fight: " + second_market(type, "after_fight", fight, -1) + "\n";
    yaml += "                accommodate: " + second_market(type, "after_accommodation", 0, 1) + "\n";
  }
  return yaml;
}

TEST(PerfectBayesian, ChainStoreReputationDetersBothEntrants) {
  const auto a = perfect_bayesian_equilibria(tree_game("EN1 INC EN2", chain_store()));
  EXPECT_EQ(a.infosets.size(), 12u);  // the first entrant, 3 of the second, 4 incumbent nodes per type
  EXPECT_FALSE(a.signalling);
  ASSERT_EQ(a.equilibria.size(), 1u);
  const auto& e = a.equilibria[0];
  auto move_at = [&](const std::string& where) {
    for (std::size_t s = 0; s < a.infosets.size(); ++s)
      for (const auto& node : a.infosets[s].nodes)
        if (node == where) return a.infosets[s].actions[e.choice[s]];
    return std::string("?");
  };
  EXPECT_EQ(move_at("tough"), "out");              // the first entrant stays out
  EXPECT_EQ(move_at("tough / out"), "out");        // and so does the second
  EXPECT_EQ(move_at("weak / in"), "fight");        // the weak incumbent would fight to look tough
  EXPECT_EQ(move_at("weak / in / fight / in"), "accommodate");  // but not in the last market
  EXPECT_EQ(move_at("weak / in / fight"), "out");  // after a fight the second stays out: belief tough 0.6, by Bayes' rule
  EXPECT_EQ(move_at("weak / in / accommodate"), "in");
  EXPECT_EQ(e.payoffs, (std::vector<mpq_class>{0, 8, 0}));
  // Off the path after a fight, both types fight, so the odds stay the prior's.
  std::size_t after_fight = 0;
  while (a.infosets[after_fight].label != "after_fight") ++after_fight;
  EXPECT_FALSE(e.reached[after_fight]);
  EXPECT_EQ(e.belief[after_fight], (std::vector<mpq_class>{mpq_class(3, 5), mpq_class(2, 5)}));
  // The reputation holds while the entrants think the incumbent tough at least as likely as not.
  ASSERT_TRUE(e.prior_range);
  EXPECT_EQ(*e.prior_range, (std::pair<mpq_class, mpq_class>{mpq_class(1, 2), 1}));
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

// Beer–quiche in the `types` shorthand: the tree written once, payoffs by the sender's type.
const char* typed_beer_quiche = R"(  - id: beer_quiche
    players: [SND, RCV]
    types:
      SND: {strong: 0.9, weak: {probability: 0.1, name: "a weak sender", note: "Cho & Kreps's prior"}}
    tree:
      player: SND
      moves:
        beer:
          player: RCV
          moves:
            duel: {payoffs: {SND: {strong: 1, weak: 0}, RCV: {strong: 0, weak: 1}}}
            decline: {payoffs: {SND: {strong: 3, weak: 2}, RCV: {strong: 1, weak: 0}}}
        quiche:
          player: RCV
          moves:
            duel: {payoffs: [{strong: 0, weak: 1}, {strong: 0, weak: 1}]}
            decline: {payoffs: {SND: {strong: 2, weak: 3}, RCV: {strong: 1, weak: 0}}}
)";

TEST(PrivateTypes, TheShorthandIsTheGameWrittenOut) {
  const Game typed = tree_game("SND RCV", typed_beer_quiche);
  ASSERT_EQ(typed.types.size(), 1u);
  EXPECT_EQ(typed.types[0].types[1].name, "a weak sender");
  ASSERT_EQ(typed.tree.kind, GameNode::Kind::Chance);
  EXPECT_EQ(typed.tree.moves, (std::vector<std::string>{"strong", "weak"}));
  EXPECT_EQ(typed.tree.probabilities[1].text, "1/10");
  const auto a = perfect_bayesian_equilibria(typed);
  const auto b = perfect_bayesian_equilibria(tree_game("SND RCV", beer_quiche));
  ASSERT_TRUE(a.signalling);
  ASSERT_EQ(a.equilibria.size(), b.equilibria.size());
  for (std::size_t k = 0; k < a.equilibria.size(); ++k) {
    EXPECT_EQ(a.equilibria[k].choice, b.equilibria[k].choice);
    EXPECT_EQ(a.equilibria[k].payoffs, b.equilibria[k].payoffs);
    EXPECT_EQ(a.equilibria[k].intuitive, b.equilibria[k].intuitive);
  }
  // The receiver's sets join the two types; the sender's are its own per type.
  EXPECT_EQ(a.infosets[1].nodes, (std::vector<std::string>{"strong / beer", "weak / beer"}));
  EXPECT_EQ(a.infosets[0].nodes, (std::vector<std::string>{"strong"}));
}

TEST(PrivateTypes, TwoTypedPlayersDrawIndependently) {
  const Game g = tree_game("AAA BBB", R"(  - id: two_sided
    players: [AAA, BBB]
    types:
      AAA: {hawk: 1/4, dove: 3/4}
      BBB: {tough: 1/3, soft: 2/3}
    tree:
      player: AAA
      moves:
        fight: {payoffs: {AAA: {hawk: {tough: -1, soft: 2}, dove: -2}, BBB: {tough: 1, soft: -1}}}
        yield: {payoffs: [0, 1]}
)");
  ASSERT_EQ(g.tree.moves, (std::vector<std::string>{"hawk, tough", "hawk, soft", "dove, tough", "dove, soft"}));
  EXPECT_EQ(g.tree.probabilities[1].text, "1/6");
  EXPECT_EQ(g.tree.children[1].children[0].payoffs.values[0].value, 2);   // a hawk against a soft opponent
  EXPECT_EQ(g.tree.children[2].children[0].payoffs.values[0].value, -2);  // a dove, whoever it fights
  EXPECT_EQ(g.tree.children[0].infoset, "@ root | hawk");  // AAA knows its own type only
  EXPECT_EQ(g.tree.children[1].infoset, "@ root | hawk");
}

TEST(PrivateTypes, AMoveOpenToSomeTypesOnly) {
  // Only the committed type can stage the call; the receiver, seeing a call, knows who made it.
  const Game g = tree_game("RUS USA", R"(  - id: staged
    players: [RUS, USA]
    types:
      RUS: {committed: 0.3, bluffing: 0.7}
    tree:
      player: RUS
      moves:
        staged_call:
          open_to: [committed]
          player: USA
          moves: {concede: {payoffs: [2, 0]}, resist: {payoffs: [0, -1]}}
        silence:
          player: USA
          moves: {concede: {payoffs: [1, {committed: 0, bluffing: 1}]}, resist: {payoffs: [{committed: -1, bluffing: 0}, {committed: -2, bluffing: 2}]}}
)");
  EXPECT_EQ(g.tree.children[0].moves, (std::vector<std::string>{"staged_call", "silence"}));
  EXPECT_EQ(g.tree.children[1].moves, (std::vector<std::string>{"silence"}));
  const auto a = perfect_bayesian_equilibria(g);
  EXPECT_FALSE(a.signalling);  // the types do not have the same messages
  ASSERT_EQ(a.equilibria.size(), 1u);
  // The committed type calls and is conceded to; silence then means a bluffer, and is resisted.
  ASSERT_EQ(a.infosets.size(), 4u);
  EXPECT_EQ(a.infosets[2].nodes, (std::vector<std::string>{"committed / silence", "bluffing / silence"}));
  const auto& choice = a.equilibria[0].choice;
  EXPECT_EQ(a.infosets[0].actions[choice[0]], "staged_call");
  EXPECT_EQ(a.infosets[1].actions[choice[1]], "concede");
  EXPECT_EQ(a.infosets[2].actions[choice[2]], "resist");
  EXPECT_EQ(a.equilibria[0].belief[2], (std::vector<mpq_class>{0, 1}));
}

std::vector<std::string> errors_of(const std::string& game_yaml) {
  const auto loaded = test::load_text("statecraft: 2\nid: g\ntitle: g\nactors:\n  - {id: RUS, name: R, capability: 1}\n  - {id: USA, name: U, capability: 1}\ngames:\n" +
                                      game_yaml);
  return test::messages(loaded);
}

TEST(PrivateTypes, BadTypesArePointedAt) {
  const std::string head = "  - id: t\n    players: [RUS, USA]\n    types:\n";
  EXPECT_EQ(errors_of(head + "      RUS: {hard: 0.5, soft: 0.4}\n    tree: {player: RUS, moves: {a: {payoffs: [1, 2]}}}\n"),
            (std::vector<std::string>{"11:7: RUS's type priors sum to 9/10, not 1"}));
  EXPECT_EQ(errors_of(head + "      RUS: {hard: 1.5, soft: -0.5}\n    tree: {player: RUS, moves: {a: {payoffs: [1, 2]}}}\n"),
            (std::vector<std::string>{"11:19: a prior probability must be in [0, 1], found 1.5", "11:30: a prior probability must be in [0, 1], found -0.5"}));
  EXPECT_EQ(errors_of(head + "      CHN: {hard: 1}\n    tree: {player: RUS, moves: {a: {payoffs: [1, 2]}}}\n"),
            (std::vector<std::string>{"11:7: 'CHN' is not among the game's players (RUS, USA)"}));
  EXPECT_EQ(errors_of(head + "      RUS: {hard: 0.5, soft: 0.5}\n    tree: {player: RUS, moves: {a: {payoffs: [{hard: 1}, 2]}}}\n"),
            (std::vector<std::string>{"12:47: no payoff for RUS's type 'soft'"}));
  EXPECT_EQ(errors_of(head + "      RUS: {hard: 0.5, soft: 0.5}\n    tree: {player: RUS, moves: {a: {payoffs: [{hard: 1, firm: 3}, 2]}}}\n"),
            (std::vector<std::string>{
                "12:47: no payoff for RUS's type 'soft'",
                "12:57: 'firm' is not a type of this game's players (a payoff that differs by type maps each type of one player to its value)"}));
  EXPECT_EQ(errors_of(head + "      RUS: {hard: 0.5, soft: 0.5}\n    tree: {player: RUS, moves: {a: {open_to: [], payoffs: [1, 2]}, b: {payoffs: [0, 0]}}}\n"),
            (std::vector<std::string>{"12:46: open_to lists no type: nobody could make this move"}));
  EXPECT_EQ(errors_of(head + "      RUS: {hard: 0.5, soft: 0.5}\n    tree: {player: RUS, moves: {a: {open_to: [hard], payoffs: [1, 2]}}}\n"),
            (std::vector<std::string>{"12:11: RUS's type 'soft' has no move here: every move is open to other types only"}));
  EXPECT_EQ(errors_of(head + "      RUS: {hard: 0.5, soft: 0.5}\n    tree: {player: USA, moves: {a: {open_to: [hard], payoffs: [1, 2]}, b: {payoffs: [0, 0]}}}\n"),
            (std::vector<std::string>{"12:36: open_to keeps a move for some of the mover's types, and 'USA' has no types"}));
  EXPECT_EQ(errors_of("  - id: t\n    players: [RUS, USA]\n    types: {RUS: {hard: 1}}\n    strategies: {RUS: [a], USA: [b]}\n    payoffs: {a: {b: [1, 1]}}\n"),
            (std::vector<std::string>{"10:12: types belong to a game tree: the tree is played once chance has drawn them"}));
}

TEST(PrivateTypes, ATreeTooLargeToDrawOutIsRefused) {
  // 2^20 profiles of types (twenty players of two types each would be needed; here one player
  // of 2000 types and a tree of 1001 nodes).
  std::string types = "      RUS: {";
  for (int t = 0; t < 2000; ++t) types += (t ? ", t" : "t") + std::to_string(t) + ": 1/2000";
  types += "}\n";
  std::string moves;
  for (int m = 0; m < 1000; ++m) moves += (m ? ", m" : "m") + std::to_string(m) + ": {payoffs: [0, 0]}";
  const auto errors = errors_of("  - id: t\n    players: [RUS, USA]\n    types:\n" + types + "    tree: {player: USA, moves: {" + moves + "}}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "12:11: drawn out for every profile of types (2000), this tree would have 2002001 nodes, more than the limit of 1000000");
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(PerfectBayesianCommand, SolveExplainsASignallingGameInWords) {
  const auto r = test::run_statecraft("solve '" + test::source_path("tests/data/incomplete/beer_quiche.efg") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* line : {"private information: chance draws Sender's type, strong 90 % (9/10), weak 10 % (1/10), which only it sees",
                           "1. pooling: Sender chooses beer whatever its type, and Receiver answers beer with decline",
                           "Receiver after Sender quiche: duel (never reached; it takes believing strong at most 50 % (1/2))",
                           "an equilibrium while the prior of strong is at least 50 % (1/2) (it is 90 % (9/10))",
                           "fails the Intuitive Criterion (Cho & Kreps 1987): the answer to beer rests on suspecting weak"})
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
}

TEST(PerfectBayesianCommand, TooManyProfilesAreNotEnumerated) {
  const auto r = test::run_statecraft("solve '" + test::source_path("tests/data/incomplete/beer_quiche.efg") + "' --max-profiles 10");
  EXPECT_EQ(r.exit_code, 0) << r.err;  // the sequence form still answers
  EXPECT_NE(r.err.find("not run: perfect Bayesian equilibria: the tree has 16 pure strategy profiles (4 information sets), more than"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("a sequential equilibrium in behaviour strategies"), std::string::npos) << r.out;
  // What the receiver would do after quiche, which nobody drinks, and what it believes there.
  EXPECT_NE(r.out.find("Sender quiche (and 1 other node it cannot tell apart): duel 50 % (1/2), decline 50 % (1/2) (off the path of play: what it would do if it got there)\n"
                       "      believing: after chance: strong, then Sender quiche 50 % (1/2); after chance: weak, then Sender quiche 50 % (1/2)\n"),
            std::string::npos)
      << r.out;
  const auto json = test::run_statecraft("solve '" + test::source_path("tests/data/incomplete/beer_quiche.efg") + "' --max-profiles 10 --format json");
  const auto receiver = nlohmann::json::parse(json.out)["games"][0]["sequential_equilibrium"]["behavior"]["Receiver"];
  ASSERT_EQ(receiver.size(), 2u) << json.out;
  EXPECT_EQ(receiver[1]["reached"], true);  // by the receiver's own moves: there are none before it
  EXPECT_EQ(receiver[1]["belief_exact"]["weak / quiche"], "1/2");
  EXPECT_EQ(receiver[1]["actions_exact"]["duel"], "1/2");
}

}  // namespace
}  // namespace statecraft

#include "games/backward_induction.hpp"
#include "formats/gambit_efg.hpp"
#include "games/quasi_perfect.hpp"

namespace statecraft {
namespace {

std::string behavior_of(const SequenceForm& form, const SequentialEquilibrium& e, std::size_t player, std::size_t set) {
  std::string out;
  for (std::size_t c = 0; c < form.infosets[player][set].actions.size(); ++c)
    out += (c ? " " : "") + form.infosets[player][set].actions[c] + "=" + e.play.behavior[player][set][c].get_str();
  return out;
}

// An entrant stays out (0 to it, 2 to the incumbent) or enters with technology A or B; the
// incumbent sees entry but not the technology. Accommodating beats fighting at both nodes (1 > −1
// after A, 1 > 0 after B), so in every sequential equilibrium the incumbent accommodates and the
// entrant enters with A (1, against 0 with B). Staying out against a threat to fight is a Nash
// equilibrium too, one the threat's emptiness rules out.
const char* entry_with_technologies = R"(  - id: entry
    players: [ENT, INC]
    tree:
      player: ENT
      moves:
        out: {payoffs: [0, 2]}
        in_a: {player: INC, infoset: entered, moves: {fight: {payoffs: [-1, -1]}, accommodate: {payoffs: [1, 1]}}}
        in_b: {player: INC, infoset: entered, moves: {fight: {payoffs: [-1, 0]}, accommodate: {payoffs: [0, 1]}}}
)";

TEST(QuasiPerfect, AnEmptyThreatBehindAnInformationSetIsNotCarriedOut) {
  const SequenceForm form = sequence_form(tree_game("ENT INC", entry_with_technologies));
  const SequentialEquilibrium e = quasi_perfect_equilibrium(form);
  EXPECT_EQ(behavior_of(form, e, 0, 0), "out=0 in_a=1 in_b=0");
  EXPECT_EQ(behavior_of(form, e, 1, 0), "fight=0 accommodate=1");
  EXPECT_EQ(e.beliefs[1][0], (std::vector<mpq_class>{1, 0}));  // Bayes' rule on the path
  EXPECT_EQ(e.play.payoffs, (std::array<mpq_class, 2>{1, 1}));
  EXPECT_TRUE(is_sequentially_rational(form, e));

  // The checker can fail: the threat to fight, played as if it would be carried out.
  SequentialEquilibrium threat = e;
  threat.play.behavior[1][0] = {1, 0};
  EXPECT_FALSE(is_sequentially_rational(form, threat));
}

// The sender stays out (2, 0) or enters left or right; the receiver, not seeing which, answers l
// (2 after left, 0 after right) or r (0 after left, 1 after right). Out is best for the sender
// whatever the receiver does, so the receiver's set is off the path and plain Nash equilibrium
// lets it do anything. Under the perturbation each entry is a mistake of the same order (ε each),
// so the receiver believes left and right equally likely, and then l is worth 1, r 1/2 (by hand).
// The sender's entry game, with the receiver's answers after "right" as given.
SequenceForm off_path_game(const std::string& after_right) {
  return sequence_form(tree_game("SND RCV", R"(  - id: off_path
    players: [SND, RCV]
    tree:
      player: SND
      moves:
        out: {payoffs: [2, 0]}
        left: {player: RCV, infoset: entered, moves: {l: {payoffs: [1, 2]}, r: {payoffs: [0, 0]}}}
        right: {player: RCV, infoset: entered, moves: )" + after_right + "}\n"));
}

TEST(QuasiPerfect, OffThePathBeliefsComeFromTheMistakes) {
  const SequenceForm form = off_path_game("{l: {payoffs: [0, 0]}, r: {payoffs: [1, 1]}}");
  const SequentialEquilibrium e = quasi_perfect_equilibrium(form);
  EXPECT_EQ(behavior_of(form, e, 0, 0), "out=1 left=0 right=0");
  EXPECT_EQ(e.beliefs[1][0], (std::vector<mpq_class>{mpq_class(1, 2), mpq_class(1, 2)}));
  EXPECT_EQ(behavior_of(form, e, 1, 0), "l=1 r=0");
  EXPECT_EQ(e.play.realization[1], (std::vector<mpq_class>{1, 1, 0}));
}

// A move that pays its mover nothing wherever it leads, at a set reached only by mistakes: its
// worth is the zero polynomial, and its limit value 0 (a random tree of depth 7 once failed here).
TEST(QuasiPerfect, AMoveWorthNothingOffThePath) {
  const SequenceForm form = off_path_game("{l: {payoffs: [0, -1]}, r: {payoffs: [1, 0]}}");
  const SequentialEquilibrium e = quasi_perfect_equilibrium(form);
  EXPECT_EQ(behavior_of(form, e, 1, 0), "l=1 r=0");  // l is worth (2 − 1)/2 = 1/2 against r's 0
  EXPECT_TRUE(is_sequentially_rational(form, e));
}

// Beer–quiche: the perturbation reaches the beer pool. Each type drinks quiche by mistake with
// probability ε at least, so a receiver who saw quiche would believe the weak type only 1/10
// likely and not duel, and then the weak type would rather have quiche. In the perturbed game the
// weak type drinks quiche (9ε) until the receiver is indifferent (belief 1/2), and the receiver
// duels after quiche half the time, which leaves the weak type indifferent (1 + 2·1/2 = 2, by
// hand). The limit: both drink beer, and after quiche the receiver believes weak and strong
// equally likely and duels with probability 1/2, the Intuitive Criterion's beliefs' edge.
TEST(QuasiPerfect, BeerQuicheEndsInTheBeerPool) {
  const SequenceForm form = sequence_form(tree_game("SND RCV", beer_quiche));
  const SequentialEquilibrium e = quasi_perfect_equilibrium(form);
  ASSERT_EQ(form.infosets[0].size(), 2u);
  EXPECT_EQ(behavior_of(form, e, 0, 0), "beer=1 quiche=0");  // strong
  EXPECT_EQ(behavior_of(form, e, 0, 1), "beer=1 quiche=0");  // weak
  ASSERT_EQ(form.infosets[1].size(), 2u);
  EXPECT_EQ(behavior_of(form, e, 1, 0), "duel=0 decline=1");  // after beer
  EXPECT_EQ(e.beliefs[1][0], (std::vector<mpq_class>{mpq_class(9, 10), mpq_class(1, 10)}));
  EXPECT_EQ(behavior_of(form, e, 1, 1), "duel=1/2 decline=1/2");  // after quiche, off the path
  EXPECT_EQ(e.beliefs[1][1], (std::vector<mpq_class>{mpq_class(1, 2), mpq_class(1, 2)}));
  EXPECT_EQ(e.play.payoffs, (std::array<mpq_class, 2>{mpq_class(29, 10), mpq_class(9, 10)}));
}

std::string behavior_row(const SequentialEquilibrium& e) {
  std::string row = "NE";
  for (const auto& player : e.play.behavior)
    for (const auto& set : player)
      for (const auto& p : set) row += "," + p.get_str();
  return row;
}

// Van Damme's game (Gambit's vd.efg): player 1 keeps (K) or waives (W) and then picks A or B
// unseen by player 2. gambit-lcp's equilibrium plays K, then B and b, and leaves player 1's set
// after W (never reached) at the uniform 1/2, 1/2 it prints for such sets; that is no choice a
// player there would make (against b, A pays −1 and B 0). The quasi-perfect equilibrium is the
// same play with B there: gambit-enumpure's fourth pure equilibrium, its blank filled in.
TEST(QuasiPerfect, VanDammesGameGetsARationalMoveWhereLemkeLeavesAFiller) {
  const SequenceForm form = sequence_form(test::load_efg("vd.efg"));
  EXPECT_EQ(test::read_file(test::source_path("tests/data/games/vd.efg.lcp.out")), "NE,0,1,1/2,1/2,0,1,0,1,0,1\n");
  const SequentialEquilibrium e = quasi_perfect_equilibrium(form);
  EXPECT_EQ(behavior_row(e), "NE,0,1,0,1,0,1,0,1,0,1");
  EXPECT_EQ(e.play.payoffs, (std::array<mpq_class, 2>{1, 3}));
}

// A branch chance never takes (probability 0): no mistake reaches the sets below it, so no belief
// follows there (the uniform one fills in) and nothing there is checked; the rest is solved.
TEST(QuasiPerfect, SetsBelowAChanceMoveOfProbabilityZero) {
  Diagnostics d("zero");
  const auto g = read_efg(R"(EFG 2 R "a branch never taken" { "P1" "P2" }
c "" 1 "" { "L" 1 "R" 0 } 0
p "" 1 1 "" { "a" "b" } 0
t "" 1 "" { 1, 1 }
t "" 2 "" { 0, 3 }
p "" 2 1 "" { "x" "y" } 0
p "" 1 2 "" { "c" "d" } 0
t "" 3 "" { 2, 1 }
t "" 4 "" { 0, 2 }
p "" 1 2 "" { "c" "d" } 0
t "" 5 "" { 0, 1 }
t "" 6 "" { 1, 2 }
)", d);
  ASSERT_TRUE(g.has_value());
  const SequenceForm form = sequence_form(*g);
  const SequentialEquilibrium e = quasi_perfect_equilibrium(form);
  EXPECT_EQ(behavior_of(form, e, 0, 0), "a=1 b=0");  // after L, the only branch that happens
  EXPECT_EQ(e.beliefs[0][1], (std::vector<mpq_class>{mpq_class(1, 2), mpq_class(1, 2)}));
  EXPECT_EQ(e.play.payoffs, (std::array<mpq_class, 2>{1, 1}));
}

// Random trees with ties everywhere (payoffs in {−1, 0, 1}), chance moves, and the second player
// not seeing the first's last move (the two nodes after it share a set): Lemke's symbolic path
// always ends, and its limit passes the exact checks (a Nash equilibrium, sequentially rational at
// every set), with every mix and belief summing to 1.
std::string random_tree(unsigned seed, int depth) {
  std::mt19937 random(seed);
  std::string out = "EFG 2 R \"random\" { \"P1\" \"P2\" }\n\"\"\n";
  int outcomes = 0, first_sets = 0, second_sets = 0, chances = 0;
  auto leaf = [&] { out += fmt::format("t \"\" {} \"\" {{ {} {} }}\n", ++outcomes, static_cast<int>(random() % 3) - 1, static_cast<int>(random() % 3) - 1); };
  // `second_set`: the set a second-player node joins (0: a new one).
  auto node = [&](auto&& self, int level, bool first_moves, int second_set) -> void {
    if (level >= depth) return leaf();
    if (first_moves) {
      out += fmt::format("p \"\" 1 {} \"\" {{ \"L\" \"R\" }} 0\n", ++first_sets);
      const int shared = ++second_sets;
      self(self, level + 1, false, -shared);  // the first child opens the set, the second joins it
      self(self, level + 1, false, shared);
      return;
    }
    if (second_set < 0) out += fmt::format("p \"\" 2 {} \"\" {{ \"l\" \"r\" }} 0\n", -second_set);
    else out += fmt::format("p \"\" 2 {} \"\" 0\n", second_set);
    for (int child = 0; child < 2; ++child) {
      const unsigned kind = random() % 6;
      if (kind == 0) {
        leaf();
      } else if (kind == 1) {
        out += fmt::format("c \"\" {} \"\" {{ \"h\" 1/3 \"t\" 2/3 }} 0\n", ++chances);
        self(self, level + 1, true, 0);
        self(self, level + 1, true, 0);
      } else {
        self(self, level + 1, true, 0);
      }
    }
  };
  node(node, 0, true, 0);
  return out;
}

TEST(QuasiPerfect, RandomTreesWithTiesPassTheExactChecks) {
  for (unsigned seed = 1; seed <= 40; ++seed) {
    Diagnostics d("random");
    const auto g = read_efg(random_tree(seed, 4 + static_cast<int>(seed % 2)), d);
    ASSERT_TRUE(g.has_value()) << seed << ": " << (d.empty() ? "" : format_diagnostic(d.all()[0]));
    const SequenceForm form = sequence_form(*g);
    const SequentialEquilibrium e = quasi_perfect_equilibrium(form);  // throws unless Nash and sequentially rational
    for (std::size_t p = 0; p < 2; ++p)
      for (std::size_t h = 0; h < form.infosets[p].size(); ++h) {
        EXPECT_EQ(std::accumulate(e.play.behavior[p][h].begin(), e.play.behavior[p][h].end(), mpq_class(0)), 1) << seed;
        EXPECT_EQ(std::accumulate(e.beliefs[p][h].begin(), e.beliefs[p][h].end(), mpq_class(0)), 1) << seed;
      }
  }
}

TEST(QuasiPerfect, EveryReferenceTreeGivesASequentialEquilibrium) {
  for (const char* name : {"2smp", "badgame1", "bhg4", "cent2", "cent4", "cent6", "centcs10", "e04", "e07", "e17", "km6", "poker", "sww1", "vd", "w_ex2", "work2"}) {
    const Game g = test::load_efg(std::string(name) + ".efg");
    const SequenceForm form = sequence_form(g);
    const SequentialEquilibrium e = quasi_perfect_equilibrium(form);  // throws unless Nash and sequentially rational
    EXPECT_TRUE(is_sequence_form_equilibrium(form, e.play.realization)) << name;
    EXPECT_TRUE(is_sequentially_rational(form, e)) << name;
    for (std::size_t p = 0; p < 2; ++p)
      for (std::size_t h = 0; h < form.infosets[p].size(); ++h) {
        EXPECT_EQ(std::accumulate(e.play.behavior[p][h].begin(), e.play.behavior[p][h].end(), mpq_class(0)), 1) << name;
        EXPECT_EQ(std::accumulate(e.beliefs[p][h].begin(), e.beliefs[p][h].end(), mpq_class(0)), 1) << name;
      }
    if (std::string(name) == "poker") EXPECT_EQ(behavior_row(e), "NE,1,0,1/3,2/3,2/3,1/3");  // its only equilibrium (Myerson 1991, §4.9)
    // With perfect information a sequential equilibrium is subgame perfect: its payoffs are among
    // backward induction's.
    const BackwardInduction b = backward_induction(g);
    if (b.perfect_information) {
      const std::vector<mpq_class> payoffs{e.play.payoffs[0], e.play.payoffs[1]};
      EXPECT_TRUE(std::any_of(b.equilibria.begin(), b.equilibria.end(), [&](const auto& spe) { return spe.value == payoffs; })) << name;
    }
  }
}

}  // namespace
}  // namespace statecraft
