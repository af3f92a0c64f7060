#include "games/extreme_equilibria.hpp"

#include <algorithm>
#include <chrono>
#include <bit>
#include <cmath>
#include <cstdint>
#include <atomic>
#include <future>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>

namespace statecraft {
namespace {

std::uint64_t bit(std::size_t v) { return std::uint64_t{1} << v; }

// Bases and label sets seen, as 64-bit masks (never 0: every basis and vertex has a member).
// Open addressing keeps millions of them in a flat array.
class MaskSet {
 public:
  MaskSet() : slots_(1 << 12, 0) {}
  void prefetch(std::uint64_t key) const { __builtin_prefetch(&slots_[spread(key) & (slots_.size() - 1)]); }
  bool insert(std::uint64_t key) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = spread(key) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == key) return false;
      if (slots_[i] == 0) {
        slots_[i] = key;
        ++count_;
        return true;
      }
    }
  }

 private:
  static std::uint64_t spread(std::uint64_t k) {  // the finaliser of MurmurHash3
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    return k ^ (k >> 33);
  }
  void grow() {
    std::vector<std::uint64_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    count_ = 0;
    for (std::uint64_t k : old)
      if (k != 0) insert(k);
  }
  std::vector<std::uint64_t> slots_;
  std::size_t count_ = 0;
};

// Arithmetic modulo the Mersenne prime 2^61 − 1.
struct Modular {
  static constexpr std::uint64_t prime = (std::uint64_t{1} << 61) - 1;
  static std::uint64_t reduce(unsigned __int128 x) {
    std::uint64_t r = static_cast<std::uint64_t>(x & prime) + static_cast<std::uint64_t>(x >> 61);
    r = (r & prime) + (r >> 61);
    return r >= prime ? r - prime : r;
  }
  static std::uint64_t multiply(std::uint64_t a, std::uint64_t b) { return reduce(static_cast<unsigned __int128>(a) * b); }
  static std::uint64_t subtract(std::uint64_t a, std::uint64_t b) { return a >= b ? a - b : a + prime - b; }
  static std::uint64_t inverse(std::uint64_t a) {  // Fermat: a^(p−2)
    std::uint64_t result = 1, power = a;
    for (std::uint64_t e = prime - 2; e != 0; e >>= 1, power = multiply(power, power))
      if (e & 1) result = multiply(result, power);
    return result;
  }
};

std::uint64_t residue_of(const mpz_class& v) {
  mpz_class r;
  mpz_fdiv_r(r.get_mpz_t(), v.get_mpz_t(), mpz_class(Modular::prime).get_mpz_t());
  return r.get_ui();
}

// The integer tableau's twin for speed: the rational tableau in double precision, with its
// residues modulo a 61-bit prime computed only when a decision needs them. A sign the double shows
// clearly (beyond a safe multiple of the rounding error last measured) is taken from it. A value
// the double cannot tell from zero is zero when its residue is (a non-zero rational whose
// numerator is below 2^360, as for 20x20 payoffs of 0..100, is a multiple of the prime with
// probability below 6·2^−61). A non-zero value too small for its sign to be trusted makes the
// ratio test run again in exact arithmetic (a few hundred times in ten million pivots).
class FastTableau {
 public:
  explicit FastTableau(const Tableau& t)
      : basic(t.basic), rows_(t.rows()), width_(t.coefficient[0].size() + 1), slack_columns_(t.slack_columns), exact_start_(t), start_(rows_ * width_), modular_start_(rows_ * width_) {
    // The doubles hold the system with every equation divided by its (positive) right-hand side,
    // and the slack variables scaled to keep coefficient 1: the same bases, ratios and
    // signs, but numbers of one size, so that a row's largest entry measures its rounding.
    for (std::size_t r = 0; r < rows_; ++r)
      for (std::size_t v = 0; v < width_; ++v) {
        const bool rhs = v + 1 == width_;
        const bool slack = std::find(slack_columns_.begin(), slack_columns_.end(), v) != slack_columns_.end();
        const mpz_class& value = rhs ? t.rhs[r] : t.coefficient[r][v];
        start_[r * width_ + v] = rhs ? 1.0 : slack ? value.get_d() : mpq_class(value, t.rhs[r]).get_d();
        modular_start_[r * width_ + v] = residue_of(value);
      }
    a_ = start_;
    modular_ = modular_start_;
    scale_.resize(rows_);
    measure_rows();
    compare_.push_back(width_ - 1);  // the ratio test compares the right-hand side, then the initial basis
    compare_.insert(compare_.end(), slack_columns_.begin(), slack_columns_.end());
  }

