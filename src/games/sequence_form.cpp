#include "games/sequence_form.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <stdexcept>

#include "scenario/rational.hpp"
#include "games/tableau.hpp"

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
        const std::size_t first = infoset(p, n, sequence[p], where).first;  // copied: the walk below adds infosets
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
  const SequenceForm::Infoset& infoset(std::size_t p, const GameNode& n, std::size_t parent, const std::string& where) {
    const std::string key = n.infoset.empty() ? "\n" + std::to_string(++unlabelled_) : n.infoset;
    auto [it, fresh] = index_[p].emplace(key, form_.infosets[p].size());
    if (fresh) {
      form_.infosets[p].push_back({parent, form_.sequences[p], n.moves, where});
      form_.sequences[p] += n.moves.size();
    }
    SequenceForm::Infoset& set = form_.infosets[p][it->second];
    if (!fresh) ++set.nodes;
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

// The constraint matrix E of a player (von Stengel 1996): row 0 says the empty sequence has
// probability 1; row 1+h that infoset h's actions share their parent's probability.
std::vector<std::vector<int>> constraints(const SequenceForm& form, std::size_t p) {
  std::vector<std::vector<int>> e(1 + form.infosets[p].size(), std::vector<int>(form.sequences[p], 0));
  e[0][0] = 1;
  for (std::size_t h = 0; h < form.infosets[p].size(); ++h) {
    const auto& set = form.infosets[p][h];
    e[1 + h][set.parent] = -1;
    for (std::size_t c = 0; c < set.actions.size(); ++c) e[1 + h][set.first + c] = 1;
  }
  return e;
}

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
    const auto e = constraints(form, p);
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

BehaviorEquilibrium sequence_form_equilibrium(const SequenceForm& form, const Progress& progress) {
  // The LCP of KMvS (1996), eq. (4.x): z = (x, y, u', u'', v', v'') ≥ 0 with the free dual
  // variables split, w = q + M z ≥ 0, zᵀw = 0:
  //   x-rows  Eᵀ(u' − u'') − A y        y-rows  Fᵀ(v' − v'') − Bᵀx
  //   u'-rows e − E x, u''-rows E x − e, and the same for v with F, f.
  // Payoffs are made negative (every leaf less the largest payoff + 1: the same equilibria, and
  // Lemke's algorithm then ends at a solution, KMvS Theorem 4.1); x- and y-rows are multiplied by
  // the common denominator, which rescales u and v only.
  const std::size_t n1 = form.sequences[0], n2 = form.sequences[1];
  const auto e = constraints(form, 0), f = constraints(form, 1);
  const std::size_t k1 = e.size(), k2 = f.size();
  // Each pair's average payoff, plus one, is a shift that makes every pair's entry negative.
  mpq_class largest = 0;
  for (std::size_t s = 0; s < n1; ++s)
    for (std::size_t t = 0; t < n2; ++t)
      if (sgn(form.ends[s][t]) != 0) {
        const mpq_class average1 = form.a[s][t] / form.ends[s][t], average2 = form.b[s][t] / form.ends[s][t];
        largest = std::max({largest, average1, average2});
      }
  const mpq_class shift = largest + 1;
  std::vector<std::vector<mpq_class>> a(n1, std::vector<mpq_class>(n2)), b = a;
  mpz_class scale = 1;
  for (std::size_t s = 0; s < n1; ++s)
    for (std::size_t t = 0; t < n2; ++t) {
      a[s][t] = form.a[s][t] - shift * form.ends[s][t];
      b[s][t] = form.b[s][t] - shift * form.ends[s][t];
      mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), a[s][t].get_den_mpz_t());
      mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), b[s][t].get_den_mpz_t());
    }
  auto integer = [&](const mpq_class& v) {
    const mpq_class scaled = v * scale;
    return mpz_class(scaled.get_num() / scaled.get_den());
  };
  const std::size_t x0 = 0, y0 = n1, u1 = n1 + n2, u2 = u1 + k1, v1 = u2 + k1, v2 = v1 + k2, size = v2 + k2;
  std::vector<std::vector<mpz_class>> m(size, std::vector<mpz_class>(size, 0));
  std::vector<mpz_class> q(size, 0), cover(size, 1);
  // A player's rows: its sequences' (duals minus payoff against the other's plan, scaled) and its
  // constraints' (both signs).
  auto player_rows = [&](std::size_t own, std::size_t count, std::size_t other, std::size_t other_count, const std::vector<std::vector<int>>& constraint,
                         std::size_t plus, std::size_t minus, auto payoff) {
    for (std::size_t s = 0; s < count; ++s) {
      cover[own + s] = scale;
      for (std::size_t h = 0; h < constraint.size(); ++h) {
        m[own + s][plus + h] = scale * constraint[h][s];
        m[own + s][minus + h] = -scale * constraint[h][s];
        m[plus + h][own + s] = -constraint[h][s];
        m[minus + h][own + s] = constraint[h][s];
      }
      for (std::size_t t = 0; t < other_count; ++t) m[own + s][other + t] = -integer(payoff(s, t));
    }
  };
  player_rows(x0, n1, y0, n2, e, u1, u2, [&](std::size_t s, std::size_t t) { return a[s][t]; });
  player_rows(y0, n2, x0, n1, f, v1, v2, [&](std::size_t t, std::size_t s) { return b[s][t]; });
  q[u1] = 1;
  q[u2] = -1;
  q[v1] = 1;
  q[v2] = -1;

  // Tableau rows: w − M z − d z0 = q, variables w (0..size−1), z (size..2·size−1), z0 (2·size).
  const std::size_t z0 = 2 * size;
  Tableau t{std::vector<std::vector<mpz_class>>(size, std::vector<mpz_class>(2 * size + 1, 0)), q, {}, {}, 1};
  for (std::size_t r = 0; r < size; ++r) {
    t.coefficient[r][r] = 1;
    for (std::size_t k = 0; k < size; ++k) t.coefficient[r][size + k] = -m[r][k];
    t.coefficient[r][z0] = -cover[r];
    t.basic.push_back(r);
    t.slack_columns.push_back(r);
  }
  // z0 enters where q/d is least; of the tied rows the last, which keeps every row
  // lexicographically positive afterwards.
  std::size_t row = 0;
  for (std::size_t r = 1; r < size; ++r)
    if (cmp(mpq_class(q[r], cover[r]), mpq_class(q[row], cover[row])) <= 0) row = r;
  std::size_t leaving = t.pivot_at(row, z0);
  for (std::size_t steps = 0; leaving != z0; ++steps) {
    if (steps > 1000000) throw std::runtime_error("sequence form: Lemke's path does not end");
    report_progress(progress, steps, std::max(steps, size));
    const std::size_t entering = leaving < size ? leaving + size : leaving - size;  // the complement
    row = t.leaving_row(entering);
    if (row == t.rows()) throw std::runtime_error("sequence form: Lemke's path ended on a ray");
    leaving = t.pivot_at(row, entering);
  }

  BehaviorEquilibrium result;
  for (std::size_t s = 0; s < n1; ++s) result.realization[0].push_back(t.value(size + x0 + s));
  for (std::size_t s = 0; s < n2; ++s) result.realization[1].push_back(t.value(size + y0 + s));
  if (!is_sequence_form_equilibrium(form, result.realization)) throw std::logic_error("sequence form: Lemke's solution is not an equilibrium");
  for (std::size_t p = 0; p < 2; ++p)
    for (const auto& set : form.infosets[p]) {
      const mpq_class& reach = result.realization[p][set.parent];
      std::vector<mpq_class> mix;
      for (std::size_t c = 0; c < set.actions.size(); ++c)
        mix.push_back(sgn(reach) > 0 ? mpq_class(result.realization[p][set.first + c] / reach) : mpq_class(1, set.actions.size()));
      result.behavior[p].push_back(mix);
    }
  for (std::size_t s = 0; s < n1; ++s)
    for (std::size_t u = 0; u < n2; ++u) {
      result.payoffs[0] += result.realization[0][s] * result.realization[1][u] * form.a[s][u];
      result.payoffs[1] += result.realization[0][s] * result.realization[1][u] * form.b[s][u];
    }
  return result;
}

}  // namespace statecraft
