#include "bargaining/smp.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "scenario/parallel.hpp"

// Equation numbers (§) refer to the team's reading of KTAB's smpc, summarised in
// docs/models/smp.md. Expressions are parenthesised exactly as KTAB evaluates them: bargains are
// rounded to 1e-4, so a difference in the last bit can flip a rounding, a target or a bargain.

namespace statecraft {
namespace {

constexpr double coalition_floor = 1e-8;        // KTAB minC: coalition strength before any vote
constexpr double challenge_floor = 1e-10;       // starting strength of each side of a challenge
constexpr double significant_gain = 1e-5;       // minSigEDU: smallest expected gain worth a challenge
constexpr double own_side_weight = 1e-6;        // minW: added to the proposer's weight in a bargain

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
  double* row(std::size_t r) { return &data[r * cols]; }
  const double* row(std::size_t r) const { return &data[r * cols]; }
};

// The probabilistic Condorcet election with proportional votes, linear victory probabilities
// and conditional aggregation: the chance that each option beats every other. utilities(k, o)
// is voter k's utility for option o. Each pair's coalitions are summed over the voters in order;
// the pairs (a, b) for one a are summed side by side, reading each voter's row once (they
// vectorise, and the sums are the same to the last bit).
__attribute__((target_clones("avx2", "default")))
std::vector<double> condorcet_probabilities(const std::vector<double>& weights, const Matrix& utilities) {
  const std::size_t voters = utilities.rows, options = utilities.cols;
  Matrix coalition(options, options, coalition_floor);
  std::vector<double> for_a(options), for_b(options);
  for (std::size_t a = 0; a < options; ++a) {
    std::fill(for_a.begin(), for_a.end(), coalition_floor);
    std::fill(for_b.begin(), for_b.end(), coalition_floor);
    for (std::size_t k = 0; k < voters; ++k) {
      const double* row = utilities.row(k);
      const double weight = weights[k], uka = row[a];
      for (std::size_t b = 0; b < a; ++b) {
        const double vote = weight * (uka - row[b]);
        for_a[b] = vote > 0 ? for_a[b] + vote : for_a[b];
        for_b[b] = vote < 0 ? for_b[b] - vote : for_b[b];
      }
    }
    for (std::size_t b = 0; b < a; ++b) {
      coalition(a, b) = for_a[b];
      coalition(b, a) = for_b[b];
    }
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

// Challenges evaluated side by side: the sums of third parties' votes are long chains of
// additions in KTAB's order, so several targets' chains run at once, one vector lane each.
constexpr std::size_t lanes = 8;

// §3.4: each third party n's vote between i and j, from its utilities for i's and j's positions
// and its own (as i estimates them), given the principals' strengths. Independent of each other,
// the votes vectorise; four at a time where the processor has AVX2 (without FMA, so the result is
// the same to the last bit).
__attribute__((target_clones("avx2", "default")))
void third_party_votes(std::size_t count, const double* weight, const double* to_i, const double* to_j, const double* own,
                       double principals_i, double principals_j, double* votes /* every lanes-th */) {
  for (std::size_t n = 0; n < count; ++n) {
    const double wn = weight[n], uni = to_i[n], unj = to_j[n], unn = own[n];
    const double z = wn * (uni - unj);
    const double with_i = z > 0 ? principals_i + z : principals_i;
    const double with_j = z < 0 ? principals_j - z : principals_j;
    const double pin = with_i / (with_i + with_j);
    const double pjn = 1.0 - pin;
    const double side_i = (pin * ((uni + uni) + unn)) + (pjn * ((unj + unj) + unj));
    const double side_j = (pin * ((uni + uni) + uni)) + (pjn * ((unj + unj) + unn));
    votes[n * lanes] = wn * (side_i - side_j);
  }
}

// total[a] += utility of distance[a] to an actor of risk attitude risk[a], for every a.
__attribute__((target_clones("avx2", "default")))
void add_utilities(std::size_t count, const double* distance, const double* risk, double* total) {
  for (std::size_t a = 0; a < count; ++a) total[a] = total[a] + utility(distance[a], risk[a]);
}

// for_i[l] and for_j[l] += the positive and negative votes[n · lanes + l], over n in order.
__attribute__((target_clones("avx2", "default")))
void sum_votes(std::size_t count, const double* votes, double* for_i, double* for_j) {
  double a[lanes], b[lanes];
  std::copy(for_i, for_i + lanes, a);
  std::copy(for_j, for_j + lanes, b);
  for (std::size_t n = 0; n < count; ++n)
    for (std::size_t l = 0; l < lanes; ++l) {
      const double vote = votes[n * lanes + l];
      a[l] = vote > 0 ? a[l] + vote : a[l];
      b[l] = vote < 0 ? b[l] - vote : b[l];
    }
  std::copy(a, a + lanes, for_i);
  std::copy(b, b + lanes, for_j);
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
        x_(x), threads_(threads), distance_to_(n_, n_) {
    capability_.reserve(n_);
    for (const auto& a : actors_) capability_.push_back(a.capability);
    for (std::size_t i = 0; i < n_; ++i) weight_.push_back(total_salience_[i] * capability_[i]);
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t j = 0; j < n_; ++j) distance_to_(j, i) = weighted_distance(i, &x_[j * dims_]);
    estimate_risk_attitudes();
  }

  std::vector<double> next_positions() {
    std::vector<Bargain> bargains = propose_bargains();
    // Each bargain's value to every voter, once: it enters both its parties' queues.
    std::vector<std::vector<double>> bargain_value(bargains.size());
    parallel_for(bargains.size(), threads_, [&](std::size_t b) { bargain_value[b] = value_to_voters(bargains[b]); });
    const std::vector<double> status_quo = status_quo_utilities();

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
      for (std::size_t j = 0; j < n_; ++j) neutral(i, j) = utility(distance_to_(j, i), 0.0);
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
    for (std::size_t i = 0; i < n_; ++i) own_risk_.push_back(perceived_risk(i, i));
  }

  // h's estimate of i's risk attitude: two parts its own, one part i's.
  double perceived_risk(std::size_t h, std::size_t i) const { return ((2.0 * risk_[h]) + risk_[i]) / 3.0; }

  // Actor h's estimates of every actor's utility for every position: for_position(b, a) is its
  // estimate of a's utility for b's position, a row per position so that the sweep over third
  // parties reads memory in order; own[a] is a's for its own position.
  struct Perception {
    Matrix for_position;
    std::vector<double> own;
    double operator()(std::size_t a, std::size_t b) const { return for_position(b, a); }
  };

  Perception perception_of(std::size_t h) const {
    std::vector<double> risk(n_);
    for (std::size_t a = 0; a < n_; ++a) risk[a] = perceived_risk(h, a);
    Perception p{Matrix(n_, n_), std::vector<double>(n_)};
    for (std::size_t b = 0; b < n_; ++b) {
      double* row = p.for_position.row(b);
      const double* distance = distance_to_.row(b);
      for (std::size_t a = 0; a < n_; ++a) row[a] = utility(distance[a], risk[a]);
    }
    for (std::size_t a = 0; a < n_; ++a) p.own[a] = p.for_position(a, a);
    return p;
  }

  struct Challenge {
    double success = 0;  // challenger's estimate of its chance to win
    double gain = 0;     // expected gain over the status quo
  };

  // §3.4: i's estimates of challenging every other actor, with third parties voting on their
  // expected utilities; `best` is the challenge with the largest gain above KTAB's threshold,
  // the first target on ties.
  std::optional<std::pair<std::size_t, Challenge>> best_challenge(std::size_t i, const Perception& u) const {
    std::vector<double> interleaved(n_ * lanes, 0.0);
    std::optional<std::pair<std::size_t, Challenge>> best;
    for (std::size_t first = 0; first < n_; first += lanes) {
      const std::size_t count = std::min(lanes, n_ - first);
      double for_i[lanes] = {}, for_j[lanes] = {};
      for (std::size_t l = 0; l < count; ++l) {
        const std::size_t j = first + l;
        principals(i, j, u, for_i[l], for_j[l]);
        third_party_votes(n_, weight_.data(), u.for_position.row(i), u.for_position.row(j), u.own.data(), for_i[l], for_j[l], &interleaved[l]);
        // The principals do not vote as third parties: a vote of 0 adds nothing.
        interleaved[i * lanes + l] = interleaved[j * lanes + l] = 0.0;
      }
      sum_votes(n_, interleaved.data(), for_i, for_j);
      for (std::size_t l = 0; l < count; ++l) {
        const std::size_t j = first + l;
        if (j == i) continue;
        const Challenge c = conclude(j, u(i, i), u(i, j), for_i[l], for_j[l]);
        if (significant_gain < c.gain && (!best || best->second.gain < c.gain)) best = {j, c};
      }
    }
    return best;
  }

  // The principals' strengths in i's challenge of j, each side from a floor of 10⁻¹⁰.
  void principals(std::size_t i, std::size_t j, const Perception& u, double& for_i, double& for_j) const {
    const double uii = u(i, i), uij = u(i, j), uji = u(j, i), ujj = u(j, j);
    const double ci = weight_[i] * (uii - uij);
    const double cj = weight_[j] * (uji - ujj);
    for_i = challenge_floor;
    for_j = challenge_floor;
    if (ci > 0) for_i = for_i + ci;
    if (ci < 0) for_j = for_j - ci;
    if (cj > 0) for_i = for_i + cj;
    if (cj < 0) for_j = for_j - cj;
  }

  // From the final strengths: i's chance, and its expected gain over the status quo.
  Challenge conclude(std::size_t j, double uii, double uij, double for_i, double for_j) const {
    const double status_quo = uii + uij;
    const double victory = uii + uii;
    const double loss = uij + uij;
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
      if (const auto best = best_challenge(i, perception_of(i))) proposals[i] = interpolate(i, best->first, best->second.success);
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

  // §3.7: mean utility to each voter of the state where only the bargain's parties move. Each
  // voter's sum runs over the actors in KTAB's order; the voters are summed side by side.
  std::vector<double> value_to_voters(const Bargain& b) const {
    std::vector<double> total(n_);
    for (std::size_t a = 0; a < n_; ++a)
      total[a] = (0.0 + utility(weighted_distance(a, b.initiator_position.data()), risk_[a])) +
                 utility(weighted_distance(a, b.receiver_position.data()), risk_[a]);
    for (std::size_t n = 0; n < n_; ++n)
      if (n != b.initiator && n != b.receiver) add_utilities(n_, distance_to_.row(n), own_risk_.data(), total.data());
    for (double& t : total) t = t / static_cast<double>(n_);
    return total;
  }

  std::vector<double> status_quo_utilities() const {
    std::vector<double> total(n_, 0.0);
    for (std::size_t n = 0; n < n_; ++n) add_utilities(n_, distance_to_.row(n), own_risk_.data(), total.data());
    for (double& t : total) t = t / static_cast<double>(n_);
    return total;
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
  std::vector<double> weight_;  // S·c: an actor's weight in a challenge
  Matrix distance_to_;  // distance_to_(j, i): i's distance from its position to j's, a row per position
  std::vector<double> win_probability_;
  std::vector<double> risk_;
  std::vector<double> own_risk_;  // each actor's estimate of its own risk attitude
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
  // the capabilities (all multiplied by 1e-8, the floors outweigh the votes). Scaled so that the
  // largest is smp_largest_capability, the floors weigh the same in any unit.
  std::vector<SmpActor> actors = input;
  double largest = 0;
  for (const auto& a : actors) largest = std::max(largest, a.capability);
  // factor is 1 when the largest is already 100, so such inputs run to the last bit as in smpc.
  const double factor = smp_largest_capability / largest;
  for (auto& a : actors)
    a.capability = std::max(std::isfinite(factor) ? a.capability * factor : a.capability / largest * smp_largest_capability,
                            std::numeric_limits<double>::min());
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
    report_progress(settings.progress, static_cast<std::uint64_t>(turn), static_cast<std::uint64_t>(settings.max_turns));
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