  std::vector<std::size_t> basic;
  std::size_t rows() const { return rows_; }

  std::size_t leaving_row(std::size_t entering) {
    doubtful_ = false;
    std::size_t best = rows_;
    for (std::size_t r = 0; r < rows_; ++r) {
      if (sign_at(r, entering) <= 0) continue;
      if (best == rows_) {
        best = r;
        continue;
      }
      // rhs_r/e_r against rhs_b/e_b, multiplied out: most rows differ from the best so far by a
      // clear margin; near ties go through the full test.
      const double er = at(r, entering), eb = at(best, entering);
      const double difference = at(r, width_ - 1) * eb - at(best, width_ - 1) * er;
      const double margin = doubt_ * (scale_[r] * eb + scale_[best] * er);
      if (difference > margin) continue;
      if (difference < -margin || smaller_ratio(r, best, entering)) best = r;
    }
    return doubtful_ ? exact_leaving_row(entering) : best;
  }

  std::size_t pivot_at(std::size_t row, std::size_t entering) {
    pivot_doubles(row, entering);
    if (unsynced_.size() < rows_) unsynced_.emplace_back(row, entering);
    else stale_ = true;
    const std::size_t leaving = basic[row];
    basic[row] = entering;
    // Rounding errors add up over millions of pivots; start afresh from the first tableau now
    // and then, and measure how far the pivots had drifted.
    if (++pivots_ % 64 == 0) refactor();
    return leaving;
  }

  bool rhs_is_zero(std::size_t row) {
    if (clear(at(row, width_ - 1), scale_[row])) return false;
    return residue_at(row, width_ - 1) == 0;
  }

 private:
  double at(std::size_t r, std::size_t v) const { return a_[r * width_ + v]; }
  bool clear(double v, double scale) const { return std::fabs(v) > doubt_ * scale; }

  std::uint64_t residue_at(std::size_t r, std::size_t v) {
    sync_residues();
    return modular_[r * width_ + v];
  }

  // The sign of entry (r, v): from the double when clear, else zero or doubtful.
  int sign_at(std::size_t r, std::size_t v) {
    const double value = at(r, v);
    if (clear(value, scale_[r])) return value < 0 ? -1 : 1;
    if (residue_at(r, v) == 0) return 0;
    doubtful_ = true;
    return value < 0 ? -1 : 1;
  }

  // The lexicographic ratio test of Tableau: rhs_a/e_a against rhs_b/e_b, a tie when
  // rhs_a·e_b − rhs_b·e_a is zero, then the initial-basis columns the same way.
  bool smaller_ratio(std::size_t a, std::size_t b, std::size_t entering) {
    const double ea = at(a, entering), eb = at(b, entering);
    const double scale = scale_[a] / ea + scale_[b] / eb;
    for (std::size_t column : compare_) {
      const double difference = at(a, column) / ea - at(b, column) / eb;
      if (clear(difference, scale)) return difference < 0;
      const std::uint64_t cross = Modular::subtract(Modular::multiply(residue_at(a, column), residue_at(b, entering)), Modular::multiply(residue_at(b, column), residue_at(a, entering)));
      if (cross == 0) continue;
      doubtful_ = true;
      return difference < 0;
    }
    return false;
  }

  // The ratio test in integers, on the exact tableau of the current basis, built afresh from the
  // first one.
  std::size_t exact_leaving_row(std::size_t entering) const {
    Tableau t = exact_start_;
    for (std::size_t v : basic) {
      if (std::find(t.basic.begin(), t.basic.end(), v) != t.basic.end()) continue;
      std::size_t r = 0;
      while (std::find(basic.begin(), basic.end(), t.basic[r]) != basic.end() || sgn(t.coefficient[r][v]) == 0) ++r;
      t.pivot_at(r, v);
    }
    const std::size_t row = t.leaving_row(entering);
    if (row == t.rows()) return rows_;
    return static_cast<std::size_t>(std::find(basic.begin(), basic.end(), t.basic[row]) - basic.begin());
  }

  void pivot_doubles(std::size_t row, std::size_t entering) {
    double* pivot_row = &a_[row * width_];
    const double p = pivot_row[entering];
    for (std::size_t v = 0; v < width_; ++v) pivot_row[v] /= p;
    double pivot_largest = 0;
    for (std::size_t v = 0; v < width_; ++v) pivot_largest = std::max(pivot_largest, std::fabs(pivot_row[v]));
    scale_[row] = pivot_largest;
    for (std::size_t r = 0; r < rows_; ++r) {
      if (r == row) continue;
      double* target = &a_[r * width_];
      const double f = target[entering];
      if (f == 0) continue;
      double largest = 0;
      for (std::size_t v = 0; v < width_; ++v) {
        target[v] -= f * pivot_row[v];
        largest = std::max(largest, std::fabs(target[v]));
      }
      scale_[r] = largest;
    }
  }

