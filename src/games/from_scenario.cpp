#include "games/from_scenario.hpp"

namespace statecraft {

StrategicGame strategic_game_of(const Game& game) {
  StrategicGame g{game.title.empty() ? game.id : game.title, game.players, game.strategies, {}};
  g.payoffs.assign(g.profile_count(), std::vector<double>(game.players.size(), 0.0));
  for (std::size_t index = 0; index < game.outcomes.size(); ++index) {
    std::vector<std::size_t> choice(game.players.size());
    std::size_t rest = index;
    for (std::size_t p = game.players.size(); p-- > 0;) {
      choice[p] = rest % game.strategies[p].size();
      rest /= game.strategies[p].size();
    }
    auto& payoffs = g.payoffs[g.profile_index(choice)];
    for (std::size_t p = 0; p < game.outcomes[index].values.size() && p < payoffs.size(); ++p) payoffs[p] = game.outcomes[index].values[p].value;
  }
  return g;
}

}  // namespace statecraft
