#include "games/sequence_form_lcp.hpp"

#include <algorithm>
#include <stdexcept>

namespace statecraft {

std::vector<std::vector<int>> sequence_constraints(const SequenceForm& form, std::size_t p) {
  std::vector<std::vector<int>> e(1 + form.infosets[p].size(), std::vector<int>(form.sequences[p], 0));
  e[0][0] = 1;
  for (std::size_t h = 0; h < form.infosets[p].size(); ++h) {
    const auto& set = form.infosets[p][h];
    e[1 + h][set.parent] = -1;
    for (std::size_t c = 0; c < set.actions.size(); ++c) e[1 + h][set.first + c] = 1;
  }
  return e;
}

std::vector<std::size_t> sequence_depths(const SequenceForm& form, std::size_t p) {
  std::vector<std::size_t> depth(form.sequences[p], 0);
  for (const auto& set : form.infosets[p])  // parents come before their children
    for (std::size_t c = 0; c < set.actions.size(); ++c) depth[set.first + c] = depth[set.parent] + 1;
  return depth;
}

SequenceFormLcp sequence_form_lcp(const SequenceForm& form, bool perturbed) {
  // The LCP of KMvS (1996), §4: z = (x, y, u', u'', v', v'') ≥ 0 with the free dual variables
  // split, w = q + M z ≥ 0, zᵀw = 0:
  //   x-rows  Eᵀ(u' − u'') − A y        y-rows  Fᵀ(v' − v'') − Bᵀx
  //   u'-rows e − E x, u''-rows E x − e, and the same for v with F, f.
  // Every pair of sequences' entry is made negative (each leaf's payoff less the largest average
  // payoff of a pair plus one, weighted by chance: the same equilibria, and Lemke's algorithm then
  // ends at a solution, KMvS Theorem 4.1); x- and y-rows are multiplied by the common
  // denominator, which rescales u and v only.
  const std::size_t n1 = form.sequences[0], n2 = form.sequences[1];
  const auto e = sequence_constraints(form, 0), f = sequence_constraints(form, 1);
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

  // The lower bounds' terms: q_k = M's columns of the sequences of depth k, summed.
  std::vector<std::vector<mpz_class>> terms;
  if (perturbed) {
    const std::array<std::vector<std::size_t>, 2> depth{sequence_depths(form, 0), sequence_depths(form, 1)};
    const std::array<std::size_t, 2> start{x0, y0};
    for (std::size_t p = 0; p < 2; ++p)
      for (std::size_t s = 1; s < depth[p].size(); ++s) {
        if (terms.size() < depth[p][s]) terms.resize(depth[p][s], std::vector<mpz_class>(size, 0));
        for (std::size_t r = 0; r < size; ++r) terms[depth[p][s] - 1][r] += m[r][start[p] + s];
      }
  }

  // Tableau rows: w − M z − d z0 = q, variables w (0..size−1), z (size..2·size−1), z0 (2·size),
  // then the perturbation's columns.
  const std::size_t z0 = 2 * size;
  SequenceFormLcp lcp{Tableau{std::vector<std::vector<mpz_class>>(size, std::vector<mpz_class>(2 * size + 1 + terms.size(), 0)), q, {}, {}, 1, {}}, cover, size, {x0, y0},
                      terms.size()};
  Tableau& t = lcp.tableau;
  for (std::size_t r = 0; r < size; ++r) {
    t.coefficient[r][r] = 1;
    for (std::size_t k = 0; k < size; ++k) t.coefficient[r][size + k] = -m[r][k];
    t.coefficient[r][z0] = -cover[r];
    for (std::size_t k = 0; k < terms.size(); ++k) t.coefficient[r][z0 + 1 + k] = terms[k][r];
    t.basic.push_back(r);
    t.slack_columns.push_back(r);
  }
  for (std::size_t k = 0; k < terms.size(); ++k) t.perturbation_columns.push_back(z0 + 1 + k);
  return lcp;
}

void follow_lemke_path(SequenceFormLcp& lcp, const Progress& progress) {
  Tableau& t = lcp.tableau;
  const std::size_t size = lcp.size, z0 = 2 * size;
  // z0 enters where q(ε)/d is least, compared term by term; of the rows tied throughout, the last,
  // which keeps every row lexicographically positive afterwards.
  auto less_or_tied = [&](std::size_t r, std::size_t best) {
    auto compare = [&](const mpz_class& in_r, const mpz_class& in_best) { return cmp(in_r * lcp.cover[best], in_best * lcp.cover[r]); };
    if (const int by_rhs = compare(t.rhs[r], t.rhs[best]); by_rhs != 0) return by_rhs < 0;
    for (std::size_t column : t.perturbation_columns)
      if (const int by_term = compare(t.coefficient[r][column], t.coefficient[best][column]); by_term != 0) return by_term < 0;
    return true;
  };
  std::size_t row = 0;
  for (std::size_t r = 1; r < size; ++r)
    if (less_or_tied(r, row)) row = r;
  std::size_t leaving = t.pivot_at(row, z0);
  for (std::size_t steps = 0; leaving != z0; ++steps) {
    if (steps > 1000000) throw std::runtime_error("sequence form: Lemke's path does not end");
    report_progress(progress, steps, std::max(steps, size));
    const std::size_t entering = leaving < size ? leaving + size : leaving - size;  // the complement
    row = t.leaving_row(entering);
    if (row == t.rows()) throw std::runtime_error("sequence form: Lemke's path ended on a ray");
    leaving = t.pivot_at(row, entering);
  }
}

std::vector<std::vector<mpq_class>> lcp_solution(const SequenceFormLcp& lcp) {
  const Tableau& t = lcp.tableau;
  std::vector<std::vector<mpq_class>> z(lcp.size, std::vector<mpq_class>(1 + lcp.degree, 0));
  for (std::size_t r = 0; r < t.rows(); ++r) {
    if (t.basic[r] < lcp.size || t.basic[r] >= 2 * lcp.size) continue;  // a w or z0
    auto& value = z[t.basic[r] - lcp.size];
    value[0] = mpq_class(t.rhs[r], t.determinant);
    for (std::size_t k = 0; k < lcp.degree; ++k) value[1 + k] = mpq_class(t.coefficient[r][t.perturbation_columns[k]], t.determinant);
    for (auto& c : value) c.canonicalize();
  }
  return z;
}

}  // namespace statecraft
