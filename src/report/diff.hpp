#pragma once
// `statecraft diff A B`: which judgments changed between two versions of a scenario, and how each
// lens's answers changed with them. Both versions are summarized as `analyze` does; the
// differences are kept as plain values, then rendered as text or JSON (docs/diff.md).

#include <optional>
#include <string>
#include <vector>

#include "report/summary.hpp"
#include "scenario/judgment_diff.hpp"

namespace statecraft {

// A model's forecast on an issue that moved: printed differently (4 significant digits), so
// that no rounding noise is listed. Null on one side: the issue or the forecast is missing there.
struct ForecastChange {
  std::string issue;
  std::string model;
  std::optional<double> before, after;
  std::string before_words, after_words;  // with the issue's units and nearest label
};

// Whether a deal is possible under the issue's decision rule; null: decided by every actor (no
// rule, no win set), or the issue is missing in that version.
struct DealChange {
  std::string issue;
  std::optional<bool> before, after;
  std::string decided_by_before, decided_by_after;
  std::string explanation;  // the win set in words, in the new version (the old one when the issue went)
};

// An equilibrium the status quo reaches in one version and not in the other. States are matched
// by the options they take, by id, since the two versions may number their states differently.
struct EquilibriumChange {
  bool gained = false;
  std::vector<std::string> taken;  // option ids
  std::string description;         // by the options' names
  std::vector<std::string> concepts;
  std::string reachability;        // in the version that has it
};

// A game whose solution reads differently: the lines of its findings lost and gained.
struct GameChange {
  std::string game;
  std::string title;
  std::vector<std::string> lost, gained;
};

struct AnswerChanges {
  std::vector<ForecastChange> forecasts;
  std::vector<DealChange> deals;
  std::vector<EquilibriumChange> equilibria;
  // Why the reachable equilibria could not be compared (a conflict missing, or too large for a
  // report); empty when they were.
  std::string equilibria_not_compared;
  std::vector<GameChange> games;
  bool empty() const { return forecasts.empty() && deals.empty() && equilibria.empty() && games.empty(); }
};

struct ScenarioDiff {
  std::string before_file, after_file;
  std::string before_id, after_id;
  std::string title;  // the new version's
  std::vector<JudgmentChange> judgments;
  AnswerChanges answers;
};

AnswerChanges answer_changes(const Scenario& before, const Summary& before_summary, const Scenario& after, const Summary& after_summary);

// Summarizes both versions (each as `analyze` would) and compares them.
ScenarioDiff diff_scenarios(const Scenario& before, const Scenario& after, const std::string& before_file, const std::string& after_file);

std::string render_diff_text(const ScenarioDiff& diff);
std::string render_diff_json(const ScenarioDiff& diff);  // keys documented in docs/diff.md

}  // namespace statecraft
