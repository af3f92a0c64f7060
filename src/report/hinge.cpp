#include "report/hinge.hpp"

#include <algorithm>
#include <map>

namespace statecraft {

std::vector<Hinge> most_decisive(std::vector<Hinge> hinges, std::size_t count) {
  std::stable_sort(hinges.begin(), hinges.end(), [](const Hinge& a, const Hinge& b) { return a.margin < b.margin; });
  if (hinges.size() > count) hinges.resize(count);
  return hinges;
}

std::vector<Hinge> most_decisive(std::vector<Hinge> hinges, std::size_t count, std::size_t per_lens) {
  const std::size_t all = hinges.size();
  hinges = most_decisive(std::move(hinges), all);
  std::vector<Hinge> chosen, passed_over;
  std::map<std::string, std::size_t> taken;  // lens → hinges chosen from it
  for (auto& h : hinges) {
    if (chosen.size() == count) break;
    if (taken[h.lens] < per_lens) {
      ++taken[h.lens];
      chosen.push_back(std::move(h));
    } else {
      passed_over.push_back(std::move(h));
    }
  }
  for (auto& h : passed_over) {
    if (chosen.size() == count) break;
    chosen.push_back(std::move(h));
  }
  return most_decisive(std::move(chosen), count);
}

}  // namespace statecraft
