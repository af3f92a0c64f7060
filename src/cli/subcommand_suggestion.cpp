#include "cli/subcommand_suggestion.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "scenario/diagnostics.hpp"

namespace statecraft::cli {

std::optional<std::string> unknown_subcommand(const CLI::App& app, int argc, const char* const* argv) {
  // The program's own options (--help, --version) take no value, so the first word that is not
  // an option is where the subcommand should be.
  std::string word;
  for (int k = 1; k < argc && word.empty(); ++k)
    if (argv[k][0] != '-') word = argv[k];
  if (word.empty()) return std::nullopt;
  const auto commands = app.get_subcommands([](const CLI::App*) { return true; });
  std::vector<std::string> names, shown;
  for (const CLI::App* command : commands) {
    if (command->check_name(word)) return std::nullopt;
    names.push_back(command->get_name());
    names.insert(names.end(), command->get_aliases().begin(), command->get_aliases().end());
    if (!command->get_group().empty()) shown.push_back(command->get_name());
  }
  const std::string closest = closest_match(word, names);
  if (!closest.empty()) return fmt::format("{}: unknown subcommand '{}'; did you mean {}?", app.get_name(), word, closest);
  return fmt::format("{}: unknown subcommand '{}'; subcommands: {}", app.get_name(), word, fmt::join(shown, ", "));
}

}  // namespace statecraft::cli
