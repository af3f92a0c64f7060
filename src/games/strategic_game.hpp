#pragma once
// N-player games in strategic form: players, their strategies, and a payoff per player for
// every pure-strategy profile.

#include <cstddef>
#include <gmpxx.h>
#include <string>
#include <vector>

namespace statecraft {

struct StrategicGame {
  std::string title;
  std::vector<std::string> players;
  std::vector<std::vector<std::string>> strategies;  // per player
  // payoffs[profile][player], exact as written; profiles ordered with the FIRST player's
  // strategy varying fastest, as in Gambit's .nfg files.
  std::vector<std::vector<mpq_class>> payoffs;
  // Per player, one per strategy, the name a reader sees (a scenario's `strategies` mapping);
  // empty where none is given, and then the label stands for it.
  std::vector<std::vector<std::string>> names;

  std::size_t profile_count() const;
  // Index of a profile given each player's strategy.
  std::size_t profile_index(const std::vector<std::size_t>& choice) const;
  std::vector<std::size_t> profile_choice(std::size_t index) const;
  const mpq_class& payoff(const std::vector<std::size_t>& choice, std::size_t player) const { return payoffs[profile_index(choice)][player]; }
};

}  // namespace statecraft
