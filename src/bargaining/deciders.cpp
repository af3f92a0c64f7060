#include "bargaining/deciders.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "bargaining/decision.hpp"
#include "bargaining/nash.hpp"

namespace statecraft {
namespace {

bool is_decider(const BargainingIssue& issue, const std::string& id) {
  return std::find(issue.deciders.begin(), issue.deciders.end(), id) != issue.deciders.end();
}

// Who sits at the table. Under unanimity every decider must consent. Under a majority or a
// qualified majority the deciders who want the move the win set allows can carry it without the
// others, who are outvoted: those on the win set's side of the status quo bargain.
bool at_the_table(const BargainingIssue& issue, const SpatialActor& a, bool decides, const std::optional<WinSet>& set) {
  if (!decides) return false;
  if (issue.rule == DecisionRule::Unanimity || !set || set->empty) return true;
  const double q = *issue.status_quo;
  return set->high > q ? a.position > q : a.position < q;
}

double weight(const SpatialActor& a) { return weighs(a) ? a.capability * a.salience : 0.0; }

}  // namespace

DecidersSolution bargaining_among_deciders(const BargainingIssue& issue, Words words) {
  if (issue.rule == DecisionRule::Everyone)
    return {std::nullopt, {}, "needs a decision rule: the issue names no deciders (add decision: to it), so every actor decides and the other models apply"};
  if (!issue.status_quo) return {std::nullopt, {}, "needs a status quo, the deciders' point of disagreement"};
  double pull = 0, pressure = 0;  // of the actors who are not deciders: Σ c·s·x and Σ c·s
  std::vector<bool> decides;
  decides.reserve(issue.actors.size());
  for (const auto& a : issue.actors) {
    decides.push_back(is_decider(issue, a.id));
    if (decides.back()) continue;
    pull += weight(a) * a.position;
    pressure += weight(a);
  }
  BargainingIssue table{issue.id, issue.low, issue.high, issue.status_quo, {}};  // the deciders at their effective positions
  const auto set = win_set(issue, Words::NumbersOnly);
  DecidersSolution out;
  for (std::size_t i = 0; i < issue.actors.size(); ++i) {
    const SpatialActor& a = issue.actors[i];
    if (!at_the_table(issue, a, decides[i], set) || !weighs(a)) continue;
    const double own = weight(a);
    const double effective = std::clamp((own * a.position + pull) / (own + pressure), issue.low, issue.high);
    out.effective.emplace_back(a.id, effective);
    table.actors.push_back({a.id, effective, a.salience, own});  // nash weighs by `capability`: here c·s
  }
  if (table.actors.empty()) {
    out.explanation = "no decider has both capability and salience";
    return out;
  }
  const auto solution = nash_bargaining(table);
  out.position = solution->position;
  if (words == Words::NumbersOnly) return out;
  std::vector<std::string> placed;
  for (const auto& [id, x] : out.effective) placed.push_back(fmt::format("{} {:.4g}", id, x));
  const std::string pressed = pressure > 0 ? "pressed by the others, the deciders stand at " + list_in_words(placed)
                                           : "no other actor presses; the deciders stand at " + list_in_words(placed);
  out.explanation = solution->agreement ? pressed
                                        : pressed + "; no point is better than the status quo for all of them there, so it holds";
  return out;
}

}  // namespace statecraft
