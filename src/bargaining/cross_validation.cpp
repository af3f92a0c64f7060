#include "bargaining/cross_validation.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <stdexcept>

#include "bargaining/eu_procedure.hpp"
#include "bargaining/voting_game.hpp"

namespace statecraft {
namespace {

using Forecasts = std::vector<std::optional<double>>;
using Parameters = std::vector<std::pair<std::string, double>>;

// A fitted model: fitted on the training cases, it gives its parameters and forecasts every case.
struct Fit {
  Parameters parameters;
  Forecasts forecasts;
};
using Fitter = std::function<Fit(const std::vector<std::size_t>& training)>;

double training_error(const std::vector<BacktestCase>& cases, const std::vector<std::size_t>& training, const std::function<std::optional<double>(std::size_t)>& forecast) {
  double total = 0;
  for (std::size_t k : training)
    if (const auto f = forecast(k)) total += std::abs(*f - *cases[k].outcome);
  return total;
}

// The compromise model with each actor's capability multiplied by weight(case, actor index).
template <class Weight>
std::optional<double> weighted_compromise(const BargainingIssue& issue, Weight weight) {
  double num = 0, den = 0;
  for (std::size_t a = 0; a < issue.actors.size(); ++a) {
    const auto& actor = issue.actors[a];
    const double w = actor.capability * actor.salience * weight(a);
    num += w * actor.position, den += w;
  }
  if (den > 0) return num / den;
  return weighted_mean(issue.actors);
}

// Each state's Shapley–Shubik index in the Council among the members with a stance on the issue;
// 0 for the institutions and for actors that are not members. `memo` keeps each distinct game's
// indices: a data set has a few dozen (the members placed vary), each a few milliseconds.
std::vector<double> council_shares(const BacktestCase& c, std::map<std::string, PowerIndices>& memo) {
  std::vector<double> share(c.issue.actors.size(), 0);
  if (!c.legislation) return share;
  const CouncilRule rule = council_rule(c.legislation->decided.value_or(YearMonth{2000, 1}), c.legislation->vote);
  std::vector<std::size_t> kept, actor_of;
  for (std::size_t m = 0; m < rule.game.players.size(); ++m)
    for (std::size_t a = 0; a < c.issue.actors.size(); ++a)
      if (c.issue.actors[a].id == rule.game.players[m]) kept.push_back(m), actor_of.push_back(a);
  if (kept.empty()) return share;
  const VotingGame game = restricted_to(rule.game, kept);
  std::string key = fmt::format("{}|{}|{}|{}|{}", fmt::join(game.players, ","), fmt::join(game.weights, ","), game.quota, game.min_members, game.members_enough);
  auto it = memo.find(key);
  if (it == memo.end()) it = memo.emplace(key, power_indices(game)).first;
  for (std::size_t k = 0; k < kept.size(); ++k) share[actor_of[k]] = it->second.shapley_shubik[k];
  return share;
}

const std::vector<double> capability_grid{0, 0.125, 0.25, 0.5, 1, 2, 4};

Fitter council_power(const std::vector<BacktestCase>& cases) {
  auto shares = std::make_shared<std::vector<std::vector<double>>>();
  std::map<std::string, PowerIndices> memo;
  for (const auto& c : cases) shares->push_back(council_shares(c, memo));
  return [&cases, shares](const std::vector<std::size_t>& training) {
    auto forecast_with = [&](double commission, double parliament) {
      return [&cases, shares, commission, parliament](std::size_t k) {
        const auto& c = cases[k];
        const bool codecision = c.legislation && c.legislation->procedure == LegislativeProcedure::codecision;
        return weighted_compromise(c.issue, [&](std::size_t a) {
          const auto& id = c.issue.actors[a].id;
          if (c.legislation && id == c.legislation->commission) return commission;
          if (c.legislation && id == c.legislation->parliament) return codecision ? parliament : 0.0;
          return (*shares)[k][a];
        });
      };
    };
    double best = INFINITY, best_commission = 1, best_parliament = 1;
    for (double commission : capability_grid)
      for (double parliament : capability_grid)
        if (const double e = training_error(cases, training, forecast_with(commission, parliament)); e < best - 1e-9)
          best = e, best_commission = commission, best_parliament = parliament;
    Fit fit{{{"commission", best_commission}, {"parliament (co-decision)", best_parliament}}, Forecasts(cases.size())};
    const auto f = forecast_with(best_commission, best_parliament);
    for (std::size_t k = 0; k < cases.size(); ++k) fit.forecasts[k] = f(k);
    return fit;
  };
}

Fitter fitted_power(const std::vector<BacktestCase>& cases) {
  return [&cases](const std::vector<std::size_t>& training) {
    std::map<std::string, double> multiplier;
    for (const auto& c : cases)
      for (const auto& a : c.issue.actors) multiplier.emplace(a.id, 1.0);
    auto forecast = [&](std::size_t k) { return weighted_compromise(cases[k].issue, [&](std::size_t a) { return multiplier[cases[k].issue.actors[a].id]; }); };
    const std::vector<double> grid{0.25, 0.5, 1, 2, 4};
    for (int sweep = 0; sweep < 2; ++sweep)
      for (auto& [actor, value] : multiplier) {
        double best = training_error(cases, training, forecast), chosen = value;
        for (double v : grid) {
          value = v;
          if (const double e = training_error(cases, training, forecast); e < best - 1e-9) best = e, chosen = v;
        }
        value = chosen;
      }
    Fit fit{{}, Forecasts(cases.size())};
    for (const auto& [actor, value] : multiplier) fit.parameters.emplace_back(actor, value);
    for (std::size_t k = 0; k < cases.size(); ++k) fit.forecasts[k] = forecast(k);
    return fit;
  };
}

// The weighted mean of the models that forecast case k, their weights renormalised.
std::optional<double> blend(const std::vector<ModelScore>& base, const std::vector<double>& weight, std::size_t k) {
  double num = 0, den = 0;
  for (std::size_t m = 0; m < base.size(); ++m)
    if (weight[m] > 0 && base[m].forecasts[k]) num += weight[m] * *base[m].forecasts[k], den += weight[m];
  if (den > 0) return num / den;
  return std::nullopt;
}

Fitter ensemble(const std::vector<BacktestCase>& cases, const std::vector<ModelScore>& base) {
  return [&cases, &base](const std::vector<std::size_t>& training) {
    std::vector<double> count(base.size(), 0);
    constexpr int steps = 20;
    for (int step = 0; step < steps; ++step) {
      double best = INFINITY;
      std::size_t chosen = 0;
      for (std::size_t m = 0; m < base.size(); ++m) {
        if (!base[m].cases) continue;
        count[m] += 1;
        if (const double e = training_error(cases, training, [&](std::size_t k) { return blend(base, count, k); }); e < best - 1e-9) best = e, chosen = m;
        count[m] -= 1;
      }
      if (best == INFINITY) break;
      count[chosen] += 1;
    }
    Fit fit{{}, Forecasts(cases.size())};
    for (std::size_t m = 0; m < base.size(); ++m)
      if (count[m] > 0) fit.parameters.emplace_back(base[m].model, count[m] / steps);
    for (std::size_t k = 0; k < cases.size(); ++k) fit.forecasts[k] = blend(base, count, k);
    return fit;
  };
}

// The n sorted errors' order statistic of rank r (1-based), clamped to 1..n.
double order_statistic(const std::vector<double>& sorted, long rank) {
  return sorted[static_cast<std::size_t>(std::clamp<long>(rank, 1, static_cast<long>(sorted.size())) - 1)];
}

void score_intervals(const std::vector<BacktestCase>& cases, const std::vector<std::size_t>& fold, std::size_t folds, CrossValidatedScore& s) {
  s.interval50.assign(cases.size(), std::nullopt);
  s.interval90.assign(cases.size(), std::nullopt);
  std::size_t n_scored = 0;
  double inside50 = 0, inside90 = 0, interval_score = 0, crps = 0, absolute = 0, squared = 0;
  for (std::size_t f = 0; f < folds; ++f) {
    std::vector<double> errors;
    for (std::size_t k = 0; k < cases.size(); ++k)
      if (fold[k] != f && cases[k].outcome && s.forecasts[k]) errors.push_back(*cases[k].outcome - *s.forecasts[k]);
    if (errors.empty()) continue;
    std::sort(errors.begin(), errors.end());
    const auto n = static_cast<double>(errors.size());
    auto interval = [&](double alpha, const BargainingIssue& issue, double y_hat) {
      const double lo = order_statistic(errors, static_cast<long>(std::floor((n + 1) * alpha / 2)));
      const double hi = order_statistic(errors, static_cast<long>(std::ceil((n + 1) * (1 - alpha / 2))));
      return Interval{std::clamp(y_hat + lo, issue.low, issue.high), std::clamp(y_hat + hi, issue.low, issue.high)};
    };
    for (std::size_t k = 0; k < cases.size(); ++k) {
      if (fold[k] != f || !s.forecasts[k]) continue;
      const auto& issue = cases[k].issue;
      const double y_hat = *s.forecasts[k];
      s.interval50[k] = interval(0.5, issue, y_hat);
      s.interval90[k] = interval(0.1, issue, y_hat);
      if (!cases[k].outcome) continue;
      const double y = *cases[k].outcome;
      ++n_scored;
      absolute += std::abs(y - y_hat), squared += (y - y_hat) * (y - y_hat);
      inside50 += s.interval50[k]->low <= y && y <= s.interval50[k]->high;
      const auto [l, u] = *s.interval90[k];
      inside90 += l <= y && y <= u;
      interval_score += (u - l) + (2 / 0.1) * std::max(0.0, l - y) + (2 / 0.1) * std::max(0.0, y - u);
      // CRPS of the sample x_j = clamp(ŷ + e_j): mean |x − y| − (1/2n²)·Σ|x_i − x_j|, the double
      // sum of a sorted sample being 2·Σ_j (2j − n + 1)·x_(j) (0-based j).
      std::vector<double> x;
      for (double e : errors) x.push_back(std::clamp(y_hat + e, issue.low, issue.high));
      std::sort(x.begin(), x.end());
      double to_outcome = 0, spread = 0;
      for (std::size_t j = 0; j < x.size(); ++j) to_outcome += std::abs(x[j] - y), spread += (2.0 * static_cast<double>(j) - n + 1) * x[j];
      crps += to_outcome / n - spread / (n * n);
    }
  }
  s.cases = n_scored;
  if (!n_scored) return;
  const auto n = static_cast<double>(n_scored);
  s.mean_absolute_error = absolute / n, s.root_mean_squared_error = std::sqrt(squared / n);
  s.coverage50 = inside50 / n, s.coverage90 = inside90 / n, s.interval_score90 = interval_score / n, s.crps = crps / n;
}

}  // namespace

std::vector<std::size_t> folds_by_group(const std::vector<BacktestCase>& cases, std::size_t folds, std::uint64_t seed) {
  std::vector<std::string> groups;
  std::map<std::string, std::size_t> index;
  std::vector<std::size_t> group_of(cases.size());
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const std::string key = cases[k].group.empty() ? "\x01" + std::to_string(k) : cases[k].group;  // an ungrouped case is its own group
    const auto [it, added] = index.try_emplace(key, groups.size());
    if (added) groups.push_back(key);
    group_of[k] = it->second;
  }
  if (folds < 2 || folds > groups.size())
    throw std::invalid_argument(fmt::format("cross-validation needs between 2 and {} folds (one per proposal at most); {} asked", groups.size(), folds));
  std::vector<std::size_t> order(groups.size());
  for (std::size_t g = 0; g < order.size(); ++g) order[g] = g;
  std::mt19937_64 engine(seed);
  for (std::size_t g = order.size(); g > 1; --g) std::swap(order[g - 1], order[engine() % g]);
  std::vector<std::size_t> fold_of_group(groups.size());
  for (std::size_t r = 0; r < order.size(); ++r) fold_of_group[order[r]] = r % folds;
  std::vector<std::size_t> fold(cases.size());
  for (std::size_t k = 0; k < cases.size(); ++k) fold[k] = fold_of_group[group_of[k]];
  return fold;
}

