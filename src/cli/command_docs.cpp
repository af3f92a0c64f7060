#include "cli/command_docs.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace statecraft::cli {
namespace {

// CLI11 writes an option's type and its checks as one string: "UINT:a whole number from 0 to
// 100000", "TEXT:{text,json}", "ENUM:value in {concede->0,expected->1} OR {0,1}".
std::string value_name_of(const std::string& type_name) { return type_name.substr(0, type_name.find(':')); }

std::string range_of(const std::string& type_name) {
  const auto colon = type_name.find(':');
  if (colon == std::string::npos) return {};
  const std::string checks = type_name.substr(colon + 1);
  return checks.starts_with("a whole number") || checks.starts_with("a number") ? checks : std::string{};
}

// The first {a,b,c} of the checks, without a transformer's "->value".
std::vector<std::string> choices_of(const std::string& type_name) {
  const auto open = type_name.find('{');
  const auto close = type_name.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> choices;
  const std::string list = type_name.substr(open + 1, close - open - 1);
  for (std::size_t start = 0; start <= list.size();) {
    const auto comma = std::min(list.find(',', start), list.size());
    const std::string item = list.substr(start, comma - start);
    choices.push_back(item.substr(0, item.find("->")));
    start = comma + 1;
  }
  return choices;
}

ArgumentDoc describe(const CLI::Option& option) {
  ArgumentDoc doc;
  for (const auto& name : option.get_snames()) doc.names.push_back("-" + name);
  for (const auto& name : option.get_lnames()) doc.names.push_back("--" + name);
  const std::string type_name = option.get_type_name();
  if (option.get_type_size_max() > 0) doc.value_name = value_name_of(type_name);
  if (doc.names.empty() && doc.value_name.empty()) doc.value_name = option.get_name();
  doc.range = range_of(type_name);
  doc.choices = choices_of(type_name);
  doc.description = option.get_description();
  doc.default_value = option.get_default_str();
  doc.required = option.get_required();
  doc.repeats = option.get_items_expected_max() > 1;
  return doc;
}

CommandDoc describe_command(const CLI::App& command) {
  CommandDoc doc{command.get_name(), command.get_aliases(), command.get_description(), {}, {}};
  for (const CLI::Option* option : command.get_options()) {
    if (option->get_positional() && !option->nonpositional()) doc.positionals.push_back(describe(*option));
    else doc.options.push_back(describe(*option));
  }
  return doc;
}

// --- troff -------------------------------------------------------------------------------------

// Text set as it is: backslashes escaped, and a line that would open with a control character
// (. or ') guarded.
std::string troff(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '\\' ? std::string("\\e") : std::string(1, c);
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

// An option's name, whose hyphens must print as hyphens (not as typographic dashes) to be copied.
std::string troff_name(const std::string& name) {
  std::string out;
  for (const char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

// A description as a sentence, so that what follows it (the range, the choices) reads apart.
std::string sentence(const std::string& text) {
  if (text.empty() || text.ends_with('.') || text.ends_with('?') || text.ends_with('!')) return text;
  return text + ".";
}

std::string synopsis_of(const CommandDoc& command) {
  std::string synopsis = command.name + " [OPTIONS]";
  for (const auto& p : command.positionals) synopsis += " " + p.value_name + (p.repeats ? "..." : "");
  return synopsis;
}

std::string man_option(const ArgumentDoc& option) {
  std::vector<std::string> names;
  for (const auto& name : option.names) names.push_back("\\fB" + troff_name(name) + "\\fR");
  std::string head = fmt::format("{}", fmt::join(names, ", "));
  if (!option.value_name.empty()) head += " \\fI" + option.value_name + "\\fR";
  std::string body = troff(sentence(option.description));
  if (!option.range.empty()) body += troff(fmt::format(" It must be {}.", option.range));
  if (!option.choices.empty()) body += troff(fmt::format(" One of: {}.", fmt::join(option.choices, ", ")));
  if (!option.default_value.empty()) body += troff(fmt::format(" Default: {}.", option.default_value));
  return fmt::format(".TP\n{}\n{}\n", head, body);
}

std::string man_command(const CommandDoc& command) {
  std::string text = fmt::format(".SS \"{}\"\n{}\n", troff(synopsis_of(command)), troff(sentence(command.description)));
  if (!command.aliases.empty()) text += fmt::format(".br\nAlso spelt: {}.\n", troff(fmt::format("{}", fmt::join(command.aliases, ", "))));
  for (const auto& p : command.positionals) text += fmt::format(".TP\n\\fI{}\\fR\n{}\n", p.value_name, troff(sentence(p.description)));
  for (const auto& o : command.options)
    if (o.names != std::vector<std::string>{"-h", "--help"}) text += man_option(o);  // said once, under OPTIONS
  return text;
}

// --- shells ------------------------------------------------------------------------------------

std::string joined(const std::vector<std::string>& words) { return fmt::format("{}", fmt::join(words, " ")); }

std::vector<std::string> option_names(const std::vector<ArgumentDoc>& options) {
  std::vector<std::string> names;
  for (const auto& o : options) names.insert(names.end(), o.names.begin(), o.names.end());
  return names;
}

std::string bash_case_of(const CommandDoc& command) {
  std::string cases;
  std::vector<std::string> files, values;  // options whose value is a file, or a value to type
  for (const auto& o : command.options) {
    if (o.value_name.empty()) continue;
    const std::string names = fmt::format("{}", fmt::join(o.names, "|"));
    if (!o.choices.empty()) cases += fmt::format("        {}) COMPREPLY=($(compgen -W '{}' -- \"$cur\")); return ;;\n", names, joined(o.choices));
    else if (o.takes_file()) files.push_back(names);
    else values.push_back(names);
  }
  if (!files.empty()) cases += fmt::format("        {}) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", fmt::join(files, "|"));
  if (!values.empty()) cases += fmt::format("        {}) return ;;  # a value to type\n", fmt::join(values, "|"));
  std::vector<std::string> positional_words;
  for (const auto& p : command.positionals) positional_words.insert(positional_words.end(), p.choices.begin(), p.choices.end());
  const std::string positional = positional_words.empty() ? "compgen -f -- \"$cur\"" : fmt::format("compgen -W '{}' -- \"$cur\"", joined(positional_words));
  return fmt::format("    {})\n"
                     "      case $prev in\n{}      esac\n"
                     "      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W '{}' -- \"$cur\")); else COMPREPLY=($({})); fi\n"
                     "      ;;\n",
                     fmt::join([&] {
                       std::vector<std::string> names{command.name};
                       names.insert(names.end(), command.aliases.begin(), command.aliases.end());
                       return names;
                     }(),
                               "|"),
                     cases, joined(option_names(command.options)), positional);
}

// Inside '...' in zsh and inside an _arguments [description]: quotes closed and reopened, and
// the characters _arguments gives a meaning escaped.
std::string zsh_quoted(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\'') out += "'\\''";
    else if (c == '[' || c == ']' || c == ':' || c == '\\') out += std::string("\\") + c;
    else out += c;
  }
  return out;
}

std::string zsh_option_spec(const ArgumentDoc& option) {
  std::string action;
  if (!option.value_name.empty()) {
    if (!option.choices.empty()) action = fmt::format(":{}:({})", zsh_quoted(option.value_name), zsh_quoted(joined(option.choices)));
    else if (option.takes_file()) action = ":file:_files";
    else action = fmt::format(":{}: ", zsh_quoted(option.range.empty() ? option.value_name : option.range));
  }
  const std::string names = option.names.size() == 1 ? option.names.front() : fmt::format("{{{}}}", fmt::join(option.names, ","));
  const std::string exclusive = option.names.size() > 1 ? fmt::format("({})", joined(option.names)) : std::string{};
  return fmt::format("'{}{}[{}]{}'", exclusive, names, zsh_quoted(option.description), action);
}

std::string zsh_positional_spec(const ArgumentDoc& positional, std::size_t position) {
  const std::string action = positional.choices.empty() ? "_files" : fmt::format("({})", zsh_quoted(joined(positional.choices)));
  return fmt::format("'{}:{}:{}'", positional.repeats ? std::string("*") : std::to_string(position), zsh_quoted(positional.description), action);
}

std::string zsh_case_of(const CommandDoc& command) {
  std::vector<std::string> specs;
  for (const auto& o : command.options) specs.push_back(zsh_option_spec(o));
  for (std::size_t k = 0; k < command.positionals.size(); ++k) specs.push_back(zsh_positional_spec(command.positionals[k], k + 1));
  std::vector<std::string> names{command.name};
  names.insert(names.end(), command.aliases.begin(), command.aliases.end());
  return fmt::format("        {})\n          _arguments \\\n            {}\n          ;;\n", fmt::join(names, "|"), fmt::join(specs, " \\\n            "));
}

}  // namespace

ProgramDoc describe(const CLI::App& app, std::string version) {
  ProgramDoc program{app.get_name(), app.get_description(), std::move(version), app.get_footer(), {}, {}};
  for (const CLI::Option* option : app.get_options()) program.options.push_back(describe(*option));
  for (const CLI::App* command : app.get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); }))
    program.commands.push_back(describe_command(*command));
  return program;
}

