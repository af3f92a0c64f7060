#include "games/backward_induction.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "scenario/rational.hpp"

namespace statecraft {
namespace {

using Value = std::vector<mpq_class>;

// The first player's payoff highest first, then the second's, and so on.
struct HigherFirst {
  bool operator()(const Value& a, const Value& b) const { return std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end()); }
};

// One subgame-perfect value of a subtree and how it is reached: at a decision node {the move, the
// index of the child's result}; at a chance node the index of each child's result.
struct Result {
  Value value;
  std::vector<std::size_t> parts;
};

std::size_t player_index(const Game& g, const std::string& id) {
  return static_cast<std::size_t>(std::find(g.players.begin(), g.players.end(), id) - g.players.begin());
}

bool has_shared_infoset(const GameNode& node, std::map<std::string, int>& seen) {
  if (node.kind == GameNode::Kind::Decision && !node.infoset.empty() && ++seen[node.player + "\n" + node.infoset] > 1) return true;
  return std::any_of(node.children.begin(), node.children.end(), [&](const GameNode& c) { return has_shared_infoset(c, seen); });
}

std::string below(const std::string& where, const std::string& move) { return where == "root" ? move : where + " / " + move; }

std::string step(const GameNode& node, std::size_t m) {
  return (node.kind == GameNode::Kind::Decision ? node.player + " " : std::string("chance: ")) + node.moves[m];
}

std::size_t count_decisions(const GameNode& node) {
  std::size_t count = node.kind == GameNode::Kind::Decision;
  for (const auto& c : node.children) count += count_decisions(c);
  return count;
}

class Solver {
 public:
  Solver(const Game& g, std::size_t limit, BackwardInduction& out) : g_(g), limit_(std::max<std::size_t>(limit, 1)), out_(out) {}

  // Every subgame-perfect value of the subtree (up to the limit), best for the first player first.
  // A decision node's mover may take move m to a value u of that child if every other move k has
  // a subgame-perfect continuation worth no more than u to it: the continuation off the path can
  // be any equilibrium of its subgame, so the one worst for the mover will do.
  const std::vector<Result>& solve(const GameNode& node, const std::string& where, const std::vector<std::string>& history) {
    std::vector<const std::vector<Result>*> children;
    for (std::size_t m = 0; m < node.children.size(); ++m) {
      auto longer = history;
      longer.push_back(step(node, m));
      children.push_back(&solve(node.children[m], below(where, node.moves[m]), longer));
    }
    std::map<Value, std::vector<std::size_t>, HigherFirst> found;
    if (node.kind == GameNode::Kind::Terminal) {
      Value v;
      for (const auto& n : node.payoffs.values) v.push_back(exact_number(n));
      v.resize(g_.players.size(), 0);
      found.emplace(v, std::vector<std::size_t>{});
    } else if (node.kind == GameNode::Kind::Chance) {
      combine_chance(node, children, found);
    } else {
      choose(node, children, found, where, history);
    }
    if (found.size() > limit_) {
      found.erase(std::next(found.begin(), static_cast<long>(limit_)), found.end());
      out_.all_listed = false;
    }
    auto& results = results_[&node];
    for (auto& [value, parts] : found) results.push_back({value, parts});
    return results;
  }

  // One equilibrium: result `index` at `node`, with the decisions and (when asked) the threats.
  void play(const GameNode& node, std::size_t index, const std::string& where, const std::vector<std::string>& history, const std::string& after,
            SubgamePerfectEquilibrium& e, bool threats) {
    const Result& result = results_.at(&node)[index];
    if (node.kind == GameNode::Kind::Terminal) return;
    std::vector<std::size_t> targets = result.parts;
    const bool decision = node.kind == GameNode::Kind::Decision;
    if (decision) targets = off_path_choices(node, result);
    if (decision) e.decisions.push_back({where, history, node.player, node.moves[result.parts[0]], result.value});
    for (std::size_t k = 0; k < node.children.size(); ++k) {
      auto longer = history;
      longer.push_back(step(node, k));
      play(node.children[k], targets[k], below(where, node.moves[k]), longer, decision ? node.player : after, e, threats);
    }
    if (decision && threats) find_threats(node, targets, result.parts[0], where, history, after);  // deepest first, as the induction meets them
  }

