#pragma once
// The coded events beside a scenario's judgments: for each conflict option, the events in which
// its actor makes (or does not make, or might make) that move, and whether they agree with the
// scenario's status quo; for each judgment citing an event (source: ev:ARTICLE:N), the events of
// that sentence. The analyst's question "what is the evidence, and does any of it contradict me?"

#include <map>
#include <string>
#include <vector>

#include "events/draft.hpp"
#include "scenario/model.hpp"

namespace statecraft {

enum class Verdict {
  supports,     // agrees with the status quo: done and taken, or not done and not taken
  contradicts,  // done though the status quo leaves it out, or not done though it is taken
  mentions,     // might, should, if: said, neither way
};

std::string_view verdict_name(Verdict verdict);

struct EvidenceEvent {
  const CodedArticle* article = nullptr;
  const CodedEvent* event = nullptr;
  Verdict verdict = Verdict::mentions;
};

struct OptionEvidence {
  const Option* option = nullptr;
  bool in_status_quo = false;
  std::string kind;  // the kind of move its words name; empty: none known, so no event is matched
  std::vector<EvidenceEvent> events;
};

struct CitedSentence {
  std::string what;  // the judgment
  std::string citation;
  const CodedArticle* article = nullptr;  // null: no article given for that source
  bool sentence_exists = false;
  std::vector<const CodedEvent*> events;
};

struct NewsEvidence {
  std::vector<OptionEvidence> options;
  std::vector<CitedSentence> cited;
};

// `articles` by the scenario's source id they are. `names` as for draft_scenario: which states an
// option's name mentions ("sanctions on Russia's energy partners": RUS), so that an event with
// another target is not taken for it.
NewsEvidence gather_evidence(const Scenario& scenario, const std::map<std::string, const CodedArticle*>& articles,
                         const std::map<std::string, std::string>& names);

}  // namespace statecraft
