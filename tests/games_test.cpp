#include <random>
// Strategic-form games: Gambit's .nfg format, pure equilibria against gambit-enumpure, dominance.

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <fmt/format.h>

#include "games/equilibria.hpp"
#include "formats/gambit_nfg.hpp"
#include "scenario/rational.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

StrategicGame load_nfg(const std::string& name) {
  Diagnostics d(name);
  auto game = read_nfg(test::read_file(test::source_path("tests/data/games/" + name)), d);
  EXPECT_TRUE(game.has_value()) << name << ": " << (d.empty() ? "" : format_diagnostic(d.all()[0]));
  return game.value_or(StrategicGame{});
}

// A profile as gambit-enumpure prints it: "NE,0,1,0,1".
std::string as_gambit_row(const StrategicGame& g, const std::vector<std::size_t>& choice) {
  std::string row = "NE";
  for (std::size_t p = 0; p < g.players.size(); ++p)
    for (std::size_t s = 0; s < g.strategies[p].size(); ++s) row += s == choice[p] ? ",1" : ",0";
  return row;
}

std::vector<std::string> sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

TEST(Gambit, PureEquilibriaOfEveryReferenceGameAgreeWithEnumpure) {
  const auto names = test::reference_nfg_games();
  ASSERT_EQ(names.size(), 22u);
  for (const auto& name : names) {
    const StrategicGame g = load_nfg(name);
    std::vector<std::string> ours;
    for (const auto& choice : pure_nash_equilibria(g)) ours.push_back(as_gambit_row(g, choice));
    std::sort(ours.begin(), ours.end());
    EXPECT_EQ(ours, sorted_lines(test::read_file(test::source_path("tests/data/games/" + name + ".enumpure.out")))) << name;
  }
}

TEST(Gambit, ReadsBothVersionsOfTheFormat) {
  const StrategicGame pd = load_nfg("pd.nfg");  // outcome version
  ASSERT_EQ(pd.players.size(), 2u);
  EXPECT_EQ(pd.payoffs[1], (std::vector<mpq_class>{10, 0}));  // player 1's second strategy, player 2's first
  const StrategicGame zero = load_nfg("zero.nfg");  // payoff version
  EXPECT_EQ(zero.strategies[1].size(), 2u);
  EXPECT_EQ(zero.payoffs.size(), 4u);
}

TEST(Gambit, WrittenFilesReadBack) {
  for (const auto& name : test::reference_nfg_games()) {
    const StrategicGame g = load_nfg(name);
    Diagnostics d("written");
    const auto again = read_nfg(write_nfg(g), d);
    ASSERT_TRUE(again) << name;
    EXPECT_EQ(again->strategies, g.strategies) << name;
    EXPECT_EQ(again->payoffs, g.payoffs) << name;
  }
}

std::vector<std::string> nfg_errors(const std::string& text) {
  Diagnostics d("x.nfg");
  read_nfg(text, d);
  return test::messages(d);
}

TEST(Gambit, PreciseErrors) {
  EXPECT_EQ(nfg_errors("EFG 2 R \"x\" { \"a\" }"), std::vector<std::string>{"1:1: a strategic-form Gambit file starts with NFG, found 'EFG'"});
  EXPECT_EQ(nfg_errors("NFG 1 R \"x\" { \"a\" \"b\" } { 2 2 }\n1 2 3 4 5 6 7\n"),
            std::vector<std::string>{"3:1: expected a payoff (a number), found the end of the file"});
  EXPECT_EQ(nfg_errors("NFG 1 R \"x\" { \"a\" \"b\" } { 2 two }"),
            std::vector<std::string>{"1:29: expected a player's number of strategies (a number), found 'two'"});
  EXPECT_EQ(nfg_errors("NFG 1 R \"x\" { \"a\" } { { \"s\" \"t\" } } \"\" { { \"\" 1 } } 1 3"),
            std::vector<std::string>{"1:55: outcome 3 does not exist (there are 1)"});
  EXPECT_EQ(nfg_errors("NFG 1 R \"unclosed"), std::vector<std::string>{"1:9: a quoted text is not closed"});
}

StrategicGame two_by_two(std::vector<std::vector<mpq_class>> payoffs) {
  return {"g", {"Row", "Column"}, {{"top", "bottom"}, {"left", "right"}}, std::move(payoffs), {}};
}

TEST(Games, ClassicPureEquilibria) {
  // Profiles: (top, left), (bottom, left), (top, right), (bottom, right).
  const auto pd = two_by_two({{3, 3}, {5, 0}, {0, 5}, {1, 1}});  // top/left = cooperate
  EXPECT_EQ(pure_nash_equilibria(pd), (std::vector<std::vector<std::size_t>>{{1, 1}}));
  const auto chicken = two_by_two({{3, 3}, {4, 2}, {2, 4}, {0, 0}});  // top/left = swerve
  EXPECT_EQ(pure_nash_equilibria(chicken), (std::vector<std::vector<std::size_t>>{{1, 0}, {0, 1}}));
  const auto pennies = two_by_two({{1, -1}, {-1, 1}, {-1, 1}, {1, -1}});
  EXPECT_TRUE(pure_nash_equilibria(pennies).empty());
}