std::string man_page(const ProgramDoc& program) {
  std::string purpose = program.description;
  if (purpose.starts_with(program.name + ": ")) purpose.erase(0, program.name.size() + 2);
  std::string page = fmt::format(".\\\" Written by `{0} man` from the program's own command definitions.\n"
                                 ".TH {1} 1 \"\" \"{0} {2}\" \"User Commands\"\n"
                                 ".SH NAME\n{0} \\- {3}\n"
                                 ".SH SYNOPSIS\n.B {0}\n.I SUBCOMMAND\n.RI [ OPTIONS ]\n.RI [ FILE ...]\n.br\n.B {0}\n.I SUBCOMMAND\n.B \\-\\-help\n"
                                 ".SH DESCRIPTION\n",
                                 program.name, fmt::format("{}", [&] {
                                   std::string upper = program.name;
                                   for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                                   return upper;
                                 }()),
                                 program.version, troff(purpose));
  page += "Each subcommand reads a scenario file (YAML or JSON; some also read other tools' files) and writes its report to standard "
          "output; errors go to standard error. A FILE of \\fB\\-\\fR reads standard input, and messages then call it <stdin>.\n";
  page += ".SH OPTIONS\n";
  for (const auto& option : program.options) page += man_option(option);
  page += ".SH SUBCOMMANDS\n";
  for (const auto& command : program.commands) page += man_command(command);
  page += ".SH EXIT STATUS\n0: ok. 1: the analysis failed, or an output could not be written. 2: bad usage or bad input.\n";
  page += fmt::format(".SH SHELL COMPLETION\n\\fB{0} completions bash\\fR and \\fB{0} completions zsh\\fR print the completion scripts "
                      "that an installation puts in place; \\fB{0} man\\fR prints this page.\n",
                      program.name);
  page += ".SH NOTES\n";
  for (std::size_t start = 0; start < program.footer.size();) {
    const auto end = std::min(program.footer.find('\n', start), program.footer.size());
    if (end > start) page += troff(program.footer.substr(start, end - start)) + "\n.br\n";
    start = end + 1;
  }
  return page;
}

