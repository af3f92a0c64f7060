#include "events/actors.hpp"

namespace statecraft {

const std::string& ActorEntry::code_on(EventDate date) const {
  for (const auto& d : dated)
    if (d.from <= date && date <= d.to) return d.code;
  return default_code;
}

}  // namespace statecraft
