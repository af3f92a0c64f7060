#pragma once
// Progress of a long job on stderr, for a person watching: nothing for the first second (most
// jobs end before anyone wonders), then, on a terminal, one line rewritten in place a few times a
// second and erased when the job ends; elsewhere (a log file, a pipe) a plain line every five
// seconds, so that logs hold no escape codes.

#include <chrono>
#include <iosfwd>
#include <mutex>
#include <string>

#include "scenario/work.hpp"

namespace statecraft::cli {

class ProgressLine {
 public:
  ProgressLine(std::ostream& err, std::string job);  // job: "stability: states", for example
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // The callback an engine takes, safe to call from several threads; it refers to this object,
  // which must outlive the job.
  Progress callback();

 private:
  void update(std::uint64_t done, std::uint64_t total);

  std::ostream& err_;
  std::string job_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_shown_{};
  bool shown_ = false;
  bool terminal_ = false;
  std::mutex mutex_;
};

}  // namespace statecraft::cli
