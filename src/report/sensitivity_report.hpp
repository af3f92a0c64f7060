#pragma once
// `statecraft sensitivity`: what every lens's answers hang on. Each lens registers here once;
// the command and `analyze`'s "What the answer hangs on" both read this list.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/hinge.hpp"
#include "scenario/model.hpp"

namespace statecraft {

// A lens's full sensitivity report: its hinges and its own detail in the format asked for.
struct LensSensitivity {
  std::vector<Hinge> hinges;
  std::string text;     // the detail for people; empty: the hinges are listed
  nlohmann::json json;  // the detail; null: none beyond the hinges
};

// What the command asks of every lens.
struct SensitivityRequest {
  double max_work = 6e10;    // estimated operations (ModelParameters::max_work's default)
  bool json = false;         // the detail as JSON, else as text (only the one asked for need be filled)
  bool by_judgment = false;  // spatial: variance shares of each single judgment too
};

struct SensitivityLens {
  std::string name;                           // as --lens takes it
  bool (*has_data)(const Scenario&);          // whether the scenario has anything for the lens
  std::vector<Hinge> (*hinges)(const Scenario&);  // quick, for analyze
  // The command's report, as the request asks. Null: the hinges alone.
  LensSensitivity (*full)(const Scenario&, const SensitivityRequest&) = nullptr;
};

// Every lens with a sensitivity analysis, in report order.
const std::vector<SensitivityLens>& sensitivity_lenses();
const SensitivityLens* find_sensitivity_lens(const std::string& name);

// The hinges of every lens the scenario has data for (analyze).
std::vector<Hinge> all_hinges(const Scenario& scenario);

// "RUS's salience on ceasefire (today 0.8): below 0.62 the median forecast moves from … to …"
std::string hinge_sentence(const Hinge& hinge);
// The sentence, then the note and source on the lines below, each starting with `indent`.
std::string hinge_text(const Hinge& hinge, const std::string& indent);
nlohmann::json hinge_json(const Hinge& hinge);

// The command's report on the given lenses, as text or JSON (request.json; docs/sensitivity.md).
// Throws WorkTooLarge as the lenses do.
std::string render_sensitivity(const Scenario& scenario, const std::vector<const SensitivityLens*>& lenses, const SensitivityRequest& request);

}  // namespace statecraft
