#include "scenario/judgment_diff.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace statecraft {
namespace {

using Kind = JudgmentChange::Kind;

// Where a judgment's reason is written: the number's own note, else its owner's.
struct Reason {
  std::string note;
  std::string source;
  Location at;
};

Reason reason_of(const Number& number, const Reason& owner) {
  if (number.note.empty() && number.source.empty()) return {owner.note, owner.source, number.at.line > 0 ? number.at : owner.at};
  return {number.note, number.source, number.at};
}

// As written, so that "1/3" stays "1/3"; numbers are compared by value ("0.5" and "1/2" agree).
std::string written(const Number& number) { return number.text.empty() ? fmt::format("{:g}", number.value) : number.text; }
std::string written(const std::optional<Number>& number, const std::string& absent) { return number ? written(*number) : absent; }
bool same(const std::optional<Number>& a, const std::optional<Number>& b) { return a.has_value() == b.has_value() && (!a || a->value == b->value); }

std::string listed(const std::vector<std::string>& items) { return items.empty() ? "none" : fmt::format("{}", fmt::join(items, ", ")); }

std::string quoted(const std::string& text) { return fmt::format("“{}”", text); }

// Statements are matched by their text without spaces: "a & b" and "a&b" are one statement.
std::string statement_key(const std::string& text) {
  std::string key;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\n') key += c;
  return key;
}

// Items of two lists matched by a key: those of `after` in its order (with their match in
// `before`, or none), then those only `before` has.
template <typename T, typename KeyOf>
void match_by_key(const std::vector<T>& before, const std::vector<T>& after, KeyOf key_of,
                  const std::function<void(const T* old_item, const T& new_item)>& in_after,
                  const std::function<void(const T& old_item)>& only_before) {
  const auto find = [&](const std::vector<T>& items, const std::string& key) -> const T* {
    const auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return key_of(item) == key; });
    return it == items.end() ? nullptr : &*it;
  };
  for (const T& item : after) in_after(find(before, key_of(item)), item);
  for (const T& item : before)
    if (!find(after, key_of(item))) only_before(item);
}

// Collects the changes of one section, each with the ids it is about.
class ChangeList {
 public:
  explicit ChangeList(std::vector<JudgmentChange>& out) : out_(out) {}

  struct Subject {
    std::string section, actor, issue, game;
  };

  void add(const Subject& subject, Kind kind, std::string what, std::string before, std::string after, const Reason& reason) {
    out_.push_back({kind, subject.section, std::move(what), std::move(before), std::move(after), subject.actor, subject.issue, subject.game,
                    reason.note, reason.source, reason.at});
  }
  void changed(const Subject& subject, std::string what, std::string before, std::string after, const Reason& reason) {
    if (before == after) return;
    const Kind kind = before.empty() ? Kind::Added : after.empty() ? Kind::Removed : Kind::Changed;
    add(subject, kind, std::move(what), std::move(before), std::move(after), reason);
  }

 private:
  std::vector<JudgmentChange>& out_;
};
using Subject = ChangeList::Subject;

// Actors and issues in words, by the names either version gives them (the new one's first).
class Names {
 public:
  Names(const Scenario& before, const Scenario& after) {
    for (const Scenario* s : {&before, &after})
      for (const auto& actor : s->actors) actors_[actor.id] = actor.name.empty() ? actor.id : fmt::format("{} ({})", actor.name, actor.id);
  }
  std::string actor(const std::string& id) const {
    const auto it = actors_.find(id);
    return it == actors_.end() ? id : it->second;
  }
  static std::string issue(const Issue& issue) { return issue.name.empty() ? issue.id : fmt::format("{} ({})", quoted(issue.name), issue.id); }
  static std::string game(const Game& game) { return game.title.empty() ? game.id : fmt::format("{} ({})", quoted(game.title), game.id); }

 private:
  std::map<std::string, std::string> actors_;
};

// ---- actors -----------------------------------------------------------------------------

