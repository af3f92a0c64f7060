#include "bargaining/voting_game.hpp"

#include <cmath>
#include <fmt/format.h>
#include <numeric>
#include <stdexcept>

#include "scenario/work.hpp"

namespace statecraft {
namespace {

std::size_t scaled_up(std::size_t threshold, std::size_t part, std::size_t whole) {
  if (threshold == std::numeric_limits<std::size_t>::max() || whole == 0) return threshold;
  return static_cast<std::size_t>(std::ceil(static_cast<double>(threshold) * static_cast<double>(part) / static_cast<double>(whole) - 1e-9));
}

// C[k][w] (flattened, row k of `width` cells) counts, over all subsets of the players given, those
// with k members and weight w. Counts of up to 2^63 coalitions are exact in unsigned 64 bits.
using Table = std::vector<std::uint64_t>;

}  // namespace

VotingGame restricted_to(const VotingGame& game, const std::vector<std::size_t>& kept) {
  VotingGame r;
  std::int64_t kept_weight = 0;
  for (std::size_t i : kept) r.players.push_back(game.players.at(i)), r.weights.push_back(game.weights.at(i)), kept_weight += game.weights[i];
  const std::int64_t total = std::accumulate(game.weights.begin(), game.weights.end(), std::int64_t{0});
  r.quota = total ? static_cast<std::int64_t>(std::ceil(static_cast<double>(game.quota) * static_cast<double>(kept_weight) / static_cast<double>(total) - 1e-9)) : 0;
  r.min_members = scaled_up(game.min_members, kept.size(), game.players.size());
  r.members_enough = scaled_up(game.members_enough, kept.size(), game.players.size());
  return r;
}

PowerIndices power_indices(const VotingGame& game, double max_cells) {
  const std::size_t n = game.players.size();
  if (game.weights.size() != n) throw std::invalid_argument("power_indices: one weight per player");
  for (auto w : game.weights)
    if (w < 0) throw std::invalid_argument("power_indices: a weight is negative");
  const auto total = static_cast<std::size_t>(std::accumulate(game.weights.begin(), game.weights.end(), std::int64_t{0}));
  const std::size_t width = total + 1;
  const double cells = static_cast<double>(n + 1) * static_cast<double>(width);
  if (cells > max_cells)
    throw WorkTooLarge(fmt::format("the voting game's power indices need a table of {} members by {} weights, {:.3g} cells", n + 1, width, cells), cells, max_cells);
  PowerIndices p{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n)};
  if (n == 0) return p;

  Table all((n + 1) * width, 0);
  all[0] = 1;
  for (std::size_t i = 0; i < n; ++i) {  // add player i: C[k][w] += C[k−1][w−w_i], from the top down
    const auto w_i = static_cast<std::size_t>(game.weights[i]);
    for (std::size_t k = i + 1; k >= 1; --k)
      for (std::size_t w = total; w + 1 > w_i; --w) {
        all[k * width + w] += all[(k - 1) * width + w - w_i];
        if (w == 0) break;
      }
  }
  // Weight of a coalition of s others in the Shapley–Shubik sum: s!(n−s−1)!/n! = 1 / (n·C(n−1, s)).
  std::vector<double> order_share(n);
  double binomial = 1;  // C(n−1, s)
  for (std::size_t s = 0; s < n; ++s) {
    order_share[s] = 1 / (static_cast<double>(n) * binomial);
    binomial = binomial * static_cast<double>(n - 1 - s) / static_cast<double>(s + 1);
  }
  Table others((n + 1) * width);
  double swing_total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto w_i = static_cast<std::size_t>(game.weights[i]);
    for (std::size_t k = 0; k < n; ++k)  // undo player i: C_i[k][w] = C[k][w] − C_i[k−1][w−w_i]
      for (std::size_t w = 0; w < width; ++w)
        others[k * width + w] = all[k * width + w] - (k >= 1 && w >= w_i ? others[(k - 1) * width + w - w_i] : 0);
    double shapley = 0, swings = 0;
    for (std::size_t k = 0; k < n; ++k)
      for (std::size_t w = 0; w < width; ++w) {
        const auto count = others[k * width + w];
        if (!count || wins(game, k, static_cast<std::int64_t>(w)) || !wins(game, k + 1, static_cast<std::int64_t>(w + w_i))) continue;
        shapley += static_cast<double>(count) * order_share[k];
        swings += static_cast<double>(count);
      }
    p.shapley_shubik[i] = shapley;
    p.banzhaf_absolute[i] = std::ldexp(swings, -static_cast<int>(n - 1));
    swing_total += swings;
  }
  for (std::size_t i = 0; i < n; ++i) p.banzhaf[i] = swing_total > 0 ? std::ldexp(p.banzhaf_absolute[i], static_cast<int>(n - 1)) / swing_total : 0;
  return p;
}

}  // namespace statecraft
