#include "formats/event_records.hpp"

#include <chrono>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "scenario/input_file.hpp"
#include "scenario/text_lines.hpp"

namespace statecraft {
namespace {

std::string collapse_blanks(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (blank && (out.empty() || out.back() == ' ')) continue;
    out += blank ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::optional<GoldStandard> read_petrarch_records(std::string_view text, Diagnostics& d) {
  pugi::xml_document doc;
  const auto parsed = doc.load_buffer(text.data(), text.size());
  if (!parsed) {
    auto [line, column] = line_and_column(text, static_cast<std::size_t>(parsed.offset));
    d.error({line, column}, fmt::format("not well-formed XML: {}", parsed.description()));
    return std::nullopt;
  }
  const auto sentences = doc.child("Validation").child("Sentences");
  if (!sentences) {
    d.error({1, 1}, "PETRARCH validation records are <Validation><Sentences><Sentence>...; no <Sentences> found");
    return std::nullopt;
  }
  GoldStandard gold{GoldCodes::cameo, {}};
  for (const auto& s : sentences.children("Sentence")) {
    GoldRecord r;
    r.line = line_and_column(text, static_cast<std::size_t>(s.offset_debug())).first;
    r.id = s.attribute("id").as_string();
    r.category = s.attribute("category").as_string();
    const auto date = std::string(s.attribute("date").as_string());
    if (date.size() != 8 || date.find_first_not_of("0123456789") != std::string::npos) {
      d.error({r.line, 1}, fmt::format("record {}: the date '{}' is not YYYYMMDD", r.id, date));
      continue;
    }
    r.date = std::stoi(date);
    r.text = collapse_blanks(s.child("Text").child_value());
    for (const auto& c : s.children("EventCoding"))
      if (!c.attribute("noevents") && c.attribute("eventcode"))
        r.events.push_back({c.attribute("sourcecode").as_string(), c.attribute("targetcode").as_string(), c.attribute("eventcode").as_string()});
    gold.records.push_back(std::move(r));
  }
  if (!d.empty()) return std::nullopt;
  return gold;
}

// The gold-standard records (2016) use PLOVER 0.5's event types; the CAMEO-to-PLOVER table (2021)
// uses the manual's later names, DISAPPROVE and INVESTIGATE having become modes of ACCUSE and
// FIGHT part of ASSAULT (PLOVER manual, draft 0.8, 2021).
std::string current_plover_type(const std::string& type) {
  if (type == "DEMAND") return "REQUEST";
  if (type == "DISAPPROVE" || type == "INVESTIGATE") return "ACCUSE";
  if (type == "FIGHT") return "ASSAULT";
  return type;
}

std::optional<GoldStandard> read_plover_records(std::string_view text, Diagnostics& d) {
  nlohmann::json array;
  try {
    array = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    auto [line, column] = line_and_column(text, e.byte > 0 ? e.byte - 1 : 0);
    d.error({line, column}, fmt::format("not valid JSON: {}", e.what()));
    return std::nullopt;
  }
  if (!array.is_array()) {
    d.error({1, 1}, "PLOVER gold-standard records are a JSON array of objects");
    return std::nullopt;
  }
  GoldStandard gold{GoldCodes::plover, {}};
  auto codes = [](const nlohmann::json& actors) {
    std::vector<std::string> out;
    if (actors.is_array())
      for (const auto& a : actors)
        if (a.is_object() && a.contains("code") && a["code"].is_string()) out.push_back(a["code"].get<std::string>());
    return out;
  };
  for (std::size_t k = 0; k < array.size(); ++k) {
    const auto& record = array[k];
    if (!record.is_object() || !record.contains("text") || !record["text"].is_string() || !record.contains("event")) continue;  // DOCUMENT entries
    GoldRecord r;
    r.id = record.value("id", fmt::format("record {}", k + 1));
    r.category = record["event"].get<std::string>();
    r.date = read_iso_date(record.value("date", "")).value_or(0);
    r.text = record["text"].get<std::string>();
    r.line = static_cast<int>(k + 1);
    const auto sources = codes(record.value("source", nlohmann::json::array()));
    const auto targets = codes(record.value("target", nlohmann::json::array()));
    const std::string type = current_plover_type(r.category);
    for (const auto& s : sources) {
      if (targets.empty()) r.events.push_back({s, "", type});
      for (const auto& t : targets) r.events.push_back({s, t, type});
    }
    gold.records.push_back(std::move(r));
  }
  return gold;
}

}  // namespace

std::optional<EventDate> read_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const std::string digits = std::string(s.substr(0, 4)) + std::string(s.substr(5, 2)) + std::string(s.substr(8, 2));
  if (digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const EventDate value = std::stoi(digits);
  const std::chrono::year_month_day date{std::chrono::year(value / 10000), std::chrono::month(static_cast<unsigned>(value / 100 % 100)),
                                         std::chrono::day(static_cast<unsigned>(value % 100))};
  if (!date.ok()) return std::nullopt;  // 2025-02-30 too
  return value;
}

std::optional<std::vector<Article>> read_article_lines(std::string_view text, Diagnostics& d) {
  if (!check_text(text, d)) return std::nullopt;
  std::vector<Article> articles;
  const auto lines = split_lines(text);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const int number = static_cast<int>(k) + 1;
    if (trimmed(lines[k]).empty()) continue;
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(lines[k]);
    } catch (const nlohmann::json::parse_error& e) {
      d.error({number, static_cast<int>(e.byte)}, fmt::format("not a JSON object: {}", e.what()));
      continue;
    }
    if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) {
      d.error({number, 1}, "an article is a JSON object with a string \"text\" (and optionally \"id\", \"date\" as YYYY-MM-DD, \"source\")");
      continue;
    }
    Article a;
    a.line = number;
    a.text = record["text"].get<std::string>();
    a.id = record.contains("id") ? (record["id"].is_string() ? record["id"].get<std::string>() : record["id"].dump()) : fmt::format("line-{}", number);
    if (record.contains("source") && record["source"].is_string()) a.source = record["source"].get<std::string>();
    if (record.contains("date")) {
      const auto date = record["date"].is_string() ? read_iso_date(record["date"].get<std::string>()) : std::nullopt;
      if (!date) {
        d.error({number, 1}, fmt::format("the date {} is not YYYY-MM-DD", record["date"].dump()));
        continue;
      }
      a.date = *date;
    }
    articles.push_back(std::move(a));
  }
  if (!d.empty()) return std::nullopt;
  return articles;
}

std::optional<GoldStandard> read_gold_standard(std::string_view text, Diagnostics& d) {
  if (!check_text(text, d)) return std::nullopt;
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '<') return read_petrarch_records(text, d);
  if (first != std::string_view::npos && text[first] == '[') return read_plover_records(text, d);
  d.error({1, 1}, "a gold standard is PETRARCH's validation records (XML) or PLOVER's gold-standard records (a JSON array)");
  return std::nullopt;
}

}  // namespace statecraft