TEST(Games, IteratedStrictDominance) {
  // The prisoner's dilemma: cooperating is strictly dominated for both.
  EXPECT_EQ(iterated_strict_dominance(two_by_two({{3, 3}, {5, 0}, {0, 5}, {1, 1}})), (std::vector<std::vector<std::size_t>>{{1}, {1}}));
  // Two rounds: right is dominated for Column; then bottom for Row.
  const StrategicGame g{"g", {"Row", "Column"}, {{"top", "bottom"}, {"left", "right"}}, {{3, 2}, {1, 1}, {2, 1}, {4, 0}}, {}};
  EXPECT_EQ(iterated_strict_dominance(g), (std::vector<std::vector<std::size_t>>{{0}, {0}}));
  // Nothing dominated in matching pennies.
  EXPECT_EQ(iterated_strict_dominance(two_by_two({{1, -1}, {-1, 1}, {-1, 1}, {1, -1}})), (std::vector<std::vector<std::size_t>>{{0, 1}, {0, 1}}));
}

}  // namespace
}  // namespace statecraft

#include "games/backward_induction.hpp"
#include "games/from_scenario.hpp"

namespace statecraft {
namespace {

Game game_from_yaml(const std::string& game_yaml) {
  const auto loaded = test::load_text("statecraft: 1\nid: g\ntitle: g\nactors:\n  - {id: ENT, name: Entrant, capability: 1}\n"
                                      "  - {id: INC, name: Incumbent, capability: 1}\ngames:\n" + game_yaml);
  EXPECT_TRUE(loaded.ok()) << ::testing::PrintToString(test::messages(loaded));
  return loaded.ok() ? loaded.scenario->games.at(0) : Game{};
}

TEST(Games, EntryDeterrenceThreatIsNotCredible) {
  // The incumbent threatens to fight entry, but once the entrant is in, accommodating pays more:
  // the subgame-perfect outcome is entry and accommodation (Selten's chain store, one store).
  const Game g = game_from_yaml(R"(  - id: entry
    players: [ENT, INC]
    tree:
      player: ENT
      moves:
        stay_out: {payoffs: [0, 2]}
        enter:
          player: INC
          moves:
            fight: {payoffs: [-1, -1]}
            accommodate: {payoffs: [1, 1]}
)");
  const auto s = backward_induction(g);
  ASSERT_TRUE(s.perfect_information);
  ASSERT_EQ(s.equilibria.size(), 1u);
  EXPECT_EQ(s.equilibria[0].path, (std::vector<std::string>{"ENT enter", "INC accommodate"}));
  EXPECT_EQ(s.equilibria[0].value, (std::vector<mpq_class>{1, 1}));
  ASSERT_EQ(s.threats.size(), 1u);
  EXPECT_EQ(s.threats[0].player, "INC");
  EXPECT_EQ(s.threats[0].move, "fight");
  EXPECT_EQ(s.threats[0].where, "enter");
  EXPECT_EQ(s.threats[0].cost_to_player, 2);
  // A credible version: fighting costs the incumbent nothing it values more.
  const Game credible = game_from_yaml(R"(  - id: entry
    players: [ENT, INC]
    tree:
      player: ENT
      moves:
        stay_out: {payoffs: [0, 2]}
        enter:
          player: INC
          moves:
            fight: {payoffs: [-1, 1]}
            accommodate: {payoffs: [1, 0]}
)");
  const auto c = backward_induction(credible);
  EXPECT_EQ(c.equilibria.at(0).path, (std::vector<std::string>{"ENT stay_out"}));
  EXPECT_TRUE(c.threats.empty());
}

TEST(Games, ChanceNodesTakeTheirExpectation) {
  const Game g = game_from_yaml(R"(  - id: lottery
    players: [ENT, INC]
    tree:
      player: ENT
      moves:
        safe: {payoffs: [1, 0]}
        gamble:
          chance: {win: "1/4", lose: "3/4"}
          moves:
            win: {payoffs: [8, 0]}
            lose: {payoffs: [0, 4]}
)");
  const auto s = backward_induction(g);
  ASSERT_EQ(s.equilibria.size(), 1u);
  EXPECT_EQ(s.equilibria[0].path, (std::vector<std::string>{"ENT gamble"}));  // 8/4 = 2 > 1
  EXPECT_EQ(s.equilibria[0].value[0], 2);
  EXPECT_EQ(s.equilibria[0].value[1], 3);
}

TEST(Games, InformationSetsAreNotBackwardInduction) {
  const Game g = game_from_yaml(R"(  - id: hidden
    players: [ENT, INC]
    tree:
      player: ENT
      moves:
        a: {player: INC, infoset: h, moves: {x: {payoffs: [1, 0]}, y: {payoffs: [0, 1]}}}
        b: {player: INC, infoset: h, moves: {x: {payoffs: [0, 1]}, y: {payoffs: [1, 0]}}}
)");
  EXPECT_FALSE(backward_induction(g).perfect_information);
}

TEST(Games, ScenarioOutcomesMapToGambitProfileOrder) {
  // The scenario nests payoffs by the first player; Gambit's profiles run first player fastest.
  const Game g = game_from_yaml(R"(  - id: table
    players: [ENT, INC]
    strategies: {ENT: [a, b], INC: [x, y, z]}
    payoffs:
      a: {x: [1, 0], y: [2, 0], z: [3, 0]}
      b: {x: [4, 0], y: [5, 0], z: [6, 0]}
)");
  const StrategicGame s = strategic_game_of(g);
  EXPECT_EQ(s.payoff({1, 2}, 0), 6);
  EXPECT_EQ(s.payoff({0, 1}, 0), 2);
  EXPECT_EQ(s.payoffs[1][0], 4);  // profile 2 = (b, x)
}

}  // namespace
}  // namespace statecraft

#include "formats/gambit_efg.hpp"

