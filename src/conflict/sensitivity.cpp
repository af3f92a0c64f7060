#include "conflict/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <random>
#include <set>
#include <stdexcept>

#include "scenario/states.hpp"
#include "scenario/parallel.hpp"

namespace statecraft {
namespace {

using Kind = PreferenceChange::Kind;

// What a list says, for telling apart the lists two changes make: statements by their text in
// order; a ranking's levels by their states, each level sorted.
std::vector<std::vector<std::string>> list_key(const Preferences& p) {
  std::vector<std::vector<std::string>> key;
  if (!p.by_ranking) {
    for (const auto& statement : p.statements) key.push_back({statement.text});
    return key;
  }
  for (const auto& level : p.ranking) {
    std::vector<std::string> states;
    for (const auto& entry : level) states.push_back(std::to_string(entry.state));
    std::sort(states.begin(), states.end());
    key.push_back(states);
  }
  return key;
}

// The pairs of changes to one list whose result is neither the list itself nor a single change's.
std::vector<std::pair<PreferenceChange, PreferenceChange>> distinct_pairs(const Conflict& conflict) {
  std::vector<std::pair<PreferenceChange, PreferenceChange>> pairs;
  for (std::size_t p = 0; p < conflict.preferences.size(); ++p) {
    const Preferences& original = conflict.preferences[p];
    std::set<std::vector<std::vector<std::string>>> seen{list_key(original)};
    const auto firsts = single_changes(original, p);
    for (const auto& first : firsts) {
      Preferences once = original;
      apply_change(once, first);
      seen.insert(list_key(once));
    }
    for (const auto& first : firsts) {
      Preferences once = original;
      apply_change(once, first);
      for (const auto& second : single_changes(once, p)) {
        Preferences twice = once;
        apply_change(twice, second);
        if (seen.insert(list_key(twice)).second) pairs.emplace_back(first, second);
      }
    }
  }
  return pairs;
}

std::size_t list_length(const Preferences& p) { return p.by_ranking ? p.ranking.size() : p.statements.size(); }

// The status quo's index, which every re-run starts from: preferences do not change the states.
std::size_t start_of(const Conflict& conflict, const GraphModel& model) {
  const long start = conflict.status_quo_given ? model.index_of(status_quo_state(conflict)) : -1;
  if (start < 0) throw std::invalid_argument("the conflict has no feasible status quo, so no state is reachable from it");
  return static_cast<std::size_t>(start);
}

// The analysis each change is judged by: `solution`'s equilibria the start leads to, ascending.
std::vector<std::size_t> outcomes_of(const Conflict& conflict, std::size_t start, Concept solution) {
  const GraphModel model(conflict);
  const std::vector<bool> stable = equilibria(model, solution);
  const Evolution evolution(model, start);
  std::vector<std::size_t> found;
  for (std::size_t s = 0; s < model.state_count(); ++s)
    if (stable[s] && evolution.reaches(s)) found.push_back(s);
  return found;
}

// Refuses `runs` analyses of the conflict when their work passes the budget.
void check_runs(const Conflict& conflict, Concept solution, double runs, const char* what, double max_steps) {
  if (!can_enumerate_states(conflict))
    throw WorkTooLarge(fmt::format("{} re-analyse a conflict whose states are too many to list", what), INFINITY, max_steps);
  const std::uint64_t states = count_feasible_states(conflict);
  const double work = runs * analysis_work(conflict, states, solution);
  if (work > max_steps)
    throw WorkTooLarge(fmt::format("{} re-analyse the conflict {:.0f} times, {:.3g} steps ({} states each)", what, runs, work, states), work,
                       max_steps, "--max-steps");
}

// One uniform number in [0, 1) from 53 bits: the same on every standard library, which
// std::uniform_real_distribution does not promise.
double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

template <typename List>
void swap_adjacent(List& list, double p, std::mt19937_64& rng) {
  for (std::size_t i = 0; i + 1 < list.size(); ++i)
    if (uniform(rng) < p) std::swap(list[i], list[i + 1]);
}

}  // namespace

std::vector<PreferenceChange> single_changes(const Preferences& list, std::size_t index) {
  std::vector<PreferenceChange> changes;
  const std::size_t k = list_length(list);
  for (std::size_t at = 0; at + 1 < k; ++at) changes.push_back({Kind::Swap, index, at, k});
  if (list.by_ranking)
    for (std::size_t at = 0; at + 1 < k; ++at) changes.push_back({Kind::Merge, index, at, k});
  else if (k > 1)
    for (std::size_t at = 0; at < k; ++at) changes.push_back({Kind::Remove, index, at, k});
  return changes;
}

std::vector<PreferenceChange> single_changes(const Conflict& conflict) {
  std::vector<PreferenceChange> changes;
  for (std::size_t p = 0; p < conflict.preferences.size(); ++p) {
    const auto more = single_changes(conflict.preferences[p], p);
    changes.insert(changes.end(), more.begin(), more.end());
  }
  return changes;
}

void apply_change(Preferences& p, const PreferenceChange& change) {
  switch (change.kind) {
    case Kind::Swap:
      if (p.by_ranking) std::swap(p.ranking.at(change.at), p.ranking.at(change.at + 1));
      else std::swap(p.statements.at(change.at), p.statements.at(change.at + 1));
      break;
    case Kind::Remove:
      p.statements.erase(p.statements.begin() + static_cast<long>(change.at));
      break;
    case Kind::Merge: {
      auto& upper = p.ranking.at(change.at);
      const auto lower = p.ranking.at(change.at + 1);
      upper.insert(upper.end(), lower.begin(), lower.end());
      p.ranking.erase(p.ranking.begin() + static_cast<long>(change.at) + 1);
      break;
    }
  }
}

void apply_change(Conflict& conflict, const PreferenceChange& change) { apply_change(conflict.preferences.at(change.preferences), change); }

double analysis_work(const Conflict& conflict, std::uint64_t states, Concept solution) {
  const double n = static_cast<double>(states);
  const double ranking = n * static_cast<double>(decision_makers(conflict).size());
  return enumeration_cost(conflict) + ranking + stability_steps(conflict, states, solution == Concept::GMR || solution == Concept::SMR).total();
}

namespace {

// One change, or two to the same list.
struct ChangePair {
  PreferenceChange first;
  std::optional<PreferenceChange> second;
};

// Re-runs the analysis with each change made, on every core (each on its own copy of the
// conflict), and records, in the order of `tried`, the changes that undo each outcome.
void record_undone(const Conflict& conflict, std::size_t start, Concept solution, const std::vector<OutcomeHinges*>& outcomes,
                   const std::vector<ChangePair>& tried) {
  std::vector<std::vector<std::size_t>> after(tried.size());
  parallel_for(tried.size(), 0, [&](std::size_t k) {
    Conflict changed = conflict;
    apply_change(changed, tried[k].first);
    if (tried[k].second) apply_change(changed, *tried[k].second);
    after[k] = outcomes_of(changed, start, solution);
  });
  for (std::size_t k = 0; k < tried.size(); ++k)
    for (OutcomeHinges* outcome : outcomes)
      if (!std::binary_search(after[k].begin(), after[k].end(), outcome->state))
        outcome->breaking.push_back({tried[k].first, tried[k].second, after[k]});
}

}  // namespace

ConflictSensitivity conflict_sensitivity(const Conflict& conflict, Concept solution, double max_steps, bool pairs) {
  const auto changes = single_changes(conflict);
  check_runs(conflict, solution, 1.0 + static_cast<double>(changes.size()), "the preference changes", max_steps);
  ConflictSensitivity out;
  out.solution = solution;
  out.changes = changes.size();
  out.status_quo = start_of(conflict, GraphModel(conflict));
  out.reachable = outcomes_of(conflict, out.status_quo, solution);
  for (std::size_t s : out.reachable) out.outcomes.push_back({s, {}});
  std::vector<OutcomeHinges*> all;
  for (auto& outcome : out.outcomes) all.push_back(&outcome);
  std::vector<ChangePair> singles;
  for (const auto& change : changes) singles.push_back({change, std::nullopt});
  record_undone(conflict, out.status_quo, solution, all, singles);
  std::vector<OutcomeHinges*> unmoved;
  for (auto& outcome : out.outcomes)
    if (outcome.breaking.empty()) unmoved.push_back(&outcome);
  if (!pairs || unmoved.empty()) return out;
  const auto candidates = distinct_pairs(conflict);
  const std::uint64_t states = count_feasible_states(conflict);
  const double one = analysis_work(conflict, states, solution);
  if ((1.0 + static_cast<double>(changes.size() + candidates.size())) * one > max_steps) {
    out.pairs_skipped = true;
    return out;
  }
  out.pairs = candidates.size();
  std::vector<ChangePair> both;
  for (const auto& [first, second] : candidates) both.push_back({first, second});
  record_undone(conflict, out.status_quo, solution, unmoved, both);
  return out;
}

ConflictUncertainty priority_uncertainty(const Conflict& conflict, Concept solution, const PriorityPerturbation& perturbation,
                                         double max_steps) {
  if (!(perturbation.swap_probability >= 0 && perturbation.swap_probability <= 1))
    throw std::invalid_argument("the probability of swapping two adjacent priorities must lie in [0, 1]");
  check_runs(conflict, solution, 1.0 + static_cast<double>(perturbation.samples), "the priority samples", max_steps);
  ConflictUncertainty out;
  out.solution = solution;
  out.perturbation = perturbation;
  const std::size_t start = start_of(conflict, GraphModel(conflict));
  for (std::size_t s : outcomes_of(conflict, start, solution)) out.today.push_back({s, 0});
  std::map<std::size_t, std::size_t> others;
  // Small probabilities give the same lists again and again (with p = 0.1 and 20 pairs, one
  // sample in eight is today's file): each distinct set of lists is analysed once. The draws
  // are made in sample order, the analyses then on every core.
  std::map<std::vector<std::vector<std::vector<std::string>>>, std::size_t> distinct;  // lists → index in `perturbed`
  std::vector<Conflict> perturbed;
  std::vector<std::size_t> sample_lists;  // sample → its index in `perturbed`
  std::mt19937_64 rng(perturbation.seed);
  for (std::size_t sample = 0; sample < perturbation.samples; ++sample) {
    Conflict one = conflict;
    std::vector<std::vector<std::vector<std::string>>> key;
    for (auto& p : one.preferences) {
      if (p.by_ranking) swap_adjacent(p.ranking, perturbation.swap_probability, rng);
      else swap_adjacent(p.statements, perturbation.swap_probability, rng);
      key.push_back(list_key(p));
    }
    const auto [known, fresh] = distinct.emplace(std::move(key), perturbed.size());
    if (fresh) perturbed.push_back(std::move(one));
    sample_lists.push_back(known->second);
  }
  std::vector<std::vector<std::size_t>> outcomes(perturbed.size());
  parallel_for(perturbed.size(), 0, [&](std::size_t k) { outcomes[k] = outcomes_of(perturbed[k], start, solution); });
  for (const std::size_t lists : sample_lists) {
    const auto& after = outcomes[lists];
    if (after.empty()) ++out.without_outcome;
    for (std::size_t s : after) {
      auto today = std::find_if(out.today.begin(), out.today.end(), [&](const OutcomeFrequency& f) { return f.state == s; });
      if (today != out.today.end()) ++today->samples;
      else ++others[s];
    }
  }
  for (const auto& [state, samples] : others) out.others.push_back({state, samples});
  std::stable_sort(out.others.begin(), out.others.end(), [](const auto& a, const auto& b) { return a.samples > b.samples; });
  return out;
}

}  // namespace statecraft
