#include "bargaining/expected_utility.hpp"

#include <algorithm>
#include <cmath>

namespace statecraft {
namespace {

using Settings = ExpectedUtilitySettings;

class Round {
 public:
  Round(const std::vector<SpatialActor>& actors, const std::vector<double>& x, double range, const Settings& settings)
      : actors_(actors), x_(x), n_(x.size()), range_(range), settings_(settings),
        median_(condorcet_position(actors, x)) {
    for (const auto& a : actors_) weight_.push_back(a.capability * a.salience);
  }

  // Runs both passes and returns the new positions; `risk` receives the exponents.
  std::vector<double> play(std::vector<double>& risk) {
    risk.assign(n_, 1.0);
    const auto first = success_probabilities(risk);
    risk = risk_exponents(first);
    const auto second = success_probabilities(risk);
    std::vector<double> next(n_);
    for (std::size_t i = 0; i < n_; ++i) next[i] = choose_move(i, risk[i], second);
    return next;
  }

 private:
  double distance(double a, double b) const { return std::abs(a - b) / range_; }

  // P[i][j]: the chance i prevails against j (§3 of Scholz et al.).
  std::vector<std::vector<double>> success_probabilities(const std::vector<double>& risk) const {
    std::vector<std::vector<double>> p(n_, std::vector<double>(n_, 0.0));
    if (settings_.probability == Settings::SuccessProbability::Paper) {
      // eq. 31: k backs i against j by c_k·s_k·(|x_k − x_j| − |x_k − x_i|), normalised per pair.
      for (std::size_t i = 0; i < n_; ++i)
        for (std::size_t j = 0; j < n_; ++j) {
          if (x_[i] == x_[j]) continue;
          double for_i = 0, all = 0;
          for (std::size_t k = 0; k < n_; ++k) {
            const double v = weight_[k] * (std::abs(x_[k] - x_[j]) - std::abs(x_[k] - x_[i]));
            for_i += std::max(0.0, v);
            all += std::abs(v);
          }
          p[i][j] = all > 0 ? for_i / all : 0.0;
        }
      return p;
    }
    // The program's form: voter k's vote for a over b is c_k·s_k·(δ_kb^r_k − δ_ka^r_k); the
    // positive votes for i over j are divided by the total absolute vote over all voters and
    // ordered pairs of actors. Actors sharing a position share their row, so the O(n³) sum runs
    // over distinct positions only.
    std::vector<double> points = x_;
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    std::vector<std::size_t> slot(n_);
    for (std::size_t a = 0; a < n_; ++a) slot[a] = static_cast<std::size_t>(std::lower_bound(points.begin(), points.end(), x_[a]) - points.begin());
    // felt[q][k] = δ(x_k, point q)^r_k, stored by point so the sum over voters is contiguous.
    std::vector<std::vector<double>> felt(points.size(), std::vector<double>(n_));
    for (std::size_t q = 0; q < points.size(); ++q)
      for (std::size_t k = 0; k < n_; ++k) felt[q][k] = std::pow(distance(x_[k], points[q]), risk[k]);
    double total = 0;
    std::vector<double> sorted(n_);
    for (std::size_t k = 0; k < n_; ++k) {
      // Σ_{a,b} |f_a − f_b| over ordered pairs of actors, from the sorted values in O(n log n).
      for (std::size_t a = 0; a < n_; ++a) sorted[a] = felt[slot[a]][k];
      std::sort(sorted.begin(), sorted.end());
      double pairs = 0;
      for (std::size_t a = 0; a < n_; ++a) pairs += sorted[a] * (2.0 * static_cast<double>(a) - static_cast<double>(n_ - 1));
      total += weight_[k] * 2 * pairs;
    }
    if (!(total > 0)) return p;
    std::vector<std::vector<double>> by_point(points.size(), std::vector<double>(points.size(), 0.0));
    for (std::size_t a = 0; a < points.size(); ++a)
      for (std::size_t b = 0; b < points.size(); ++b) {
        if (a == b) continue;
        const double* fa = felt[a].data();
        const double* fb = felt[b].data();
        double for_a = 0;
        for (std::size_t k = 0; k < n_; ++k) for_a += weight_[k] * std::max(0.0, fb[k] - fa[k]);
        by_point[a][b] = for_a / total;
      }
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t j = 0; j < n_; ++j) p[i][j] = by_point[slot[i]][slot[j]];
    return p;
  }

