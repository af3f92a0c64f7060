#pragma once
// The brief: one report for a reader who is not a modeller, computed once as a value from every
// lens and then written as HTML, Markdown or text by writers that hold no analysis.
//
// It leads with the bottom line (what is likely on each issue and in the standoff, who decides,
// how sure the tool is and why), then each issue's forecasts with their Monte Carlo intervals,
// what the answer hangs on, the conflict's reachable outcomes, the games, and the evidence: every
// judgment with the note and source the file gives it.

#include <optional>
#include <string>
#include <vector>

#include "report/hinge.hpp"
#include "report/summary.hpp"
#include "scenario/model.hpp"

namespace statecraft {

struct BriefForecast {
  std::string model;
  std::optional<double> position;
  std::optional<double> p05, p95;  // the Monte Carlo's 5 % and 95 % quantiles
  std::string label;               // the issue's label nearest the forecast; may be empty
  bool moved = false;              // kept in what the deciders accept (the model's own point lay outside)
};

struct BriefMark {
  std::string actor;  // id
  std::string name;
  double position = 0;
};

struct BriefIssue {
  std::string id;
  std::string name;
  std::string units;
  double low = 0, high = 0;
  std::vector<std::pair<double, std::string>> labels;  // point → text, ascending
  std::optional<double> status_quo;
  std::string status_quo_words;
  std::string decided_by;
  bool has_rule = false;
  std::optional<bool> deal_possible;  // under a rule
  std::vector<std::string> blockers;  // ids, when no deal is possible
  std::optional<std::pair<double, double>> win_set;  // what the deciders accept, when a deal is possible
  std::vector<BriefMark> deciders;    // their positions, under a rule
  std::optional<double> agreement;    // P(agreement), under a rule
  std::vector<BriefForecast> forecasts;
  std::string bottom_line;  // one plain sentence
};

// One judgment of the file, with its reason.
struct Evidence {
  std::string lens;      // spatial, conflict, games
  std::string judgment;  // "RUS's position on ceasefire"
  std::string value;     // as written
  std::string note;
  std::string source;
  Location at;
  bool decisive = false;  // among what the answer hangs on
};

// A coded event of the articles beside the option it bears on (statecraft brief --articles).
struct BriefNewsEvent {
  std::string option;   // its id
  std::string name;     // the option's name
  bool in_status_quo = false;
  std::string verdict;  // supports, contradicts, mentions
  std::string citation;  // ev:SOURCE:N
  std::string event;     // in words: "PRKGOV: Demonstrate military or police power [150], negated"
  std::string sentence;
};

struct BriefOutcome {
  std::string description;  // by the options' names
  std::string path;         // how the status quo gets there, or why it cannot, in words
  std::vector<std::string> moves;   // reachable: the moves from the status quo, by the options' names
  std::vector<std::string> movers;
  std::vector<std::string> concepts;  // the stability concepts under which it is stable
};

// Consecutive outcomes with the same `path` (unreachable ones: the same reason), so that a
// writer says the reason once.
std::vector<std::vector<const BriefOutcome*>> by_reason(const std::vector<BriefOutcome>& outcomes);

struct BriefConflict {
  std::string status_quo;
  std::vector<BriefOutcome> reachable;
  std::vector<BriefOutcome> unreachable;  // path holds the reason it cannot be reached
  std::string skipped;                    // why there is no analysis, when there is none
};

// A node of a game tree as the brief draws it, children by index into BriefGame::tree.
struct BriefTreeNode {
  std::string label;    // decision: the player; chance: "chance"; terminal: the payoffs, "5, 3"
  std::string move;     // the move from the parent that leads here; empty at the root
  std::string name;     // the node's name in the file; may be empty
  std::vector<std::size_t> children;
  bool on_play = false;  // on the subgame-perfect play (the first, when ties leave several), or the first perfect Bayesian equilibrium's
  std::string information_set;  // decision nodes: the mover and its set; nodes that share it cannot be told apart
  bool empty_threat = false;  // the move here is a threat its mover would not carry out
  std::string probability;    // below a chance node: the move's probability, as written
};

struct BriefGame {
  std::string id, title, form;
  std::vector<std::string> players;
  std::string solution;               // in the file's words (game_solution_words); may be empty
  std::vector<std::string> findings;  // the solvers' results, one per line
  // Strategic games with two players: the payoff table, rows the first player's strategies.
  std::vector<std::string> row_strategies, column_strategies;
  std::vector<std::vector<std::string>> cells;  // "3, 2"
  std::vector<std::vector<bool>> equilibrium;   // cells that are pure equilibria
  std::vector<BriefTreeNode> tree;              // extensive games: the root first
  bool bayesian_play = false;                   // the tree's play is a perfect Bayesian equilibrium's (it has information sets)
};

struct BriefSource {
  std::string id, title, author, outlet, date, url;
};

struct Brief {
  std::string id, title, date, summary;
  std::vector<std::string> bottom_line;  // sentences, the first the standoff as a whole
  std::vector<BriefIssue> issues;
  std::size_t samples = 0;     // of the Monte Carlo intervals (P(agreement) is the summary's, agreement_samples())
  std::string perturbation;    // what the samples perturbed, in words
  std::vector<Hinge> hangs_on;
  std::string hangs_on_skipped;
  std::optional<BriefConflict> conflict;
  std::vector<BriefGame> games;
  std::vector<Evidence> evidence;
  std::vector<BriefNewsEvent> news;  // empty unless articles were coded; contradictions first
  std::vector<BriefSource> sources;
  std::vector<Term> methods;
};

// The Monte Carlo's samples for the intervals: enough for a 5-95 % band to settle within a few
// points, few enough that the brief of a seed scenario takes well under two seconds.
inline constexpr std::size_t brief_samples = 200;

Brief make_brief(const Scenario& scenario);
// The same from the report analyze has computed already (`summary` is summarize(scenario)'s).
Brief make_brief(const Scenario& scenario, const Summary& summary);

// The writers. HTML is one self-contained page: inline CSS and SVG, no script, no request. JSON
// is the value itself (docs/schema/brief.schema.json).
std::string render_brief_html(const Brief& brief);
std::string render_brief_json(const Brief& brief);
std::string render_brief_markdown(const Brief& brief);
std::string render_brief_text(const Brief& brief);

}  // namespace statecraft