  // Brings the residues to the current basis: replays the pivots since they were last needed,
  // or, after more pivots than rows, eliminates afresh from the first tableau.
  void sync_residues() {
    if (stale_) {
      modular_ = modular_start_;
      for (std::size_t k = 0; k < rows_; ++k) {
        std::size_t r = k;
        while (modular_[r * width_ + basic[k]] == 0) ++r;
        if (r != k) std::swap_ranges(modular_.begin() + static_cast<std::ptrdiff_t>(k * width_), modular_.begin() + static_cast<std::ptrdiff_t>((k + 1) * width_), modular_.begin() + static_cast<std::ptrdiff_t>(r * width_));
        pivot_residues(k, basic[k]);
      }
    } else {
      for (const auto& [row, entering] : unsynced_) pivot_residues(row, entering);
    }
    unsynced_.clear();
    stale_ = false;
  }

  void pivot_residues(std::size_t row, std::size_t entering) {
    std::uint64_t* pivot_row = &modular_[row * width_];
    const std::uint64_t inverse = Modular::inverse(pivot_row[entering]);
    for (std::size_t v = 0; v < width_; ++v) pivot_row[v] = Modular::multiply(pivot_row[v], inverse);
    for (std::size_t r = 0; r < rows_; ++r) {
      if (r == row) continue;
      std::uint64_t* target = &modular_[r * width_];
      const std::uint64_t f = target[entering];
      if (f == 0) continue;
      for (std::size_t v = 0; v < width_; ++v) target[v] = Modular::subtract(target[v], Modular::multiply(f, pivot_row[v]));
    }
  }

  // Gauss–Jordan on the first tableau for the current basis, with partial pivoting.
  void refactor() {
    std::vector<double> m = start_;
    for (std::size_t k = 0; k < rows_; ++k) {
      const std::size_t column = basic[k];
      std::size_t best = k;
      for (std::size_t r = k + 1; r < rows_; ++r)
        if (std::fabs(m[r * width_ + column]) > std::fabs(m[best * width_ + column])) best = r;
      if (best != k) std::swap_ranges(m.begin() + static_cast<std::ptrdiff_t>(k * width_), m.begin() + static_cast<std::ptrdiff_t>((k + 1) * width_), m.begin() + static_cast<std::ptrdiff_t>(best * width_));
      const double p = m[k * width_ + column];
      for (std::size_t v = 0; v < width_; ++v) m[k * width_ + v] /= p;
      for (std::size_t r = 0; r < rows_; ++r) {
        if (r == k) continue;
        const double f = m[r * width_ + column];
        if (f == 0) continue;
        for (std::size_t v = 0; v < width_; ++v) m[r * width_ + v] -= f * m[k * width_ + v];
      }
    }
    double drift = 0;
    for (std::size_t r = 0; r < rows_; ++r)
      for (std::size_t v = 0; v < width_; ++v) drift = std::max(drift, std::fabs(a_[r * width_ + v] - m[r * width_ + v]) / scale_[r]);
    doubt_ = std::max(1e-10, 1e4 * drift);
    a_ = std::move(m);
    measure_rows();
  }

  void measure_rows() {
    for (std::size_t r = 0; r < rows_; ++r) {
      double largest = 0;
      for (std::size_t v = 0; v < width_; ++v) largest = std::max(largest, std::fabs(a_[r * width_ + v]));
      scale_[r] = largest;
    }
  }

  std::size_t rows_, width_;
  std::vector<std::size_t> slack_columns_, compare_;
  Tableau exact_start_;
  std::vector<double> start_, a_, scale_;
  std::vector<std::uint64_t> modular_start_, modular_;
  std::vector<std::pair<std::size_t, std::size_t>> unsynced_;  // pivots not yet applied to the residues
  bool stale_ = false;                                         // too many of them: eliminate afresh
  std::size_t pivots_ = 0;
  bool doubtful_ = false;
  double doubt_ = 1e-10;
};

struct Vertex {
  std::uint64_t labels;  // its tight inequalities
  std::uint64_t basis;   // one basis that represents it
};