void diff_actors(const Scenario& before, const Scenario& after, const Names& names, ChangeList& changes) {
  match_by_key<Actor>(
      before.actors, after.actors, [](const Actor& a) { return a.id; },
      [&](const Actor* old, const Actor& actor) {
        const Subject subject{"actors", actor.id, {}, {}};
        const Reason reason{actor.note, actor.source, actor.at};
        const std::string who = names.actor(actor.id);
        if (!old) {
          changes.add(subject, Kind::Added, "actor " + who, {}, "capability " + written(actor.capability), reason_of(actor.capability, reason));
          return;
        }
        if (old->capability.value != actor.capability.value)
          changes.add(subject, Kind::Changed, "capability of " + who, written(old->capability), written(actor.capability), reason_of(actor.capability, reason));
        changes.changed(subject, "name of actor " + actor.id, old->name, actor.name, reason);
        changes.changed(subject, "leader of " + who, old->leader, actor.leader, reason);
      },
      [&](const Actor& actor) {
        changes.add({"actors", actor.id, {}, {}}, Kind::Removed, "actor " + names.actor(actor.id), "capability " + written(actor.capability), {},
                    {actor.note, actor.source, actor.at});
      });
}

// ---- issues -----------------------------------------------------------------------------

std::string rule_words(const Decision& decision) {
  if (decision.rule == DecisionRule::Qualified) return fmt::format("qualified (threshold {})", written(decision.threshold, "?"));
  return rule_name(decision.rule);
}

std::string stance_words(const Stance& stance) {
  std::string words = fmt::format("position {}, salience {}", written(stance.position), written(stance.salience));
  if (stance.capability) words += ", capability " + written(*stance.capability);
  return words;
}

void diff_stances(const Issue& old_issue, const Issue& issue, const Names& names, ChangeList& changes) {
  const std::string on = " on " + Names::issue(issue);
  match_by_key<Stance>(
      old_issue.stances, issue.stances, [](const Stance& s) { return s.actor; },
      [&](const Stance* old, const Stance& stance) {
        const Subject subject{"issues", stance.actor, issue.id, {}};
        const Reason reason{stance.note, stance.source, stance.at};
        const std::string who = names.actor(stance.actor);
        if (!old) {
          changes.add(subject, Kind::Added, "stance of " + who + on, {}, stance_words(stance), reason);
          return;
        }
        if (old->position.value != stance.position.value)
          changes.add(subject, Kind::Changed, "position of " + who + on, written(old->position), written(stance.position), reason_of(stance.position, reason));
        if (old->salience.value != stance.salience.value)
          changes.add(subject, Kind::Changed, "salience of " + who + on, written(old->salience), written(stance.salience), reason_of(stance.salience, reason));
        if (!same(old->capability, stance.capability))
          changes.add(subject, Kind::Changed, "capability of " + who + on, written(old->capability, "the actor's"), written(stance.capability, "the actor's"),
                      stance.capability ? reason_of(*stance.capability, reason) : reason);
      },
      [&](const Stance& stance) {
        changes.add({"issues", stance.actor, issue.id, {}}, Kind::Removed, "stance of " + names.actor(stance.actor) + on, stance_words(stance), {},
                    reason_of(stance.position, {stance.note, stance.source, stance.at}));
      });
}

void diff_labels(const Issue& old_issue, const Issue& issue, ChangeList& changes) {
  const Subject subject{"issues", {}, issue.id, {}};
  const Reason reason{issue.note, issue.source, issue.at};
  const auto point = [](const Label& label) { return written(label.point); };
  match_by_key<Label>(
      old_issue.labels, issue.labels, point,
      [&](const Label* old, const Label& label) {
        const std::string what = fmt::format("label of point {} on {}", point(label), Names::issue(issue));
        if (!old) changes.add(subject, Kind::Added, what, {}, label.text, reason_of(label.point, reason));
        else changes.changed(subject, what, old->text, label.text, reason_of(label.point, reason));
      },
      [&](const Label& label) {
        changes.add(subject, Kind::Removed, fmt::format("label of point {} on {}", point(label), Names::issue(issue)), label.text, {}, reason);
      });
}

// The rule and its deciders as one judgment: "unanimity of RUS, UKR".
std::string decision_words(const Decision& decision) {
  if (decision.rule == DecisionRule::Everyone) return "";
  return fmt::format("{} of {}", rule_words(decision), listed(decision.deciders));
}

