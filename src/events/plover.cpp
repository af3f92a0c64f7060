#include "events/plover.hpp"

namespace statecraft {

bool CameoToPlover::add(std::string code, PloverEvent event) { return entries_.emplace(std::move(code), std::move(event)).second; }

const PloverEvent* CameoToPlover::find(std::string_view code) const {
  for (std::size_t length = code.size(); length >= 2; --length) {
    const auto it = entries_.find(code.substr(0, length));
    if (it != entries_.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace statecraft
