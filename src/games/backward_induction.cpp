#include "games/backward_induction.hpp"

#include <algorithm>
#include <map>

#include "games/rational.hpp"

namespace statecraft {
namespace {

std::size_t player_index(const Game& g, const std::string& id) {
  return static_cast<std::size_t>(std::find(g.players.begin(), g.players.end(), id) - g.players.begin());
}

bool has_shared_infoset(const GameNode& node, std::map<std::string, int>& seen) {
  if (node.kind == GameNode::Kind::Decision && !node.infoset.empty() && ++seen[node.player + "\n" + node.infoset] > 1) return true;
  return std::any_of(node.children.begin(), node.children.end(), [&](const GameNode& c) { return has_shared_infoset(c, seen); });
}

class Solver {
 public:
  Solver(const Game& g, BackwardInduction& out) : g_(g), out_(out) {}

  // `after`: who moved last before this node ("" at the root or after chance alone);
  // `history`: every move so far with its mover.
  std::vector<mpq_class> solve(const GameNode& node, const std::string& where, const std::string& after, const std::vector<std::string>& history) {
    if (node.kind == GameNode::Kind::Terminal) {
      std::vector<mpq_class> v;
      for (const auto& n : node.payoffs.values) v.push_back(exact_number(n));
      v.resize(g_.players.size(), 0);
      return v;
    }
    std::vector<std::vector<mpq_class>> values;
    for (std::size_t m = 0; m < node.children.size(); ++m) {
      auto longer = history;
      longer.push_back((node.kind == GameNode::Kind::Decision ? node.player + " " : std::string("chance: ")) + node.moves[m]);
      values.push_back(solve(node.children[m], where == "root" ? node.moves[m] : where + " / " + node.moves[m],
                             node.kind == GameNode::Kind::Decision ? node.player : after, longer));
    }
    if (node.kind == GameNode::Kind::Chance) {
      std::vector<mpq_class> v(g_.players.size(), 0);
      for (std::size_t m = 0; m < values.size(); ++m)
        for (std::size_t p = 0; p < v.size(); ++p) v[p] += exact_number(node.probabilities[m]) * values[m][p];
      return v;
    }
    const std::size_t p = player_index(g_, node.player);
    std::size_t best = 0;
    for (std::size_t m = 1; m < values.size(); ++m)
      if (values[m][p] > values[best][p]) best = m;
    out_.decisions.push_back({where, history, node.player, node.moves[best], values[best]});
    // A threat is a response: a move promised for when someone else has moved.
    const bool responding = !after.empty() && after != node.player;
    for (std::size_t m = 0; m < values.size() && responding; ++m) {
      if (values[m][p] >= values[best][p]) continue;
      bool hurts_another = false;
      for (std::size_t q = 0; q < values[m].size(); ++q) hurts_another = hurts_another || (q != p && values[m][q] < values[best][q]);
      if (hurts_another) out_.threats.push_back({where, node.player, node.moves[m], node.moves[best], values[best][p] - values[m][p]});
    }
    for (std::size_t q = 0; q < g_.players.size() && responding; ++q) {
      if (q == p) continue;
      for (std::size_t m = 0; m < values.size(); ++m)
        if (values[m][q] > values[best][q]) {
          out_.credible_threats.push_back({where, history, node.player, node.moves[best], g_.players[q], node.moves[m]});
          break;
        }
    }
    return values[best];
  }

 private:
  const Game& g_;
  BackwardInduction& out_;
};

void follow_path(const Game& g, const GameNode& node, const std::vector<TreeDecision>& decisions, const std::string& where,
                 std::vector<std::string>& path) {
  if (node.kind != GameNode::Kind::Decision) return;  // chance: the path branches; stop here
  const auto d = std::find_if(decisions.begin(), decisions.end(), [&](const TreeDecision& t) { return t.where == where; });
  if (d == decisions.end()) return;
  path.push_back(node.player + " " + d->choice);
  const auto m = static_cast<std::size_t>(std::find(node.moves.begin(), node.moves.end(), d->choice) - node.moves.begin());
  follow_path(g, node.children[m], decisions, where == "root" ? d->choice : where + " / " + d->choice, path);
}

}  // namespace

BackwardInduction backward_induction(const Game& game) {
  BackwardInduction out;
  std::map<std::string, int> seen;
  if (game.form != Game::Form::Extensive || has_shared_infoset(game.tree, seen)) {
    out.perfect_information = false;
    return out;
  }
  out.value = Solver(game, out).solve(game.tree, "root", "", {});
  // Order decisions and threats from the root down, as a reader follows the tree.
  std::stable_sort(out.decisions.begin(), out.decisions.end(), [](const TreeDecision& a, const TreeDecision& b) { return a.history.size() < b.history.size(); });
  follow_path(game, game.tree, out.decisions, "root", out.path);
  return out;
}

}  // namespace statecraft
