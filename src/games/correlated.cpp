#include "games/correlated.hpp"

#include <fmt/format.h>
#include <glpk.h>
#include <memory>
#include <optional>
#include <stdexcept>

#include "scenario/work.hpp"

namespace statecraft {
namespace {

// A linear program to maximise, with exact coefficients, in GLPK's terms: every row an auxiliary
// variable r_i = Σ_j a_ij x_j, rows and columns each with a bound of one of GLPK's types.
struct Program {
  struct Bound {
    int type = GLP_LO;  // GLP_LO (≥ low), GLP_FX (= low) or GLP_FR (free)
    mpq_class low = 0;
  };
  std::vector<Bound> rows, columns;
  std::vector<std::vector<std::pair<std::size_t, mpq_class>>> entries;  // per column: (row, a_ij)
  std::vector<mpq_class> objective;                                     // per column

  std::size_t add_column(Bound bound, mpq_class cost) {
    columns.push_back(bound);
    entries.emplace_back();
    objective.push_back(std::move(cost));
    return columns.size() - 1;
  }
  std::size_t add_row(Bound bound) {
    rows.push_back(bound);
    return rows.size() - 1;
  }
};

struct GlpkProblem {
  explicit GlpkProblem(const Program& p) : lp(glp_create_prob()) {
    glp_set_obj_dir(lp, GLP_MAX);
    glp_add_rows(lp, static_cast<int>(p.rows.size()));
    glp_add_cols(lp, static_cast<int>(p.columns.size()));
    for (std::size_t i = 0; i < p.rows.size(); ++i) glp_set_row_bnds(lp, static_cast<int>(i + 1), p.rows[i].type, p.rows[i].low.get_d(), p.rows[i].low.get_d());
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0};
    for (std::size_t j = 0; j < p.columns.size(); ++j) {
      glp_set_col_bnds(lp, static_cast<int>(j + 1), p.columns[j].type, p.columns[j].low.get_d(), p.columns[j].low.get_d());
      glp_set_obj_coef(lp, static_cast<int>(j + 1), p.objective[j].get_d());
      for (const auto& [row, a] : p.entries[j]) {
        ia.push_back(static_cast<int>(row + 1));
        ja.push_back(static_cast<int>(j + 1));
        ar.push_back(a.get_d());
      }
    }
    glp_load_matrix(lp, static_cast<int>(ar.size() - 1), ia.data(), ja.data(), ar.data());
  }
  ~GlpkProblem() { glp_delete_prob(lp); }
  GlpkProblem(const GlpkProblem&) = delete;
  GlpkProblem& operator=(const GlpkProblem&) = delete;
  glp_prob* lp;
};

// Solves A x = b exactly by Gaussian elimination; empty when A is singular.
std::optional<std::vector<mpq_class>> solve_square(std::vector<std::vector<mpq_class>> a, std::vector<mpq_class> b) {
  const std::size_t n = b.size();
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t pivot = c;
    while (pivot < n && sgn(a[pivot][c]) == 0) ++pivot;
    if (pivot == n) return std::nullopt;
    std::swap(a[pivot], a[c]);
    std::swap(b[pivot], b[c]);
    for (std::size_t r = 0; r < n; ++r) {
      if (r == c || sgn(a[r][c]) == 0) continue;
      const mpq_class factor = a[r][c] / a[c][c];
      for (std::size_t k = c; k < n; ++k)
        if (sgn(a[c][k]) != 0) a[r][k] -= factor * a[c][k];
      b[r] -= factor * b[c];
    }
  }
  for (std::size_t r = 0; r < n; ++r) b[r] /= a[r][r];
  return b;
}

