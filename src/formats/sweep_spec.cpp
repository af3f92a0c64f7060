#include "formats/sweep_spec.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "scenario/document.hpp"

namespace statecraft {
namespace {

std::optional<std::uint64_t> whole(const DocNode& n, std::uint64_t low, std::uint64_t high, std::string_view what, Diagnostics& d) {
  std::uint64_t v = 0;
  const auto* end = n.scalar.data() + n.scalar.size();
  if (!n.is_scalar() || std::from_chars(n.scalar.data(), end, v).ptr != end || n.scalar.empty() || v < low || v > high) {
    d.error(n.at, fmt::format("{} must be a whole number from {} to {}, found {}", what, low, high, n.is_scalar() ? "'" + n.scalar + "'" : describe_kind(n)));
    return std::nullopt;
  }
  return v;
}

std::vector<std::string> texts(const DocNode& n, std::string_view what, Diagnostics& d) {
  std::vector<std::string> out;
  if (!n.is_sequence() || n.items.empty()) {
    d.error(n.at, fmt::format("{} must be a list of one value or more, found {}", what, describe_kind(n)));
    return out;
  }
  for (const auto& item : n.items) {
    if (item.is_scalar()) out.push_back(item.scalar);
    else d.error(item.at, fmt::format("each of {} must be text, found {}", what, describe_kind(item)));
  }
  return out;
}

bool valid_grid_value(const std::string& parameter, const std::string& value) {
  if (parameter == "eu_probability") return value == "program" || value == "paper";
  if (parameter == "q") {
    double q = -1;
    const auto* end = value.data() + value.size();
    return std::from_chars(value.data(), end, q).ptr == end && q >= 0 && q <= 1;
  }
  std::uint64_t n = 0;
  const auto* end = value.data() + value.size();
  return std::from_chars(value.data(), end, n).ptr == end && n >= 1 && n <= 1000;
}

}  // namespace

const std::vector<std::string>& sweep_grid_parameters() {
  static const std::vector<std::string> names{"eu_probability", "q", "eu_rounds", "exchange_rounds"};
  return names;
}

std::optional<SweepSpec> read_sweep_spec(std::string_view text, const std::filesystem::path& folder, Diagnostics& d) {
  const auto root = parse_document(text, d);
  if (!root) return std::nullopt;
  if (!root->is_map()) {
    d.error(root->at, fmt::format("a sweep specification must be a mapping (key: value), found {}", describe_kind(*root)));
    return std::nullopt;
  }
  static const std::vector<std::string> keys{"sweep", "scenarios", "samples", "seed", "models", "grid"};
  SweepSpec spec;
  bool version = false, scenarios = false;
  for (const auto& [key, value] : root->entries) {
    const std::string& k = key.scalar;
    if (k == "sweep") {
      version = true;
      if (!value.is_scalar() || value.scalar != "1") d.error(value.at, "unsupported sweep version; this statecraft reads 'sweep: 1'");
    } else if (k == "scenarios") {
      scenarios = true;
      for (const auto& file : texts(value, "scenarios", d)) spec.scenarios.push_back(folder / file);
    } else if (k == "samples") {
      if (const auto v = whole(value, 1, max_sweep_samples, "samples", d)) spec.samples = *v;
    } else if (k == "seed") {
      if (const auto v = whole(value, 0, UINT64_MAX, "seed", d)) spec.seed = *v;
    } else if (k == "models") {
      spec.models = texts(value, "models", d);
    } else if (k == "grid") {
      if (!value.is_map()) {
        d.error(value.at, fmt::format("grid must be a mapping from parameter to its values, found {}", describe_kind(value)));
        continue;
      }
      std::size_t points = 1;
      for (const auto& [parameter, values] : value.entries) {
        const auto& known = sweep_grid_parameters();
        if (std::find(known.begin(), known.end(), parameter.scalar) == known.end()) {
          d.error(parameter.at, fmt::format("unknown grid parameter '{}' (parameters: {})", parameter.scalar, fmt::join(known, ", ")));
          continue;
        }
        auto list = texts(values, "the values of " + parameter.scalar, d);
        for (std::size_t i = 0; i < list.size(); ++i)
          if (!valid_grid_value(parameter.scalar, list[i])) d.error(values.items[i].at, fmt::format("'{}' is not a value of {}", list[i], parameter.scalar));
        points *= std::max<std::size_t>(1, list.size());
        spec.grid.emplace_back(parameter.scalar, std::move(list));
      }
      if (points > max_sweep_points) d.error(value.at, fmt::format("the grid has {} points, more than the limit of {}", points, max_sweep_points));
    } else {
      d.error(key.at, fmt::format("unknown key '{}' in the sweep specification (allowed: {})", k, fmt::join(keys, ", ")));
    }
  }
  if (!version) d.error(root->at, "the sweep specification lacks 'sweep: 1'");
  if (!scenarios) d.error(root->at, "the sweep specification lacks 'scenarios' (a list of scenario files)");
  if (!d.empty()) return std::nullopt;
  return spec;
}

}  // namespace statecraft
