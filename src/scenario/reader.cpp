#include "scenario/reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmpxx.h>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "scenario/rational.hpp"
#include "scenario/types.hpp"

namespace statecraft {
namespace {

std::string quote(std::string_view text) {
  constexpr std::size_t longest = 40;
  if (text.size() <= longest) return fmt::format("'{}'", text);
  return fmt::format("'{}…'", text.substr(0, longest));
}

// Names to their positions, the first of each name winning; the names must outlive the index.
using Index = std::unordered_map<std::string_view, std::size_t>;

Index index_of(const std::vector<std::string>& names) {
  Index index;
  for (std::size_t k = 0; k < names.size(); ++k) index.emplace(names[k], k);
  return index;
}

std::string found(const DocNode& node) {
  return node.is_scalar() ? quote(node.scalar) : describe_kind(node);
}

// The keys of one mapping, checked against the keys its place allows.
class Fields {
 public:
  Fields(const DocNode& node, std::string_view what, std::vector<std::string> allowed,
         Diagnostics& diagnostics)
      : what_(what), at_(node.at), diagnostics_(diagnostics) {
    if (!node.is_map()) {
      diagnostics.error(node.at, fmt::format("{} must be a mapping (key: value), found {}", what, found(node)));
      valid_ = false;
      return;
    }
    for (const auto& [key, value] : node.entries) {
      if (!key.is_scalar()) {
        diagnostics.error(key.at, fmt::format("keys in {} must be plain words, found {}", what, describe_kind(key)));
        continue;
      }
      if (std::find(allowed.begin(), allowed.end(), key.scalar) == allowed.end()) {
        const std::string suggestion = closest_match(key.scalar, allowed);
        diagnostics.error(key.at, fmt::format("unknown key {} in {}{}", quote(key.scalar), what,
                                              suggestion.empty() ? fmt::format(" (allowed: {})", fmt::join(allowed, ", "))
                                                                 : fmt::format("; did you mean '{}'?", suggestion)));
        continue;
      }
      if (get(key.scalar)) {
        diagnostics.error(key.at, fmt::format("key '{}' appears twice in {}", key.scalar, what));
        continue;
      }
      fields_.emplace_back(key.scalar, &value);
    }
  }

  bool valid() const { return valid_; }
  Location at() const { return at_; }

  const DocNode* get(std::string_view key) const {
    for (const auto& [name, value] : fields_)
      if (name == key) return value;
    return nullptr;
  }

  const DocNode* require(std::string_view key) const {
    const DocNode* value = get(key);
    if (!value && valid_) diagnostics_.error(at_, fmt::format("{} lacks the required key '{}'", what_, key));
    return value;
  }

