#pragma once
// A mistyped subcommand, named as such with the closest real one ("did you mean forecast?")
// rather than CLI11's "A subcommand is required", which reads as if none had been given.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace statecraft::cli {

// The message for a first word that names no subcommand (nor an alias of one); nothing when it
// names one, or when there is no such word (CLI11's own messages then say what is missing).
std::optional<std::string> unknown_subcommand(const CLI::App& app, int argc, const char* const* argv);

}  // namespace statecraft::cli
