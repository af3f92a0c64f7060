#pragma once
// An actor dictionary, as event coders use one: phrases that name an actor, each entry with a
// default code and codes that hold between dates (Trump is the US head of government 2017-2021
// and from 2025). The format of TABARI and PETRARCH (Schrodt, TABARI manual ch. 5; PETRARCH-2
// docs, "Actor Dictionary") is read by formats/petrarch_dictionaries.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace statecraft {

// A date as YYYYMMDD, comparable as a number.
using EventDate = std::int32_t;

struct ActorPhrase {
  std::vector<std::string> words;  // upper case, as the dictionary writes them
  // TABARI's convention: a phrase written without a final '_' also matches words that begin with
  // its last word (ARGENTIN: Argentina, Argentine); one ending in '_' only the word itself.
  bool last_word_is_stem = true;
};

struct DatedCode {
  std::string code;
  EventDate from = 0, to = 99991231;  // inclusive at both ends, as PETRARCH reads them
};

struct ActorEntry {
  std::vector<ActorPhrase> phrases;  // the primary phrase first, then its synonyms
  std::string default_code;          // empty: a null code outside every restriction
  std::vector<DatedCode> dated;      // in the order written; the first that holds wins
  int line = 0;                      // of the primary phrase in its file

  // The code on `date`: the first restriction that holds, else the default.
  const std::string& code_on(EventDate date) const;
};

// The party an actor code belongs to, for summaries and drafts: a state's three letters
// (RUSGOV: RUS), or an international organisation's whole code (IGOUNO, IGOWSTNAT, IGOEUREEC:
// their letters after IGO name a region and then the body, so no prefix tells the bodies apart).
inline std::string party_of(const std::string& code) { return code.starts_with("IGO") ? code : code.substr(0, 3); }

struct ActorDictionary {
  std::vector<ActorEntry> entries;
};

}  // namespace statecraft
