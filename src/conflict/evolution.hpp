#pragma once
// Status quo analysis (Li, Hipel, Kilgour & Fang 2004): which states the conflict can reach
// from its status quo by a sequence of unilateral improvements, each decision maker moving in
// its own interest, and the shortest such path to each state.

#include <optional>
#include <vector>

#include "conflict/graph_model.hpp"

namespace statecraft {

struct Step {
  std::size_t maker;
  std::size_t from, to;  // state indices
};

struct Evolution {
  std::size_t start = 0;
  // path[s]: the shortest sequence of unilateral improvements from the start to state s (empty
  // for the start itself); nullopt when s cannot be reached.
  std::vector<std::optional<std::vector<Step>>> path;
};

Evolution evolve_from(const GraphModel& model, std::size_t start);

}  // namespace statecraft
