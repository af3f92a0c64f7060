#pragma once
// The analyst's report on a scenario: what it holds and the first forecasts. Built as plain
// values by summarize(), then rendered as text or JSON; later lenses add their sections.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bargaining/uncertainty.hpp"
#include "report/forecast_table.hpp"
#include "report/hinge.hpp"
#include "report/stability_report.hpp"
#include "scenario/model.hpp"

namespace statecraft {

struct ActorSummary {
  std::string id;
  std::string name;
  std::string leader;
  double capability = 0;
  double share = 0;  // of the scenario's total capability
};

struct StanceSummary {
  std::string actor;
  double position = 0;
  double salience = 0;
  double capability = 0;  // effective on this issue
};

struct IssueSummary {
  std::string id;
  std::string name;
  double low = 0;
  double high = 0;
  std::optional<double> status_quo;
  std::vector<StanceSummary> stances;
  std::string units;
  std::string status_quo_words;  // with units and the nearest label
  std::string decided_by;        // in words, also when the file gives no rule
  std::vector<std::string> deciders;  // ids; empty: every actor
};

struct DecisionMakerSummary {
  std::string actor;
  std::vector<std::string> options;       // ids
  std::vector<std::string> option_names;  // the same options by name
  std::string preferences;  // "4 prioritised statements" or "explicit ranking of 12 states"
};

struct ConflictSummary {
  std::size_t options = 0;
  std::vector<DecisionMakerSummary> decision_makers;
  std::uint64_t states = 0;                   // 2^options
  std::optional<std::uint64_t> feasible_states;  // when enumerable
  std::vector<std::string> status_quo;
  std::string status_quo_description;  // by the options' names (describe_state)
};

struct GameSummary {
  std::string id;
  std::string title;
  std::string form;  // "strategic", "extensive", "file"
  std::vector<std::string> players;
  std::string shape;  // "2x3", "tree: 9 nodes, 5 outcomes", "pd.nfg"
  std::vector<std::string> findings;  // the solvers' results in words, one per line
};

// A model or concept the report uses, in one plain sentence with its citation: the report
// explains each once, at its end.
struct Term {
  std::string name, sentence, citation;
};

struct LensSummary {
  std::string name;  // spatial, conflict, games
  bool has_data = false;
  std::string holds;  // one line on what the scenario gives this lens
};

struct Summary {
  std::string id;
  std::string title;
  std::string date;
  std::string summary;
  std::vector<ActorSummary> actors;
  std::vector<IssueSummary> issues;
  ForecastTable forecasts;  // every bargaining model on every issue
  // Issues with a decision rule: the chance of agreement from agreement_samples() samples with the
  // default jitter (win sets only, no model runs: milliseconds).
  std::vector<AgreementChance> agreement;
  std::optional<ConflictSummary> conflict;
  std::optional<StabilityReport> stability;  // when the conflict is within analyze_budget()
  std::string stability_skipped;             // otherwise, why (WorkTooLarge's message)
  std::vector<GameSummary> games;
  // What the answer hangs on: the judgments whose least change alters a conclusion, across
  // lenses, smallest margin first (summary_hinge_count, at most summary_hinges_per_lens from one lens).
  std::vector<Hinge> hangs_on;
  std::string hangs_on_skipped;  // why not, when the analysis was refused (WorkTooLarge's message)
  std::vector<LensSummary> lenses;
  std::vector<Term> terms;  // the models and concepts the report uses
  // The brief's bottom line (report/brief.hpp), which the writers put first; empty unless the
  // caller adds it (it needs the brief's Monte Carlo).
  std::vector<std::string> bottom_line;
};

// The conflict lens's budget in a report: work of about a second at most; larger conflicts are
// left to `statecraft stability`, which shows its progress.
StabilityBudget analyze_budget();
// The equilibria the report names: the reachable ones first, then those the status quo cannot
// reach (each group its robust ones first).
inline constexpr std::size_t summary_reachable = 4, summary_unreachable = 3;

// The samples of the report's chance of agreement, seed 1 and the default jitter.
UncertaintySettings agreement_samples();

// What a summary leaves out on request. The hinges re-run every lens dozens of times (a second on
// a seed scenario, ten under a fuzzer's sanitizers): a caller that only renders the rest says so.
struct SummaryParts {
  bool hangs_on = true;
};

Summary summarize(const Scenario& scenario, const SummaryParts& parts = {});

std::string render_text(const Summary& summary);
std::string render_json(const Summary& summary);  // keys documented in docs/analyze-json.md
nlohmann::json models_json();  // name, title and citation of every bargaining model

}  // namespace statecraft
