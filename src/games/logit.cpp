#include "games/logit.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "games/dense_solve.hpp"

namespace statecraft {
namespace {

using Vector = std::vector<double>;

// The branch in coordinates (z = log-probabilities of every strategy, λ): for each player i,
// z_ij − z_i0 − λ·(u_ij − u_i0) = 0 for j > 0, and Σ_j exp(z_ij) = 1.
class Branch {
 public:
  explicit Branch(const StrategicGame& g) : g_(g) {
    for (const auto& s : g.strategies) {
      offset_.push_back(size_);
      size_ += s.size();
    }
    // Payoffs on a unit range, so that λ keeps one meaning; in doubles, as the tracing is numerical.
    mpq_class low = g.payoffs.at(0).at(0), high = low;
    for (const auto& profile : g.payoffs)
      for (const mpq_class& v : profile) low = std::min(low, v), high = std::max(high, v);
    const mpq_class scale = high > low ? mpq_class(1 / (high - low)) : mpq_class(1);
    for (const auto& profile : g.payoffs) {
      scaled_.emplace_back();
      for (const mpq_class& v : profile) scaled_.back().push_back(mpq_class(v * scale).get_d());
    }
    scale_ = scale.get_d();
  }

  std::size_t unknowns() const { return size_ + 1; }
  double scale() const { return scale_; }

  // u[k]: expected payoff of strategy k (of its player) against the others' mixed strategies.
  Vector expected_payoffs(const Vector& z) const {
    Vector u(size_, 0.0);
    const std::size_t players = g_.players.size();
    for (std::size_t index = 0; index < g_.profile_count(); ++index) {
      const auto choice = g_.profile_choice(index);
      for (std::size_t p = 0; p < players; ++p) {
        // The others' probability: all except p's own factor (recomputed to avoid 0/0).
        double others = 1;
        for (std::size_t q = 0; q < players; ++q)
          if (q != p) others *= std::exp(z[offset_[q] + choice[q]]);
        u[offset_[p] + choice[p]] += others * scaled_[index][p];
      }
    }
    return u;
  }

  Vector residual(const Vector& x) const {
    const Vector u = expected_payoffs(x);
    const double lambda = x[size_];
    Vector h;
    for (std::size_t p = 0; p < g_.players.size(); ++p) {
      const std::size_t o = offset_[p], n = g_.strategies[p].size();
      double total = 0;
      for (std::size_t j = 0; j < n; ++j) total += std::exp(x[o + j]);
      h.push_back(total - 1);
      for (std::size_t j = 1; j < n; ++j) h.push_back(x[o + j] - x[o] - lambda * (u[o + j] - u[o]));
    }
    return h;
  }

  // Jacobian, size × (size + 1). With u_ij the expected payoff of i's strategy j, and
  // v_ij,kl the expected payoff of i's j when k plays l, ∂u_ij/∂z_kl = p_kl·v_ij,kl (k ≠ i).
  std::vector<Vector> jacobian(const Vector& x) const {
    const std::size_t players = g_.players.size();
    // v[i-strategy index][k-strategy index], over strategy indices of different players.
    std::vector<Vector> v(size_, Vector(size_, 0.0));
    Vector u(size_, 0.0);
    std::vector<double> p(size_);
    for (std::size_t k = 0; k < size_; ++k) p[k] = std::exp(x[k]);
    for (std::size_t index = 0; index < g_.profile_count(); ++index) {
      const auto choice = g_.profile_choice(index);
      for (std::size_t i = 0; i < players; ++i) {
        const double payoff = scaled_[index][i];
        if (payoff == 0) continue;
        const std::size_t row = offset_[i] + choice[i];
        double others = 1;
        for (std::size_t q = 0; q < players; ++q)
          if (q != i) others *= p[offset_[q] + choice[q]];
        u[row] += others * payoff;
        for (std::size_t k = 0; k < players; ++k) {
          if (k == i) continue;
          // The others' probability without k's own factor.
          double rest = 1;
          for (std::size_t q = 0; q < players; ++q)
            if (q != i && q != k) rest *= p[offset_[q] + choice[q]];
          v[row][offset_[k] + choice[k]] += rest * payoff;
        }
      }
    }
    const double lambda = x[size_];
    std::vector<Vector> j(size_, Vector(size_ + 1, 0.0));
    std::size_t r = 0;
    for (std::size_t i = 0; i < players; ++i) {
      const std::size_t o = offset_[i], n = g_.strategies[i].size();
      for (std::size_t l = 0; l < n; ++l) j[r][o + l] = p[o + l];  // Σ_j exp(z_ij) − 1
      ++r;
      for (std::size_t s = 1; s < n; ++s, ++r) {
        j[r][o + s] += 1;
        j[r][o] -= 1;
        for (std::size_t k = 0; k < players; ++k) {
          if (k == i) continue;
          for (std::size_t l = 0; l < g_.strategies[k].size(); ++l) {
            const std::size_t c = offset_[k] + l;
            j[r][c] -= lambda * p[c] * (v[o + s][c] - v[o][c]);
          }
        }
        j[r][size_] = -(u[o + s] - u[o]);
      }
    }
    return j;
  }

