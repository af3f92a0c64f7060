#pragma once
// The conflict lens's report: the table analysts know from GMCR tools (each feasible state's
// options, every decision maker's ranking and stability, equilibria flagged), equilibria in
// words, and how the conflict can get there from its status quo.
//
// A conflict can have millions of states, so the report keeps the analysis (a few bytes per
// state) and builds a state's row only when it is written: the summary lists the equilibria, and
// the full per-state listing is streamed when asked for.

#include <array>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "conflict/uncertain.hpp"
#include "conflict/graph_model.hpp"
#include "scenario/model.hpp"
#include "scenario/work.hpp"

namespace statecraft {

struct StabilityRow {
  std::size_t number = 0;  // 1-based, in ascending order of the state's bits (gmcr-py's numbering)
  StateBits bits = 0;
  std::string pattern;     // Y/N per option, in option order
  std::string meaning;     // "USA: sanctions; RUS: nothing" (ids)
  std::string description;  // the same in the options' names (describe_state)
  std::vector<std::size_t> place;                // per decision maker: 1 = most preferred (ties share)
  std::vector<std::array<bool, concept_count>> stable;  // per decision maker, per concept (Nash, GMR, SMR, SEQ, SIM)
  std::array<bool, concept_count> equilibrium{};
  std::optional<std::vector<std::string>> path;  // from the status quo, by ids; empty = it is the status quo
  std::optional<std::vector<std::string>> named_path;  // the same moves by the options' names
  std::vector<std::string> movers;                // who moves on that path, in order of first move
  // When there is a status quo and the path is missing: why it cannot be reached, in words.
  std::vector<std::string> unreachable_because;
};

struct CoalitionReport {
  std::vector<std::string> members;
  std::vector<std::size_t> nash_equilibria;  // row numbers: no coalitional improvement, Nash for the others
  std::vector<std::size_t> seq_equilibria;   // every coalitional improvement answered, SEQ for the others
  std::vector<std::string> from_status_quo;  // where the coalition can move together from the status quo
};

// What a stability analysis may cost before it is refused (WorkTooLarge), and who watches it.
struct StabilityBudget {
  std::uint64_t max_states = default_max_states;
  double max_steps = default_max_steps;
  Progress progress;
};

class StabilityAnalysis;

struct StabilityReport {
  std::vector<std::string> options;        // ids
  std::vector<std::string> decision_makers;
  std::optional<std::size_t> status_quo;   // state index
  std::size_t state_count = 0;
  std::array<std::size_t, concept_count> equilibrium_counts{};  // per concept
  std::string not_analysed;  // why SIM was not analysed (StabilityTable::simultaneous_skipped), or empty
  bool analysed(Concept c) const { return c != Concept::SIM || not_analysed.empty(); }
  std::optional<CoalitionReport> coalition;

  StabilityRow row(std::size_t state) const;
  // Equilibria under a concept, as state indices in ascending order, at most `limit` of them.
  std::vector<std::size_t> equilibria(Concept c, std::size_t limit = SIZE_MAX) const;

  std::shared_ptr<const StabilityAnalysis> analysis;  // what rows are built from
};

// `coalition`: actor ids of decision makers analysed as moving together (empty: none). Throws
// WorkTooLarge, before the work starts, when the conflict's states or the moves the analysis
// examines would pass the budget.
StabilityReport stability_report(const Conflict& conflict, const std::vector<std::string>& coalition = {}, const StabilityBudget& budget = {});

// The equilibria under any concept, at most `limit` rows: those reachable from the status quo
// first, then the robust ones (stable under more concepts), then the nearest.
std::vector<StabilityRow> ranked_equilibria(const StabilityReport& report, std::size_t limit);
// At most so many of each group, the reachable ones first.
std::vector<StabilityRow> ranked_equilibria(const StabilityReport& report, std::size_t reachable_limit, std::size_t unreachable_limit);

// One move on a path from the status quo: who moves, from which state to which (state indices).
struct PathMove {
  std::string mover;
  std::size_t from = 0, to = 0;
};
// The paths from the status quo to the reachable equilibria ranked_equilibria puts first, at most
// `limit` of them; empty when the conflict has no status quo.
std::vector<std::vector<PathMove>> paths_to_reachable(const StabilityReport& report, std::size_t limit);

// "USA: go to war with North Korea; RUS, PRK: none [state 10]"
std::string named_state(const StabilityRow& row);
// "reached from the status quo in 1 move, by RUS: ...", "it is the status quo", or "not reachable
// from the status quo: ..."
std::string reachability_in_words(const StabilityRow& row);
// An equilibrium's row for a summary: ids (state, meaning, path_from_status_quo) and the same in
// words (description, reachable, named_path_from_status_quo, movers, unreachable_because, reachability).
nlohmann::json equilibrium_json(const StabilityRow& row);

// Text: equilibria with their meaning and path; the full tableau too when asked.
// JSON: the summary, and every state's row when `listing`. CSV: one line per state.
void write_stability_text(std::ostream& out, const StabilityReport& report, bool full_table);
void write_stability_json(std::ostream& out, const StabilityReport& report, const std::string& scenario_id, bool listing);
void write_stability_csv(std::ostream& out, const StabilityReport& report);

// The inverse question (conflict/inverse.hpp): the fewest changes to the decision makers'
// preferences that would make `state` (an index) an equilibrium under `c`, in words and as JSON.
// Throws WorkTooLarge past the search's limit.
std::string render_make_stable_text(const StabilityReport& report, std::size_t state, Concept c);

// Each state's probability of being an equilibrium when preferences are uncertain
// (conflict/uncertain.hpp), the likeliest first.
std::string render_uncertain_text(const StabilityReport& report, const UncertainStability& u);
nlohmann::json uncertain_json(const UncertainStability& u);
nlohmann::json make_stable_json(const StabilityReport& report, std::size_t state, Concept c);

// Below this many states the text has the tableau and the JSON every state unless asked not to
// (and both only when asked above it).
inline constexpr std::size_t tableau_by_default = 16, json_listing_by_default = 4096;
// Each concept's equilibria are listed by number up to this many; the rest are counted.
inline constexpr std::size_t listed_equilibria = 20;

}  // namespace statecraft
