#include "scenario/write.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <yaml-cpp/emitter.h>
#include <yaml-cpp/stlemitter.h>

namespace statecraft {
namespace {

class Writer {
 public:
  std::string scenario(const Scenario& s) {
    out_ << YAML::BeginMap;
    out_ << YAML::Key << "statecraft" << YAML::Value << s.format;
    text_field("id", s.id);
    text_field("title", s.title);
    text_field("date", s.date);
    if (!s.summary.empty()) {
      // A literal block adds its own final newline; one more would grow at every rewrite.
      const auto end = s.summary.find_last_not_of('\n');
      out_ << YAML::Key << "summary" << YAML::Value << YAML::Literal << s.summary.substr(0, end + 1);
    }
    if (!s.sources.empty()) {
      out_ << YAML::Key << "sources" << YAML::Value << YAML::BeginSeq;
      for (const auto& source : s.sources) write(source);
      out_ << YAML::EndSeq;
    }
    out_ << YAML::Key << "actors" << YAML::Value << YAML::BeginSeq;
    for (const auto& actor : s.actors) write(actor);
    out_ << YAML::EndSeq;
    if (!s.issues.empty()) {
      out_ << YAML::Key << "issues" << YAML::Value << YAML::BeginSeq;
      for (const auto& issue : s.issues) write(issue);
      out_ << YAML::EndSeq;
    }
    if (s.conflict) write(*s.conflict);
    if (!s.games.empty()) {
      out_ << YAML::Key << "games" << YAML::Value << YAML::BeginSeq;
      for (const auto& game : s.games) write(game);
      out_ << YAML::EndSeq;
    }
    if (s.models && !s.models->expected_utility_probability.empty()) {
      out_ << YAML::Key << "models" << YAML::Value << YAML::BeginMap << YAML::Key << "expected-utility" << YAML::Value << YAML::BeginMap;
      text_field("probability", s.models->expected_utility_probability);
      note_and_source(s.models->note, s.models->source);
      out_ << YAML::EndMap << YAML::EndMap;
    }
    out_ << YAML::EndMap;
    return std::string(out_.c_str()) + "\n";
  }

 private:
  void text_field(const char* key, const std::string& value) {
    if (!value.empty()) out_ << YAML::Key << key << YAML::Value << value;
  }

  void note_and_source(const std::string& note, const std::string& source) {
    text_field("note", note);
    text_field("source", source);
  }

  void number(const char* key, const Number& n) {
    out_ << YAML::Key << key << YAML::Value;
    number_value(n);
  }

  void number_value(const Number& n) {
    const std::string text = n.text.empty() ? fmt::format("{}", n.value) : n.text;
    if (n.note.empty() && n.source.empty()) {
      out_ << text;
      return;
    }
    out_ << YAML::BeginMap << YAML::Key << "value" << YAML::Value << text;
    note_and_source(n.note, n.source);
    out_ << YAML::EndMap;
  }

  void write(const Source& s) {
    out_ << YAML::BeginMap;
    text_field("id", s.id);
    text_field("title", s.title);
    text_field("author", s.author);
    text_field("outlet", s.outlet);
    text_field("date", s.date);
    text_field("url", s.url);
    text_field("note", s.note);
    out_ << YAML::EndMap;
  }

  void write(const Actor& a) {
    out_ << YAML::BeginMap;
    text_field("id", a.id);
    text_field("name", a.name);
    text_field("leader", a.leader);
    number("capability", a.capability);
    note_and_source(a.note, a.source);
    out_ << YAML::EndMap;
  }

