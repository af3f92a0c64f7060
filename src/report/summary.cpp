#include "report/summary.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <fmt/format.h>

#include "bargaining/decision.hpp"
#include "bargaining/spatial.hpp"
#include "scenario/states.hpp"
#include "games/backward_induction.hpp"
#include "games/from_scenario.hpp"
#include "report/games_report.hpp"
#include "report/sensitivity_report.hpp"
#include "report/issue_words.hpp"

namespace statecraft {
namespace {

std::vector<ActorSummary> summarize_actors(const Scenario& scenario) {
  // Shares of the sum of capabilities scaled by a power of two that brings the largest near 1:
  // the sum of the raw numbers can overflow (three capabilities of 1e308), and the scaling is
  // exact, so ordinary numbers give the same shares to the last bit.
  double largest = 0, total = 0;
  for (const auto& actor : scenario.actors) largest = std::max(largest, actor.capability.value);
  int exponent = 0;
  std::frexp(largest, &exponent);
  auto scaled = [&](double c) { return std::ldexp(c, -exponent); };
  for (const auto& actor : scenario.actors) total += scaled(actor.capability.value);
  std::vector<ActorSummary> actors;
  for (const auto& actor : scenario.actors)
    actors.push_back({actor.id, actor.name, actor.leader, actor.capability.value, total > 0 ? scaled(actor.capability.value) / total : 0.0});
  return actors;
}

IssueSummary summarize_issue(const Scenario& scenario, const Issue& issue) {
  IssueSummary summary{.id = issue.id, .name = issue.name, .low = issue.low.value, .high = issue.high.value};
  if (issue.status_quo) summary.status_quo = issue.status_quo->value;
  for (const auto& a : bargaining_issue(scenario, issue).actors) summary.stances.push_back({a.id, a.position, a.salience, a.capability});
  summary.units = issue.units;
  if (issue.status_quo) summary.status_quo_words = point_in_words(issue, issue.status_quo->value);
  summary.decided_by = describe_rule(bargaining_issue(scenario, issue));
  summary.deciders = issue.decision.deciders;
  return summary;
}

std::string describe_preferences(const Conflict& conflict, const std::string& actor) {
  for (const auto& p : conflict.preferences) {
    if (p.actor != actor) continue;
    if (!p.by_ranking) return fmt::format("{} prioritised statement{}", p.statements.size(), p.statements.size() == 1 ? "" : "s");
    std::size_t states = 0;
    for (const auto& group : p.ranking) states += group.size();
    return fmt::format("explicit ranking of {} states in {} levels", states, p.ranking.size());
  }
  return "no preferences";
}

ConflictSummary summarize_conflict(const Conflict& conflict) {
  ConflictSummary summary;
  summary.options = conflict.options.size();
  for (const auto& actor : decision_makers(conflict)) {
    DecisionMakerSummary maker{actor, {}, {}, describe_preferences(conflict, actor)};
    for (const auto& option : conflict.options)
      if (option.actor == actor) maker.options.push_back(option.id), maker.option_names.push_back(option.name);
    summary.decision_makers.push_back(std::move(maker));
  }
  summary.states = conflict.options.size() < 64 ? std::uint64_t{1} << conflict.options.size() : 0;
  if (can_enumerate_states(conflict)) summary.feasible_states = count_feasible_states(conflict);
  summary.status_quo = conflict.status_quo;
  summary.status_quo_description = describe_state(conflict, status_quo_state(conflict));
  return summary;
}

std::size_t count_nodes(const GameNode& node, std::size_t& terminals) {
  if (node.kind == GameNode::Kind::Terminal) ++terminals;
  std::size_t nodes = 1;
  for (const auto& child : node.children) nodes += count_nodes(child, terminals);
  return nodes;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) lines.push_back(text.substr(start, end - start));
  return lines;
}

GameSummary summarize_game(const Game& game) {
  GameSummary summary{game.id, game.title, {}, game.players, {}, {}};
  switch (game.form) {
    case Game::Form::Strategic: {
      summary.form = "strategic";
      std::vector<std::string> sizes;
      for (const auto& s : game.strategies) sizes.push_back(std::to_string(s.size()));
      summary.shape = fmt::format("{}", fmt::join(sizes, "x"));
      const StrategicGame g = strategic_game_of(game);
      summary.findings = lines_of(render_strategic_text(g, solve_strategic(g), ""));
      break;
    }
    case Game::Form::Extensive: {
      summary.form = "extensive";
      std::size_t terminals = 0;
      const std::size_t nodes = count_nodes(game.tree, terminals);
      summary.shape = fmt::format("tree of {} nodes, {} outcomes", nodes, terminals);
      summary.findings = lines_of(render_tree_text(game, solve_tree(game), ""));
      break;
    }
    case Game::Form::File:
      summary.form = "file";
      summary.shape = game.file;
      break;
  }
  return summary;
}

std::vector<LensSummary> summarize_lenses(const Summary& s) {
  std::vector<LensSummary> lenses;
  std::size_t stances = 0;
  for (const auto& issue : s.issues) stances += issue.stances.size();
  lenses.push_back({"spatial", !s.issues.empty(),
                    s.issues.empty() ? "no issues"
                                     : fmt::format("{} issues, {} stances; forecasts by {} models", s.issues.size(), stances, s.forecasts.models.size())});
  if (s.conflict) {
    const auto& c = *s.conflict;
    const std::string feasible = c.feasible_states ? fmt::format("{} of {} states feasible", *c.feasible_states, c.states) : "too many states to enumerate";
    lenses.push_back({"conflict", true, fmt::format("{} options for {} decision makers, {}", c.options, c.decision_makers.size(), feasible)});
  } else {
    lenses.push_back({"conflict", false, "no conflict section"});
  }
  lenses.push_back({"games", !s.games.empty(), s.games.empty() ? "no games" : fmt::format("{} game{}", s.games.size(), s.games.size() == 1 ? "" : "s")});
  return lenses;
}

const std::map<std::string, std::string>& model_sentences() {
  static const std::map<std::string, std::string> sentences{
      {"compromise", "the actors' positions averaged, each weighted by capability times salience"},
      {"median", "the position no weighted majority would vote to move from (the weighted median)"},
      {"nash", "the bargain that maximises the product of every actor's gain over the status quo"},
      {"deciders", "a bargain among the deciders alone, their positions pulled by the others' pressure"},
      {"expected-utility", "rounds of challenges in which actors with more to gain and the strength to win move the others"},
      {"exchange", "actors trade support across issues, each moving where it cares less for a move where it cares more"},
      {"smp", "rounds of proposals and coalitions in which actors move towards what they expect to win"},
  };
  return sentences;
}

std::vector<Term> terms_of(const Summary& s) {
  std::vector<Term> out;
  if (!s.issues.empty())
    for (const auto& m : bargaining_models()) {
      const auto sentence = model_sentences().find(m.name);
      // Named as the tables name it (its id), with its title where that does not begin with the id.
      const std::string name = m.title.rfind(m.name, 0) == 0 ? m.title : fmt::format("{} — {}", m.name, m.title);
      out.push_back({name, sentence == model_sentences().end() ? "" : sentence->second, m.citation});
    }
  if (s.conflict) {
    out.push_back({"Graph model for conflict resolution", "each decision maker's options and priorities give every state; a state is stable when no one gains by moving from it", "Fang, Hipel & Kilgour 1993"});
    out.push_back({"Nash stability", "no decision maker can move to a state it prefers", "Fang, Hipel & Kilgour 1993, ch. 4"});
    out.push_back({"GMR (general metarationality)", "every move a decision maker prefers can be answered by the others with a move that leaves it worse off", "Fang, Hipel & Kilgour 1993, ch. 4"});
    out.push_back({"SMR (symmetric metarationality)", "as GMR, and the mover cannot escape the answer by moving again", "Fang, Hipel & Kilgour 1993, ch. 4"});
    out.push_back({"SEQ (sequential stability)", "every preferred move can be answered by a move the answering side itself prefers", "Fang, Hipel & Kilgour 1993, ch. 4"});
    out.push_back({"SIM (simultaneous sanctioning)", "every preferred move is deterred by moves the others, each improving for itself, would make at the same moment", "Fang, Hipel & Kilgour 1993, ch. 4"});
  }
  if (!s.games.empty()) {
    out.push_back({"Subgame-perfect play", "each player's best move at every point of the game tree, working back from the end", "Selten 1965"});
    out.push_back({"Credible threat", "a move that hurts another player and that the one who threatens it would still choose when the time came; one it would not choose is not credible", "Selten 1965; Schelling 1960"});
    out.push_back({"Nash equilibrium", "strategies from which no player gains by changing its own alone; a mixed one gives each strategy a probability", "Nash 1951"});
    out.push_back({"Strictly dominated", "a strategy that does worse than another whatever the others do, removed step by step", "Fudenberg & Tirole 1991, §2.1"});
    out.push_back({"Perfect Bayesian equilibrium", "moves best for each side given what it believes, and beliefs that follow from the moves by Bayes' rule wherever they can", "Fudenberg & Tirole 1991, §8.2"});
    out.push_back({"Correlated equilibrium", "a mediator's recommendations, drawn at random, that no side gains by disobeying", "Aumann 1987"});
    out.push_back({"Logit quantal response", "players who choose better moves more often, erring less and less; the equilibrium where that path ends", "McKelvey & Palfrey 1995"});
  }
  return out;
}

}  // namespace