void diff_decision(const Issue& old_issue, const Issue& issue, ChangeList& changes) {
  const Decision& decision = issue.decision;
  // A rule the file gives by saying nothing has no place of its own: point at the issue.
  const Reason reason{decision.note, decision.source, decision.at.line > 0 ? decision.at : issue.at};
  changes.changed({"issues", {}, issue.id, {}}, "decision rule of " + Names::issue(issue), decision_words(old_issue.decision), decision_words(decision), reason);
}

void diff_issue(const Issue& old, const Issue& issue, const Names& names, ChangeList& changes) {
  const Subject subject{"issues", {}, issue.id, {}};
  const Reason reason{issue.note, issue.source, issue.at};
  const std::string of = " of " + Names::issue(issue);
  const auto scale = [](const Issue& i) { return fmt::format("[{}, {}]", written(i.low), written(i.high)); };
  if (old.low.value != issue.low.value || old.high.value != issue.high.value) changes.add(subject, Kind::Changed, "scale" + of, scale(old), scale(issue), reason);
  changes.changed(subject, "units" + of, old.units, issue.units, reason);
  if (!same(old.status_quo, issue.status_quo))
    changes.add(subject, Kind::Changed, "status quo" + of, written(old.status_quo, "none"), written(issue.status_quo, "none"),
                issue.status_quo ? reason_of(*issue.status_quo, reason) : reason);
  diff_decision(old, issue, changes);
  diff_labels(old, issue, changes);
  diff_stances(old, issue, names, changes);
}

void diff_issues(const Scenario& before, const Scenario& after, const Names& names, ChangeList& changes) {
  const auto shape = [](const Issue& i) {
    return fmt::format("scale [{}, {}], {} stance{}", written(i.low), written(i.high), i.stances.size(), i.stances.size() == 1 ? "" : "s");
  };
  match_by_key<Issue>(
      before.issues, after.issues, [](const Issue& i) { return i.id; },
      [&](const Issue* old, const Issue& issue) {
        if (old) diff_issue(*old, issue, names, changes);
        else changes.add({"issues", {}, issue.id, {}}, Kind::Added, "issue " + Names::issue(issue), {}, shape(issue), {issue.note, issue.source, issue.at});
      },
      [&](const Issue& issue) {
        changes.add({"issues", {}, issue.id, {}}, Kind::Removed, "issue " + Names::issue(issue), shape(issue), {}, {issue.note, issue.source, issue.at});
      });
}

// ---- conflict ---------------------------------------------------------------------------

const char* reversibility_words(Reversibility r) {
  switch (r) {
    case Reversibility::Forward: return "forward only";
    case Reversibility::Backward: return "backward only";
    case Reversibility::Both: break;
  }
  return "both ways";
}

void diff_options(const Conflict& before, const Conflict& after, const Names& names, ChangeList& changes) {
  const auto what = [&](const Option& o) { return fmt::format("option {} ({}) of {}", quoted(o.name.empty() ? o.id : o.name), o.id, names.actor(o.actor)); };
  match_by_key<Option>(
      before.options, after.options, [](const Option& o) { return o.id; },
      [&](const Option* old, const Option& option) {
        const Subject subject{"conflict", option.actor, {}, {}};
        const Reason reason{option.note, option.source, option.at};
        if (!old) {
          changes.add(subject, Kind::Added, what(option), {}, option.name, reason);
          return;
        }
        changes.changed(subject, "holder of option " + option.id, names.actor(old->actor), names.actor(option.actor), reason);
        changes.changed(subject, "name of option " + option.id, old->name, option.name, reason);
        changes.changed(subject, "reversibility of " + what(option), reversibility_words(old->reversible), reversibility_words(option.reversible), reason);
      },
      [&](const Option& option) { changes.add({"conflict", option.actor, {}, {}}, Kind::Removed, what(option), option.name, {}, {option.note, option.source, option.at}); });
}

// The statements in both lists whose order changed: those off a longest common subsequence of
// the two orders, so that one statement moved up is one move, not a shift of all below it.
std::vector<std::string> moved_statements(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  std::vector<std::string> a, b;  // the common keys, in each order
  for (const auto& key : before)
    if (std::find(after.begin(), after.end(), key) != after.end()) a.push_back(key);
  for (const auto& key : after)
    if (std::find(before.begin(), before.end(), key) != before.end()) b.push_back(key);
  std::vector<std::vector<std::size_t>> longest(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      longest[i][j] = a[i] == b[j] ? longest[i + 1][j + 1] + 1 : std::max(longest[i + 1][j], longest[i][j + 1]);
  std::vector<std::string> kept;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) kept.push_back(a[i]), ++i, ++j;
    else if (longest[i + 1][j] > longest[i][j + 1]) ++i;
    else ++j;  // on a tie the old order's earlier statement stays, and the one that rose past it is the move
  }
  std::vector<std::string> moved;
  for (const auto& key : b)
    if (std::find(kept.begin(), kept.end(), key) == kept.end()) moved.push_back(key);
  return moved;
}

