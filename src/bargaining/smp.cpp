#include "bargaining/smp.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <thread>

// Equation numbers (§) refer to the team's reading of KTAB's smpc, summarised in
// docs/models/smp.md. Expressions are parenthesised exactly as KTAB evaluates them: bargains are
// rounded to 1e-4, so a difference in the last bit can flip a rounding, a target or a bargain.

namespace statecraft {
namespace {

constexpr double coalition_floor = 1e-8;        // KTAB minC: coalition strength before any vote
constexpr double challenge_floor = 1e-10;       // starting strength of each side of a challenge
constexpr double significant_gain = 1e-5;       // minSigEDU: smallest expected gain worth a challenge
constexpr double own_side_weight = 1e-6;        // minW: added to the proposer's weight in a bargain

// Runs fn(item) for item in [0, count) on up to `threads` threads; each item is independent.
template <typename Fn>
void parallel_for(std::size_t count, unsigned threads, Fn&& fn) {
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(count)));
  if (threads == 1) {
    for (std::size_t item = 0; item < count; ++item) fn(item);
    return;
  }
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (std::size_t item = t; item < count; item += threads) fn(item);
    });
  for (auto& thread : pool) thread.join();
}

// Utility of a distance δ in [0, 1] to an actor of risk attitude R in [-0.5, 1]: R = 1 is
// risk-averse (1 − δ²), R = 0 linear, R = −0.5 risk-acceptant.
inline double utility(double delta, double risk) { return (1 - delta) * (1 + delta * risk); }

// Row-major matrix of doubles.
struct Matrix {
  std::size_t rows = 0, cols = 0;
  std::vector<double> data;
  Matrix(std::size_t r, std::size_t c, double fill = 0) : rows(r), cols(c), data(r * c, fill) {}
  double& operator()(std::size_t r, std::size_t c) { return data[r * cols + c]; }
  double operator()(std::size_t r, std::size_t c) const { return data[r * cols + c]; }
};

// The probabilistic Condorcet election with proportional votes, linear victory probabilities
// and conditional aggregation: the chance that each option beats every other. utilities(k, o)
// is voter k's utility for option o.
std::vector<double> condorcet_probabilities(const std::vector<double>& weights, const Matrix& utilities) {
  const std::size_t voters = utilities.rows, options = utilities.cols;
  Matrix coalition(options, options, coalition_floor);
  for (std::size_t a = 0; a < options; ++a)
    for (std::size_t b = 0; b < a; ++b) {
      double for_a = coalition_floor, for_b = coalition_floor;
      for (std::size_t k = 0; k < voters; ++k) {
        const double vote = weights[k] * (utilities(k, a) - utilities(k, b));
        if (vote > 0) for_a = for_a + vote;
        if (vote < 0) for_b = for_b - vote;
      }
      coalition(a, b) = for_a;
      coalition(b, a) = for_b;
    }
  Matrix victory(options, options, 0.5);
  for (std::size_t a = 0; a < options; ++a)
    for (std::size_t b = 0; b < a; ++b) {
      victory(a, b) = coalition(a, b) / (coalition(a, b) + coalition(b, a));
      victory(b, a) = coalition(b, a) / (coalition(a, b) + coalition(b, a));
    }
  std::vector<double> p(options, 1.0);
  double total = 0.0;
  for (std::size_t a = 0; a < options; ++a) {
    for (std::size_t b = 0; b < options; ++b) p[a] = p[a] * victory(a, b);
    total = total + p[a];
  }
  if (total > 0 && std::isnormal(total)) {
    for (auto& value : p) value = value / total;
    return p;
  }
  // Hundreds of options: the products underflow. The same probabilities, computed in logs.
  std::vector<double> log_p(options, 0.0);
  for (std::size_t a = 0; a < options; ++a)
    for (std::size_t b = 0; b < options; ++b) log_p[a] += std::log(victory(a, b));
  const double top = *std::max_element(log_p.begin(), log_p.end());
  total = 0.0;
  for (std::size_t a = 0; a < options; ++a) total += p[a] = std::exp(log_p[a] - top);
  for (auto& value : p) value /= total;
  return p;
}

struct Bargain {
  std::size_t initiator = 0, receiver = 0;
  std::vector<double> initiator_position, receiver_position;
};

// KTAB rounds bargained positions to steps of 1e-4, truncating v·10⁴ + ½ toward zero.
inline double round_bargain(double v) { return static_cast<double>(static_cast<long long>(0.5 + v * 10000.0)) / 10000.0; }

