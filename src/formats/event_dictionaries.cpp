#include "formats/event_dictionaries.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

#include "formats/built_in.hpp"
#include "formats/petrarch_dictionaries.hpp"
#include "scenario/input_file.hpp"

namespace statecraft {

extern const char builtin_actors[], builtin_agents[], builtin_verbs[], builtin_discards[];  // generated from data/dictionaries/

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

const EventDictionaries& builtin_event_dictionaries() {
  static const EventDictionaries dictionaries{
      read_built_in(read_petrarch_actors, builtin_actors, "data/dictionaries/actors.txt"),
      read_built_in(read_petrarch_agents, builtin_agents, "data/dictionaries/agents.txt"),
      read_built_in(read_petrarch_verbs, builtin_verbs, "data/dictionaries/verbs.txt"),
      read_built_in(read_petrarch_discards, builtin_discards, "data/dictionaries/discards.txt"),
  };
  return dictionaries;
}

std::optional<EventDictionaries> load_event_dictionaries(const std::filesystem::path& directory, std::vector<Diagnostics>& problems,
                                                         std::vector<std::string>& notes) {
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    Diagnostics d(directory.string());
    d.error({}, "not a directory of dictionaries (files named *actors*, *agents*, *verbs*, *discards*)");
    problems.push_back(std::move(d));
    return std::nullopt;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  EventDictionaries result;
  bool has_actors = false, has_agents = false, has_verbs = false, has_discards = false, ok = true;
  for (const auto& path : files) {
    const std::string name = lower(path.filename().string());
    const bool actors = name.find("actor") != std::string::npos, agents = name.find("agent") != std::string::npos,
               verbs = name.find("verb") != std::string::npos, discards = name.find("discard") != std::string::npos;
    if (!actors && !agents && !verbs && !discards) continue;
    Diagnostics d(path.string());
    const InputFile input = read_input_file(path);
    if (!input.text) {
      d.error({}, input.error);
      problems.push_back(std::move(d));
      ok = false;
      continue;
    }
    auto append = [](auto& into, auto&& read) { into.entries.insert(into.entries.end(), read.entries.begin(), read.entries.end()); };
    if (actors) {
      if (auto read = read_petrarch_actors(*input.text, d)) append(result.actors, *read), has_actors = true;
    } else if (agents) {
      if (auto read = read_petrarch_agents(*input.text, d)) append(result.agents, *read), has_agents = true;
    } else if (verbs) {
      if (auto read = read_petrarch_verbs(*input.text, d)) {
        result.verbs.synsets.merge(read->synsets);
        result.verbs.blocks.insert(result.verbs.blocks.end(), read->blocks.begin(), read->blocks.end());
        has_verbs = true;
      }
    } else if (auto read = read_petrarch_discards(*input.text, d)) {
      append(result.discards, *read), has_discards = true;
    }
    ok = ok && d.empty();
    if (!d.empty() || !d.warnings().empty()) problems.push_back(std::move(d));
  }
  if (!ok) return std::nullopt;
  const auto& builtin = builtin_event_dictionaries();
  auto fill = [&](bool has, const char* kind, auto& into, const auto& from) {
    if (has) return;
    into = from;
    notes.push_back(fmt::format("{} has no {} file; the built-in {} are used", directory.string(), kind, kind));
  };
  fill(has_actors, "actors", result.actors, builtin.actors);
  fill(has_agents, "agents", result.agents, builtin.agents);
  fill(has_verbs, "verbs", result.verbs, builtin.verbs);
  fill(has_discards, "discards", result.discards, builtin.discards);
  return result;
}

}  // namespace statecraft
