#pragma once
// Checks that need the whole scenario: references between sections, ranges, feasibility,
// rankings and game consistency. Resolves option references in expressions as it goes.

#include <filesystem>

#include "scenario/model.hpp"

namespace statecraft {

// `base_directory` is where game files named in the scenario are looked up.
void check_scenario(Scenario& scenario, Diagnostics& diagnostics,
                    const std::filesystem::path& base_directory);

}  // namespace statecraft
