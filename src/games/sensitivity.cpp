#include "games/sensitivity.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "games/backward_induction.hpp"
#include "games/equilibria.hpp"
#include "games/from_scenario.hpp"
#include "scenario/rational.hpp"
#include "scenario/work.hpp"

namespace statecraft {
namespace {

// Work limits, in estimated node visits of the solver (2·10⁷: about a second, measured).
constexpr double max_sensitivity_work = 2e7;
constexpr double max_perturbation_work = 5e7;
constexpr std::size_t max_samples = 1'000'000;
// Continuations a chance node's subtree may combine into distinct values of one payoff; each pair
// is a possible crossing, so the count is capped.
constexpr std::size_t max_lines = 256;
constexpr std::size_t max_decision_nodes = 1000;  // backward_induction lists every plan up to here

GameNode& node_at(GameNode& root, const std::vector<std::size_t>& path) {
  GameNode* n = &root;
  for (std::size_t m : path) n = &n->children[m];
  return *n;
}

Number* mutable_number(Game& game, const PayoffRef& ref) {
  auto& values = game.form == Game::Form::Extensive ? node_at(game.tree, ref.terminal).payoffs.values : game.outcomes[ref.outcome].values;
  return ref.player < values.size() ? &values[ref.player] : nullptr;
}

void set_payoff(Game& game, const PayoffRef& ref, const mpq_class& value) {
  Number* n = mutable_number(game, ref);
  n->text = value.get_str();
  n->value = value.get_d();
}

void collect_terminals(const GameNode& node, std::vector<std::size_t>& path, std::vector<std::vector<std::size_t>>& out) {
  if (node.kind == GameNode::Kind::Terminal) out.push_back(path);
  for (std::size_t m = 0; m < node.children.size(); ++m) {
    path.push_back(m);
    collect_terminals(node.children[m], path, out);
    path.pop_back();
  }
}

std::size_t count_nodes(const GameNode& node, bool decisions_only) {
  std::size_t count = !decisions_only || node.kind == GameNode::Kind::Decision;
  for (const auto& c : node.children) count += count_nodes(c, decisions_only);
  return count;
}

std::size_t outcome_of_choice(const Game& game, const std::vector<std::size_t>& choice) {
  std::size_t index = 0;
  for (std::size_t p = 0; p < game.players.size(); ++p) index = index * game.strategies[p].size() + choice[p];
  return index;
}

// backward_induction names a decision node by the moves leading to it.
std::string below(const std::string& where, const std::string& move) { return where == "root" ? move : where + " / " + move; }

// The terminal nodes a plan (each decision node's move, by the moves leading to it) reaches.
void reach(const GameNode& node, const std::map<std::string, std::string>& choice, const std::string& where, std::vector<std::size_t>& path,
           std::vector<std::vector<std::size_t>>& out) {
  auto follow = [&](std::size_t m) {
    path.push_back(m);
    reach(node.children[m], choice, below(where, node.moves[m]), path, out);
    path.pop_back();
  };
  switch (node.kind) {
    case GameNode::Kind::Terminal: out.push_back(path); return;
    case GameNode::Kind::Decision:
      follow(static_cast<std::size_t>(std::find(node.moves.begin(), node.moves.end(), choice.at(where)) - node.moves.begin()));
      return;
    case GameNode::Kind::Chance:
      for (std::size_t m = 0; m < node.children.size(); ++m)
        if (sgn(exact_number(node.probabilities[m])) > 0) follow(m);
      return;
  }
}

GameSolution tree_solution(const Game& game) {
  GameSolution solution;
  for (const auto& e : backward_induction(game).equilibria) {
    std::map<std::string, std::string> choice;
    for (const auto& d : e.decisions) choice[d.where] = d.choice;
    SolutionPoint point;
    std::vector<std::size_t> path;
    reach(game.tree, choice, "root", path, point.reached);
    solution.push_back(std::move(point));
  }
  std::sort(solution.begin(), solution.end());
  solution.erase(std::unique(solution.begin(), solution.end()), solution.end());
  return solution;
}

GameSolution strategic_solution(const Game& game) {
  GameSolution solution;
  for (auto& e : pure_nash_equilibria(strategic_game_of(game))) solution.push_back({{std::move(e)}});
  std::sort(solution.begin(), solution.end());
  return solution;
}

// Every subgame-perfect value of a subtree that does not hold the payoff being moved: fixed, as
// backward induction finds it on the subtree alone. Kept per node, since many payoffs share them.
using Value = std::vector<mpq_class>;

class FixedValues {
 public:
  explicit FixedValues(const Game& game) : game_(game) {}
  const std::vector<Value>& of(const GameNode& node) {
    auto [it, fresh] = values_.try_emplace(&node);
    if (!fresh) return it->second;
    if (node.kind == GameNode::Kind::Terminal) {
      Value v;
      for (const auto& n : node.payoffs.values) v.push_back(exact_number(n));
      v.resize(game_.players.size(), 0);
      it->second.push_back(v);
      return it->second;
    }
    Game sub;
    sub.players = game_.players;
    sub.form = Game::Form::Extensive;
    sub.tree = node;
    for (const auto& e : backward_induction(sub).equilibria) it->second.push_back(e.value);
    return it->second;
  }

