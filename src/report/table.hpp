#pragma once
// Plain-text tables with aligned columns, for terminal reports.

#include <string>
#include <vector>

namespace statecraft {

class TextTable {
 public:
  enum class Align { Left, Right };

  explicit TextTable(std::vector<std::pair<std::string, Align>> columns);
  void add_row(std::vector<std::string> cells);
  // Each line starts with `indent`; columns are separated by two spaces.
  std::string render(const std::string& indent) const;

 private:
  std::vector<std::pair<std::string, Align>> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// Width on a terminal: UTF-8 continuation bytes take no column.
std::size_t display_width(const std::string& text);

}  // namespace statecraft
