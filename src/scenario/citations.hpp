#pragma once
// Where a scenario's judgments cite their sources, and the citations of coded events among them:
// `source: ev:ARTICLE:N` cites sentence N of the source ARTICLE, as `statecraft events` numbers
// the sentences of that article (docs/events.md).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

struct Citation {
  std::string source;  // as written: "wex" or "ev:wex:12"
  std::string what;    // the judgment, in words: "capability of RUS", "option 'sanctions'"
  std::string note;    // its reason
  Location at;
};

// Every non-empty `source` of the scenario, in file order.
std::vector<Citation> citations(const Scenario& scenario);

struct EventCitation {
  std::string source;
  int sentence = 0;  // from 1
};

// "ev:wex:12" as {wex, 12}; null for a plain source id. A malformed one ("ev:wex", "ev:wex:0")
// reads as null too: the validator names it.
std::optional<EventCitation> event_citation(std::string_view source);

}  // namespace statecraft
