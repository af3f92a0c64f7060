#include "conflict/inverse.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

#include "scenario/work.hpp"

namespace statecraft {
namespace {

// The states a decision maker ranks above d, from the lowest up: the order in which raising d
// passes them. Ties among them are passed together, so the only raises that keep the rest of the
// ranking are to the end of a tie group; `stops` lists how many states each such raise passes.
struct Ladder {
  std::vector<std::size_t> above;
  std::vector<std::size_t> stops;  // 0, then the end of each tie group
};

Ladder ladder(const GraphModel& model, std::size_t maker, std::size_t d) {
  Ladder l;
  const Rank here = model.rank(maker, d);
  for (std::size_t s = 0; s < model.state_count(); ++s)
    if (model.rank(maker, s) > here) l.above.push_back(s);
  std::stable_sort(l.above.begin(), l.above.end(), [&](std::size_t a, std::size_t b) { return model.rank(maker, a) < model.rank(maker, b); });
  l.stops.push_back(0);
  for (std::size_t k = 1; k <= l.above.size(); ++k)
    if (k == l.above.size() || model.rank(maker, l.above[k]) != model.rank(maker, l.above[k - 1])) l.stops.push_back(k);
  return l;
}

// The maker's ranks with d placed just above the first `passed` states of its ladder (and below
// the rest): every rank doubled, d given the odd value between.
std::vector<Rank> raised(const GraphModel& model, std::size_t maker, std::size_t d, const Ladder& l, std::size_t passed) {
  std::vector<Rank> ranks(model.state_count());
  for (std::size_t s = 0; s < ranks.size(); ++s) ranks[s] = 2 * model.rank(maker, s);
  if (passed > 0) ranks[d] = 2 * model.rank(maker, l.above[passed - 1]) + 1;
  return ranks;
}

class Search {
 public:
  Search(const GraphModel& model, std::size_t d, Concept c, std::size_t max_checks) : model_(model), trial_(model), d_(d), c_(c), max_checks_(max_checks) {
    for (std::size_t i = 0; i < model.decision_maker_count(); ++i) ladders_.push_back(ladder(model, i, d));
  }

  // Every choice of stops (one per decision maker) whose states passed add up to `total`, tried
  // until one works.
  std::optional<std::vector<std::size_t>> with_total(std::size_t total) {
    std::vector<std::size_t> choice(ladders_.size(), 0);
    return assign(0, total, choice);
  }

  std::size_t most() const {
    std::size_t n = 0;
    for (const auto& l : ladders_) n += l.above.size();
    return n;
  }
  std::size_t checked = 0;
  const std::vector<Ladder>& ladders() const { return ladders_; }

 private:
  std::optional<std::vector<std::size_t>> assign(std::size_t maker, std::size_t left, std::vector<std::size_t>& choice) {
    if (maker == ladders_.size()) {
      if (left != 0) return std::nullopt;
      return works(choice) ? std::optional(choice) : std::nullopt;
    }
    for (const std::size_t stop : ladders_[maker].stops) {
      if (stop > left) break;
      choice[maker] = stop;
      if (auto found = assign(maker + 1, left - stop, choice)) return found;
    }
    return std::nullopt;
  }

  bool works(const std::vector<std::size_t>& choice) {
    if (++checked > max_checks_)
      throw WorkTooLarge(fmt::format("finding the fewest preference changes took more than {} stability analyses", max_checks_), static_cast<double>(checked),
                         static_cast<double>(max_checks_));
    for (std::size_t i = 0; i < ladders_.size(); ++i) trial_.set_ranks(i, raised(model_, i, d_, ladders_[i], choice[i]));
    return equilibria(trial_, c_)[d_];
  }

