#include "games/sequence_form.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <stdexcept>

#include "scenario/rational.hpp"
#include "games/sequence_form_lcp.hpp"

namespace statecraft {
namespace {

std::size_t lcp_rows(const SequenceForm& form) {
  return form.sequences[0] + form.sequences[1] + 2 * (form.infosets[0].size() + 1 + form.infosets[1].size() + 1);
}

class SequenceFormBuilder {
 public:
  SequenceFormBuilder(const Game& game, std::size_t max_lcp_rows) : game_(game) {
    if (game.players.size() != 2) throw std::invalid_argument("the sequence form needs a two-player game");
    walk(game.tree, {0, 0}, 1, "root");
    const std::size_t rows = lcp_rows(form_);
    if (rows > max_lcp_rows)
      throw WorkTooLarge(fmt::format("the sequence form's LCP has {} rows ({} and {} sequences)", rows, form_.sequences[0], form_.sequences[1]), static_cast<double>(rows),
                         static_cast<double>(max_lcp_rows), "--max-lcp-rows");
    form_.a.assign(form_.sequences[0], std::vector<mpq_class>(form_.sequences[1], 0));
    form_.b = form_.ends = form_.a;
    for (const Leaf& leaf : leaves_) {
      form_.a[leaf.sequence[0]][leaf.sequence[1]] += leaf.probability * leaf.payoff[0];
      form_.b[leaf.sequence[0]][leaf.sequence[1]] += leaf.probability * leaf.payoff[1];
      form_.ends[leaf.sequence[0]][leaf.sequence[1]] += leaf.probability;
    }
  }

  SequenceForm form() && { return std::move(form_); }

 private:
  struct Leaf {
    std::array<std::size_t, 2> sequence;
    mpq_class probability;
    std::array<mpq_class, 2> payoff;
  };

  void walk(const GameNode& n, std::array<std::size_t, 2> sequence, const mpq_class& probability, const std::string& where) {
    auto below = [&](std::size_t m) { return where == "root" ? n.moves[m] : where + " / " + n.moves[m]; };
    switch (n.kind) {
      case GameNode::Kind::Terminal:
        if (n.payoffs.values.size() < 2) throw std::invalid_argument("a terminal node at " + where + " lacks payoffs");
        leaves_.push_back({sequence, probability, {exact_number(n.payoffs.values[0]), exact_number(n.payoffs.values[1])}});
        return;
      case GameNode::Kind::Chance:
        for (std::size_t m = 0; m < n.children.size(); ++m) walk(n.children[m], sequence, probability * exact_number(n.probabilities.at(m)), below(m));
        return;
      case GameNode::Kind::Decision: {
        const std::size_t p = player_index(n.player);
        const std::size_t first = infoset(p, n, sequence, probability, where).first;  // copied: the walk below adds infosets
        for (std::size_t m = 0; m < n.children.size(); ++m) {
          auto next = sequence;
          next[p] = first + m;
          walk(n.children[m], next, probability, below(m));
        }
        return;
      }
    }
  }

  std::size_t player_index(const std::string& name) const {
    const auto it = std::find(game_.players.begin(), game_.players.end(), name);
    if (it == game_.players.end()) throw std::invalid_argument("unknown player " + name);
    return static_cast<std::size_t>(it - game_.players.begin());
  }

  // The node's information set, registered when first met. Perfect recall: every node of a set
  // is reached by the same sequence of the player's own moves.
  const SequenceForm::Infoset& infoset(std::size_t p, const GameNode& n, std::array<std::size_t, 2> sequence, const mpq_class& chance, const std::string& where) {
    const std::size_t parent = sequence[p];
    const std::string key = n.infoset.empty() ? "\n" + std::to_string(++unlabelled_) : n.infoset;
    auto [it, fresh] = index_[p].emplace(key, form_.infosets[p].size());
    if (fresh) {
      form_.infosets[p].push_back({parent, form_.sequences[p], n.moves, where, {}});
      form_.sequences[p] += n.moves.size();
    }
    SequenceForm::Infoset& set = form_.infosets[p][it->second];
    set.members.push_back({where, chance, sequence[1 - p]});
    if (set.parent != parent)
      throw std::invalid_argument("imperfect recall: " + game_.players[p] + " reaches its information set at " + where + " by other moves of its own than at " + set.where);
    if (set.actions.size() != n.moves.size()) throw std::invalid_argument("the nodes of the information set at " + where + " have different moves");
    return set;
  }

