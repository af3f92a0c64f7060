#include "games/strategic_game.hpp"

namespace statecraft {

std::size_t StrategicGame::profile_count() const {
  std::size_t count = 1;
  for (const auto& s : strategies) count *= s.size();
  return count;
}

std::size_t StrategicGame::profile_index(const std::vector<std::size_t>& choice) const {
  std::size_t index = 0, stride = 1;
  for (std::size_t p = 0; p < strategies.size(); ++p) {
    index += choice[p] * stride;
    stride *= strategies[p].size();
  }
  return index;
}

std::vector<std::size_t> StrategicGame::profile_choice(std::size_t index) const {
  std::vector<std::size_t> choice(strategies.size());
  for (std::size_t p = 0; p < strategies.size(); ++p) {
    choice[p] = index % strategies[p].size();
    index /= strategies[p].size();
  }
  return choice;
}

}  // namespace statecraft
