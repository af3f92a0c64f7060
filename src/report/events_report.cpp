#include "report/events_report.hpp"

#include <array>
#include <fmt/format.h>
#include <ostream>

#include "events/text.hpp"
#include "report/svg.hpp"
#include "scenario/citations.hpp"
#include "report/table.hpp"

namespace statecraft {
namespace {

std::string_view slice(std::string_view text, TextSpan span) {
  if (span.end <= span.begin || span.end > text.size()) return {};
  return text.substr(span.begin, span.end - span.begin);
}

// The sentence on one line: line breaks of hand-wrapped text as blanks.
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

std::string_view condition_name(ConditionPart part) {
  switch (part) {
    case ConditionPart::condition: return "condition";
    case ConditionPart::consequence: return "consequence";
    case ConditionPart::none: break;
  }
  return "";
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

constexpr std::array csv_columns = {"article", "sentence", "start", "end", "start_character", "end_character", "source_actor", "source_text", "target_actor", "target_text", "cameo", "cameo_root",
                                    "cameo_name", "plover_type", "plover_mode", "goldstein", "status", "negated", "condition_part", "attributed_to",
                                    "verb", "text"};

std::string percent(double share) { return fmt::format("{:.1f} %", 100 * share); }

}  // namespace

std::size_t EventSource::characters_before(std::size_t offset) const {
  if (offset < counted_bytes_) counted_bytes_ = 0, counted_characters_ = 0;
  for (; counted_bytes_ < offset && counted_bytes_ < text.size(); ++counted_bytes_)
    if ((static_cast<unsigned char>(text[counted_bytes_]) & 0xC0) != 0x80) ++counted_characters_;  // not a continuation byte
  return counted_characters_;
}

nlohmann::json event_json(const EventSource& source, const CodedEvent& e, const EventTables& tables) {
  const PloverEvent* plover = tables.plover.find(e.cameo);
  const auto goldstein = tables.goldstein.find(e.cameo);
  nlohmann::json j{
      {"article", source.article_id},
      {"sentence", e.sentence + 1},
      {"start", e.sentence_span.begin},
      {"end", e.sentence_span.end},
      {"start_character", source.characters_before(e.sentence_span.begin)},
      {"end_character", source.characters_before(e.sentence_span.end)},
      {"source_actor", e.source},
      {"source_text", one_line(slice(source.text, e.source_span))},
      {"target_actor", e.target.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.target)},
      {"target_text", e.target.empty() ? nlohmann::json(nullptr) : nlohmann::json(one_line(slice(source.text, e.target_span)))},
      {"cameo", e.cameo},
      {"cameo_root", e.cameo.substr(0, 2)},
      {"cameo_name", plover ? nlohmann::json(plover->cameo_description) : nlohmann::json(nullptr)},
      {"plover_type", plover ? nlohmann::json(plover->type) : nlohmann::json(nullptr)},
      {"plover_mode", plover && !plover->mode.empty() ? nlohmann::json(plover->mode) : nlohmann::json(nullptr)},
      {"goldstein", goldstein ? nlohmann::json(*goldstein) : nlohmann::json(nullptr)},
      {"status", status_name(e.status)},
      {"negated", e.negated},
      {"condition_part", e.condition_part == ConditionPart::none ? nlohmann::json(nullptr) : nlohmann::json(condition_name(e.condition_part))},
      {"attributed_to", e.attributed_to.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.attributed_to)},
      {"verb", one_line(slice(source.text, e.verb_span))},
      {"text", one_line(slice(source.text, e.sentence_span))},
  };
  return j;
}

