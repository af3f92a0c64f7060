#pragma once
// Long jobs. Each is refused before it starts when its estimated size passes a documented limit
// (so a small file never becomes hours of work or gigabytes of memory), and reports how far it
// has got while it runs. Engines know nothing of terminals: they take a Progress and call it; the
// command line decides whether and how to show it.

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace statecraft {

// A job refused because its estimated size exceeds the limit. what() reads, for example:
// "the conflict has 16777216 states, more than the limit of 1048576 (--max-states lifts it)".
class WorkTooLarge : public std::runtime_error {
 public:
  // what_is_counted: "the conflict has {} states"-style text with the estimate already in it.
  WorkTooLarge(const std::string& what_is_counted, double estimate, double limit, const std::string& lifting_option = {});
  double estimate;
  double limit;
  std::string lifting_option;  // the option that raises the limit, or empty when none does
};

// Called with the work done so far and the total, in one unit of the job's choosing. Engines call
// it at most every few thousand steps; an empty Progress is allowed and means nobody is watching.
using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;

inline void report_progress(const Progress& progress, std::uint64_t done, std::uint64_t total) {
  if (progress) progress(done, total);
}

}  // namespace statecraft