class Turn {
 public:
  Turn(const std::vector<SmpActor>& actors, const std::vector<double>& total_salience, const std::vector<double>& x, unsigned threads)
      : actors_(actors), n_(actors.size()), dims_(actors.front().position.size()), total_salience_(total_salience),
        x_(x), threads_(threads), distance_(n_, n_) {
    capability_.reserve(n_);
    for (const auto& a : actors_) capability_.push_back(a.capability);
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t j = 0; j < n_; ++j) distance_(i, j) = weighted_distance(i, &x_[j * dims_]);
    estimate_risk_attitudes();
  }

  std::vector<double> next_positions() {
    std::vector<Bargain> bargains = propose_bargains();
    // Each bargain's value to every voter, once: it enters both its parties' queues.
    std::vector<std::vector<double>> bargain_value(bargains.size());
    parallel_for(bargains.size(), threads_, [&](std::size_t b) { bargain_value[b] = value_to_voters(bargains[b]); });
    std::vector<double> status_quo(n_);
    for (std::size_t a = 0; a < n_; ++a) status_quo[a] = status_quo_utility(a);

    std::vector<double> next = x_;
    parallel_for(n_, threads_, [&](std::size_t k) { resolve_queue(k, bargains, bargain_value, status_quo, next); });
    return next;
  }

  const std::vector<double>& win_probability() const { return win_probability_; }

 private:
  // §3.1: actor i's salience-weighted, salience-normalised distance from its position to y.
  double weighted_distance(std::size_t i, const double* y) const {
    const auto& s = actors_[i].salience;
    double weighted = 0, norm = 0;
    for (std::size_t d = 0; d < dims_; ++d) {
      const double e = (x_[i * dims_ + d] - y[d]) * s[d];
      weighted = weighted + e * e;
      norm = norm + s[d] * s[d];
    }
    return std::sqrt(weighted / norm);
  }

  // §3.3: risk attitudes from each position's chance of winning a risk-neutral election; the
  // likeliest winner is the most risk-averse (r = 1), the least likely the most acceptant.
  void estimate_risk_attitudes() {
    Matrix neutral(n_, n_);
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t j = 0; j < n_; ++j) neutral(i, j) = utility(distance_(i, j), 0.0);
    win_probability_ = condorcet_probabilities(capability_, neutral);
    double low = 1.0, high = 0.0;
    for (double p : win_probability_) {
      low = std::min(low, p);
      high = std::max(high, p);
    }
    risk_.assign(n_, 0.0);
    // KTAB stops when every position is equally likely to win (0/0); all are then taken as
    // risk-neutral.
    if (high > low)
      for (std::size_t i = 0; i < n_; ++i) risk_[i] = (3 * win_probability_[i] - (high + 2 * low)) / (2 * (high - low));
  }

  // h's estimate of i's risk attitude: two parts its own, one part i's.
  double perceived_risk(std::size_t h, std::size_t i) const { return ((2.0 * risk_[h]) + risk_[i]) / 3.0; }

  // h's estimate of the utility to i of j's position.
  double perceived_utility(std::size_t h, std::size_t i, std::size_t j) const { return utility(distance_(i, j), perceived_risk(h, i)); }

  struct Challenge {
    double success = 0;  // challenger's estimate of its chance to win
    double gain = 0;     // expected gain over the status quo
  };

  // §3.4: i's estimate of challenging j, with third parties voting on their expected utilities.
  // u(a, b) is i's estimate of a's utility for b's position.
  template <typename Perceived>
  Challenge evaluate_challenge(std::size_t i, std::size_t j, const Perceived& u) const {
    const double uii = u(i, i), uij = u(i, j), uji = u(j, i), ujj = u(j, j);
    const double status_quo = uii + uij;
    const double victory = uii + uii;
    const double loss = uij + uij;
    const double ci = (total_salience_[i] * capability_[i]) * (uii - uij);
    const double cj = (total_salience_[j] * capability_[j]) * (uji - ujj);
    double for_i = challenge_floor, for_j = challenge_floor;
    if (ci > 0) for_i = for_i + ci;
    if (ci < 0) for_j = for_j - ci;
    if (cj > 0) for_i = for_i + cj;
    if (cj < 0) for_j = for_j - cj;
    const double principals_i = for_i, principals_j = for_j;
    for (std::size_t n = 0; n < n_; ++n) {
      if (n == i || n == j) continue;
      const double wn = total_salience_[n] * capability_[n];
      const double uni = u(n, i), unj = u(n, j), unn = u(n, n);
      const double z = wn * (uni - unj);
      const double with_i = z > 0 ? principals_i + z : principals_i;
      const double with_j = z < 0 ? principals_j - z : principals_j;
      const double pin = with_i / (with_i + with_j);
      const double pjn = 1.0 - pin;
      const double side_i = (pin * ((uni + uni) + unn)) + (pjn * ((unj + unj) + unj));
      const double side_j = (pin * ((uni + uni) + uni)) + (pjn * ((unj + unj) + unn));
      const double vote = wn * (side_i - side_j);
      if (vote > 0) for_i = for_i + vote;
      if (vote < 0) for_j = for_j - vote;
    }
    const double success = for_i / (for_i + for_j);
    const double failure = for_j / (for_i + for_j);
    const double contest = success * victory + failure * loss;
    // j concedes with probability 1 − S_j, resists (a contest) with probability S_j.
    const double challenge = (1 - total_salience_[j]) * victory + total_salience_[j] * contest;
    return {success, challenge - status_quo};
  }

  // §3.5–3.6: each actor's best challenge, and the bargain it proposes.
  std::vector<Bargain> propose_bargains() {
    std::vector<std::optional<Bargain>> proposals(n_);
    parallel_for(n_, threads_, [&](std::size_t i) {
      // i's estimates of utilities, A[i]: one matrix per challenger, stored by column (b, a) so
      // that the sweep over third parties a reads memory in order.
      Matrix by_column(n_, n_);
      for (std::size_t a = 0; a < n_; ++a)
        for (std::size_t b = 0; b < n_; ++b) by_column(b, a) = perceived_utility(i, a, b);
      auto u = [&](std::size_t a, std::size_t b) { return by_column(b, a); };
      std::size_t target = n_;
      double best_success = 0, best_gain = -1.0;
      for (std::size_t j = 0; j < n_; ++j) {
        if (j == i) continue;
        const Challenge c = evaluate_challenge(i, j, u);
        if (significant_gain < c.gain && best_gain < c.gain) {  // ties: the first target wins
          target = j;
          best_success = c.success;
          best_gain = c.gain;
        }
      }
      if (target < n_) proposals[i] = interpolate(i, target, best_success);
    });
    std::vector<Bargain> bargains;
    for (auto& p : proposals)
      if (p) bargains.push_back(std::move(*p));
    return bargains;
  }

  // §3.6, S2P2: per dimension, the parties' positions averaged with weights salience² × chance²,
  // each side's own weight raised by 10⁻⁶, then rounded.
  Bargain interpolate(std::size_t i, std::size_t j, double success) const {
    Bargain b{i, j, std::vector<double>(dims_), std::vector<double>(dims_)};
    const double chance_i = success, chance_j = 1 - success;
    for (std::size_t d = 0; d < dims_; ++d) {
      const double ti = x_[i * dims_ + d], tj = x_[j * dims_ + d];
      const double si = actors_[i].salience[d], sj = actors_[j].salience[d];
      const double wi = (si * si) * (chance_i * chance_i);
      const double wj = (sj * sj) * (chance_j * chance_j);
      const double denominator = (wi + own_side_weight) + wj;
      b.initiator_position[d] = round_bargain(((wi + own_side_weight) * ti + wj * tj) / denominator);
      b.receiver_position[d] = round_bargain((wi * ti + (own_side_weight + wj) * tj) / denominator);
    }
    return b;
  }

  // §3.7: mean utility to voter a of the state where only the bargain's parties move.
  std::vector<double> value_to_voters(const Bargain& b) const {
    std::vector<double> value(n_);
    for (std::size_t a = 0; a < n_; ++a) {
      const double own = perceived_risk(a, a);
      double total = 0.0;
      total = total + utility(weighted_distance(a, b.initiator_position.data()), risk_[a]);
      total = total + utility(weighted_distance(a, b.receiver_position.data()), risk_[a]);
      for (std::size_t n = 0; n < n_; ++n)
        if (n != b.initiator && n != b.receiver) total = total + utility(distance_(a, n), own);
      value[a] = total / static_cast<double>(n_);
    }
    return value;
  }

  double status_quo_utility(std::size_t a) const {
    const double own = perceived_risk(a, a);
    double total = 0.0;
    for (std::size_t n = 0; n < n_; ++n) total = total + utility(distance_(a, n), own);
    return total / static_cast<double>(n_);
  }

  // Actor k's queue: standing still, then every bargain it is party to, by initiator. All
  // actors vote (weighted by capability); the likeliest bargain, first on ties, moves k.
  void resolve_queue(std::size_t k, const std::vector<Bargain>& bargains, const std::vector<std::vector<double>>& bargain_value,
                     const std::vector<double>& status_quo, std::vector<double>& next) const {
    std::vector<std::size_t> queue;
    for (std::size_t b = 0; b < bargains.size(); ++b)
      if (bargains[b].initiator == k || bargains[b].receiver == k) queue.push_back(b);
    if (queue.empty()) return;
    Matrix values(n_, queue.size() + 1);
    for (std::size_t a = 0; a < n_; ++a) {
      values(a, 0) = status_quo[a];
      for (std::size_t q = 0; q < queue.size(); ++q) values(a, q + 1) = bargain_value[queue[q]][a];
    }
    const auto p = condorcet_probabilities(capability_, values);
    std::size_t chosen = 0;
    for (std::size_t o = 1; o < p.size(); ++o)
      if (p[chosen] < p[o]) chosen = o;
    if (chosen == 0) return;
    const Bargain& b = bargains[queue[chosen - 1]];
    const auto& position = b.initiator == k ? b.initiator_position : b.receiver_position;
    std::copy(position.begin(), position.end(), next.begin() + static_cast<long>(k * dims_));
  }

  const std::vector<SmpActor>& actors_;
  std::size_t n_, dims_;
  const std::vector<double>& total_salience_;
  const std::vector<double>& x_;
  unsigned threads_;
  std::vector<double> capability_;
  Matrix distance_;  // distance_(i, j): i's distance from its position to j's
  std::vector<double> win_probability_;
  std::vector<double> risk_;
};

