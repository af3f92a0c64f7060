#pragma once
// The conflict lens's part of `statecraft sensitivity` and of "What the answer hangs on": for each
// outcome the status quo leads to, the single changes to one decision maker's priorities that
// undo it (conflict/sensitivity.hpp), in words, and how often it survives priorities perturbed at
// random.

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "conflict/graph_model.hpp"
#include "conflict/sensitivity.hpp"
#include "report/hinge.hpp"
#include "scenario/model.hpp"

namespace statecraft {

struct ConflictSensitivitySettings {
  // Outcomes are equilibria under this concept: sequential stability, where a sanction counts
  // only if the sanctioner gains by it (Fang, Hipel & Kilgour 1993, ch. 4).
  Concept solution = Concept::SEQ;
  PriorityPerturbation perturbation;  // swap probability 0.1, 100 samples, seed 1
  // Whether outcomes no single change undoes are tried against pairs of changes to one list
  // (five to six times the work: Alaska's conflict 0.5 s against 0.08 s).
  bool pairs = true;
  // The budget of each of the two analyses (changes, samples), in the steps analysis_work counts,
  // as analyze's own stability budget: a seed scenario takes a few hundredths of a second.
  // Larger conflicts are skipped with the reason.
  double max_steps = 1e8;
};

// analyze's settings: single changes only, which keeps the lens to a tenth of a second on a seed
// scenario; a pair's margin (2/k) seldom ranks among the most decisive judgments anyway.
inline ConflictSensitivitySettings single_change_settings() {
  ConflictSensitivitySettings settings;
  settings.pairs = false;
  return settings;
}

// Both analyses of one conflict, each run once, or why each was not run: what the hinges, the
// text and the JSON below are written from.
struct ConflictSensitivityReport {
  const Conflict& conflict;
  ConflictSensitivitySettings settings;
  std::unique_ptr<GraphModel> model;  // names the states; null when the analysis was skipped
  std::optional<ConflictSensitivity> sensitivity;
  std::optional<ConflictUncertainty> uncertainty;  // absent when not asked for or skipped
  std::string skipped, uncertainty_skipped;
};

// The changes analysis, and with `perturb` the perturbation too; either is skipped, with the
// reason, past its budget or when the conflict has no feasible status quo.
ConflictSensitivityReport conflict_sensitivity_report(const Conflict& conflict, const ConflictSensitivitySettings& settings = {},
                                                      bool perturb = true);

// One hinge per (outcome, change that undoes it); margin = changes / the length of the changed
// list (one swap among 3 statements is 1/3). Each carries the changed statement's note, source
// and place (for a ranking, the level's first state's place). Empty when the scenario has no
// conflict, no status quo, or the analysis is past its budget.
std::vector<Hinge> conflict_hinges(const ConflictSensitivityReport& report);
std::vector<Hinge> conflict_hinges(const Scenario& scenario, const ConflictSensitivitySettings& settings = single_change_settings());

// The `--lens conflict` section: text (ending in a newline; empty when there is no conflict) and
// JSON (null when there is no conflict); keys in docs/models/stability.md.
std::string render_conflict_sensitivity_text(const ConflictSensitivityReport& report);
std::string render_conflict_sensitivity_text(const Scenario& scenario, const ConflictSensitivitySettings& settings = {});
nlohmann::json render_conflict_sensitivity_json(const ConflictSensitivityReport& report);
nlohmann::json render_conflict_sensitivity_json(const Scenario& scenario, const ConflictSensitivitySettings& settings = {});

}  // namespace statecraft