// Every vertex of the polytope of `t`, by depth-first search over the lexicographically feasible
// bases (each a vertex of the perturbed, simple polytope; the graph of those is connected). A
// step back is a pivot back, so only one tableau is kept. A basis is claimed when first seen
// from a neighbour, all neighbours at once, so that their look-ups in the set overlap in memory.
template <class T>
std::vector<Vertex> vertices(T& t, std::size_t labels, const std::atomic<bool>& stop, std::atomic<std::uint64_t>& seen) {
  const std::uint64_t all = labels == 64 ? ~std::uint64_t{0} : bit(labels) - 1;
  std::uint64_t basis = 0;
  for (std::size_t v : t.basic) basis |= bit(v);
  MaskSet bases, degenerate;
  std::vector<Vertex> found;
  auto record = [&](std::uint64_t b) {
    std::uint64_t tight = all & ~b;
    for (std::size_t r = 0; r < t.rows(); ++r)
      if (t.rhs_is_zero(r)) tight |= bit(t.basic[r]);
    // A simple vertex has one basis; a degenerate one (more labels) may have several.
    if (tight == (all & ~b) || degenerate.insert(tight)) {
      found.push_back({tight, b});
      seen.fetch_add(1, std::memory_order_relaxed);
    }
  };
  constexpr std::size_t none = ~std::size_t{0};
  // The entering variables that lead from the current basis to bases not seen before.
  auto unclaimed_neighbours = [&](std::uint64_t from, std::size_t way_back) {
    std::uint64_t keys[64], enterings[64];
    std::size_t count = 0;
    for (std::size_t entering = 0; entering < labels; ++entering) {
      if ((from & bit(entering)) || entering == way_back) continue;
      const std::size_t row = t.leaving_row(entering);
      if (row == t.rows()) continue;
      keys[count] = (from | bit(entering)) & ~bit(t.basic[row]);
      enterings[count++] = entering;
      bases.prefetch(keys[count - 1]);
    }
    std::uint64_t fresh = 0;
    for (std::size_t k = 0; k < count; ++k)
      if (bases.insert(keys[k])) fresh |= bit(enterings[k]);
    return fresh;
  };
  struct Frame {
    std::uint64_t basis, unvisited;  // entering variables still to follow from here
    std::size_t row, left;           // the pivot that led here, to undo
  };
  bases.insert(basis);
  record(basis);
  std::vector<Frame> stack{{basis, unclaimed_neighbours(basis, none), none, none}};
  while (!stack.empty() && !stop.load(std::memory_order_relaxed)) {
    Frame& f = stack.back();
    if (f.unvisited == 0) {
      if (f.row != none) t.pivot_at(f.row, f.left);
      stack.pop_back();
      continue;
    }
    const std::size_t entering = static_cast<std::size_t>(std::countr_zero(f.unvisited));
    f.unvisited &= f.unvisited - 1;
    const std::size_t row = t.leaving_row(entering);
    const std::uint64_t next = (f.basis | bit(entering)) & ~bit(t.basic[row]);
    const std::size_t left = t.pivot_at(row, entering);
    record(next);
    const std::uint64_t unvisited = unclaimed_neighbours(next, left);
    stack.push_back({next, unvisited, row, left});
  }
  return found;
}

// The values of the basic variables `basic` (in that order), exactly: Gauss–Jordan on their
// columns of the first tableau; nullopt when they are not a basis.
std::optional<std::vector<mpq_class>> solve_basis(const Tableau& start, const std::vector<std::size_t>& basic) {
  const std::size_t rows = start.rows();
  std::vector<std::vector<mpq_class>> m(rows, std::vector<mpq_class>(rows + 1));
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t k = 0; k < rows; ++k) m[r][k] = start.coefficient[r][basic[k]];
    m[r][rows] = start.rhs[r];
  }
  for (std::size_t k = 0; k < rows; ++k) {
    std::size_t p = k;
    while (p < rows && sgn(m[p][k]) == 0) ++p;
    if (p == rows) return std::nullopt;
    std::swap(m[k], m[p]);
    for (std::size_t r = 0; r < rows; ++r) {
      if (r == k || sgn(m[r][k]) == 0) continue;
      const mpq_class f = m[r][k] / m[k][k];
      for (std::size_t c = k; c <= rows; ++c) m[r][c] -= f * m[k][c];
    }
  }
  std::vector<mpq_class> value(rows);
  for (std::size_t k = 0; k < rows; ++k) value[k] = m[k][rows] / m[k][k];
  return value;
}

