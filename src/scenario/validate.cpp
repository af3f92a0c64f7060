#include "scenario/validate.hpp"

#include "scenario/citations.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmpxx.h>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "scenario/rational.hpp"
#include "scenario/states.hpp"

namespace statecraft {
namespace {

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

// "; did you mean 'X'?", or nothing: also when no more messages are kept, as the search would be wasted.
std::string suggest(std::string_view word, const std::vector<std::string>& known, const Diagnostics& diagnostics) {
  const std::string match = diagnostics.full() ? std::string{} : closest_match(word, known);
  return match.empty() ? std::string{} : fmt::format("; did you mean '{}'?", match);
}

std::string format_value(double value) { return fmt::format("{:g}", value); }

class Checker {
 public:
  Checker(Scenario& scenario, Diagnostics& diagnostics, std::filesystem::path base)
      : s_(scenario), d_(diagnostics), base_(std::move(base)) {
    actor_ids_ = ids_of(s_.actors);
    source_ids_ = ids_of(s_.sources);
    actors_.insert(actor_ids_.begin(), actor_ids_.end());
    sources_.insert(source_ids_.begin(), source_ids_.end());
  }

  void run() {
    unique_ids(s_.sources, "source");
    unique_ids(s_.actors, "actor");
    unique_ids(s_.issues, "issue");
    unique_ids(s_.games, "game");
    for (const auto& actor : s_.actors) {
      positive(actor.capability, fmt::format("capability of {}", actor.id));
      number_source(actor.capability);
      source_reference(actor.source, actor.at);
      unexplained(actor.capability, !actor.note.empty() || !actor.source.empty(), fmt::format("capability of {}", actor.id));
    }
    if (s_.models) source_reference(s_.models->source, s_.models->at);
    sources_after_as_of_date();
    saliences_rescaled();
    for (auto& issue : s_.issues) check_issue(issue);
    if (s_.conflict) check_conflict(*s_.conflict);
    for (auto& game : s_.games) check_game(game);
  }

 private:
  // ---- shared ----------------------------------------------------------------------------

  template <typename T>
  void unique_ids(const std::vector<T>& items, std::string_view kind) {
    std::unordered_map<std::string_view, const T*> first;
    for (const auto& item : items) {
      if (item.id.empty()) continue;
      const auto [earlier, inserted] = first.emplace(item.id, &item);
      if (!inserted) d_.error(item.at, fmt::format("{} id '{}' is used twice (first at line {})", kind, item.id, earlier->second->at.line));
    }
  }

  bool known_actor(const std::string& id, Location at) {
    if (id.empty()) return false;  // already reported by the reader
    if (actors_.count(id)) return true;
    d_.error(at, fmt::format("unknown actor '{}'{}", id, suggest(id, actor_ids_, d_)));
    return false;
  }

  void source_reference(const std::string& id, Location at) {
    if (id.empty() || sources_.count(id)) return;
    if (id.starts_with("ev:")) return event_reference(id, at);
    d_.error(at, fmt::format("unknown source '{}'{}", id, source_ids_.empty() ? std::string("; the scenario lists no sources") : suggest(id, source_ids_, d_)));
  }

  // "ev:ARTICLE:N": sentence N of a listed source, as statecraft events numbers them.
  void event_reference(const std::string& id, Location at) {
    const auto cited = event_citation(id);
    if (!cited) {
      d_.error(at, fmt::format("the event citation '{}' is not ev:SOURCE:SENTENCE (a source's id, then a sentence number from 1)", id));
      return;
    }
    if (!sources_.count(cited->source))
      d_.error(at, fmt::format("the event citation '{}' names the unknown source '{}'{}", id, cited->source,
                               source_ids_.empty() ? std::string("; the scenario lists no sources") : suggest(cited->source, source_ids_, d_)));
  }

  void number_source(const Number& n) { source_reference(n.source, n.at); }

  void positive(const Number& n, std::string_view what) {
    if (n.at.line && !(n.value > 0)) d_.error(n.at, fmt::format("{} must be greater than 0, found {}", what, n.text));
  }

  void within(const Number& n, double low, double high, std::string_view what, std::string_view range) {
    if (n.at.line && (n.value < low || n.value > high))
      d_.error(n.at, fmt::format("{} {} lies outside {}", what, n.text, range));
  }

