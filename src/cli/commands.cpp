#include "cli/commands.hpp"

#include <fmt/format.h>
#include <ostream>

#include "report/summary.hpp"
#include "scenario/load.hpp"

namespace statecraft::cli {
namespace {

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  for (const auto& d : diagnostics.all()) err << format_diagnostic(d) << '\n';
}

std::string describe_contents(const Scenario& s) {
  std::size_t options = s.conflict ? s.conflict->options.size() : 0;
  return fmt::format("{} actors, {} issues, {} options, {} games", s.actors.size(), s.issues.size(), options, s.games.size());
}

}  // namespace

int validate(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
  int code = ok;
  for (const auto& file : files) {
    const LoadResult result = load_scenario_file(file);
    if (result.ok()) {
      out << file << ": ok (" << describe_contents(*result.scenario) << ")\n";
      continue;
    }
    print_diagnostics(result.diagnostics, err);
    err << fmt::format("{}: {} error{}\n", file, result.diagnostics.size(), result.diagnostics.size() == 1 ? "" : "s");
    code = bad_input;
  }
  return code;
}

int analyze(const std::string& file, const std::string& format, std::ostream& out, std::ostream& err) {
  const LoadResult result = load_scenario_file(file);
  if (!result.ok()) {
    print_diagnostics(result.diagnostics, err);
    return bad_input;
  }
  const Summary summary = summarize(*result.scenario);
  out << (format == "json" ? render_json(summary) : render_text(summary));
  return ok;
}

}  // namespace statecraft::cli
