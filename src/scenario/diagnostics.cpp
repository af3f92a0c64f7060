#include "scenario/diagnostics.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace statecraft {

void Diagnostics::error(Location at, std::string message) {
  errors_.push_back({file_, at, std::move(message)});
}

void Diagnostics::sort_by_location() {
  std::stable_sort(errors_.begin(), errors_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.at.line, a.at.column) < std::pair(b.at.line, b.at.column);
  });
}

std::string format_diagnostic(const Diagnostic& d) {
  if (d.at.line <= 0) return fmt::format("{}: error: {}", d.file, d.message);
  return fmt::format("{}:{}:{}: error: {}", d.file, d.at.line, d.at.column, d.message);
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const auto& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  // A third of the word's length (at least 1, at most 3) separates typos from other words.
  const std::size_t tolerance = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  return best_distance <= tolerance ? best : std::string{};
}

}  // namespace statecraft
