#include "formats/sweep_spec.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
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

std::string set_judgment(Scenario& scenario, const std::string& path, double value) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const auto dot = path.find('.', start);
    parts.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  auto set = [&](Number& n) {
    n.value = value;
    n.text = fmt::format("{}", value);  // what rational engines read: the new value, not the old text
  };
  const std::string& what = parts.back();
  if (parts.size() == 2 && what == "capability") {
    for (auto& a : scenario.actors)
      if (a.id == parts[0]) {
        if (value <= 0) return fmt::format("a capability must be positive, not {}", value);
        set(a.capability);
        return {};
      }
    return fmt::format("the scenario has no actor '{}'", parts[0]);
  }
  const auto issue = std::find_if(scenario.issues.begin(), scenario.issues.end(), [&](const Issue& i) { return i.id == parts[0]; });
  if (issue == scenario.issues.end()) return fmt::format("the scenario has no issue '{}'", parts[0]);
  const bool on_scale = value >= std::min(issue->low.value, issue->high.value) && value <= std::max(issue->low.value, issue->high.value);
  if (parts.size() == 2) {  // status_quo
    if (!on_scale) return fmt::format("{} is off issue {}'s scale", value, issue->id);
    if (!issue->status_quo) issue->status_quo = Number{};
    set(*issue->status_quo);
    return {};
  }
  const auto stance = std::find_if(issue->stances.begin(), issue->stances.end(), [&](const Stance& s) { return s.actor == parts[1]; });
  if (stance == issue->stances.end()) return fmt::format("issue '{}' has no stance of '{}'", issue->id, parts[1]);
  if (what == "position") {
    if (!on_scale) return fmt::format("{} is off issue {}'s scale", value, issue->id);
    set(stance->position);
  } else if (what == "salience") {
    if (value < 0 || value > 1) return fmt::format("a salience is in [0, 1], not {}", value);
    set(stance->salience);
  } else {
    if (value <= 0) return fmt::format("a capability must be positive, not {}", value);
    if (!stance->capability) stance->capability = Number{};
    set(*stance->capability);
  }
  return {};
}

std::optional<SweepSpec> read_sweep_spec(std::string_view text, const std::filesystem::path& folder, Diagnostics& d) {
  const auto root = parse_document(text, d);
  if (!root) return std::nullopt;
  if (!root->is_map()) {
    d.error(root->at, fmt::format("a sweep specification must be a mapping (key: value), found {}", describe_kind(*root)));
    return std::nullopt;
  }
  static const std::vector<std::string> keys{"sweep", "scenarios", "samples", "seed", "models", "grid", "judgments", "corpus", "date", "dictionaries", "analysis"};
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
    } else if (k == "analysis") {
      if (value.is_scalar() && value.scalar == "monte-carlo") spec.analysis = SweepSpec::Analysis::monte_carlo;
      else if (value.is_scalar() && value.scalar == "sensitivity") spec.analysis = SweepSpec::Analysis::sensitivity;
      else d.error(value.at, "analysis must be monte-carlo (forecast --samples) or sensitivity (statecraft sensitivity's spatial lens)");
    } else if (k == "corpus") {
      for (const auto& file : texts(value, "corpus", d)) spec.corpus.push_back(folder / file);
    } else if (k == "date") {
      if (!value.is_scalar() || value.scalar.size() != 10 || value.scalar[4] != '-' || value.scalar[7] != '-')
        d.error(value.at, "date must be YYYY-MM-DD, the date of articles that give none");
      else spec.date = value.scalar;
    } else if (k == "dictionaries") {
      if (!value.is_scalar()) d.error(value.at, "dictionaries must be a folder's name");
      else spec.dictionaries = folder / value.scalar;
    } else if (k == "judgments") {
      if (!value.is_map()) {
        d.error(value.at, fmt::format("judgments must be a mapping from a judgment (ISSUE.ACTOR.position...) to its values, found {}", describe_kind(value)));
        continue;
      }
      for (const auto& [path, values] : value.entries) {
        SweepSpec::JudgmentRange range{path.scalar, {}, path.at};
        const auto parts = std::count(path.scalar.begin(), path.scalar.end(), '.');
        const std::string last = path.scalar.substr(path.scalar.rfind('.') + 1);
        const bool known = (parts == 1 && (last == "capability" || last == "status_quo")) ||
                           (parts == 2 && (last == "position" || last == "salience" || last == "capability"));
        if (!known) {
          d.error(path.at, fmt::format("'{}' is not a judgment a sweep varies (ACTOR.capability, ISSUE.status_quo, ISSUE.ACTOR.position, "
                                       "ISSUE.ACTOR.salience, ISSUE.ACTOR.capability)", path.scalar));
          continue;
        }
        for (const auto& text : texts(values, "the values of " + path.scalar, d)) {
          double v = 0;
          const auto* end = text.data() + text.size();
          if (std::from_chars(text.data(), end, v).ptr != end || !std::isfinite(v)) d.error(values.at, fmt::format("'{}' is not a number", text));
          else range.values.push_back(v);
        }
        spec.judgments.push_back(std::move(range));
      }
    } else {
      d.error(key.at, fmt::format("unknown key '{}' in the sweep specification (allowed: {})", k, fmt::join(keys, ", ")));
    }
  }
  if (!version) d.error(root->at, "the sweep specification lacks 'sweep: 1'");
  const bool corpus = !spec.corpus.empty();
  if (!scenarios && !corpus) d.error(root->at, "the sweep specification lacks 'scenarios' (a list of scenario files) or 'corpus' (articles to code)");
  if (scenarios && corpus) d.error(root->at, "a sweep codes a corpus or samples scenarios, not both: give 'scenarios' or 'corpus'");
  if (!d.empty()) return std::nullopt;
  return spec;
}

}  // namespace statecraft