 private:
  const Game& game_;
  std::map<const GameNode*, std::vector<Value>> values_;
};

// A subgame-perfect value of a subtree holding the payoff x, as x moves: the player's value is
// ρ·x + c (ρ: the probability that the play reaches x's terminal), the others' are fixed.
struct Line {
  mpq_class slope;
  Value at_zero;  // every player's value when x = 0
  bool operator<(const Line& o) const { return slope != o.slope ? slope < o.slope : at_zero < o.at_zero; }
};

// Where two values, for the payoff's player q, cross: x = (c₂ − c₁)/(ρ₁ − ρ₂).
void add_crossing(const Line& a, const Line& b, std::size_t q, std::set<mpq_class>& crossings) {
  if (a.slope != b.slope) crossings.insert((b.at_zero[q] - a.at_zero[q]) / (a.slope - b.slope));
}

// The values of the subtree on the path to x's terminal (a superset of its subgame-perfect ones
// for every x: a decision node's are among its children's, a chance node's combine them) and the
// crossings where backward induction's answer can change: at q's decisions, a value through x
// against an alternative move's (the value that makes q indifferent); at any node, two values equal
// for everyone but q, which the solver merges where they meet.
std::set<Line> path_lines(const GameNode& node, const PayoffRef& ref, std::size_t depth, FixedValues& fixed, std::set<mpq_class>& crossings,
                          const std::vector<std::string>& players) {
  const std::size_t q = ref.player;
  std::set<Line> lines;
  if (depth == ref.terminal.size()) {
    Value v = fixed.of(node)[0];
    v[q] = 0;
    lines.insert({1, v});
    return lines;
  }
  const std::size_t on_path = ref.terminal[depth];
  std::vector<std::set<Line>> children;
  for (std::size_t m = 0; m < node.children.size(); ++m) {
    if (m == on_path) children.push_back(path_lines(node.children[m], ref, depth + 1, fixed, crossings, players));
    else {
      std::set<Line> side;
      for (const auto& v : fixed.of(node.children[m])) side.insert({0, v});
      children.push_back(std::move(side));
    }
  }
  if (node.kind == GameNode::Kind::Decision) {
    for (const auto& c : children) lines.insert(c.begin(), c.end());
    if (node.player == players[q])
      for (std::size_t m = 0; m < children.size(); ++m)
        if (m != on_path)
          for (const auto& a : children[on_path])
            for (const auto& b : children[m]) add_crossing(a, b, q, crossings);
  } else {
    lines.insert({0, Value(players.size(), 0)});
    for (std::size_t m = 0; m < children.size(); ++m) {
      const mpq_class p = exact_number(node.probabilities[m]);
      std::set<Line> combined;
      for (const auto& a : lines)
        for (const auto& b : children[m]) {
          Line sum{a.slope + p * b.slope, a.at_zero};
          for (std::size_t k = 0; k < sum.at_zero.size(); ++k) sum.at_zero[k] += p * b.at_zero[k];
          combined.insert(std::move(sum));
        }
      lines = std::move(combined);
      if (lines.size() > max_lines)
        throw WorkTooLarge(fmt::format("a chance node's subtree combines more than {} distinct values of one payoff", max_lines), static_cast<double>(lines.size()),
                           static_cast<double>(max_lines));
    }
  }
  // Values equal for everyone but q meet where their q-components cross.
  std::map<Value, std::vector<const Line*>> by_others;
  for (const auto& line : lines) {
    Value others = line.at_zero;
    others.erase(others.begin() + static_cast<long>(q));
    by_others[others].push_back(&line);
  }
  for (const auto& [others, group] : by_others)
    for (std::size_t i = 0; i < group.size(); ++i)
      for (std::size_t j = i + 1; j < group.size(); ++j) add_crossing(*group[i], *group[j], q, crossings);
  return lines;
}

std::set<mpq_class> candidate_thresholds(const Game& game, const PayoffRef& ref, FixedValues& fixed) {
  std::set<mpq_class> crossings;
  if (game.form == Game::Form::Extensive) {
    path_lines(game.tree, ref, 0, fixed, crossings, game.players);
    return crossings;
  }
  // A strategic payoff is compared only with the same player's payoffs when it alone deviates.
  auto choice = outcome_choice(game, ref.outcome);
  const std::size_t own = choice[ref.player];
  for (std::size_t s = 0; s < game.strategies[ref.player].size(); ++s) {
    if (s == own) continue;
    choice[ref.player] = s;
    crossings.insert(payoff_value(game, {ref.player, {}, outcome_of_choice(game, choice)}));
  }
  return crossings;
}

// The first change of the solution going from today's value through the candidates (nearest
// first) in one direction: between two candidates the solution is constant, so one solve inside
// each interval and one at each candidate find it exactly.
PayoffShift first_change(const std::function<GameSolution(const mpq_class&)>& solve, const mpq_class& today, const GameSolution& now,
                         const std::vector<mpq_class>& candidates, int direction) {
  PayoffShift shift;
  mpq_class previous = today;
  for (std::size_t k = 0; k <= candidates.size(); ++k) {
    const bool last = k == candidates.size();
    GameSolution inside = solve(last ? mpq_class(previous + direction) : mpq_class((previous + candidates[k]) / 2));
    if (inside != now) return {true, previous, false, now, std::move(inside)};
    if (last) break;
    GameSolution at = solve(candidates[k]);
    previous = candidates[k];
    if (at == now) continue;
    // A value where only the listing of ties differs (two plays' payoffs coincide there and
    // backward induction keeps one), with today's solution on both sides, is not a change.
    const mpq_class beyond = k + 1 < candidates.size() ? mpq_class((candidates[k] + candidates[k + 1]) / 2) : mpq_class(candidates[k] + direction);
    GameSolution past = solve(beyond);
    if (past != now) return {true, candidates[k], true, std::move(at), std::move(past)};
  }
  return shift;
}

std::string unsolved_reason(const Game& game) {
  if (game.form == Game::Form::File) return "a game in a Gambit file: its payoffs are not the scenario's judgments";
  if (game.form == Game::Form::Strategic) return "";
  if (count_nodes(game.tree, true) > max_decision_nodes) return fmt::format("more than {} decision nodes", max_decision_nodes);
  const BackwardInduction b = backward_induction(game);
  if (!b.perfect_information) return "information sets join some nodes: margins are computed for trees of perfect information only";
  if (!b.all_listed) return "more subgame-perfect payoffs than backward induction keeps at a node";
  return "";
}

double solve_cost(const Game& game) {
  if (game.form == Game::Form::Extensive) return static_cast<double>(count_nodes(game.tree, false));
  double profiles = 1, strategies = 0;
  for (const auto& s : game.strategies) profiles *= static_cast<double>(s.size()), strategies += static_cast<double>(s.size());
  return profiles * strategies;
}

}  // namespace

const GameNode& game_node(const Game& game, const std::vector<std::size_t>& path) {
  const GameNode* n = &game.tree;
  for (std::size_t m : path) n = &n->children[m];
  return *n;
}

// The scenario's outcomes run with the last player's strategy fastest (as strategic_game_of reads them).
std::vector<std::size_t> outcome_choice(const Game& game, std::size_t index) {
  std::vector<std::size_t> choice(game.players.size());
  for (std::size_t p = game.players.size(); p-- > 0;) {
    choice[p] = index % game.strategies[p].size();
    index /= game.strategies[p].size();
  }
  return choice;
}

mpq_class payoff_value(const Game& game, const PayoffRef& payoff) {
  const Number* n = payoff_number(game, payoff);
  return n ? exact_number(*n) : mpq_class(0);
}

const Number* payoff_number(const Game& game, const PayoffRef& payoff) {
  const auto& values = game.form == Game::Form::Extensive ? game_node(game, payoff.terminal).payoffs.values : game.outcomes[payoff.outcome].values;
  return payoff.player < values.size() ? &values[payoff.player] : nullptr;
}

std::vector<PayoffRef> game_payoffs(const Game& game) {
  std::vector<PayoffRef> refs;
  if (game.form == Game::Form::Extensive) {
    std::vector<std::vector<std::size_t>> terminals;
    std::vector<std::size_t> path;
    collect_terminals(game.tree, path, terminals);
    for (const auto& t : terminals)
      for (std::size_t p = 0; p < game.players.size() && p < game_node(game, t).payoffs.values.size(); ++p) refs.push_back({p, t, 0});
  } else if (game.form == Game::Form::Strategic) {
    for (std::size_t o = 0; o < game.outcomes.size(); ++o)
      for (std::size_t p = 0; p < game.players.size() && p < game.outcomes[o].values.size(); ++p) refs.push_back({p, {}, o});
  }
  return refs;
}

std::vector<mpq_class> payoff_spreads(const Game& game) {
  std::vector<std::optional<std::pair<mpq_class, mpq_class>>> range(game.players.size());
  for (const auto& ref : game_payoffs(game)) {
    const mpq_class v = payoff_value(game, ref);
    auto& r = range[ref.player];
    if (!r) r = std::pair{v, v};
    else r->first = std::min(r->first, v), r->second = std::max(r->second, v);
  }
  std::vector<mpq_class> spreads;
  for (const auto& r : range) spreads.push_back(r ? mpq_class(r->second - r->first) : mpq_class(0));
  return spreads;
}

GameSolution game_solution(const Game& game) { return game.form == Game::Form::Extensive ? tree_solution(game) : strategic_solution(game); }

GameSolution solution_with(const Game& game, const PayoffRef& payoff, const mpq_class& value) {
  Game changed = game;
  set_payoff(changed, payoff, value);
  return game_solution(changed);
}

GameSensitivity game_sensitivity(const Game& game) {
  GameSensitivity out;
  out.unsolved = unsolved_reason(game);
  if (!out.unsolved.empty()) return out;
  const auto payoffs = game_payoffs(game);
  // Each payoff: up to two solves per candidate threshold, about one candidate per terminal node
  // (per strategy of a strategic game).
  double candidates = 0;
  if (game.form == Game::Form::Extensive) {
    std::vector<std::vector<std::size_t>> terminals;
    std::vector<std::size_t> path;
    collect_terminals(game.tree, path, terminals);
    candidates = static_cast<double>(terminals.size());
  }
  for (const auto& s : game.strategies) candidates += static_cast<double>(s.size());
  const double work = static_cast<double>(payoffs.size()) * 2 * (candidates + 1) * solve_cost(game);
  if (work > max_sensitivity_work)
    throw WorkTooLarge(fmt::format("the margins of {} payoffs need about {:.3g} solver steps", payoffs.size(), work), work, max_sensitivity_work);
  out.solved = true;
  out.solution = game_solution(game);
  Game changed = game;
  FixedValues fixed(game);
  for (const auto& ref : payoffs) {
    PayoffMargin margin{ref, payoff_value(game, ref), {}, {}};
    auto solve = [&](const mpq_class& v) {
      set_payoff(changed, ref, v);
      return game_solution(changed);
    };
    const auto candidates = candidate_thresholds(game, ref, fixed);
    std::vector<mpq_class> above(candidates.upper_bound(margin.today), candidates.end());
    std::vector<mpq_class> beneath(candidates.begin(), candidates.lower_bound(margin.today));
    std::reverse(beneath.begin(), beneath.end());
    margin.up = first_change(solve, margin.today, out.solution, above, +1);
    margin.down = first_change(solve, margin.today, out.solution, beneath, -1);
    *mutable_number(changed, ref) = *payoff_number(game, ref);
    out.margins.push_back(std::move(margin));
  }
  if (game.form == Game::Form::Strategic && game.players.size() == 2 && game.strategies[0].size() == 2 && game.strategies[1].size() == 2) {
    // A 2×2 game has a fully mixed equilibrium iff each player's payoff differences against the
    // opponent's two strategies have one strict sign: the row player's a(0,j) − a(1,j) for j = 0
    // and a(1,1) − a(0,1), the column player's b(i,0) − b(i,1) likewise. Each payoff's threshold
    // is the payoff it is differenced with; the mix leaves the interior there.
    auto u = [&](std::size_t row, std::size_t column, std::size_t p) { return payoff_value(game, {p, {}, outcome_of_choice(game, {row, column})}); };
    const bool row_mixes = sgn(u(0, 0, 0) - u(1, 0, 0)) * sgn(u(1, 1, 0) - u(0, 1, 0)) > 0;
    const bool column_mixes = sgn(u(0, 0, 1) - u(0, 1, 1)) * sgn(u(1, 1, 1) - u(1, 0, 1)) > 0;
    if (row_mixes && column_mixes)
      for (std::size_t row = 0; row < 2; ++row)
        for (std::size_t column = 0; column < 2; ++column)
          for (std::size_t p = 0; p < 2; ++p) {
            const mpq_class partner = p == 0 ? u(1 - row, column, 0) : u(row, 1 - column, 1);
            out.mixed.push_back({{p, {}, outcome_of_choice(game, {row, column})}, u(row, column, p), partner});
          }
  }
  return out;
}

bool is_ordinal(const Game& game) {
  const auto payoffs = game_payoffs(game);
  return !payoffs.empty() && std::all_of(payoffs.begin(), payoffs.end(), [&](const PayoffRef& ref) {
    const mpq_class v = payoff_value(game, ref);
    return v.get_den() == 1 && abs(v) <= 20;
  });
}

namespace {

// Each player's distinct payoff values in increasing order; the places of adjacent pairs are
// visited from the bottom up, each pair swapped with the probability, so a value can climb more
// than one place (n places with probability πⁿ).
void swap_ranks(Game& game, const std::vector<PayoffRef>& payoffs, double probability, std::mt19937_64& random) {
  std::bernoulli_distribution swap(probability);
  for (std::size_t p = 0; p < game.players.size(); ++p) {
    std::vector<mpq_class> values;
    for (const auto& ref : payoffs)
      if (ref.player == p) values.push_back(payoff_value(game, ref));
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    std::vector<std::size_t> place(values.size());  // the rank now at each place
    for (std::size_t k = 0; k < place.size(); ++k) place[k] = k;
    for (std::size_t k = 0; k + 1 < place.size(); ++k)
      if (swap(random)) std::swap(place[k], place[k + 1]);
    std::vector<mpq_class> value_of_rank(values.size());
    for (std::size_t k = 0; k < place.size(); ++k) value_of_rank[place[k]] = values[k];
    for (const auto& ref : payoffs) {
      if (ref.player != p) continue;
      const auto rank = static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), payoff_value(game, ref)) - values.begin());
      set_payoff(game, ref, value_of_rank[rank]);
    }
  }
}