  // A scenario describes a standoff as known on its date; a later source brings in hindsight.
  void sources_after_as_of_date() {
    if (s_.date.empty()) return;
    for (const auto& source : s_.sources)  // ISO dates compare as text
      if (!source.date.empty() && source.date > s_.date)
        d_.warning(source.at, fmt::format("source '{}' is dated {}, after the scenario's as-of date {}", source.id, source.date, s_.date));
  }

  // The Spatial Model of Politics needs each actor's saliences to sum to at most 1 and divides
  // them by their sum otherwise (docs/models/smp.md), which changes their relative weight
  // against the other actors'.
  void saliences_rescaled() {
    if (s_.issues.size() < 2) return;
    std::map<std::string, double> totals;
    for (const auto& issue : s_.issues)
      for (const auto& stance : issue.stances) totals[stance.actor] += stance.salience.value;
    std::vector<std::string> over;
    for (const auto& actor : s_.actors)
      if (const auto total = totals.find(actor.id); total != totals.end() && total->second > 1 + 1e-9)
        over.push_back(fmt::format("{} {:.3g}", actor.id, total->second));
    if (!over.empty())
      d_.warning(s_.issues.front().at, fmt::format("saliences sum above 1 over the issues for {}; the Spatial Model of Politics (smp) divides "
                                                   "each such actor's saliences by their sum, which changes how much it weighs against the others", names_for_message(over)));
  }

  // ---- issues ----------------------------------------------------------------------------

  // The bargaining models rescale positions by the scale's width and sum weighted positions:
  // bounds within ±1e300 and a width of at least 1e-300 keep every step finite.
  bool usable_scale(const Issue& issue) {
    constexpr double largest_bound = 1e300, least_width = 1e-300;
    const double low = issue.low.value, high = issue.high.value;
    if (std::abs(low) <= largest_bound && std::abs(high) <= largest_bound && high - low >= least_width) return true;
    d_.error(issue.low.at, fmt::format("scale of issue '{}' must lie within [-1e300, 1e300] and be at least 1e-300 wide, found [{}, {}]",
                                       issue.id, issue.low.text, issue.high.text));
    return false;
  }

  void check_issue(Issue& issue) {
    source_reference(issue.source, issue.at);
    const bool ordered = issue.low.at.line && issue.high.at.line && issue.low.value < issue.high.value;
    if (issue.low.at.line && issue.high.at.line && !ordered)
      d_.error(issue.low.at, fmt::format("scale of issue '{}' must run from low to high, found [{}, {}]", issue.id, issue.low.text, issue.high.text));
    const bool scale_ok = ordered && usable_scale(issue);
    const std::string range = fmt::format("the scale [{}, {}] of issue '{}'", format_value(issue.low.value), format_value(issue.high.value), issue.id);
    for (const auto& label : issue.labels)
      if (scale_ok) within(label.point, issue.low.value, issue.high.value, "label point", range);
    if (issue.status_quo) {
      number_source(*issue.status_quo);
      if (scale_ok) within(*issue.status_quo, issue.low.value, issue.high.value, "status quo", range);
    }
    std::set<std::string> seen;
    for (const auto& stance : issue.stances) {
      if (!seen.insert(stance.actor).second) d_.error(stance.at, fmt::format("{} has two stances on issue '{}'", stance.actor, issue.id));
      known_actor(stance.actor, stance.at);
      if (scale_ok) within(stance.position, issue.low.value, issue.high.value, fmt::format("position of {}", stance.actor), range);
      within(stance.salience, 0, 1, fmt::format("salience of {}", stance.actor), "[0, 1]");
      if (stance.capability) {
        positive(*stance.capability, fmt::format("capability of {} on issue '{}'", stance.actor, issue.id));
        number_source(*stance.capability);
      }
      number_source(stance.position);
      number_source(stance.salience);
      source_reference(stance.source, stance.at);
      const bool explained = !stance.note.empty() || !stance.source.empty();
      unexplained(stance.position, explained, fmt::format("position of {} on issue '{}'", stance.actor, issue.id));
      unexplained(stance.salience, explained, fmt::format("salience of {} on issue '{}'", stance.actor, issue.id));
      if (stance.capability) unexplained(*stance.capability, explained, fmt::format("capability of {} on issue '{}'", stance.actor, issue.id));
    }
    if (issue.status_quo) unexplained(*issue.status_quo, false, fmt::format("status quo of issue '{}'", issue.id));
    check_decision(issue);
    if (issue.outcome) check_issue_outcome(issue, scale_ok, range);
  }

