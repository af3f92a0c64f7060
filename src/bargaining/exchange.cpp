#include "bargaining/exchange.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace statecraft {
namespace {

constexpr double side_tolerance = 1e-9;  // an actor this close to the outcome counts as left of it
constexpr double least_move = 1e-10;     // smaller moves and gains are no exchange (Decide's thresholds)

// Positions work on 0..100 whatever the issue's scale, as in Decide; moves are converted back.
struct IssueState {
  double low = 0, high = 100;
  std::vector<std::size_t> actors;  // the issue's actors, in its own order
  std::vector<bool> present;      // per actor
  std::vector<double> position;   // per actor, 0..100: the position the actor would vote with now
  std::vector<double> salience, capability;
  double weight = 0;              // Σ c·s, fixed for the run
  double outcome = 0;

  double to_scale(double x) const { return std::clamp(low + x * (high - low) / 100, low, high); }
  // No outcome where nobody weighs on the issue (rather than the scale's low end).
  double reported_outcome() const { return weight > 0 ? to_scale(outcome) : NAN; }
  void update_outcome() {
    double weighted = 0;
    for (std::size_t a = 0; a < position.size(); ++a)
      if (present[a]) weighted += capability[a] * salience[a] * position[a];
    outcome = weight > 0 ? weighted / weight : 0;
  }
  bool left(std::size_t a) const { return position[a] <= outcome + side_tolerance; }
};

// One possible exchange: i demands issue p and supplies q; j supplies p and demands q.
struct Candidate {
  std::size_t i, j, p, q;
  std::size_t order;  // generation order, the tie-break
  double gain = 0, move_i = 0, move_j = 0;
  double rank = 0;  // the gain to 40 significant bits
  bool capped = false, valid = false;
};

class Process {
 public:
  Process(const std::vector<BargainingIssue>& issues, const ExchangeSettings& settings) : settings_(settings) {
    for (const auto& issue : issues)
      for (const auto& a : issue.actors)
        if (!index_.count(a.id)) {
          index_[a.id] = names_.size();
          names_.push_back(a.id);
        }
    for (const auto& issue : issues) {
      IssueState s;
      s.low = issue.low;
      s.high = issue.high;
      s.present.assign(names_.size(), false);
      s.position.assign(names_.size(), 0);
      s.salience.assign(names_.size(), 0);
      s.capability.assign(names_.size(), 0);
      for (const auto& a : issue.actors) {
        const std::size_t k = index_.at(a.id);
        s.actors.push_back(k);
        // Without salience or capability an actor has no weight in the outcome and nothing to trade.
        s.present[k] = a.salience > 0 && a.capability > 0;
        s.position[k] = (a.position - issue.low) * (100 / (issue.high - issue.low));
        s.salience[k] = a.salience;
        s.capability[k] = a.capability;
        if (s.present[k]) s.weight += a.capability * a.salience;
      }
      s.update_outcome();
      issues_.push_back(std::move(s));
    }
  }

  ExchangeRun run() {
    ExchangeRun out;
    for (const auto& s : issues_) out.initial_outcome.push_back(s.reported_outcome());
    for (int round = 0; round < settings_.max_rounds; ++round) {
      std::vector<std::vector<double>> start;
      for (const auto& s : issues_) start.push_back(s.position);
      ExchangeRound r = play_round();
      const bool any = !r.exchanges.empty();
      out.rounds.push_back(std::move(r));
      if (!any) break;
      keep_part_of_concessions(start);
    }
    return out;
  }

  const std::vector<std::string>& names() const { return names_; }

 private:
  ExchangeRound play_round() {
    std::vector<Candidate> candidates = generate();
    for (auto& c : candidates) calculate(c);
    ExchangeRound round;
    std::erase_if(candidates, [](const Candidate& c) { return !c.valid; });
    while (!candidates.empty()) {
      // Exchanges that fail never come back (the actors would have to cross the outcome again),
      // so they leave the list; the next best is found in the same sweep as the recalculation.
      const auto best = std::min_element(candidates.begin(), candidates.end(),
                                         [](const Candidate& a, const Candidate& b) { return ranks_above(a, b); });
      const Candidate done = *best;
      candidates.erase(best);
      round.exchanges.push_back(execute(done));
      for (auto& c : candidates)
        if (c.p == done.p || c.q == done.p || c.p == done.q || c.q == done.q) calculate(c);
      std::erase_if(candidates, [](const Candidate& c) { return !c.valid; });
    }
    for (std::size_t d = 0; d < issues_.size(); ++d) {
      const auto& s = issues_[d];
      round.outcome.push_back(s.reported_outcome());
      std::vector<double> positions;
      for (std::size_t a : s.actors) positions.push_back(s.to_scale(s.position[a]));
      round.positions.push_back(std::move(positions));
    }
    return round;
  }

  // Gains rounded to 40 significant bits (about 12 digits), so that equal gains computed in
  // different orders tie, and ties go to the earlier candidate.
  static bool ranks_above(const Candidate& a, const Candidate& b) {
    return a.rank > b.rank || (a.rank == b.rank && a.order < b.order);
  }
  static double rounded(double x) {
    int exponent = 0;
    const double mantissa = std::frexp(x, &exponent);
    return std::ldexp(std::round(std::ldexp(mantissa, 40)), exponent - 40);
  }

