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
  bool warning = false;  // a doubt about the analysis, not a fault: the file still loads
};

// Of one file's problems, the first this many found are kept (readers' before validation's, then
// sorted by place); the rest are only counted. A generated or wrong file can hold millions, and a
// user fixes the first few before reading on.
inline constexpr std::size_t max_kept_diagnostics = 1000;

// Collects every problem instead of stopping at the first: a user fixing a file wants the
// whole list at once.
class Diagnostics {
 public:
  explicit Diagnostics(std::string file = {}) : file_(std::move(file)) {}

  void error(Location at, std::string message);
  // Warnings are kept apart and do not stop a file from loading; `validate --strict` fails on them.
  void warning(Location at, std::string message);
  // File order reads best; problems found by later passes otherwise come last.
  void sort_by_location();
  bool empty() const { return count_ == 0; }
  std::size_t size() const { return count_; }  // every problem found, kept or not
  // No more problems are kept: work spent only on a message's wording (suggestions) can be skipped.
  bool full() const { return errors_.size() >= max_kept_diagnostics; }
  const std::vector<Diagnostic>& all() const { return errors_; }  // the kept ones
  const std::vector<Diagnostic>& warnings() const { return warnings_; }  // at most max_kept_diagnostics
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<Diagnostic> errors_;
  std::vector<Diagnostic> warnings_;
  std::size_t count_ = 0;
};

// "FILE:LINE:COL: error: message" (or "warning:"), the form compilers use, so editors can jump to it.
std::string format_diagnostic(const Diagnostic& diagnostic);

// Names for a message: all of a short list, else the first few and how many there are, so that
// one message about a list of thousands stays one line.
std::string names_for_message(const std::vector<std::string>& names);

// The candidate closest to `word` by edit distance, or "" when none is close enough to be
// a plausible typo. Words longer than max_suggested_length and lists longer than
// max_suggestion_candidates are not searched: a file can refer to thousands of unknown names among
// thousands, and the search would grow as their product.
inline constexpr std::size_t max_suggestion_candidates = 1000;
inline constexpr std::size_t max_suggested_length = 64;
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace statecraft
