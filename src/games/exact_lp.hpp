#pragma once
// Small linear programs in exact rational arithmetic: the primal simplex method on a dense
// tableau, two phases, with Bland's rule (Bland 1977, "New finite pivoting rules for the simplex
// method"), which cannot cycle, so every answer is exact and final. For the small programs the
// game solvers ask (which beliefs make a move a best reply; checks of a floating-point solver's
// answer): hundreds of rows at most.

#include <gmpxx.h>
#include <vector>

namespace statecraft {

struct LinearProgram {
  enum class Relation { at_most, equal, at_least };
  struct Row {
    std::vector<mpq_class> coefficients;  // one per variable
    Relation relation = Relation::at_most;
    mpq_class rhs;
  };
  std::size_t variables = 0;        // every variable is ≥ 0
  std::vector<Row> rows;
  std::vector<mpq_class> objective;  // maximised; empty: any feasible point will do
};

struct LinearProgramSolution {
  enum class Status { optimal, infeasible, unbounded };
  Status status = Status::infeasible;
  std::vector<mpq_class> x;  // optimal (or, with no objective, feasible) values; empty otherwise
  mpq_class value;           // the objective's value at x
};

LinearProgramSolution solve_exact(const LinearProgram& program);

// Whether x is non-negative and satisfies every row exactly.
bool is_feasible(const LinearProgram& program, const std::vector<mpq_class>& x);

}  // namespace statecraft
