#include "games/global_newton.hpp"

#include <cmath>
#include <optional>
#include <random>
#include <stdexcept>

#include "games/dense_solve.hpp"
#include "games/payoff_tensor.hpp"

namespace statecraft {
namespace {

// A point of the path: the mixes (zero outside the supports), each player's value v_i (in
// the rescaled payoffs) and λ.
struct PathPoint {
  StrategyMixes sigma;
  std::vector<double> value;
  double lambda = 0;
};

using Vector = std::vector<double>;

double dot(const Vector& a, const Vector& b) {
  double s = 0;
  for (std::size_t k = 0; k < a.size(); ++k) s += a[k] * b[k];
  return s;
}

double largest(const Vector& a) {
  double m = 0;
  for (double x : a) m = std::max(m, std::abs(x));
  return m;
}

// The homotopy on the current supports, in each player's payoffs rescaled to [0, 1] (so that λ, the
// values and the probabilities are all of order one).
class Homotopy {
 public:
  Homotopy(const PayoffTensor& g, StrategyMixes bonus) : g_(g), bonus_(std::move(bonus)) {
    in_.resize(g.players());
    for (std::size_t i = 0; i < g.players(); ++i) in_[i].assign(g.strategies(i), false);
  }

  void add(std::size_t i, std::size_t s) { set(i, s, true); }
  void drop(std::size_t i, std::size_t s) { set(i, s, false); }
  bool in(std::size_t i, std::size_t s) const { return in_[i][s]; }
  const std::vector<std::pair<std::size_t, std::size_t>>& members() const { return members_; }
  // Unknowns: the members' probabilities, the values, λ.
  std::size_t unknowns() const { return members_.size() + g_.players() + 1; }

  Vector pack(const PathPoint& p) const {
    Vector z;
    for (const auto& [i, s] : members_) z.push_back(p.sigma[i][s]);
    z.insert(z.end(), p.value.begin(), p.value.end());
    z.push_back(p.lambda);
    return z;
  }
  PathPoint unpack(const Vector& z) const {
    PathPoint p{StrategyMixes(g_.players()), Vector(z.begin() + static_cast<long>(members_.size()), z.end() - 1), z.back()};
    for (std::size_t i = 0; i < g_.players(); ++i) p.sigma[i].assign(g_.strategies(i), 0);
    for (std::size_t k = 0; k < members_.size(); ++k) p.sigma[members_[k].first][members_[k].second] = z[k];
    return p;
  }

  // What strategy s of player i earns over v_i in the perturbed game: zero on the support, at
  // most zero off it in an equilibrium.
  StrategyMixes slack(const PathPoint& p) const {
    StrategyMixes u = g_.values(p.sigma);
    for (std::size_t i = 0; i < g_.players(); ++i)
      for (std::size_t s = 0; s < g_.strategies(i); ++s) u[i][s] = u[i][s] + p.lambda * bonus_[i][s] - p.value[i];
    return u;
  }

  Vector residual(const PathPoint& p) const {
    const StrategyMixes gain = slack(p);
    Vector f;
    for (const auto& [i, s] : members_) f.push_back(gain[i][s]);
    for (std::size_t i = 0; i < g_.players(); ++i) {
      double total = -1;
      for (std::size_t s = 0; s < g_.strategies(i); ++s)
        if (in_[i][s]) total += p.sigma[i][s];
      f.push_back(total);
    }
    return f;
  }

  // The gradient of strategy (i, s)'s slack with respect to the unknowns.
  Vector slack_gradient(const PathPoint& p, std::size_t i, std::size_t s) const {
    Vector row(unknowns(), 0);
    const auto column = columns();
    g_.value_derivatives(p.sigma, [&](std::size_t a, std::size_t sa, std::size_t b, std::size_t t, double d) {
      if (a == i && sa == s && column[b][t] >= 0) row[static_cast<std::size_t>(column[b][t])] += d;
    });
    row[members_.size() + i] = -1;
    row.back() = bonus_[i][s];
    return row;
  }

  // One row per equation, one column per unknown.
  std::vector<Vector> jacobian(const PathPoint& p) const {
    const std::size_t m = members_.size(), n = unknowns();
    std::vector<Vector> j(n - 1, Vector(n, 0));
    const auto column = columns();
    g_.value_derivatives(p.sigma, [&](std::size_t a, std::size_t sa, std::size_t b, std::size_t t, double d) {
      if (column[a][sa] >= 0 && column[b][t] >= 0) j[static_cast<std::size_t>(column[a][sa])][static_cast<std::size_t>(column[b][t])] += d;
    });
    for (std::size_t k = 0; k < m; ++k) {
      const auto [i, s] = members_[k];
      j[k][m + i] = -1;
      j[k][n - 1] = bonus_[i][s];
      j[m + i][k] = 1;
    }
    return j;
  }