  void write(const Issue& issue) {
    out_ << YAML::BeginMap;
    text_field("id", issue.id);
    text_field("name", issue.name);
    out_ << YAML::Key << "scale" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    number_value(issue.low);
    number_value(issue.high);
    out_ << YAML::EndSeq;
    if (!issue.labels.empty()) {
      out_ << YAML::Key << "labels" << YAML::Value << YAML::BeginMap;
      for (const auto& label : issue.labels) out_ << YAML::Key << label.point.text << YAML::Value << label.text;
      out_ << YAML::EndMap;
    }
    if (issue.status_quo) number("status_quo", *issue.status_quo);
    text_field("units", issue.units);
    if (issue.decision.rule != DecisionRule::Everyone) write(issue.decision);
    if (issue.outcome) write(*issue.outcome, "value");
    out_ << YAML::Key << "stances" << YAML::Value << YAML::BeginMap;
    for (const auto& stance : issue.stances) {
      out_ << YAML::Key << stance.actor << YAML::Value << YAML::BeginMap;
      number("position", stance.position);
      number("salience", stance.salience);
      if (stance.capability) number("capability", *stance.capability);
      note_and_source(stance.note, stance.source);
      out_ << YAML::EndMap;
    }
    out_ << YAML::EndMap;
    note_and_source(issue.note, issue.source);
    out_ << YAML::EndMap;
  }

  void write(const Decision& d) {
    out_ << YAML::Key << "decision" << YAML::Value << YAML::BeginMap;
    out_ << YAML::Key << "rule" << YAML::Value << rule_name(d.rule);
    out_ << YAML::Key << "deciders" << YAML::Value << YAML::Flow << d.deciders;
    if (d.threshold) number("threshold", *d.threshold);
    note_and_source(d.note, d.source);
    out_ << YAML::EndMap;
  }

  // `what_key` as the reader has it: value (issues), state (conflicts), play (games).
  void write(const Outcome& o, const char* what_key) {
    out_ << YAML::Key << "outcome" << YAML::Value << YAML::BeginMap;
    if (o.value) number(what_key, *o.value);
    else out_ << YAML::Key << what_key << YAML::Value << YAML::Flow << o.taken;
    text_field("date", o.date);
    note_and_source(o.note, o.source);
    out_ << YAML::EndMap;
  }

  void statement(const Statement& s) {
    if (s.note.empty() && s.source.empty()) {
      out_ << YAML::DoubleQuoted << s.text;
      return;
    }
    out_ << YAML::BeginMap << YAML::Key << "statement" << YAML::Value << YAML::DoubleQuoted << s.text;
    note_and_source(s.note, s.source);
    out_ << YAML::EndMap;
  }

  void write(const Conflict& c) {
    out_ << YAML::Key << "conflict" << YAML::Value << YAML::BeginMap;
    out_ << YAML::Key << "options" << YAML::Value << YAML::BeginSeq;
    for (const auto& o : c.options) {
      out_ << YAML::BeginMap;
      text_field("id", o.id);
      text_field("actor", o.actor);
      text_field("name", o.name);
      if (o.reversible != Reversibility::Both)
        out_ << YAML::Key << "reversible" << YAML::Value << (o.reversible == Reversibility::Forward ? "forward" : "backward");
      note_and_source(o.note, o.source);
      out_ << YAML::EndMap;
    }
    out_ << YAML::EndSeq;
    if (!c.infeasible.empty()) {
      out_ << YAML::Key << "infeasible" << YAML::Value << YAML::BeginSeq;
      for (const auto& s : c.infeasible) statement(s);
      out_ << YAML::EndSeq;
    }
    if (c.status_quo_given) out_ << YAML::Key << "status_quo" << YAML::Value << YAML::Flow << c.status_quo;
    out_ << YAML::Key << "preferences" << YAML::Value << YAML::BeginMap;
    for (const auto& p : c.preferences) {
      out_ << YAML::Key << p.actor << YAML::Value;
      if (p.by_ranking) {
        out_ << YAML::BeginMap << YAML::Key << "ranking" << YAML::Value << YAML::BeginSeq;
        for (const auto& group : p.ranking) {
          if (group.size() == 1) {
            out_ << group.front().text;
            continue;
          }
          out_ << YAML::Flow << YAML::BeginSeq;
          for (const auto& state : group) out_ << state.text;
          out_ << YAML::EndSeq;
        }
        out_ << YAML::EndSeq << YAML::EndMap;
      } else {
        out_ << YAML::BeginSeq;
        for (const auto& s : p.statements) statement(s);
        out_ << YAML::EndSeq;
      }
    }
    out_ << YAML::EndMap;
    if (!c.misperceptions.empty()) {
      out_ << YAML::Key << "misperceptions" << YAML::Value << YAML::BeginMap;
      for (const auto& m : c.misperceptions) {
        out_ << YAML::Key << m.actor << YAML::Value << YAML::BeginSeq;
        for (const auto& s : m.statements) statement(s);
        out_ << YAML::EndSeq;
      }
      out_ << YAML::EndMap;
    }
    if (c.outcome) write(*c.outcome, "state");
    out_ << YAML::EndMap;
  }

