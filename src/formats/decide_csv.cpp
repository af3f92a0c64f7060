#include "formats/decide_csv.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

#include "scenario/ids.hpp"
#include "scenario/reader.hpp"

namespace statecraft {
namespace {

struct Field {
  std::string text;
  int column = 1;
};

std::vector<Field> split(std::string_view line, char separator) {
  std::vector<Field> fields;
  std::size_t start = 0;
  while (start <= line.size()) {
    const std::size_t end = std::min(line.find(separator, start), line.size());
    std::string_view raw = line.substr(start, end - start);
    int column = static_cast<int>(start) + 1;
    while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) raw.remove_prefix(1), ++column;
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r')) raw.remove_suffix(1);
    if (raw.size() >= 2 && (raw.front() == '\'' || raw.front() == '"') && raw.back() == raw.front()) raw = raw.substr(1, raw.size() - 2);
    fields.push_back({std::string(raw), column});
    if (end == line.size()) break;
    start = end + 1;
  }
  while (!fields.empty() && fields.back().text.empty()) fields.pop_back();
  return fields;
}

std::string_view first_data_line(std::string_view text) {
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) return line;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return {};
}

struct StanceRow {
  std::string actor, issue;
  double position, salience, power;
  int line, column;
};

}  // namespace

bool looks_like_decide_csv(std::string_view text) {
  const std::string_view line = first_data_line(text);
  const auto start = line.find_first_not_of(" \t'\"");
  return start != std::string_view::npos && line[start] == '#';
}