  // The unit tangent whose product with `reference` is positive (a reference orthogonal to the
  // path is replaced by coordinate directions until one is not).
  std::optional<Vector> tangent(const PathPoint& p, const Vector& reference) const {
    const std::size_t n = unknowns();
    std::vector<Vector> m = jacobian(p);
    Vector rhs(n, 0), t;
    rhs.back() = 1;
    for (std::size_t attempt = 0; attempt <= n; ++attempt) {
      Vector row = reference;
      if (attempt > 0) {
        row.assign(n, 0);
        row[attempt - 1] = 1;
      }
      auto system = m;
      system.push_back(row);
      if (!solve_dense(system, rhs, t, 1e-12)) continue;
      const double norm = std::sqrt(dot(t, t));
      for (double& x : t) x /= norm;
      if (dot(t, reference) < 0)
        for (double& x : t) x = -x;
      return t;
    }
    return std::nullopt;
  }

  // Newton's method back onto the path from `guess`, on the hyperplane through it orthogonal to
  // `direction`, or, with `at_zero`, on λ = 0.
  std::optional<PathPoint> correct(const Vector& guess, const Vector& direction, bool at_zero = false) const {
    Vector z = guess;
    const std::size_t n = unknowns();
    for (int iteration = 0; iteration < 12; ++iteration) {
      const PathPoint p = unpack(z);
      Vector f = residual(p);
      Vector last(n, 0);
      if (at_zero) {
        last.back() = 1;
        f.push_back(z.back());
      } else {
        last = direction;
        Vector d(n);
        for (std::size_t k = 0; k < n; ++k) d[k] = z[k] - guess[k];
        f.push_back(dot(direction, d));
      }
      if (largest(f) < 1e-13) return p;
      auto m = jacobian(p);
      m.push_back(last);
      for (double& x : f) x = -x;
      Vector step;
      if (!solve_dense(std::move(m), f, step, 1e-14)) return std::nullopt;
      for (std::size_t k = 0; k < n; ++k) z[k] += step[k];
      if (largest(step) > 1) return std::nullopt;
    }
    const PathPoint p = unpack(z);
    if (largest(residual(p)) < 1e-10) return p;
    return std::nullopt;
  }

 private:
  void set(std::size_t i, std::size_t s, bool value) {
    in_[i][s] = value;
    members_.clear();
    for (std::size_t a = 0; a < g_.players(); ++a)
      for (std::size_t t = 0; t < g_.strategies(a); ++t)
        if (in_[a][t]) members_.push_back({a, t});
  }
  std::vector<std::vector<long>> columns() const {
    std::vector<std::vector<long>> c(g_.players());
    for (std::size_t i = 0; i < g_.players(); ++i) c[i].assign(g_.strategies(i), -1);
    for (std::size_t k = 0; k < members_.size(); ++k) c[members_[k].first][members_[k].second] = static_cast<long>(k);
    return c;
  }

  const PayoffTensor& g_;
  StrategyMixes bonus_;
  std::vector<std::vector<bool>> in_;
  std::vector<std::pair<std::size_t, std::size_t>> members_;
};

// What ends a piece of the path between two of its points.
struct Event {
  enum class Kind { none, leaves, joins, crosses_zero } kind = Kind::none;
  std::size_t player = 0, strategy = 0;
};

Event first_violation(const Homotopy& h, const PathPoint& from, const PathPoint& to) {
  const StrategyMixes gain = h.slack(to);
  for (const auto& [i, s] : h.members())
    if (to.sigma[i][s] < 0) return {Event::Kind::leaves, i, s};
  for (std::size_t i = 0; i < to.sigma.size(); ++i)
    for (std::size_t s = 0; s < to.sigma[i].size(); ++s)
      if (!h.in(i, s) && gain[i][s] > 0) return {Event::Kind::joins, i, s};
  if ((from.lambda > 0) != (to.lambda > 0)) return {Event::Kind::crosses_zero, 0, 0};
  return {};
}

double uniform(std::mt19937_64& random) { return static_cast<double>(random() >> 11) * 0x1.0p-53; }

class PathFollower {
 public:
  // Follows the paths of `walked` (the game, perhaps slightly perturbed) and keeps the crossings
  // that are equilibria of `game`.
  PathFollower(const PayoffTensor& game, const PayoffTensor& walked, const GlobalNewtonSettings& settings, GlobalNewtonResult& result)
      : game_(game), g_(walked), settings_(settings), result_(result) {}

