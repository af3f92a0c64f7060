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
  // Integer pivoting (Bareiss; as in Avis's lrs and von Stengel 2002, §3): the entries are
  // `determinant` times those of the rational tableau, and every division is exact, so the
  // numbers stay as small as the determinants of the basis.
  std::vector<std::vector<mpz_class>> coefficient;
  std::vector<mpz_class> rhs;
  std::vector<std::size_t> basic;  // variable basic in each row
  std::vector<std::size_t> slack_columns;
  mpz_class determinant = 1;

  // Brings `entering` into the basis; returns the variable that leaves.
  std::size_t pivot(std::size_t entering) {
    std::size_t row = rhs.size();
    for (std::size_t r = 0; r < rhs.size(); ++r) {
      if (sgn(coefficient[r][entering]) <= 0) continue;
      if (row == rhs.size() || lexicographically_smaller(r, row, entering)) row = r;
    }
    if (row == rhs.size()) throw std::runtime_error("Lemke-Howson: unbounded ray (the game's payoffs must be made positive)");
    const mpz_class p = coefficient[row][entering];
    for (std::size_t r = 0; r < rhs.size(); ++r) {
      if (r == row) continue;
      const mpz_class f = coefficient[r][entering];
      for (std::size_t v = 0; v < coefficient[r].size(); ++v) {
        coefficient[r][v] = coefficient[r][v] * p - f * coefficient[row][v];
        mpz_divexact(coefficient[r][v].get_mpz_t(), coefficient[r][v].get_mpz_t(), determinant.get_mpz_t());
      }
      rhs[r] = rhs[r] * p - f * rhs[row];
      mpz_divexact(rhs[r].get_mpz_t(), rhs[r].get_mpz_t(), determinant.get_mpz_t());
    }
    determinant = p;
    const std::size_t leaving = basic[row];
    basic[row] = entering;
    return leaving;
  }

  // Minimum ratio rhs/coefficient, ties broken by the initial-basis columns in order; the
  // coefficients compared are positive, so ratios compare by cross-multiplication.
  bool lexicographically_smaller(std::size_t a, std::size_t b, std::size_t entering) const {
    const mpz_class& ea = coefficient[a][entering];
    const mpz_class& eb = coefficient[b][entering];
    const int by_rhs = cmp(rhs[a] * eb, rhs[b] * ea);
    if (by_rhs != 0) return by_rhs < 0;
    for (std::size_t column : slack_columns) {
      const int by_column = cmp(coefficient[a][column] * eb, coefficient[b][column] * ea);
      if (by_column != 0) return by_column < 0;
    }
    return false;
  }

  mpq_class value(std::size_t variable) const {
    for (std::size_t r = 0; r < rhs.size(); ++r)
      if (basic[r] == variable) {
        mpq_class v(rhs[r], determinant);
        v.canonicalize();
        return v;
      }
    return 0;
  }
};

