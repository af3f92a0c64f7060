#include "report/brief.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "bargaining/uncertainty.hpp"
#include "games/backward_induction.hpp"
#include "games/from_scenario.hpp"
#include "games/perfect_bayesian.hpp"
#include "games/sensitivity.hpp"
#include "report/game_words.hpp"
#include "report/games_report.hpp"
#include "report/games_sensitivity.hpp"
#include "report/issue_words.hpp"
#include "scenario/rational.hpp"
#include "scenario/types.hpp"

namespace statecraft {
namespace {

std::string actor_name(const Scenario& scenario, const std::string& id) {
  for (const auto& a : scenario.actors)
    if (a.id == id) return a.name.empty() ? id : a.name;
  return id;
}

std::vector<std::string> actor_names(const Scenario& scenario, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const auto& id : ids) names.push_back(actor_name(scenario, id));
  return names;
}

// "A", "A and B", "A, B and C".
std::string and_list(const std::vector<std::string>& items) {
  if (items.size() < 2) return items.empty() ? "" : items[0];
  return fmt::format("{} and {}", fmt::join(items.begin(), items.end() - 1, ", "), items.back());
}

std::vector<std::string> ids_of(const std::vector<BriefMark>& marks) {
  std::vector<std::string> ids;
  for (const auto& m : marks) ids.push_back(m.actor);
  return ids;
}

std::string percent(double share) { return fmt::format("{:.0f} %", 100 * share); }

// The forecasts' middle in words: the label most models land nearest, and how many do.
std::string where_models_land(const BriefIssue& issue) {
  std::map<std::string, std::size_t> by_label;
  std::size_t forecasting = 0;
  for (const auto& f : issue.forecasts)
    if (f.position) ++forecasting, ++by_label[f.label.empty() ? fmt::format("{:.4g}", *f.position) : f.label];
  if (forecasting == 0) return "no model gives a forecast";
  const auto most = std::max_element(by_label.begin(), by_label.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (most->second == forecasting) return fmt::format("every model lands nearest \u201c{}\u201d", most->first);
  double low = INFINITY, high = -INFINITY;
  for (const auto& f : issue.forecasts)
    if (f.position) low = std::min(low, *f.position), high = std::max(high, *f.position);
  return fmt::format("{} of {} models land nearest \u201c{}\u201d, all of them between {:.4g} and {:.4g}", most->second, forecasting, most->first,
                     low, high);
}

std::string issue_bottom_line(const Scenario& scenario, const Issue& written, const BriefIssue& issue) {
  std::string who = issue.has_rule ? fmt::format("decided by {}", issue.decided_by) : "no one is named as deciding it, so the models weigh every actor's vote";
  if (issue.deal_possible && !*issue.deal_possible)
    return fmt::format("{}: {}; {} block{} any move, so the status quo holds ({}).", issue.name, who, and_list(actor_names(scenario, issue.blockers)),
                       issue.blockers.size() == 1 ? "s" : "", issue.status_quo_words);
  std::string line = fmt::format("{}: {}; ", issue.name, who);
  // A deal "is possible" also when a sole decider would move the issue away from what the others
  // press for: which way it can go is half the answer.
  if (issue.win_set && issue.status_quo) {
    const bool up = issue.win_set->second > *issue.status_quo;
    const double edge = up ? issue.win_set->second : issue.win_set->first;
    const Label* nearest = nearest_label(written.labels, edge);
    const std::string label = nearest ? nearest->text : "";
    line += fmt::format("{} can move it from the status quo only {}, as far as {:.4g}{}; ", and_list(actor_names(scenario, ids_of(issue.deciders))),
                        up ? "up" : "down", edge, label.empty() ? "" : " (\u201c" + label + "\u201d)");
  }
  line += where_models_land(issue);
  if (issue.agreement) line += fmt::format("; such a move stays open in {} of the perturbed samples", percent(*issue.agreement));
  return line + ".";
}

BriefIssue brief_issue(const Scenario& scenario, const Issue& issue, const IssueSummary& summary, const ForecastRow& row,
                       const std::vector<ForecastDistribution>& distributions, const std::vector<AgreementChance>& agreement) {
  BriefIssue b;
  b.id = issue.id;
  b.name = issue.name;
  b.units = issue.units;
  b.low = issue.low.value;
  b.high = issue.high.value;
  for (const auto& l : issue.labels) b.labels.emplace_back(l.point.value, l.text);
  std::sort(b.labels.begin(), b.labels.end());
  if (issue.status_quo) b.status_quo = issue.status_quo->value;
  b.status_quo_words = summary.status_quo_words;
  b.decided_by = row.decided_by;
  b.has_rule = row.rule != DecisionRule::Everyone;
  if (row.win_set) {
    b.deal_possible = !row.win_set->empty;
    b.blockers = row.win_set->blockers;
    if (!row.win_set->empty) b.win_set = std::pair{row.win_set->low, row.win_set->high};
  }
  for (const auto& stance : summary.stances)
    if (std::find(summary.deciders.begin(), summary.deciders.end(), stance.actor) != summary.deciders.end())
      b.deciders.push_back({stance.actor, actor_name(scenario, stance.actor), stance.position});
  for (const auto& chance : agreement)
    if (chance.issue == issue.id) b.agreement = chance.probability;
  for (std::size_t m = 0; m < row.forecasts.size(); ++m) {
    const IssueForecast& f = row.forecasts[m];
    BriefForecast out{f.model, f.position, std::nullopt, std::nullopt, row.nearest[m] ? row.nearest[m]->text : "", f.moved_from.has_value()};
    for (const auto& d : distributions)
      if (d.issue == issue.id && d.model == f.model && d.forecasts > 0) out.p05 = d.p05, out.p95 = d.p95;
    b.forecasts.push_back(std::move(out));
  }
  b.bottom_line = issue_bottom_line(scenario, issue, b);
  return b;
}

BriefOutcome brief_outcome(const StabilityRow& row) {
  BriefOutcome o;
  o.description = row.description;
  o.path = reachability_in_words(row);
  if (row.named_path) o.moves = *row.named_path;
  o.movers = row.movers;
  for (std::size_t k = 0; k < concept_count; ++k)
    if (row.equilibrium[k]) o.concepts.push_back(concept_name(all_concepts[k]));
  return o;
}

BriefConflict brief_conflict(const Summary& s) {
  BriefConflict c;
  c.status_quo = s.conflict->status_quo_description;
  if (!s.stability) {
    c.skipped = s.stability_skipped.empty() ? "no feasible state to analyse" : s.stability_skipped;
    return c;
  }
  for (const auto& row : ranked_equilibria(*s.stability, summary_reachable, summary_unreachable))
    (row.path ? c.reachable : c.unreachable).push_back(brief_outcome(row));
  return c;
}

// The payoff table of a two-player strategic game, pure equilibria marked.
void payoff_table(const Game& game, BriefGame& b) {
  if (game.form != Game::Form::Strategic || game.players.size() != 2) return;
  const StrategicGame g = strategic_game_of(game);
  const StrategicSolution solution = solve_strategic(g);
  for (std::size_t r = 0; r < g.strategies[0].size(); ++r) b.row_strategies.push_back(strategy_name(g, 0, r));
  for (std::size_t c = 0; c < g.strategies[1].size(); ++c) b.column_strategies.push_back(strategy_name(g, 1, c));
  for (std::size_t r = 0; r < g.strategies[0].size(); ++r) {
    b.cells.emplace_back();
    b.equilibrium.emplace_back();
    for (std::size_t c = 0; c < g.strategies[1].size(); ++c) {
      const std::vector<std::size_t> choice{r, c};
      b.cells.back().push_back(fmt::format("{}, {}", g.payoff(choice, 0).get_str(), g.payoff(choice, 1).get_str()));
      b.equilibrium.back().push_back(std::find(solution.pure_equilibria.begin(), solution.pure_equilibria.end(), choice) != solution.pure_equilibria.end());
    }
  }
}

// The tree in pre-order, the nodes the first subgame-perfect play reaches marked.
// The moves that are threats not credible: each by the node it starts from and its label.
using EmptyThreats = std::vector<std::pair<const GameNode*, std::string>>;

void tree_nodes(const Game& game, const GameNode& node, const std::string& move, std::vector<std::size_t>& path,
                const std::vector<std::vector<std::size_t>>& play, const EmptyThreats& threats, std::vector<BriefTreeNode>& out) {
  BriefTreeNode n;
  n.move = move;
  n.name = node.name;
  n.on_play = std::any_of(play.begin(), play.end(), [&](const auto& reached) {
    return reached.size() >= path.size() && std::equal(path.begin(), path.end(), reached.begin());
  });
  if (node.kind == GameNode::Kind::Terminal) {
    std::vector<std::string> values;
    for (const auto& v : node.payoffs.values) values.push_back(v.text);
    n.label = fmt::format("{}", fmt::join(values, ", "));
  } else {
    n.label = node.kind == GameNode::Kind::Chance ? "chance" : node.player;
    if (node.kind == GameNode::Kind::Decision && !node.infoset.empty()) n.information_set = node.player + "\n" + node.infoset;
  }
  const std::size_t index = out.size();
  out.push_back(std::move(n));
  for (std::size_t m = 0; m < node.children.size(); ++m) {
    out[index].children.push_back(out.size());
    path.push_back(m);
    tree_nodes(game, node.children[m], node.moves[m], path, play, threats, out);
    path.pop_back();
    BriefTreeNode& child = out[out[index].children.back()];
    if (node.kind == GameNode::Kind::Chance && m < node.probabilities.size()) child.probability = node.probabilities[m].text;
    child.empty_threat = std::find(threats.begin(), threats.end(), std::pair{&node, node.moves[m]}) != threats.end();
  }
}

// The terminal nodes an equilibrium's play reaches, each as its moves from the root.
void bayesian_play(const GameNode& node, const std::string& where, const PerfectBayesianAnalysis& a, const PerfectBayesianEquilibrium& e,
                   std::vector<std::size_t>& path, std::vector<std::vector<std::size_t>>& out) {
  if (node.kind == GameNode::Kind::Terminal) {
    out.push_back(path);
    return;
  }
  for (std::size_t m = 0; m < node.children.size(); ++m) {
    if (node.kind == GameNode::Kind::Chance && sgn(exact_number(node.probabilities[m])) == 0) continue;
    if (node.kind == GameNode::Kind::Decision) {
      const auto set = std::find_if(a.infosets.begin(), a.infosets.end(), [&](const TreeInfoset& s) {
        return std::find(s.nodes.begin(), s.nodes.end(), where) != s.nodes.end();
      });
      if (set == a.infosets.end() || e.choice[static_cast<std::size_t>(set - a.infosets.begin())] != m) continue;
    }
    path.push_back(m);
    bayesian_play(node.children[m], where == "root" ? node.moves[m] : where + " / " + node.moves[m], a, e, path, out);
    path.pop_back();
  }
}

// The play the tree's drawing marks: the first subgame-perfect one, or with information sets the
// first perfect Bayesian equilibrium's; `bayesian` says which.
std::vector<std::vector<std::size_t>> marked_play(const Game& game, bool& bayesian) {
  std::vector<std::vector<std::size_t>> play;
  bayesian = false;
  try {
    const GameSolution solution = game_solution(game);
    if (!solution.empty()) return solution.front().reached;
  } catch (const std::exception&) {  // information sets
  }
  try {
    const PerfectBayesianAnalysis a = perfect_bayesian_equilibria(game);
    if (a.equilibria.empty()) return play;
    std::vector<std::size_t> path;
    bayesian_play(game.tree, "root", a, a.equilibria.front(), path, play);
    bayesian = true;
  } catch (const std::exception&) {  // too many profiles: drawn without a play
  }
  return play;
}

std::vector<BriefTreeNode> tree_of(const Game& game, bool& bayesian) {
  if (game.form != Game::Form::Extensive) return {};
  const std::vector<std::vector<std::size_t>> play = marked_play(game, bayesian);
  EmptyThreats threats;
  const BackwardInduction induction = backward_induction(game);
  for (const auto& t : induction.threats)
    if (const GameNode* at = node_at(game.tree, t.where)) threats.emplace_back(at, t.move);
  std::vector<BriefTreeNode> out;
  std::vector<std::size_t> path;
  tree_nodes(game, game.tree, "", path, play, threats, out);
  return out;
}

void spatial_evidence(const Scenario& scenario, std::vector<Evidence>& out) {
  for (const auto& a : scenario.actors)
    out.push_back({"spatial", fmt::format("{}'s capability", a.id), a.capability.text, a.capability.note.empty() ? a.note : a.capability.note,
                   a.capability.source.empty() ? a.source : a.capability.source, a.capability.at});
  for (const auto& issue : scenario.issues) {
    if (issue.status_quo)
      out.push_back({"spatial", fmt::format("the status quo of {}", issue.id), issue.status_quo->text, issue.status_quo->note,
                     issue.status_quo->source, issue.status_quo->at});
    if (issue.decision.rule != DecisionRule::Everyone)
      out.push_back({"spatial", fmt::format("who decides {}", issue.id), fmt::format("{} of {}", rule_name(issue.decision.rule), fmt::join(issue.decision.deciders, ", ")),
                     issue.decision.note, issue.decision.source, issue.decision.at});
    for (const auto& s : issue.stances) {
      // A number without its own note is explained by its stance's.
      auto add = [&](const char* what, const Number& n) {
        out.push_back({"spatial", fmt::format("{}'s {} on {}", s.actor, what, issue.id), n.text, n.note.empty() ? s.note : n.note,
                       n.source.empty() ? s.source : n.source, n.at});
      };
      add("position", s.position);
      add("salience", s.salience);
      if (s.capability) add("capability", *s.capability);
    }
  }
}

void conflict_evidence(const Scenario& scenario, std::vector<Evidence>& out) {
  if (!scenario.conflict) return;
  for (const auto& p : scenario.conflict->preferences)
    for (std::size_t k = 0; k < p.statements.size(); ++k) {
      const Statement& s = p.statements[k];
      out.push_back({"conflict", fmt::format("{}'s priority {} of {}", p.actor, k + 1, p.statements.size()), s.text, s.note, s.source, s.at});
    }
}

// `types`: the draw of types above the node, " when RUS is transactional", or empty.
void tree_evidence(const Game& game, const GameNode& node, const std::string& types, std::vector<Evidence>& out) {
  if (node.kind == GameNode::Kind::Terminal) {
    std::vector<std::string> values;
    for (std::size_t p = 0; p < node.payoffs.values.size() && p < game.players.size(); ++p)
      values.push_back(fmt::format("{} {}", game.players[p], node.payoffs.values[p].text));
    std::string note = node.note;
    for (const auto& v : node.payoffs.values)
      if (note.empty()) note = v.note;
    out.push_back({"games", fmt::format("payoffs of \u201c{}\u201d in \u201c{}\u201d{}", node.name, game_title(game), types), fmt::format("{}", fmt::join(values, ", ")), note, "",
                   node.payoffs.at});
    return;
  }
  for (const auto& child : node.children) tree_evidence(game, child, types, out);
}

// A game with types: each type's prior, then the payoffs under each draw of types.
void typed_tree_evidence(const Game& game, std::vector<Evidence>& out) {
  for (const auto& draw : game.types)
    for (const auto& type : draw.types)
      out.push_back({"games", fmt::format("the prior that {} is {} in \u201c{}\u201d", draw.player, type.id, game_title(game)), type.probability.text, type.note, type.source,
                     type.at});
  const auto profiles = type_profiles(game.types);
  for (std::size_t k = 0; k < profiles.size() && k < game.tree.children.size(); ++k) {
    std::vector<std::string> who;
    for (std::size_t d = 0; d < game.types.size(); ++d) who.push_back(game.types[d].player + " is " + profiles[k][d]);
    tree_evidence(game, game.tree.children[k], fmt::format(" when {}", fmt::join(who, " and ")), out);
  }
}

void strategic_evidence(const Game& game, std::vector<Evidence>& out) {
  for (std::size_t k = 0; k < game.outcomes.size(); ++k) {
    const auto choice = outcome_choice(game, k);
    std::vector<std::string> values;
    std::string note, source;
    for (std::size_t p = 0; p < game.outcomes[k].values.size() && p < game.players.size(); ++p) {
      const Number& v = game.outcomes[k].values[p];
      values.push_back(fmt::format("{} {}", game.players[p], v.text));
      if (note.empty()) note = v.note, source = v.source;
    }
    out.push_back({"games", fmt::format("payoffs of {} in “{}”", profile_words(game, choice), game_title(game)), fmt::format("{}", fmt::join(values, ", ")), note,
                   source, game.outcomes[k].at});
  }
}

// Every judgment the conclusions rest on, those the answer hangs on marked.
std::vector<Evidence> evidence_of(const Scenario& scenario, const std::vector<Hinge>& hangs_on) {
  std::vector<Evidence> out;
  spatial_evidence(scenario, out);
  conflict_evidence(scenario, out);
  for (const auto& game : scenario.games)
    if (game.form == Game::Form::Extensive && !game.types.empty()) typed_tree_evidence(game, out);
    else if (game.form == Game::Form::Extensive) tree_evidence(game, game.tree, "", out);
    else if (game.form == Game::Form::Strategic) strategic_evidence(game, out);
  for (auto& e : out)
    for (const auto& h : hangs_on)
      if (h.at.line == e.at.line && h.at.line > 0) e.decisive = true;
  return out;
}

// The standoff as a whole: who decides where no deal is possible, the conflict's outcome, how sure.
std::vector<std::string> bottom_line(const Brief& b) {
  std::vector<std::string> lines;
  std::vector<std::string> blocked, open;
  for (const auto& issue : b.issues) (issue.deal_possible && !*issue.deal_possible ? blocked : open).push_back(issue.name);
  if (!blocked.empty())
    lines.push_back(fmt::format("No deal is possible on {} of the {} issues: on each, someone who must agree prefers the status quo.", blocked.size(),
                                b.issues.size()));
  for (const auto& issue : b.issues) lines.push_back(issue.bottom_line);
  if (b.conflict && !b.conflict->reachable.empty()) {
    const BriefOutcome& first = b.conflict->reachable.front();
    lines.push_back(fmt::format("In the standoff as a whole (the graph model), the status quo leads to \u201c{}\u201d ({}){}.", first.description,
                                first.path, b.conflict->reachable.size() > 1 ? fmt::format(", one of {} stable outcomes it can reach", b.conflict->reachable.size()) : ""));
  } else if (b.conflict) {
    lines.push_back("In the standoff as a whole (the graph model), no stable outcome can be reached from the status quo.");
  }
  for (const auto& game : b.games)
    if (!game.solution.empty()) lines.push_back(fmt::format("{}: {}.", game.title, game.solution));
  if (!b.hangs_on.empty()) {
    const Hinge& h = b.hangs_on.front();
    lines.push_back(fmt::format("How sure: the most fragile conclusion hangs on {} (today {}): {}, {}.", h.judgment, h.today, h.change, h.consequence));
  }
  return lines;
}

}  // namespace

std::vector<std::vector<const BriefOutcome*>> by_reason(const std::vector<BriefOutcome>& outcomes) {
  std::vector<std::vector<const BriefOutcome*>> groups;
  for (const auto& o : outcomes) {
    if (groups.empty() || groups.back().front()->path != o.path) groups.emplace_back();
    groups.back().push_back(&o);
  }
  return groups;
}

Brief make_brief(const Scenario& scenario) { return make_brief(scenario, summarize(scenario)); }

Brief make_brief(const Scenario& scenario, const Summary& s) {
  Brief b;
  b.id = s.id;
  b.title = s.title;
  b.date = s.date;
  b.summary = s.summary;
  UncertaintySettings settings;
  settings.samples = brief_samples;
  b.samples = brief_samples;
  b.perturbation = describe_jitter(settings.jitter);
  settings.models = with_model_choices(settings.models, scenario);
  settings.models.over_limit = ModelParameters::OverLimit::Skip;
  std::vector<ForecastDistribution> distributions;
  try {
    distributions = forecast_uncertainty(bargaining_issues(scenario), s.forecasts.models, settings);
  } catch (const WorkTooLarge&) {
    b.samples = 0;  // the intervals are left out; the point forecasts stand
  }
  for (std::size_t i = 0; i < scenario.issues.size(); ++i)  // P(agreement) as analyze gives it (agreement_samples())
    b.issues.push_back(brief_issue(scenario, scenario.issues[i], s.issues[i], s.forecasts.rows[i], distributions, s.agreement));
  b.hangs_on = s.hangs_on;
  b.hangs_on_skipped = s.hangs_on_skipped;
  if (s.conflict) b.conflict = brief_conflict(s);
  for (std::size_t g = 0; g < scenario.games.size(); ++g) {
    const GameSummary& summary = s.games[g];
    BriefGame game{summary.id, summary.title, summary.form, summary.players, game_solution_words(scenario.games[g]), summary.findings, {}, {}, {}, {}, {}};
    payoff_table(scenario.games[g], game);
    game.tree = tree_of(scenario.games[g], game.bayesian_play);
    b.games.push_back(std::move(game));
  }
  b.evidence = evidence_of(scenario, b.hangs_on);
  for (const auto& src : scenario.sources) b.sources.push_back({src.id, src.title, src.author, src.outlet, src.date, src.url});
  b.methods = s.terms;
  b.bottom_line = bottom_line(b);
  return b;
}

}  // namespace statecraft