std::string bash_completion(const ProgramDoc& program) {
  std::vector<std::string> commands;
  for (const auto& c : program.commands) {
    commands.push_back(c.name);
    commands.insert(commands.end(), c.aliases.begin(), c.aliases.end());
  }
  std::string cases;
  for (const auto& c : program.commands) cases += bash_case_of(c);
  return fmt::format(
      "# bash completion for {0}, written by `{0} completions bash` from the program's own command definitions.\n"
      "_{0}() {{\n"
      "  local cur=\"${{COMP_WORDS[COMP_CWORD]}}\" prev=\"${{COMP_WORDS[COMP_CWORD-1]}}\" subcommand=\"\" i\n"
      "  COMPREPLY=()\n"
      "  # The first word that is not an option names the subcommand (the program's own options take no value).\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    if [[ ${{COMP_WORDS[i]}} != -* ]]; then subcommand=${{COMP_WORDS[i]}}; break; fi\n"
      "  done\n"
      "  if [[ -z $subcommand ]]; then\n"
      "    COMPREPLY=($(compgen -W '{1} {2}' -- \"$cur\"))\n"
      "    return\n"
      "  fi\n"
      "  case $subcommand in\n{3}"
      "  esac\n"
      "}}\n"
      "complete -o filenames -F _{0} {0}\n",
      program.name, joined(commands), joined(option_names(program.options)), cases);
}

std::string zsh_completion(const ProgramDoc& program) {
  std::vector<std::string> commands;
  for (const auto& c : program.commands) {
    commands.push_back(fmt::format("'{}:{}'", c.name, zsh_quoted(c.description)));
    for (const auto& alias : c.aliases) commands.push_back(fmt::format("'{}:{}'", alias, zsh_quoted(c.description)));
  }
  std::vector<std::string> top;
  for (const auto& o : program.options) top.push_back(zsh_option_spec(o));
  std::string cases;
  for (const auto& c : program.commands) cases += zsh_case_of(c);
  return fmt::format(
      "#compdef {0}\n"
      "# zsh completion for {0}, written by `{0} completions zsh` from the program's own command definitions.\n"
      "_{0}() {{\n"
      "  local state line\n"
      "  local -a subcommands\n"
      "  _arguments -C \\\n"
      "    {1} \\\n"
      "    '1: :->subcommand' \\\n"
      "    '*:: :->argument'\n"
      "  case $state in\n"
      "    subcommand)\n"
      "      subcommands=(\n        {2}\n      )\n"
      "      _describe -t commands '{0} subcommand' subcommands\n"
      "      ;;\n"
      "    argument)\n"
      "      case $words[1] in\n{3}"
      "      esac\n"
      "      ;;\n"
      "  esac\n"
      "}}\n"
      "_{0} \"$@\"\n",
      program.name, fmt::join(top, " \\\n    "), fmt::join(commands, "\n        "), cases);
}

}  // namespace statecraft::cli
