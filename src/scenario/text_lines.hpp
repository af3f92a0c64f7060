#pragma once
// Lines of a text file, for the readers of other tools' tabular formats.

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace statecraft {

// `s` without the blanks, tabs and carriage returns around it.
inline std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// The lines of `text`, without their '\n' or "\r\n" ending.
inline std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// Offset of the first byte that is not part of a well-formed UTF-8 sequence, if any.
inline std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return i;
    // Overlong forms and surrogates are not UTF-8 either.
    const auto next = static_cast<unsigned char>(length > 1 ? text[i + 1] : 0);
    if ((length == 2 && c < 0xC2) || (length == 3 && c == 0xE0 && next < 0xA0) || (length == 3 && c == 0xED && next >= 0xA0) ||
        (length == 4 && c == 0xF0 && next < 0x90) || (length == 4 && (c > 0xF4 || (c == 0xF4 && next >= 0x90))))
      return i;
    i += length;
  }
  return std::nullopt;
}

// The control character that starts at text[i], if one does: C0 (NUL, tab, ESC, …), DEL or C1
// (U+0080 to U+009F, written C2 80 to C2 9F in UTF-8); nullopt otherwise. Printed to a terminal
// they can clear the screen or retitle the window; each caller decides which white space it keeps.
inline std::optional<unsigned> control_character_at(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x20 || c == 0x7F) return c;
  if (c == 0xC2 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (next >= 0x80 && next <= 0x9F) return next;
  }
  return std::nullopt;
}

// UTF-8 bytes a control character from control_character_at() takes.
inline std::size_t control_character_size(unsigned code_point) { return code_point >= 0x80 ? 2 : 1; }

// Tab, line feed and carriage return: the control characters text may hold.
inline bool is_line_white_space(unsigned code_point) { return code_point == '\t' || code_point == '\n' || code_point == '\r'; }

// Offset and code point of the first control character other than tab, line feed and carriage
// return. Text holds none. `text` must be valid UTF-8.
inline std::optional<std::pair<std::size_t, unsigned>> first_control_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (const auto control = control_character_at(text, i); control && !is_line_white_space(*control)) return std::pair{i, *control};
  return std::nullopt;
}

// 1-based line and column (in bytes) of an offset.
inline std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') ++line, column = 1;
    else ++column;
  }
  return {line, column};
}

}  // namespace statecraft