  std::vector<std::vector<double>> probabilities(const Vector& x) const {
    std::vector<std::vector<double>> p;
    for (std::size_t q = 0; q < g_.players.size(); ++q) {
      p.emplace_back();
      for (std::size_t j = 0; j < g_.strategies[q].size(); ++j) p.back().push_back(std::exp(x[offset_[q] + j]));
    }
    return p;
  }

 private:
  const StrategicGame& g_;
  std::vector<std::size_t> offset_;
  std::size_t size_ = 0;
  std::vector<Vector> scaled_;  // payoffs[profile][player] on a unit range
  double scale_ = 1;
};

// The tangent t with J t = 0, oriented along `previous` (|t| = 1).
bool tangent(const std::vector<Vector>& j, const Vector& previous, Vector& t) {
  std::vector<Vector> m = j;
  m.push_back(previous);
  Vector b(j.size() + 1, 0.0);
  b.back() = 1;
  if (!solve_dense(m, b, t, 1e-300)) return false;
  double norm = 0;
  for (double v : t) norm += v * v;
  norm = std::sqrt(norm);
  for (double& v : t) v /= norm;
  return true;
}

double dot(const Vector& a, const Vector& b) {
  double sum = 0;
  for (std::size_t k = 0; k < a.size(); ++k) sum += a[k] * b[k];
  return sum;
}

}  // namespace

std::vector<LogitPoint> trace_logit(const StrategicGame& game, const LogitSettings& settings) {
  const Branch branch(game);
  const std::size_t n = branch.unknowns();
  Vector x(n, 0.0);
  for (std::size_t p = 0, o = 0; p < game.players.size(); o += game.strategies[p].size(), ++p)
    for (std::size_t j = 0; j < game.strategies[p].size(); ++j) x[o + j] = -std::log(static_cast<double>(game.strategies[p].size()));
  std::vector<LogitPoint> points{{0, branch.probabilities(x)}};
  Vector start(n, 0.0);
  start.back() = 1;  // towards growing λ
  Vector t;          // the tangent at x, oriented along the way travelled
  if (!tangent(branch.jacobian(x), start, t)) throw std::runtime_error("logit: the branch's Jacobian is singular");
  double h = 0.03;
  for (std::size_t step = 0; step < settings.max_steps && x.back() < settings.final_lambda; ++step) {
    // Predictor along the tangent, then Newton corrections perpendicular to it.
    Vector y(n);
    for (std::size_t k = 0; k < n; ++k) y[k] = x[k] + h * t[k];
    bool converged = false;
    double moved = 0;  // how far the corrections took y from the predicted point
    for (int iteration = 0; iteration < 8 && moved <= h; ++iteration) {
      std::vector<Vector> m = branch.jacobian(y);
      m.push_back(t);
      Vector rhs = branch.residual(y);
      double size = 0;
      for (double& v : rhs) size = std::max(size, std::abs(v)), v = -v;
      rhs.push_back(0);
      // The equations carry terms of size λ·payoff: their rounding grows with λ.
      if (size < 1e-10 * (1 + std::abs(y.back()))) {
        converged = true;
        break;
      }
      Vector delta;
      if (!solve_dense(m, rhs, delta, 1e-300)) break;
      for (std::size_t k = 0; k < n; ++k) y[k] += delta[k], moved += std::abs(delta[k]);
    }
    // A step is kept only if the branch bends little over it: a corrector that travels further
    // than the step, or a tangent that turns sharply, means the predictor left the branch and may
    // have landed on another piece of the QRE correspondence (a loop that never reaches large λ).
    Vector next;
    const bool kept = converged && tangent(branch.jacobian(y), t, next) && dot(next, t) > 0.9;
    if (!kept) {
      h /= 2;
      if (h < 1e-12) throw std::runtime_error("logit: the branch could not be followed");
      continue;
    }
    x = y;
    t = next;
    points.push_back({x.back() / branch.scale(), branch.probabilities(x)});
    report_progress(settings.progress, static_cast<std::uint64_t>(1000 * std::log1p(std::max(0.0, x.back())) / std::log1p(settings.final_lambda)), 1000);
    // Longer steps while tracing goes well; λ's range spans many orders of magnitude.
    h = std::min(h * 1.5, std::max(1.0, 0.1 * std::abs(x.back())));
  }
  return points;
}

double regret(const StrategicGame& game, const std::vector<std::vector<double>>& probabilities) {
  const Branch branch(game);
  Vector z;
  for (const auto& player : probabilities)
    for (double p : player) z.push_back(std::log(p));  // exp(log 0) is 0 again
  const Vector u = branch.expected_payoffs(z);
  double most = 0;
  for (std::size_t p = 0, o = 0; p < probabilities.size(); o += probabilities[p].size(), ++p) {
    double expected = 0, best = -INFINITY;
    for (std::size_t k = 0; k < probabilities[p].size(); ++k) expected += probabilities[p][k] * u[o + k], best = std::max(best, u[o + k]);
    most = std::max(most, best - expected);
  }
  return most;
}

}  // namespace statecraft
