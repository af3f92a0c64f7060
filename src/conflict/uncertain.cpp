#include "conflict/uncertain.hpp"

#include <fmt/format.h>

#include "scenario/rational.hpp"
#include "scenario/work.hpp"

namespace statecraft {

UncertainStability stability_under_uncertainty(const Conflict& conflict, Concept solution, std::size_t max_combinations, double max_steps) {
  const auto& uncertain = conflict.uncertain_preferences;
  double combinations = 1;
  for (const auto& u : uncertain) combinations *= static_cast<double>(u.alternatives.size());
  if (combinations > static_cast<double>(max_combinations))
    throw WorkTooLarge(fmt::format("the uncertain preferences combine into {:.4g} sets of preferences, each a stability analysis", combinations), combinations,
                       static_cast<double>(max_combinations));
  const GraphModel today(conflict);
  check_stability_budget(conflict, today.state_count(), default_max_states, max_steps);
  UncertainStability out;
  out.solution = solution;
  out.combinations = static_cast<std::size_t>(combinations);
  out.equilibrium.assign(today.state_count(), 0);
  // An odometer over the alternatives, the last decision maker's turning fastest.
  std::vector<std::size_t> pick(uncertain.size(), 0);
  Conflict drawn = conflict;
  for (std::size_t k = 0; k < out.combinations; ++k) {
    mpq_class probability = 1;
    for (std::size_t u = 0; u < uncertain.size(); ++u) {
      const PreferenceAlternative& a = uncertain[u].alternatives[pick[u]];
      probability *= exact_number(a.probability);
      for (auto& p : drawn.preferences)
        if (p.actor == uncertain[u].actor) p = a.preferences;
    }
    const auto stable = equilibria(GraphModel(drawn), solution);
    for (std::size_t s = 0; s < stable.size(); ++s)
      if (stable[s]) out.equilibrium[s] += probability;
    for (std::size_t u = uncertain.size(); u-- > 0;) {
      if (++pick[u] < uncertain[u].alternatives.size()) break;
      pick[u] = 0;
    }
  }
  return out;
}

}  // namespace statecraft