namespace statecraft {
namespace {

using test::load_efg;

TEST(Gambit, ReadsEveryReferenceTree) {
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/data/games")))
    if (entry.path().extension() == ".efg" && entry.path().stem() != "broken") {
      const Game g = load_efg(entry.path().filename().string());
      EXPECT_FALSE(g.players.empty()) << entry.path();
      ++count;
    }
  EXPECT_EQ(count, 23u);
}

// Gambit's reduced strategies of a tree, per player, from G.efg.strategies.txt ("TAKE | *" as
// statecraft names it, "TAKE/*").
std::vector<std::vector<std::string>> gambit_reduced_strategies(const std::string& listing) {
  std::vector<std::vector<std::string>> players;
  std::istringstream in(listing);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("player ", 0) == 0) players.emplace_back();
    const auto colon = line.find("strategy ");
    if (line.rfind("  column", 0) != 0 || colon == std::string::npos) continue;
    std::string actions = line.substr(line.find(": ", colon) + 2), name;
    for (std::size_t at = 0; at <= actions.size();) {
      const std::size_t bar = std::min(actions.find(" | ", at), actions.size());
      name += (name.empty() ? "" : "/") + actions.substr(at, bar - at);
      at = bar + 3;
    }
    players.back().push_back(name);
  }
  return players;
}

TEST(Gambit, ReducedStrategicFormIsGambits) {
  // Every reference tree: the same strategies for every player, in Gambit's order.
  std::size_t trees = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/data/games")))
    if (entry.path().extension() == ".efg" && entry.path().stem() != "broken") {
      const std::string name = entry.path().filename().string();
      const Game g = load_efg(name);
      const auto form = strategic_form_of_tree(g, 1'000'000);
      ASSERT_TRUE(form) << name;
      const auto expected = gambit_reduced_strategies(test::read_file(test::source_path("tests/data/games/" + name + ".strategies.txt")));
      EXPECT_EQ(form->strategies, expected) << name;
      ++trees;
    }
  EXPECT_EQ(trees, 23u);
}

// The subgame-perfect behaviour profile as Gambit prints a behaviour row: per player, per
// information set in order of first appearance, per action.
std::string spe_row(const Game& g, const SubgamePerfectEquilibrium& s) {
  std::vector<std::vector<std::string>> columns(g.players.size());
  std::vector<std::pair<const GameNode*, std::string>> order;  // decision nodes in preorder, with their path
  std::vector<std::pair<const GameNode*, std::string>> stack{{&g.tree, "root"}};
  while (!stack.empty()) {
    auto [node, where] = stack.back();
    stack.pop_back();
    if (node->kind == GameNode::Kind::Decision) order.emplace_back(node, where);
    for (std::size_t m = node->children.size(); m-- > 0;)
      stack.emplace_back(&node->children[m], where == "root" ? node->moves[m] : where + " / " + node->moves[m]);
  }
  for (const auto& [node, where] : order) {
    const auto p = static_cast<std::size_t>(std::find(g.players.begin(), g.players.end(), node->player) - g.players.begin());
    const auto d = std::find_if(s.decisions.begin(), s.decisions.end(), [&, &w = where](const TreeDecision& t) { return t.where == w; });
    for (const auto& move : node->moves) columns[p].push_back(d != s.decisions.end() && d->choice == move ? "1" : "0");
  }
  std::string row = "NE";
  for (const auto& c : columns)
    for (const auto& v : c) row += "," + v;
  return row;
}

TEST(Gambit, SubgamePerfectPlayIsAnAgentFormEquilibriumOfGambit) {
  // gambit-enumpure -A lists every pure equilibrium of the agent form, which includes every pure
  // subgame-perfect profile (Gambit has no subgame-perfect solver to compare with directly).
  for (const char* name : {"badgame1.efg", "cent4.efg", "cent6.efg", "centcs10.efg", "sww1.efg"}) {
    const Game g = load_efg(name);
    const auto s = backward_induction(g);
    ASSERT_TRUE(s.perfect_information) << name;
    ASSERT_TRUE(s.all_listed);
    const std::string rows = test::read_file(test::source_path(std::string("tests/data/games/") + name + ".enumpure_A.out"));
    for (const auto& e : s.equilibria) EXPECT_NE(rows.find(spe_row(g, e) + "\n"), std::string::npos) << name << ": " << spe_row(g, e);
  }
}

}  // namespace
}  // namespace statecraft

#include "games/lemke_howson.hpp"

