#include "games/from_scenario.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>

#include "scenario/rational.hpp"

namespace statecraft {

StrategicGame strategic_game_of(const Game& game) {
  StrategicGame g{game.title.empty() ? game.id : game.title, game.players, game.strategies, {}, game.strategy_names};
  g.payoffs.assign(g.profile_count(), std::vector<mpq_class>(game.players.size(), 0));
  for (std::size_t index = 0; index < game.outcomes.size(); ++index) {
    std::vector<std::size_t> choice(game.players.size());
    std::size_t rest = index;
    for (std::size_t p = game.players.size(); p-- > 0;) {
      choice[p] = rest % game.strategies[p].size();
      rest /= game.strategies[p].size();
    }
    auto& payoffs = g.payoffs[g.profile_index(choice)];
    for (std::size_t p = 0; p < game.outcomes[index].values.size() && p < payoffs.size(); ++p) payoffs[p] = exact_number(game.outcomes[index].values[p]);
  }
  return g;
}

namespace {

using OwnMove = std::pair<std::size_t, std::size_t>;  // a player's information set, and its action there

struct TreeInfosets {
  // Per player: each information set's actions, the player's own moves that lead to it (one list
  // under perfect recall), and the set every decision node belongs to.
  std::vector<std::vector<std::vector<std::string>>> actions;
  std::vector<std::vector<std::vector<OwnMove>>> history;
  std::map<const GameNode*, std::size_t> set_of;
  bool perfect_recall = true;
};

void collect_infosets(const Game& game, const GameNode& n, TreeInfosets& sets, std::vector<std::map<std::string, std::size_t>>& index, std::size_t& unlabelled,
                      std::vector<std::vector<OwnMove>>& path) {
  std::size_t p = 0, set = 0;
  const bool decision = n.kind == GameNode::Kind::Decision;
  if (decision) {
    p = static_cast<std::size_t>(std::find(game.players.begin(), game.players.end(), n.player) - game.players.begin());
    const std::string key = n.infoset.empty() ? "\n" + std::to_string(++unlabelled) : n.infoset;
    const auto [it, fresh] = index[p].emplace(key, sets.actions[p].size());
    if (fresh) {
      sets.actions[p].push_back(n.moves);
      sets.history[p].push_back(path[p]);
    } else if (sets.history[p][it->second] != path[p]) {
      sets.perfect_recall = false;
    }
    set = sets.set_of[&n] = it->second;
  }
  for (std::size_t m = 0; m < n.children.size(); ++m) {
    if (decision) path[p].emplace_back(set, m);
    collect_infosets(game, n.children[m], sets, index, unlabelled, path);
    if (decision) path[p].pop_back();
  }
}

// Each player's payoff when everyone follows `plan` (per player, an action per information set).
void play(const Game& game, const GameNode& n, const TreeInfosets& sets, const std::vector<std::vector<std::size_t>>& plan, const mpq_class& weight,
          std::vector<mpq_class>& payoffs) {
  switch (n.kind) {
    case GameNode::Kind::Terminal:
      for (std::size_t p = 0; p < payoffs.size() && p < n.payoffs.values.size(); ++p) payoffs[p] += weight * exact_number(n.payoffs.values[p]);
      return;
    case GameNode::Kind::Chance:
      for (std::size_t m = 0; m < n.children.size(); ++m) play(game, n.children[m], sets, plan, weight * exact_number(n.probabilities[m]), payoffs);
      return;
    case GameNode::Kind::Decision: {
      const auto p = static_cast<std::size_t>(std::find(game.players.begin(), game.players.end(), n.player) - game.players.begin());
      play(game, n.children[plan[p][sets.set_of.at(&n)]], sets, plan, weight, payoffs);
      return;
    }
  }
}

// The player's reduced strategies (Gambit's order: information sets in the order their first
// node is met, the first varying slowest): an action at each set its own earlier actions leave
// reachable, none (`unreached`) at the others. False when there are more than `limit`.
constexpr std::size_t unreached = static_cast<std::size_t>(-1);
bool reduced_plans(const TreeInfosets& sets, std::size_t p, std::size_t limit, std::vector<std::size_t>& plan, std::size_t h,
                   std::vector<std::vector<std::size_t>>& out) {
  if (h == plan.size()) {
    out.push_back(plan);
    return out.size() <= limit;
  }
  // Under imperfect recall a set's own history is not one list: every set counts as reachable.
  const auto& history = sets.history[p][h];
  const bool reachable = !sets.perfect_recall || std::all_of(history.begin(), history.end(), [&](const OwnMove& m) { return plan[m.first] == m.second; });
  if (!reachable) {
    plan[h] = unreached;
    return reduced_plans(sets, p, limit, plan, h + 1, out);
  }
  for (std::size_t a = 0; a < sets.actions[p][h].size(); ++a) {
    plan[h] = a;
    if (!reduced_plans(sets, p, limit, plan, h + 1, out)) return false;
  }
  return true;
}

}  // namespace

std::optional<StrategicGame> strategic_form_of_tree(const Game& game, std::size_t max_profiles) {
  const std::size_t players = game.players.size();
  TreeInfosets sets{std::vector<std::vector<std::vector<std::string>>>(players), std::vector<std::vector<std::vector<OwnMove>>>(players), {}};
  std::vector<std::map<std::string, std::size_t>> index(players);
  std::size_t unlabelled = 0;
  std::vector<std::vector<OwnMove>> path(players);
  collect_infosets(game, game.tree, sets, index, unlabelled, path);
  StrategicGame g{game.title.empty() ? game.id : game.title, game.players, std::vector<std::vector<std::string>>(players), {}, {}};
  std::vector<std::vector<std::vector<std::size_t>>> plans(players);
  std::size_t profiles = 1;
  for (std::size_t p = 0; p < players; ++p) {
    std::vector<std::size_t> plan(sets.actions[p].size(), 0);
    if (!reduced_plans(sets, p, max_profiles, plan, 0, plans[p])) return std::nullopt;
    for (auto& reduced : plans[p]) {
      std::vector<std::string> names;
      for (std::size_t h = 0; h < reduced.size(); ++h) names.push_back(reduced[h] == unreached ? "*" : sets.actions[p][h][reduced[h]]);
      g.strategies[p].push_back(names.empty() ? "(no move)" : fmt::format("{}", fmt::join(names, "/")));
      for (auto& a : reduced)
        if (a == unreached) a = 0;  // never reached: any action plays the same
    }
    profiles *= plans[p].size();
    if (profiles > max_profiles) return std::nullopt;
  }
  for (std::size_t k = 0; k < profiles; ++k) {
    const auto choice = g.profile_choice(k);
    std::vector<std::vector<std::size_t>> plan(players);
    for (std::size_t p = 0; p < players; ++p) plan[p] = plans[p][choice[p]];
    std::vector<mpq_class> payoffs(players, 0);
    play(game, game.tree, sets, plan, 1, payoffs);
    g.payoffs.push_back(payoffs);
  }
  return g;
}

}  // namespace statecraft