// §4: Σ_i ‖X_i − Y_i‖, plain Euclidean per actor.
double movement(const std::vector<double>& a, const std::vector<double>& b, std::size_t dims) {
  double total = 0;
  for (std::size_t i = 0; i < a.size() / dims; ++i) {
    double squares = 0;
    for (std::size_t d = 0; d < dims; ++d) {
      const double e = a[i * dims + d] - b[i * dims + d];
      squares = squares + e * e;
    }
    total = total + std::sqrt(squares);
  }
  return total;
}

void check_inputs(const std::vector<SmpActor>& actors) {
  if (actors.empty()) throw std::invalid_argument("smp needs at least one actor");
  const std::size_t dims = actors.front().position.size();
  if (dims == 0) throw std::invalid_argument("smp needs at least one dimension");
  for (const auto& a : actors) {
    if (a.position.size() != dims || a.salience.size() != dims)
      throw std::invalid_argument("smp: actor " + a.id + " has a position or salience of the wrong dimension");
    if (!(a.capability > 0 && std::isfinite(a.capability))) throw std::invalid_argument("smp: actor " + a.id + " needs a finite capability above 0");
    double total = 0.0;
    for (std::size_t d = 0; d < dims; ++d) {
      if (!(a.position[d] >= 0 && a.position[d] <= 1) || !(a.salience[d] >= 0 && a.salience[d] <= 1))
        throw std::invalid_argument("smp: actor " + a.id + " has a position or salience outside [0, 1]");
      total = total + a.salience[d];
    }
    if (!(total > 0 && total <= 1)) throw std::invalid_argument("smp: actor " + a.id + "'s saliences must sum to more than 0 and at most 1");
  }
}

}  // namespace