  // E^c(U_ct) in the eyes of an actor of risk exponent r: the challenger c's expected utility of
  // challenging t, who resists with probability `resistance` (eqs. 5–7, 15–16, 22–24).
  double expected_utility(std::size_t c, std::size_t t, double r, double resistance, double success) const {
    auto utility = [r](double base) { return 2 - 4 * std::pow(std::max(0.0, base), r); };
    const double d = distance(x_[c], x_[t]);
    const double win = utility(0.5 - 0.5 * d);   // eq. 15
    const double lose = utility(0.5 + 0.5 * d);  // eq. 16
    const double challenge = resistance * (success * win + (1 - success) * lose) + (1 - resistance) * win;
    const double q = settings_.status_quo_probability;
    double no_challenge = q * utility(0.5);  // eq. 24
    if (q < 1) {
      const double dm = distance(x_[c], median_);
      const double better = utility(0.5 - 0.25 * (dm + d));  // eq. 22
      const double worse = utility(0.5 + 0.25 * (dm + d));   // eq. 23
      const bool t_is_better = !settings_.better_by_case || std::abs(x_[c] - median_) < std::abs(x_[c] - x_[t]);
      no_challenge += (1 - q) * (t_is_better ? better : worse);
    }
    return challenge - no_challenge;
  }

  // eqs. 32–34: security S_i, the sum of the others' expected utility of challenging i (at r = 1);
  // the least secure actor becomes the most risk-acceptant (r = 0.5), the safest r = 2.
  std::vector<double> risk_exponents(const std::vector<std::vector<double>>& p) const {
    std::vector<double> security(n_, 0.0);
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t j = 0; j < n_; ++j)
        if (j != i) security[i] += expected_utility(j, i, 1.0, actors_[i].salience, p[j][i]);
    const auto [low, high] = std::minmax_element(security.begin(), security.end());
    std::vector<double> r(n_, 1.0);
    if (*high > *low)
      for (std::size_t i = 0; i < n_; ++i) {
        const double basis = (2 * security[i] - *high - *low) / (*high - *low);
        r[i] = (1 - basis / 3) / (1 + basis / 3);
      }
    return r;
  }

  struct Offer {
    double destination;
    double proposer_utility;  // b: how much the proposer expects from enforcing it
  };

  // Scholz et al., Fig. 6 and §6.2, from i's own perception: a = E^i(U_ij), b = E^j(U_ji).
  // Only the octants where i is the one to move make offers to i.
  double choose_move(std::size_t i, double r, const std::vector<std::vector<double>>& p) const {
    std::vector<Offer> conflicts, compromises, capitulations;
    for (std::size_t j = 0; j < n_; ++j) {
      if (j == i || x_[j] == x_[i]) continue;
      const double a = expected_utility(i, j, r, actors_[j].salience, p[i][j]);
      const double b = expected_utility(j, i, r, actors_[i].salience, p[j][i]);
      if (a > 0 && b > 0 && b > a) conflicts.push_back({conflict_destination(i, j, p), b});
      else if (a < 0 && b > 0 && b > -a) compromises.push_back({x_[i] + (x_[j] - x_[i]) * std::abs(a / b), b});  // eq. 36
      else if (a < 0 && b > 0 && -a > b) capitulations.push_back({x_[j], b});
    }
    auto move = [&](const Offer& o) { return std::abs(o.destination - x_[i]); };
    // Strict comparisons keep the first offer, the lowest j, on ties.
    auto least_move = [&](const std::vector<Offer>& offers) {
      const Offer* best = &offers.front();
      for (const auto& o : offers)
        if (move(o) < move(*best)) best = &o;
      return best->destination;
    };
    if (!conflicts.empty()) return least_move(conflicts);
    if (!compromises.empty()) {
      // The most enforceable proposer, then the least move.
      const Offer* best = &compromises.front();
      for (const auto& o : compromises)
        if (o.proposer_utility > best->proposer_utility || (o.proposer_utility == best->proposer_utility && move(o) < move(*best))) best = &o;
      return best->destination;
    }
    if (!capitulations.empty()) return least_move(capitulations);
    return x_[i];
  }