void write_events_jsonl(std::ostream& out, const EventSource& source, const std::vector<CodedEvent>& events, const EventTables& tables) {
  for (const auto& e : events) out << event_json(source, e, tables).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void write_events_csv_header(std::ostream& out) {
  for (std::size_t k = 0; k < csv_columns.size(); ++k) out << (k ? "," : "") << csv_columns[k];
  out << '\n';
}

void write_events_csv(std::ostream& out, const EventSource& source, const std::vector<CodedEvent>& events, const EventTables& tables) {
  for (const auto& e : events) {
    const nlohmann::json j = event_json(source, e, tables);
    for (std::size_t k = 0; k < csv_columns.size(); ++k) {
      const auto& v = j[csv_columns[k]];
      out << (k ? "," : "") << csv_field(v.is_null() ? "" : v.is_string() ? v.get<std::string>() : v.dump());
    }
    out << '\n';
  }
}

void write_events_text(std::ostream& out, const EventSource& source, const std::vector<CodedEvent>& events, const EventTables& tables) {
  std::size_t last_sentence = static_cast<std::size_t>(-1);
  for (const auto& e : events) {
    if (e.sentence != last_sentence) {
      out << fmt::format("\n{} sentence {}: {}\n", source.article_id, e.sentence + 1, one_line(slice(source.text, e.sentence_span)));
      last_sentence = e.sentence;
    }
    const PloverEvent* plover = tables.plover.find(e.cameo);
    const auto goldstein = tables.goldstein.find(e.cameo);
    std::string status(status_name(e.status));
    if (e.condition_part != ConditionPart::none) status += fmt::format(" ({})", condition_name(e.condition_part));
    if (e.negated && e.status != EventStatus::negated) status += ", negated";
    if (!e.attributed_to.empty()) status += ", as " + e.attributed_to + " reports it";
    out << fmt::format("  {} ({}) -> {}: {} {}{} [{}], \"{}\", Goldstein {}; {}\n", e.source, one_line(slice(source.text, e.source_span)),
                       e.target.empty() ? "no target named" : fmt::format("{} ({})", e.target, one_line(slice(source.text, e.target_span))),
                       plover ? plover->type : "?", plover && !plover->mode.empty() ? plover->mode + " " : "",
                       plover ? fmt::format("({})", plover->cameo_description) : "", e.cameo, one_line(slice(source.text, e.verb_span)),
                       goldstein ? fmt::format("{:+.1f}", *goldstein) : "none", status);
  }
}

void write_evaluation_text(std::ostream& out, const Evaluation& ev, std::string_view gold_name, bool list_wrong) {
  out << fmt::format("Coded against {} ({} records, {} codes{}).\n\n", gold_name, ev.overall.records, ev.codes == GoldCodes::cameo ? "CAMEO" : "PLOVER",
                     ev.codes == GoldCodes::plover ? "; actors compared as states" : "");
  using A = TextTable::Align;
  TextTable table({{"category", A::Left}, {"records", A::Right}, {"right", A::Right}, {"events P", A::Right}, {"events R", A::Right}, {"source P", A::Right},
                   {"source R", A::Right}, {"target P", A::Right}, {"target R", A::Right}, {"code P", A::Right}, {"code R", A::Right}});
  auto row = [&](const CategoryScore& s) {
    table.add_row({s.category, std::to_string(s.records), fmt::format("{} ({})", s.records_right, percent(s.records ? double(s.records_right) / double(s.records) : 0)),
                   percent(s.events.precision()), percent(s.events.recall()), percent(s.sources.precision()), percent(s.sources.recall()),
                   percent(s.targets.precision()), percent(s.targets.recall()), percent(s.codes.precision()), percent(s.codes.recall())});
  };
  for (const auto& c : ev.categories) row(c);
  row(ev.overall);
  out << table.render("");
  out << "\nright: every gold event coded and none more. P: precision (of what was coded, the share in the gold), R: recall (of the gold, the share coded).\n";
  if (!list_wrong) return;
  out << "\nRecords not right:\n";
  auto list = [](const std::vector<GoldEvent>& events) {
    std::string s;
    for (const auto& e : events) s += fmt::format("{}{} {} {}", s.empty() ? "" : "; ", e.source, e.target.empty() ? "---" : e.target, e.code);
    return s.empty() ? std::string("none") : s;
  };
  for (const auto& r : ev.records)
    if (!r.right) out << fmt::format("  {} [{}]: expected {}; coded {}\n", r.id, r.category, list(r.expected), list(r.coded));
}

nlohmann::json evaluation_json(const Evaluation& ev, std::string_view gold_name) {
  auto tally = [](const Tally& t) { return nlohmann::json{{"gold", t.gold}, {"coded", t.coded}, {"matched", t.matched}, {"precision", t.precision()}, {"recall", t.recall()}, {"f1", t.f1()}}; };
  auto score = [&](const CategoryScore& s) {
    return nlohmann::json{{"category", s.category}, {"records", s.records}, {"records_right", s.records_right}, {"events", tally(s.events)},
                          {"sources", tally(s.sources)}, {"targets", tally(s.targets)}, {"codes", tally(s.codes)}};
  };
  nlohmann::json categories = nlohmann::json::array();
  for (const auto& c : ev.categories) categories.push_back(score(c));
  return {{"gold", gold_name}, {"codes", ev.codes == GoldCodes::cameo ? "cameo" : "plover"}, {"overall", score(ev.overall)}, {"categories", categories}};
}

namespace {

// The pairs over the whole period, in the rows' order (most events first).
std::vector<DyadMonth> per_pair(const std::vector<DyadMonth>& rows) {
  std::vector<DyadMonth> pairs;
  for (const auto& r : rows) {
    auto it = std::find_if(pairs.begin(), pairs.end(), [&](const DyadMonth& p) { return p.source == r.source && p.target == r.target; });
    if (it == pairs.end()) {
      pairs.push_back(r);
      pairs.back().month.clear();
      continue;
    }
    it->cooperation += r.cooperation, it->conflict += r.conflict, it->neutral += r.neutral;
    it->goldstein_sum += r.goldstein_sum, it->not_reported += r.not_reported;
  }
  return pairs;
}

}  // namespace

void write_summary_text(std::ostream& out, const std::vector<DyadMonth>& rows) {
  using A = TextTable::Align;
  TextTable table({{"source", A::Left}, {"target", A::Left}, {"month", A::Left}, {"cooperation", A::Right}, {"conflict", A::Right},
                   {"neutral", A::Right}, {"mean Goldstein", A::Right}, {"said, not done", A::Right}});
  for (const auto& r : rows)
    table.add_row({r.source, r.target, r.month.empty() ? "(no date)" : r.month, std::to_string(r.cooperation), std::to_string(r.conflict),
                   std::to_string(r.neutral), r.events() ? fmt::format("{:+.1f}", r.mean_goldstein()) : "-", std::to_string(r.not_reported)});
  out << "Relations between the actors: reported events per pair and month, by the sign of their Goldstein weight (-10 conflict to +10 "
         "cooperation). Hypothetical, conditional, negated and advocated events are said, not done: counted apart.\n\n"
      << table.render("");
}

nlohmann::json summary_json(const std::vector<DyadMonth>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows)
    out.push_back({{"source_actor", r.source}, {"target_actor", r.target}, {"month", r.month.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.month)},
                   {"cooperation", r.cooperation}, {"conflict", r.conflict}, {"neutral", r.neutral},
                   {"mean_goldstein", r.events() ? nlohmann::json(r.mean_goldstein()) : nlohmann::json(nullptr)}, {"not_reported", r.not_reported}});
  return {{"statecraft", STATECRAFT_VERSION}, {"dyads", out}};
}

