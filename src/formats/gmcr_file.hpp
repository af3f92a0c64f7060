#pragma once
// The save files of gmcr-py and GMCR+ (University of Waterloo): JSON with `options` (name,
// permittedDirection fwd|back|both), `infeasibles` (conjunctions of [option, "Y"|"N"]),
// `decisionMakers` (name, options, prioritised `preferences`, or a manual `preferenceRanking` /
// legacy `preferenceVector` of state numbers with ties as nested lists, used when the file's
// useManualPreferenceRanking / useManualPreferenceVectors is true).
//
// State numbers are gmcr-py's: the feasible states in ascending order of Σ 2^i over the taken
// options i (option 0 = bit 0), counted from 1. statecraft's state bits are the same, so gmcr-py's
// state k is the k-th feasible state of statecraft in that order.

#include <optional>
#include <string>
#include <string_view>

#include "scenario/diagnostics.hpp"
#include "scenario/model.hpp"

namespace statecraft {

// Files whose lists and objects nest deeper than this are refused before they are parsed (with
// the place where it happens). gmcr-py writes about six levels, and each compound condition inside
// another adds two; the bound keeps every step of reading far from the limits of the call stack.
inline constexpr int max_gmcr_nesting = 4096;

// Every problem is reported at its FILE:LINE:COL; nothing is thrown.
std::optional<Scenario> read_gmcr_file(std::string_view text, const std::string& id, Diagnostics& diagnostics);

}  // namespace statecraft
