// Feeds arbitrary bytes to the scenario loader and, when they load, to the report: any crash,
// sanitizer finding or hang is a bug.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "report/summary.hpp"
#include "scenario/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = statecraft::load_scenario_text(text, "fuzz.yaml", "/nonexistent");
  for (const auto& diagnostic : result.diagnostics.all()) (void)statecraft::format_diagnostic(diagnostic);
  // The report runs the bargaining models, whose cost grows as actors³ per round: fine for a
  // real scenario, but not thousands of times a second; the loader is what is fuzzed.
  if (result.ok() && result.scenario->actors.size() <= 12 && (!result.scenario->conflict || result.scenario->conflict->options.size() <= 10)) {
    const auto summary = statecraft::summarize(*result.scenario);
    (void)statecraft::render_text(summary);
    (void)statecraft::render_json(summary);
  }
  return 0;
}