  const Value& value(const GameNode& node, std::size_t index) const { return results_.at(&node)[index].value; }

 private:
  void combine_chance(const GameNode& node, const std::vector<const std::vector<Result>*>& children, std::map<Value, std::vector<std::size_t>, HigherFirst>& found) {
    std::vector<mpq_class> probability;
    for (const auto& p : node.probabilities) probability.push_back(exact_number(p));
    std::vector<std::size_t> choice(children.size(), 0);
    // Every combination of the children's equilibria is one of the node's; their number is a
    // product, so past a budget the rest are left out (and said to be).
    for (std::size_t tried = 0;; ++tried) {
      if (tried == limit_ * 64) {
        out_.all_listed = false;
        return;
      }
      Value v(g_.players.size(), 0);
      for (std::size_t m = 0; m < children.size(); ++m)
        for (std::size_t p = 0; p < v.size(); ++p) v[p] += probability[m] * (*children[m])[choice[m]].value[p];
      found.emplace(std::move(v), choice);
      std::size_t m = 0;
      while (m < choice.size() && ++choice[m] == children[m]->size()) choice[m++] = 0;
      if (m == choice.size()) return;
    }
  }

  void choose(const GameNode& node, const std::vector<const std::vector<Result>*>& children, std::map<Value, std::vector<std::size_t>, HigherFirst>& found,
              const std::string& where, const std::vector<std::string>& history) {
    const std::size_t p = player_index(g_, node.player);
    // The most the mover can be held to elsewhere: each alternative's worst continuation for it.
    std::vector<mpq_class> worst;
    for (const auto* child : children)
      worst.push_back(std::min_element(child->begin(), child->end(), [&](const Result& a, const Result& b) { return a.value[p] < b.value[p]; })->value[p]);
    std::vector<bool> taken(children.size(), false);
    for (std::size_t m = 0; m < children.size(); ++m)
      for (std::size_t i = 0; i < children[m]->size(); ++i) {
        const Value& u = (*children[m])[i].value;
        bool best = true;
        for (std::size_t k = 0; k < children.size() && best; ++k) best = k == m || worst[k] <= u[p];
        if (!best) continue;
        taken[m] = true;
        // Equal payoffs by two moves: one is kept, by the moves' names rather than their order.
        auto [it, fresh] = found.emplace(u, std::vector<std::size_t>{m, i});
        if (!fresh && node.moves[m] < node.moves[it->second[0]]) it->second = {m, i};
      }
    if (std::count(taken.begin(), taken.end(), true) > 1) {
      TiedDecision tie{where, history, node.player, {}};
      for (std::size_t m = 0; m < children.size(); ++m)
        if (taken[m]) tie.moves.push_back(node.moves[m]);
      out_.ties.push_back(tie);
    }
  }

  // The equilibrium each child plays: the chosen child the result's own; every other the first
  // (in the children's order of results) that leaves the mover no better off than its choice.
  std::vector<std::size_t> off_path_choices(const GameNode& node, const Result& result) {
    const std::size_t p = player_index(g_, node.player), m = result.parts[0];
    std::vector<std::size_t> targets(node.children.size(), 0);
    for (std::size_t k = 0; k < node.children.size(); ++k) {
      const auto& child = results_.at(&node.children[k]);
      if (k == m) targets[k] = result.parts[1];
      else
        targets[k] = static_cast<std::size_t>(std::find_if(child.begin(), child.end(), [&](const Result& r) { return r.value[p] <= result.value[p]; }) - child.begin());
    }
    return targets;
  }