// The basic solution of GLPK's final basis, in exact rationals, if it is feasible and its duals
// prove it optimal. Nonbasic variables sit at their bound (free ones at 0); the rows whose
// auxiliary variable is nonbasic are tight and determine the basic columns; their duals must
// price every nonbasic variable out (a reduced cost of the right sign at its bound).
std::optional<std::vector<mpq_class>> exact_optimum(const Program& p, glp_prob* lp) {
  std::vector<std::size_t> basic, tight;
  std::vector<mpq_class> x(p.columns.size(), 0);
  for (std::size_t j = 0; j < p.columns.size(); ++j) {
    const int status = glp_get_col_stat(lp, static_cast<int>(j + 1));
    if (status == GLP_BS) basic.push_back(j);
    else if (status != GLP_NF) x[j] = p.columns[j].low;
  }
  std::vector<int> row_status(p.rows.size());
  for (std::size_t i = 0; i < p.rows.size(); ++i) {
    row_status[i] = glp_get_row_stat(lp, static_cast<int>(i + 1));
    if (row_status[i] != GLP_BS) tight.push_back(i);
  }
  if (basic.size() != tight.size()) return std::nullopt;
  std::vector<std::size_t> position(p.rows.size(), tight.size());
  for (std::size_t t = 0; t < tight.size(); ++t) position[tight[t]] = t;
  // Tight rows: Σ_{j basic} a_ij x_j = bound_i − Σ_{j nonbasic} a_ij x_j.
  std::vector<std::vector<mpq_class>> m(tight.size(), std::vector<mpq_class>(basic.size(), 0));
  std::vector<mpq_class> rhs(tight.size());
  for (std::size_t t = 0; t < tight.size(); ++t) rhs[t] = row_status[tight[t]] == GLP_NF ? mpq_class(0) : p.rows[tight[t]].low;
  std::vector<bool> is_basic(p.columns.size(), false);
  for (std::size_t b = 0; b < basic.size(); ++b) {
    is_basic[basic[b]] = true;
    for (const auto& [row, a] : p.entries[basic[b]])
      if (position[row] < tight.size()) m[position[row]][b] = a;
  }
  for (std::size_t j = 0; j < p.columns.size(); ++j)
    if (!is_basic[j] && sgn(x[j]) != 0)
      for (const auto& [row, a] : p.entries[j])
        if (position[row] < tight.size()) rhs[position[row]] -= a * x[j];
  const auto values = solve_square(m, rhs);
  if (!values) return std::nullopt;
  for (std::size_t b = 0; b < basic.size(); ++b) x[basic[b]] = (*values)[b];
  // Primal feasibility: every column and every row within its bound.
  std::vector<mpq_class> activity(p.rows.size(), 0);
  for (std::size_t j = 0; j < p.columns.size(); ++j) {
    if (p.columns[j].type != GLP_FR && x[j] < p.columns[j].low) return std::nullopt;
    if (sgn(x[j]) != 0)
      for (const auto& [row, a] : p.entries[j]) activity[row] += a * x[j];
  }
  for (std::size_t i = 0; i < p.rows.size(); ++i) {
    const auto& bound = p.rows[i];
    if ((bound.type == GLP_LO && activity[i] < bound.low) || (bound.type == GLP_FX && activity[i] != bound.low)) return std::nullopt;
  }
  // Duals of the tight rows: Σ_{i tight} π_i a_ij = c_j for every basic column.
  std::vector<std::vector<mpq_class>> transposed(basic.size(), std::vector<mpq_class>(tight.size()));
  std::vector<mpq_class> costs(basic.size());
  for (std::size_t b = 0; b < basic.size(); ++b) {
    costs[b] = p.objective[basic[b]];
    for (std::size_t t = 0; t < tight.size(); ++t) transposed[b][t] = m[t][b];
  }
  const auto duals = solve_square(transposed, costs);
  if (!duals) return std::nullopt;
  // A maximum: a nonbasic variable at its lower bound must not gain by rising (reduced cost
  // ≤ 0); a free one must not gain either way (0); a fixed one may not move.
  for (std::size_t t = 0; t < tight.size(); ++t) {
    const int status = row_status[tight[t]];
    if ((status == GLP_NL && sgn((*duals)[t]) > 0) || (status == GLP_NF && sgn((*duals)[t]) != 0)) return std::nullopt;
  }
  for (std::size_t j = 0; j < p.columns.size(); ++j) {
    if (is_basic[j]) continue;
    mpq_class reduced = p.objective[j];
    for (const auto& [row, a] : p.entries[j])
      if (position[row] < tight.size()) reduced -= (*duals)[position[row]] * a;
    const int status = glp_get_col_stat(lp, static_cast<int>(j + 1));
    if ((status == GLP_NL && sgn(reduced) > 0) || (status == GLP_NF && sgn(reduced) != 0)) return std::nullopt;
  }
  return x;
}

// The exact optimum: GLPK's floating-point simplex, its basis checked exactly; failing that, its
// rational simplex from there, checked again.
std::vector<mpq_class> solve(const Program& p) {
  glp_term_out(GLP_OFF);
  GlpkProblem problem(p);
  glp_smcp parameters;
  glp_init_smcp(&parameters);
  parameters.msg_lev = GLP_MSG_OFF;
  parameters.presolve = GLP_ON;  // 0.6 s to 0.23 s on a random 10×10×10 game; the final basis is the original program's
  if (glp_simplex(problem.lp, &parameters) != 0 || glp_get_status(problem.lp) != GLP_OPT)
    throw std::runtime_error("GLPK's simplex method found no optimum of the correlated-equilibrium program");
  if (auto x = exact_optimum(p, problem.lp)) return std::move(*x);
  if (glp_exact(problem.lp, &parameters) != 0 || glp_get_status(problem.lp) != GLP_OPT)
    throw std::runtime_error("GLPK's rational simplex found no optimum of the correlated-equilibrium program");
  if (auto x = exact_optimum(p, problem.lp)) return std::move(*x);
  throw std::runtime_error("GLPK's optimal basis of the correlated-equilibrium program failed the exact check");
}