  void check_decision(const Issue& issue) {
    const Decision& d = issue.decision;
    if (d.rule == DecisionRule::Everyone) return;
    source_reference(d.source, d.at);
    if (!issue.status_quo)
      d_.error(d.at, fmt::format("issue '{}' has a decision rule but no status_quo: who must agree is only defined against where the issue stands", issue.id));
    for (const auto& decider : d.deciders) {
      if (!known_actor(decider, d.at)) continue;
      const bool has_stance = std::any_of(issue.stances.begin(), issue.stances.end(), [&](const Stance& s) { return s.actor == decider; });
      if (!has_stance)
        d_.warning(d.at, fmt::format("decider {} has no stance on issue '{}', so the models cannot tell what it would agree to; it is left out", decider, issue.id));
    }
    if (d.rule == DecisionRule::Qualified && !d.threshold)
      d_.error(d.at, "a qualified-majority rule needs a threshold in (0.5, 1]: the share of the deciders' capability that must agree");
    if (d.threshold && d.rule != DecisionRule::Qualified)
      d_.error(d.threshold->at, "threshold applies only to rule qualified (unanimity needs every decider, majority more than half)");
    else if (d.threshold && !(d.threshold->value > 0.5 && d.threshold->value <= 1))
      d_.error(d.threshold->at, fmt::format("threshold {} lies outside (0.5, 1]", d.threshold->text));
    if (d.note.empty() && d.source.empty())
      d_.warning(d.at, fmt::format("the decision rule of issue '{}' has neither note nor source: say what in the sources shows who decides", issue.id));
  }

  void check_issue_outcome(const Issue& issue, bool scale_ok, const std::string& range) {
    const Outcome& o = *issue.outcome;
    source_reference(o.source, o.at);
    if (o.value && scale_ok) within(*o.value, issue.low.value, issue.high.value, "outcome", range);
  }

  // A judgment is a number the analyst chose; one that says neither why nor where from cannot
  // be argued with. `explained` is whether the element holding it has a note or source.
  void unexplained(const Number& n, bool explained, std::string_view what) {
    if (n.at.line && !explained && n.note.empty() && n.source.empty())
      d_.warning(n.at, fmt::format("{} has neither note nor source", what));
  }

  // ---- conflict --------------------------------------------------------------------------

  void check_conflict(Conflict& c) {
    const auto option_ids = ids_of(c.options);
    unique_ids(c.options, "option");
    for (const auto& option : c.options) {
      known_actor(option.actor, option.at);
      source_reference(option.source, option.at);
    }
    if (c.options.empty()) d_.error(c.at, "the conflict section needs at least one option");
    if (c.options.size() > 64) {
      d_.error(c.at, fmt::format("the conflict has {} options; statecraft handles at most 64", c.options.size()));
      return;
    }
    auto index_of = [&](const std::string& id) { return option_index(c, id); };
    bool expressions_ok = true;
    auto resolve = [&](Statement& statement) {
      source_reference(statement.source, statement.at);
      if (statement.expression.option.empty() && statement.expression.operands.empty()) {
        expressions_ok = false;  // a syntax error, already reported
        return;
      }
      for (const Expression* leaf : resolve_options(statement.expression, index_of)) {
        d_.error({statement.at.line, statement.at.column + static_cast<int>(leaf->offset)},
                 fmt::format("unknown option '{}' in expression{}", leaf->option, suggest(leaf->option, option_ids, d_)));
        expressions_ok = false;
      }
    };
    for (auto& statement : c.infeasible) resolve(statement);
    for (auto& preferences : c.preferences)
      for (auto& statement : preferences.statements) resolve(statement);
    for (auto& uncertain : c.uncertain_preferences)
      for (auto& alternative : uncertain.alternatives)
        for (auto& statement : alternative.preferences.statements) resolve(statement);
    const auto makers = decision_makers(c);
    for (auto& m : c.misperceptions) {
      for (auto& statement : m.statements) resolve(statement);
      if (known_actor(m.actor, m.at) && std::find(makers.begin(), makers.end(), m.actor) == makers.end())
        d_.error(m.at, fmt::format("{} holds no option, so it has no moves to misperceive", m.actor));
    }

    std::set<std::string> taken;
    bool status_quo_ok = true;
    for (const auto& id : c.status_quo) {
      if (!taken.insert(id).second) d_.error(c.at, fmt::format("status quo names option '{}' twice", id));
      if (!option_index(c, id)) {
        d_.error(c.at, fmt::format("status quo names unknown option '{}'{}", id, suggest(id, option_ids, d_)));
        status_quo_ok = false;
      }
    }
    if (!expressions_ok) return;  // feasibility needs every expression
    if (c.status_quo_given && status_quo_ok && !is_feasible(c, status_quo_state(c)))
      d_.error(c.at, "the status quo is a state that an 'infeasible' statement rules out");
    for (const auto& statement : c.infeasible) check_not_trivial(statement, "infeasibility statement");
    check_preferences(c);
    check_uncertain_preferences(c);
    options_no_one_cares_about(c);
    if (c.outcome) check_conflict_outcome(c);
  }

