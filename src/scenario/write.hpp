#pragma once
// Writes a scenario back out in the scenario language (YAML), with every note and source:
// what importers of other tools' formats produce, and what the round-trip tests check.

#include <string>

#include "scenario/model.hpp"

namespace statecraft {

std::string write_scenario_yaml(const Scenario& scenario);

}  // namespace statecraft
