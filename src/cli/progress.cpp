#include "cli/progress.hpp"

#include <fmt/format.h>

#include <ostream>

namespace statecraft::cli {

namespace {
constexpr auto quiet_start = std::chrono::seconds(1);
constexpr auto refresh = std::chrono::milliseconds(250);
}  // namespace

ProgressLine::ProgressLine(std::ostream& err, std::string job)
    : err_(err), job_(std::move(job)), start_(std::chrono::steady_clock::now()) {}

ProgressLine::~ProgressLine() {
  if (shown_) err_ << "\r\033[K" << std::flush;
}

Progress ProgressLine::callback() {
  return [this](std::uint64_t done, std::uint64_t total) { update(done, total); };
}

void ProgressLine::update(std::uint64_t done, std::uint64_t total) {
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < quiet_start || (shown_ && now - last_shown_ < refresh)) return;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  // A total of 0: not known in advance (vertex enumeration cannot tell how many vertices remain).
  std::string line = total == 0 ? fmt::format("{}: {} so far", job_, done) : fmt::format("{}: {} of {}", job_, done, total);
  if (done > 0 && total >= done) {
    const double remaining = elapsed * static_cast<double>(total - done) / static_cast<double>(done);
    line += fmt::format(" ({:.0f}%, about {:.0f} s left)", 100.0 * static_cast<double>(done) / static_cast<double>(total), remaining);
  }
  err_ << "\r\033[K" << line << std::flush;
  shown_ = true;
  last_shown_ = now;
}

}  // namespace statecraft::cli
