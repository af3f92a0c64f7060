#include "bargaining/sobol.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

#include "bargaining/uncertainty.hpp"
#include "scenario/parallel.hpp"

namespace statecraft {
namespace {

// The rows are cut into this many blocks, summed block by block and then in block order: the
// sums do not depend on which thread took which block.
constexpr std::size_t block_count = 64;

std::vector<std::vector<std::size_t>> groups_of(const SobolDesign& design) {
  if (!design.groups.empty()) return design.groups;
  std::vector<std::vector<std::size_t>> singletons;
  for (std::size_t c = 0; c < design.inputs; ++c) singletons.push_back({c});
  return singletons;
}

// Row j of A and of B, the same whichever pass or thread draws it.
void draw_row(const SobolDesign& design, std::size_t row, std::vector<double>& a, std::vector<double>& b) {
  std::mt19937_64 engine(named_seed(design.seed, "sobol row " + std::to_string(row)));
  auto uniform = [&] { return static_cast<double>(engine() >> 11) * 0x1.0p-53; };  // [0, 1), the same on every library
  for (double& x : a) x = uniform();
  for (double& x : b) x = uniform();
}

// Sums of one estimator's summands: their count, sum and sum of squares.
struct Sums {
  double n = 0, sum = 0, squares = 0;
  void add(double x) {
    n += 1;
    sum += x;
    squares += x * x;
  }
  void add(const Sums& other) {
    n += other.n;
    sum += other.sum;
    squares += other.squares;
  }
  double mean() const { return sum / n; }
  // The standard error of the mean of the summands.
  double error() const {
    if (n < 2) return NAN;
    const double variance = std::max(0.0, (squares - sum * sum / n) / (n - 1));
    return std::sqrt(variance / n);
  }
};

struct GroupSums {
  Sums first, total;
};

struct Moments {
  double mean = NAN, variance = NAN;
  std::size_t count = 0;
};

// Mean and variance of an output over the rows of A and B, in two passes (the outputs may sit far
// from 0, on a scale of 1990 to 2030, where one pass would cancel catastrophically).
Moments moments(const std::vector<double>& y_a, const std::vector<double>& y_b, std::size_t outputs, std::size_t o) {
  Moments m;
  double sum = 0;
  for (const auto* y : {&y_a, &y_b})
    for (std::size_t j = o; j < y->size(); j += outputs)
      if (!std::isnan((*y)[j])) {
        sum += (*y)[j];
        ++m.count;
      }
  if (m.count < 2) return m;
  m.mean = sum / static_cast<double>(m.count);
  double squares = 0;
  for (const auto* y : {&y_a, &y_b})
    for (std::size_t j = o; j < y->size(); j += outputs)
      if (!std::isnan((*y)[j])) squares += ((*y)[j] - m.mean) * ((*y)[j] - m.mean);
  m.variance = squares / static_cast<double>(m.count - 1);
  return m;
}

void check(const SobolDesign& design, const std::vector<std::vector<std::size_t>>& groups) {
  if (design.inputs == 0 || design.outputs == 0 || design.samples < 2 || groups.empty())
    throw std::invalid_argument("a Sobol design needs inputs, outputs, groups and at least 2 samples");
  for (const auto& group : groups)
    for (const std::size_t c : group)
      if (c >= design.inputs) throw std::invalid_argument("a Sobol group names column " + std::to_string(c) + " of " + std::to_string(design.inputs));
}

}  // namespace

double sobol_runs(const SobolDesign& design) {
  return static_cast<double>(design.samples) * static_cast<double>(groups_of(design).size() + 2);
}

std::vector<SobolOutput> sobol_indices(const SobolDesign& design, const SobolModel& model) {
  const std::size_t k = design.inputs, m = design.outputs;
  return sobol_indices_in_batches(design, [&](std::span<const double> points, std::span<double> y) {
    for (std::size_t p = 0; p < points.size() / k; ++p) model(points.subspan(p * k, k), y.subspan(p * m, m));
  });
}

std::vector<SobolOutput> sobol_indices_in_batches(const SobolDesign& design, const SobolBatchModel& model) {
  const auto groups = groups_of(design);
  check(design, groups);
  const std::size_t n = design.samples, k = design.inputs, m = design.outputs, g = groups.size();
  const std::size_t blocks = std::min(block_count, n);
  auto rows_of = [&](std::size_t block) { return std::pair{n * block / blocks, n * (block + 1) / blocks}; };

  // Pass 1: f(A) and f(B), kept, since every A_B^(i) is compared with them; a block's rows of A,
  // then of B, in one call.
  std::vector<double> y_a(n * m), y_b(n * m);
  parallel_for(blocks, design.threads, [&](std::size_t block) {
    const auto [first, last] = rows_of(block);
    const std::size_t rows = last - first;
    std::vector<double> a(k), b(k), points(2 * rows * k), y(2 * rows * m);
    for (std::size_t j = first; j < last; ++j) {
      draw_row(design, j, a, b);
      std::copy(a.begin(), a.end(), points.begin() + static_cast<long>((j - first) * k));
      std::copy(b.begin(), b.end(), points.begin() + static_cast<long>((rows + j - first) * k));
    }
    model(points, y);
    std::copy(y.begin(), y.begin() + static_cast<long>(rows * m), y_a.begin() + static_cast<long>(first * m));
    std::copy(y.begin() + static_cast<long>(rows * m), y.end(), y_b.begin() + static_cast<long>(first * m));
  });
  std::vector<Moments> of_output;
  for (std::size_t o = 0; o < m; ++o) of_output.push_back(moments(y_a, y_b, m, o));

  // Pass 2: the runs on A_B^(i), reduced at once to the estimators' sums, block by block.
  std::vector<GroupSums> sums(blocks * g * m);
  parallel_for(blocks, design.threads, [&](std::size_t block) {
    std::vector<double> a(k), b(k), points(g * k), y(g * m);
    GroupSums* const mine = &sums[block * g * m];
    for (auto [j, last] = rows_of(block); j < last; ++j) {
      draw_row(design, j, a, b);
      // Row j of every A_B^(i) in one call.
      for (std::size_t i = 0; i < g; ++i) {
        const auto mixed = points.begin() + static_cast<long>(i * k);
        std::copy(a.begin(), a.end(), mixed);
        for (const std::size_t c : groups[i]) mixed[static_cast<long>(c)] = b[c];
      }
      model(points, y);
      for (std::size_t i = 0; i < g; ++i) {
        for (std::size_t o = 0; o < m; ++o) {
          const double fa = y_a[j * m + o], fb = y_b[j * m + o], fab = y[i * m + o];
          if (std::isnan(fa) || std::isnan(fb) || std::isnan(fab)) continue;
          // Saltelli et al. 2010, Table 2 (b): V_i ≈ (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j). f(B) is
          // centred on the mean, which changes nothing in expectation and much in the error when
          // the mean is far from 0 (the same practice as the R package sensitivity's soboljansen).
          mine[i * m + o].first.add((fb - of_output[o].mean) * (fab - fa));
          // Table 2 (f), Jansen 1999, the estimator the paper recommends for the total index:
          // V_Ti ≈ (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)².
          mine[i * m + o].total.add((fa - fab) * (fa - fab) / 2);
        }
      }
    }
  });

  std::vector<SobolOutput> out;
  for (std::size_t o = 0; o < m; ++o) {
    SobolOutput output{of_output[o].mean, of_output[o].variance, of_output[o].count, {}};
    for (std::size_t i = 0; i < g; ++i) {
      GroupSums total;
      for (std::size_t block = 0; block < blocks; ++block) {
        total.first.add(sums[(block * g + i) * m + o].first);
        total.total.add(sums[(block * g + i) * m + o].total);
      }
      const double v = output.variance;
      if (!(v > 0) || total.first.n < 2) {
        output.groups.push_back({NAN, NAN, NAN, NAN});
        continue;
      }
      output.groups.push_back({total.first.mean() / v, total.first.error() / v, total.total.mean() / v, total.total.error() / v});
    }
    out.push_back(std::move(output));
  }
  return out;
}

}  // namespace statecraft