std::vector<std::string> keys_of(const std::vector<Statement>& statements) {
  std::vector<std::string> keys;
  for (const auto& s : statements) keys.push_back(statement_key(s.text));
  return keys;
}

std::string rank(std::size_t index, std::size_t count) { return fmt::format("rank {} of {}", index + 1, count); }

void diff_statements(const std::vector<Statement>& before, const std::vector<Statement>& after, const Subject& subject, const std::string& whose,
                     ChangeList& changes) {
  const auto old_keys = keys_of(before), new_keys = keys_of(after);
  const auto index_in = [](const std::vector<std::string>& keys, const std::string& key) {
    return static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
  };
  const auto moved = moved_statements(old_keys, new_keys);
  for (std::size_t i = 0; i < after.size(); ++i) {
    const Statement& s = after[i];
    const Reason reason{s.note, s.source, s.at};
    const std::size_t old_index = index_in(old_keys, new_keys[i]);
    const std::string what = fmt::format("{} {}", whose, quoted(s.text));
    if (old_index == old_keys.size()) changes.add(subject, Kind::Added, what, {}, rank(i, after.size()), reason);
    else if (std::find(moved.begin(), moved.end(), new_keys[i]) != moved.end())
      changes.add(subject, Kind::Moved, what, rank(old_index, before.size()), rank(i, after.size()), reason);
  }
  for (std::size_t i = 0; i < before.size(); ++i)
    if (index_in(new_keys, old_keys[i]) == new_keys.size())
      changes.add(subject, Kind::Removed, fmt::format("{} {}", whose, quoted(before[i].text)), rank(i, before.size()), {},
                  {before[i].note, before[i].source, before[i].at});
}

std::string ranking_words(const Preferences& p) {
  std::vector<std::string> groups;
  for (const auto& group : p.ranking) {
    std::vector<std::string> states;
    for (const auto& state : group) states.push_back(state.text);
    groups.push_back(fmt::format("{}", fmt::join(states, " = ")));
  }
  return fmt::format("{}", fmt::join(groups, " > "));
}

void diff_preferences(const Conflict& before, const Conflict& after, const Names& names, ChangeList& changes) {
  const Preferences none;
  match_by_key<Preferences>(
      before.preferences, after.preferences, [](const Preferences& p) { return p.actor; },
      [&](const Preferences* old, const Preferences& p) {
        const Subject subject{"conflict", p.actor, {}, {}};
        const std::string whose = "preference statement of " + names.actor(p.actor);
        const Preferences& was = old ? *old : none;
        if (p.by_ranking || was.by_ranking) {
          changes.changed(subject, "ranking of states by " + names.actor(p.actor), ranking_words(was), ranking_words(p), {{}, {}, p.at});
          if (!p.by_ranking || !was.by_ranking) diff_statements(was.statements, p.statements, subject, whose, changes);
          return;
        }
        diff_statements(was.statements, p.statements, subject, whose, changes);
      },
      [&](const Preferences& p) {
        diff_statements(p.statements, {}, {"conflict", p.actor, {}, {}}, "preference statement of " + names.actor(p.actor), changes);
        if (p.by_ranking) changes.add({"conflict", p.actor, {}, {}}, Kind::Removed, "ranking of states by " + names.actor(p.actor), ranking_words(p), {}, {{}, {}, p.at});
      });
}

