#pragma once
// Reading the layout of the Decision-making in the European Union data sets (DEU I/II;
// Thomson, Stokman, Achen & König 2006; Thomson et al. 2012): tab- or semicolon-separated,
// a header row, one row per issue; columns p<actor> and s<actor> hold positions and saliences
// on 0..100 (999 or empty: missing), `rp` the reference point and `out` the real outcome.
// Other columns are ignored, except `id` or `issue`, which names the row.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bargaining/spatial.hpp"
#include "scenario/diagnostics.hpp"

namespace statecraft {

struct DeuIssue {
  BargainingIssue issue;  // scale 0..100, status quo = the reference point, saliences in [0, 1]
  std::optional<double> outcome;
  int line = 0;
};

struct DeuData {
  std::vector<std::string> actors;  // in header order
  std::vector<DeuIssue> issues;
};

// Capabilities by actor; actors not listed get capability 1.
std::optional<DeuData> read_deu(std::string_view text, const std::map<std::string, double>& capabilities,
                                Diagnostics& diagnostics);

// "actor,capability" per line; a first line whose capability is not a number is a header.
std::map<std::string, double> read_capabilities(std::string_view text, Diagnostics& diagnostics);

}  // namespace statecraft
