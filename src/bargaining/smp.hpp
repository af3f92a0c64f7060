#pragma once
// The Spatial Model of Politics of KTAB, the KAPSARC Toolkit for Behavioral Analysis (Wise,
// Lester, Efird et al. 2015; KTAB's smpc with its default parameters: Linear victory
// probabilities, proportional voting, conditional probabilistic Condorcet election,
// deterministic transitions, "Mid" risk range with one-third adjustment, semi-committed third
// parties, S2P2 interpolated bargains, initiator-only interpolation).
//
// Each turn every actor estimates the others' risk attitudes from a probabilistic Condorcet
// election over the current positions, picks the challenge with the best expected gain (third
// parties vote on it), and proposes a bargain interpolated per dimension; every actor then
// resolves the queue of bargains that involve it by an election among all actors. The run stops
// when the movement in a turn falls below 2 % of the first turn's (at least 2, at most 100 turns).
// The operation order follows KTAB's, so trajectories match smpc's to the last bit.

#include <cstddef>
#include <string>
#include <vector>

namespace statecraft {

struct SmpActor {
  std::string id;
  double capability = 0;           // > 0, finite, any unit: only ratios matter
  std::vector<double> position;    // per dimension, in [0, 1]
  std::vector<double> salience;    // per dimension, in [0, 1], summing to at most 1, not all 0
};

struct SmpSettings {
  int min_turns = 2;
  int max_turns = 100;
  double stop_ratio = 0.02;      // stop when a turn moves less than this share of the first turn
  double significant_move = 1e-4;  // added to the first turn's movement
  unsigned threads = 1;          // the result is the same for any count
};

struct SmpRun {
  // positions[t][i][d]: turn t (0 = the input), actor i, dimension d, on [0, 1].
  std::vector<std::vector<std::vector<double>>> positions;
  // For the last state: each actor's chance that its position wins the probabilistic
  // Condorcet election (risk-neutral utilities, votes weighted by capability).
  std::vector<double> win_probability;
  std::size_t turns() const { return positions.empty() ? 0 : positions.size() - 1; }
};

// Throws std::invalid_argument when the inputs break the rules above.
SmpRun run_smp(const std::vector<SmpActor>& actors, const SmpSettings& settings = {});

}  // namespace statecraft