  void check_conflict_outcome(const Conflict& c) {
    const Outcome& o = *c.outcome;
    source_reference(o.source, o.at);
    StateBits state = 0;
    for (const auto& id : o.taken) {
      const auto index = option_index(c, id);
      if (!index) {
        d_.error(o.at, fmt::format("the conflict's outcome names unknown option '{}'{}", id, suggest(id, ids_of(c.options), d_)));
        return;
      }
      state |= StateBits{1} << *index;
    }
    if (!is_feasible(c, state)) d_.error(o.at, "the conflict's outcome is a state that an 'infeasible' statement rules out");
  }

  // An option no decision maker's statements mention makes no difference to anyone's ranking, so
  // every state with it ties with the same state without it: usually a statement was forgotten.
  void options_no_one_cares_about(const Conflict& c) {
    std::vector<bool> mentioned(c.options.size(), false);
    bool any_ranking = false;  // a ranking orders whole states, every option in them
    for (const auto& preferences : c.preferences) {
      any_ranking = any_ranking || preferences.by_ranking;
      for (const auto& statement : preferences.statements) {
        for (const Expression* leaf : option_leaves(statement.expression))
          if (leaf->option_index >= 0) mentioned[static_cast<std::size_t>(leaf->option_index)] = true;
        unexplained_statement(statement, fmt::format("preference statement '{}' of {}", statement.text, preferences.actor));
      }
    }
    if (any_ranking) return;
    for (std::size_t i = 0; i < c.options.size(); ++i)
      if (!mentioned[i])
        d_.warning(c.options[i].at, fmt::format("option '{}' appears in no preference statement, so no decision maker cares whether it is taken", c.options[i].id));
  }

  void unexplained_statement(const Statement& statement, std::string_view what) {
    if (statement.note.empty() && statement.source.empty()) d_.warning(statement.at, fmt::format("{} has neither note nor source", what));
  }

  // A statement every combination satisfies, or none does, can only be a slip.
  void check_not_trivial(const Statement& statement, std::string_view what) {
    std::vector<int> used;
    for (const Expression* leaf : option_leaves(statement.expression))
      if (std::find(used.begin(), used.end(), leaf->option_index) == used.end()) used.push_back(leaf->option_index);
    // A truth table over the options the statement names; skipped when that would be slow.
    if (used.size() > 16 || (expression_size(statement.expression) << used.size()) > 10'000'000) return;
    bool any_true = false, any_false = false;
    for (unsigned combination = 0; combination < (1U << used.size()); ++combination) {
      StateBits state = 0;
      for (std::size_t i = 0; i < used.size(); ++i)
        if (combination >> i & 1U) state |= StateBits{1} << used[i];
      (evaluate(statement.expression, state) ? any_true : any_false) = true;
    }
    if (!any_true) d_.error(statement.at, fmt::format("{} '{}' is a contradiction: no state satisfies it", what, statement.text));
    if (!any_false) d_.error(statement.at, fmt::format("{} '{}' holds in every state, so it says nothing", what, statement.text));
  }

  void check_preferences(Conflict& c) {
    const auto makers = decision_makers(c);
    std::set<std::string> seen;
    for (auto& preferences : c.preferences) {
      if (!seen.insert(preferences.actor).second) {
        d_.error(preferences.at, fmt::format("{} has preferences twice", preferences.actor));
        continue;
      }
      if (!known_actor(preferences.actor, preferences.at)) continue;
      if (std::find(makers.begin(), makers.end(), preferences.actor) == makers.end()) {
        d_.error(preferences.at, fmt::format("{} holds no option, so it is not a decision maker and has no preferences here", preferences.actor));
        continue;
      }
      for (const auto& statement : preferences.statements) check_not_trivial(statement, "preference statement");
      if (preferences.by_ranking) check_ranking(c, preferences);
    }
    for (const auto& maker : makers)
      if (!seen.count(maker)) d_.error(c.at, fmt::format("decision maker {} holds options but has no preferences", maker));
  }

