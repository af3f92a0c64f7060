#include "report/svg.hpp"

#include <fmt/format.h>

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

std::string svg_open(double height, const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1:.0f}\" viewBox=\"0 0 {0} {1:.0f}\" font-family=\"DejaVu Sans, "
      "Verdana, sans-serif\" font-size=\"{2}\" role=\"img\" aria-label=\"{3}\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"10\" y=\"20\" font-size=\"{4}\" font-weight=\"bold\">{3}</text>\n",
      chart_width, height, font, xml_escape(title), title_font);
}

std::string text_at(double x, double y, const std::string& text, const char* anchor, double size, const char* fill) {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" font-size=\"{}\" fill=\"{}\">{}</text>\n", x, y, anchor, size, fill,
                     xml_escape(text));
}

// A caption too long for one line is broken at spaces: the chart stays its width.
std::string caption_lines(double y, const std::string& caption) {
  std::string out;
  const auto lines = wrapped(caption, static_cast<std::size_t>((chart_width - 20) / (0.62 * small_font)));
  for (std::size_t k = 0; k < lines.size(); ++k) out += text_at(10, y + 14.0 * static_cast<double>(k), lines[k], "start", small_font, "#555");
  return out;
}

double caption_height(const std::string& caption) {
  return 14.0 * static_cast<double>(wrapped(caption, static_cast<std::size_t>((chart_width - 20) / (0.62 * small_font))).size());
}

}  // namespace statecraft
