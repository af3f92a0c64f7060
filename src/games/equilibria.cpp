#include "games/equilibria.hpp"

#include <algorithm>

namespace statecraft {

std::vector<std::vector<std::size_t>> pure_nash_equilibria(const StrategicGame& game) {
  std::vector<std::vector<std::size_t>> out;
  for (std::size_t index = 0; index < game.profile_count(); ++index) {
    std::vector<std::size_t> choice = game.profile_choice(index);
    bool stable = true;
    for (std::size_t p = 0; p < game.players.size() && stable; ++p) {
      const mpq_class& current = game.payoffs[index][p];
      const std::size_t own = choice[p];
      for (std::size_t s = 0; s < game.strategies[p].size() && stable; ++s) {
        choice[p] = s;
        if (game.payoff(choice, p) > current) stable = false;
      }
      choice[p] = own;
    }
    if (stable) out.push_back(choice);
  }
  return out;
}

std::vector<std::vector<std::size_t>> iterated_strict_dominance(const StrategicGame& game) {
  const std::size_t n = game.players.size();
  std::vector<std::vector<std::size_t>> alive(n);
  for (std::size_t p = 0; p < n; ++p)
    for (std::size_t s = 0; s < game.strategies[p].size(); ++s) alive[p].push_back(s);
  // Does strategy `better` of player p beat `worse` against every surviving profile of the others?
  auto dominates = [&](std::size_t p, std::size_t better, std::size_t worse) {
    std::vector<std::size_t> position(n, 0), choice(n);
    while (true) {
      for (std::size_t q = 0; q < n; ++q) choice[q] = q == p ? 0 : alive[q][position[q]];
      choice[p] = better;
      const mpq_class& a = game.payoff(choice, p);
      choice[p] = worse;
      if (!(a > game.payoff(choice, p))) return false;
      std::size_t q = 0;
      for (; q < n; ++q) {
        if (q == p) continue;
        if (++position[q] < alive[q].size()) break;
        position[q] = 0;
      }
      if (q == n) return true;
    }
  };
  // Each round removes every strategy dominated at that point, all at once: the order of removal
  // does not change what strict dominance leaves (and a strategy dominated only by one that goes
  // too is dominated by whatever dominates that one), so a round costs one pass, not one per removal.
  for (bool removed = true; removed;) {
    removed = false;
    for (std::size_t p = 0; p < n; ++p) {
      std::vector<std::size_t> kept;
      for (std::size_t s : alive[p])
        if (std::none_of(alive[p].begin(), alive[p].end(), [&](std::size_t t) { return t != s && dominates(p, t, s); })) kept.push_back(s);
      removed = removed || kept.size() < alive[p].size();
      alive[p] = std::move(kept);
    }
  }
  return alive;
}

}  // namespace statecraft
