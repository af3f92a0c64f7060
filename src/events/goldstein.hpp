#pragma once
// The Goldstein scale: how cooperative (+10) or conflictual (-10) an event of each CAMEO code is
// (Goldstein, "A Conflict-Cooperation Scale for WEIS Events Data", J. Conflict Resolution 36(2),
// 1992, as mapped to CAMEO by the GDELT project; data/goldstein.txt). The mean weight of the
// events between two actors is the field's summary of their relations over time.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace statecraft {

class GoldsteinScale {
 public:
  void add(std::string code, double weight) { weights_.emplace(std::move(code), weight); }
  // The code's weight, else its nearest listed ancestor's (as CameoToPlover::find).
  std::optional<double> find(std::string_view code) const {
    for (std::string c(code); !c.empty(); c.pop_back())
      if (auto it = weights_.find(c); it != weights_.end()) return it->second;
    return std::nullopt;
  }
  std::size_t size() const { return weights_.size(); }

 private:
  std::map<std::string, double, std::less<>> weights_;
};

}  // namespace statecraft
