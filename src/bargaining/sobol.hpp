#pragma once
// Variance-based sensitivity of a model's outputs to groups of its inputs: first-order and total
// Sobol' indices (Sobol' 1993), estimated from the sampling design and estimators of Saltelli,
// Annoni, Azzini, Campolongo, Ratto & Tarantola (2010), "Variance based sensitivity analysis of
// model output. Design and estimator for the total sensitivity index", Comput. Phys. Commun.
// 181: 259-270. The model reads a point u of the unit cube [0, 1)^k; a caller maps u to its own
// inputs' ranges. Generic: the spatial lens uses it, and any lens can.
//
// Design (Saltelli et al. 2010, sec. 3): two independent N × k matrices A and B of uniform
// draws, and for each group i the matrix A_B^(i): A with the group's columns taken from B.
// That is N·(groups + 2) runs of the model. Pseudo-random draws, seeded by named_seed
// (bargaining/uncertainty.hpp), so that the standard errors from the central limit theorem hold
// (they would not for a quasi-random sequence).

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace statecraft {

struct SobolDesign {
  std::size_t inputs = 0;   // k, the unit cube's dimension
  std::size_t outputs = 1;  // values the model returns per run; each gets its own indices
  // Columns exchanged together, each group's indices estimated as one (an actor's position,
  // salience and capability, say). Empty: every input its own group.
  std::vector<std::vector<std::size_t>> groups;
  std::size_t samples = 1000;  // N, rows of A and of B
  std::uint64_t seed = 1;
  unsigned threads = 0;  // 0: every core; the result does not depend on it
};

// One group's indices on one output, each with its standard error: the standard deviation of
// the estimator's summands over √N, divided by the output's variance (the error of the variance
// itself is left out, a small part when N is in the thousands).
struct SobolIndex {
  double first = 0;  // S_i = V[E(Y|X_i)] / V(Y): the share of the variance the group explains alone
  double first_error = 0;
  double total = 0;  // S_Ti = E[V(Y|X_~i)] / V(Y): the share it has a part in, interactions included
  double total_error = 0;
};

struct SobolOutput {
  double mean = 0;      // of the output over A and B
  double variance = 0;  // V(Y) over A and B; 0 (a constant output) leaves every index NaN
  std::size_t runs = 0;  // rows of A and B in which the output had a value (not NaN)
  std::vector<SobolIndex> groups;  // in the design's group order
};

// Writes the outputs of one run at u into y (y.size() == outputs). NaN means no value; a row in
// which an output is NaN in A, B or A_B^(i) is left out of that output's estimates. Called from
// several threads at once, so it must not change shared state.
using SobolModel = std::function<void(std::span<const double> u, std::span<double> y)>;

// The same for many points at once, for a model whose every call has a cost of its own: `points`
// holds them row after row (k values each), `y` their outputs row after row.
using SobolBatchModel = SobolModel;

// Indices of every output, in output order. Throws std::invalid_argument on an empty design (no
// inputs, no samples, a group naming a column beyond k).
std::vector<SobolOutput> sobol_indices(const SobolDesign& design, const SobolModel& model);
std::vector<SobolOutput> sobol_indices_in_batches(const SobolDesign& design, const SobolBatchModel& model);

// The model runs a design needs: N·(groups + 2).
double sobol_runs(const SobolDesign& design);

}  // namespace statecraft