namespace statecraft {
namespace {

std::string gambit_row(const MixedProfile& e) {
  std::string row = "NE";
  for (const auto& v : e.row) row += "," + v.get_str();
  for (const auto& v : e.column) row += "," + v.get_str();
  return row;
}

TEST(LemkeHowson, EveryLabelReachesAnEquilibriumOfGambitsList) {
  // Each equilibrium Lemke-Howson reaches is an extreme equilibrium, so it must be among those
  // gambit-enummixed lists (exact rationals). gambit-lcp finds the same ones, except on degenerate
  // games, where the path taken depends on how ties in the ratio test are broken: there statecraft's
  // lexicographic rule ends at other (still extreme) equilibria than Gambit's.
  const std::vector<std::string> degenerate{"csg1.nfg", "deg1.nfg", "deg2.nfg", "winkels.nfg", "zero.nfg"};
  std::size_t games = 0;
  for (const auto& name : test::reference_nfg_games()) {
    const StrategicGame g = load_nfg(name);
    if (g.players.size() != 2) continue;
    ++games;
    const std::string all = test::read_file(test::source_path("tests/data/games/" + name + ".enummixed.out"));
    const std::string lcp = test::read_file(test::source_path("tests/data/games/" + name + ".lcp.out"));
    for (const auto& e : lemke_howson_all_labels(g).equilibria) {
      const std::string row = gambit_row(e) + "\n";
      EXPECT_NE(all.find(row), std::string::npos) << name << ": " << row;
      if (std::find(degenerate.begin(), degenerate.end(), name) == degenerate.end())
        EXPECT_NE(lcp.find(row), std::string::npos) << name << ": " << row;
    }
  }
  EXPECT_EQ(games, 15u);
}

TEST(LemkeHowson, BattleOfTheSexes) {
  const StrategicGame g = load_nfg("bos.nfg");
  EXPECT_EQ(gambit_row(lemke_howson(g, 0)), "NE,1,0,1,0");
  const auto all = lemke_howson_all_labels(g).equilibria;
  EXPECT_EQ(all.size(), 2u);  // the mixed equilibrium lies off every Lemke-Howson path from the start
}

TEST(Rational, ExactPayoffsFromDecimals) {
  EXPECT_EQ(exact(1.131).get_str(), "1131/1000");
  EXPECT_EQ(exact(-2.5).get_str(), "-5/2");
  EXPECT_EQ(exact(12).get_str(), "12");
  EXPECT_EQ(exact(1e-7).get_str(), "1/10000000");
}

TEST(Rational, NumbersAreReadAsWritten) {
  auto read = [](const char* text) { return parse_rational(text).value_or(mpq_class(-999)).get_str(); };
  EXPECT_EQ(read("1/3"), "1/3");
  EXPECT_EQ(read("-2/6"), "-1/3");
  EXPECT_EQ(read("0.5/3"), "1/6");
  EXPECT_EQ(read("+0.1"), "1/10");
  EXPECT_EQ(read("0.10000000000000000001"), "10000000000000000001/100000000000000000000");  // a double would say 1/10
  EXPECT_EQ(read("2.5e-3"), "1/400");
  EXPECT_EQ(read("1E3"), "1000");
  EXPECT_EQ(read(".5"), "1/2");
  EXPECT_EQ(read("0e99999"), "0");
  EXPECT_EQ(read("1e308").size(), 309u);
  for (const char* wrong : {"1/0", "", "-", "1e", "1/3/4", "1e400", "abc", "1.2.3", "++1", "0x10", "nan", "inf"})
    EXPECT_FALSE(parse_rational(wrong).has_value()) << wrong;
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(LemkeHowson, TheGraphFindsWhatGambitLcpLists) {
  // gambit-lcp lists the equilibria of the Lemke-Howson graph's component that holds the
  // artificial equilibrium; on every non-degenerate two-player reference game the lists agree.
  for (const char* name : {"bos.nfg", "pd.nfg", "8x8.nfg", "coord3.nfg", "coord4.nfg", "vs6x6_75eq.nfg", "2x2const.nfg", "oneill.nfg", "sh3.nfg", "todd2.nfg"}) {
    const StrategicGame g = load_nfg(name);
    std::vector<std::string> ours;
    for (const auto& e : lemke_howson_graph(g)) ours.push_back(gambit_row(e));
    std::sort(ours.begin(), ours.end());
    EXPECT_EQ(ours, sorted_lines(test::read_file(test::source_path(std::string("tests/data/games/") + name + ".lcp.out")))) << name;
  }
}

}  // namespace
}  // namespace statecraft

#include <nlohmann/json.hpp>

#include "report/games_report.hpp"

namespace statecraft {
namespace {

TEST(Games, MatchingPenniesMixesEvenly) {
  const StrategicGame pennies{"pennies", {"A", "B"}, {{"heads", "tails"}, {"heads", "tails"}}, {{1, -1}, {-1, 1}, {-1, 1}, {1, -1}}, {}};
  const auto s = solve_strategic(pennies);
  EXPECT_TRUE(s.pure_equilibria.empty());
  ASSERT_EQ(s.mixed_equilibria.size(), 1u);
  EXPECT_EQ(s.mixed_equilibria[0].probabilities, (std::vector<std::vector<std::string>>{{"1/2", "1/2"}, {"1/2", "1/2"}}));
  EXPECT_EQ(s.mixed_equilibria[0].payoffs, (std::vector<std::string>{"0", "0"}));
  EXPECT_NE(render_strategic_text(pennies, s, "").find("mixed equilibrium: A: heads 50 % (1/2), tails 50 % (1/2); B: heads 50 % (1/2), tails 50 % (1/2)"), std::string::npos);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

// The tree's shape and numbers, for comparing a tree with its rewritten self.
std::string fingerprint(const GameNode& n) {
  std::string s = std::to_string(static_cast<int>(n.kind)) + n.player + "[";
  for (const auto& m : n.moves) s += m + ",";
  for (const auto& p : n.probabilities) s += fmt::format("{},", p.value);
  for (const auto& v : n.payoffs.values) s += fmt::format("{};", v.value);
  for (const auto& c : n.children) s += fingerprint(c);
  return s + "]";
}

TEST(Gambit, WrittenTreesReadBack) {
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/data/games"))) {
    if (entry.path().extension() != ".efg" || entry.path().stem() == "broken") continue;
    const Game g = load_efg(entry.path().filename().string());
    Diagnostics d("written");
    const auto again = read_efg(write_efg(g), d);
    ASSERT_TRUE(again) << entry.path() << (d.empty() ? "" : format_diagnostic(d.all()[0]));
    EXPECT_EQ(fingerprint(again->tree), fingerprint(g.tree)) << entry.path();
    // Information sets survive: backward induction sees the same (im)perfect information.
    EXPECT_EQ(backward_induction(*again).perfect_information, backward_induction(g).perfect_information) << entry.path();
  }
}

}  // namespace
}  // namespace statecraft

#include "games/logit.hpp"

namespace statecraft {
namespace {

std::vector<double> flat(const LogitPoint& point) {
  std::vector<double> out;
  for (const auto& p : point.probabilities) out.insert(out.end(), p.begin(), p.end());
  return out;
}

std::vector<double> gambit_numbers(const std::string& name) {
  std::string line = test::read_file(test::source_path("tests/data/games/" + name + ".logit_e.out"));
  std::vector<double> out;
  std::stringstream cells(line.substr(3));
  for (std::string cell; std::getline(cells, cell, ',');) out.push_back(std::stod(cell));
  return out;
}

TEST(Logit, TracesToGambitsLimitingEquilibrium) {
  for (const char* name : {"3x3x3.nfg", "5x4x3.nfg", "coord333.nfg", "8x2x2.nfg", "2x2x2x2.nfg", "2x2x2x2x2.nfg"}) {
    const auto ours = flat(trace_logit(load_nfg(name)).back());
    const auto gambit = gambit_numbers(name);
    ASSERT_EQ(ours.size(), gambit.size()) << name;
    for (std::size_t k = 0; k < ours.size(); ++k) EXPECT_NEAR(ours[k], gambit[k], 1e-4) << name << " column " << k + 1;
  }
}

TEST(Logit, EndsAtANashEquilibriumWhereGambitStopsShort) {
  // On McKelvey & McLennan's 2x2x2 game Gambit prints players 1 and 2 at 1/2 each and player 3 at
  // (0.574, 0.426). That is no equilibrium: against 1/2, 1/2 player 3's first strategy earns
  // (12 + 2)/4 = 3.5 and its second (6 + 6)/4 = 3. The branch statecraft follows ends with player 3
  // on its first strategy, which is an equilibrium (players 1 and 2 are then indifferent).
  const StrategicGame g = load_nfg("2x2x2.nfg");
  const auto end = flat(trace_logit(g).back());
  const std::vector<double> expected{0.5, 0.5, 0.5, 0.5, 1, 0};
  for (std::size_t k = 0; k < end.size(); ++k) EXPECT_NEAR(end[k], expected[k], 1e-6) << k;
  const auto gambit = gambit_numbers("2x2x2.nfg");
  EXPECT_NEAR(gambit[4], 0.574046, 1e-9);
}

TEST(Logit, StartsUniformAndRaisesLambda) {
  const auto path = trace_logit(load_nfg("coord333.nfg"));
  EXPECT_EQ(path.front().lambda, 0);
  for (double p : flat(path.front())) EXPECT_NEAR(p, 1.0 / 3, 1e-12);
  for (std::size_t k = 1; k < path.size(); ++k) EXPECT_GT(path[k].lambda, 0);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Gambit, QuotesAndBackslashesSurviveWriting) {
  StrategicGame g = load_nfg("bos.nfg");
  g.title = R"(a "quoted" \ title)";
  g.strategies[0][0] = R"(C:\path)";
  Diagnostics d("written");
  const auto again = read_nfg(write_nfg(g), d);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->title, g.title);
  EXPECT_EQ(again->strategies[0][0], g.strategies[0][0]);
}

}  // namespace
}  // namespace statecraft

