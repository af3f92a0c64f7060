#pragma once
// Who did what to whom: the shallow event coder of TABARI (Schrodt, TABARI manual ch. 3 and 6),
// over the words of a sentence rather than a full parse. Actors and agents are the longest
// dictionary phrases found; adjacent ones make one actor ("North Korean leader Kim Jong Un"), and
// actors joined by "and" or commas a compound whose members each act. A verb's patterns are tried
// longest first; the source is the first actor of the verb's clause, the target the first actor
// after the verb. What the sentence says of the event (reported, might, if, did not, should) is its
// status, which TABARI and PETRARCH do not record and an analyst needs first.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "events/dictionaries.hpp"
#include "events/text.hpp"

namespace statecraft {

enum class EventStatus {
  reported,      // it happened, or is said to have
  hypothetical,  // might, could, may, would, likely
  conditional,   // a part of "if X, then Y": the condition or what follows from it
  negated,       // did not, has avoided, never
  advocated,     // the author urges it: should, must, needs to
};

std::string_view status_name(EventStatus status);

enum class ConditionPart { none, condition, consequence };

struct CodedEvent {
  std::size_t sentence = 0;  // within the article, from 0
  TextSpan sentence_span;
  TextSpan verb_span;
  std::string source, target;  // actor codes; the target may be empty (none named)
  TextSpan source_span, target_span;
  std::string cameo;  // the full code, e.g. "0871"
  EventStatus status = EventStatus::reported;
  bool negated = false;  // also when the status is another (should not, might not)
  ConditionPart condition_part = ConditionPart::none;
  std::string attributed_to;  // the actor whose statement reports it ("the Kremlin readout emphasized that...")
  int verb_line = 0, pattern_line = 0;  // of the dictionary entries that coded it
};

struct CodingOptions {
  // Resolve "he", "the two men", "the president" to the actors last named (news text). Off for
  // single test sentences.
  bool coreference = true;
  // Only events with a target, as PETRARCH codes them; off, "Ukraine pledged to accept the
  // ceasefire" is an event of Ukraine's with no target named.
  bool require_target = false;
};

// The dictionaries compiled for matching: built once, then shared by every thread that codes.
class EventCoder {
 public:
  explicit EventCoder(const EventDictionaries& dictionaries, CodingOptions options = {});
  ~EventCoder();
  EventCoder(EventCoder&&) noexcept;

  // Every event of an article, sentence by sentence, on `date` (YYYYMMDD: which of an actor's dated
  // codes holds). An article with a story-level discard phrase has none.
  std::vector<CodedEvent> code_article(std::string_view text, EventDate date) const;

  struct Compiled;  // the phrase indexes, opaque

 private:
  std::unique_ptr<const Compiled> compiled_;
  CodingOptions options_;
};

}  // namespace statecraft