 private:
  std::string what_;
  Location at_;
  Diagnostics& diagnostics_;
  bool valid_ = true;
  std::vector<std::pair<std::string, const DocNode*>> fields_;
};

bool is_actor_id(std::string_view id) {
  if (id.size() < 2 || id.size() > 8 || !std::isupper(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

bool is_option_id(std::string_view id) {
  if (id.empty() || !(std::isalpha(static_cast<unsigned char>(id[0])) || id[0] == '_')) return false;
  if (id == "none" || id == "true" || id == "false") return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

bool is_plain_id(std::string_view id) {
  if (id.empty() || !std::isalnum(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int year = 0, month = 0, day = 0;
  auto digits = [&](std::size_t from, std::size_t count, int& out) {
    auto [end, ec] = std::from_chars(text.data() + from, text.data() + from + count, out);
    return ec == std::errc{} && end == text.data() + from + count;
  };
  if (!digits(0, 4, year) || !digits(5, 2, month) || !digits(8, 2, day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int days_in[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29) return leap;
  return day <= days_in[month - 1];
}

enum class IdKind { Actor, Option, Plain };

class Reader {
 public:
  explicit Reader(Diagnostics& diagnostics) : d_(diagnostics) {}

  Scenario scenario(const DocNode& root) {
    Scenario s;
    Fields f(root, "the scenario", {"statecraft", "id", "title", "date", "summary", "sources", "actors", "issues", "conflict", "games", "models"}, d_);
    if (!f.valid()) return s;
    if (const DocNode* version = f.require("statecraft")) {
      if (version->is_scalar() && (version->scalar == "1" || version->scalar == "2")) s.format = version->scalar[0] - '0';
      else d_.error(version->at, fmt::format("unsupported format version {}; this statecraft reads versions 1 and 2", found(*version)));
    }
    format_ = s.format;
    if (const DocNode* n = f.require("id")) s.id = id(*n, IdKind::Plain, "scenario id");
    if (const DocNode* n = f.require("title")) s.title = text(*n, "title");
    if (const DocNode* n = f.get("date")) s.date = date(*n);
    if (const DocNode* n = f.get("summary")) s.summary = text(*n, "summary");
    if (const DocNode* n = f.get("sources")) s.sources = list<Source>(*n, "sources", [&](const DocNode& e) { return source(e); });
    if (const DocNode* n = f.require("actors")) {
      s.actors = list<Actor>(*n, "actors", [&](const DocNode& e) { return actor(e); });
      if (n->is_sequence() && n->items.empty()) d_.error(n->at, "a scenario needs at least one actor");
    }
    if (const DocNode* n = f.get("issues")) s.issues = list<Issue>(*n, "issues", [&](const DocNode& e) { return issue(e); });
    if (const DocNode* n = f.get("conflict")) s.conflict = conflict(*n);
    if (const DocNode* n = f.get("games")) s.games = list<Game>(*n, "games", [&](const DocNode& e) { return game(e); });
    if (const DocNode* n = version_2(f, "models")) s.models = models(*n);
    return s;
  }

 private:
  // ---- scalars -------------------------------------------------------------------------

  std::string text(const DocNode& node, std::string_view what) {
    if (!node.is_scalar()) {
      d_.error(node.at, fmt::format("{} must be text, found {}", what, describe_kind(node)));
      return {};
    }
    return node.scalar;
  }

  std::string id(const DocNode& node, IdKind kind, std::string_view what) {
    std::string value = text(node, what);
    if (!node.is_scalar()) return value;
    const bool ok = kind == IdKind::Actor ? is_actor_id(value) : kind == IdKind::Option ? is_option_id(value) : is_plain_id(value);
    if (!ok) {
      const char* rule = kind == IdKind::Actor
                             ? "2 to 8 upper-case letters, digits or '_', starting with a letter (e.g. USA, EU)"
                         : kind == IdKind::Option
                             ? "letters, digits and '_', starting with a letter or '_', and not none/true/false"
                             : "letters, digits, '_', '-' and '.', starting with a letter or digit";
      d_.error(node.at, fmt::format("{} {} is not a valid id: use {}", what, quote(value), rule));
    }
    return value;
  }

  // A source's id, or a coded event of one, "ev:SOURCE:SENTENCE" (checked by the validator).
  std::string source_reference(const DocNode& node) {
    if (node.is_scalar() && node.scalar.starts_with("ev:")) return node.scalar;
    return id(node, IdKind::Plain, "source");
  }

  std::string date(const DocNode& node) {
    std::string value = text(node, "date");
    if (node.is_scalar() && !is_iso_date(value))
      d_.error(node.at, fmt::format("date {} is not a calendar date written YYYY-MM-DD", quote(value)));
    return value;
  }

  std::optional<Number> number(const DocNode& node, std::string_view what) {
    if (node.is_map()) {
      Fields f(node, what, {"value", "note", "source"}, d_);
      const DocNode* value = f.require("value");
      if (!value) return std::nullopt;
      auto result = plain_number(*value, what);
      if (!result) return std::nullopt;
      if (const DocNode* n = f.get("note")) result->note = text(*n, "note");
      if (const DocNode* n = f.get("source")) result->source = source_reference(*n);
      return result;
    }
    return plain_number(node, what);
  }

  std::optional<Number> plain_number(const DocNode& node, std::string_view what) {
    std::optional<double> value;
    if (node.is_scalar()) value = parse_number(node.scalar);
    if (!value) {
      d_.error(node.at, fmt::format("{} must be a finite number (or {{value: …, note: …}}), found {}", what, found(node)));
      return std::nullopt;
    }
    Number n;
    n.value = *value;
    n.text = node.scalar;
    n.at = node.at;
    return n;
  }

  void note_and_source(const Fields& f, std::string& note, std::string& source) {
    if (const DocNode* n = f.get("note")) note = text(*n, "note");
    if (const DocNode* n = f.get("source")) source = source_reference(*n);
  }

  template <typename T, typename ReadOne>
  std::vector<T> list(const DocNode& node, std::string_view what, ReadOne&& read_one) {
    std::vector<T> out;
    if (!node.is_sequence()) {
      d_.error(node.at, fmt::format("{} must be a list, found {}", what, describe_kind(node)));
      return out;
    }
    for (const auto& item : node.items) out.push_back(read_one(item));
    return out;
  }

  std::vector<std::string> id_list(const DocNode& node, IdKind kind, std::string_view what) {
    std::vector<std::string> out;
    if (!node.is_sequence()) {
      d_.error(node.at, fmt::format("{} must be a list, found {}", what, describe_kind(node)));
      return out;
    }
    for (const auto& item : node.items) out.push_back(id(item, kind, what));
    return out;
  }

  // ---- sections ------------------------------------------------------------------------

  Source source(const DocNode& node) {
    Source s;
    s.at = node.at;
    Fields f(node, "a source", {"id", "title", "author", "outlet", "date", "url", "note"}, d_);
    if (const DocNode* n = f.require("id")) s.id = id(*n, IdKind::Plain, "source id");
    if (const DocNode* n = f.require("title")) s.title = text(*n, "title");
    if (const DocNode* n = f.get("author")) s.author = text(*n, "author");
    if (const DocNode* n = f.get("outlet")) s.outlet = text(*n, "outlet");
    if (const DocNode* n = f.get("url")) s.url = text(*n, "url");
    if (const DocNode* n = f.get("note")) s.note = text(*n, "note");
    if (const DocNode* n = f.get("date")) s.date = date(*n);
    return s;
  }

  Actor actor(const DocNode& node) {
    Actor a;
    a.at = node.at;
    Fields f(node, "an actor", {"id", "name", "leader", "capability", "note", "source"}, d_);
    if (const DocNode* n = f.require("id")) a.id = id(*n, IdKind::Actor, "actor id");
    if (const DocNode* n = f.require("name")) a.name = text(*n, "name");
    if (const DocNode* n = f.get("leader")) a.leader = text(*n, "leader");
    if (const DocNode* n = f.require("capability"))
      if (auto c = number(*n, "capability")) a.capability = *c;
    note_and_source(f, a.note, a.source);
    return a;
  }

  Issue issue(const DocNode& node) {
    Issue issue;
    issue.at = node.at;
    Fields f(node, "an issue", {"id", "name", "scale", "units", "labels", "status_quo", "decision", "outcome", "stances", "note", "source"}, d_);
    if (const DocNode* n = f.require("id")) issue.id = id(*n, IdKind::Plain, "issue id");
    if (const DocNode* n = f.require("name")) issue.name = text(*n, "name");
    if (const DocNode* n = f.require("scale")) scale(*n, issue);
    if (const DocNode* n = version_2(f, "units")) issue.units = text(*n, "units");
    if (const DocNode* n = f.get("labels")) labels(*n, issue);
    if (const DocNode* n = f.get("status_quo")) issue.status_quo = number(*n, "status_quo");
    if (const DocNode* n = version_2(f, "decision")) issue.decision = decision(*n);
    if (const DocNode* n = version_2(f, "outcome")) issue.outcome = outcome(*n, "an issue's outcome", "value");
    if (const DocNode* n = f.require("stances")) {
      if (!n->is_map()) {
        d_.error(n->at, fmt::format("stances must be a mapping from actor id to stance, found {}", describe_kind(*n)));
      } else {
        if (n->entries.empty()) d_.error(n->at, "an issue needs at least one stance");
        for (const auto& [key, value] : n->entries) issue.stances.push_back(stance(key, value));
      }
    }
    note_and_source(f, issue.note, issue.source);
    return issue;
  }

  // A key that only format version 2 knows: in a version-1 file it is an error that says so,
  // rather than an unknown key, since the fix is to raise the version.
  const DocNode* version_2(const Fields& f, std::string_view key) {
    const DocNode* n = f.get(key);
    if (n && format_ < 2) {
      d_.error(n->at, fmt::format("'{}' needs scenario format version 2: write 'statecraft: 2' at the top of the file", key));
      return nullptr;
    }
    return n;
  }

  ModelChoices models(const DocNode& node) {
    ModelChoices m;
    m.at = node.at;
    Fields f(node, "models", {"expected-utility"}, d_);
    if (const DocNode* eu = f.get("expected-utility")) {
      Fields g(*eu, "the expected-utility model", {"probability", "note", "source"}, d_);
      if (const DocNode* n = g.require("probability")) {
        m.expected_utility_probability = text(*n, "probability");
        if (n->is_scalar() && m.expected_utility_probability != "program" && m.expected_utility_probability != "paper")
          d_.error(n->at, fmt::format("probability must be program (Scholz et al.'s program) or paper (their eq. 31 as printed), found {}",
                                      quote(m.expected_utility_probability)));
      }
      note_and_source(g, m.note, m.source);
    }
    return m;
  }

  Decision decision(const DocNode& node) {
    Decision d;
    d.at = node.at;
    Fields f(node, "a decision", {"rule", "deciders", "threshold", "note", "source"}, d_);
    if (const DocNode* n = f.require("rule")) {
      const std::string rule = text(*n, "rule");
      if (rule == "unanimity") d.rule = DecisionRule::Unanimity;
      else if (rule == "majority") d.rule = DecisionRule::Majority;
      else if (rule == "qualified") d.rule = DecisionRule::Qualified;
      else if (n->is_scalar())
        d_.error(n->at, fmt::format("rule must be unanimity, majority or qualified, found {}", quote(rule)));
    }
    if (const DocNode* n = f.require("deciders")) {
      d.deciders = id_list(*n, IdKind::Actor, "decider");
      check_unique(*n, "decider");
      if (n->is_sequence() && n->items.empty()) d_.error(n->at, "a decision needs at least one decider");
    }
    if (const DocNode* n = f.get("threshold")) d.threshold = number(*n, "threshold");
    note_and_source(f, d.note, d.source);
    return d;
  }

  // `what_key` is the key that says what came about: value (issues), state (conflicts) or play (games).
  Outcome outcome(const DocNode& node, std::string_view what, std::string_view what_key) {
    Outcome o;
    o.at = node.at;
    Fields f(node, what, {std::string(what_key), "date", "source", "note"}, d_);
    if (const DocNode* n = f.require(what_key)) {
      if (what_key == "value") o.value = number(*n, "an outcome's value");
      else if (what_key == "state") o.taken = id_list(*n, IdKind::Option, "option");
      else if (!n->is_sequence()) d_.error(n->at, fmt::format("play must be a list of strategies or moves, found {}", describe_kind(*n)));
      else for (const auto& item : n->items) o.taken.push_back(text(item, "a move or strategy"));
    }
    if (const DocNode* n = f.get("date")) o.date = date(*n);
    note_and_source(f, o.note, o.source);
    return o;
  }

  void scale(const DocNode& node, Issue& issue) {
    if (!node.is_sequence() || node.items.size() != 2) {
      d_.error(node.at, fmt::format("scale must be a list [low, high], found {}", found(node)));
      return;
    }
    if (auto low = number(node.items[0], "scale low")) issue.low = *low;
    if (auto high = number(node.items[1], "scale high")) issue.high = *high;
    issue.low.at = node.items[0].at;
    issue.high.at = node.items[1].at;
  }

  void labels(const DocNode& node, Issue& issue) {
    if (!node.is_map()) {
      d_.error(node.at, fmt::format("labels must be a mapping from a point of the scale to its meaning, found {}", describe_kind(node)));
      return;
    }
    std::set<double> points;
    for (const auto& [key, value] : node.entries) {
      auto point = plain_number(key, "a label's point");
      std::string meaning = text(value, "a label");
      if (!point) continue;
      if (!points.insert(point->value).second) d_.error(key.at, fmt::format("point {} is labelled twice", key.scalar));
      else issue.labels.push_back({*point, std::move(meaning)});
    }
  }

  Stance stance(const DocNode& key, const DocNode& node) {
    Stance s;
    s.actor = id(key, IdKind::Actor, "actor id");
    s.at = key.at;
    Fields f(node, "a stance", {"position", "salience", "capability", "note", "source"}, d_);
    if (const DocNode* n = f.require("position"))
      if (auto v = number(*n, "position")) s.position = *v;
    if (const DocNode* n = f.require("salience"))
      if (auto v = number(*n, "salience")) s.salience = *v;
    if (const DocNode* n = f.get("capability")) s.capability = number(*n, "capability");
    if (!s.position.at.line) s.position.at = node.at;
    if (!s.salience.at.line) s.salience.at = node.at;
    note_and_source(f, s.note, s.source);
    return s;
  }

  Conflict conflict(const DocNode& node) {
    Conflict c;
    c.at = node.at;
    Fields f(node, "the conflict section", {"options", "infeasible", "status_quo", "preferences", "misperceptions", "outcome", "uncertain_preferences"}, d_);
    if (const DocNode* n = version_2(f, "outcome")) c.outcome = outcome(*n, "the conflict's outcome", "state");
    if (const DocNode* n = f.require("options")) c.options = list<Option>(*n, "options", [&](const DocNode& e) { return option(e); });
    if (const DocNode* n = f.get("infeasible")) c.infeasible = list<Statement>(*n, "infeasible", [&](const DocNode& e) { return statement(e); });
    if (const DocNode* n = f.get("status_quo")) {
      c.status_quo = id_list(*n, IdKind::Option, "status_quo option");
      c.status_quo_given = true;
    }
    if (const DocNode* n = f.require("preferences")) {
      if (!n->is_map()) {
        d_.error(n->at, fmt::format("preferences must be a mapping from actor id to statements or a ranking, found {}", describe_kind(*n)));
      } else {
        for (const auto& [key, value] : n->entries) c.preferences.push_back(preferences(key, value));
      }
    }
    if (const DocNode* n = f.get("misperceptions")) {
      if (!n->is_map()) {
        d_.error(n->at, fmt::format("misperceptions must be a mapping from actor id to a list of statements, found {}", describe_kind(*n)));
      } else {
        for (const auto& [key, value] : n->entries)
          c.misperceptions.push_back({id(key, IdKind::Actor, "actor id"), list<Statement>(value, "misperceived states", [&](const DocNode& e) { return statement(e); }), key.at});
      }
    }
    if (const DocNode* n = version_2(f, "uncertain_preferences")) {
      if (!n->is_map()) {
        d_.error(n->at, fmt::format("uncertain_preferences must be a mapping from actor id to a list of alternatives, found {}", describe_kind(*n)));
      } else {
        for (const auto& [key, value] : n->entries) c.uncertain_preferences.push_back(uncertain_preferences(key, value));
      }
    }
    return c;
  }

  // An actor's preferences when they are not known for sure: alternatives, each with its probability.
  UncertainPreferences uncertain_preferences(const DocNode& key, const DocNode& node) {
    UncertainPreferences u;
    u.actor = id(key, IdKind::Actor, "actor id");
    u.at = key.at;
    if (!node.is_sequence() || node.items.size() < 2) {
      d_.error(node.at, fmt::format("{}'s uncertain preferences must be a list of at least two alternatives, each {{probability: …, preferences: […]}}", u.actor));
      return u;
    }
    for (const auto& item : node.items) {
      PreferenceAlternative a;
      a.at = item.at;
      Fields f(item, "an alternative of preferences", {"probability", "preferences", "note", "source"}, d_);
      if (!f.valid()) continue;
      if (const DocNode* p = f.require("probability"))
        if (auto number_read = number(*p, "a probability")) a.probability = *number_read;
      if (const DocNode* p = f.require("preferences")) a.preferences = preferences(key, *p);
      note_and_source(f, a.note, a.source);
      u.alternatives.push_back(std::move(a));
    }
    return u;
  }

  Option option(const DocNode& node) {
    Option o;
    o.at = node.at;
    Fields f(node, "an option", {"id", "actor", "name", "reversible", "note", "source"}, d_);
    if (const DocNode* n = f.require("id")) o.id = id(*n, IdKind::Option, "option id");
    if (const DocNode* n = f.require("actor")) o.actor = id(*n, IdKind::Actor, "actor id");
    if (const DocNode* n = f.require("name")) o.name = text(*n, "name");
    if (const DocNode* n = f.get("reversible")) {
      const std::string value = text(*n, "reversible");
      if (value == "both") o.reversible = Reversibility::Both;
      else if (value == "forward") o.reversible = Reversibility::Forward;
      else if (value == "backward") o.reversible = Reversibility::Backward;
      else if (n->is_scalar())
        d_.error(n->at, fmt::format("reversible must be both, forward or backward, found {}", quote(value)));
    }
    note_and_source(f, o.note, o.source);
    return o;
  }

  Statement statement(const DocNode& node) {
    Statement s;
    const DocNode* expression = &node;
    if (node.is_map()) {
      Fields f(node, "a statement", {"statement", "note", "source"}, d_);
      expression = f.require("statement");
      note_and_source(f, s.note, s.source);
      if (!expression) return s;
    }
    s.at = column_in(*expression, 0);
    if (!expression->is_scalar()) {
      d_.error(expression->at, fmt::format("a statement must be a logical expression (text) or {{statement: …, note: …}}, found {}", describe_kind(*expression)));
      return s;
    }
    s.text = expression->scalar;
    auto parsed = parse_expression(s.text);
    if (auto* error = std::get_if<ExpressionError>(&parsed)) {
      d_.error(column_in(*expression, error->offset), "in expression " + quote(s.text) + ": " + error->message);
    } else {
      s.expression = std::move(std::get<Expression>(parsed));
    }
    return s;
  }

  Preferences preferences(const DocNode& key, const DocNode& node) {
    Preferences p;
    p.actor = id(key, IdKind::Actor, "actor id");
    p.at = key.at;
    if (node.is_sequence()) {
      p.statements = list<Statement>(node, "preference statements", [&](const DocNode& e) { return statement(e); });
      if (node.items.empty()) d_.error(node.at, "a preference list needs at least one statement");
      return p;
    }
    Fields f(node, "preferences (a list of statements, or {ranking: [...]})", {"ranking"}, d_);
    p.by_ranking = true;
    const DocNode* ranking = f.require("ranking");
    if (!ranking) return p;
    if (!ranking->is_sequence()) {
      d_.error(ranking->at, fmt::format("ranking must be a list of states, best first, found {}", describe_kind(*ranking)));
      return p;
    }
    for (const auto& entry : ranking->items) {
      std::vector<RankedState> group;
      if (entry.is_sequence()) {
        if (entry.items.empty()) d_.error(entry.at, "a tie group needs at least one state");
        for (const auto& state : entry.items) group.push_back(ranked_state(state));
      } else {
        group.push_back(ranked_state(entry));
      }
      p.ranking.push_back(std::move(group));
    }
    return p;
  }

  RankedState ranked_state(const DocNode& node) {
    RankedState r;
    r.at = node.at;
    r.text = text(node, "a ranked state");
    return r;
  }

  Game game(const DocNode& node) {
    Game g;
    g.at = node.at;
    Fields f(node, "a game", {"id", "title", "players", "strategies", "payoffs", "tree", "file", "outcome", "note", "source", "types"}, d_);
    if (const DocNode* n = version_2(f, "outcome")) g.outcome = outcome(*n, "a game's outcome", "play");
    if (const DocNode* n = f.require("id")) g.id = id(*n, IdKind::Plain, "game id");
    if (const DocNode* n = f.get("title")) g.title = text(*n, "title");
    if (const DocNode* n = f.require("players")) {
      g.players = id_list(*n, IdKind::Actor, "player");
      if (n->is_sequence() && n->items.empty()) d_.error(n->at, "a game needs at least one player");
    }
    note_and_source(f, g.note, g.source);
    const DocNode* strategies = f.get("strategies");
    const DocNode* payoffs = f.get("payoffs");
    const DocNode* tree = f.get("tree");
    const DocNode* file = f.get("file");
    const int forms = (strategies || payoffs ? 1 : 0) + (tree ? 1 : 0) + (file ? 1 : 0);
    if (forms != 1) {
      if (f.valid())
        d_.error(node.at, "a game needs exactly one of: strategies and payoffs (strategic form), tree (extensive form), file (Gambit .nfg/.efg)");
      return g;
    }
    const DocNode* types = version_2(f, "types");
    if (types && !tree) d_.error(types->at, "types belong to a game tree: the tree is played once chance has drawn them");
    if (tree) {
      g.form = Game::Form::Extensive;
      const std::size_t errors = d_.size();
      if (types) g.types = type_draws(*types, g.players);
      typed_tree(*tree, g, errors);
    } else if (file) {
      g.form = Game::Form::File;
      g.file = text(*file, "file");
    } else {
      g.form = Game::Form::Strategic;
      if (!strategies) d_.error(node.at, "a strategic-form game lacks 'strategies'");
      if (!payoffs) d_.error(node.at, "a strategic-form game lacks 'payoffs'");
      if (strategies && payoffs) strategic_form(*strategies, *payoffs, g);
    }
    return g;
  }

  void strategic_form(const DocNode& strategies, const DocNode& payoffs, Game& g) {
    if (!strategies.is_map()) {
      d_.error(strategies.at, fmt::format("strategies must be a mapping from player to a list of strategies, found {}", describe_kind(strategies)));
      return;
    }
    g.strategies.assign(g.players.size(), {});
    g.strategy_names.assign(g.players.size(), {});
    std::vector<bool> seen(g.players.size(), false);
    const auto player_index = index_of(g.players);
    for (const auto& [key, value] : strategies.entries) {
      const std::string player = text(key, "player");
      const auto where = player_index.find(player);
      if (where == player_index.end()) {
        d_.error(key.at, fmt::format("strategies for {}, who is not among the game's players", quote(player)));
        continue;
      }
      const std::size_t index = where->second;
      seen[index] = true;
      player_strategies(value, g.strategies[index], g.strategy_names[index]);
      if ((value.is_sequence() && value.items.empty()) || (value.is_map() && value.entries.empty()))
        d_.error(value.at, fmt::format("{} needs at least one strategy", player));
      check_unique(value, "strategy");
    }
    bool complete = true;
    for (std::size_t i = 0; i < g.players.size(); ++i) {
      if (seen[i] && !g.strategies[i].empty()) continue;
      complete = false;
      if (!seen[i]) d_.error(strategies.at, fmt::format("no strategies for player {}", g.players[i]));
    }
    if (!complete || !profiles_within_limit(strategies, g)) return;
    OutcomeTable table;
    table.profiles_from.assign(g.strategies.size() + 1, 1);
    for (std::size_t level = g.strategies.size(); level-- > 0;)
      table.profiles_from[level] = table.profiles_from[level + 1] * g.strategies[level].size();
    for (const auto& options : g.strategies) table.strategy_index.push_back(index_of(options));
    std::vector<std::string> profile;
    outcome_table(payoffs, g, table, profile);
  }

  // What reading a table needs at every level, worked out once per game.
  struct OutcomeTable {
    std::vector<Index> strategy_index;       // per player
    std::vector<std::size_t> profiles_from;  // [level]: profiles of the players from that level on
  };

  // A player's strategies: a list of ids, or a mapping from each id to the name a reader sees
  // (the report prints the name; outcomes and payoffs refer to the id).
  void player_strategies(const DocNode& value, std::vector<std::string>& ids, std::vector<std::string>& names) {
    if (!value.is_map()) {
      if (!value.is_sequence()) {
        d_.error(value.at, fmt::format("a player's strategies must be a list of ids or a mapping from id to name, found {}", describe_kind(value)));
        return;
      }
      ids = id_list(value, IdKind::Plain, "strategy");
      names.assign(ids.size(), "");
      return;
    }
    std::unordered_set<std::string> seen;
    for (const auto& [key, name] : value.entries) {
      ids.push_back(id(key, IdKind::Plain, "strategy"));
      names.push_back(text(name, "strategy name"));
      if (!seen.insert(ids.back()).second) d_.error(key.at, fmt::format("strategy {} is listed twice", quote(ids.back())));
    }
  }

  // The table has an outcome for every profile, and after an error it is padded to that size:
  // a few lines of strategies must not become gigabytes.
  bool profiles_within_limit(const DocNode& strategies, const Game& g) {
    double profiles = 1;
    for (const auto& options : g.strategies) profiles *= static_cast<double>(options.size());
    if (profiles <= static_cast<double>(max_strategy_profiles)) return true;
    d_.error(strategies.at, fmt::format("game '{}' has {:.0f} strategy profiles, more than the limit of {}", g.id, profiles, max_strategy_profiles));
    return false;
  }

  // payoffs[s1][s2]...: one mapping level per player, the outcome at the bottom.
  void outcome_table(const DocNode& node, Game& g, const OutcomeTable& table, std::vector<std::string>& profile) {
    const std::size_t level = profile.size();
    if (level == g.players.size()) {
      g.outcomes.push_back(payoff(node, g.players, fmt::format("outcome ({})", fmt::join(profile, ", "))));
      return;
    }
    const auto& options = g.strategies[level];
    if (!node.is_map()) {
      d_.error(node.at, fmt::format("payoffs at this level must be a mapping from {}'s strategies ({}) to what follows, found {}",
                                    g.players[level], names_for_message(options), describe_kind(node)));
      pad_outcomes(g, table, level);
      return;
    }
    const Index& known = table.strategy_index[level];
    std::vector<const DocNode*> next(options.size(), nullptr);  // each strategy's entry; the first if repeated
    for (const auto& [key, value] : node.entries) {
      const auto where = key.is_scalar() ? known.find(key.scalar) : known.end();
      if (where != known.end()) {
        if (!next[where->second]) next[where->second] = &value;
        continue;
      }
      const std::string suggestion = key.is_scalar() && !d_.full() ? closest_match(key.scalar, options) : std::string{};
      d_.error(key.at, fmt::format("{} is not a strategy of {}{}", found(key), g.players[level],
                                   suggestion.empty() ? fmt::format(" (strategies: {})", names_for_message(options))
                                                      : fmt::format("; did you mean '{}'?", suggestion)));
    }
    for (std::size_t k = 0; k < options.size(); ++k) {
      profile.push_back(options[k]);
      if (next[k]) {
        outcome_table(*next[k], g, table, profile);
      } else {
        d_.error(node.at, fmt::format("no outcome for the profile ({}{}): {} has no entry '{}' here", fmt::join(profile, ", "),
                                      profile.size() < g.players.size() ? ", …" : "", g.players[level], options[k]));
        pad_outcomes(g, table, level + 1);
      }
      profile.pop_back();
    }
  }

  // Keeps the outcome table's shape after an error, so later profiles stay where they belong.
  static void pad_outcomes(Game& g, const OutcomeTable& table, std::size_t from_level) {
    g.outcomes.insert(g.outcomes.end(), table.profiles_from[from_level], Payoff{});
  }

  Payoff payoff(const DocNode& node, const std::vector<std::string>& players, const std::string& what) {
    Payoff p;
    p.at = node.at;
    if (!profiles_.empty()) p.by_type_profile.assign(profiles_.size(), std::vector<Number>(players.size()));
    if (node.is_sequence()) {
      if (node.items.size() != players.size()) {
        d_.error(node.at, fmt::format("{} has {} payoffs for {} players", what, node.items.size(), players.size()));
        return p;
      }
      for (std::size_t i = 0; i < players.size(); ++i) p.values.push_back(payoff_value(node.items[i], i, p));
      return p;
    }
    if (node.is_map() && !is_number_map(node)) {
      p.values.assign(players.size(), Number{});
      std::vector<bool> seen(players.size(), false);
      for (const auto& [key, value] : node.entries) {
        const auto where = std::find(players.begin(), players.end(), key.scalar);
        if (!key.is_scalar() || where == players.end()) {
          d_.error(key.at, fmt::format("{} is not a player of this game", found(key)));
          continue;
        }
        const auto index = static_cast<std::size_t>(where - players.begin());
        seen[index] = true;
        p.values[index] = payoff_value(value, index, p);
      }
      for (std::size_t i = 0; i < players.size(); ++i)
        if (!seen[i]) d_.error(node.at, fmt::format("{} has no payoff for {}", what, players[i]));
      return p;
    }
    d_.error(node.at, fmt::format("{} must be a list of payoffs in player order, or a mapping from player to payoff, found {}", what, describe_kind(node)));
    return p;
  }

  static bool is_number_map(const DocNode& node) {
    return std::any_of(node.entries.begin(), node.entries.end(),
                       [](const DocEntry& entry) { return entry.key.is_scalar() && entry.key.scalar == "value"; });
  }

  GameNode game_node(const DocNode& node, const std::vector<std::string>& players) {
    GameNode g;
    g.at = node.at;
    Fields f(node, "a game tree node", {"player", "chance", "infoset", "moves", "payoffs", "name", "note", "open_to"}, d_);
    if (!f.valid()) return g;
    if (const DocNode* n = f.get("open_to")) g.open_to = open_to(*n);
    if (const DocNode* n = f.get("name")) g.name = text(*n, "name");
    if (const DocNode* n = f.get("note")) g.note = text(*n, "note");
    const DocNode* player = f.get("player");
    const DocNode* chance = f.get("chance");
    const DocNode* moves = f.get("moves");
    const DocNode* payoffs = f.get("payoffs");
    if ((player ? 1 : 0) + (chance ? 1 : 0) + (payoffs ? 1 : 0) != 1) {
      d_.error(node.at, "a tree node needs exactly one of: player (a decision), chance (a lottery), payoffs (an end)");
      return g;
    }
    if (payoffs) {
      g.kind = GameNode::Kind::Terminal;
      g.payoffs = payoff(*payoffs, players, "a terminal node");
      if (moves) d_.error(moves->at, "a terminal node (with payoffs) cannot have moves");
      if (const DocNode* n = f.get("infoset")) d_.error(n->at, "only decision nodes belong to information sets");
      return g;
    }
    if (player) {
      g.kind = GameNode::Kind::Decision;
      g.player = id(*player, IdKind::Actor, "player");
      if (player->is_scalar() && std::find(players.begin(), players.end(), g.player) == players.end())
        d_.error(player->at, fmt::format("{} is not among the game's players ({})", quote(g.player), names_for_message(players)));
      if (const DocNode* n = f.get("infoset")) g.infoset = text(*n, "infoset");
    } else {
      g.kind = GameNode::Kind::Chance;
      if (const DocNode* n = f.get("infoset")) d_.error(n->at, "only decision nodes belong to information sets");
    }
    if (!moves) {
      d_.error(node.at, "a decision or chance node needs 'moves'");
      return g;
    }
    if (!moves->is_map() || moves->entries.empty()) {
      d_.error(moves->at, fmt::format("moves must be a mapping from move label to the node it leads to, with at least one move, found {}", describe_kind(*moves)));
      return g;
    }
    std::unordered_set<std::string> labels;
    for (const auto& [label, child] : moves->entries) {
      const std::string move = text(label, "a move label");
      if (!labels.insert(move).second) d_.error(label.at, fmt::format("move {} appears twice at this node", quote(move)));
      g.moves.push_back(move);
      g.children.push_back(game_node(child, players));
    }
    if (chance) chance_probabilities(*chance, g);
    check_open_moves(g);
    return g;
  }

  void chance_probabilities(const DocNode& node, GameNode& g) {
    if (!node.is_map()) {
      d_.error(node.at, fmt::format("chance must be a mapping from move label to probability, found {}", describe_kind(node)));
      return;
    }
    g.probabilities.assign(g.moves.size(), Number{});
    std::vector<bool> seen(g.moves.size(), false);
    const auto move_index = index_of(g.moves);
    for (const auto& [label, value] : node.entries) {
      const auto where = move_index.find(label.scalar);
      if (!label.is_scalar() || where == move_index.end()) {
        d_.error(label.at, fmt::format("chance gives a probability to {}, which is not one of the moves", found(label)));
        continue;
      }
      const std::size_t index = where->second;
      seen[index] = true;
      if (auto p = number(value, "a probability")) g.probabilities[index] = *p;
    }
    for (std::size_t i = 0; i < g.moves.size(); ++i)
      if (!seen[i]) d_.error(node.at, fmt::format("chance gives no probability to move {}", quote(g.moves[i])));
  }

  // ---- private types (scenario/types.hpp) ---------------------------------------------

  std::vector<TypeDraw> type_draws(const DocNode& node, const std::vector<std::string>& players) {
    std::vector<TypeDraw> draws;
    if (!node.is_map() || node.entries.empty()) {
      d_.error(node.at, fmt::format("types must be a mapping from a player to its types, found {}", describe_kind(node)));
      return draws;
    }
    std::unordered_map<std::string, std::string> owner;  // type id → its player
    for (const auto& [key, value] : node.entries) {
      TypeDraw draw;
      draw.at = key.at;
      draw.player = text(key, "a typed player");
      if (key.is_scalar() && std::find(players.begin(), players.end(), draw.player) == players.end())
        d_.error(key.at, fmt::format("{} is not among the game's players ({})", quote(draw.player), names_for_message(players)));
      if (!value.is_map() || value.entries.empty()) {
        d_.error(value.at, fmt::format("{}'s types must be a mapping from type id to its prior probability (or {{probability: …, name: …, note: …}}), found {}",
                                       draw.player, describe_kind(value)));
        continue;
      }
      mpq_class total = 0;
      bool exact = true;
      for (const auto& [type_key, type_value] : value.entries) {
        PlayerType type = player_type(type_key, type_value);
        const auto [it, fresh] = owner.emplace(type.id, draw.player);
        if (!fresh) d_.error(type_key.at, fmt::format("type {} is also a type of {}: type ids are unique within a game", quote(type.id), it->second));
        if (const auto q = parse_rational(type.probability.text)) total += *q;
        else exact = false;  // reported where it was read
        draw.types.push_back(std::move(type));
      }
      if (exact && total != 1) d_.error(key.at, fmt::format("{}'s type priors sum to {}, not 1", draw.player, total.get_str()));
      draws.push_back(std::move(draw));
    }
    return draws;
  }

  PlayerType player_type(const DocNode& key, const DocNode& value) {
    PlayerType type;
    type.at = key.at;
    type.id = id(key, IdKind::Plain, "type id");
    const DocNode* probability = &value;
    if (value.is_map() && !is_number_map(value)) {
      Fields f(value, "a type", {"probability", "name", "note", "source"}, d_);
      probability = f.require("probability");
      if (const DocNode* n = f.get("name")) type.name = text(*n, "name");
      note_and_source(f, type.note, type.source);
    }
    if (!probability) return type;
    if (auto p = number(*probability, "a type's prior probability")) {
      if (p->value < 0 || p->value > 1) d_.error(probability->at, fmt::format("a prior probability must be in [0, 1], found {}", p->text));
      type.probability = std::move(*p);
    }
    return type;
  }

  // The typed players' draw and type index of a type id.
  std::optional<std::pair<std::size_t, std::size_t>> type_named(const std::string& type) const {
    for (std::size_t d = 0; d < types_->size(); ++d)
      for (std::size_t t = 0; t < (*types_)[d].types.size(); ++t)
        if ((*types_)[d].types[t].id == type) return std::pair{d, t};
    return std::nullopt;
  }

  static bool splits_by_type(const DocNode& value) { return value.is_map() && !is_number_map(value); }

  // A tree, and with types the game they stand for: read once, drawn out by expand_types
  // unless the types or the tree had errors (there were `errors` before the types).
  void typed_tree(const DocNode& tree, Game& g, std::size_t errors) {
    if (g.types.empty()) {
      g.tree = game_node(tree, g.players);
      return;
    }
    types_ = &g.types;
    profiles_ = type_profiles(g.types);
    g.tree = game_node(tree, g.players);
    types_ = nullptr;
    profiles_.clear();
    typed_numbers_.clear();
    if (!g.tree.open_to.empty()) d_.error(tree.at, "the root is not reached by a move, so it cannot be open to some types only");
    if (d_.size() != errors) return;
    if (const std::size_t nodes = typed_tree_nodes(g); nodes > max_typed_tree_nodes) {
      d_.error(tree.at, fmt::format("drawn out for every profile of types ({}), this tree would have {} nodes, more than the limit of {}", type_profiles(g.types).size(), nodes,
                                    max_typed_tree_nodes));
      return;
    }
    expand_types(g);
  }

  // A payoff as written: a number or, in a game with types, a mapping from one typed player's
  // types to what it is for each (numbers, or mappings by another typed player's types).
  Number payoff_value(const DocNode& value, std::size_t player, Payoff& p) {
    if (!types_ || !splits_by_type(value)) {
      Number n = number(value, "a payoff").value_or(Number{});
      for (auto& profile : p.by_type_profile) profile[player] = n;
      return n;
    }
    if (!check_typed_value(value, std::vector<bool>(types_->size(), false))) return Number{};
    for (std::size_t k = 0; k < profiles_.size(); ++k) p.by_type_profile[k][player] = typed_numbers_.at(value_in_profile(value, profiles_[k]));
    return p.by_type_profile[0][player];
  }

  // Each level of a typed payoff names every type of one typed player (not one split above).
  bool check_typed_value(const DocNode& value, const std::vector<bool>& split_above) {
    std::optional<std::size_t> draw;
    std::vector<bool> seen;
    bool ok = true;
    for (const auto& [key, inner] : value.entries) {
      const auto named = key.is_scalar() ? type_named(key.scalar) : std::nullopt;
      if (!named) {
        d_.error(key.at, fmt::format("{} is not a type of this game's players (a payoff that differs by type maps each type of one player to its value)", found(key)));
        ok = false;
        continue;
      }
      const TypeDraw& owner = (*types_)[named->first];
      if (!draw) {
        draw = named->first;
        seen.assign(owner.types.size(), false);
        if (split_above[*draw]) {
          d_.error(key.at, fmt::format("this payoff is split by {}'s types twice", owner.player));
          ok = false;
        }
      } else if (*draw != named->first) {
        d_.error(key.at, fmt::format("{} is a type of {}, and this level splits the payoff by {}'s types", quote(key.scalar), owner.player, (*types_)[*draw].player));
        ok = false;
        continue;
      }
      seen[named->second] = true;
      if (splits_by_type(inner)) {
        std::vector<bool> deeper = split_above;
        deeper[*draw] = true;
        ok = check_typed_value(inner, deeper) && ok;
      } else if (auto n = number(inner, "a payoff")) {
        typed_numbers_[&inner] = std::move(*n);
      } else {
        ok = false;
      }
    }
    if (!draw) return false;
    for (std::size_t t = 0; t < seen.size(); ++t)
      if (!seen[t]) {
        d_.error(value.at, fmt::format("no payoff for {}'s type {}", (*types_)[*draw].player, quote((*types_)[*draw].types[t].id)));
        ok = false;
      }
    return ok;
  }

  // The number a checked typed payoff gives in one profile of types.
  const DocNode* value_in_profile(const DocNode& value, const std::vector<std::string>& profile) const {
    for (const auto& [key, inner] : value.entries)
      if (profile[type_named(key.scalar)->first] == key.scalar) return splits_by_type(inner) ? value_in_profile(inner, profile) : &inner;
    return nullptr;  // not reached: check_typed_value saw every type
  }

  std::vector<std::string> open_to(const DocNode& node) {
    auto ids = id_list(node, IdKind::Plain, "a type in open_to");
    if (!types_) d_.error(node.at, "open_to names the mover's types that can make this move, and this game has no types");
    else if (node.is_sequence() && ids.empty()) d_.error(node.at, "open_to lists no type: nobody could make this move");
    return ids;
  }

  // Moves open to some of the mover's types only: the mover has types, they are its, and each
  // of its types keeps a move.
  void check_open_moves(const GameNode& g) {
    if (!types_) return;
    const TypeDraw* mover = nullptr;
    for (const auto& draw : *types_)
      if (g.kind == GameNode::Kind::Decision && draw.player == g.player) mover = &draw;
    bool restricted = false;
    for (const auto& child : g.children) {
      if (child.open_to.empty()) continue;
      restricted = true;
      if (!mover) {
        d_.error(child.at, fmt::format("open_to keeps a move for some of the mover's types, and {} has no types", g.kind == GameNode::Kind::Decision ? quote(g.player) : "chance"));
        continue;
      }
      for (const auto& type : child.open_to)
        if (std::none_of(mover->types.begin(), mover->types.end(), [&](const PlayerType& t) { return t.id == type; }))
          d_.error(child.at, fmt::format("open_to names {}, which is not a type of {}", quote(type), g.player));
    }
    if (!restricted || !mover) return;
    for (const auto& type : mover->types) {
      const bool has_move = std::any_of(g.children.begin(), g.children.end(), [&](const GameNode& child) {
        return child.open_to.empty() || std::find(child.open_to.begin(), child.open_to.end(), type.id) != child.open_to.end();
      });
      if (!has_move) d_.error(g.at, fmt::format("{}'s type {} has no move here: every move is open to other types only", g.player, quote(type.id)));
    }
  }

  void check_unique(const DocNode& list, std::string_view what) {
    if (!list.is_sequence()) return;
    std::unordered_set<std::string_view> seen;
    for (const auto& item : list.items)
      if (item.is_scalar() && !seen.insert(item.scalar).second) d_.error(item.at, fmt::format("{} {} is listed twice", what, quote(item.scalar)));
  }

  // The file position of character `offset` of a scalar, exact for one-line plain and quoted
  // scalars (the ones expressions are written in).
  static Location column_in(const DocNode& scalar, std::size_t offset) {
    if (scalar.scalar.find('\n') != std::string::npos) return scalar.at;
    return {scalar.at.line, scalar.at.column + static_cast<int>(offset) + (scalar.quoted ? 1 : 0)};
  }

  Diagnostics& d_;
  // While a game with types is read: its draws, every profile of types, and each typed payoff's
  // numbers as read (once, so that a bad one is reported once).
  const std::vector<TypeDraw>* types_ = nullptr;
  std::vector<std::vector<std::string>> profiles_;
  std::unordered_map<const DocNode*, Number> typed_numbers_;
  int format_ = 1;  // the file's format version, once read
};

}  // namespace

std::optional<double> parse_number(std::string_view text) {
  auto parse_decimal = [](std::string_view s) -> std::optional<double> {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty() || s.front() == '+') return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::general);
    if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
    return value;
  };
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return parse_decimal(text);
  const auto numerator = parse_decimal(text.substr(0, slash));
  const auto denominator = parse_decimal(text.substr(slash + 1));
  if (!numerator || !denominator || *denominator == 0) return std::nullopt;
  const double value = *numerator / *denominator;
  return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

Scenario read_scenario(const DocNode& root, Diagnostics& diagnostics) {
  return Reader(diagnostics).scenario(root);
}

}  // namespace statecraft