// Both tableaux at a vertex pair: the artificial equilibrium (all zero) at first, then wherever
// complementary pivoting has led.
class Walk {
 public:
  explicit Walk(const StrategicGame& game) : m_(game.strategies[0].size()), n_(game.strategies[1].size()) {
    if (game.players.size() != 2) throw std::invalid_argument("Lemke-Howson needs a two-player game");
    // Payoffs shifted so that all are positive; equilibria do not change.
    mpq_class least = 0;
    std::vector<std::vector<mpq_class>> a(m_, std::vector<mpq_class>(n_)), b(m_, std::vector<mpq_class>(n_));
    for (std::size_t i = 0; i < m_; ++i)
      for (std::size_t j = 0; j < n_; ++j) {
        a[i][j] = exact(game.payoff({i, j}, 0));
        b[i][j] = exact(game.payoff({i, j}, 1));
        least = std::min({least, a[i][j], b[i][j]});
      }
    const mpq_class shift = 1 - least;
    // Integer coefficients: every shifted payoff times the least common multiple of their
    // denominators (and the right-hand sides 1 times it too).
    mpz_class scale = 1;
    for (std::size_t i = 0; i < m_; ++i)
      for (std::size_t j = 0; j < n_; ++j) {
        mpq_class sa = a[i][j] + shift, sb = b[i][j] + shift;
        mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), sa.get_den_mpz_t());
        mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), sb.get_den_mpz_t());
      }
    auto integer = [&](const mpq_class& v) {
      const mpq_class scaled = (v + shift) * scale;
      return mpz_class(scaled.get_num() / scaled.get_den());
    };
    // Variables by label: label i < m is x_i in `p_` and r_i in `q_`; label m+j is s_j in `p_` and
    // y_j in `q_`. q: r_i + Σ_j a_ij y_j = 1 (rows i); p: s_j + Σ_i b_ij x_i = 1 (rows j).
    q_ = {std::vector<std::vector<mpz_class>>(m_, std::vector<mpz_class>(m_ + n_, 0)), std::vector<mpz_class>(m_, scale), {}, {}, 1};
    p_ = {std::vector<std::vector<mpz_class>>(n_, std::vector<mpz_class>(m_ + n_, 0)), std::vector<mpz_class>(n_, scale), {}, {}, 1};
    for (std::size_t i = 0; i < m_; ++i) {
      q_.coefficient[i][i] = 1;
      q_.basic.push_back(i);
      q_.slack_columns.push_back(i);
      for (std::size_t j = 0; j < n_; ++j) q_.coefficient[i][m_ + j] = integer(a[i][j]);
    }
    for (std::size_t j = 0; j < n_; ++j) {
      p_.coefficient[j][m_ + j] = 1;
      p_.basic.push_back(m_ + j);
      p_.slack_columns.push_back(m_ + j);
      for (std::size_t i = 0; i < m_; ++i) p_.coefficient[j][i] = integer(b[i][j]);
    }
  }

  std::size_t labels() const { return m_ + n_; }

  // Complementary pivoting after dropping `label`: the variable carrying it, non-basic in one of
  // the tableaux, enters there; each leaving variable's twin enters the other tableau, until
  // `label` leaves (von Stengel 2002, algorithm 3.4).
  void drop(std::size_t label) {
    bool in_p = !is_basic(p_, label);
    std::size_t entering = label;
    for (std::size_t steps = 0; steps < 1000000; ++steps) {
      const std::size_t leaving = (in_p ? p_ : q_).pivot(entering);
      if (leaving == label) return;
      entering = leaving;
      in_p = !in_p;
    }
    throw std::runtime_error("Lemke-Howson: no end to the path");
  }

  bool artificial() const {
    for (std::size_t i = 0; i < m_; ++i)
      if (sgn(p_.value(i)) != 0) return false;
    return true;
  }

  MixedProfile profile() const {
    MixedProfile profile{std::vector<mpq_class>(m_), std::vector<mpq_class>(n_)};
    mpq_class sx = 0, sy = 0;
    for (std::size_t i = 0; i < m_; ++i) sx += profile.row[i] = p_.value(i);
    for (std::size_t j = 0; j < n_; ++j) sy += profile.column[j] = q_.value(m_ + j);
    for (auto& v : profile.row) v /= sx;
    for (auto& v : profile.column) v /= sy;
    return profile;
  }

 private:
  static bool is_basic(const Tableau& t, std::size_t variable) {
    return std::find(t.basic.begin(), t.basic.end(), variable) != t.basic.end();
  }

  std::size_t m_, n_;
  Tableau p_, q_;
};

}  // namespace

MixedProfile lemke_howson(const StrategicGame& game, std::size_t label) {
  Walk walk(game);
  if (label >= walk.labels()) throw std::invalid_argument("Lemke-Howson: no such label");
  walk.drop(label);
  return walk.profile();
}

std::vector<MixedProfile> lemke_howson_all_labels(const StrategicGame& game) {
  std::vector<MixedProfile> found;
  const Walk start(game);
  for (std::size_t k = 0; k < start.labels(); ++k) {
    Walk walk = start;
    walk.drop(k);
    MixedProfile e = walk.profile();
    if (std::find(found.begin(), found.end(), e) == found.end()) found.push_back(std::move(e));
  }
  return found;
}

std::vector<MixedProfile> lemke_howson_graph(const StrategicGame& game) {
  // Breadth first over the Lemke-Howson graph: from every equilibrium found, drop every label
  // again (as gambit-lcp does); paths leading back to the artificial equilibrium end there.
  std::vector<MixedProfile> found;
  std::vector<Walk> frontier{Walk(game)};
  while (!frontier.empty()) {
    const Walk from = std::move(frontier.front());
    frontier.erase(frontier.begin());
    for (std::size_t k = 0; k < from.labels(); ++k) {
      Walk walk = from;
      walk.drop(k);
      if (walk.artificial()) continue;
      MixedProfile e = walk.profile();
      if (std::find(found.begin(), found.end(), e) != found.end()) continue;
      found.push_back(std::move(e));
      frontier.push_back(std::move(walk));
    }
  }
  return found;
}

}  // namespace statecraft
