#include "bargaining/eu_procedure.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>

namespace statecraft {
namespace {

struct Placed {
  double position;
  std::int64_t weight;
};

// The position of the member whose arrival first makes a winning coalition, members arriving in
// the order given (from one end of the line towards the other).
double pivot(const std::vector<Placed>& in_order, const VotingGame& game) {
  std::int64_t weight = 0;
  for (std::size_t k = 0; k < in_order.size(); ++k) {
    weight += in_order[k].weight;
    if (wins(game, k + 1, weight)) return in_order[k].position;
  }
  return in_order.back().position;  // no coalition wins (a game with no weight): everyone is needed
}

const SpatialActor* find_actor(const BargainingIssue& issue, const std::string& id) {
  const auto it = std::find_if(issue.actors.begin(), issue.actors.end(), [&](const SpatialActor& a) { return a.id == id; });
  return it == issue.actors.end() ? nullptr : &*it;
}

}  // namespace

ProcedureSolution eu_procedure(const BargainingIssue& issue, const EuLegislation& legislation) {
  ProcedureSolution s;
  const CouncilRule rule = council_rule(legislation.decided.value_or(YearMonth{2000, 1}), legislation.vote);
  std::vector<std::size_t> kept;
  std::vector<Placed> placed;
  for (std::size_t m = 0; m < rule.game.players.size(); ++m)
    if (const auto* a = find_actor(issue, rule.game.players[m])) kept.push_back(m), placed.push_back({a->position, rule.game.weights[m]});
  if (placed.empty()) {
    s.explanation = "no member state has a position on the issue";
    return s;
  }
  const VotingGame game = restricted_to(rule.game, kept);
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.position < b.position; });
  const double left_pivot = pivot(placed, game);
  std::vector<Placed> from_right(placed.rbegin(), placed.rend());
  const double right_pivot = pivot(from_right, game);
  const double outermost_low = placed.front().position, outermost_high = placed.back().position;

  const bool codecision = legislation.procedure == LegislativeProcedure::codecision;
  const SpatialActor* parliament = codecision ? find_actor(issue, legislation.parliament) : nullptr;
  const SpatialActor* commission = find_actor(issue, legislation.commission);
  double council_pivot;
  if (issue.status_quo) {
    const double q = *issue.status_quo;
    s.low = s.high = q;
    if (right_pivot > q) s.high = std::min(issue.high, 2 * right_pivot - q), council_pivot = right_pivot;
    else if (left_pivot < q) s.low = std::max(issue.low, 2 * left_pivot - q), council_pivot = left_pivot;
    else council_pivot = q;
    if (parliament) {  // the points the Parliament prefers to q: between q and its mirror image
      s.low = std::max(s.low, std::min(q, 2 * parliament->position - q));
      s.high = std::min(s.high, std::max(q, 2 * parliament->position - q));
      if (s.low > s.high) s.low = s.high = q;
    }
  } else {
    s.low = std::min(right_pivot, left_pivot), s.high = std::max(right_pivot, left_pivot);
    council_pivot = (s.low + s.high) / 2;
  }
  double wanted;
  std::string chooser;
  if (parliament) {
    wanted = (parliament->position + council_pivot) / 2;
    chooser = "the conciliation between the Parliament and the Council's pivotal member";
  } else {
    s.low = std::max(s.low, std::min(outermost_low, s.high)), s.high = std::min(s.high, std::max(outermost_high, s.low));
    wanted = commission ? commission->position : council_pivot;
    chooser = commission ? "the Commission's proposal" : "the Council's pivotal member (the Commission has no position)";
  }
  s.position = std::clamp(wanted, s.low, s.high);
  s.explanation = fmt::format("{}; {} [{:g}, {:g}]; {}", rule.title, issue.status_quo ? "win set of the reference point" : "the Council's core", s.low, s.high, chooser);
  return s;
}

}  // namespace statecraft
