#include "games/quasi_perfect.hpp"

#include <algorithm>
#include <stdexcept>

#include "games/sequence_form_lcp.hpp"

namespace statecraft {
namespace {

// A polynomial in ε, by its coefficients from ε⁰ up.
using Polynomial = std::vector<mpq_class>;

void add_multiple(Polynomial& into, const mpq_class& factor, const Polynomial& p) {
  if (sgn(factor) == 0) return;
  if (into.size() < p.size()) into.resize(p.size(), 0);
  for (std::size_t k = 0; k < p.size(); ++k) into[k] += factor * p[k];
}

// The lowest power with a nonzero coefficient: what dominates as ε → 0; p.size() if none.
std::size_t order(const Polynomial& p) {
  std::size_t k = 0;
  while (k < p.size() && sgn(p[k]) == 0) ++k;
  return k;
}

mpq_class coefficient(const Polynomial& p, std::size_t k) { return k < p.size() ? p[k] : mpq_class(0); }

// lim p(ε)/q(ε) as ε → 0 for p no larger than a multiple of q (p's order at least q's); q must
// be positive for small ε.
mpq_class limit_of_ratio(const Polynomial& p, const Polynomial& q) {
  const std::size_t k = order(q);
  if (k == q.size() || sgn(q[k]) <= 0) throw std::logic_error("quasi-perfect equilibrium: a perturbed probability is not positive");
  if (order(p) == p.size()) return 0;  // p is zero (a payoff of 0, say)
  if (order(p) < k) throw std::logic_error("quasi-perfect equilibrium: a part outweighs its whole as ε → 0");
  return coefficient(p, k) / q[k];
}

// The chance and the other player's perturbed plan reach each node of the set with these weights.
std::vector<Polynomial> member_reach(const SequenceForm::Infoset& set, const std::vector<Polynomial>& other_plan) {
  std::vector<Polynomial> reach;
  for (const auto& member : set.members) {
    Polynomial r;
    add_multiple(r, member.chance, other_plan[member.other_sequence]);
    reach.push_back(r);
  }
  return reach;
}

// A set whose every node lies below a chance move of probability 0: no mistake reaches it, no
// belief follows there (it gets the uniform one, as a filler), and no move there matters.
bool chance_avoids(const Polynomial& reach) { return order(reach) == reach.size(); }

Polynomial sum(const std::vector<Polynomial>& parts) {
  Polynomial total;
  for (const auto& p : parts) add_multiple(total, 1, p);
  return total;
}

}  // namespace

SequentialEquilibrium quasi_perfect_equilibrium(const SequenceForm& form, const Progress& progress) {
  SequenceFormLcp lcp = sequence_form_lcp(form, true);
  follow_lemke_path(lcp, progress);
  const auto z = lcp_solution(lcp);
  SequentialEquilibrium e;
  for (std::size_t p = 0; p < 2; ++p) {
    const auto depth = sequence_depths(form, p);
    for (std::size_t s = 0; s < form.sequences[p]; ++s) {
      Polynomial plan = z[lcp.first_sequence[p] + s];  // x̃, to which each sequence but the empty one adds its bound ε^|s|
      if (s > 0) {
        if (plan.size() <= depth[s]) plan.resize(depth[s] + 1, 0);
        plan[depth[s]] += 1;
      }
      e.play.realization[p].push_back(coefficient(plan, 0));
      e.perturbed[p].push_back(std::move(plan));
    }
  }
  if (!is_sequence_form_equilibrium(form, e.play.realization)) throw std::logic_error("quasi-perfect equilibrium: the limit is not a Nash equilibrium");
  for (std::size_t p = 0; p < 2; ++p)
    for (const auto& set : form.infosets[p]) {
      std::vector<mpq_class> mix;
      for (std::size_t c = 0; c < set.actions.size(); ++c) mix.push_back(limit_of_ratio(e.perturbed[p][set.first + c], e.perturbed[p][set.parent]));
      e.play.behavior[p].push_back(mix);
      const auto reach = member_reach(set, e.perturbed[1 - p]);
      const Polynomial total = sum(reach);
      std::vector<mpq_class> belief;
      for (const auto& r : reach) belief.push_back(chance_avoids(total) ? mpq_class(1, reach.size()) : limit_of_ratio(r, total));
      e.beliefs[p].push_back(belief);
    }
  e.play.payoffs = sequence_form_payoffs(form, e.play.realization);
  if (!is_sequentially_rational(form, e)) throw std::logic_error("quasi-perfect equilibrium: the limit is not sequentially rational");
  return e;
}

bool is_sequentially_rational(const SequenceForm& form, const SequentialEquilibrium& e) {
  for (std::size_t p = 0; p < 2; ++p) {
    const std::size_t other = 1 - p;
    // What each of p's sequences earns from the leaves it ends at, against the other's perturbed plan.
    std::vector<Polynomial> worth(form.sequences[p]);
    for (std::size_t s = 0; s < form.sequences[0]; ++s)
      for (std::size_t t = 0; t < form.sequences[1]; ++t) {
        const std::size_t own = p == 0 ? s : t, theirs = p == 0 ? t : s;
        add_multiple(worth[own], p == 0 ? form.a[s][t] : form.b[s][t], e.perturbed[other][theirs]);
      }
    // Children's sets come after their parents', so the sets taken from the last hold the whole
    // worth of the play below each of their actions.
    for (std::size_t h = form.infosets[p].size(); h-- > 0;) {
      const auto& set = form.infosets[p][h];
      const Polynomial reach = sum(member_reach(set, e.perturbed[other]));
      const bool counts = !chance_avoids(reach);  // else nothing there can matter to anyone
      std::vector<mpq_class> value;
      for (std::size_t c = 0; c < set.actions.size(); ++c) value.push_back(counts ? limit_of_ratio(worth[set.first + c], reach) : mpq_class(0));
      const mpq_class best = *std::max_element(value.begin(), value.end());
      for (std::size_t c = 0; c < set.actions.size(); ++c) {
        if (sgn(e.play.behavior[p][h][c]) != 0 && value[c] != best) return false;
        add_multiple(worth[set.parent], e.play.behavior[p][h][c], worth[set.first + c]);
      }
    }
  }
  return true;
}

}  // namespace statecraft
