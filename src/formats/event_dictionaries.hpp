#pragma once
// The dictionaries `statecraft events` codes with: the team's own, built in (data/dictionaries/),
// or a user's directory of PETRARCH/TABARI dictionary files.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "events/dictionaries.hpp"
#include "scenario/diagnostics.hpp"

namespace statecraft {

// The built-in dictionaries (data/dictionaries/*.txt, read at first use).
const EventDictionaries& builtin_event_dictionaries();

// Every file of `directory` whose name holds "actor", "agent", "verb" or "discard" (in any case),
// read as that kind, in name order (several actor files are one dictionary, as PETRARCH reads
// them). A kind the directory has no file for is the built-in one, and `notes` says so. Each
// file's problems are in its own Diagnostics, appended to `problems`.
std::optional<EventDictionaries> load_event_dictionaries(const std::filesystem::path& directory, std::vector<Diagnostics>& problems,
                                                         std::vector<std::string>& notes);

}  // namespace statecraft