  void find_threats(const GameNode& node, const std::vector<std::size_t>& targets, std::size_t best, const std::string& where, const std::vector<std::string>& history,
                    const std::string& after) {
    // A threat is a response: a move promised for when someone else has moved.
    if (after.empty() || after == node.player) return;
    const std::size_t p = player_index(g_, node.player);
    std::vector<Value> values;
    for (std::size_t k = 0; k < node.children.size(); ++k) values.push_back(results_.at(&node.children[k])[targets[k]].value);
    for (std::size_t m = 0; m < values.size(); ++m) {
      if (values[m][p] >= values[best][p]) continue;
      bool hurts_another = false;
      for (std::size_t q = 0; q < values[m].size(); ++q) hurts_another = hurts_another || (q != p && values[m][q] < values[best][q]);
      if (hurts_another) out_.threats.push_back({where, node.player, node.moves[m], node.moves[best], values[best][p] - values[m][p]});
    }
    for (std::size_t q = 0; q < g_.players.size(); ++q) {
      if (q == p) continue;
      for (std::size_t m = 0; m < values.size(); ++m)
        if (values[m][q] > values[best][q]) {
          out_.credible_threats.push_back({where, history, node.player, node.moves[best], g_.players[q], node.moves[m]});
          break;
        }
    }
  }

  const Game& g_;
  std::size_t limit_;
  BackwardInduction& out_;
  std::map<const GameNode*, std::vector<Result>> results_;
};

void follow_path(const GameNode& node, const std::vector<TreeDecision>& decisions, const std::string& where, std::vector<std::string>& path) {
  if (node.kind != GameNode::Kind::Decision) return;  // chance: the path branches; stop here
  const auto d = std::find_if(decisions.begin(), decisions.end(), [&](const TreeDecision& t) { return t.where == where; });
  if (d == decisions.end()) return;
  path.push_back(node.player + " " + d->choice);
  const auto m = static_cast<std::size_t>(std::find(node.moves.begin(), node.moves.end(), d->choice) - node.moves.begin());
  follow_path(node.children[m], decisions, below(where, d->choice), path);
}

}  // namespace

const GameNode* node_at(const GameNode& root, const std::string& where) {
  const GameNode* node = &root;
  std::string_view rest = where == "root" ? std::string_view() : std::string_view(where);
  while (!rest.empty()) {
    std::size_t best = node->moves.size(), length = 0;
    for (std::size_t m = 0; m < node->moves.size(); ++m) {
      const std::string& move = node->moves[m];
      const bool fits = rest.substr(0, move.size()) == move && (rest.size() == move.size() || rest.substr(move.size(), 3) == " / ");
      if (fits && move.size() >= length) best = m, length = move.size();
    }
    if (best == node->moves.size()) return nullptr;
    node = &node->children[best];
    rest.remove_prefix(std::min(rest.size(), length + 3));
  }
  return node;
}

BackwardInduction backward_induction(const Game& game, std::size_t limit) {
  BackwardInduction out;
  std::map<std::string, int> seen;
  if (game.form != Game::Form::Extensive || has_shared_infoset(game.tree, seen)) {
    out.perfect_information = false;
    return out;
  }
  Solver solver(game, limit, out);
  const std::size_t count = solver.solve(game.tree, "root", {}).size();
  const bool every_plan = count_decisions(game.tree) <= 1000;
  for (std::size_t r = 0; r < count; ++r) {
    SubgamePerfectEquilibrium e;
    solver.play(game.tree, r, "root", {}, "", e, r == 0);
    e.value = solver.value(game.tree, r);
    // Decisions from the root down, as a reader follows the tree.
    std::stable_sort(e.decisions.begin(), e.decisions.end(), [](const TreeDecision& a, const TreeDecision& b) { return a.history.size() < b.history.size(); });
    follow_path(game.tree, e.decisions, "root", e.path);
    if (r > 0 && !every_plan) e.decisions.clear();
    out.equilibria.push_back(std::move(e));
  }
  std::stable_sort(out.ties.begin(), out.ties.end(), [](const TiedDecision& a, const TiedDecision& b) { return a.history.size() < b.history.size(); });
  return out;
}

}  // namespace statecraft