#include "games/extreme_equilibria.hpp"

namespace statecraft {
namespace {

TEST(ExtremeEquilibria, EqualGambitEnummixedOnEveryTwoPlayerGame) {
  // Degenerate games included (csg1, deg1, deg2, winkels, zero: the vertices of continua), in
  // every arithmetic.
  std::size_t games = 0;
  for (const auto& name : test::reference_nfg_games()) {
    const StrategicGame g = load_nfg(name);
    if (g.players.size() != 2) continue;
    ++games;
    const auto gambit = sorted_lines(test::read_file(test::source_path("tests/data/games/" + name + ".enummixed.out")));
    for (Arithmetic arithmetic : {Arithmetic::exact, Arithmetic::fast, Arithmetic::automatic}) {
      std::vector<std::string> ours;
      for (const auto& e : extreme_equilibria(g, arithmetic).equilibria) ours.push_back(gambit_row(e));
      std::sort(ours.begin(), ours.end());
      EXPECT_EQ(ours, gambit) << name;
    }
  }
  EXPECT_EQ(games, 15u);
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(ExtremeEquilibria, DegenerateGamesAreFlagged) {
  std::vector<std::string> degenerate;
  for (const auto& name : test::reference_nfg_games()) {
    const StrategicGame g = load_nfg(name);
    if (g.players.size() == 2 && extreme_equilibria(g).degenerate) degenerate.push_back(name);
  }
  // Gambit's README names these five as the degenerate games with continua of equilibria.
  for (const char* name : {"csg1.nfg", "deg1.nfg", "deg2.nfg", "winkels.nfg", "zero.nfg"})
    EXPECT_NE(std::find(degenerate.begin(), degenerate.end(), name), degenerate.end()) << name;
}

TEST(ExtremeEquilibria, FastArithmeticAgreesWithExactOnRandomDegenerateGames) {
  // Payoffs 0..4 make ties everywhere: degenerate vertices, and ratio tests decided by residues.
  for (unsigned seed = 1; seed <= 6; ++seed) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> payoff(0, 4);
    StrategicGame g{"random", {"a", "b"}, {std::vector<std::string>(7, "s"), std::vector<std::string>(6, "t")}, {}, {}};
    for (std::size_t k = 0; k < 42; ++k) g.payoffs.push_back({double(payoff(random)), double(payoff(random))});
    const auto exact = extreme_equilibria(g, Arithmetic::exact), fast = extreme_equilibria(g, Arithmetic::fast);
    EXPECT_EQ(fast.equilibria, exact.equilibria) << seed;
    EXPECT_EQ(fast.row_vertices, exact.row_vertices) << seed;
    EXPECT_EQ(fast.column_vertices, exact.column_vertices) << seed;
    EXPECT_FALSE(exact.equilibria.empty());
  }
}

TEST(ExtremeEquilibria, ClassicGames) {
  const StrategicGame chicken{"chicken", {"A", "B"}, {{"swerve", "straight"}, {"swerve", "straight"}}, {{0, 0}, {1, -1}, {-1, 1}, {-10, -10}}, {}};
  const auto found = extreme_equilibria(chicken).equilibria;
  ASSERT_EQ(found.size(), 3u);  // two pure, and swerving with probability 9/10 each
  EXPECT_EQ(gambit_row(found[1]), "NE,9/10,1/10,9/10,1/10");
}

}  // namespace
}  // namespace statecraft