  // One path, from the ray's dominant profile at λ = start until λ falls below −start.
  void follow(const StrategyMixes& bonus) {
    ++result_.paths;
    Homotopy h(g_, bonus);
    // Each player's largest bonus is 1 and the others below 1/2, so at λ = 3 that strategy beats
    // every other by more than its payoff range (1, rescaled).
    constexpr double start = 3;
    PathPoint p{StrategyMixes(g_.players()), Vector(g_.players()), start};
    for (std::size_t i = 0; i < g_.players(); ++i) {
      p.sigma[i].assign(g_.strategies(i), 0);
      const std::size_t best = static_cast<std::size_t>(std::max_element(bonus[i].begin(), bonus[i].end()) - bonus[i].begin());
      p.sigma[i][best] = 1;
      h.add(i, best);
    }
    const StrategyMixes u = g_.values(p.sigma);
    for (std::size_t i = 0; i < g_.players(); ++i)
      for (std::size_t s = 0; s < g_.strategies(i); ++s)
        if (h.in(i, s)) p.value[i] = u[i][s] + start * bonus[i][s];
    Vector down(h.unknowns(), 0);
    down.back() = -1;
    auto t = h.tangent(p, down);
    double step = 0.05;
    for (std::size_t n = 0; t && n < settings_.max_steps; ++n) {
      ++result_.steps;
      if (p.lambda < -start) {
        ++result_.paths_completed;
        return;
      }
      if (p.lambda > 2 * start) return;  // turned back at an event it misread: the path is left unfinished
      const Vector z = h.pack(p);
      Vector guess = z;
      for (std::size_t k = 0; k < z.size(); ++k) guess[k] += step * (*t)[k];
      auto next = h.correct(guess, *t);
      if (!next || distance(h.pack(*next), guess) > 0.5 * step) {
        step /= 2;
        if (step < 1e-12) return;  // stuck: the path is left unfinished
        continue;
      }
      const Event event = first_violation(h, p, *next);
      if (event.kind == Event::Kind::none) {
        auto turned = h.tangent(*next, *t);
        if (!turned || dot(*turned, *t) < 0.9) {  // a sharp turn: take a shorter step
          step /= 2;
          continue;
        }
        p = *next;
        t = turned;
        step = std::min(step * 1.5, 0.25);
        continue;
      }
      // The event's place, by bisection on the step; `at` holds the first point past it.
      double low = 0, high = step;
      PathPoint at = *next;
      Event found = event;
      for (int k = 0; k < 60 && high - low > 1e-14; ++k) {
        const double middle = (low + high) / 2;
        for (std::size_t c = 0; c < z.size(); ++c) guess[c] = z[c] + middle * (*t)[c];
        auto q = h.correct(guess, *t);
        if (!q) break;
        const Event e = first_violation(h, p, *q);
        if (e.kind == Event::Kind::none) {
          low = middle;
        } else {
          high = middle;
          at = *q;
          found = e;
        }
      }
      t = change_piece(h, at, found, *t);
      p = at;
      step = std::max(step / 4, 1e-6);
    }
  }

 private:
  static double distance(const Vector& a, const Vector& b) {
    double s = 0;
    for (std::size_t k = 0; k < a.size(); ++k) s += (a[k] - b[k]) * (a[k] - b[k]);
    return std::sqrt(s);
  }

  // Past an event: record an equilibrium, or change the supports and turn the tangent the way
  // that keeps the inequalities.
  std::optional<Vector> change_piece(Homotopy& h, PathPoint& at, const Event& e, const Vector& t) {
    if (e.kind == Event::Kind::crosses_zero) {
      record(h.correct(h.pack(at), t, true).value_or(at));
      return h.tangent(at, t);
    }
    Vector reference;
    const auto before = h.members();
    if (e.kind == Event::Kind::leaves) {
      at.sigma[e.player][e.strategy] = 0;
      h.drop(e.player, e.strategy);
    } else {
      h.add(e.player, e.strategy);
    }
    // The old tangent in the new coordinates (zero for a strategy that joins).
    for (const auto& [i, s] : h.members()) {
      const auto it = std::find(before.begin(), before.end(), std::make_pair(i, s));
      reference.push_back(it == before.end() ? 0 : t[static_cast<std::size_t>(it - before.begin())]);
    }
    for (std::size_t k = before.size(); k < t.size(); ++k) reference.push_back(t[k]);
    auto turned = h.tangent(at, reference);
    if (!turned) return std::nullopt;
    double heading;  // must be positive
    if (e.kind == Event::Kind::joins) {
      const auto& members = h.members();
      heading = (*turned)[static_cast<std::size_t>(std::find(members.begin(), members.end(), std::make_pair(e.player, e.strategy)) - members.begin())];
    } else {
      heading = -dot(h.slack_gradient(at, e.player, e.strategy), *turned);
    }
    if (heading < 0)
      for (double& x : *turned) x = -x;
    return turned;
  }

