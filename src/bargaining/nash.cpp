#include "bargaining/nash.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace statecraft {
namespace {

// One participant's term c·ln(D − |x − p|): D is its gain room, p its position.
struct Term {
  double weight;
  double position;
  double room;
};

// One term's one-sided slope. Past the end of the term's gain room (where a computed end of the
// interval can fall by rounding: 2·p − d − p need not equal p − d) the slope points back inside,
// whatever the sign of the rounded gap, so that no end is taken for a maximum it cannot be.
double slope(const Term& t, double x, bool right) {
  const double sign = (right ? x >= t.position : x > t.position) ? -1.0 : 1.0;
  const double gap = t.room - std::abs(x - t.position);
  return gap > 0 ? t.weight * sign / gap : sign * INFINITY;
}

// One-sided derivatives of Σ c·ln(D − |x − p|); at x = p the kink makes them differ.
double right_derivative(const std::vector<Term>& terms, double x) {
  double d = 0;
  for (const auto& t : terms) d += slope(t, x, true);
  return d;
}

double left_derivative(const std::vector<Term>& terms, double x) {
  double d = 0;
  for (const auto& t : terms) d += slope(t, x, false);
  return d;
}

// The objective is concave on (low, high), so its maximum is where the left derivative is
// non-negative and the right one non-positive; bisection finds it, and a kink at an actor's
// position is returned exactly.
double maximise(const std::vector<Term>& terms, double low, double high) {
  auto is_peak = [&](double x) { return left_derivative(terms, x) >= 0 && right_derivative(terms, x) <= 0; };
  if (right_derivative(terms, low) <= 0 && std::isfinite(right_derivative(terms, low))) return low;
  if (left_derivative(terms, high) >= 0 && std::isfinite(left_derivative(terms, high))) return high;
  double a = low, b = high;
  for (int i = 0; i < 200 && b - a > 1e-14 * std::max(1.0, std::abs(b)); ++i) {
    const double mid = a + (b - a) / 2;
    if (right_derivative(terms, mid) > 0) a = mid;
    else if (left_derivative(terms, mid) < 0) b = mid;
    else return mid;
  }
  for (const auto& t : terms)
    if (t.position >= a - 1e-9 && t.position <= b + 1e-9 && t.position > low && t.position < high && is_peak(t.position)) return t.position;
  return a + (b - a) / 2;
}

}  // namespace

std::optional<NashSolution> nash_bargaining(const BargainingIssue& issue) {
  std::vector<Term> terms;
  for (const auto& a : issue.actors) {
    if (!weighs(a)) continue;
    const double room = issue.status_quo ? std::abs(*issue.status_quo - a.position)
                                         : std::max(a.position - issue.low, issue.high - a.position);
    terms.push_back({a.capability, a.position, room});
  }
  if (terms.empty()) return std::nullopt;

  double low = issue.low, high = issue.high;
  if (issue.status_quo) {
    const double d = *issue.status_quo;
    auto any = [&](auto predicate) { return std::any_of(terms.begin(), terms.end(), predicate); };
    if (any([&](const Term& t) { return t.room == 0; }))
      return NashSolution{d, false, "no agreement: an actor stands at the status quo, so nothing improves on it for all; it holds"};
    if (any([&](const Term& t) { return t.position > d; }) && any([&](const Term& t) { return t.position < d; }))
      return NashSolution{d, false, "no agreement: actors stand on both sides of the status quo, so nothing improves on it for all; it holds"};
    // Each participant gains only strictly between d and its mirror image 2·x_i − d.
    for (const auto& t : terms) {
      low = std::max(low, std::min(d, 2 * t.position - d));
      high = std::min(high, std::max(d, 2 * t.position - d));
    }
  }
  return NashSolution{maximise(terms, low, high), true, {}};
}

std::optional<double> nash_with_salience(const BargainingIssue& issue) {
  struct Quadratic {
    double weight, position, room_squared;
  };
  std::vector<Quadratic> terms;
  for (const auto& a : issue.actors)
    if (weighs(a)) {
      const double room = std::max(a.position - issue.low, issue.high - a.position);
      terms.push_back({a.capability * a.salience, a.position, room * room});
    }
  if (terms.empty()) return std::nullopt;
  // d/dx Σ w·ln(R − (x − p)²) = Σ 2w·(p − x)/(R − (x − p)²): decreasing on (low, high), where every
  // gain is positive, from +∞ to −∞ unless all stand at one end; bisection finds its zero.
  auto derivative = [&](double x) {
    double d = 0;
    for (const auto& t : terms) {
      const double gap = t.room_squared - (x - t.position) * (x - t.position);
      d += gap > 0 ? 2 * t.weight * (t.position - x) / gap : (t.position > x ? INFINITY : -INFINITY);
    }
    return d;
  };
  if (issue.high <= issue.low) return issue.low;
  double a = issue.low, b = issue.high;
  for (int i = 0; i < 200 && b - a > 1e-12 * std::max(1.0, std::abs(b)); ++i) {
    const double mid = a + (b - a) / 2;
    (derivative(mid) > 0 ? a : b) = mid;
  }
  return a + (b - a) / 2;
}

}  // namespace statecraft
