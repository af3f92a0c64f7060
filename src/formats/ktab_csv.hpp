#pragma once
// KTAB's CSV scenario format (KAPSARC Toolkit for Behavioral Analysis, examples/smp): a row
// `name, description, actors, dimensions`, a header row `Actor, Description, Influence,
// <dim> Position, <dim> Salience, ...`, then one row per actor with its influence (capability)
// and a position and salience per dimension, both on 0..100.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.hpp"
#include "scenario/model.hpp"

namespace statecraft {

struct KtabActor {
  std::string name;
  std::string description;
  double capability = 0;
  std::vector<double> positions;  // per dimension, 0..100
  std::vector<double> saliences;  // per dimension, 0..100
  int line = 0;
};

struct KtabScenario {
  std::string name;
  std::string description;
  std::vector<std::string> dimensions;  // from the header, "Position" removed
  std::vector<KtabActor> actors;
};

std::optional<KtabScenario> read_ktab_csv(std::string_view text, Diagnostics& diagnostics);

// The same data in the scenario language: one issue per dimension on [0, 100], saliences
// divided by 100, actor ids made from the names (or A001… when names do not make valid,
// distinct ids; the KTAB name is kept as the actor's name).
Scenario ktab_to_scenario(const KtabScenario& ktab, const std::string& id);

}  // namespace statecraft
