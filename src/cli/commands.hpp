#pragma once
// The subcommands, each a thin layer over the library: read input, call an engine, print.
// Each returns the process exit code.

#include <iosfwd>
#include <string>
#include <vector>

namespace statecraft::cli {

enum ExitCode { ok = 0, analysis_failed = 1, bad_input = 2 };

int validate(const std::vector<std::string>& files, std::ostream& out, std::ostream& err);
int analyze(const std::string& file, const std::string& format, std::ostream& out, std::ostream& err);
// `models` may hold "all".
int forecast(const std::string& file, std::vector<std::string> models, const std::string& format, std::ostream& out,
             std::ostream& err);

}  // namespace statecraft::cli