void diff_misperceptions(const Conflict& before, const Conflict& after, const Names& names, ChangeList& changes) {
  const auto whose = [&](const Misperception& m) { return "state misperceived by " + names.actor(m.actor) + ":"; };
  const auto statements_of = [](const std::vector<Misperception>& all, const std::string& actor) {
    for (const auto& m : all)
      if (m.actor == actor) return m.statements;
    return std::vector<Statement>{};
  };
  for (const auto& m : after.misperceptions)
    diff_statements(statements_of(before.misperceptions, m.actor), m.statements, {"conflict", m.actor, {}, {}}, whose(m), changes);
  for (const auto& m : before.misperceptions)
    if (std::none_of(after.misperceptions.begin(), after.misperceptions.end(), [&](const Misperception& n) { return n.actor == m.actor; }))
      diff_statements(m.statements, {}, {"conflict", m.actor, {}, {}}, whose(m), changes);
}

// Infeasible combinations are a set: their order means nothing, so only additions and removals count.
void diff_infeasible(const Conflict& before, const Conflict& after, ChangeList& changes) {
  const auto key = [](const Statement& s) { return statement_key(s.text); };
  match_by_key<Statement>(
      before.infeasible, after.infeasible, key,
      [&](const Statement* old, const Statement& s) {
        if (!old) changes.add({"conflict", {}, {}, {}}, Kind::Added, "infeasible combination " + quoted(s.text), {}, "ruled out", {s.note, s.source, s.at});
      },
      [&](const Statement& s) {
        changes.add({"conflict", {}, {}, {}}, Kind::Removed, "infeasible combination " + quoted(s.text), "ruled out", {}, {s.note, s.source, s.at});
      });
}

std::string conflict_shape(const Conflict& c) { return fmt::format("{} options, {} decision makers with preferences", c.options.size(), c.preferences.size()); }

void diff_conflict(const Scenario& before, const Scenario& after, const Names& names, ChangeList& changes) {
  if (!before.conflict && !after.conflict) return;
  if (!before.conflict || !after.conflict) {
    const Conflict& present = before.conflict ? *before.conflict : *after.conflict;
    const bool added = after.conflict.has_value();
    changes.add({"conflict", {}, {}, {}}, added ? Kind::Added : Kind::Removed, "conflict section", added ? "" : conflict_shape(present),
                added ? conflict_shape(present) : "", {{}, {}, present.at});
    return;
  }
  const Conflict& old = *before.conflict;
  const Conflict& conflict = *after.conflict;
  diff_options(old, conflict, names, changes);
  diff_infeasible(old, conflict, changes);
  auto old_status_quo = old.status_quo, status_quo = conflict.status_quo;
  std::sort(old_status_quo.begin(), old_status_quo.end());
  std::sort(status_quo.begin(), status_quo.end());
  if (old_status_quo != status_quo || old.status_quo_given != conflict.status_quo_given)
    changes.add({"conflict", {}, {}, {}}, Kind::Changed, "options taken in the conflict's status quo", listed(old.status_quo), listed(conflict.status_quo),
                {{}, {}, conflict.at});
  diff_preferences(old, conflict, names, changes);
  diff_misperceptions(old, conflict, names, changes);
}

// ---- games ------------------------------------------------------------------------------

const char* form_name(Game::Form form) {
  switch (form) {
    case Game::Form::Strategic: return "strategic";
    case Game::Form::Extensive: return "extensive";
    case Game::Form::File: break;
  }
  return "file";
}

std::string game_shape(const Game& g) { return fmt::format("{} form, players {}", form_name(g.form), listed(g.players)); }

// Payoffs compared player by player, players matched by id (a game may gain or lose one).
void diff_payoffs(const Game& old_game, const Payoff& old, const Game& game, const Payoff& payoff, const std::string& outcome, const Reason& owner,
                  const Names& names, ChangeList& changes) {
  for (std::size_t p = 0; p < game.players.size() && p < payoff.values.size(); ++p) {
    const auto it = std::find(old_game.players.begin(), old_game.players.end(), game.players[p]);
    const auto q = static_cast<std::size_t>(it - old_game.players.begin());
    if (it == old_game.players.end() || q >= old.values.size() || old.values[q].value == payoff.values[p].value) continue;
    changes.add({"games", game.players[p], {}, game.id}, Kind::Changed,
                fmt::format("payoff of {} for {} in game {}", names.actor(game.players[p]), outcome, Names::game(game)), written(old.values[q]),
                written(payoff.values[p]), reason_of(payoff.values[p], owner));
  }
}