  // Alternatives of a decision maker's preferences: its own, once per decision maker, with
  // probabilities in [0, 1] adding up to exactly 1.
  void check_uncertain_preferences(Conflict& c) {
    const auto makers = decision_makers(c);
    std::set<std::string> seen;
    for (auto& u : c.uncertain_preferences) {
      if (!seen.insert(u.actor).second) d_.error(u.at, fmt::format("{} has uncertain preferences twice", u.actor));
      if (!known_actor(u.actor, u.at)) continue;
      if (std::find(makers.begin(), makers.end(), u.actor) == makers.end()) {
        d_.error(u.at, fmt::format("{} holds no option, so it is not a decision maker and has no preferences here", u.actor));
        continue;
      }
      mpq_class total = 0;
      bool exact = true;
      for (auto& a : u.alternatives) {
        source_reference(a.source, a.at);
        const auto p = parse_rational(a.probability.text);
        if (!p) exact = false;
        else if (sgn(*p) < 0 || *p > 1) d_.error(a.probability.at, fmt::format("a probability must be in [0, 1], found {}", a.probability.text));
        else total += *p;
        for (const auto& statement : a.preferences.statements) check_not_trivial(statement, "preference statement");
        if (a.preferences.by_ranking) check_ranking(c, a.preferences);
      }
      if (exact && total != 1) d_.error(u.at, fmt::format("{}'s alternatives' probabilities sum to {}, not 1", u.actor, total.get_str()));
    }
  }

  void check_ranking(const Conflict& c, Preferences& preferences) {
    if (c.options.size() > 20 || !can_enumerate_states(c)) {
      d_.error(preferences.at, fmt::format("an explicit ranking needs every feasible state; with {} options use prioritised statements instead", c.options.size()));
      return;
    }
    std::set<StateBits> ranked;
    for (auto& group : preferences.ranking)
      for (auto& entry : group) {
        const StateParse parsed = parse_state(c, entry.text);
        if (!parsed.state) {
          d_.error(entry.at, fmt::format("ranked state '{}': {}", entry.text, parsed.error));
          continue;
        }
        entry.state = *parsed.state;
        if (!is_feasible(c, entry.state)) d_.error(entry.at, fmt::format("ranked state '{}' is infeasible", entry.text));
        else if (!ranked.insert(entry.state).second) d_.error(entry.at, fmt::format("state '{}' is ranked twice", entry.text));
      }
    std::vector<std::string> missing;
    for (StateBits state : feasible_states(c))
      if (!ranked.count(state)) missing.push_back(state_text(c, state));
    if (!missing.empty())
      d_.error(preferences.at, fmt::format("the ranking of {} leaves out {} feasible state(s): {}", preferences.actor, missing.size(),
                                           fmt::join(missing.begin(), missing.begin() + std::min<std::size_t>(missing.size(), 8), "; ")));
  }

  static std::string state_text(const Conflict& c, StateBits state) {
    std::vector<std::string> taken;
    for (std::size_t i = 0; i < c.options.size(); ++i)
      if (state >> i & 1U) taken.push_back(c.options[i].id);
    return taken.empty() ? "none" : fmt::format("{}", fmt::join(taken, " + "));
  }

  // ---- games -----------------------------------------------------------------------------

  void check_game(Game& game) {
    source_reference(game.source, game.at);
    std::set<std::string> players;
    for (const auto& player : game.players) {
      if (!players.insert(player).second) d_.error(game.at, fmt::format("player {} is listed twice in game '{}'", player, game.id));
      known_actor(player, game.at);
    }
    const bool game_explained = !game.note.empty() || !game.source.empty();
    unexplained_payoffs_ = {};
    for (const auto& outcome : game.outcomes)
      for (const auto& value : outcome.values) {
        number_source(value);
        if (!game_explained) count_unexplained_payoff(value);
      }
    if (game.form == Game::Form::Extensive) {
      std::map<std::string, const GameNode*> infosets;
      tree_explained_ = game_explained;
      check_tree(game.tree, infosets);
    }
    if (const auto& [count, at] = unexplained_payoffs_; count)  // one warning per game: payoffs come by the dozen
      d_.warning(at, fmt::format("{} payoff{} in game '{}' {} no note or source, nor does {} end node or the game", count,
                                 count == 1 ? "" : "s", game.id, count == 1 ? "has" : "have", count == 1 ? "its" : "their"));
    if (game.form == Game::Form::File) check_game_file(game);
    if (game.outcome) check_game_outcome(game);
  }

