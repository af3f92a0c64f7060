#pragma once
// Relations between actors over time, the field's first view of event data (Goldstein 1992;
// GDELT's and ICEWS's dyad series): per pair of states and per month, how many reported events
// were cooperative and how many conflictual, and their mean Goldstein weight.

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "events/coder.hpp"
#include "events/goldstein.hpp"

namespace statecraft {

struct DyadMonth {
  std::string source, target;  // parties (party_of: a state's three letters, an IGO's six)
  std::string month;           // YYYY-MM; empty for articles without a date
  std::size_t cooperation = 0, conflict = 0, neutral = 0;  // reported events by the sign of their weight
  double goldstein_sum = 0;
  std::size_t not_reported = 0;  // hypothetical, conditional, negated or advocated: said, not done
  std::size_t events() const { return cooperation + conflict + neutral; }
  double mean_goldstein() const { return events() ? goldstein_sum / static_cast<double>(events()) : 0.0; }
};

// Only reported events that did happen (not negated) count toward the weights: a threat someone
// might make, or sanctions someone should not impose, are not relations yet; they are counted
// apart. Events without a target, or of an actor with itself, have no pair.
class DyadSummary {
 public:
  explicit DyadSummary(const GoldsteinScale& scale) : scale_(scale) {}
  void add(EventDate date, const CodedEvent& event);
  // By pair (most events first), then by month.
  std::vector<DyadMonth> rows() const;

 private:
  const GoldsteinScale& scale_;
  std::map<std::tuple<std::string, std::string, std::string>, DyadMonth> cells_;
};

}  // namespace statecraft
