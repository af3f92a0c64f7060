#include "conflict/evolution.hpp"

#include <algorithm>
#include <limits>

namespace statecraft {

Evolution::Evolution(const GraphModel& model, std::size_t start, const Progress& progress)
    : start_(start), from_(model.state_count(), unreached), maker_(model.state_count(), 0) {
  const std::size_t n = model.state_count(), makers = model.decision_maker_count();
  // A free mover's improvements from s are the states of its group it ranks higher than s. Once a
  // state of a group has been left, every state of the group ranked higher is reached, so a
  // later one ranked no lower adds nothing: the least rank left so far, kept at the group's first
  // state, skips those (the result is the same, in far fewer steps).
  std::vector<std::vector<Rank>> least_left(makers);
  for (std::size_t i = 0; i < makers; ++i)
    if (model.free_mover(i)) least_left[i].assign(n, std::numeric_limits<Rank>::max());
  // Breadth first over unilateral improvements; each state remembers how it was first reached.
  // The queue is the states in the order they are reached, so it is read in place.
  std::vector<std::uint32_t> queue{static_cast<std::uint32_t>(start)};
  from_[start] = static_cast<std::uint32_t>(start);
  for (std::size_t next = 0; next < queue.size(); ++next) {
    const std::size_t s = queue[next];
    if ((next & 0xFFFF) == 0xFFFF) report_progress(progress, next, n);
    for (std::size_t i = 0; i < makers; ++i) {
      if (!least_left[i].empty()) {
        Rank& least = least_left[i][s & ~model.options_of(i)];
        if (model.rank(i, s) >= least) continue;
        least = model.rank(i, s);
      }
      model.for_each_improvement(i, s, [&](std::size_t t) {
        if (from_[t] != unreached) return;
        from_[t] = static_cast<std::uint32_t>(s);
        maker_[t] = static_cast<std::uint8_t>(i);
        queue.push_back(static_cast<std::uint32_t>(t));
      });
    }
  }
}

std::optional<std::vector<Step>> Evolution::path_to(std::size_t state) const {
  if (!reaches(state)) return std::nullopt;
  std::vector<Step> steps;
  for (std::size_t at = state; at != start_; at = from_[at]) steps.push_back({maker_[at], from_[at], at});
  std::reverse(steps.begin(), steps.end());
  return steps;
}

}  // namespace statecraft
