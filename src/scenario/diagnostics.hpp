#pragma once
// Problems found in user input, each tied to a place in a file.

#include <string>
#include <string_view>
#include <vector>

namespace statecraft {

// 1-based line and column; 0 means "unknown".
struct Location {
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  std::string file;
  Location at;
  std::string message;
};

// Collects every problem instead of stopping at the first: a user fixing a file wants the
// whole list at once.
class Diagnostics {
 public:
  explicit Diagnostics(std::string file = {}) : file_(std::move(file)) {}

  void error(Location at, std::string message);
  // File order reads best; problems found by later passes otherwise come last.
  void sort_by_location();
  bool empty() const { return errors_.empty(); }
  std::size_t size() const { return errors_.size(); }
  const std::vector<Diagnostic>& all() const { return errors_; }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<Diagnostic> errors_;
};

// "FILE:LINE:COL: error: message", the form compilers use, so editors can jump to it.
std::string format_diagnostic(const Diagnostic& diagnostic);

// The candidate closest to `word` by edit distance, or "" when none is close enough to be
// a plausible typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace statecraft
