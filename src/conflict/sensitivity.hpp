#pragma once
// How far a conflict's outcome rests on the decision makers' priorities. An outcome here is a
// reachable equilibrium: a state stable for every decision maker (under one solution concept)
// that the status quo leads to by unilateral improvements (Li, Hipel, Kilgour & Fang 2004).
//
// - conflict_sensitivity: the smallest changes to one decision maker's preferences (two adjacent
//   priority statements swapped, or one removed; in an explicit ranking two adjacent tie groups
//   swapped or merged) after which an outcome is no longer one: single changes, and for an
//   outcome none of them undoes, two changes to the same list. Defined by brute force: the
//   analysis is re-run on each changed preference, so it agrees with the analysis by
//   construction.
// - priority_uncertainty: the same analysis over random priorities, adjacent statements swapped
//   with a probability, and how often each outcome survives.

#include <cstdint>
#include <optional>
#include <vector>

#include "conflict/evolution.hpp"
#include "conflict/graph_model.hpp"
#include "scenario/model.hpp"

namespace statecraft {

struct PreferenceChange {
  enum class Kind {
    Swap,    // entry `at` moved below entry at + 1 (statements, or tie groups of a ranking)
    Remove,  // statement `at` dropped
    Merge,   // tie groups `at` and at + 1 of a ranking made one
  };
  Kind kind = Kind::Swap;
  std::size_t preferences = 0;  // index into Conflict::preferences
  std::size_t at = 0;
  std::size_t length = 0;  // statements (or tie groups) in that list: a change's margin is 1 / length
};

// Every single change to every decision maker's preferences: per list of k statements k − 1
// swaps and k removals (none when k = 1: a list needs a statement); per ranking of k groups
// k − 1 swaps and k − 1 merges. Listed by preference list, swaps before removals or merges,
// from the top.
std::vector<PreferenceChange> single_changes(const Conflict& conflict);
// The same for one list, `index` into Conflict::preferences.
std::vector<PreferenceChange> single_changes(const Preferences& list, std::size_t index);
void apply_change(Preferences& list, const PreferenceChange& change);
void apply_change(Conflict& conflict, const PreferenceChange& change);

// Work of one analysis of the conflict for `solution`'s equilibria: listing and ranking the
// states, stability (equilibria()), the paths.
double analysis_work(const Conflict& conflict, std::uint64_t states, Concept solution);

struct ChangeEffect {
  PreferenceChange change;
  // A second change to the same list, its place counted in the list after the first.
  std::optional<PreferenceChange> then;
  std::vector<std::size_t> reachable_after;  // the reachable equilibria once it is made
  std::size_t size() const { return then ? 2 : 1; }
};

struct OutcomeHinges {
  std::size_t state = 0;
  // The smallest changes after which it is no longer a reachable equilibrium: the single ones,
  // or when there are none the pairs.
  std::vector<ChangeEffect> breaking;
};

struct ConflictSensitivity {
  Concept solution = Concept::SEQ;
  std::size_t status_quo = 0;
  std::vector<std::size_t> reachable;  // today's reachable equilibria
  std::vector<OutcomeHinges> outcomes;  // one per reachable equilibrium, in the same order
  std::size_t changes = 0;              // single changes tried
  std::size_t pairs = 0;                // pairs of changes tried (distinct lists, none equal to a single change's)
  bool pairs_skipped = false;           // pairs were wanted but past the budget
};

// Throws std::invalid_argument when the conflict has no feasible status quo (nothing is reachable
// without one), WorkTooLarge, before any work, when changes × analysis_work passes `max_steps`.
// Pairs are tried (when `pairs` and some outcome survives every single change) within what is
// left of the budget, and skipped past it.
ConflictSensitivity conflict_sensitivity(const Conflict& conflict, Concept solution, double max_steps, bool pairs = true);

// Priorities perturbed at random: in every decision maker's list, from the top, each statement is
// swapped with the one below it with probability `swap_probability` (independently, in one pass,
// so a statement sinks m places with probability p^m); in an explicit ranking, tie groups
// likewise. The draws come from a 64-bit Mersenne Twister seeded with `seed`, one uniform number
// (53 bits) per adjacent pair, so a seed gives the same samples on every platform.
struct PriorityPerturbation {
  double swap_probability = 0.1;
  std::size_t samples = 100;  // a share's standard error is then at most 5 points
  std::uint64_t seed = 1;
};

struct OutcomeFrequency {
  std::size_t state = 0;
  std::size_t samples = 0;  // samples in which it is a reachable equilibrium
};

struct ConflictUncertainty {
  Concept solution = Concept::SEQ;
  PriorityPerturbation perturbation;
  std::vector<OutcomeFrequency> today;   // today's reachable equilibria, in state order
  std::vector<OutcomeFrequency> others;  // states that became reachable equilibria, most frequent first
  std::size_t without_outcome = 0;       // samples with no reachable equilibrium at all
};

// Same preconditions and refusals as conflict_sensitivity, the work being samples × analysis_work.
ConflictUncertainty priority_uncertainty(const Conflict& conflict, Concept solution, const PriorityPerturbation& perturbation,
                                         double max_steps);

}  // namespace statecraft