// The vertex of a basis (every variable's value), exactly.
std::vector<mpq_class> basic_solution(const Tableau& start, std::uint64_t basis) {
  std::vector<std::size_t> columns;
  for (std::size_t v = 0; v < start.coefficient[0].size(); ++v)
    if (basis & bit(v)) columns.push_back(v);
  const auto solved = solve_basis(start, columns);
  if (!solved) throw std::logic_error("vertex enumeration: singular basis");
  std::vector<mpq_class> value(start.coefficient[0].size(), 0);
  for (std::size_t k = 0; k < columns.size(); ++k) value[columns[k]] = (*solved)[k];
  return value;
}

std::vector<mpq_class> normalised(std::vector<mpq_class> v) {
  mpq_class sum = 0;
  for (const auto& x : v) sum += x;
  for (auto& x : v) x /= sum;
  return v;
}

// Each probability non-negative and every strategy played a best reply.
bool is_equilibrium(const PositiveBimatrix& g, const MixedProfile& e) {
  auto best_replies_only = [](const std::vector<mpq_class>& mix, const std::vector<mpq_class>& payoff) {
    const mpq_class best = *std::max_element(payoff.begin(), payoff.end());
    for (std::size_t k = 0; k < mix.size(); ++k)
      if (sgn(mix[k]) < 0 || (sgn(mix[k]) > 0 && payoff[k] != best)) return false;
    return true;
  };
  std::vector<mpq_class> row_payoff(g.m, 0), column_payoff(g.n, 0);
  for (std::size_t i = 0; i < g.m; ++i)
    for (std::size_t j = 0; j < g.n; ++j) {
      row_payoff[i] += g.a[i][j] * e.column[j];
      column_payoff[j] += g.b[i][j] * e.row[i];
    }
  return best_replies_only(e.row, row_payoff) && best_replies_only(e.column, column_payoff);
}

std::uint64_t binomial_capped(std::size_t n, std::size_t k, std::uint64_t cap) {
  std::uint64_t c = 1;
  for (std::size_t i = 0; i < k; ++i) {
    c = c * (n - i) / (i + 1);
    if (c > cap) return cap + 1;
  }
  return c;
}

// Pairs (p, q) of vertices, x ≠ 0, whose labels cover all m+n.
std::vector<std::pair<std::size_t, std::size_t>> complementary_pairs(const std::vector<Vertex>& p, const std::vector<Vertex>& q, std::size_t m, std::size_t n) {
  const std::uint64_t all = m + n == 64 ? ~std::uint64_t{0} : bit(m + n) - 1, x_labels = bit(m) - 1;
  // A vertex of Q has at least n labels; with exactly n it is found by its label set, the
  // degenerate ones (more) are tried one by one.
  std::unordered_map<std::uint64_t, std::size_t> simple_q;
  std::vector<std::size_t> degenerate_q;
  for (std::size_t k = 0; k < q.size(); ++k) {
    if (static_cast<std::size_t>(std::popcount(q[k].labels)) == n) simple_q.emplace(q[k].labels, k);
    else degenerate_q.push_back(k);
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t k = 0; k < p.size(); ++k) {
    const std::uint64_t labels = p[k].labels;
    if ((labels & x_labels) == x_labels) continue;  // x = 0: only the artificial equilibrium
    const std::uint64_t missing = all & ~labels;
    const std::size_t short_by = n - static_cast<std::size_t>(std::popcount(missing));
    if (short_by == 0) {
      if (auto it = simple_q.find(missing); it != simple_q.end()) pairs.emplace_back(k, it->second);
    } else if (binomial_capped(static_cast<std::size_t>(std::popcount(labels)), short_by, q.size()) <= q.size()) {
      // A degenerate vertex of P: the simple vertices of Q that hold the missing labels and
      // `short_by` of P's own.
      std::vector<std::size_t> own;
      for (std::size_t v = 0; v < m + n; ++v)
        if (labels & bit(v)) own.push_back(v);
      std::vector<std::size_t> pick(short_by);
      auto choose = [&](auto&& self, std::size_t from, std::size_t depth, std::uint64_t extra) -> void {
        if (depth == short_by) {
          if (auto it = simple_q.find(missing | extra); it != simple_q.end()) pairs.emplace_back(k, it->second);
          return;
        }
        for (std::size_t i = from; i + (short_by - depth) <= own.size(); ++i) self(self, i + 1, depth + 1, extra | bit(own[i]));
      };
      choose(choose, 0, 0, 0);
    } else {
      for (const auto& [mask, index] : simple_q)
        if ((mask & missing) == missing) pairs.emplace_back(k, index);
    }
    for (std::size_t d : degenerate_q)
      if ((q[d].labels & missing) == missing) pairs.emplace_back(k, d);
  }
  return pairs;
}

