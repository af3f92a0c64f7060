#include "scenario/types.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "scenario/rational.hpp"

namespace statecraft {
namespace {

std::size_t written_nodes(const GameNode& node) {
  std::size_t n = 1;
  for (const auto& child : node.children) n += written_nodes(child);
  return n;
}

class Expansion {
 public:
  // The written tree in the `index`th profile of types, `profile`.
  Expansion(const Game& game, const std::vector<std::string>& profile, std::size_t index) : game_(game), profile_(profile), index_(index) {}

  GameNode copy(const GameNode& written, const std::string& where) const {
    GameNode node = written;
    node.open_to.clear();
    node.children.clear();
    node.moves.clear();
    if (node.kind == GameNode::Kind::Terminal) {
      if (!written.payoffs.by_type_profile.empty()) node.payoffs.values = written.payoffs.by_type_profile[index_];
      node.payoffs.by_type_profile.clear();
      return node;
    }
    const std::string own_type = node.kind == GameNode::Kind::Decision ? type_of(node.player) : std::string();
    if (node.kind == GameNode::Kind::Decision) {
      // Nodes the mover cannot tell apart: as written, and across every profile, except that a
      // typed mover knows its type.
      const std::string set = written.infoset.empty() ? "@ " + where : written.infoset;
      node.infoset = own_type.empty() ? set : set + " | " + own_type;
    }
    for (std::size_t m = 0; m < written.children.size(); ++m) {
      const auto& open_to = written.children[m].open_to;
      if (!open_to.empty() && std::find(open_to.begin(), open_to.end(), own_type) == open_to.end()) continue;
      node.moves.push_back(written.moves[m]);
      node.children.push_back(copy(written.children[m], where == "root" ? written.moves[m] : where + " / " + written.moves[m]));
    }
    return node;
  }

 private:
  std::string type_of(const std::string& player) const {
    for (std::size_t d = 0; d < game_.types.size(); ++d)
      if (game_.types[d].player == player) return profile_[d];
    return {};
  }

  const Game& game_;
  const std::vector<std::string>& profile_;
  std::size_t index_;
};

}  // namespace

std::vector<std::vector<std::string>> type_profiles(const std::vector<TypeDraw>& types) {
  std::vector<std::vector<std::string>> profiles{{}};
  for (const auto& draw : types) {
    std::vector<std::vector<std::string>> longer;
    for (const auto& profile : profiles)
      for (const auto& type : draw.types) {
        longer.push_back(profile);
        longer.back().push_back(type.id);
      }
    profiles = std::move(longer);
  }
  return profiles;
}

std::string type_profile_label(const std::vector<std::string>& profile) { return fmt::format("{}", fmt::join(profile, ", ")); }

std::size_t typed_tree_nodes(const Game& game) {
  std::size_t profiles = 1;
  for (const auto& draw : game.types) profiles *= std::max<std::size_t>(draw.types.size(), 1);
  return 1 + profiles * written_nodes(game.tree);
}

void expand_types(Game& game) {
  if (game.types.empty()) return;
  GameNode draw;
  draw.kind = GameNode::Kind::Chance;
  draw.at = game.tree.at;
  std::vector<std::string> drawn;
  for (const auto& d : game.types) drawn.push_back(d.player + "'s type");
  draw.name = fmt::format("Chance draws {}", fmt::join(drawn, " and "));
  const auto profiles = type_profiles(game.types);
  for (std::size_t k = 0; k < profiles.size(); ++k) {
    mpq_class probability = 1;
    for (std::size_t d = 0; d < game.types.size(); ++d)
      for (const auto& type : game.types[d].types)
        if (type.id == profiles[k][d]) probability *= exact_number(type.probability);
    Number p;
    p.value = probability.get_d();
    p.text = probability.get_str();
    p.at = game.types.front().at;
    draw.moves.push_back(type_profile_label(profiles[k]));
    draw.probabilities.push_back(std::move(p));
    draw.children.push_back(Expansion(game, profiles[k], k).copy(game.tree, "root"));
  }
  game.tree = std::move(draw);
}

}  // namespace statecraft
