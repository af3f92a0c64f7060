#include "games/payoff_tensor.hpp"

#include <optional>

#include "games/dense_solve.hpp"

namespace statecraft {
namespace {

// Newton's method on one support profile's indifference system.
class SupportSystem {
 public:
  SupportSystem(const PayoffTensor& g, const std::vector<std::uint64_t>& supports) : g_(g) {
    for (std::size_t i = 0; i < g.players(); ++i) {
      offset_.push_back(members_.size());
      std::vector<std::size_t> in;
      for (std::size_t s = 0; s < g.strategies(i); ++s)
        if (supports[i] >> s & 1U) in.push_back(s);
      support_.push_back(in);
      for (std::size_t s : in) members_.push_back({i, s});
    }
    unknowns_ = members_.size() + g.players();  // the probabilities, then each player's value
  }

  // From the mix `start` (on the supports), a solution within tolerance, or none.
  std::optional<StrategyMixes> solve(StrategyMixes sigma) const {
    std::vector<double> value(g_.players(), 0);
    {
      const StrategyMixes v = g_.values(sigma);
      for (std::size_t i = 0; i < g_.players(); ++i)
        for (std::size_t s : support_[i]) value[i] += v[i][s] / static_cast<double>(support_[i].size());
    }
    constexpr double tolerance = 1e-13;  // the payoffs are rescaled to [0, 1]
    for (int iteration = 0; iteration < 60; ++iteration) {
      std::vector<double> f = residual(sigma, value);
      double norm = 0;
      for (double x : f) norm = std::max(norm, std::abs(x));
      if (norm < tolerance) return sigma;
      std::vector<std::vector<double>> jacobian = jacobian_at(sigma);
      for (double& x : f) x = -x;
      if (!solve_dense(std::move(jacobian), f, f, 1e-14)) return std::nullopt;
      for (std::size_t k = 0; k < members_.size(); ++k) sigma[members_[k].first][members_[k].second] += f[k];
      for (std::size_t i = 0; i < g_.players(); ++i) value[i] += f[members_.size() + i];
      for (const auto& [i, s] : members_)
        if (!std::isfinite(sigma[i][s]) || std::abs(sigma[i][s]) > 1e6) return std::nullopt;
    }
    return std::nullopt;
  }

 private:
  std::vector<double> residual(const StrategyMixes& sigma, const std::vector<double>& value) const {
    const StrategyMixes v = g_.values(sigma);
    std::vector<double> f;
    for (const auto& [i, s] : members_) f.push_back(v[i][s] - value[i]);
    for (std::size_t i = 0; i < g_.players(); ++i) {
      double total = -1;
      for (std::size_t s : support_[i]) total += sigma[i][s];
      f.push_back(total);
    }
    return f;
  }

  std::vector<std::vector<double>> jacobian_at(const StrategyMixes& sigma) const {
    std::vector<std::vector<double>> j(unknowns_, std::vector<double>(unknowns_, 0));
    // Row of (i, s) by its member index; column of σ_j(t) likewise, or −1 outside the supports.
    std::vector<std::vector<long>> position(g_.players());
    for (std::size_t i = 0; i < g_.players(); ++i) position[i].assign(g_.strategies(i), -1);
    for (std::size_t k = 0; k < members_.size(); ++k) position[members_[k].first][members_[k].second] = static_cast<long>(k);
    g_.value_derivatives(sigma, [&](std::size_t i, std::size_t s, std::size_t other, std::size_t t, double d) {
      const long row = position[i][s], column = position[other][t];
      if (row >= 0 && column >= 0) j[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)] += d;
    });
    for (std::size_t k = 0; k < members_.size(); ++k) {
      j[k][members_.size() + members_[k].first] = -1;                // − v_i
      j[members_.size() + members_[k].first][k] = 1;                 // Σ σ_i
    }
    return j;
  }

  const PayoffTensor& g_;
  std::vector<std::vector<std::size_t>> support_;
  std::vector<std::size_t> offset_;
  std::vector<std::pair<std::size_t, std::size_t>> members_;
  std::size_t unknowns_ = 0;
};

}  // namespace

std::optional<StrategyMixes> solve_on_supports(const PayoffTensor& g, const std::vector<std::uint64_t>& supports, const StrategyMixes& start) {
  return SupportSystem(g, supports).solve(start);
}

}  // namespace statecraft