const std::vector<ModelInfo>& backtest_only_models() {
  static const std::vector<ModelInfo> models{
      {"compromise-held", "compromise, at the nearest position held", "the compromise model's forecast moved to the nearest position an actor holds"},
      {"nash-salience", "Nash bargaining with salience", "after Achen 2006: max sum c*s*ln(D^2 - (x - x_i)^2), breakdown the worst point of the scale"},
      {"procedure", "procedural model of EU legislation", "Steunenberg 1994; Tsebelis & Garrett 2000: Commission agenda setter, Council rule of the day, co-decision"},
      {"council-power", "compromise weighted by Council voting power", "Shapley & Shubik 1954 in the Council of the day; Commission and Parliament fitted"},
      {"fitted-power", "compromise with fitted capabilities", "Achen 2006's compromise model, each actor's capability fitted by coordinate descent"},
      {"ensemble", "ensemble of the unfitted models", "Caruana et al. 2004: ensemble selection, 20 steps with replacement"},
  };
  return models;
}

std::vector<std::string> backtest_model_names() {
  std::vector<std::string> names;
  for (const auto& m : bargaining_models()) names.push_back(m.name);
  for (const auto& m : backtest_only_models()) names.push_back(m.name);
  return names;
}

bool is_fitted_model(const std::string& name) {
  return name == "council-power" || name == "fitted-power" || name == "ensemble";  // the fitters cross_validate makes
}