  // Pairs of actors on opposite sides of the outcome on both issues of every pair of issues;
  // the one caring relatively more about the first issue demands it.
  std::vector<Candidate> generate() const {
    std::vector<Candidate> out;
    for (std::size_t p = 0; p < issues_.size(); ++p)
      for (std::size_t q = p + 1; q < issues_.size(); ++q)
        for (std::size_t a = 0; a < names_.size(); ++a)
          for (std::size_t b = a + 1; b < names_.size(); ++b) {
            if (!both_sides(a, b, p, q)) continue;
            const auto& P = issues_[p];
            const auto& Q = issues_[q];
            const bool a_demands_p = P.salience[a] / Q.salience[a] >= P.salience[b] / Q.salience[b];
            out.push_back({a_demands_p ? a : b, a_demands_p ? b : a, p, q, out.size()});
          }
    return out;
  }

  bool both_sides(std::size_t a, std::size_t b, std::size_t p, std::size_t q) const {
    const auto& P = issues_[p];
    const auto& Q = issues_[q];
    return P.present[a] && P.present[b] && Q.present[a] && Q.present[b] && P.left(a) != P.left(b) && Q.left(a) != Q.left(b);
  }

  // The equal-gain exchange, as large as possible (Dijkstra et al. 2008): the shifts of the
  // outcomes ΔP (j moving on p) and ΔQ (i moving on q) satisfy s_iP·ΔP − s_iQ·ΔQ =
  // s_jQ·ΔQ − s_jP·ΔP, so ΔQ = ΔP·(s_iP + s_jP)/(s_iQ + s_jQ).
  void calculate(Candidate& c) const {
    c.valid = false;
    if (!both_sides(c.i, c.j, c.p, c.q)) return;
    const auto& P = issues_[c.p];
    const auto& Q = issues_[c.q];
    const double s_iP = P.salience[c.i], s_jP = P.salience[c.j], c_jP = P.capability[c.j];
    const double s_iQ = Q.salience[c.i], s_jQ = Q.salience[c.j], c_iQ = Q.capability[c.i];
    const double rate = (s_iP + s_jP) / (s_iQ + s_jQ);
    // j moves at most to i's position on p, i at most to j's on q.
    double shift_p = std::abs(P.position[c.i] - P.position[c.j]) * s_jP * c_jP / P.weight;
    double shift_q = rate * shift_p;
    const double room_q = std::abs(Q.position[c.j] - Q.position[c.i]) * s_iQ * c_iQ / Q.weight;
    if (shift_q > room_q) {
      shift_q = room_q;
      shift_p = shift_q / rate;
    }
    // Neither outcome may pass its demander's position: beyond it the demander would lose.
    c.capped = false;
    const double cap_p = std::abs(P.position[c.i] - P.outcome);
    if (shift_p > cap_p) {
      shift_p = cap_p;
      shift_q = rate * shift_p;
      c.capped = true;
    }
    const double cap_q = std::abs(Q.position[c.j] - Q.outcome);
    if (shift_q > cap_q) {
      shift_q = cap_q;
      shift_p = shift_q / rate;
      c.capped = true;
    }
    const double move_j = shift_p * P.weight / (c_jP * s_jP);
    const double move_i = shift_q * Q.weight / (c_iQ * s_iQ);
    c.move_j = P.position[c.i] > P.position[c.j] ? move_j : -move_j;
    c.move_i = Q.position[c.j] > Q.position[c.i] ? move_i : -move_i;
    c.gain = s_iP * shift_p - s_iQ * shift_q;
    c.valid = c.gain > least_move && move_i > least_move && move_j > least_move;
    c.rank = rounded(c.gain);
  }

  ExecutedExchange execute(const Candidate& c) {
    auto& P = issues_[c.p];
    auto& Q = issues_[c.q];
    ExecutedExchange e;
    e.first = {names_[c.i], c.q, Q.to_scale(Q.position[c.i]), 0};
    e.second = {names_[c.j], c.p, P.to_scale(P.position[c.j]), 0};
    Q.position[c.i] = std::clamp(Q.position[c.i] + c.move_i, 0.0, 100.0);
    P.position[c.j] = std::clamp(P.position[c.j] + c.move_j, 0.0, 100.0);
    e.first.to = Q.to_scale(Q.position[c.i]);
    e.second.to = P.to_scale(P.position[c.j]);
    P.update_outcome();
    Q.update_outcome();
    e.gain = c.gain;
    e.capped = c.capped;
    return e;
  }

  // Decide's update between rounds: an actor keeps 0.1 + 0.4·(1 − s) of each concession.
  void keep_part_of_concessions(const std::vector<std::vector<double>>& start) {
    for (std::size_t d = 0; d < issues_.size(); ++d) {
      auto& s = issues_[d];
      for (std::size_t a = 0; a < names_.size(); ++a) {
        if (!s.present[a]) continue;
        const double kept = settings_.fixed_weight + settings_.salience_weight * (1 - s.salience[a]);
        s.position[a] = start[d][a] + kept * (s.position[a] - start[d][a]);
      }
      s.update_outcome();
    }
  }

  const ExchangeSettings& settings_;
  std::vector<std::string> names_;
  std::map<std::string, std::size_t> index_;
  std::vector<IssueState> issues_;
};

}  // namespace

std::vector<double> ExchangeRun::forecast() const { return rounds.empty() ? initial_outcome : rounds.back().outcome; }

ExchangeRun run_exchange(const std::vector<BargainingIssue>& issues, const ExchangeSettings& settings) {
  return Process(issues, settings).run();
}

}  // namespace statecraft