void write_summary_csv(std::ostream& out, const std::vector<DyadMonth>& rows) {
  out << "source_actor,target_actor,month,cooperation,conflict,neutral,mean_goldstein,not_reported\n";
  for (const auto& r : rows)
    out << fmt::format("{},{},{},{},{},{},{},{}\n", r.source, r.target, r.month, r.cooperation, r.conflict, r.neutral,
                       r.events() ? fmt::format("{:.2f}", r.mean_goldstein()) : "", r.not_reported);
}

std::string summary_svg(const std::vector<DyadMonth>& rows, const std::map<std::string, std::string>& names) {
  // A diverging bar a pair: its mean weight from the zero line, conflict left, cooperation right,
  // with its counts beside it. At most 16 pairs, the most active.
  std::vector<DyadMonth> pairs = per_pair(rows);
  std::erase_if(pairs, [](const DyadMonth& p) { return p.events() == 0; });
  const std::size_t shown = std::min<std::size_t>(pairs.size(), 16);
  const double row = 26, top = 62, label_width = 250, zero = label_width + (chart_width - label_width - 200) / 2, half = (chart_width - label_width - 200) / 2;
  const std::string caption = pairs.empty()
                                  ? "No reported event between two actors."
                                  : fmt::format("Mean Goldstein weight of the reported events from each actor to the other (-10 most conflictual, +10 most "
                                                "cooperative), with their counts; {} of {} pairs, the most active. Said, not done (might, if, should, did not) is left out.",
                                                shown, pairs.size());
  const double height = top + row * static_cast<double>(shown) + 20 + caption_height(caption);
  auto name = [&](const std::string& code) { return names.contains(code) ? names.at(code) : code; };
  std::string svg = svg_open(height, "Relations between the actors in the events");
  svg += text_at(zero - half, top - 12, "conflict -10", "start", small_font, "#555");
  svg += text_at(zero, top - 12, "0", "middle", small_font, "#555");
  svg += text_at(zero + half, top - 12, "+10 cooperation", "end", small_font, "#555");
  for (std::size_t k = 0; k < shown; ++k) {
    const DyadMonth& p = pairs[k];
    const double y = top + row * static_cast<double>(k);
    const double mean = p.mean_goldstein(), width = std::abs(mean) / 10 * half;
    svg += text_at(label_width - 8, y + 15, shortened(name(p.source) + " \u2192 " + name(p.target), label_width - 18, font), "end");
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"16\" fill=\"{}\"/>\n", mean < 0 ? zero - width : zero, y + 3,
                       std::max(width, 1.0), mean < 0 ? palette[1] : palette[0]);
    svg += text_at(zero + half + 8, y + 15, fmt::format("{:+.1f}  ({} coop., {} confl.)", mean, p.cooperation, p.conflict), "start", small_font, "#333");
  }
  svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#888\"/>\n", zero, top - 6, top + row * static_cast<double>(shown));
  svg += caption_lines(top + row * static_cast<double>(shown) + 18, caption);
  return svg + "</svg>\n";
}

