#pragma once
// Progress of a long job on stderr, for a person watching: nothing for the first second (most
// jobs end before anyone wonders), then one line rewritten in place a few times a second and
// erased when the job ends. Only on a terminal: a log file or a pipe gets nothing, as a script
// reading stderr wants only the errors; and nothing with --quiet.

#include <chrono>
#include <iosfwd>
#include <mutex>
#include <string>

#include "scenario/work.hpp"

namespace statecraft::cli {

class ProgressLine {
 public:
  // job: "stability: states", for example; quiet: --quiet, nothing shown even on a terminal.
  ProgressLine(std::ostream& err, std::string job, bool quiet);
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
  bool shown_on_terminal_ = false;  // stderr is a terminal and --quiet was not given
  std::mutex mutex_;
};

}  // namespace statecraft::cli
