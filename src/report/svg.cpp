#include "report/svg.hpp"

#include <algorithm>

#include "scenario/text_lines.hpp"

namespace statecraft {

std::string xml_escape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto control = control_character_at(text, i);
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else if (c == '\'') out += "&apos;";
    else if (control && !is_line_white_space(*control)) {
      out += "\uFFFD";
      i += control_character_size(*control) - 1;
    } else {
      out += c;
    }
  }
  return out;
}

double text_width(const std::string& text, double font_size) {
  std::size_t characters = 0;
  for (const unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++characters;  // count code points, not UTF-8 bytes
  return 0.62 * font_size * static_cast<double>(characters);
}

std::string shortened(const std::string& text, double width, double font_size) {
  if (text_width(text, font_size) <= width) return text;
  std::string out = text;
  while (!out.empty() && text_width(out + "\u2026", font_size) > width) {
    // The last character: its continuation bytes, then its lead (or only) byte.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty()) out.pop_back();
  }
  return out + "\u2026";
}

std::vector<std::string> wrapped(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::vector<PlacedLabel> place_labels(const std::vector<std::pair<double, double>>& centre_and_width, double low, double high, double gap) {
  std::vector<PlacedLabel> placed;
  std::vector<std::vector<std::pair<double, double>>> lanes;  // per lane, the spans taken
  for (const auto& [centre, width] : centre_and_width) {
    const double x = std::clamp(centre, low + width / 2, std::max(low + width / 2, high - width / 2));
    const double from = x - width / 2 - gap, to = x + width / 2 + gap;
    std::size_t lane = 0;
    for (; lane < lanes.size(); ++lane)
      if (std::none_of(lanes[lane].begin(), lanes[lane].end(), [&](const auto& span) { return from < span.second && span.first < to; })) break;
    if (lane == lanes.size()) lanes.emplace_back();
    lanes[lane].emplace_back(x - width / 2, x + width / 2);
    placed.push_back({x, lane});
  }
  return placed;
}

}  // namespace statecraft
