#pragma once
// Reading the layout of the Decision-making in the European Union data sets (DEU I/II;
// Thomson, Stokman, Achen & König 2006; Thomson et al. 2012; DEU III, Arregui & Perarnaud
// 2021): tab- or semicolon-separated, a header row, one row per issue; columns p<actor> and
// s<actor> hold positions and saliences on 0..100 (999 or empty: missing), `rp` the reference
// point and `out` the real outcome. The DEU codebook's metadata are read and kept: `isnr` (or
// `id`, `issue`) names the issue, `prnr` and `prname` its proposal, `type` the legal act,
// `council` the Council configuration, `proc` the procedure (COD co-decision, CNS
// consultation), `counvte` the Council's voting rule (QMV or unanimity), `intro` and `finact`
// the dates. Those columns begin with 'p' without being positions: only a p-column with an
// s-column beside it is an actor's.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bargaining/backtest.hpp"
#include "bargaining/eu_procedure.hpp"
#include "bargaining/spatial.hpp"
#include "scenario/diagnostics.hpp"

namespace statecraft {

struct DeuIssue {
  BargainingIssue issue;  // scale 0..100, status quo = the reference point, saliences in [0, 1]
  std::optional<double> outcome;
  // The codebook's metadata; empty where the file has no such column.
  std::string proposal;       // prnr, e.g. d00060; the issue's own id when the file has none
  std::string proposal_name;  // prname
  std::string legal_type;     // type: Reg, Dir, Dec
  std::string council;        // the Council configuration
  LegislativeProcedure procedure = LegislativeProcedure::unknown;  // proc
  CouncilVote council_vote = CouncilVote::unknown;                 // counvte: QMV, QMV(n), Unan
  std::string introduced, final_act;  // as written (DD-MM-YY; 999 missing)
  int line = 0;

  // The procedural model's view: decided in the month of the final act, else of the proposal.
  EuLegislation legislation() const;
};

struct DeuData {
  std::vector<std::string> actors;  // in header order
  std::vector<DeuIssue> issues;
  // The proposals in the order they first appear, each with its issues' indices: joint models
  // and cross-validation work proposal by proposal.
  std::vector<std::pair<std::string, std::vector<std::size_t>>> proposals() const;
};

// Capabilities by actor; actors not listed get capability 1. A position without a salience is
// kept, with a warning, at salience 0: the expert put the actor on record without saying how much
// it cared, so the salience-weighted models give it no weight, while the procedural models, which
// count votes, still count where it stands. This is the rule of the published figures (compromise
// 23.6, median 28.4 on the whole of DEU III), which the mean of its peers' saliences moves
// (23.37 and 27.73 against 23.43 and 27.04 on the training half).
std::optional<DeuData> read_deu(std::string_view text, const std::map<std::string, double>& capabilities,
                                Diagnostics& diagnostics);

// The data set as a backtest's cases: every issue with a stance, its proposal as its group (so a
// proposal's issues run together), its outcome when recorded, its EU procedure.
std::vector<BacktestCase> backtest_cases(const DeuData& data);

// "actor,capability" per line; a first line whose capability is not a number is a header.
std::map<std::string, double> read_capabilities(std::string_view text, Diagnostics& diagnostics);

}  // namespace statecraft
