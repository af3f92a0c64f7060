#pragma once
// The verb, agent and discard dictionaries of an event coder, beside the actors of
// events/actors.hpp. Their formats are TABARI's and PETRARCH's (TABARI manual ch. 5-6; PETRARCH-2
// docs, "Dictionaries"); formats/petrarch_dictionaries.hpp reads them.

#include <map>
#include <string>
#include <vector>

#include "events/actors.hpp"

namespace statecraft {

// One element of a verb pattern, matched against a sentence's words in order (TABARI manual
// §6.2): a word; a synonym set; the source ($) or target (+) actor; a compound actor (%) whose
// members act on each other; a skipped actor (^).
struct PatternElement {
  enum class Kind { word, synset, source, target, compound, skip };
  Kind kind = Kind::word;
  std::string text;       // the word (upper case) or the synset's name without '&'
  bool adjacent = false;  // written with '_': the next element must follow at once
  bool operator==(const PatternElement&) const = default;
};

struct VerbPattern {
  std::vector<PatternElement> before;  // before the verb, in sentence order
  std::vector<PatternElement> after;   // after it
  std::string code;                    // CAMEO; "---" codes no event
  int line = 0;
};

// A way the verb is written: its words, which of them is the verb itself, and a code of its own.
struct VerbForm {
  std::vector<std::string> words;
  std::size_t verb_word = 0;
  std::string code;  // empty: the block's
};

// A block of synonymous verbs with the patterns they share, begun by "--- NAME [CODE] ---".
struct VerbBlock {
  std::string name;
  std::string code;  // of the verb alone; "---" codes no event
  std::vector<VerbForm> forms;
  std::vector<VerbPattern> patterns;
  int line = 0;
};

struct VerbDictionary {
  // Each synset's phrases (words upper case), by name without '&'.
  std::map<std::string, std::vector<std::vector<std::string>>> synsets;
  std::vector<VerbBlock> blocks;
};

// An agent: a phrase naming a role (PRESIDENT, FOREIGN MINISTER) and the code it adds to the
// actor it belongs to: "~GOV" appends GOV, "GOV~" prefixes it.
struct AgentEntry {
  ActorPhrase phrase;
  std::string code;
  int line = 0;
};

struct AgentDictionary {
  std::vector<AgentEntry> entries;
};

// Phrases that mark a sentence (or, story-level, the whole article) as not a political event: a
// sports result, a weather report.
struct DiscardEntry {
  ActorPhrase phrase;
  bool whole_story = false;
  int line = 0;
};

struct DiscardList {
  std::vector<DiscardEntry> entries;
};

struct EventDictionaries {
  ActorDictionary actors;
  AgentDictionary agents;
  VerbDictionary verbs;
  DiscardList discards;
};

}  // namespace statecraft
