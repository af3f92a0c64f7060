// Feeds arbitrary bytes to every reader of user files (scenario YAML/JSON, gmcr-py .gmcr, KTAB
// and Decide CSV, DEU data, Gambit .nfg and .efg) and, when a scenario loads, to the report: any crash, sanitizer
// finding or hang is a bug.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "report/summary.hpp"
#include "games/backward_induction.hpp"
#include "games/equilibria.hpp"
#include "formats/gambit_efg.hpp"
#include "formats/gambit_nfg.hpp"
#include "formats/deu.hpp"
#include "formats/gmcr_file.hpp"
#include "formats/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = statecraft::load_scenario_text(text, "fuzz.yaml", "/nonexistent");
  for (const auto& diagnostic : result.diagnostics.all()) (void)statecraft::format_diagnostic(diagnostic);
  // The report runs the bargaining models and the stability analysis, whose cost grows quickly
  // with actors and options: fine for a real scenario, not thousands of times a second. Its
  // hinges re-run every lens dozens of times; they have tests of their own.
  if (result.ok() && result.scenario->actors.size() <= 12 && (!result.scenario->conflict || result.scenario->conflict->options.size() <= 10)) {
    const auto summary = statecraft::summarize(*result.scenario, {.hangs_on = false});
    (void)statecraft::render_text(summary);
    (void)statecraft::render_json(summary);
  }
  statecraft::Diagnostics other("fuzz");
  (void)statecraft::load_ktab_text(text, "fuzz.csv", "fuzz");
  (void)statecraft::load_decide_text(text, "fuzz.csv", "fuzz");
  (void)statecraft::read_deu(text, {}, other);
  (void)statecraft::read_capabilities(text, other);
  if (!text.empty() && text.front() == '{') (void)statecraft::read_gmcr_file(text, "fuzz", other);
  if (const auto game = statecraft::read_nfg(text, other); game && game->profile_count() <= 4096) (void)statecraft::pure_nash_equilibria(*game);
  if (const auto tree = statecraft::read_efg(text, other)) (void)statecraft::backward_induction(*tree);
  return 0;
}
