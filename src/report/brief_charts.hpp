#pragma once
// The brief's charts, as standalone SVG: each with a title, its units and a caption naming the
// scenario's date and sources, labels placed apart before they are drawn.

#include <string>

#include "report/brief.hpp"

namespace statecraft {

// "Alaska 2025 · as of 2025-08-13 · sources: wex": under every chart, so that a pasted chart
// still says what it shows.
std::string chart_caption(const Brief& brief);
std::string chart_caption(const Scenario& scenario);

// One row per model: its forecast as a dot on the issue's own scale and its Monte Carlo 5–95 %
// interval as a bar; the status quo as a dashed line, the deciders' positions as triangles, the
// labels as ticks and the units under the axis.
std::string issue_chart_svg(const BriefIssue& issue, const std::string& caption);

// What the answer hangs on as a tornado: one bar per judgment, its margin as a share of the
// judgment's range, the most fragile on top.
std::string hinge_chart_svg(const std::vector<Hinge>& hinges, const std::string& caption);

// A game tree, top down: decision nodes by their player, moves on the edges, payoffs at the leaves,
// the subgame-perfect play drawn heavy. Empty when the game has no tree.
std::string game_tree_svg(const BriefGame& game, const std::string& caption);

// A path from the status quo to a reachable outcome: boxes for the two states, the moves between.
std::string outcome_path_svg(const std::string& status_quo, const BriefOutcome& outcome, const std::string& caption);

}  // namespace statecraft
