#include "events/evidence.hpp"

#include <algorithm>
#include <optional>

#include "events/option_kinds.hpp"
#include "scenario/citations.hpp"

namespace statecraft {
namespace {

// The party an option's name first mentions by a state's name, other than its actor's: "keep
// the tariffs on India for buying Russian oil" is about India.
std::optional<std::string> party_named(const Option& o, const std::map<std::string, std::string>& names) {
  std::optional<std::string> first;
  std::size_t first_at = std::string::npos;
  for (const auto& [party, name] : names)
    if (const auto at = o.name.find(name); party != o.actor && at < first_at) first = party, first_at = at;
  return first;
}

Verdict verdict_of(const CodedEvent& e, bool in_status_quo) {
  if (e.status == EventStatus::reported && !e.negated) return in_status_quo ? Verdict::supports : Verdict::contradicts;
  if (e.status == EventStatus::negated || (e.negated && e.status == EventStatus::reported)) return in_status_quo ? Verdict::contradicts : Verdict::supports;
  return Verdict::mentions;
}

}  // namespace

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::supports: return "supports";
    case Verdict::contradicts: return "contradicts";
    case Verdict::mentions: return "mentions";
  }
  return "mentions";
}

NewsEvidence gather_evidence(const Scenario& scenario, const std::map<std::string, const CodedArticle*>& articles,
                         const std::map<std::string, std::string>& names) {
  NewsEvidence evidence;
  if (scenario.conflict) {
    const auto& sq = scenario.conflict->status_quo;
    for (const auto& o : scenario.conflict->options) {
      OptionEvidence oe{&o, std::find(sq.begin(), sq.end(), o.id) != sq.end(), {}, {}};
      const OptionKind* kind = kind_named_in(o.id + " " + o.name);
      if (kind) oe.kind = kind->id;
      const auto target = party_named(o, names);
      for (const auto& [source, article] : articles)
        for (const auto& e : article->events) {
          if (!kind || party_of(e.source) != o.actor || kind_of_code(e.cameo) != kind) continue;
          if (target && !e.target.empty() && party_of(e.target) != *target) continue;
          oe.events.push_back({article, &e, verdict_of(e, oe.in_status_quo)});
        }
      evidence.options.push_back(std::move(oe));
    }
  }
  for (const auto& c : citations(scenario)) {
    const auto cited = event_citation(c.source);
    if (!cited) continue;
    CitedSentence cs{c.what, c.source, nullptr, false, {}};
    if (const auto it = articles.find(cited->source); it != articles.end()) {
      cs.article = it->second;
      cs.sentence_exists = cited->sentence <= static_cast<int>(it->second->sentence_count);
      for (const auto& e : it->second->events)
        if (static_cast<int>(e.sentence) + 1 == cited->sentence) cs.events.push_back(&e);
    }
    evidence.cited.push_back(std::move(cs));
  }
  return evidence;
}

}  // namespace statecraft
