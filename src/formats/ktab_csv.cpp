#include "formats/ktab_csv.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <set>

#include "scenario/ids.hpp"
#include "scenario/reader.hpp"
#include "scenario/text_lines.hpp"

namespace statecraft {
namespace {

struct Field {
  std::string text;
  int column = 1;
};

// One CSV line: fields trimmed of spaces, double quotes honoured.
std::vector<Field> split_csv(std::string_view line) {
  std::vector<Field> fields;
  std::size_t i = 0;
  while (true) {
    Field field;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    field.column = static_cast<int>(i) + 1;
    if (i < line.size() && line[i] == '"') {
      for (++i; i < line.size(); ++i) {
        if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"') field.text += line[++i];
        else if (line[i] == '"') break;
        else field.text += line[i];
      }
      while (i < line.size() && line[i] != ',') ++i;
    } else {
      const std::size_t end = std::min(line.find(',', i), line.size());
      field.text = std::string(line.substr(i, end - i));
      while (!field.text.empty() && (field.text.back() == ' ' || field.text.back() == '\t')) field.text.pop_back();
      i = end;
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) break;
    ++i;  // the comma
    if (i == line.size()) break;  // a trailing comma ends the row, as KTAB writes them
  }
  return fields;
}

// KTAB files often end in rows of commas.
std::vector<std::string_view> lines_of(std::string_view text) {
  auto lines = split_lines(text);
  while (!lines.empty() && std::all_of(lines.back().begin(), lines.back().end(), [](char c) { return c == ' ' || c == ','; }))
    lines.pop_back();
  return lines;
}

// KTAB writes rows with trailing commas (and sometimes spaces after them): empty fields past
// the expected count carry nothing.
void drop_trailing_empty(std::vector<Field>& fields, std::size_t expected) {
  while (fields.size() > expected && fields.back().text.empty()) fields.pop_back();
}

std::optional<int> count(const Field& field) {
  const auto value = parse_number(field.text);
  // Range first: converting a double beyond int's range is undefined.
  if (!value || *value < 1 || *value > 1e6 || *value != std::floor(*value)) return std::nullopt;
  return static_cast<int>(*value);
}

std::string dimension_name(std::string header) {
  for (const char* suffix : {" Position", " position", "Position", "Pstn", "Pos"}) {
    const std::string s = suffix;
    if (header.size() > s.size() && header.compare(header.size() - s.size(), s.size(), s) == 0) {
      header.erase(header.size() - s.size());
      break;
    }
  }
  while (!header.empty() && header.back() == ' ') header.pop_back();
  return header;
}

}  // namespace

std::optional<KtabScenario> read_ktab_csv(std::string_view text, Diagnostics& d) {
  const auto lines = lines_of(text);
  if (lines.size() < 2) {
    d.error({1, 1}, "a KTAB scenario needs a 'name, description, actors, dimensions' row and a header row");
    return std::nullopt;
  }
  const auto first = split_csv(lines[0]);
  if (first.size() < 4) {
    d.error({1, 1}, fmt::format("the first row must be 'name, description, actors, dimensions'; found {} fields", first.size()));
    return std::nullopt;
  }
  const auto actors = count(first[2]);
  const auto dims = count(first[3]);
  if (!actors) d.error({1, first[2].column}, fmt::format("the number of actors must be a whole number from 1 to 1000000, found '{}'", first[2].text));
  if (!dims) d.error({1, first[3].column}, fmt::format("the number of dimensions must be a whole number from 1 to 1000000, found '{}'", first[3].text));
  if (!actors || !dims) return std::nullopt;

  KtabScenario s{first[0].text, first[1].text, {}, {}};
  const std::size_t columns = 3 + 2 * static_cast<std::size_t>(*dims);
  auto header = split_csv(lines[1]);
  drop_trailing_empty(header, columns);
  if (header.size() != columns) {
    d.error({2, 1}, fmt::format("the header has {} columns; {} dimensions need {} (Actor, Description, Influence, then a position and a salience per dimension)",
                                header.size(), *dims, columns));
    return std::nullopt;
  }
  for (int k = 0; k < *dims; ++k) s.dimensions.push_back(dimension_name(header[3 + 2 * k].text));

  for (std::size_t row = 2; row < lines.size(); ++row) {
    const int line = static_cast<int>(row) + 1;
    auto fields = split_csv(lines[row]);
    drop_trailing_empty(fields, columns);
    if (fields.size() != columns) {
      d.error({line, 1}, fmt::format("the row has {} columns, the header {}", fields.size(), columns));
      continue;
    }
    KtabActor actor{fields[0].text, fields[1].text, 0, {}, {}, line};
    if (actor.name.empty()) d.error({line, 1}, "the actor has no name");
    auto number = [&](const Field& f, std::string_view what, double low, double high) {
      const auto value = parse_number(f.text);
      if (!value) d.error({line, f.column}, fmt::format("{} '{}' is not a number", what, f.text));
      else if (*value < low || *value > high) d.error({line, f.column}, fmt::format("{} {} lies outside {}..{}", what, f.text, low, high));
      return value.value_or(0);
    };
    actor.capability = number(fields[2], "influence", 0, 1e300);
    if (fields[2].text.size() && actor.capability == 0 && parse_number(fields[2].text))
      d.error({line, fields[2].column}, "influence must be greater than 0");
    for (int k = 0; k < *dims; ++k) {
      actor.positions.push_back(number(fields[3 + 2 * k], "position", 0, 100));
      actor.saliences.push_back(number(fields[4 + 2 * k], "salience", 0, 100));
    }
    s.actors.push_back(std::move(actor));
  }
  if (static_cast<int>(s.actors.size()) != *actors)
    d.error({1, first[2].column}, fmt::format("the first row announces {} actors, the file has {}", *actors, s.actors.size()));
  if (!d.empty()) return std::nullopt;
  return s;
}

namespace {

}  // namespace

Scenario ktab_to_scenario(const KtabScenario& ktab, const std::string& id) {
  Scenario s;
  s.id = id;
  s.title = ktab.name;
  s.summary = ktab.description;
  std::vector<std::string> names;
  for (const auto& actor : ktab.actors) names.push_back(actor.name);
  const auto ids = actor_ids_from_names(names);
  for (std::size_t i = 0; i < ktab.actors.size(); ++i) {
    Actor a;
    a.id = ids[i];
    a.name = ktab.actors[i].name;
    a.capability = number_of(ktab.actors[i].capability);
    a.note = ktab.actors[i].description;
    s.actors.push_back(std::move(a));
  }
  std::set<std::string> issue_ids;
  for (std::size_t k = 0; k < ktab.dimensions.size(); ++k) {
    Issue issue;
    issue.id = issue_id_from_name(ktab.dimensions[k], k);
    if (!issue_ids.insert(issue.id).second) issue.id += "_" + std::to_string(k + 1);
    issue.name = ktab.dimensions[k].empty() ? "dimension " + std::to_string(k + 1) : ktab.dimensions[k];
    issue.low = number_of(0);
    issue.high = number_of(100);
    for (std::size_t i = 0; i < ktab.actors.size(); ++i) {
      Stance stance;
      stance.actor = ids[i];
      stance.position = number_of(ktab.actors[i].positions[k]);
      stance.salience = number_of(ktab.actors[i].saliences[k] / 100);
      issue.stances.push_back(std::move(stance));
    }
    s.issues.push_back(std::move(issue));
  }
  return s;
}

}  // namespace statecraft