template <class T>
std::vector<Vertex> enumerate(const Tableau& start, std::size_t labels, const std::atomic<bool>& stop, std::atomic<std::uint64_t>& seen) {
  T t(start);
  return vertices(t, labels, stop, seen);
}

// Whether the columns `columns` of the first tableau have full row rank, modulo the prime.
bool full_row_rank(const Tableau& start, const std::vector<std::size_t>& columns) {
  const std::size_t rows = start.rows();
  std::vector<std::vector<std::uint64_t>> m(rows, std::vector<std::uint64_t>(columns.size()));
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < columns.size(); ++c) m[r][c] = residue_of(start.coefficient[r][columns[c]]);
  std::size_t rank = 0;
  for (std::size_t c = 0; c < columns.size() && rank < rows; ++c) {
    std::size_t r = rank;
    while (r < rows && m[r][c] == 0) ++r;
    if (r == rows) continue;
    std::swap(m[r], m[rank]);
    const std::uint64_t inverse = Modular::inverse(m[rank][c]);
    for (std::size_t other = rank + 1; other < rows; ++other) {
      const std::uint64_t f = Modular::multiply(m[other][c], inverse);
      for (std::size_t k = c; k < columns.size(); ++k) m[other][k] = Modular::subtract(m[other][k], Modular::multiply(f, m[rank][k]));
    }
    ++rank;
  }
  return rank == rows;
}

// The first tableau in doubles, each equation divided by its right-hand side and the slack
// variables rescaled to keep coefficient 1, as in FastTableau: numbers of one size, same signs.
struct DoubleStart {
  explicit DoubleStart(const Tableau& t) : exact(t), rows(t.rows()), columns(t.coefficient[0].size()), entry(rows * columns) {
    for (std::size_t r = 0; r < rows; ++r)
      for (std::size_t c = 0; c < columns; ++c) {
        const bool slack = std::find(t.slack_columns.begin(), t.slack_columns.end(), c) != t.slack_columns.end();
        entry[r * columns + c] = slack ? t.coefficient[r][c].get_d() : mpq_class(t.coefficient[r][c], t.rhs[r]).get_d();
      }
  }
  const Tableau& exact;
  std::size_t rows, columns;
  std::vector<double> entry;
};

enum class BasisStatus { singular, infeasible, feasible };

// Whether `basic` (one variable per row) is a basis of the first tableau, with every value ≥ 0
// and those of the variables in `zero` = 0: in doubles, and in rationals where they are in doubt.
BasisStatus basis_status(const DoubleStart& start, const std::vector<std::size_t>& basic, std::uint64_t zero = 0) {
  const std::size_t rows = start.rows;
  std::vector<double> a(rows * (rows + 1));
  auto at = [&](std::size_t r, std::size_t c) -> double& { return a[r * (rows + 1) + c]; };
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t k = 0; k < rows; ++k) at(r, k) = start.entry[r * start.columns + basic[k]];
    at(r, rows) = 1;
  }
  bool doubt = false;
  for (std::size_t k = 0; k < rows && !doubt; ++k) {
    std::size_t best = k;
    for (std::size_t r = k + 1; r < rows; ++r)
      if (std::fabs(at(r, k)) > std::fabs(at(best, k))) best = r;
    if (std::fabs(at(best, k)) < 1e-7) {
      doubt = true;
      break;
    }
    if (best != k)
      for (std::size_t c = 0; c <= rows; ++c) std::swap(at(k, c), at(best, c));
    for (std::size_t r = k + 1; r < rows; ++r) {
      const double f = at(r, k) / at(k, k);
      if (f == 0) continue;
      for (std::size_t c = k; c <= rows; ++c) at(r, c) -= f * at(k, c);
    }
  }
  if (!doubt) {
    std::vector<double> value(rows);
    for (std::size_t k = rows; k-- > 0;) {
      double v = at(k, rows);
      for (std::size_t c = k + 1; c < rows; ++c) v -= at(k, c) * value[c];
      value[k] = v / at(k, k);
    }
    bool wrong = false;
    for (std::size_t k = 0; k < rows; ++k) {
      if (std::fabs(value[k]) <= 1e-7) doubt = true;
      wrong = wrong || value[k] < 0 || (zero & bit(basic[k]));
    }
    if (!doubt) return wrong ? BasisStatus::infeasible : BasisStatus::feasible;
  }
  const auto value = solve_basis(start.exact, basic);
  if (!value) return BasisStatus::singular;
  for (std::size_t k = 0; k < rows; ++k)
    if (sgn((*value)[k]) < 0 || ((zero & bit(basic[k])) && sgn((*value)[k]) != 0)) return BasisStatus::infeasible;
  return BasisStatus::feasible;
}