  // A strategic game's play is one strategy per player; a tree's, the moves from the root.
  void check_game_outcome(const Game& game) {
    const Outcome& o = *game.outcome;
    source_reference(o.source, o.at);
    if (game.form == Game::Form::Strategic) {
      if (o.taken.size() != game.players.size()) {
        d_.error(o.at, fmt::format("the play of game '{}' must name one strategy per player ({}), found {}", game.id, game.players.size(), o.taken.size()));
        return;
      }
      for (std::size_t i = 0; i < game.players.size() && i < game.strategies.size(); ++i) {
        const auto& strategies = game.strategies[i];
        if (std::find(strategies.begin(), strategies.end(), o.taken[i]) == strategies.end())
          d_.error(o.at, fmt::format("'{}' is not a strategy of {} in game '{}'{}", o.taken[i], game.players[i], game.id, suggest(o.taken[i], strategies, d_)));
      }
    } else if (game.form == Game::Form::Extensive) {
      const GameNode* node = &game.tree;
      for (const auto& move : o.taken) {
        const auto where = std::find(node->moves.begin(), node->moves.end(), move);
        if (where == node->moves.end()) {
          d_.error(o.at, fmt::format("the play of game '{}' cannot continue with '{}'{}", game.id, move,
                                     node->moves.empty() ? std::string(": the play has already reached an end") : fmt::format(" (moves here: {})", names_for_message(node->moves))));
          return;
        }
        node = &node->children[static_cast<std::size_t>(where - node->moves.begin())];
      }
    } else {
      d_.error(o.at, "a game read from a Gambit file cannot have an outcome in the scenario (its moves are not known here)");
    }
  }

  void count_unexplained_payoff(const Number& payoff) {
    if (!payoff.at.line || !payoff.note.empty() || !payoff.source.empty()) return;
    auto& [count, at] = unexplained_payoffs_;
    if (!count++) at = payoff.at;
  }

  void check_tree(const GameNode& node, std::map<std::string, const GameNode*>& infosets) {
    if (node.kind == GameNode::Kind::Chance && !node.probabilities.empty()) {
      double total = 0;
      for (const auto& p : node.probabilities) {
        within(p, 0, 1, "probability", "[0, 1]");
        total += p.value;
      }
      if (std::abs(total - 1) > 1e-9) d_.error(node.at, fmt::format("chance probabilities sum to {}, not 1", format_value(total)));
    }
    if (node.kind == GameNode::Kind::Decision && !node.infoset.empty()) {
      const auto [it, inserted] = infosets.emplace(node.player + "\n" + node.infoset, &node);
      if (!inserted && it->second->moves != node.moves)
        d_.error(node.at, fmt::format("information set '{}' of {} has different moves here ({}) than at line {} ({})", node.infoset, node.player,
                                      fmt::join(node.moves, ", "), it->second->at.line, fmt::join(it->second->moves, ", ")));
    }
    for (const auto& payoff : node.payoffs.values) {
      number_source(payoff);
      if (node.note.empty() && !tree_explained_) count_unexplained_payoff(payoff);
    }
    for (const auto& child : node.children) check_tree(child, infosets);
  }

  void check_game_file(const Game& game) {
    if (game.file.empty()) return;
    const std::filesystem::path path = base_ / game.file;
    const auto extension = path.extension().string();
    if (extension != ".nfg" && extension != ".efg")
      d_.error(game.at, fmt::format("game file '{}' must be a Gambit .nfg or .efg file", game.file));
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
      d_.error(game.at, fmt::format("game file '{}' not found (looked for {})", game.file, path.string()));
  }

  Scenario& s_;
  Diagnostics& d_;
  std::filesystem::path base_;
  std::vector<std::string> actor_ids_;
  std::vector<std::string> source_ids_;
  std::unordered_set<std::string> actors_, sources_;  // the same, for lookups in constant time
  bool tree_explained_ = false;  // the game being checked has a note or source, covering its payoffs
  std::pair<std::size_t, Location> unexplained_payoffs_;  // in the game being checked: how many, the first
};

}  // namespace

void check_scenario(Scenario& scenario, Diagnostics& diagnostics, const std::filesystem::path& base_directory) {
  Checker(scenario, diagnostics, base_directory).run();
}

}  // namespace statecraft