  const GraphModel& model_;
  GraphModel trial_;
  std::size_t d_;
  Concept c_;
  std::size_t max_checks_;
  std::vector<Ladder> ladders_;
};

}  // namespace

InverseStability fewest_changes_for_stability(const GraphModel& model, std::size_t desired, Concept c, std::size_t max_checks) {
  if (c == Concept::SIM) throw std::invalid_argument("the inverse analysis is for Nash, GMR, SMR and SEQ: raising a state can make it less SIM stable");
  if (desired >= model.state_count()) throw std::invalid_argument("no such state");
  Search search(model, desired, c, max_checks);
  InverseStability out;
  for (std::size_t total = 0; total <= search.most(); ++total) {
    const auto choice = search.with_total(total);
    if (!choice) continue;
    out.already = total == 0;
    out.changes = total;
    for (std::size_t i = 0; i < choice->size(); ++i) {
      const Ladder& l = search.ladders()[i];
      out.passed.emplace_back(l.above.begin(), l.above.begin() + static_cast<long>((*choice)[i]));
      out.ranks.push_back(raised(model, i, desired, l, (*choice)[i]));
    }
    break;
  }
  out.checked = search.checked;
  return out;
}

namespace {

// The states other than `from` that the decision makers other than i reach from it, one after
// another, no one twice in a row (a breadth-first search over state and last mover).
std::vector<std::size_t> reachable_by_others(const GraphModel& model, std::size_t i, std::size_t from) {
  const std::size_t makers = model.decision_maker_count(), none = makers;
  std::vector<std::vector<bool>> seen(model.state_count(), std::vector<bool>(makers + 1, false));
  std::vector<bool> reached(model.state_count(), false);
  std::vector<std::pair<std::size_t, std::size_t>> queue{{from, none}};
  seen[from][none] = true;
  for (std::size_t k = 0; k < queue.size(); ++k) {
    const auto [state, last] = queue[k];
    for (std::size_t j = 0; j < makers; ++j) {
      if (j == i || j == last) continue;
      model.for_each_move(j, state, [&](std::size_t target) {
        reached[target] = true;
        if (!seen[target][j]) {
          seen[target][j] = true;
          queue.push_back({target, j});
        }
      });
    }
  }
  std::vector<std::size_t> states;
  for (std::size_t s = 0; s < reached.size(); ++s)
    if (reached[s] && s != from) states.push_back(s);  // back where they started: the condition's first half
  return states;
}

}  // namespace

std::vector<std::vector<StabilityCondition>> stability_conditions(const GraphModel& model, std::size_t desired, Concept c) {
  if (c != Concept::Nash && c != Concept::GMR) throw std::invalid_argument("every stabilising preference is given for Nash and GMR only");
  if (c == Concept::GMR) {
    // Each move's sanctions are a search over (state, last mover): refused before it starts
    // when all of them together would pass that many pairs more than max_condition_work times.
    double moves = 0;
    for (std::size_t i = 0; i < model.decision_maker_count(); ++i) model.for_each_move(i, desired, [&](std::size_t) { ++moves; });
    const double work = moves * static_cast<double>(model.state_count()) * static_cast<double>(model.decision_maker_count() + 1);
    if (work > max_condition_work)
      throw WorkTooLarge(fmt::format("the GMR conditions would search {:.3g} pairs of state and mover", work), work, max_condition_work);
  }
  std::vector<std::vector<StabilityCondition>> conditions(model.decision_maker_count());
  for (std::size_t i = 0; i < model.decision_maker_count(); ++i)
    model.for_each_move(i, desired, [&](std::size_t target) {
      conditions[i].push_back({target, c == Concept::GMR ? reachable_by_others(model, i, target) : std::vector<std::size_t>{}});
    });
  for (auto& list : conditions) std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.move < b.move; });
  return conditions;
}

bool meets(const std::vector<StabilityCondition>& conditions, const std::vector<Rank>& ranks, std::size_t desired) {
  return std::all_of(conditions.begin(), conditions.end(), [&](const StabilityCondition& c) {
    return ranks[desired] >= ranks[c.move] || std::any_of(c.sanctions.begin(), c.sanctions.end(), [&](std::size_t s) { return ranks[s] <= ranks[desired]; });
  });
}

}  // namespace statecraft
