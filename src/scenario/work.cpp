#include "scenario/work.hpp"

#include <fmt/format.h>

namespace statecraft {

WorkTooLarge::WorkTooLarge(const std::string& what_is_counted, double estimate_, double limit_, const std::string& option)
    : std::runtime_error(fmt::format("{}, more than the limit of {:.15g}{}", what_is_counted, limit_,
                                     option.empty() ? std::string() : fmt::format(" ({} lifts it)", option))),
      estimate(estimate_),
      limit(limit_),
      lifting_option(option) {}

}  // namespace statecraft
