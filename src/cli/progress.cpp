#include "cli/progress.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <iostream>
#include <ostream>

namespace statecraft::cli {

namespace {
constexpr auto shown_after = std::chrono::seconds(1);
constexpr std::chrono::milliseconds refresh{250};
}  // namespace

ProgressLine::ProgressLine(std::ostream& err, std::string job, bool quiet)
    : err_(err),
      job_(std::move(job)),
      start_(std::chrono::steady_clock::now()),
      shown_on_terminal_(!quiet && &err == &std::cerr && ::isatty(STDERR_FILENO)) {}

ProgressLine::~ProgressLine() {
  if (shown_) err_ << "\r\033[K" << std::flush;
}

Progress ProgressLine::callback() {
  return [this](std::uint64_t done, std::uint64_t total) { update(done, total); };
}

void ProgressLine::update(std::uint64_t done, std::uint64_t total) {
  if (!shown_on_terminal_) return;
  const std::lock_guard lock(mutex_);  // engines may report from several threads
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < shown_after || (shown_ && now - last_shown_ < refresh)) return;
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