namespace {

std::string sentence_of(const CodedArticle& a, std::size_t index) {
  const auto spans = split_sentences(a.text);
  return index < spans.size() ? one_line(slice(a.text, spans[index])) : std::string();
}

// "Trump (USAGOV) -> India (IND): Impose embargo, boycott, or sanctions [163], reported": the
// article's words for the actors, their codes, the category's name and what the sentence says.
std::string event_words(const CodedArticle& a, const CodedEvent& e, const EventTables& tables) {
  const PloverEvent* plover = tables.plover.find(e.cameo);
  std::string status(status_name(e.status));
  if (e.negated && e.status != EventStatus::negated) status += ", negated";
  if (e.condition_part != ConditionPart::none) status += e.condition_part == ConditionPart::condition ? ", the condition" : ", the consequence";
  auto actor = [&](const std::string& code, TextSpan span) {
    const std::string words = one_line(slice(a.text, span));
    return words.empty() ? code : fmt::format("{} ({})", words, code);
  };
  return fmt::format("{} -> {}: {} [{}], {}", actor(e.source, e.source_span), e.target.empty() ? "no one named" : actor(e.target, e.target_span),
                     plover ? plover->cameo_description : std::string("statement"), e.cameo, status);
}

nlohmann::json event_entry(const CodedArticle& a, const CodedEvent& e, const EventTables& tables) {
  nlohmann::json j = event_json({a.id, a.text}, e, tables);
  j["citation"] = fmt::format("ev:{}:{}", a.id, e.sentence + 1);
  return j;
}

}  // namespace

