#pragma once
// The one way the engines spread independent work over cores: Monte Carlo samples, Sobol'
// blocks, the bargains of a round, re-analyses of a changed conflict.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace statecraft {

// Runs fn(item) for every item in [0, count) on up to `threads` threads (0: one per core). Items
// are handed out one at a time, so that uneven items balance; each must write only its own
// result, so that the thread count cannot change an answer. The first exception an item throws
// is rethrown here once every thread has stopped (the items not yet started are skipped).
template <typename Fn>
void parallel_for(std::size_t count, unsigned threads, const Fn& fn) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, count));
  if (threads <= 1) {
    for (std::size_t item = 0; item < count; ++item) fn(item);
    return;
  }
  std::atomic<std::size_t> next = 0;
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto worker = [&] {
    for (std::size_t item; (item = next++) < count;) {
      try {
        fn(item);
      } catch (...) {
        const std::lock_guard<std::mutex> hold(failure_lock);
        if (!failure) failure = std::current_exception();
        next = count;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace statecraft