#include "games/sequence_form.hpp"

namespace statecraft {
namespace {

std::string behavior_row(const BehaviorEquilibrium& e) {
  std::string row = "NE";
  for (const auto& player : e.behavior)
    for (const auto& set : player)
      for (const auto& p : set) row += "," + p.get_str();
  return row;
}

TEST(SequenceForm, EqualsGambitLcpOnEveryTwoPlayerTree) {
  // gambit-lcp on an .efg solves the same LCP from the same start, so the equilibrium it prints,
  // off-path behaviour included, is statecraft's too; 11 of these trees have imperfect information.
  for (const char* name : {"2smp", "badgame1", "bhg4", "cent2", "cent4", "cent6", "centcs10", "e04", "e07", "e17", "km6", "poker", "sww1", "vd", "w_ex2", "work2"}) {
    const Game g = load_efg(std::string(name) + ".efg");
    const SequenceForm form = sequence_form(g);
    const BehaviorEquilibrium e = sequence_form_equilibrium(form);
    EXPECT_TRUE(is_sequence_form_equilibrium(form, e.realization)) << name;
    const std::string gambit = test::read_file(test::source_path(std::string("tests/data/games/") + name + ".efg.lcp.out"));
    EXPECT_EQ(behavior_row(e) + "\n", gambit) << name;
  }
}

TEST(SequenceForm, OneCardPokerIsWorthAThirdToTheDealer) {
  // Myerson (1991), §4.9: with a queen the first player raises (bluffs) a third of the time, the
  // second meets a raise two thirds of the time, and the game is worth 1/3 to the first player.
  const BehaviorEquilibrium e = sequence_form_equilibrium(sequence_form(load_efg("poker.efg")));
  EXPECT_EQ(behavior_row(e), "NE,1,0,1/3,2/3,2/3,1/3");
  EXPECT_EQ(e.payoffs[0], mpq_class(1, 3));
  EXPECT_EQ(e.payoffs[1], mpq_class(-1, 3));
}

TEST(SequenceForm, SizesAndRefusals) {
  const SequenceForm poker = sequence_form(load_efg("poker.efg"));
  EXPECT_EQ(poker.sequences[0], 5u);  // empty, and two actions at each of two information sets
  EXPECT_EQ(poker.sequences[1], 3u);
  EXPECT_THROW(sequence_form(load_efg("selten_horse.efg")), std::invalid_argument);  // three players
  // Absent-minded driver: the second node of the information set is reached by its own first move.
  const Game forgetful = game_from_yaml(R"(  - id: driver
    players: [ENT, INC]
    tree:
      player: ENT
      infoset: road
      moves:
        exit: {payoffs: [0, 0]}
        continue:
          player: ENT
          infoset: road
          moves:
            exit: {payoffs: [4, 0]}
            continue: {payoffs: [1, 0]}
)");
  EXPECT_THROW(sequence_form(forgetful), std::invalid_argument);
  // A checker that can fail: a plan that is not a best reply.
  std::array<std::vector<mpq_class>, 2> plan{std::vector<mpq_class>{1, 0, 1, 0, 1}, std::vector<mpq_class>{1, 1, 0}};
  EXPECT_FALSE(is_sequence_form_equilibrium(poker, plan));
}

}  // namespace
}  // namespace statecraft

#include "games/from_scenario.hpp"