  const Game& game_;
  SequenceForm form_;
  std::array<std::map<std::string, std::size_t>, 2> index_;
  std::size_t unlabelled_ = 0;
  std::vector<Leaf> leaves_;
};

// The best a player can get against the other's plan, by backward induction over its own
// sequences: a sequence is worth what it earns plus the best action at each infoset it leads to.
mpq_class best_reply_value(const SequenceForm& form, std::size_t p, const std::vector<mpq_class>& earns) {
  std::vector<mpq_class> worth = earns;
  for (std::size_t h = form.infosets[p].size(); h-- > 0;) {  // children come after their parents
    const auto& set = form.infosets[p][h];
    mpq_class best = worth[set.first];
    for (std::size_t c = 1; c < set.actions.size(); ++c) best = std::max(best, worth[set.first + c]);
    worth[set.parent] += best;
  }
  return worth[0];
}

}  // namespace

SequenceForm sequence_form(const Game& game, std::size_t max_lcp_rows) { return SequenceFormBuilder(game, max_lcp_rows).form(); }

bool is_sequence_form_equilibrium(const SequenceForm& form, const std::array<std::vector<mpq_class>, 2>& plan) {
  for (std::size_t p = 0; p < 2; ++p) {
    const auto e = sequence_constraints(form, p);
    for (std::size_t row = 0; row < e.size(); ++row) {
      mpq_class sum = 0;
      for (std::size_t s = 0; s < form.sequences[p]; ++s) sum += e[row][s] * plan[p][s];
      if (sum != (row == 0 ? 1 : 0)) return false;
    }
    if (std::any_of(plan[p].begin(), plan[p].end(), [](const mpq_class& v) { return sgn(v) < 0; })) return false;
  }
  std::vector<mpq_class> earns1(form.sequences[0], 0), earns2(form.sequences[1], 0);
  mpq_class value1 = 0, value2 = 0;
  for (std::size_t s = 0; s < form.sequences[0]; ++s)
    for (std::size_t t = 0; t < form.sequences[1]; ++t) {
      earns1[s] += form.a[s][t] * plan[1][t];
      earns2[t] += form.b[s][t] * plan[0][s];
    }
  for (std::size_t s = 0; s < form.sequences[0]; ++s) value1 += earns1[s] * plan[0][s];
  for (std::size_t t = 0; t < form.sequences[1]; ++t) value2 += earns2[t] * plan[1][t];
  return value1 == best_reply_value(form, 0, earns1) && value2 == best_reply_value(form, 1, earns2);
}

std::array<mpq_class, 2> sequence_form_payoffs(const SequenceForm& form, const std::array<std::vector<mpq_class>, 2>& plan) {
  std::array<mpq_class, 2> payoffs{0, 0};
  for (std::size_t s = 0; s < form.sequences[0]; ++s)
    for (std::size_t t = 0; t < form.sequences[1]; ++t) {
      payoffs[0] += plan[0][s] * plan[1][t] * form.a[s][t];
      payoffs[1] += plan[0][s] * plan[1][t] * form.b[s][t];
    }
  return payoffs;
}

BehaviorEquilibrium sequence_form_equilibrium(const SequenceForm& form, const Progress& progress) {
  SequenceFormLcp lcp = sequence_form_lcp(form, false);
  follow_lemke_path(lcp, progress);
  const auto z = lcp_solution(lcp);
  BehaviorEquilibrium result;
  for (std::size_t p = 0; p < 2; ++p)
    for (std::size_t s = 0; s < form.sequences[p]; ++s) result.realization[p].push_back(z[lcp.first_sequence[p] + s][0]);
  if (!is_sequence_form_equilibrium(form, result.realization)) throw std::logic_error("sequence form: Lemke's solution is not an equilibrium");
  for (std::size_t p = 0; p < 2; ++p)
    for (const auto& set : form.infosets[p]) {
      const mpq_class& reach = result.realization[p][set.parent];
      std::vector<mpq_class> mix;
      for (std::size_t c = 0; c < set.actions.size(); ++c)
        mix.push_back(sgn(reach) > 0 ? mpq_class(result.realization[p][set.first + c] / reach) : mpq_class(1, set.actions.size()));
      result.behavior[p].push_back(mix);
    }
  result.payoffs = sequence_form_payoffs(form, result.realization);
  return result;
}

}  // namespace statecraft
