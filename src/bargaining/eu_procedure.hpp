#pragma once
// A procedural model of EU legislation on one issue: who may propose, who must agree, and so where
// an issue can end (Steunenberg 1994, "Decision making under different institutional
// arrangements", JITE 150; Tsebelis & Garrett 2000, "Legislative politics in the European Union",
// EUP 1; the procedural models of Thomson et al. 2006, The European Union Decides, ch. 5-6).
//
// On a line with the status quo q (DEU's reference point) and symmetric preferences:
// 1. The Council's win set of q. Going right, the members preferring x > q to q are those beyond
//    (x + q)/2, so the states win over q up to 2·r − q, r the position of the member whose
//    arrival, taking members from the right, first makes a winning coalition under the Council's
//    rule of the day (src/bargaining/eu_council.hpp); going left, likewise with l from the left.
//    q between r and l lies in the Council's core: nothing passes. Members without a position are
//    left out and the thresholds scale to those placed (restricted_to).
// 2. Co-decision: the Parliament must accept too, so the win set is cut to points it prefers to q.
// 3. Who chooses within it. Consultation: the Commission, the agenda setter, proposes the point
//    it likes best that the Council accepts and cannot amend (amending needs unanimity, so the
//    point lies between the Council's outermost members). Co-decision (Tsebelis & Garrett's
//    "co-decision II"): the Commission's monopoly is gone and the conciliation committee splits
//    the difference between the Parliament and the Council's pivotal member (r or l, whichever
//    bounds the win set), kept in the win set.
// Without a reference point there is no win set: the Council's core [r, l] stands for it, and
// the same choice is made within it.

#include <optional>
#include <string>

#include "bargaining/eu_council.hpp"
#include "bargaining/spatial.hpp"

namespace statecraft {

struct EuLegislation {
  LegislativeProcedure procedure = LegislativeProcedure::unknown;  // unknown: consultation
  CouncilVote vote = CouncilVote::unknown;
  std::optional<YearMonth> decided;  // the final act's month, else the proposal's
  std::string commission = "com", parliament = "ep";  // the actors' ids; the others are states
};

struct ProcedureSolution {
  std::optional<double> position;  // empty: no member state has a position
  double low = 0, high = 0;        // the set chosen from: the win set, or the Council's core
  std::string explanation;
};

ProcedureSolution eu_procedure(const BargainingIssue& issue, const EuLegislation& legislation);

}  // namespace statecraft
