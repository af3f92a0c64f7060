#pragma once
// A coder scored against gold-standard codings: per record (all its events right, none extra),
// per event (precision and recall of source, target and code together) and per part (the source
// alone, the target alone, the code alone), by the records' categories. PETRARCH's records are
// categorised by what they test (ACTOR, AGENT, COMPOUND, PATTERN, SYNSET...); PLOVER's by their
// event type.

#include <cstddef>
#include <string>
#include <vector>

#include "events/coder.hpp"
#include "events/plover.hpp"

namespace statecraft {

struct GoldEvent {
  std::string source, target;  // actor codes (PLOVER's records: the state's three letters)
  std::string code;            // CAMEO (PETRARCH's records) or the PLOVER type (PLOVER's)
  auto operator<=>(const GoldEvent&) const = default;
};

struct GoldRecord {
  std::string id, category;
  EventDate date = 0;
  std::string text;
  std::vector<GoldEvent> events;  // empty: the coder must find none
  int line = 0;
};

enum class GoldCodes { cameo, plover };

struct GoldStandard {
  GoldCodes codes = GoldCodes::cameo;
  std::vector<GoldRecord> records;
};

struct Tally {
  std::size_t gold = 0, coded = 0, matched = 0;
  double precision() const { return coded ? static_cast<double>(matched) / static_cast<double>(coded) : 0.0; }
  double recall() const { return gold ? static_cast<double>(matched) / static_cast<double>(gold) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  void add(const Tally& t) { gold += t.gold, coded += t.coded, matched += t.matched; }
};

struct CategoryScore {
  std::string category;
  std::size_t records = 0, records_right = 0;
  Tally events, sources, targets, codes;
};

struct RecordOutcome {
  std::string id, category;
  std::vector<GoldEvent> expected, coded;
  bool right = false;
};

struct Evaluation {
  GoldCodes codes = GoldCodes::cameo;
  std::vector<CategoryScore> categories;  // by name
  CategoryScore overall;
  std::vector<RecordOutcome> records;  // in the gold standard's order
};

// Codes each record's text alone (no coreference across records) on its date. With PLOVER's
// records, the coder's CAMEO codes are read as PLOVER types through `table` and actors compared by
// their first three letters (the state), as PLOVER's records give only those.
Evaluation evaluate(const EventCoder& coder, const GoldStandard& gold, const CameoToPlover& table);

}  // namespace statecraft
