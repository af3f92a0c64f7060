#include "games/lemke_howson.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

namespace statecraft {

mpq_class exact(double value) {
  std::string text = fmt::format("{}", value);  // shortest text that reads back to the same double
  const auto e = text.find_first_of("eE");
  long exponent = 0;
  if (e != std::string::npos) {
    exponent = std::stol(text.substr(e + 1));
    text.erase(e);
  }
  const auto dot = text.find('.');
  if (dot != std::string::npos) {
    exponent -= static_cast<long>(text.size() - dot - 1);
    text.erase(dot, 1);
  }
  mpq_class q(mpz_class(text, 10));
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(std::labs(exponent)));
  if (exponent >= 0) q *= scale;
  else q /= scale;
  q.canonicalize();
  return q;
}

namespace {

// Equations Σ_v coefficient[r][v]·variable_v = rhs[r], one basic variable per row. Variables are
// numbered by their labels' meaning within the tableau; `slack_columns` are the initial basis,
// used for the lexicographic ratio test.
struct Tableau {
  std::vector<std::vector<mpq_class>> coefficient;
  std::vector<mpq_class> rhs;
  std::vector<std::size_t> basic;  // variable basic in each row
  std::vector<std::size_t> slack_columns;

  // Brings `entering` into the basis; returns the variable that leaves.
  std::size_t pivot(std::size_t entering) {
    std::size_t row = rhs.size();
    for (std::size_t r = 0; r < rhs.size(); ++r) {
      if (sgn(coefficient[r][entering]) <= 0) continue;
      if (row == rhs.size() || lexicographically_smaller(r, row, entering)) row = r;
    }
    if (row == rhs.size()) throw std::runtime_error("Lemke-Howson: unbounded ray (the game's payoffs must be made positive)");
    const mpq_class p = coefficient[row][entering];
    for (auto& c : coefficient[row]) c /= p;
    rhs[row] /= p;
    for (std::size_t r = 0; r < rhs.size(); ++r) {
      if (r == row || sgn(coefficient[r][entering]) == 0) continue;
      const mpq_class f = coefficient[r][entering];
      for (std::size_t v = 0; v < coefficient[r].size(); ++v)
        if (sgn(coefficient[row][v]) != 0) coefficient[r][v] -= f * coefficient[row][v];
      rhs[r] -= f * rhs[row];
    }
    const std::size_t leaving = basic[row];
    basic[row] = entering;
    return leaving;
  }

  // Minimum ratio rhs/coefficient, ties broken by the initial-basis columns in order.
  bool lexicographically_smaller(std::size_t a, std::size_t b, std::size_t entering) const {
    const mpq_class ra = rhs[a] / coefficient[a][entering], rb = rhs[b] / coefficient[b][entering];
    if (ra != rb) return ra < rb;
    for (std::size_t column : slack_columns) {
      const mpq_class ca = coefficient[a][column] / coefficient[a][entering], cb = coefficient[b][column] / coefficient[b][entering];
      if (ca != cb) return ca < cb;
    }
    return false;
  }

  mpq_class value(std::size_t variable) const {
    for (std::size_t r = 0; r < rhs.size(); ++r)
      if (basic[r] == variable) return rhs[r];
    return 0;
  }
};

}  // namespace

MixedProfile lemke_howson(const StrategicGame& game, std::size_t label) {
  if (game.players.size() != 2) throw std::invalid_argument("Lemke-Howson needs a two-player game");
  const std::size_t m = game.strategies[0].size(), n = game.strategies[1].size();
  if (label >= m + n) throw std::invalid_argument("Lemke-Howson: no such label");
  // Payoffs shifted so that all are positive; equilibria do not change.
  mpq_class least = 0;
  std::vector<std::vector<mpq_class>> a(m, std::vector<mpq_class>(n)), b(m, std::vector<mpq_class>(n));
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      a[i][j] = exact(game.payoff({i, j}, 0));
      b[i][j] = exact(game.payoff({i, j}, 1));
      least = std::min({least, a[i][j], b[i][j]});
    }
  const mpq_class shift = 1 - least;
  // Variables by label: label i < m is x_i in `p` and r_i in `q`; label m+j is s_j in `p` and y_j in `q`.
  // q: r_i + Σ_j a_ij y_j = 1 (rows i);  p: s_j + Σ_i b_ij x_i = 1 (rows j).
  Tableau q{std::vector<std::vector<mpq_class>>(m, std::vector<mpq_class>(m + n, 0)), std::vector<mpq_class>(m, 1), {}, {}};
  Tableau p{std::vector<std::vector<mpq_class>>(n, std::vector<mpq_class>(m + n, 0)), std::vector<mpq_class>(n, 1), {}, {}};
  for (std::size_t i = 0; i < m; ++i) {
    q.coefficient[i][i] = 1;
    q.basic.push_back(i);
    q.slack_columns.push_back(i);
    for (std::size_t j = 0; j < n; ++j) q.coefficient[i][m + j] = a[i][j] + shift;
  }
  for (std::size_t j = 0; j < n; ++j) {
    p.coefficient[j][m + j] = 1;
    p.basic.push_back(m + j);
    p.slack_columns.push_back(m + j);
    for (std::size_t i = 0; i < m; ++i) p.coefficient[j][i] = b[i][j] + shift;
  }
  // Complementary pivoting: the variable carrying the missing label enters, alternating tableaux,
  // until the missing label leaves (von Stengel 2002, algorithm 3.4).
  std::size_t entering = label;
  bool in_p = label < m;  // x_k enters p when a row strategy's label is dropped; y_k enters q otherwise
  for (std::size_t steps = 0; steps < 100000; ++steps) {
    const std::size_t leaving = (in_p ? p : q).pivot(entering);
    if (leaving == label) break;
    entering = leaving;  // its complement, the variable of the same label in the other tableau
    in_p = !in_p;
  }
  MixedProfile profile{std::vector<mpq_class>(m), std::vector<mpq_class>(n)};
  mpq_class sx = 0, sy = 0;
  for (std::size_t i = 0; i < m; ++i) sx += profile.row[i] = p.value(i);
  for (std::size_t j = 0; j < n; ++j) sy += profile.column[j] = q.value(m + j);
  for (auto& v : profile.row) v /= sx;
  for (auto& v : profile.column) v /= sy;
  return profile;
}

std::vector<MixedProfile> lemke_howson_all_labels(const StrategicGame& game) {
  std::vector<MixedProfile> found;
  const std::size_t labels = game.strategies[0].size() + game.strategies[1].size();
  for (std::size_t k = 0; k < labels; ++k) {
    MixedProfile e = lemke_howson(game, k);
    if (std::find(found.begin(), found.end(), e) == found.end()) found.push_back(std::move(e));
  }
  return found;
}

}  // namespace statecraft
