#include "games/exact_lp.hpp"

#include <stdexcept>

namespace statecraft {
namespace {

using Relation = LinearProgram::Relation;

// The tableau [T | rhs] of the equality form: structural variables, then one slack or surplus
// per inequality, then one artificial per row that has no slack to start the basis with.
class Simplex {
 public:
  explicit Simplex(const LinearProgram& p) : structural_(p.variables) {
    std::size_t slacks = 0;
    for (const auto& row : p.rows) slacks += row.relation != Relation::equal;
    first_artificial_ = structural_ + slacks;
    std::size_t artificials = 0;
    for (const auto& row : p.rows) artificials += needs_artificial(row);
    columns_ = first_artificial_ + artificials;
    std::size_t slack = structural_, artificial = first_artificial_;
    for (const auto& row : p.rows) {
      if (row.coefficients.size() != structural_) throw std::invalid_argument("a linear program's row has the wrong number of coefficients");
      // Flipped so that the right-hand side is non-negative, which the starting basis needs.
      const bool flip = sgn(row.rhs) < 0;
      std::vector<mpq_class> t(columns_ + 1, 0);
      for (std::size_t j = 0; j < structural_; ++j) t[j] = flip ? -row.coefficients[j] : row.coefficients[j];
      t[columns_] = flip ? -row.rhs : row.rhs;
      Relation relation = row.relation;
      if (flip && relation != Relation::equal) relation = relation == Relation::at_most ? Relation::at_least : Relation::at_most;
      std::size_t basic_variable;
      if (relation == Relation::at_most) {
        t[slack] = 1;
        basic_variable = slack++;
      } else {
        if (relation == Relation::at_least) t[slack++] = -1;
        t[artificial] = 1;
        basic_variable = artificial++;
      }
      tableau_.push_back(std::move(t));
      basic_.push_back(basic_variable);
    }
  }

  // Phase 1: drive the artificials to zero. False when the program is infeasible.
  bool find_feasible_basis() {
    if (first_artificial_ == columns_) return true;
    std::vector<mpq_class> cost(columns_, 0);
    for (std::size_t j = first_artificial_; j < columns_; ++j) cost[j] = -1;
    optimise(cost, columns_);
    for (std::size_t r = 0; r < tableau_.size(); ++r)
      if (basic_[r] >= first_artificial_ && sgn(tableau_[r][columns_]) != 0) return false;
    // An artificial still basic, at zero: pivot a real column in where the row has one; a row
    // without one is a combination of the others and stays as it is.
    for (std::size_t r = 0; r < tableau_.size(); ++r) {
      if (basic_[r] < first_artificial_) continue;
      for (std::size_t j = 0; j < first_artificial_; ++j)
        if (sgn(tableau_[r][j]) != 0) {
          pivot(r, j);
          break;
        }
    }
    return true;
  }

  // Phase 2 over the real columns: false when the objective is unbounded.
  bool maximise(const std::vector<mpq_class>& objective) {
    std::vector<mpq_class> cost(columns_, 0);
    for (std::size_t j = 0; j < objective.size(); ++j) cost[j] = objective[j];
    return optimise(cost, first_artificial_);
  }

  std::vector<mpq_class> structural_values() const {
    std::vector<mpq_class> x(structural_, 0);
    for (std::size_t r = 0; r < tableau_.size(); ++r)
      if (basic_[r] < structural_) x[basic_[r]] = tableau_[r][columns_];
    return x;
  }

 private:
  static bool needs_artificial(const LinearProgram::Row& row) {
    const bool flip = sgn(row.rhs) < 0;
    return row.relation == Relation::equal || (row.relation == Relation::at_least) != flip;
  }

  // Bland's rule: the lowest-numbered improving column enters; among the rows that bound it, the
  // one whose basic variable has the lowest number leaves. Columns from `allowed` on never enter.
  bool optimise(const std::vector<mpq_class>& cost, std::size_t allowed) {
    for (;;) {
      std::size_t entering = allowed;
      for (std::size_t j = 0; j < allowed && entering == allowed; ++j) {
        mpq_class reduced = cost[j];
        for (std::size_t r = 0; r < tableau_.size(); ++r)
          if (sgn(tableau_[r][j]) != 0) reduced -= cost[basic_[r]] * tableau_[r][j];
        if (sgn(reduced) > 0) entering = j;
      }
      if (entering == allowed) return true;
      std::size_t leaving = tableau_.size();
      mpq_class best_ratio;
      for (std::size_t r = 0; r < tableau_.size(); ++r) {
        if (sgn(tableau_[r][entering]) <= 0) continue;
        const mpq_class ratio = tableau_[r][columns_] / tableau_[r][entering];
        if (leaving == tableau_.size() || ratio < best_ratio || (ratio == best_ratio && basic_[r] < basic_[leaving])) {
          leaving = r;
          best_ratio = ratio;
        }
      }
      if (leaving == tableau_.size()) return false;
      pivot(leaving, entering);
    }
  }

  void pivot(std::size_t row, std::size_t column) {
    auto& p = tableau_[row];
    const mpq_class divisor = p[column];
    for (auto& v : p) v /= divisor;
    for (std::size_t r = 0; r < tableau_.size(); ++r) {
      if (r == row || sgn(tableau_[r][column]) == 0) continue;
      const mpq_class factor = tableau_[r][column];
      for (std::size_t j = 0; j <= columns_; ++j)
        if (sgn(p[j]) != 0) tableau_[r][j] -= factor * p[j];
    }
    basic_[row] = column;
  }

  std::size_t structural_, first_artificial_ = 0, columns_ = 0;
  std::vector<std::vector<mpq_class>> tableau_;
  std::vector<std::size_t> basic_;
};

}  // namespace

LinearProgramSolution solve_exact(const LinearProgram& program) {
  LinearProgramSolution solution;
  Simplex simplex(program);
  if (!simplex.find_feasible_basis()) return solution;
  if (!simplex.maximise(program.objective)) {
    solution.status = LinearProgramSolution::Status::unbounded;
    return solution;
  }
  solution.status = LinearProgramSolution::Status::optimal;
  solution.x = simplex.structural_values();
  for (std::size_t j = 0; j < program.objective.size(); ++j) solution.value += program.objective[j] * solution.x[j];
  return solution;
}

bool is_feasible(const LinearProgram& program, const std::vector<mpq_class>& x) {
  if (x.size() != program.variables) return false;
  for (const auto& v : x)
    if (sgn(v) < 0) return false;
  for (const auto& row : program.rows) {
    mpq_class lhs = 0;
    for (std::size_t j = 0; j < x.size(); ++j) lhs += row.coefficients[j] * x[j];
    const int side = cmp(lhs, row.rhs);
    if ((row.relation == Relation::at_most && side > 0) || (row.relation == Relation::at_least && side < 0) || (row.relation == Relation::equal && side != 0))
      return false;
  }
  return true;
}

}  // namespace statecraft