// Each profile of a strategic game by its strategies' names, the last player's varying fastest.
std::map<std::string, const Payoff*> profiles(const Game& game) {
  std::map<std::string, const Payoff*> by_name;
  std::vector<std::size_t> choice(game.strategies.size(), 0);
  for (const Payoff& payoff : game.outcomes) {
    std::vector<std::string> names;
    for (std::size_t p = 0; p < choice.size(); ++p) names.push_back(game.strategies[p][choice[p]]);
    by_name[fmt::format("({})", fmt::join(names, ", "))] = &payoff;
    for (std::size_t p = choice.size(); p-- > 0;) {
      if (++choice[p] < game.strategies[p].size()) break;
      choice[p] = 0;
    }
  }
  return by_name;
}

void diff_strategic(const Game& old, const Game& game, const Names& names, ChangeList& changes) {
  const Reason reason{game.note, game.source, game.at};
  for (std::size_t p = 0; p < game.players.size() && p < game.strategies.size(); ++p) {
    const auto it = std::find(old.players.begin(), old.players.end(), game.players[p]);
    const auto q = static_cast<std::size_t>(it - old.players.begin());
    if (it == old.players.end() || q >= old.strategies.size()) continue;
    changes.changed({"games", game.players[p], {}, game.id}, fmt::format("strategies of {} in game {}", names.actor(game.players[p]), Names::game(game)),
                    listed(old.strategies[q]), listed(game.strategies[p]), reason);
  }
  const auto old_profiles = profiles(old);
  for (const auto& [profile, payoff] : profiles(game)) {
    const auto match = old_profiles.find(profile);
    if (match == old_profiles.end()) continue;  // a new strategy's profiles come with the strategy
    diff_payoffs(old, *match->second, game, *payoff, profile, {game.note, game.source, payoff->at}, names, changes);
  }
}

// Every node of a tree by its path of moves from the root ("offer_kim_lever / sanction").
void nodes_by_path(const GameNode& node, const std::string& path, std::map<std::string, const GameNode*>& out) {
  out[path] = &node;
  for (std::size_t m = 0; m < node.moves.size() && m < node.children.size(); ++m)
    nodes_by_path(node.children[m], path.empty() ? node.moves[m] : path + " / " + node.moves[m], out);
}

std::string node_words(const GameNode& node, const std::string& path) {
  const std::string where = path.empty() ? "the root" : path;
  return node.name.empty() ? where : fmt::format("{} ({})", quoted(node.name), where);
}

std::string node_shape(const GameNode& node, const Game& game) {
  switch (node.kind) {
    case GameNode::Kind::Decision: return fmt::format("a move of {} among {}", node.player, listed(node.moves));
    case GameNode::Kind::Chance: return fmt::format("chance among {}", listed(node.moves));
    case GameNode::Kind::Terminal: break;
  }
  std::vector<std::string> values;
  for (std::size_t p = 0; p < node.payoffs.values.size(); ++p)
    values.push_back(fmt::format("{} {}", p < game.players.size() ? game.players[p] : "?", written(node.payoffs.values[p])));
  return "payoffs " + listed(values);
}

void diff_tree_node(const Game& old_game, const GameNode& old, const Game& game, const GameNode& node, const std::string& path, const Names& names,
                    ChangeList& changes) {
  const Subject subject{"games", node.player, {}, game.id};
  const Reason reason{node.note.empty() ? game.note : node.note, game.source, node.at};
  if (old.kind != node.kind || old.player != node.player) {
    changes.add(subject, Kind::Changed, fmt::format("what happens at {} in game {}", node_words(node, path), Names::game(game)), node_shape(old, old_game),
                node_shape(node, game), reason);
    return;
  }
  if (node.kind == GameNode::Kind::Terminal)
    diff_payoffs(old_game, old.payoffs, game, node.payoffs, node_words(node, path), reason, names, changes);
  if (node.kind != GameNode::Kind::Chance) return;
  for (std::size_t m = 0; m < node.moves.size() && m < node.probabilities.size(); ++m) {
    const auto it = std::find(old.moves.begin(), old.moves.end(), node.moves[m]);
    const auto k = static_cast<std::size_t>(it - old.moves.begin());
    if (it == old.moves.end() || k >= old.probabilities.size() || old.probabilities[k].value == node.probabilities[m].value) continue;
    changes.add(subject, Kind::Changed, fmt::format("probability of {} at {} in game {}", node.moves[m], node_words(node, path), Names::game(game)),
                written(old.probabilities[k]), written(node.probabilities[m]), reason_of(node.probabilities[m], reason));
  }
}