std::vector<CrossValidatedScore> cross_validate(const std::vector<BacktestCase>& cases, const std::vector<ModelScore>& base,
                                                const std::vector<std::string>& fitted, const CrossValidation& settings) {
  const auto fold = folds_by_group(cases, settings.folds, settings.seed);
  std::vector<CrossValidatedScore> scores;
  for (const auto& b : base) {
    CrossValidatedScore s;
    s.model = b.model;
    s.forecasts = b.forecasts;
    score_intervals(cases, fold, settings.folds, s);
    scores.push_back(std::move(s));
  }
  for (const auto& name : fitted) {
    const Fitter fit = name == "council-power" ? council_power(cases)
                       : name == "fitted-power" ? fitted_power(cases)
                       : name == "ensemble"     ? ensemble(cases, base)
                                                : throw std::invalid_argument("cross_validate: unknown fitted model " + name);
    CrossValidatedScore s;
    s.model = name;
    s.forecasts.assign(cases.size(), std::nullopt);
    for (std::size_t f = 0; f < settings.folds; ++f) {
      std::vector<std::size_t> training;
      for (std::size_t k = 0; k < cases.size(); ++k)
        if (fold[k] != f && cases[k].outcome) training.push_back(k);
      const Fit held_out = fit(training);
      for (std::size_t k = 0; k < cases.size(); ++k)
        if (fold[k] == f) s.forecasts[k] = held_out.forecasts[k];
    }
    score_intervals(cases, fold, settings.folds, s);
    std::vector<std::size_t> every;
    for (std::size_t k = 0; k < cases.size(); ++k)
      if (cases[k].outcome) every.push_back(k);
    s.fitted = fit(every).parameters;
    scores.push_back(std::move(s));
  }
  return scores;
}

}  // namespace statecraft
