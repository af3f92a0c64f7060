#pragma once
// Lines of a text file, for the readers of other tools' tabular formats.

#include <string_view>
#include <vector>

namespace statecraft {

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

}  // namespace statecraft
