// Sobol' indices against a function whose indices are known in closed form.

#include <gtest/gtest.h>

#include <cmath>

#include "bargaining/sobol.hpp"

namespace statecraft {
namespace {

// The Ishigami function (Ishigami & Homma 1990), f = sin x1 + a sin² x2 + b x3⁴ sin x1 on
// [−π, π)³, with a = 7, b = 0.1. Its partial variances (Saltelli et al. 2010, sec. 4; Sobol' &
// Levitan 1999): V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸(1/18 − 1/50), V = V1 + V2 + V13, and
// no other term; so S1 = V1/V, S2 = V2/V, S3 = 0, ST1 = (V1 + V13)/V, ST2 = S2, ST3 = V13/V.
constexpr double a = 7, b = 0.1;
const double pi = std::acos(-1.0);
const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2), v2 = a * a / 8,
             v13 = b * b * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50), v = v1 + v2 + v13;

void ishigami(std::span<const double> u, std::span<double> y) {
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  y[0] = std::sin(x1) + a * std::pow(std::sin(x2), 2) + b * std::pow(x3, 4) * std::sin(x1);
}

TEST(Sobol, TheAnalyticIndicesAreTheOnesPublished) {
  // The figures the literature quotes, so that the closed forms above are the right ones.
  EXPECT_NEAR(v1 / v, 0.3139, 5e-5);
  EXPECT_NEAR(v2 / v, 0.4424, 5e-5);
  EXPECT_NEAR((v1 + v13) / v, 0.5576, 5e-5);
  EXPECT_NEAR(v13 / v, 0.2437, 5e-5);
}

TEST(Sobol, IshigamiWithinThreeStandardErrors) {
  SobolDesign design;
  design.inputs = 3;
  design.samples = 20000;
  const auto out = sobol_indices(design, ishigami);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].groups.size(), 3u);
  EXPECT_NEAR(out[0].variance, v, 0.03 * v);
  const double first[] = {v1 / v, v2 / v, 0}, total[] = {(v1 + v13) / v, v2 / v, v13 / v};
  for (std::size_t i = 0; i < 3; ++i) {
    const SobolIndex& s = out[0].groups[i];
    // The errors are honest only if they are small: a few hundredths at this N.
    EXPECT_LT(s.first_error, 0.02) << i;
    EXPECT_LT(s.total_error, 0.02) << i;
    EXPECT_NEAR(s.first, first[i], 3 * s.first_error) << "S" << i + 1;
    EXPECT_NEAR(s.total, total[i], 3 * s.total_error) << "ST" << i + 1;
  }
}

TEST(Sobol, GroupedInputsActAsOne) {
  // Inputs 1 and 3 together: x1's effect and its interaction with x3, so S_{13} = (V1 + V13)/V,
  // and its total index is the same.
  SobolDesign design;
  design.inputs = 3;
  design.groups = {{0, 2}, {1}};
  design.samples = 20000;
  const auto out = sobol_indices(design, ishigami);
  const SobolIndex& s13 = out[0].groups[0];
  EXPECT_NEAR(s13.first, (v1 + v13) / v, 3 * s13.first_error);
  EXPECT_NEAR(s13.total, (v1 + v13) / v, 3 * s13.total_error);
}

TEST(Sobol, TheResultDoesNotDependOnTheThreads) {
  SobolDesign design;
  design.inputs = 3;
  design.samples = 3000;
  design.threads = 1;
  const auto one = sobol_indices(design, ishigami);
  design.threads = 2;
  const auto two = sobol_indices(design, ishigami);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(one[0].groups[i].first, two[0].groups[i].first);
    EXPECT_EQ(one[0].groups[i].total, two[0].groups[i].total);
  }
  EXPECT_EQ(one[0].variance, two[0].variance);
}

TEST(Sobol, AConstantOutputHasNoIndices) {
  SobolDesign design;
  design.inputs = 2;
  design.samples = 100;
  const auto out = sobol_indices(design, [](std::span<const double>, std::span<double> y) { y[0] = 3; });
  EXPECT_EQ(out[0].variance, 0);
  EXPECT_TRUE(std::isnan(out[0].groups[0].first));
}

TEST(Sobol, AnEmptyDesignIsRefused) {
  SobolDesign design;
  EXPECT_THROW(sobol_indices(design, ishigami), std::invalid_argument);
  design.inputs = 2;
  design.groups = {{5}};
  EXPECT_THROW(sobol_indices(design, ishigami), std::invalid_argument);
}

}  // namespace
}  // namespace statecraft