// The bases of the vertices of the other polytope that hold the labels `v` misses (C), found by
// solving instead of by searching that polytope. Such a vertex y is tight on C; a largest
// independent part C' of C extends, by tight constraints of y outside C (v's own labels L), to
// a basis: non-basic C' and R ⊆ L, basic the rest of C (at zero) and of L. Every such R is
// tried; when v is not degenerate and C is independent there is just one. nullopt when too many
// would have to be tried: then the other polytope must be searched.
std::optional<std::vector<std::uint64_t>> solved_partners(const Vertex& v, const DoubleStart& other, std::size_t labels) {
  const std::uint64_t all = labels == 64 ? ~std::uint64_t{0} : bit(labels) - 1, missing = all & ~v.labels;
  const std::size_t rows = other.rows;
  auto variables = [&](std::uint64_t mask) {
    std::vector<std::size_t> list;
    for (std::size_t l = 0; l < labels; ++l)
      if (mask & bit(l)) list.push_back(l);
    return list;
  };
  std::vector<std::uint64_t> found;
  if (static_cast<std::size_t>(std::popcount(v.labels)) == rows) {
    const BasisStatus status = basis_status(other, variables(v.labels));
    if (status == BasisStatus::feasible) found.push_back(v.labels);
    if (status != BasisStatus::singular) return found;
  }
  // A set of constraints (non-basic variables) is independent when the other columns have full rank.
  std::uint64_t independent = 0;
  for (std::size_t c : variables(missing))
    if (full_row_rank(other.exact, variables(all & ~(independent | bit(c))))) independent |= bit(c);
  const std::size_t short_by = labels - rows - static_cast<std::size_t>(std::popcount(independent));
  const std::vector<std::size_t> own = variables(v.labels);
  if (binomial_capped(own.size(), short_by, 2000) > 2000) return std::nullopt;
  const std::uint64_t dependent = missing & ~independent;
  std::uint64_t taken = 0;  // R
  auto choose = [&](auto&& self, std::size_t from, std::size_t left) -> void {
    if (left == 0) {
      const std::uint64_t basic = dependent | (v.labels & ~taken);
      if (basis_status(other, variables(basic), dependent) == BasisStatus::feasible) found.push_back(basic);
      return;
    }
    for (std::size_t i = from; i + left <= own.size(); ++i) {
      taken |= bit(own[i]);
      self(self, i + 1, left - 1);
      taken &= ~bit(own[i]);
    }
  };
  choose(choose, 0, short_by);
  return found;
}

// Pairs of bases (mine, other's) for every vertex of `mine` but the artificial one; nullopt when
// some vertex needs the other polytope searched, or `stop` is raised meanwhile.
std::optional<std::vector<std::pair<std::uint64_t, std::uint64_t>>> pairs_by_solving(const std::vector<Vertex>& mine, const Tableau& other_start, std::size_t labels,
                                                                                      std::uint64_t artificial, const std::atomic<bool>& stop) {
  const DoubleStart other(other_start);
  std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs;
  for (const Vertex& v : mine) {
    if (stop.load(std::memory_order_relaxed)) return std::nullopt;
    if ((v.labels & artificial) == artificial) continue;
    const auto partners = solved_partners(v, other, labels);
    if (!partners) return std::nullopt;
    for (std::uint64_t basis : *partners) pairs.emplace_back(v.basis, basis);
  }
  return pairs;
}