void add_noise(Game& game, const std::vector<PayoffRef>& payoffs, const std::vector<mpq_class>& spreads, double noise, std::mt19937_64& random) {
  for (const auto& ref : payoffs) {
    std::normal_distribution<double> draw(0, noise * spreads[ref.player].get_d());
    set_payoff(game, ref, payoff_value(game, ref) + exact(draw(random)));
  }
}

}  // namespace

GamePerturbation perturb_game(const Game& game, const PerturbationSettings& settings) {
  GamePerturbation out;
  out.unsolved = unsolved_reason(game);
  if (!out.unsolved.empty()) return out;
  if (settings.samples > max_samples)
    throw WorkTooLarge(fmt::format("{} perturbed games", settings.samples), static_cast<double>(settings.samples), static_cast<double>(max_samples));
  const double work = static_cast<double>(settings.samples) * solve_cost(game);
  if (work > max_perturbation_work)
    throw WorkTooLarge(fmt::format("{} perturbed games of {:.3g} solver steps each", settings.samples, solve_cost(game)), work, max_perturbation_work);
  out.solved = true;
  out.ordinal = is_ordinal(game) && !settings.cardinal;
  out.samples = settings.samples;
  const auto payoffs = game_payoffs(game);
  const auto spreads = payoff_spreads(game);
  const GameSolution today = game_solution(game);
  std::map<SolutionPoint, std::size_t> counts;
  std::mt19937_64 random(settings.seed);
  for (std::size_t s = 0; s < settings.samples; ++s) {
    Game sample = game;
    if (out.ordinal) swap_ranks(sample, payoffs, settings.swap_probability, random);
    else add_noise(sample, payoffs, spreads, settings.noise, random);
    for (const auto& point : game_solution(sample)) ++counts[point];
  }
  for (const auto& point : today) out.today.push_back({point, counts[point]});
  for (const auto& [point, holds] : counts)
    if (!std::binary_search(today.begin(), today.end(), point)) out.others.push_back({point, holds});
  std::stable_sort(out.others.begin(), out.others.end(), [](const SolutionFrequency& a, const SolutionFrequency& b) { return a.holds > b.holds; });
  return out;
}

}  // namespace statecraft
