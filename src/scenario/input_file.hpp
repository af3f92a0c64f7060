#pragma once
// Reading a user's input file whole, safely: a FIFO or a terminal would block, a device such as
// /dev/zero never ends, and a huge file would be held in memory several times over while it is
// parsed. Only regular files are read, and only up to a documented size; standard input ("-")
// is read as it comes, since the user chose to hand it over.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "scenario/diagnostics.hpp"

namespace statecraft {

// Far above any scenario or data set written by hand or exported (the largest seen are a few MB),
// and small enough that parsing it stays well within a gigabyte.
inline constexpr std::uintmax_t max_input_bytes = 16 * 1024 * 1024;

struct InputFile {
  std::optional<std::string> text;  // empty on failure
  std::string error;                // why it could not be read: "cannot read the file (No such file or directory)"
};

inline constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// "-" names standard input, as it does for most Unix tools; messages call it "<stdin>".
inline constexpr std::string_view standard_input_name = "-";
bool is_standard_input(const std::filesystem::path& path);
// The name a message gives the input: the path as written, or "<stdin>".
std::string input_name(const std::filesystem::path& path);

// The file's text, without a leading UTF-8 byte-order mark. "-" reads standard input to its end,
// whatever it is (a pipe, a terminal, a redirected file), within the same size limit.
InputFile read_input_file(const std::filesystem::path& path);

// Every reader's first step: reports, at its line and column, the first byte that is not UTF-8
// or is a control character (other than tab and line breaks); true when the text is fit to read.
bool check_text(std::string_view text, Diagnostics& diagnostics);

}  // namespace statecraft