namespace statecraft {
namespace {

TEST(TreeStrategicForm, PureEquilibriaOfManyPlayerTreesAgreeWithEnumpure) {
  // Where every strategy of the full strategic form is also one of Gambit's reduced form (no
  // information set is cut off by the player's own earlier move), the counts must agree.
  for (const char* name : {"2x2x2", "condjury", "e05", "e06", "g3", "selten_horse"}) {
    const auto g = strategic_form_of_tree(load_efg(std::string(name) + ".efg"), 4096);
    ASSERT_TRUE(g.has_value()) << name;
    const auto gambit = sorted_lines(test::read_file(test::source_path(std::string("tests/data/games/") + name + ".efg.enumpure.out")));
    EXPECT_EQ(pure_nash_equilibria(*g).size(), gambit.size()) << name;
  }
}

TEST(TreeStrategicForm, SeltensHorse) {
  // Two pure equilibria (Selten 1975): (L, R, R), which is perfect, and (R, R, L), which rests on
  // player 3's threat at an information set that is never reached.
  const Game horse = load_efg("selten_horse.efg");
  const auto g = strategic_form_of_tree(horse, 4096);
  ASSERT_TRUE(g.has_value());
  std::vector<std::string> found;
  for (const auto& e : pure_nash_equilibria(*g)) found.push_back(as_gambit_row(*g, e));
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, sorted_lines(test::read_file(test::source_path("tests/data/games/selten_horse.efg.enumpure.out"))));
  const auto s = solve_tree(horse);
  ASSERT_TRUE(s.strategic_solution.has_value());
  EXPECT_NE(render_tree_text(horse, s, "").find("equilibrium: Player 1 L, Player 2 R, Player 3 R (payoffs Player 1 3, Player 2 2, Player 3 2)"), std::string::npos);
  EXPECT_EQ(strategic_form_of_tree(horse, 7), std::nullopt);  // 8 profiles
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(Games, StrategiesReadAsConditionalPlans) {
  // The incumbent fights a price war if the entrant cuts prices, and that threat pays for it: the
  // report says so in words, as a credible threat.
  const Game g = game_from_yaml(R"(  - id: war
    players: [ENT, INC]
    tree:
      player: ENT
      moves:
        cut_prices:
          player: INC
          moves:
            price_war: {payoffs: [-1, 1]}
            match: {payoffs: [2, 0]}
        keep_prices: {payoffs: [1, 2]}
)");
  const auto s = backward_induction(g);
  ASSERT_EQ(s.credible_threats.size(), 1u);
  EXPECT_EQ(s.credible_threats[0].move, "price_war");
  EXPECT_EQ(s.credible_threats[0].victim, "ENT");
  const std::string text = render_tree_text(g, solve_tree(g), "");
  EXPECT_NE(text.find("after ENT cut_prices: INC chooses price_war\n"), std::string::npos) << text;
  EXPECT_NE(text.find("a credible threat: after ENT cut_prices: INC's answer price_war is its own best move, though ENT would rather see match"), std::string::npos) << text;
  EXPECT_NE(text.find("subgame-perfect play: ENT keep_prices"), std::string::npos);
}

}  // namespace
}  // namespace statecraft

#include <cstdio>
#include <fstream>

namespace statecraft {
namespace {

// lrsnash's list (Avis's lrslib, exact): in each block (blank-line separated), lines "2 y… v1"
// give strategies of player 2 and lines "1 x… v2" strategies of player 1; every pair of them is an
// equilibrium.
std::vector<std::string> lrsnash_rows(const StrategicGame& g) {
  const std::string path = testing::TempDir() + "lrsnash_game.txt";
  {
    std::ofstream out(path);
    const std::size_t m = g.strategies[0].size(), n = g.strategies[1].size();
    out << m << " " << n << "\n";
    for (std::size_t player = 0; player < 2; ++player) {
      out << "\n";
      for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < n; ++j) out << g.payoff({i, j}, player) << " ";
        out << "\n";
      }
    }
  }
  std::vector<std::string> rows;
  FILE* pipe = popen(("lrsnash '" + path + "' 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return rows;
  std::vector<std::string> columns, row_parts;
  auto close_block = [&] {
    for (const auto& x : row_parts)
      for (const auto& y : columns) rows.push_back("NE" + x + y);
    columns.clear();
    row_parts.clear();
  };
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
    std::istringstream line(buffer);
    std::string who;
    line >> who;
    std::vector<std::string> numbers;
    for (std::string v; line >> v;) numbers.push_back(v);
    if (numbers.empty()) {
      close_block();
      continue;
    }
    numbers.pop_back();  // the other player's payoff
    std::string joined;
    for (const auto& v : numbers) joined += "," + v;
    if (who == "2") columns.push_back(joined);
    if (who == "1") row_parts.push_back(joined);
  }
  close_block();
  pclose(pipe);
  std::sort(rows.begin(), rows.end());
  return rows;
}

TEST(ExtremeEquilibria, EqualLrsnashOnRandomGames) {
  if (std::system("command -v lrsnash > /dev/null 2>&1") != 0) GTEST_SKIP() << "lrsnash (Debian package lrslib) is not installed";
  // Degenerate games (payoffs 0..3) and a larger one (payoffs 0..100), of several shapes.
  const std::vector<std::array<int, 4>> cases{{6, 6, 3, 1}, {7, 5, 3, 2}, {5, 8, 3, 3}, {9, 9, 3, 4}, {12, 12, 100, 5}};
  for (const auto& [m, n, top, seed] : cases) {
    std::mt19937 random(static_cast<unsigned>(seed));
    std::uniform_int_distribution<int> payoff(0, top);
    StrategicGame g{"random", {"a", "b"}, {std::vector<std::string>(static_cast<std::size_t>(m), "s"), std::vector<std::string>(static_cast<std::size_t>(n), "t")}, {}, {}};
    for (int k = 0; k < m * n; ++k) g.payoffs.push_back({double(payoff(random)), double(payoff(random))});
    std::vector<std::string> ours;
    for (const auto& e : extreme_equilibria(g).equilibria) ours.push_back(gambit_row(e));
    std::sort(ours.begin(), ours.end());
    const auto lrs = lrsnash_rows(g);
    EXPECT_FALSE(lrs.empty());
    EXPECT_EQ(ours, lrs) << m << "x" << n << " seed " << seed;
  }
}

TEST(ExtremeEquilibria, PayoffsInThirdsAreExactAgainstLrsnash) {
  if (std::system("command -v lrsnash > /dev/null 2>&1") != 0) GTEST_SKIP() << "lrsnash (Debian package lrslib) is not installed";
  // Payoffs written as k/3 in the .nfg text, read by statecraft's reader; lrsnash gets the same
  // fractions. Read as doubles, 16 of 30 such games gave other equilibria than lrsnash's.
  std::size_t games = 0, equilibria = 0;
  for (unsigned seed = 1; seed <= 30; ++seed) {
    std::mt19937 random(seed);
    const std::size_t m = 2 + random() % 5, n = 2 + random() % 5;
    std::uniform_int_distribution<int> third(-6, 9);
    std::string nfg = fmt::format("NFG 1 R \"thirds\" {{ \"a\" \"b\" }} {{ {} {} }}\n", m, n);
    for (std::size_t k = 0; k < 2 * m * n; ++k) nfg += fmt::format("{}/3 ", third(random));
    Diagnostics d("thirds.nfg");
    const auto g = read_nfg(nfg, d);
    ASSERT_TRUE(g.has_value());
    std::vector<std::string> ours;
    for (const auto& e : extreme_equilibria(*g).equilibria) ours.push_back(gambit_row(e));
    std::sort(ours.begin(), ours.end());
    const auto lrs = lrsnash_rows(*g);
    EXPECT_FALSE(lrs.empty());
    EXPECT_EQ(ours, lrs) << m << "x" << n << " seed " << seed;
    games += ours == lrs;
    equilibria += ours.size();
  }
  EXPECT_EQ(games, 30u);
  RecordProperty("equilibria", static_cast<int>(equilibria));
}

TEST(Games, FractionalPayoffsStayExactInEveryForm) {
  // One game, three files: the equilibrium has P2 play b1 with probability 3/4 (P1 indifferent:
  // 1/3·q = 1 − q), never 10000000000000000/13333333333333333 as from the double 0.333….
  for (const char* file : {"rational_payoff_2x2.nfg", "rational_payoff_tree.efg", "rational_payoff_scenario.yaml"}) {
    const auto r = test::run_statecraft("solve " + test::source_path(std::string("tests/data/defects/") + file));
    EXPECT_EQ(r.exit_code, 0) << file << r.err;
    EXPECT_NE(r.out.find("b1 75 % (3/4), b2 25 % (1/4)"), std::string::npos) << file << "\n" << r.out;
    EXPECT_NE(r.out.find(" 1/4, "), std::string::npos) << file << ": P1's expected payoff 1/3 · 3/4";
  }
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

TEST(ExtremeEquilibria, PartnersSolvedInsteadOfSearchedAgreeWithExact) {
  // Above 24 strategies the search done first solves for its vertices' partners and stops the
  // other if it is still running (which of the two ends the run depends on timing; both must give
  // the exact list); payoffs 0..6 make degenerate vertices and dependent constraints.
  for (unsigned seed : {7u, 8u}) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> payoff(0, 6);
    StrategicGame g{"random", {"a", "b"}, {std::vector<std::string>(13, "s"), std::vector<std::string>(12, "t")}, {}, {}};
    for (std::size_t k = 0; k < 13 * 12; ++k) g.payoffs.push_back({double(payoff(random)), double(payoff(random))});
    const auto exact = extreme_equilibria(g, Arithmetic::exact), fast = extreme_equilibria(g, Arithmetic::fast);
    EXPECT_EQ(fast.equilibria, exact.equilibria) << seed;
    EXPECT_EQ(fast.degenerate, exact.degenerate);
  }
}

}  // namespace
}  // namespace statecraft

