#include "events/summary.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace statecraft {

void DyadSummary::add(EventDate date, const CodedEvent& e) {
  if (e.target.empty()) return;
  const std::string source = party_of(e.source), target = party_of(e.target);
  if (source == target) return;
  const std::string month = date ? fmt::format("{:04}-{:02}", date / 10000, date / 100 % 100) : std::string();
  DyadMonth& cell = cells_[{source, target, month}];
  cell.source = source, cell.target = target, cell.month = month;
  if (e.status != EventStatus::reported || e.negated) {
    ++cell.not_reported;
    return;
  }
  const double weight = scale_.find(e.cameo).value_or(0.0);
  ++(weight > 0 ? cell.cooperation : weight < 0 ? cell.conflict : cell.neutral);
  cell.goldstein_sum += weight;
}

std::vector<DyadMonth> DyadSummary::rows() const {
  std::map<std::pair<std::string, std::string>, std::size_t> totals;
  for (const auto& [key, cell] : cells_) totals[{cell.source, cell.target}] += cell.events() + cell.not_reported;
  std::vector<DyadMonth> out;
  for (const auto& [key, cell] : cells_) out.push_back(cell);
  std::stable_sort(out.begin(), out.end(), [&](const DyadMonth& a, const DyadMonth& b) {
    const auto ta = totals.at({a.source, a.target}), tb = totals.at({b.source, b.target});
    if (ta != tb) return ta > tb;
    return std::tie(a.source, a.target, a.month) < std::tie(b.source, b.target, b.month);
  });
  return out;
}

}  // namespace statecraft