// The incentive rows of the program over one column per profile: for correlated equilibria, one
// per player i and ordered pair (j, k) of its strategies, over the profiles that recommend j; for
// coarse ones, one per player and strategy k, over all profiles.
Program incentive_program(const StrategicGame& game, CorrelatedKind kind) {
  Program p;
  const std::size_t profiles = game.profile_count();
  for (std::size_t s = 0; s < profiles; ++s) p.add_column({GLP_LO, 0}, 0);
  const std::size_t total = p.add_row({GLP_FX, 1});
  for (std::size_t s = 0; s < profiles; ++s) p.entries[s].emplace_back(total, 1);
  for (std::size_t i = 0; i < game.players.size(); ++i) {
    const std::size_t n = game.strategies[i].size();
    // rows[j][k]: the row of recommending j and deviating to k (coarse: rows[0][k]).
    std::vector<std::vector<std::size_t>> rows(n, std::vector<std::size_t>(n, 0));
    for (std::size_t j = 0; j < (kind == CorrelatedKind::coarse ? 1 : n); ++j)
      for (std::size_t k = 0; k < n; ++k)
        if (kind == CorrelatedKind::coarse || j != k) rows[j][k] = p.add_row({GLP_LO, 0});
    for (std::size_t s = 0; s < profiles; ++s) {
      auto choice = game.profile_choice(s);
      const std::size_t j = choice[i];
      const mpq_class& here = game.payoffs[s][i];
      for (std::size_t k = 0; k < n; ++k) {
        if (k == j) continue;
        choice[i] = k;
        const mpq_class gain = here - game.payoffs[game.profile_index(choice)][i];
        if (sgn(gain) != 0) p.entries[s].emplace_back(rows[kind == CorrelatedKind::coarse ? 0 : j][k], gain);
      }
    }
  }
  return p;
}

CorrelatedEquilibrium equilibrium_of(const StrategicGame& game, const std::vector<mpq_class>& x) {
  CorrelatedEquilibrium e;
  e.probability.assign(x.begin(), x.begin() + static_cast<long>(game.profile_count()));
  e.payoffs.assign(game.players.size(), 0);
  for (std::size_t s = 0; s < e.probability.size(); ++s)
    if (sgn(e.probability[s]) != 0)
      for (std::size_t i = 0; i < game.players.size(); ++i) e.payoffs[i] += e.probability[s] * game.payoffs[s][i];
  e.verified = true;  // solve() returns only exactly checked optima
  return e;
}

CorrelatedEquilibrium most_welfare(const StrategicGame& game, CorrelatedKind kind) {
  Program p = incentive_program(game, kind);
  for (std::size_t s = 0; s < game.profile_count(); ++s)
    for (const auto& u : game.payoffs[s]) p.objective[s] += u;
  return equilibrium_of(game, solve(p));
}

// Greenwald & Hall's egalitarian objective: a free column t, below every player's expected payoff.
CorrelatedEquilibrium fairest(const StrategicGame& game) {
  Program p = incentive_program(game, CorrelatedKind::correlated);
  const std::size_t t = p.add_column({GLP_FR, 0}, 1);
  for (std::size_t i = 0; i < game.players.size(); ++i) {
    const std::size_t row = p.add_row({GLP_LO, 0});
    for (std::size_t s = 0; s < game.profile_count(); ++s)
      if (sgn(game.payoffs[s][i]) != 0) p.entries[s].emplace_back(row, game.payoffs[s][i]);
    p.entries[t].emplace_back(row, -1);
  }
  return equilibrium_of(game, solve(p));
}

}  // namespace

CorrelatedSolution correlated_equilibria(const StrategicGame& game, double max_nonzeros) {
  double rows = 1, nonzeros = static_cast<double>(game.profile_count());
  for (const auto& list : game.strategies) {
    const auto n = static_cast<double>(list.size());
    rows += n * (n - 1);
    nonzeros += static_cast<double>(game.profile_count()) * (n - 1);
  }
  if (nonzeros > max_nonzeros)
    throw WorkTooLarge(fmt::format("the correlated-equilibrium program has {:.0f} rows and {:.4g} nonzero coefficients", rows, nonzeros), nonzeros, max_nonzeros);
  CorrelatedSolution s;
  s.rows = static_cast<std::size_t>(rows);
  s.nonzeros = static_cast<std::size_t>(nonzeros);
  s.welfare = most_welfare(game, CorrelatedKind::correlated);
  s.fairest = fairest(game);
  s.coarse_welfare = most_welfare(game, CorrelatedKind::coarse);
  return s;
}

bool is_correlated_equilibrium(const StrategicGame& game, const std::vector<mpq_class>& probability, CorrelatedKind kind) {
  if (probability.size() != game.profile_count()) return false;
  mpq_class total = 0;
  for (const auto& p : probability) {
    if (sgn(p) < 0) return false;
    total += p;
  }
  if (total != 1) return false;
  const Program p = incentive_program(game, kind);
  std::vector<mpq_class> activity(p.rows.size(), 0);
  for (std::size_t s = 0; s < probability.size(); ++s)
    if (sgn(probability[s]) != 0)
      for (const auto& [row, a] : p.entries[s]) activity[row] += a * probability[s];
  for (std::size_t i = 1; i < p.rows.size(); ++i)
    if (sgn(activity[i]) < 0) return false;
  return true;
}

}  // namespace statecraft
