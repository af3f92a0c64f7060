#include "formats/cameo_plover.hpp"

#include "formats/built_in.hpp"

#include <fmt/format.h>
#include <stdexcept>
#include <string>

#include "scenario/input_file.hpp"
#include "scenario/text_lines.hpp"

namespace statecraft {

extern const char cameo_plover_table[];  // generated from data/cameo2plover.txt at configure time
extern const char goldstein_table[];     // ... and from data/goldstein.txt

namespace {

bool is_code(std::string_view s) {
  return s.size() >= 2 && s.size() <= 4 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

bool is_type(std::string_view s) { return !s.empty() && s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == std::string_view::npos; }

// One line of the table, its problems reported at `line`.
void read_line(std::string_view text, int line, CameoToPlover& table, Diagnostics& d) {
  const auto colon = text.find(':');
  const std::string_view code = trimmed(text.substr(0, colon));
  if (colon == std::string_view::npos || !is_code(code)) {
    d.error({line, 1}, fmt::format("expected a CAMEO code of 2 to 4 digits and ':', found '{}'", trimmed(text.substr(0, 40))));
    return;
  }
  std::string_view body = text.substr(colon + 1);
  PloverEvent event;
  if (const auto hash = body.find('#'); hash != std::string_view::npos) {
    event.cameo_description = std::string(trimmed(body.substr(hash + 1)));
    body = body.substr(0, hash);
  }
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const auto comma = body.find(',', start);
    fields.push_back(trimmed(body.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  const auto type_at = text.find_first_not_of(" \t", colon + 1);
  const int type_column = static_cast<int>(type_at == std::string_view::npos ? colon + 1 : type_at) + 1;  // 1-based
  if (fields.size() > 3 || !is_type(fields[0])) {
    d.error({line, type_column}, fmt::format("expected 'TYPE[, MODE, CONTEXT]' with an upper-case PLOVER type, found '{}'", trimmed(body)));
    return;
  }
  event.type = std::string(fields[0]);
  if (fields.size() > 1) event.mode = std::string(fields[1]);
  if (fields.size() > 2)
    for (std::size_t start = 0; start <= fields[2].size();) {
      const auto semicolon = fields[2].find(';', start);
      const auto context = trimmed(fields[2].substr(start, semicolon == std::string_view::npos ? std::string_view::npos : semicolon - start));
      if (!context.empty()) event.contexts.emplace_back(context);
      if (semicolon == std::string_view::npos) break;
      start = semicolon + 1;
    }
  const std::string key(code);
  const PloverEvent* before = table.find(key);
  const bool same_reading = before && before->type == event.type && before->mode == event.mode && before->contexts == event.contexts;
  if (!table.add(key, event) && !same_reading)
    d.warning({line, 1}, fmt::format("CAMEO code {} is listed again as {}; the first reading, {}, stands", key, event.type, before->type));
}

}  // namespace

std::optional<CameoToPlover> read_cameo_plover(std::string_view text, Diagnostics& d) {
  if (!check_text(text, d)) return std::nullopt;
  CameoToPlover table;
  int line = 0;
  for (std::string_view row : split_lines(text)) {
    ++line;
    const std::string_view content = trimmed(row);
    if (content.empty() || content.front() == '#') continue;
    if (content.front() == '~') break;
    read_line(row, line, table, d);
  }
  if (table.size() == 0 && d.empty()) d.error({}, "the table lists no CAMEO code");
  if (!d.empty()) return std::nullopt;
  return table;
}

const CameoToPlover& published_cameo_plover() {
  static const CameoToPlover table = read_built_in(read_cameo_plover, cameo_plover_table, "data/cameo2plover.txt");
  return table;
}

std::optional<GoldsteinScale> read_goldstein_scale(std::string_view text, Diagnostics& d) {
  if (!check_text(text, d)) return std::nullopt;
  GoldsteinScale scale;
  const auto lines = split_lines(text);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const std::string_view line = trimmed(lines[k].substr(0, lines[k].find('#')));
    if (line.empty()) continue;
    const auto blank = line.find_first_of(" \t");
    const std::string code(line.substr(0, blank));
    const std::string weight = blank == std::string_view::npos ? "" : std::string(trimmed(line.substr(blank)));
    char* end = nullptr;
    const double value = std::strtod(weight.c_str(), &end);
    if (code.find_first_not_of("0123456789") != std::string::npos || weight.empty() || *end != '\0' || value < -10 || value > 10) {
      d.error({static_cast<int>(k) + 1, 1}, fmt::format("a line is CODE WEIGHT (a CAMEO code and a weight from -10 to 10); found '{}'", line));
      continue;
    }
    scale.add(code, value);
  }
  if (!d.empty()) return std::nullopt;
  return scale;
}

const GoldsteinScale& published_goldstein_scale() {
  static const GoldsteinScale scale = read_built_in(read_goldstein_scale, goldstein_table, "data/goldstein.txt");
  return scale;
}

}  // namespace statecraft
