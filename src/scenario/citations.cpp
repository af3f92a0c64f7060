#include "scenario/citations.hpp"

#include <fmt/format.h>

namespace statecraft {
namespace {

class Collector {
 public:
  void add(const std::string& source, std::string what, const std::string& note, Location at) {
    if (!source.empty()) out_.push_back({source, std::move(what), note, at});
  }
  void number(const Number& n, std::string what) { add(n.source, std::move(what), n.note, n.at); }

  void node(const GameNode& n, const std::string& game) {
    for (const auto& v : n.payoffs.values) number(v, fmt::format("a payoff in game '{}'", game));
    for (const auto& p : n.probabilities) number(p, fmt::format("a chance probability in game '{}'", game));
    for (const auto& c : n.children) node(c, game);
  }

  std::vector<Citation> out_;
};

}  // namespace

std::vector<Citation> citations(const Scenario& s) {
  Collector c;
  for (const auto& a : s.actors) {
    c.add(a.source, fmt::format("actor {}", a.id), a.note, a.at);
    c.number(a.capability, fmt::format("capability of {}", a.id));
  }
  for (const auto& i : s.issues) {
    c.add(i.source, fmt::format("issue '{}'", i.id), i.note, i.at);
    if (i.status_quo) c.number(*i.status_quo, fmt::format("status quo of issue '{}'", i.id));
    c.add(i.decision.source, fmt::format("who decides issue '{}'", i.id), i.decision.note, i.decision.at);
    for (const auto& st : i.stances) {
      c.add(st.source, fmt::format("stance of {} on '{}'", st.actor, i.id), st.note, st.at);
      c.number(st.position, fmt::format("position of {} on '{}'", st.actor, i.id));
      c.number(st.salience, fmt::format("salience of '{}' to {}", i.id, st.actor));
      if (st.capability) c.number(*st.capability, fmt::format("capability of {} on '{}'", st.actor, i.id));
    }
    if (i.outcome) c.add(i.outcome->source, fmt::format("outcome of issue '{}'", i.id), i.outcome->note, i.outcome->at);
  }
  if (s.conflict) {
    for (const auto& o : s.conflict->options) c.add(o.source, fmt::format("option '{}' of {}", o.id, o.actor), o.note, o.at);
    for (const auto& st : s.conflict->infeasible) c.add(st.source, fmt::format("infeasible: {}", st.text), st.note, st.at);
    for (const auto& p : s.conflict->preferences)
      for (const auto& st : p.statements) c.add(st.source, fmt::format("preference of {}: {}", p.actor, st.text), st.note, st.at);
    if (s.conflict->outcome) c.add(s.conflict->outcome->source, "outcome of the conflict", s.conflict->outcome->note, s.conflict->outcome->at);
  }
  for (const auto& g : s.games) {
    c.add(g.source, fmt::format("game '{}'", g.id), g.note, g.at);
    for (const auto& p : g.outcomes)
      for (const auto& v : p.values) c.number(v, fmt::format("a payoff in game '{}'", g.id));
    c.node(g.tree, g.id);
  }
  return std::move(c.out_);
}

std::optional<EventCitation> event_citation(std::string_view source) {
  if (!source.starts_with("ev:")) return std::nullopt;
  const auto colon = source.rfind(':');
  if (colon <= 3) return std::nullopt;
  const std::string_view number = source.substr(colon + 1);
  if (number.empty() || number.size() > 6 || number.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  const int n = std::stoi(std::string(number));
  if (n < 1) return std::nullopt;
  return EventCitation{std::string(source.substr(3, colon - 3)), n};
}

}  // namespace statecraft