void write_evidence_text(std::ostream& out, const NewsEvidence& ev, const EventTables& tables) {
  std::size_t contradictions = 0;
  for (const auto& o : ev.options)
    for (const auto& e : o.events) contradictions += e.verdict == Verdict::contradicts;
  out << fmt::format("The conflict's options and the events that bear on them ({} contradicting the status quo):\n", contradictions);
  for (const auto& o : ev.options) {
    out << fmt::format("\n  {} ({}: {}), {} the status quo", o.option->id, o.option->actor, o.option->name, o.in_status_quo ? "in" : "not in");
    if (o.kind.empty()) {
      out << ": its words name no kind of move the coder knows, so no event is matched\n";
      continue;
    }
    if (o.events.empty()) {
      out << ": no event\n";
      continue;
    }
    out << '\n';
    std::vector<const EvidenceEvent*> sorted;
    for (const auto& e : o.events) sorted.push_back(&e);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* x, auto* y) { return (x->verdict == Verdict::contradicts) > (y->verdict == Verdict::contradicts); });
    for (const auto* e : sorted)
      out << fmt::format("    {:<11}  ev:{}:{}  {}\n                 \"{}\"\n", verdict_name(e->verdict), e->article->id, e->event->sentence + 1,
                         event_words(*e->article, *e->event, tables), sentence_of(*e->article, e->event->sentence));
  }
  if (ev.cited.empty()) return;
  out << "\nJudgments that cite events:\n";
  for (const auto& c : ev.cited) {
    out << fmt::format("\n  {} cites {}", c.what, c.citation);
    if (!c.article) {
      out << ": no article was given for that source\n";
      continue;
    }
    if (!c.sentence_exists) {
      out << ": the article has no such sentence\n";
      continue;
    }
    const auto cited = event_citation(c.citation);
    out << fmt::format(": \"{}\"\n", sentence_of(*c.article, static_cast<std::size_t>(cited->sentence - 1)));
    if (c.events.empty()) out << "    no event is coded in it\n";
    for (const auto* e : c.events) out << "    " << event_words(*c.article, *e, tables) << '\n';
  }
}

nlohmann::json evidence_json(const NewsEvidence& ev, const EventTables& tables) {
  nlohmann::json options = nlohmann::json::array(), cited = nlohmann::json::array();
  for (const auto& o : ev.options) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : o.events) {
      nlohmann::json j = event_entry(*e.article, *e.event, tables);
      j["verdict"] = verdict_name(e.verdict);
      events.push_back(std::move(j));
    }
    options.push_back({{"option", o.option->id}, {"actor", o.option->actor}, {"name", o.option->name}, {"in_status_quo", o.in_status_quo},
                       {"kind", o.kind.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.kind)}, {"events", events}});
  }
  for (const auto& c : ev.cited) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto* e : c.events) events.push_back(event_entry(*c.article, *e, tables));
    const auto at = event_citation(c.citation);
    cited.push_back({{"judgment", c.what}, {"citation", c.citation}, {"article_given", c.article != nullptr}, {"sentence_exists", c.sentence_exists},
                     {"text", c.article && c.sentence_exists ? nlohmann::json(sentence_of(*c.article, static_cast<std::size_t>(at->sentence - 1))) : nlohmann::json(nullptr)},
                     {"events", events}});
  }
  return {{"statecraft", STATECRAFT_VERSION}, {"options", options}, {"cited", cited}};
}

std::vector<BriefNewsEvent> news_for_brief(const NewsEvidence& ev, const EventTables& tables) {
  std::vector<BriefNewsEvent> out;
  for (const auto& o : ev.options)
    for (const auto& e : o.events)
      out.push_back({o.option->id, o.option->name, o.in_status_quo, std::string(verdict_name(e.verdict)),
                     fmt::format("ev:{}:{}", e.article->id, e.event->sentence + 1), event_words(*e.article, *e.event, tables), sentence_of(*e.article, e.event->sentence)});
  std::stable_sort(out.begin(), out.end(), [](const BriefNewsEvent& a, const BriefNewsEvent& b) { return (a.verdict == "contradicts") > (b.verdict == "contradicts"); });
  return out;
}

}  // namespace statecraft
