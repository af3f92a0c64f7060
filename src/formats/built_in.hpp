#pragma once
// Data built into the program at configure time (data/, data/README.md), read by the reader a
// user's own file of that kind goes through. It reading is a property of the build, checked by
// its tests: a failure here is a defect, not bad input.

#include <fmt/format.h>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "scenario/diagnostics.hpp"

namespace statecraft {

template <class T>
T read_built_in(std::optional<T> (*read)(std::string_view, Diagnostics&), const char* text, const char* name) {
  Diagnostics d(name);
  auto value = read(text, d);
  if (!value) throw std::logic_error(fmt::format("the built-in {} does not read", name));
  return std::move(*value);
}

}  // namespace statecraft