SmpRun run_smp(const std::vector<SmpActor>& input, const SmpSettings& settings) {
  check_inputs(input);
  // KTAB's coalition floors (1e-8, 1e-10) are absolute, so smpc's answers change with the unit of
  // the capabilities (all multiplied by 1e-8, the floors outweigh the votes). Divided by the
  // largest, the floors are relative to the strongest actor and only ratios matter; KTAB's own
  // reference runs come out the same either way.
  std::vector<SmpActor> actors = input;
  double largest = 0;
  for (const auto& a : actors) largest = std::max(largest, a.capability);
  for (auto& a : actors) a.capability = std::max(a.capability / largest, std::numeric_limits<double>::min());
  const std::size_t dims = actors.front().position.size();
  std::vector<double> total_salience;
  std::vector<double> x;
  for (const auto& a : actors) {
    double total = 0.0;
    for (double s : a.salience) total = total + s;
    total_salience.push_back(total);
    x.insert(x.end(), a.position.begin(), a.position.end());
  }
  std::vector<std::vector<double>> history{x};
  std::vector<double> final_win_probability;
  for (int turn = 1;; ++turn) {
    Turn step(actors, total_salience, history.back(), settings.threads);
    history.push_back(step.next_positions());
    const double first = movement(history[1], history[0], dims) + settings.significant_move;
    const double last = movement(history[turn], history[turn - 1], dims);
    if (turn >= settings.max_turns || (turn >= settings.min_turns && last / first < settings.stop_ratio)) break;
  }
  SmpRun run;
  run.win_probability = Turn(actors, total_salience, history.back(), 1).win_probability();
  for (const auto& state : history) {
    std::vector<std::vector<double>> positions;
    for (std::size_t i = 0; i < actors.size(); ++i)
      positions.emplace_back(state.begin() + static_cast<long>(i * dims), state.begin() + static_cast<long>((i + 1) * dims));
    run.positions.push_back(std::move(positions));
  }
  return run;
}

}  // namespace statecraft
