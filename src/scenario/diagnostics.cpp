#include "scenario/diagnostics.hpp"
#include "scenario/text_lines.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace statecraft {

void Diagnostics::error(Location at, std::string message) {
  ++count_;
  if (!full()) errors_.push_back({file_, at, std::move(message)});
}

void Diagnostics::warning(Location at, std::string message) {
  if (warnings_.size() < max_kept_diagnostics) warnings_.push_back({file_, at, std::move(message), true});
}

void Diagnostics::sort_by_location() {
  const auto by_place = [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.at.line, a.at.column) < std::pair(b.at.line, b.at.column);
  };
  std::stable_sort(errors_.begin(), errors_.end(), by_place);
  std::stable_sort(warnings_.begin(), warnings_.end(), by_place);
}

namespace {

// Messages quote the file's text, which can hold control characters (refused, but quoted in the
// refusal): shown as <U+001B>, they cannot act on the terminal.
std::string printable(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (const auto control = control_character_at(text, i)) {
      out += fmt::format("<U+{:04X}>", *control);
      i += control_character_size(*control) - 1;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  const char* kind = d.warning ? "warning" : "error";
  if (d.at.line <= 0) return fmt::format("{}: {}: {}", printable(d.file), kind, printable(d.message));
  return fmt::format("{}:{}:{}: {}: {}", printable(d.file), d.at.line, d.at.column, kind, printable(d.message));
}

std::string names_for_message(const std::vector<std::string>& names) {
  constexpr std::size_t shown = 10;
  if (names.size() <= shown) return fmt::format("{}", fmt::join(names, ", "));
  return fmt::format("{}, … ({} in all)", fmt::join(names.begin(), names.begin() + shown, ", "), names.size());
}

namespace {

// Case-insensitive Levenshtein distance, or limit + 1 when it is larger: only cells within
// `limit` of the diagonal can lie on such a path, so only that band is computed (Ukkonen 1985).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t over = limit + 1;
  std::vector<std::size_t> row(b.size() + 1, over);  // row[j]: distance of a[0, i) to b[0, j)
  for (std::size_t j = 0; j <= std::min(b.size(), limit); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t low = i > limit ? i - limit : 1, high = std::min(b.size(), i + limit);
    if (low > high) return over;
    std::size_t diagonal = row[low - 1];
    row[low - 1] = low == 1 ? std::min(i, over) : over;
    for (std::size_t j = low; j <= high; ++j) {
      const std::size_t above = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1), over});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  if (candidates.size() > max_suggestion_candidates || word.size() > max_suggested_length) return {};
  // A third of the word's length (at least 1, at most 3) separates typos from other words.
  const std::size_t tolerance = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const auto& candidate : candidates) {
    // Lengths further apart than the tolerance cannot be that close; skipping them keeps a long word cheap.
    if (std::max(word.size(), candidate.size()) - std::min(word.size(), candidate.size()) > tolerance) continue;
    const std::size_t d = edit_distance(word, candidate, tolerance);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best_distance <= tolerance ? best : std::string{};
}

}  // namespace statecraft
