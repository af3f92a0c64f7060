#pragma once
// The conflict lens's report: the table analysts know from GMCR tools (each feasible state's
// options, every decision maker's ranking and stability, equilibria flagged), equilibria in
// words, and how the conflict can get there from its status quo.

#include <array>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "conflict/graph_model.hpp"
#include "scenario/model.hpp"

namespace statecraft {

struct StabilityRow {
  std::size_t number = 0;  // 1-based, in ascending order of the state's bits (gmcr-py's numbering)
  StateBits bits = 0;
  std::string pattern;     // Y/N per option, in option order
  std::string meaning;     // "USA: sanctions; RUS: nothing"
  std::vector<std::size_t> place;                // per decision maker: 1 = most preferred (ties share)
  std::vector<std::array<bool, 4>> stable;        // per decision maker, per concept (Nash, GMR, SMR, SEQ)
  std::array<bool, 4> equilibrium{};
  std::optional<std::vector<std::string>> path;  // from the status quo, in words; empty = it is the status quo
};

struct CoalitionReport {
  std::vector<std::string> members;
  std::vector<std::size_t> nash_equilibria;  // row numbers: no coalitional improvement, Nash for the others
  std::vector<std::size_t> seq_equilibria;   // every coalitional improvement answered, SEQ for the others
  std::vector<std::string> from_status_quo;  // where the coalition can move together from the status quo
};

struct StabilityReport {
  std::vector<std::string> options;        // ids
  std::vector<std::string> decision_makers;
  std::optional<std::size_t> status_quo;   // row index
  std::vector<StabilityRow> rows;
  std::optional<CoalitionReport> coalition;
};

// `coalition`: actor ids of decision makers analysed as moving together (empty: none).
StabilityReport stability_report(const Conflict& conflict, const std::vector<std::string>& coalition = {});

// The equilibria under any concept: the robust ones (stable under more concepts) first, then
// those reachable from the status quo, nearest first.
std::vector<const StabilityRow*> ranked_equilibria(const StabilityReport& report);

// Equilibria with their meaning and path; the full table too when asked or when it is small.
std::string render_stability_text(const StabilityReport& report, bool full_table);
nlohmann::json stability_json(const StabilityReport& report);
std::string stability_csv(const StabilityReport& report);

}  // namespace statecraft