  double conflict_destination(std::size_t i, std::size_t j, const std::vector<std::vector<double>>& p) const {
    switch (settings_.conflict) {
      case Settings::ConflictRule::Concede: return x_[j];
      case Settings::ConflictRule::Expected: return x_[i] + (1 - p[i][j]) * (x_[j] - x_[i]);
      case Settings::ConflictRule::Stay: return x_[i];
    }
    return x_[i];
  }

  const std::vector<SpatialActor>& actors_;
  const std::vector<double>& x_;
  std::size_t n_;
  double range_;
  const Settings& settings_;
  double median_;
  std::vector<double> weight_;
};

double weighted_mean_of(const std::vector<SpatialActor>& actors, const std::vector<double>& x) {
  double weighted = 0, total = 0;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    weighted += actors[i].capability * actors[i].salience * x[i];
    total += actors[i].capability * actors[i].salience;
  }
  return total > 0 ? weighted / total : NAN;
}

}  // namespace

double condorcet_position(const std::vector<SpatialActor>& actors, const std::vector<double>& positions) {
  std::vector<SpatialActor> moved = actors;
  for (std::size_t i = 0; i < moved.size(); ++i) moved[i].position = positions[i];
  return weighted_median(moved).value_or(NAN);
}

ExpectedUtilityRun run_expected_utility(const std::vector<SpatialActor>& actors, const ExpectedUtilitySettings& settings) {
  ExpectedUtilityRun run;
  if (actors.empty()) return run;
  std::vector<double> x;
  for (const auto& a : actors) x.push_back(a.position);
  run.initial_median = condorcet_position(actors, x);
  const auto [low, high] = std::minmax_element(x.begin(), x.end());
  const double range = *high - *low;
  if (!(range > 0)) {
    run.stopped = "all actors already agree";
    return run;
  }
  std::vector<std::vector<double>> seen{x};  // the positions before each round
  for (int t = 1; t <= settings.max_rounds; ++t) {
    ExpectedUtilityRound round;
    round.positions = Round(actors, x, range, settings).play(round.risk);
    round.median = condorcet_position(actors, round.positions);
    round.mean = weighted_mean_of(actors, round.positions);
    const bool moved = round.positions != x;
    x = round.positions;
    run.rounds.push_back(std::move(round));
    if (!moved) {
      run.stopped = "no actor moved";
      return run;
    }
    if (const auto again = std::find(seen.begin(), seen.end(), x); again != seen.end()) {
      run.cycle = seen.size() - static_cast<std::size_t>(again - seen.begin());
      run.stopped = "the positions repeat every " + std::to_string(run.cycle) + " rounds";
      return run;
    }
    seen.push_back(x);
    const auto settle = static_cast<std::size_t>(settings.settle_rounds);
    if (settle > 0 && run.rounds.size() >= settle &&
        std::all_of(run.rounds.end() - static_cast<long>(settle), run.rounds.end(),
                    [&](const ExpectedUtilityRound& r) { return r.median == run.rounds.back().median; })) {
      run.stopped = "the median stood still for " + std::to_string(settle) + " rounds";
      return run;
    }
  }
  run.stopped = "round limit (" + std::to_string(settings.max_rounds) + ")";
  return run;
}

double expected_utility_forecast(const ExpectedUtilityRun& run) {
  if (run.rounds.empty()) return run.initial_median;
  if (run.cycle == 0) return run.rounds.back().median;
  double total = 0;
  for (std::size_t k = run.rounds.size() - run.cycle; k < run.rounds.size(); ++k) total += run.rounds[k].median;
  return total / static_cast<double>(run.cycle);
}

}  // namespace statecraft
