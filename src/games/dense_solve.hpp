#pragma once
// Small dense linear systems in floating point, for the Newton steps of the numerical solvers
// (logit tracing, support enumeration).

#include <vector>

namespace statecraft {

// Solves M x = b by Gaussian elimination with partial pivoting; M is square. False when a pivot
// is smaller in magnitude than `singular` (the caller's judgment of a singular system).
bool solve_dense(std::vector<std::vector<double>> m, std::vector<double> b, std::vector<double>& x, double singular);

}  // namespace statecraft