void diff_tree(const Game& old, const Game& game, const Names& names, ChangeList& changes) {
  std::map<std::string, const GameNode*> old_nodes, new_nodes;
  nodes_by_path(old.tree, "", old_nodes);
  nodes_by_path(game.tree, "", new_nodes);
  const auto parent = [](const std::string& path) {
    const auto cut = path.rfind(" / ");
    return cut == std::string::npos ? std::string() : path.substr(0, cut);
  };
  // Only the top of an added or removed branch is listed: what lies below comes with it.
  const auto branch_top = [&](const std::string& path, const std::map<std::string, const GameNode*>& other) {
    return !path.empty() && !other.count(path) && other.count(parent(path));
  };
  const std::string in = " in game " + Names::game(game);
  for (const auto& [path, node] : new_nodes) {
    const Subject subject{"games", node->player, {}, game.id};
    if (const auto match = old_nodes.find(path); match != old_nodes.end()) diff_tree_node(old, *match->second, game, *node, path, names, changes);
    else if (branch_top(path, old_nodes))
      changes.add(subject, Kind::Added, "move " + node_words(*node, path) + in, {}, node_shape(*node, game), {node->note, game.source, node->at});
  }
  for (const auto& [path, node] : old_nodes)
    if (branch_top(path, new_nodes))
      changes.add({"games", node->player, {}, game.id}, Kind::Removed, "move " + node_words(*node, path) + in, node_shape(*node, old), {},
                  {node->note, old.source, node->at});
}

void diff_game(const Game& old, const Game& game, const Names& names, ChangeList& changes) {
  const Subject subject{"games", {}, {}, game.id};
  const Reason reason{game.note, game.source, game.at};
  if (old.form != game.form) {
    changes.add(subject, Kind::Changed, "form of game " + Names::game(game), game_shape(old), game_shape(game), reason);
    return;
  }
  changes.changed(subject, "players of game " + Names::game(game), listed(old.players), listed(game.players), reason);
  if (game.form == Game::Form::Strategic) diff_strategic(old, game, names, changes);
  if (game.form == Game::Form::Extensive) diff_tree(old, game, names, changes);
  if (game.form == Game::Form::File) changes.changed(subject, "file of game " + Names::game(game), old.file, game.file, reason);
}

void diff_games(const Scenario& before, const Scenario& after, const Names& names, ChangeList& changes) {
  match_by_key<Game>(
      before.games, after.games, [](const Game& g) { return g.id; },
      [&](const Game* old, const Game& game) {
        if (old) diff_game(*old, game, names, changes);
        else changes.add({"games", {}, {}, game.id}, Kind::Added, "game " + Names::game(game), {}, game_shape(game), {game.note, game.source, game.at});
      },
      [&](const Game& game) {
        changes.add({"games", {}, {}, game.id}, Kind::Removed, "game " + Names::game(game), game_shape(game), {}, {game.note, game.source, game.at});
      });
}

}  // namespace

const char* kind_name(JudgmentChange::Kind kind) {
  static constexpr const char* names[] = {"added", "removed", "changed", "moved"};
  return names[static_cast<int>(kind)];
}

std::vector<JudgmentChange> judgment_changes(const Scenario& before, const Scenario& after) {
  std::vector<JudgmentChange> out;
  ChangeList changes(out);
  const Names names(before, after);
  // The as-of date decides which sources may be used, so it is a judgment too.
  changes.changed({"scenario", {}, {}, {}}, "as-of date", before.date, after.date, {});
  // Which variant of a model fits the case is a modelling judgment: it moves the forecasts.
  const auto probability = [](const Scenario& s) { return s.models ? s.models->expected_utility_probability : std::string(); };
  const Reason why = after.models ? Reason{after.models->note, after.models->source, after.models->at} : Reason{};
  changes.changed({"scenario", {}, {}, {}}, "expected utility's probability of success", probability(before), probability(after), why);
  diff_actors(before, after, names, changes);
  diff_issues(before, after, names, changes);
  diff_conflict(before, after, names, changes);
  diff_games(before, after, names, changes);
  return out;
}

}  // namespace statecraft
