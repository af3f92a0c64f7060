#pragma once
// Reading a scenario file: parse, build the model, check it. The one entry point the
// command line and the tests use.

#include <filesystem>
#include <optional>
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
// else as a KTAB scenario, and converted; anything else as YAML or JSON.
LoadResult load_scenario_file(const std::filesystem::path& path);

// A Decide exchange-model input (see formats/decide_csv.hpp), converted.
LoadResult load_decide_text(std::string_view text, std::string file_name, const std::string& id);

}  // namespace statecraft
