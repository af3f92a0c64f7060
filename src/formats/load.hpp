#pragma once
// Reading a scenario file: parse, build the model, check it. The one entry point the
// command line and the tests use.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "scenario/diagnostics.hpp"
#include "scenario/model.hpp"

namespace statecraft {

struct LoadResult {
  std::optional<Scenario> scenario;  // present only when there are no diagnostics
  Diagnostics diagnostics;
  bool ok() const { return scenario.has_value(); }
};

// `file_name` labels the diagnostics; game files are looked up in `base_directory`.
LoadResult load_scenario_text(std::string_view text, std::string file_name,
                              const std::filesystem::path& base_directory);

// A KTAB CSV scenario (see formats/ktab_csv.hpp), converted; `id` names the scenario.
LoadResult load_ktab_text(std::string_view text, std::string file_name, const std::string& id);

// A .csv or .tsv file is read as a Decide exchange-model input when it starts with a '#' tag,
// else as a KTAB scenario, and converted; a .gmcr file as gmcr-py's; anything else as YAML or
// JSON. Standard input ("-") has no extension: its format is told from its text (input_format).
LoadResult load_scenario_file(const std::filesystem::path& path);

// The format a text is in, as the extension of a file holding it: ".nfg" and ".efg" (Gambit's
// files start with NFG and EFG), ".gmcr" (a JSON object with gmcr-py's "decisionMakers"), ".csv"
// (a Decide input, or KTAB's, whose second line starts "Actor,"), or "" for a scenario in YAML
// or JSON.
std::string input_format(std::string_view text);

// `text` read as a file with `extension` would be (load_scenario_file); `path` names it.
LoadResult load_scenario_text_as(std::string_view text, const std::filesystem::path& path, const std::string& extension);

// A Decide exchange-model input (see formats/decide_csv.hpp), converted.
LoadResult load_decide_text(std::string_view text, std::string file_name, const std::string& id);

}  // namespace statecraft