  // A crossing of λ = 0 in the nudged game, made an equilibrium of the game itself by Newton's
  // method on its supports (where the supports' system is singular, as on a continuum of
  // equilibria, the crossing stands if it is close enough already).
  void record(PathPoint p) {
    std::vector<std::uint64_t> supports(p.sigma.size(), 0);
    for (std::size_t i = 0; i < p.sigma.size(); ++i)
      for (std::size_t s = 0; s < p.sigma[i].size(); ++s)
        if (p.sigma[i][s] > 1e-9) supports[i] |= std::uint64_t{1} << s;
    auto cleaned = [](StrategyMixes sigma) {
      for (auto& mix : sigma) {
        for (double& x : mix) x = std::max(x, 0.0);
        double total = 0;
        for (double x : mix) total += x;
        for (double& x : mix) x /= total;
      }
      return sigma;
    };
    p.sigma = cleaned(p.sigma);
    double regret = regret_of(game_, p.sigma);
    if (const auto polished = solve_on_supports(game_, supports, p.sigma)) {
      const bool valid = std::all_of(polished->begin(), polished->end(), [](const auto& mix) { return std::all_of(mix.begin(), mix.end(), [](double x) { return x > -1e-10; }); });
      const StrategyMixes candidate = cleaned(*polished);
      const double polished_regret = regret_of(game_, candidate);
      if (valid && polished_regret < regret) {
        p.sigma = candidate;
        regret = polished_regret;
      }
    }
    if (regret > 1e-9) return;
    for (const auto& f : result_.equilibria) {
      bool same = true;
      for (std::size_t i = 0; i < p.sigma.size() && same; ++i)
        for (std::size_t s = 0; s < p.sigma[i].size() && same; ++s) same = std::abs(f.probabilities[i][s] - p.sigma[i][s]) <= 1e-6;
      if (same) return;
    }
    result_.equilibria.push_back({p.sigma, game_.expected(p.sigma), regret, "global Newton"});
  }

  const PayoffTensor& game_;
  const PayoffTensor& g_;
  const GlobalNewtonSettings& settings_;
  GlobalNewtonResult& result_;
};

}  // namespace

GlobalNewtonResult global_newton(const StrategicGame& game, const GlobalNewtonSettings& settings) {
  for (const auto& list : game.strategies)
    if (list.size() > 64) throw std::invalid_argument("the global Newton method takes at most 64 strategies a player");
  const PayoffTensor g(game);
  std::mt19937_64 random(settings.seed);
  // The paths run in the game with every payoff moved by less than 10⁻¹⁰ of its player's range:
  // in a degenerate game (ties, as trees' strategic forms have) several events would otherwise
  // fall on the same point of λ = 0, where the pieces' systems are singular.
  StrategicGame nudged = game;
  constexpr double nudge = 1e-10;
  for (auto& profile : nudged.payoffs)
    for (std::size_t i = 0; i < profile.size(); ++i) profile[i] += mpq_class(nudge * g.range(i) * uniform(random));
  const PayoffTensor walked(nudged);
  GlobalNewtonResult result;
  PathFollower follower(g, walked, settings, result);
  for (std::size_t ray = 0; ray < settings.rays; ++ray) {
    // A generic ray: per player one strategy with bonus 1 (pseudo-random, shifted by the ray's
    // number so that successive rays tend to start from different corners), the others below 1/2.
    StrategyMixes bonus(g.players());
    for (std::size_t i = 0; i < g.players(); ++i) {
      for (std::size_t s = 0; s < g.strategies(i); ++s) bonus[i].push_back(0.5 * uniform(random));
      bonus[i][(ray + i * 7 + static_cast<std::size_t>(uniform(random) * static_cast<double>(g.strategies(i)))) % g.strategies(i)] = 1;
    }
    follower.follow(bonus);
  }
  return result;
}

}  // namespace statecraft
