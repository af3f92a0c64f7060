#pragma once
// The CAMEO-to-PLOVER conversion table published with the PLOVER manual (openeventdata/PLOVER,
// CAMEO2PLOVER-2021.txt): one line per CAMEO code, `CODE: TYPE, MODE, CONTEXT # description`, a
// root code as `CODE: TYPE`; `#` starts a comment line, several contexts are joined by `;`, and a
// line of `~` ends the table.

#include <optional>
#include <string_view>

#include "events/goldstein.hpp"
#include "events/plover.hpp"
#include "scenario/diagnostics.hpp"

namespace statecraft {

// Every line that does not parse is reported at its line and column. A code listed twice with
// another reading is a warning and the first stands: the published table gives the root 08 as
// CONCEDE and again as RETREAT (its subcodes say which), and 175 twice alike.
std::optional<CameoToPlover> read_cameo_plover(std::string_view text, Diagnostics& diagnostics);

// The published table, built into the program (data/cameo2plover.txt, CC BY-SA 4.0).
const CameoToPlover& published_cameo_plover();

// The Goldstein weights of CAMEO codes, one "CODE WEIGHT" a line, '#' comments.
std::optional<GoldsteinScale> read_goldstein_scale(std::string_view text, Diagnostics& diagnostics);

// The weights as GDELT publishes them, built in (data/goldstein.txt).
const GoldsteinScale& published_goldstein_scale();

}  // namespace statecraft
