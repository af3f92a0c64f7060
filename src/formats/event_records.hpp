#pragma once
// Articles to code and the gold-standard codings to score a coder against, in the layouts their
// sources publish: JSON Lines of {id, date, source, text}; PETRARCH's validation records (XML:
// <Sentence date= id= category=> with <EventCoding sourcecode= targetcode= eventcode=> and <Text>;
// openeventdata/petrarch2, PETR.UnitTest.records.xml); PLOVER's gold-standard records (a JSON
// array, source and target lists of {actorText, code}, the PLOVER "event"; openeventdata/PLOVER,
// PLOVER_GSR_CAMEO.txt).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/actors.hpp"
#include "events/evaluation.hpp"
#include "scenario/diagnostics.hpp"

namespace statecraft {

struct Article {
  std::string id;
  EventDate date = 0;  // 0: not given
  std::string source;
  std::string text;
  int line = 0;  // of its record in a JSON Lines file
};

// One JSON object a line; blank lines skipped. A line that is not an object with a string "text"
// is an error at that line; a date that is not YYYY-MM-DD too.
std::optional<std::vector<Article>> read_article_lines(std::string_view text, Diagnostics& diagnostics);

// "2025-08-12" as 20250812.
std::optional<EventDate> read_iso_date(std::string_view text);

// Either layout, told apart by its first character ('<' or '[').
std::optional<GoldStandard> read_gold_standard(std::string_view text, Diagnostics& diagnostics);

}  // namespace statecraft