StabilityBudget analyze_budget() {
  StabilityBudget budget;
  budget.max_states = std::uint64_t{1} << 16;
  budget.max_steps = 1e8;
  return budget;
}

UncertaintySettings agreement_samples() {
  UncertaintySettings settings;
  settings.samples = 1000;
  return settings;
}

Summary summarize(const Scenario& scenario, const SummaryParts& parts) {
  Summary s;
  s.id = scenario.id;
  s.title = scenario.title;
  s.date = scenario.date;
  s.summary = scenario.summary;
  s.actors = summarize_actors(scenario);
  for (const auto& issue : scenario.issues) s.issues.push_back(summarize_issue(scenario, issue));
  std::vector<std::string> models;
  for (const auto& model : bargaining_models()) models.push_back(model.name);
  ModelParameters parameters = with_model_choices({}, scenario);
  parameters.over_limit = ModelParameters::OverLimit::Skip;  // the report goes on; the note says how to run it
  const auto issues = bargaining_issues(scenario);
  s.forecasts = forecast_table(scenario, models, forecast_issues(issues, models, parameters));
  s.agreement = agreement_chances(issues, agreement_samples());
  if (scenario.conflict) {
    s.conflict = summarize_conflict(*scenario.conflict);
    if (s.conflict->feasible_states.value_or(0) > 0) {
      try {
        s.stability = stability_report(*scenario.conflict, {}, analyze_budget());
      } catch (const WorkTooLarge& e) {
        s.stability_skipped = e.what();
      }
    }
  }
  for (const auto& game : scenario.games) s.games.push_back(summarize_game(game));
  try {
    if (parts.hangs_on) s.hangs_on = most_decisive(all_hinges(scenario), summary_hinge_count, summary_hinges_per_lens);
  } catch (const WorkTooLarge& e) {
    s.hangs_on_skipped = e.what();
  }
  s.lenses = summarize_lenses(s);
  s.terms = terms_of(s);
  return s;
}

}  // namespace statecraft
