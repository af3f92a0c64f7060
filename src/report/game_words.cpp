#include "report/game_words.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmpxx.h>

#include "games/backward_induction.hpp"

namespace statecraft {
namespace {

const std::string* name_of(const std::vector<std::vector<std::string>>& names, std::size_t p, std::size_t k) {
  return p < names.size() && k < names[p].size() && !names[p][k].empty() ? &names[p][k] : nullptr;
}

std::size_t move_index(const GameNode& node, const std::string& move) {
  return static_cast<std::size_t>(std::find(node.moves.begin(), node.moves.end(), move) - node.moves.begin());
}

template <typename AnyGame>
std::string words_of_profile(const AnyGame& g, const std::vector<std::size_t>& choice) {
  std::vector<std::string> parts;
  for (std::size_t p = 0; p < g.players.size() && p < choice.size(); ++p) parts.push_back(strategy_words(g, p, choice[p]));
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

std::string game_title(const Game& game) { return game.title.empty() ? game.id : game.title; }

std::string strategy_name(const StrategicGame& g, std::size_t p, std::size_t k) {
  const std::string* name = name_of(g.names, p, k);
  return name ? *name : g.strategies[p][k];
}

std::string strategy_label(const StrategicGame& g, std::size_t p, std::size_t k) {
  const std::string* name = name_of(g.names, p, k);
  return name ? "“" + *name + "”" : g.strategies[p][k];
}

std::string strategy_words(const StrategicGame& g, std::size_t p, std::size_t k) {
  const std::string* name = name_of(g.names, p, k);
  return name ? "“" + *name + "”" : g.players[p] + " " + g.strategies[p][k];
}

std::string strategy_words(const Game& g, std::size_t p, std::size_t k) {
  const std::string* name = name_of(g.strategy_names, p, k);
  return name ? "“" + *name + "”" : g.players[p] + " " + g.strategies[p][k];
}

std::string profile_words(const StrategicGame& g, const std::vector<std::size_t>& choice) { return words_of_profile(g, choice); }
std::string profile_words(const Game& g, const std::vector<std::size_t>& choice) { return words_of_profile(g, choice); }

std::string percent_and_fraction(const std::string& probability) {
  const mpq_class q(probability);
  const std::string percent = fmt::format("{:.3g} %", 100 * q.get_d());
  return q.get_den() == 1 ? percent : fmt::format("{} ({})", percent, probability);
}

std::string step_words(const GameNode& from, std::size_t m) {
  const GameNode& to = from.children[m];
  if (!to.name.empty()) return "“" + to.name + "”";
  return (from.kind == GameNode::Kind::Chance ? std::string("chance: ") : from.player + " ") + from.moves[m];
}

std::string move_words(const Game& game, const std::string& where, const std::string& move) {
  const GameNode* node = node_at(game.tree, where);
  if (!node) return move;
  const std::size_t m = move_index(*node, move);
  return m < node->moves.size() && !node->children[m].name.empty() ? "“" + node->children[m].name + "”" : move;
}

std::string place_words(const Game& game, const std::string& where) { return place_words(game.tree, where); }

std::string place_words(const GameNode& from, const std::string& where) {
  if (where == "root") return {};
  // The steps to `where`, found by descending: each prefix of the place names a node.
  std::vector<std::string> steps;
  const GameNode* node = &from;
  std::string prefix = "root";
  while (node && prefix != where) {
    const GameNode* next = nullptr;
    for (std::size_t m = 0; m < node->moves.size() && !next; ++m) {
      const std::string longer = prefix == "root" ? node->moves[m] : prefix + " / " + node->moves[m];
      if (where == longer || where.rfind(longer + " / ", 0) == 0) {
        steps.push_back(step_words(*node, m));
        next = &node->children[m];
        prefix = longer;
      }
    }
    node = next;
  }
  if (!node) return "at \"" + where + "\"";
  return fmt::format("after {}", fmt::join(steps, ", then "));
}

std::vector<std::string> path_words(const Game& game, const std::vector<std::string>& path) {
  std::vector<std::string> words;
  const GameNode* node = &game.tree;
  for (const auto& step : path) {
    const std::size_t m = node && node->kind == GameNode::Kind::Decision && step.rfind(node->player + " ", 0) == 0 ? move_index(*node, step.substr(node->player.size() + 1))
                                                                                                               : node ? node->moves.size() : 0;
    if (!node || m >= node->moves.size()) {
      words.push_back(step);
      node = nullptr;
      continue;
    }
    words.push_back(step_words(*node, m));
    node = &node->children[m];
  }
  return words;
}

}  // namespace statecraft
