#pragma once
// Drawing with Graphviz's `dot`, run as a program with an argument vector (never through a shell,
// so no file name or label can become a command) and fed through a private temporary file that
// is unlinked as soon as it is opened (so no file of the user's is ever touched but the output).

#include <string>
#include <variant>

namespace statecraft::cli {

struct GraphvizError {
  std::string message;
};

// The SVG that `dot -Tsvg` draws from `dot_text`, or why there is none (Graphviz not installed,
// dot failed).
std::variant<std::string, GraphvizError> render_svg(const std::string& dot_text);

}  // namespace statecraft::cli
