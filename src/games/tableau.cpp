#include "games/tableau.hpp"

#include <algorithm>
#include <stdexcept>

namespace statecraft {

PositiveBimatrix positive_bimatrix(const StrategicGame& game) {
  if (game.players.size() != 2) throw std::invalid_argument("this solver needs a two-player game");
  PositiveBimatrix g;
  g.m = game.strategies[0].size();
  g.n = game.strategies[1].size();
  g.a.assign(g.m, std::vector<mpq_class>(g.n));
  g.b = g.a;
  mpq_class least = 0;
  for (std::size_t i = 0; i < g.m; ++i)
    for (std::size_t j = 0; j < g.n; ++j) {
      g.a[i][j] = game.payoff({i, j}, 0);
      g.b[i][j] = game.payoff({i, j}, 1);
      least = std::min({least, g.a[i][j], g.b[i][j]});
    }
  const mpq_class shift = 1 - least;
  mpz_class scale = 1;
  for (std::size_t i = 0; i < g.m; ++i)
    for (std::size_t j = 0; j < g.n; ++j) {
      mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), g.a[i][j].get_den_mpz_t());
      mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), g.b[i][j].get_den_mpz_t());
    }
  auto integer = [&](const mpq_class& v) {
    const mpq_class scaled = (v + shift) * scale;
    return mpz_class(scaled.get_num() / scaled.get_den());
  };
  g.integer_a.assign(g.m, std::vector<mpz_class>(g.n));
  g.integer_b = g.integer_a;
  for (std::size_t i = 0; i < g.m; ++i)
    for (std::size_t j = 0; j < g.n; ++j) {
      g.integer_a[i][j] = integer(g.a[i][j]);
      g.integer_b[i][j] = integer(g.b[i][j]);
    }
  g.one = scale;
  return g;
}

std::size_t Tableau::leaving_row(std::size_t entering) const {
  std::size_t row = rows();
  for (std::size_t r = 0; r < rows(); ++r) {
    if (sgn(coefficient[r][entering]) * sgn(determinant) <= 0) continue;  // entries carry the determinant's sign
    if (row == rows() || lexicographically_smaller(r, row, entering)) row = r;
  }
  return row;
}

std::size_t Tableau::pivot_at(std::size_t row, std::size_t entering) {
  const mpz_class p = coefficient[row][entering];
  // In place, without temporaries: (c·p − f·c_row) / determinant.
  auto update = [&](mpz_class& c, const mpz_class& f, const mpz_class& in_row) {
    if (sgn(c) == 0 && (sgn(f) == 0 || sgn(in_row) == 0)) return;  // stays zero, as it often does
    mpz_mul(c.get_mpz_t(), c.get_mpz_t(), p.get_mpz_t());
    mpz_submul(c.get_mpz_t(), f.get_mpz_t(), in_row.get_mpz_t());
    mpz_divexact(c.get_mpz_t(), c.get_mpz_t(), determinant.get_mpz_t());
  };
  for (std::size_t r = 0; r < rows(); ++r) {
    if (r == row) continue;
    const mpz_class f = coefficient[r][entering];
    for (std::size_t v = 0; v < coefficient[r].size(); ++v) update(coefficient[r][v], f, coefficient[row][v]);
    update(rhs[r], f, rhs[row]);
  }
  determinant = p;
  const std::size_t leaving = basic[row];
  basic[row] = entering;
  return leaving;
}

std::size_t Tableau::pivot(std::size_t entering) {
  const std::size_t row = leaving_row(entering);
  if (row == rows()) throw std::runtime_error("unbounded ray (the game's payoffs must be made positive)");
  return pivot_at(row, entering);
}

// Minimum ratio rhs/coefficient, ties broken by the perturbation's terms, then by the initial-basis
// columns in order; the coefficients compared have the same sign, so ratios compare by
// cross-multiplication.
bool Tableau::lexicographically_smaller(std::size_t a, std::size_t b, std::size_t entering) const {
  const mpz_class& ea = coefficient[a][entering];
  const mpz_class& eb = coefficient[b][entering];
  thread_local mpz_class left, right;  // reused: the ratio test runs for every row of every pivot
  auto compare = [&](const mpz_class& in_a, const mpz_class& in_b) {
    mpz_mul(left.get_mpz_t(), in_a.get_mpz_t(), eb.get_mpz_t());
    mpz_mul(right.get_mpz_t(), in_b.get_mpz_t(), ea.get_mpz_t());
    return cmp(left, right);
  };
  if (const int by_rhs = compare(rhs[a], rhs[b]); by_rhs != 0) return by_rhs < 0;
  for (std::size_t column : perturbation_columns)
    if (const int by_term = compare(coefficient[a][column], coefficient[b][column]); by_term != 0) return by_term < 0;
  for (std::size_t column : slack_columns)
    if (const int by_column = compare(coefficient[a][column], coefficient[b][column]); by_column != 0) return by_column < 0;
  return false;
}

mpq_class Tableau::value(std::size_t variable) const {
  for (std::size_t r = 0; r < rows(); ++r)
    if (basic[r] == variable) {
      mpq_class v(rhs[r], determinant);
      v.canonicalize();
      return v;
    }
  return 0;
}

Tableau p_tableau(const PositiveBimatrix& g) {
  Tableau p{std::vector<std::vector<mpz_class>>(g.n, std::vector<mpz_class>(g.m + g.n, 0)), std::vector<mpz_class>(g.n, g.one), {}, {}, 1, {}};
  for (std::size_t j = 0; j < g.n; ++j) {
    p.coefficient[j][g.m + j] = 1;
    p.basic.push_back(g.m + j);
    p.slack_columns.push_back(g.m + j);
    for (std::size_t i = 0; i < g.m; ++i) p.coefficient[j][i] = g.integer_b[i][j];
  }
  return p;
}

Tableau q_tableau(const PositiveBimatrix& g) {
  Tableau q{std::vector<std::vector<mpz_class>>(g.m, std::vector<mpz_class>(g.m + g.n, 0)), std::vector<mpz_class>(g.m, g.one), {}, {}, 1, {}};
  for (std::size_t i = 0; i < g.m; ++i) {
    q.coefficient[i][i] = 1;
    q.basic.push_back(i);
    q.slack_columns.push_back(i);
    for (std::size_t j = 0; j < g.n; ++j) q.coefficient[i][g.m + j] = g.integer_a[i][j];
  }
  return q;
}

}  // namespace statecraft
