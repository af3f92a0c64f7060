#include "games/from_scenario.hpp"

#include <algorithm>
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

struct TreeInfosets {
  // Per player: each information set's actions, and the set every decision node belongs to.
  std::vector<std::vector<std::vector<std::string>>> actions;
  std::map<const GameNode*, std::size_t> set_of;
};

void collect_infosets(const Game& game, const GameNode& n, TreeInfosets& sets, std::vector<std::map<std::string, std::size_t>>& index, std::size_t& unlabelled) {
  if (n.kind == GameNode::Kind::Decision) {
    const auto p = static_cast<std::size_t>(std::find(game.players.begin(), game.players.end(), n.player) - game.players.begin());
    const std::string key = n.infoset.empty() ? "\n" + std::to_string(++unlabelled) : n.infoset;
    const auto [it, fresh] = index[p].emplace(key, sets.actions[p].size());
    if (fresh) sets.actions[p].push_back(n.moves);
    sets.set_of[&n] = it->second;
  }
  for (const auto& child : n.children) collect_infosets(game, child, sets, index, unlabelled);
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

}  // namespace

std::optional<StrategicGame> strategic_form_of_tree(const Game& game, std::size_t max_profiles) {
  const std::size_t players = game.players.size();
  TreeInfosets sets{std::vector<std::vector<std::vector<std::string>>>(players), {}};
  std::vector<std::map<std::string, std::size_t>> index(players);
  std::size_t unlabelled = 0;
  collect_infosets(game, game.tree, sets, index, unlabelled);
  StrategicGame g{game.title.empty() ? game.id : game.title, game.players, std::vector<std::vector<std::string>>(players), {}, {}};
  // Strategies in mixed radix over the player's information sets, the first varying fastest.
  std::vector<std::vector<std::vector<std::size_t>>> plans(players);
  std::size_t profiles = 1;
  for (std::size_t p = 0; p < players; ++p) {
    std::vector<std::size_t> plan(sets.actions[p].size(), 0);
    do {
      plans[p].push_back(plan);
      std::vector<std::string> names;
      for (std::size_t h = 0; h < plan.size(); ++h) names.push_back(sets.actions[p][h][plan[h]]);
      std::string name = names.empty() ? "(no move)" : names[0];
      for (std::size_t h = 1; h < names.size(); ++h) name += "/" + names[h];
      g.strategies[p].push_back(name);
      if (plans[p].size() > max_profiles) return std::nullopt;
      std::size_t h = 0;
      while (h < plan.size() && ++plan[h] == sets.actions[p][h].size()) plan[h++] = 0;
      if (h == plan.size()) break;
    } while (true);
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
