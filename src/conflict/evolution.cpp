#include "conflict/evolution.hpp"

#include <algorithm>
#include <deque>

namespace statecraft {

Evolution evolve_from(const GraphModel& model, std::size_t start) {
  const std::size_t n = model.state_count();
  Evolution e;
  e.start = start;
  e.path.assign(n, std::nullopt);
  // Breadth first over unilateral improvements; each state remembers how it was first reached.
  std::vector<std::optional<Step>> reached_by(n);
  std::vector<bool> seen(n, false);
  std::deque<std::size_t> queue{start};
  seen[start] = true;
  while (!queue.empty()) {
    const std::size_t s = queue.front();
    queue.pop_front();
    for (std::size_t i = 0; i < model.decision_maker_count(); ++i)
      model.for_each_improvement(i, s, [&](std::size_t t) {
        if (seen[t]) return;
        seen[t] = true;
        reached_by[t] = Step{i, s, t};
        queue.push_back(t);
      });
  }
  for (std::size_t s = 0; s < n; ++s) {
    if (!seen[s]) continue;
    std::vector<Step> steps;
    for (std::size_t at = s; reached_by[at]; at = reached_by[at]->from) steps.push_back(*reached_by[at]);
    std::reverse(steps.begin(), steps.end());
    e.path[s] = std::move(steps);
  }
  return e;
}

}  // namespace statecraft