namespace statecraft {
namespace {

// A strategic game's strategies may carry names: the text says them, JSON and payoffs keep the
// labels, and a label given twice is an error at its place.
TEST(Games, NamedStrategiesReadAsTheirNames) {
  const Game g = game_from_yaml(R"(  - id: standoff
    players: [ENT, INC]
    strategies:
      ENT: {enter: "the entrant comes in", stay_out: "the entrant stays out"}
      INC: [fight, share]
    payoffs:
      enter: {fight: [-1, -1], share: [1, 1]}
      stay_out: {fight: [0, 2], share: [0, 2]}
)");
  ASSERT_EQ(g.strategy_names.size(), 2u);
  EXPECT_EQ(g.strategy_names[0], (std::vector<std::string>{"the entrant comes in", "the entrant stays out"}));
  EXPECT_EQ(g.strategy_names[1], (std::vector<std::string>{"", ""}));
  const StrategicGame s = strategic_game_of(g);
  const std::string text = render_strategic_text(s, solve_strategic(s), "");
  EXPECT_NE(text.find("equilibrium: “the entrant comes in”, INC share (payoffs ENT 1, INC 1)"), std::string::npos) << text;
  EXPECT_NE(text.find("equilibrium: “the entrant stays out”, INC fight (payoffs ENT 0, INC 2)"), std::string::npos) << text;
  const auto json = strategic_json(s, solve_strategic(s))["pure_equilibria"];
  ASSERT_EQ(json.size(), 2u);
  EXPECT_TRUE(json[0]["strategies"]["ENT"] == "enter" || json[1]["strategies"]["ENT"] == "enter") << json.dump();  // the label, not the name

  const auto twice = test::load_text("statecraft: 1\nid: g\ntitle: g\nactors:\n  - {id: A, name: A, capability: 1}\n  - {id: B, name: B, capability: 1}\n"
                                     "games:\n  - id: x\n    players: [A, B]\n    strategies:\n      A: {up: one, up: two}\n      B: [l]\n"
                                     "    payoffs: {up: {l: [1, 1]}}\n");
  EXPECT_FALSE(twice.ok());
  const auto errors = test::messages(twice);
  EXPECT_TRUE(std::any_of(errors.begin(), errors.end(), [](const std::string& m) { return m.find("11:") == 0 && m.find("twice") != std::string::npos; }))
      << ::testing::PrintToString(errors);
}

}  // namespace
}  // namespace statecraft