// nullopt when a fast run paired two vertices that are not an equilibrium (a residue was zero by
// chance), so its list cannot be trusted.
std::optional<ExtremeEquilibria> enumerate_equilibria(const PositiveBimatrix& g, bool exact_pivots, const Progress& progress) {
  const Tableau p_start = p_tableau(g), q_start = q_tableau(g);
  const std::size_t labels = g.m + g.n;
  // One thread per polytope. In large games the one done first solves for its vertices' partners
  // in the other polytope, and stops that search when it can (each vertex costs one small linear
  // solve instead of a search step, and the larger polytope is often far larger).
  std::atomic<bool> stop_p{false}, stop_q{false}, p_done{false}, q_done{false};
  const bool shortcut = !exact_pivots && labels > 24;
  std::mutex publishing;
  std::atomic<std::uint64_t> seen{0};  // vertices of both polytopes so far, for progress
  std::optional<std::vector<std::pair<std::uint64_t, std::uint64_t>>> solved;  // (P basis, Q basis)
  auto search = [&](const Tableau& start, const Tableau& other, std::atomic<bool>& stop, std::atomic<bool>& done, const std::atomic<bool>& other_done,
                    std::atomic<bool>& stop_other, std::uint64_t artificial, bool is_p) {
    std::vector<Vertex> found = exact_pivots ? enumerate<Tableau>(start, labels, stop, seen) : enumerate<FastTableau>(start, labels, stop, seen);
    done = !stop.load();
    if (!shortcut || !done || other_done.load()) return found;
    auto pairs = pairs_by_solving(found, other, labels, artificial, stop);
    if (!pairs) return found;
    const std::lock_guard<std::mutex> hold(publishing);
    if (solved || other_done.load()) return found;
    if (!is_p)
      for (auto& [a, b] : *pairs) std::swap(a, b);
    solved = std::move(pairs);
    stop_other = true;
    return found;
  };
  const std::uint64_t x_labels = bit(g.m) - 1, y_labels = (labels == 64 ? ~std::uint64_t{0} : bit(labels) - 1) & ~x_labels;
  auto q_future = std::async(std::launch::async, [&] { return search(q_start, p_start, stop_q, q_done, p_done, stop_p, y_labels, false); });
  auto p_future = std::async(std::launch::async, [&] { return search(p_start, q_start, stop_p, p_done, q_done, stop_q, x_labels, true); });
  for (auto* future : {&p_future, &q_future})
    while (future->wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) report_progress(progress, seen.load(std::memory_order_relaxed), 0);
  const std::vector<Vertex> p = p_future.get(), q = q_future.get();

  ExtremeEquilibria result;
  result.row_vertices = p_done ? p.size() : 0;
  result.column_vertices = q_done ? q.size() : 0;
  result.exact_pivots = exact_pivots;
  auto has_extra_labels = [](const std::vector<Vertex>& vertices, std::size_t dimension) {
    return std::any_of(vertices.begin(), vertices.end(), [&](const Vertex& v) { return static_cast<std::size_t>(std::popcount(v.labels)) > dimension; });
  };
  result.degenerate = has_extra_labels(p, g.m) || has_extra_labels(q, g.n);
  std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs;
  if (solved && !(p_done && q_done)) pairs = std::move(*solved);
  else
    for (const auto& [k, l] : complementary_pairs(p, q, g.m, g.n)) pairs.emplace_back(p[k].basis, q[l].basis);
  for (const auto& [p_basis, q_basis] : pairs) {
    const std::vector<mpq_class> x = basic_solution(p_start, p_basis), y = basic_solution(q_start, q_basis);
    if (std::count_if(x.begin(), x.end(), [](const mpq_class& v) { return sgn(v) == 0; }) > static_cast<std::ptrdiff_t>(g.m) ||
        std::count_if(y.begin(), y.end(), [](const mpq_class& v) { return sgn(v) == 0; }) > static_cast<std::ptrdiff_t>(g.n))
      result.degenerate = true;
    MixedProfile e{normalised({x.begin(), x.begin() + static_cast<std::ptrdiff_t>(g.m)}), normalised({y.begin() + static_cast<std::ptrdiff_t>(g.m), y.end()})};
    if (!is_equilibrium(g, e)) {
      if (exact_pivots) throw std::logic_error("vertex enumeration: a complementary pair is not an equilibrium");
      return std::nullopt;
    }
    result.equilibria.push_back(std::move(e));
  }
  auto order = [](const MixedProfile& a, const MixedProfile& b) {
    if (a.row != b.row) return a.row < b.row;
    return a.column < b.column;
  };
  std::sort(result.equilibria.begin(), result.equilibria.end(), order);
  result.equilibria.erase(std::unique(result.equilibria.begin(), result.equilibria.end()), result.equilibria.end());
  return result;
}

}  // namespace

ExtremeEquilibria extreme_equilibria(const StrategicGame& game, Arithmetic arithmetic, const Progress& progress) {
  const PositiveBimatrix g = positive_bimatrix(game);
  if (g.m + g.n > 64) throw std::invalid_argument("vertex enumeration: at most 64 strategies between the two players");
  // Small games have few vertices; exact pivots cost little there.
  const bool small = g.m + g.n <= 16;
  if (arithmetic == Arithmetic::fast || (arithmetic == Arithmetic::automatic && !small))
    if (auto found = enumerate_equilibria(g, false, progress)) return *found;
  if (arithmetic == Arithmetic::fast) throw std::runtime_error("vertex enumeration: a value was zero modulo the prime but not in fact; use exact arithmetic");
  return *enumerate_equilibria(g, true, progress);
}

}  // namespace statecraft
