#pragma once
// The man page and the shell completions, written from the command definitions themselves
// (CLI11's tree of subcommands and options), so that they can never drift from what the program
// accepts. `statecraft man` and `statecraft completions bash|zsh` print them; the build runs those
// to install them.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace statecraft::cli {

// One option or positional argument as the documents need it.
struct ArgumentDoc {
  std::vector<std::string> names;    // "-o", "--output"; empty for a positional
  std::string value_name;            // "FILE", "UINT", "TEXT"...; empty for a flag
  std::string range;                 // "a whole number from 0 to 100000", from the option's check
  std::vector<std::string> choices;  // the values it takes, when it names them (--format)
  std::string description;
  std::string default_value;
  bool required = false;
  bool repeats = false;              // several values (FILE..., a comma-separated list)
  bool takes_file() const { return value_name == "FILE"; }
};

struct CommandDoc {
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  std::vector<ArgumentDoc> options;      // --help first, as CLI11 defines it
  std::vector<ArgumentDoc> positionals;  // in order
};

struct ProgramDoc {
  std::string name, description, version, footer;
  std::vector<ArgumentDoc> options;    // --help, --version
  std::vector<CommandDoc> commands;    // the visible subcommands, in definition order
};

// Hidden subcommands (group "") are left out: they are the generators themselves.
ProgramDoc describe(const CLI::App& app, std::string version);

std::string man_page(const ProgramDoc& program);         // troff, for man(1)
std::string bash_completion(const ProgramDoc& program);  // sourced by bash-completion
std::string zsh_completion(const ProgramDoc& program);   // an autoloaded _statecraft function

}  // namespace statecraft::cli
