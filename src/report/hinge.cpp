#include "report/hinge.hpp"

#include <algorithm>

namespace statecraft {

std::vector<Hinge> most_decisive(std::vector<Hinge> hinges, std::size_t count) {
  std::stable_sort(hinges.begin(), hinges.end(), [](const Hinge& a, const Hinge& b) { return a.margin < b.margin; });
  if (hinges.size() > count) hinges.resize(count);
  return hinges;
}

}  // namespace statecraft
