#pragma once
// Coded events written for their reader: one JSON object a line (for pipelines), CSV (for a
// spreadsheet), or text (for reading beside the article); and a coder's scores against a gold
// standard.

#include <iosfwd>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "events/coder.hpp"
#include "events/evaluation.hpp"
#include "events/goldstein.hpp"
#include "events/plover.hpp"
#include "events/evidence.hpp"
#include "events/summary.hpp"
#include "report/brief.hpp"

namespace statecraft {

struct EventTables {
  const CameoToPlover& plover;
  const GoldsteinScale& goldstein;
};

// The article an event came from, as the output names it.
struct EventSource {
  EventSource(std::string_view id, std::string_view article) : article_id(id), text(article) {}
  std::string_view article_id;
  std::string_view text;  // the article, for the sentence and the actors' words

  // The number of characters (code points) before byte `offset`. Events come in the text's
  // order, so the count goes on from the last one asked: one pass over an article.
  std::size_t characters_before(std::size_t offset) const;

 private:
  mutable std::size_t counted_bytes_ = 0, counted_characters_ = 0;
};

// Every field of an event: article, sentence, offsets, actors (codes and words), CAMEO, PLOVER,
// Goldstein, status (docs/schema/events.schema.json).
nlohmann::json event_json(const EventSource& source, const CodedEvent& event, const EventTables& tables);

void write_events_jsonl(std::ostream& out, const EventSource& source, const std::vector<CodedEvent>& events, const EventTables& tables);
void write_events_csv_header(std::ostream& out);
void write_events_csv(std::ostream& out, const EventSource& source, const std::vector<CodedEvent>& events, const EventTables& tables);
void write_events_text(std::ostream& out, const EventSource& source, const std::vector<CodedEvent>& events, const EventTables& tables);

// Relations between the actors, per pair and month: a table, JSON, CSV, and a chart of each
// pair's mean Goldstein weight over the whole period (SVG, the brief's style). `names`: a
// state's code to its name, for the chart.
void write_summary_text(std::ostream& out, const std::vector<DyadMonth>& rows);
nlohmann::json summary_json(const std::vector<DyadMonth>& rows);
void write_summary_csv(std::ostream& out, const std::vector<DyadMonth>& rows);
std::string summary_svg(const std::vector<DyadMonth>& rows, const std::map<std::string, std::string>& names);

// Each option's events with their verdict, contradictions first in the text, and each judgment
// that cites an event with the sentence and its events.
void write_evidence_text(std::ostream& out, const NewsEvidence& evidence, const EventTables& tables);
nlohmann::json evidence_json(const NewsEvidence& evidence, const EventTables& tables);

// The evidence as the brief's appendix lists it: every option's events, contradictions first.
std::vector<BriefNewsEvent> news_for_brief(const NewsEvidence& evidence, const EventTables& tables);

// Per category: records right, and precision and recall of events, sources, targets and codes.
void write_evaluation_text(std::ostream& out, const Evaluation& evaluation, std::string_view gold_name, bool list_wrong);
nlohmann::json evaluation_json(const Evaluation& evaluation, std::string_view gold_name);

}  // namespace statecraft
