#pragma once
// Status quo analysis (Li, Hipel, Kilgour & Fang 2004): which states the conflict can reach
// from its status quo by a sequence of unilateral improvements, each decision maker moving in
// its own interest, and the shortest such path to each state.

#include <cstdint>
#include <optional>
#include <vector>

#include "conflict/graph_model.hpp"

namespace statecraft {

struct Step {
  std::size_t maker;
  std::size_t from, to;  // state indices
};

// The breadth-first tree of unilateral improvements from a start: 5 bytes per state, each state
// knowing the move that first reached it (and, while it is built, 4 more and 4 per free mover).
class Evolution {
 public:
  // `progress` counts the states reached.
  Evolution(const GraphModel& model, std::size_t start, const Progress& progress = {});

  std::size_t start() const { return start_; }
  bool reaches(std::size_t state) const { return from_[state] != unreached; }
  // The shortest sequence of unilateral improvements from the start to `state` (empty for the
  // start itself); nullopt when it cannot be reached.
  std::optional<std::vector<Step>> path_to(std::size_t state) const;

 private:
  static constexpr std::uint32_t unreached = UINT32_MAX;
  std::size_t start_;
  std::vector<std::uint32_t> from_;  // the state it was reached from; itself for the start
  std::vector<std::uint8_t> maker_;  // who moved
};

}  // namespace statecraft
