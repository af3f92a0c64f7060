#include "scenario/input_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scenario/text_lines.hpp"

namespace statecraft {
namespace {

InputFile failure(std::string error) { return {std::nullopt, std::move(error)}; }

InputFile system_failure() { return failure(fmt::format("cannot read the file ({})", std::strerror(errno))); }

const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a pipe (FIFO)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Closes the descriptor on every path out.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

InputFile too_large(std::uintmax_t size) {
  return failure(fmt::format("the file has {} bytes, more than the limit of {} bytes ({} MiB)", size, max_input_bytes, max_input_bytes >> 20));
}

// Reads in pieces rather than trusting a size: /proc files report 0, a file may grow meanwhile,
// and standard input has none.
InputFile read_to_end(int fd, std::size_t expected_size) {
  std::string text;
  text.reserve(expected_size);
  char piece[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, piece, sizeof piece);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return system_failure();
    if (n == 0) break;
    text.append(piece, static_cast<std::size_t>(n));
    if (text.size() > max_input_bytes) return too_large(text.size());
  }
  // The UTF-8 byte-order mark some editors and spreadsheets write first is no part of the text:
  // left in, it would join the first field's name (a DEU actor, a Decide tag) and columns.
  if (text.starts_with(byte_order_mark)) text.erase(0, byte_order_mark.size());
  return {std::move(text), {}};
}

}  // namespace

bool is_standard_input(const std::filesystem::path& path) { return path.native() == standard_input_name; }

std::string input_name(const std::filesystem::path& path) { return is_standard_input(path) ? "<stdin>" : path.string(); }

InputFile read_input_file(const std::filesystem::path& path) {
  if (is_standard_input(path)) return read_to_end(STDIN_FILENO, 0);
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer before fstat can
  // tell what it is. The type is then checked on the open descriptor, so nothing can be swapped in.
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) return system_failure();
  struct stat status {};
  if (::fstat(file.fd, &status) != 0) return system_failure();
  // A directory gets the system's own words for it, as open(2) would give them had it refused.
  if (S_ISDIR(status.st_mode))
    return failure(fmt::format("cannot read the file ({}); statecraft reads only regular files", std::strerror(EISDIR)));
  if (!S_ISREG(status.st_mode))
    return failure(fmt::format("cannot read the file: it is {}; statecraft reads only regular files", kind_of(status.st_mode)));
  if (static_cast<std::uintmax_t>(status.st_size) > max_input_bytes) return too_large(static_cast<std::uintmax_t>(status.st_size));
  return read_to_end(file.fd, static_cast<std::size_t>(status.st_size));
}

bool check_text(std::string_view text, Diagnostics& diagnostics) {
  if (const auto bad = first_invalid_utf8(text)) {
    const auto [line, column] = line_and_column(text, *bad);
    diagnostics.error({line, column}, "the file is not valid UTF-8 text here; save it as UTF-8");
    return false;
  }
  if (const auto control = first_control_character(text)) {
    const auto [line, column] = line_and_column(text, control->first);
    diagnostics.error({line, column}, control->second == 0 ? std::string("the file contains a NUL byte (U+0000) here; is it a text file?")
                                                           : fmt::format("the file contains the control character U+{:04X} here; "
                                                                         "text may hold tabs and line breaks but no other control characters",
                                                                         control->second));
    return false;
  }
  return true;
}

}  // namespace statecraft
