#pragma once
// A sweep's specification (statecraft sweep SPEC.yaml, docs/sweep.md): which scenarios, how
// many Monte Carlo samples with which seed, which models, and a grid of model parameters whose
// every combination is run. Errors point at their line and column, as a scenario's do.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.hpp"
#include "scenario/model.hpp"

namespace statecraft {

struct SweepSpec {
  // What each run is: the Monte Carlo of forecast --samples, or the spatial lens's sensitivity
  // analysis of statecraft sensitivity (knife edges and Sobol' indices, `samples` its base samples).
  enum class Analysis { monte_carlo, sensitivity } analysis = Analysis::monte_carlo;
  std::vector<std::filesystem::path> scenarios;  // resolved against the spec's folder
  std::size_t samples = 1000;
  std::uint64_t seed = 1;
  std::vector<std::string> models;  // empty: every model
  // Each grid parameter with its values, in the order written; the runs are their product.
  std::vector<std::pair<std::string, std::vector<std::string>>> grid;
  // Judgments varied over values, with the grid: ACTOR.capability, ISSUE.status_quo,
  // ISSUE.ACTOR.position, ISSUE.ACTOR.salience, ISSUE.ACTOR.capability.
  struct JudgmentRange {
    std::string path;
    std::vector<double> values;
    Location at;
  };
  std::vector<JudgmentRange> judgments;
  // Event coding instead: the articles' files (plain text, or JSON Lines of {id, date, source,
  // text}), the date of articles that give none (YYYY-MM-DD), and a dictionaries folder (empty:
  // the built-in ones). A sweep codes a corpus or samples scenarios, not both.
  std::vector<std::filesystem::path> corpus;
  std::string date;
  std::filesystem::path dictionaries;
};

// The grid parameters a sweep may vary: eu_probability (program, paper), q (expected utility's
// status quo probability, in [0, 1]), eu_rounds and exchange_rounds (whole numbers, 1–1000).
const std::vector<std::string>& sweep_grid_parameters();

// At most this many samples a run and this many grid points: work past them is refused.
inline constexpr std::size_t max_sweep_samples = 100'000'000;
inline constexpr std::size_t max_sweep_points = 10'000;

// Sets one judgment of the scenario to `value` (a JudgmentRange's path); the reason it cannot
// (no such actor, issue or stance; a value off the scale or out of range) else.
std::string set_judgment(Scenario& scenario, const std::string& path, double value);

std::optional<SweepSpec> read_sweep_spec(std::string_view text, const std::filesystem::path& folder, Diagnostics& diagnostics);

}  // namespace statecraft