  void payoff(const Payoff& p) {
    out_ << YAML::Flow << YAML::BeginSeq;
    for (const auto& value : p.values) number_value(value);
    out_ << YAML::EndSeq;
  }

  // Mirrors the reader's nesting: one mapping level per player, last player fastest.
  void outcome_table(const Game& g, std::size_t level, std::size_t& next) {
    if (level == g.players.size()) {
      payoff(g.outcomes.at(next++));
      return;
    }
    out_ << YAML::BeginMap;
    for (const auto& strategy : g.strategies[level]) {
      out_ << YAML::Key << strategy << YAML::Value;
      outcome_table(g, level + 1, next);
    }
    out_ << YAML::EndMap;
  }

  void node(const GameNode& n) {
    out_ << YAML::BeginMap;
    text_field("name", n.name);
    if (n.kind == GameNode::Kind::Terminal) {
      out_ << YAML::Key << "payoffs" << YAML::Value;
      payoff(n.payoffs);
    } else {
      if (n.kind == GameNode::Kind::Decision) {
        text_field("player", n.player);
        text_field("infoset", n.infoset);
      } else {
        out_ << YAML::Key << "chance" << YAML::Value << YAML::BeginMap;
        for (std::size_t i = 0; i < n.moves.size(); ++i) {
          out_ << YAML::Key << n.moves[i] << YAML::Value;
          number_value(n.probabilities.at(i));
        }
        out_ << YAML::EndMap;
      }
      out_ << YAML::Key << "moves" << YAML::Value << YAML::BeginMap;
      for (std::size_t i = 0; i < n.moves.size(); ++i) {
        out_ << YAML::Key << n.moves[i] << YAML::Value;
        node(n.children[i]);
      }
      out_ << YAML::EndMap;
    }
    text_field("note", n.note);
    out_ << YAML::EndMap;
  }

  static bool has_names(const Game& g, std::size_t player) {
    if (player >= g.strategy_names.size()) return false;
    const auto& names = g.strategy_names[player];
    return std::any_of(names.begin(), names.end(), [](const std::string& n) { return !n.empty(); });
  }

  void write(const Game& g) {
    out_ << YAML::BeginMap;
    text_field("id", g.id);
    text_field("title", g.title);
    out_ << YAML::Key << "players" << YAML::Value << YAML::Flow << g.players;
    switch (g.form) {
      case Game::Form::Strategic: {
        out_ << YAML::Key << "strategies" << YAML::Value << YAML::BeginMap;
        for (std::size_t i = 0; i < g.players.size(); ++i) {
          out_ << YAML::Key << g.players[i] << YAML::Value;
          if (has_names(g, i)) {
            out_ << YAML::BeginMap;
            for (std::size_t k = 0; k < g.strategies[i].size(); ++k) out_ << YAML::Key << g.strategies[i][k] << YAML::Value << g.strategy_names[i][k];
            out_ << YAML::EndMap;
          } else {
            out_ << YAML::Flow << g.strategies[i];
          }
        }
        out_ << YAML::EndMap;
        out_ << YAML::Key << "payoffs" << YAML::Value;
        std::size_t next = 0;
        outcome_table(g, 0, next);
        break;
      }
      case Game::Form::Extensive:
        out_ << YAML::Key << "tree" << YAML::Value;
        node(g.tree);
        break;
      case Game::Form::File:
        text_field("file", g.file);
        break;
    }
    if (g.outcome) write(*g.outcome, "play");
    note_and_source(g.note, g.source);
    out_ << YAML::EndMap;
  }

  YAML::Emitter out_;
};

}  // namespace

std::string write_scenario_yaml(const Scenario& scenario) { return Writer().scenario(scenario); }

}  // namespace statecraft
