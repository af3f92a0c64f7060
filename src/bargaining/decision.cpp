#include "bargaining/decision.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace statecraft {
namespace {

struct Decider {
  const std::string* id;  // in the issue's deciders
  double position;
  double weight;      // 1 under unanimity (every decider counts alike), else the capability
  double capability;  // which side of the status quo wants a move most, when none carries
};

// Deciders by their place in the deciders' list: the many sampling runs need no names.
using Group = std::vector<const Decider*>;

std::vector<std::string> names(const Group& group) {
  std::vector<std::string> out;
  out.reserve(group.size());
  for (const Decider* d : group) out.push_back(*d->id);
  return out;
}

// What the deciders wanting to move q one way can carry.
struct Side {
  double direction;  // +1: above the status quo, −1: below
  double support = 0;     // weight towards the quota
  double capability = 0;  // of the supporters
  Group supporters{};
  std::optional<double> reach{};  // how far from q the quota carries a move, when it does
  Group carrying{};    // the deciders who prefer every point that far to q
  double carrying_weight = 0;
  Group limited_by{};  // those among them whose limit it is
};

// Weights summed in another order must not flip an exact quota (as in weighted_median).
bool carries(double weight, double quota, bool strictly) {
  return strictly ? weight > quota * (1 + 1e-12) : weight >= quota * (1 - 1e-12);
}

// Deciders on this side prefer every point strictly between q and 2·x_d − q, at distance
// 2·|x_d − q| from q. Taken farthest-reaching first, the first to carry the quota together set
// the reach: beyond it, too few remain.
Side side_of(const std::vector<Decider>& deciders, double q, double direction, double quota, bool strictly) {
  Side side{direction};
  std::vector<std::pair<double, const Decider*>> by_reach;
  for (const auto& d : deciders)
    if (direction * (d.position - q) > 0) {
      by_reach.emplace_back(2 * std::abs(d.position - q), &d);
      side.support += d.weight;
      side.capability += d.capability;
      side.supporters.push_back(&d);
    }
  std::stable_sort(by_reach.begin(), by_reach.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  double weight = 0;
  for (const auto& [reach, d] : by_reach) {
    weight += d->weight;
    if (!carries(weight, quota, strictly)) continue;
    side.reach = reach;
    break;
  }
  if (!side.reach) return side;
  for (const auto& [reach, d] : by_reach) {
    if (reach < *side.reach) break;
    side.carrying.push_back(d);
    side.carrying_weight += d->weight;
    if (reach == *side.reach) side.limited_by.push_back(d);
  }
  return side;
}

std::string verb(const std::vector<std::string>& who, const char* one, const char* many) { return who.size() == 1 ? one : many; }

std::string share(double weight, double total) { return fmt::format("{:.0f} %", 100 * weight / total); }

std::string quota_in_words(const BargainingIssue& issue) {
  if (issue.rule == DecisionRule::Majority) return "more than half of the deciders' capability";
  return fmt::format("at least {:.4g} % of the deciders' capability", 100 * issue.threshold);
}

// Why no move carries: who wants which way, and who stands at q.
std::string no_win_set(const BargainingIssue& issue, const Side& up, const Side& down, const std::vector<std::string>& at_q, double q,
                       double total) {
  const bool weighted = issue.rule != DecisionRule::Unanimity;
  std::vector<std::string> parts;
  auto wanting = [&](const Side& side, const char* way) {
    if (side.supporters.empty()) return;
    const auto who = names(side.supporters);
    parts.push_back(fmt::format("{} {} {}{}", list_in_words(who), verb(who, "wants", "want"), way,
                                weighted ? fmt::format(" ({})", share(side.support, total)) : ""));
  };
  wanting(up, "more");
  wanting(down, "less");
  if (!at_q.empty()) parts.push_back(fmt::format("{} {} at it", list_in_words(at_q), verb(at_q, "stands", "stand")));
  const std::string who = list_in_words(parts);
  if (weighted) return fmt::format("no move from the status quo ({:.4g}) has {}: {}", q, quota_in_words(issue), who);
  return fmt::format("no move from the status quo ({:.4g}) is better for every decider: {}", q, who);
}

}  // namespace

std::string list_in_words(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string out = names.front();
  for (std::size_t i = 1; i < names.size(); ++i) out += (i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

std::string describe_rule(const BargainingIssue& issue) {
  const std::string who = list_in_words(issue.deciders);
  switch (issue.rule) {
    case DecisionRule::Everyone: return "every actor, as a weighted vote (no decision rule given)";
    case DecisionRule::Unanimity:
      return issue.deciders.size() == 1 ? who + " alone" : who + ", each with a veto (unanimity)";
    case DecisionRule::Majority: return "a majority of the capability of " + who;
    case DecisionRule::Qualified: return fmt::format("at least {:.4g} % of the capability of {} (qualified majority)", 100 * issue.threshold, who);
  }
  return who;
}

std::optional<WinSet> win_set(const BargainingIssue& issue, Words words) {
  if (issue.rule == DecisionRule::Everyone || !issue.status_quo) return std::nullopt;
  const double q = std::clamp(*issue.status_quo, issue.low, issue.high);
  std::vector<Decider> deciders;
  deciders.reserve(issue.deciders.size());  // Sides point into it
  std::vector<std::string> unplaced, at_q;
  for (const auto& id : issue.deciders) {
    const auto stance = std::find_if(issue.actors.begin(), issue.actors.end(), [&](const SpatialActor& a) { return a.id == id; });
    if (stance == issue.actors.end()) {
      unplaced.push_back(id);
      continue;
    }
    const double capability = std::max(stance->capability, 0.0);
    deciders.push_back({&id, stance->position, issue.rule == DecisionRule::Unanimity ? 1.0 : capability, capability});
    if (stance->position == q) at_q.push_back(id);
  }
  double total = 0;
  for (const auto& d : deciders) total += d.weight;
  WinSet set{true, q, q, {}, {}, {}};
  const bool explained = words == Words::Explained;
  const std::string left_out = unplaced.empty() || !explained ? ""
                                                : fmt::format(" ({} {} no stance on the issue and {} left out)", list_in_words(unplaced),
                                                              verb(unplaced, "has", "have"), verb(unplaced, "is", "are"));
  if (!(total > 0)) {
    set.blockers = issue.deciders;
    if (explained) set.explanation = (deciders.empty() ? "no decider has a stance on the issue" : "no decider has any capability") + left_out;
    return set;
  }
  const bool strictly = issue.rule == DecisionRule::Majority;
  const double quota = issue.rule == DecisionRule::Unanimity ? total : issue.rule == DecisionRule::Majority ? total / 2 : issue.threshold * total;
  const Side up = side_of(deciders, q, +1, quota, strictly), down = side_of(deciders, q, -1, quota, strictly);
  // Both sides cannot carry: more than half (or a share above half) of the weight on each.
  for (const Side* side : {&up, &down}) {
    if (!side->reach) continue;
    const double edge = std::clamp(q + side->direction * *side->reach, issue.low, issue.high);
    set.empty = false;
    set.low = std::min(q, edge);
    set.high = std::max(q, edge);
    set.limited_by = names(side->limited_by);
    if (!explained) return set;
    const std::string weight =
        issue.rule == DecisionRule::Unanimity ? "" : fmt::format(" ({} of the deciders' capability)", share(side->carrying_weight, total));
    set.explanation = fmt::format("a deal can lie between {:.4g} and {:.4g}: {}{} {} every point of it to the status quo ({:.4g}), "
                                  "and {} would go no further{}",
                                  set.low, set.high, list_in_words(names(side->carrying)), weight, side->carrying.size() == 1 ? "prefers" : "prefer", q,
                                  list_in_words(set.limited_by), left_out);
    return set;
  }
  // The blockers stand in the way of the move wanted by the most capability (then by the most
  // deciders, then upwards).
  const Side& wanted = up.capability != down.capability             ? (up.capability > down.capability ? up : down)
                       : up.supporters.size() != down.supporters.size() ? (up.supporters.size() > down.supporters.size() ? up : down)
                                                                          : up;
  for (const auto& d : deciders)
    if (std::find(wanted.supporters.begin(), wanted.supporters.end(), &d) == wanted.supporters.end()) set.blockers.push_back(*d.id);
  if (explained) set.explanation = no_win_set(issue, up, down, at_q, q, total) + left_out;
  return set;
}

double nearest_in(const WinSet& set, double x) { return std::clamp(x, set.low, set.high); }

}  // namespace statecraft