std::optional<Scenario> read_decide_csv(std::string_view text, const std::string& id, Diagnostics& d) {
  const std::string_view probe = first_data_line(text);
  const char separator = probe.find('\t') != std::string_view::npos ? '\t' : probe.find(';') != std::string_view::npos ? ';' : ',';

  std::vector<std::pair<std::string, std::string>> actors;  // id, name
  std::vector<std::pair<std::string, std::string>> issues;  // id, name
  std::map<std::string, std::pair<double, double>> scales;   // issue -> lowest, highest #M
  std::vector<StanceRow> stances;
  std::set<std::string> actor_declared, issue_declared;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    const auto fields = split(line, separator);
    if (fields.empty()) continue;
    const std::string& tag = fields[0].text;
    auto need = [&](std::size_t count, const char* layout) {
      if (fields.size() >= count) return true;
      d.error({line_number, 1}, fmt::format("a {} row needs {}; found {} fields", tag, layout, fields.size()));
      return false;
    };
    auto number = [&](const Field& f, std::string_view what) -> std::optional<double> {
      const auto v = parse_number(f.text);
      if (!v) d.error({line_number, f.column}, fmt::format("{} '{}' is not a number", what, f.text));
      return v;
    };
    if (tag == "#/" || tag == "#O") continue;
    if (tag == "#A") {
      if (!need(2, "an id")) continue;
      if (!actor_declared.insert(fields[1].text).second)
        d.error({line_number, fields[1].column}, fmt::format("actor '{}' is declared twice", fields[1].text));
      actors.emplace_back(fields[1].text, fields.size() > 2 && !fields[2].text.empty() ? fields[2].text : fields[1].text);
    } else if (tag == "#P") {
      if (!need(2, "an id")) continue;
      if (!issue_declared.insert(fields[1].text).second)
        d.error({line_number, fields[1].column}, fmt::format("issue '{}' is declared twice", fields[1].text));
      issues.emplace_back(fields[1].text, fields.size() > 2 && !fields[2].text.empty() ? fields[2].text : fields[1].text);
    } else if (tag == "#M") {
      if (!need(3, "an issue and a value")) continue;
      if (const auto v = number(fields[2], "scale point")) {
        auto [it, inserted] = scales.try_emplace(fields[1].text, *v, *v);
        it->second.first = std::min(it->second.first, *v);
        it->second.second = std::max(it->second.second, *v);
      }
    } else if (tag == "#D") {
      if (!need(6, "an actor, an issue, a position, a salience and a power")) continue;
      const auto position = number(fields[3], "position");
      const auto salience = number(fields[4], "salience");
      const auto power = number(fields[5], "power");
      if (salience && (*salience < 0 || *salience > 1)) d.error({line_number, fields[4].column}, fmt::format("salience {} lies outside 0..1", fields[4].text));
      if (power && *power < 0) d.error({line_number, fields[5].column}, fmt::format("power {} must not be negative", fields[5].text));
      if (position && salience && power)
        stances.push_back({fields[1].text, fields[2].text, *position, *salience, *power, line_number, fields[1].column});
    } else {
      d.error({line_number, fields[0].column}, fmt::format("unknown row type '{}'; rows start with #A, #P, #M, #D, #/ or #O", tag));
    }
  }
  if (actors.empty()) d.error({1, 1}, "the file declares no actors (#A rows)");
  if (issues.empty()) d.error({1, 1}, "the file declares no issues (#P rows)");

  std::vector<std::string> names;
  for (const auto& a : actors) names.push_back(a.first);
  const auto actor_ids = actor_ids_from_names(names);
  Scenario s;
  s.id = id;
  s.title = id;
  std::map<std::string, std::size_t> actor_index, issue_index;
  for (std::size_t k = 0; k < actors.size(); ++k) {
    actor_index[actors[k].first] = k;
    Actor a;
    a.id = actor_ids[k];
    a.name = actors[k].second;
    a.capability = number_of(0);
    s.actors.push_back(a);
  }
  std::set<std::string> issue_ids;
  for (std::size_t k = 0; k < issues.size(); ++k) {
    issue_index[issues[k].first] = k;
    Issue issue;
    issue.id = issue_id_from_name(issues[k].first, k);
    if (!issue_ids.insert(issue.id).second) issue.id += "_" + std::to_string(k + 1);
    issue.name = issues[k].second;
    const auto scale = scales.find(issues[k].first);
    const bool has_scale = scale != scales.end() && scale->second.first < scale->second.second;
    issue.low = number_of(has_scale ? scale->second.first : 0);
    issue.high = number_of(has_scale ? scale->second.second : 100);
    s.issues.push_back(issue);
  }
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (const auto& row : stances) {
    const auto a = actor_index.find(row.actor);
    const auto i = issue_index.find(row.issue);
    if (a == actor_index.end()) d.error({row.line, row.column}, fmt::format("unknown actor '{}' (no #A row declares it)", row.actor));
    if (i == issue_index.end()) d.error({row.line, row.column}, fmt::format("unknown issue '{}' (no #P row declares it)", row.issue));
    if (a == actor_index.end() || i == issue_index.end()) continue;
    if (!seen.insert({a->second, i->second}).second) {
      d.error({row.line, row.column}, fmt::format("a second stance of '{}' on '{}'", row.actor, row.issue));
      continue;
    }
    Actor& actor = s.actors[a->second];
    Issue& issue = s.issues[i->second];
    if (row.position < issue.low.value || row.position > issue.high.value)
      d.error({row.line, row.column}, fmt::format("position {} of '{}' lies outside the scale [{}, {}] of '{}'", row.position, row.actor,
                                                  issue.low.value, issue.high.value, row.issue));
    if (actor.capability.value == 0) actor.capability = number_of(row.power);
    Stance stance;
    stance.actor = actor.id;
    stance.position = number_of(row.position);
    stance.salience = number_of(row.salience);
    if (row.power != actor.capability.value) stance.capability = number_of(row.power);
    issue.stances.push_back(stance);
  }
  for (std::size_t k = 0; k < s.actors.size(); ++k)
    if (s.actors[k].capability.value == 0) d.error({1, 1}, fmt::format("actor '{}' has no stance with a power above 0", actors[k].first));
  if (!d.empty()) return std::nullopt;
  // Issues nobody took a stance on carry nothing to forecast.
  std::erase_if(s.issues, [](const Issue& issue) { return issue.stances.empty(); });
  return s;
}

}  // namespace statecraft
