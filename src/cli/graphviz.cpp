#include "cli/graphviz.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace statecraft::cli {
namespace {

class Descriptor {
 public:
  explicit Descriptor(int fd = -1) : fd_(fd) {}
  ~Descriptor() { reset(); }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_;
};

std::string reason(int error = errno) { return std::strerror(error); }

// A file only this process can reach: unlinked at once, so nothing is left behind, whatever happens.
bool write_private_file(const std::string& text, Descriptor& file, std::string& error) {
  std::error_code no_temp;
  const auto folder = std::filesystem::temp_directory_path(no_temp);
  if (no_temp) {
    error = "cannot find a folder for temporary files: " + no_temp.message();
    return false;
  }
  std::string name = (folder / "statecraft-graph-XXXXXX").string();
  file.reset(::mkostemp(name.data(), O_CLOEXEC));
  if (file.get() < 0) {
    error = "cannot create a temporary file: " + reason();
    return false;
  }
  ::unlink(name.c_str());
  for (std::size_t written = 0; written < text.size();) {
    const ssize_t n = ::write(file.get(), text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = "cannot write a temporary file: " + reason();
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::lseek(file.get(), 0, SEEK_SET) != 0) {
    error = "cannot read back a temporary file: " + reason();
    return false;
  }
  return true;
}

// Runs `dot -Tsvg` with `input` as its standard input; its standard output comes back through
// `output`. Returns 0 or the error of posix_spawnp.
int spawn_dot(int input, int output, pid_t& pid) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO);
  char program[] = "dot", format[] = "-Tsvg";
  char* argv[] = {program, format, nullptr};
  const int error = ::posix_spawnp(&pid, program, &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  return error;
}

}  // namespace

std::variant<std::string, GraphvizError> render_svg(const std::string& dot_text) {
  std::string error;
  Descriptor input;
  if (!write_private_file(dot_text, input, error)) return GraphvizError{error};
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0) return GraphvizError{"cannot create a pipe: " + reason()};
  Descriptor from_dot(ends[0]), to_us(ends[1]);
  pid_t pid = 0;
  const int spawned = spawn_dot(input.get(), to_us.get(), pid);
  to_us.reset();  // so that reading ends when dot exits
  if (spawned == ENOENT)
    return GraphvizError{"drawing an .svg needs Graphviz's dot, which is not installed or not on PATH (apt-get install graphviz); "
                         "write a .dot file instead"};
  if (spawned != 0) return GraphvizError{"cannot run Graphviz's dot: " + reason(spawned)};
  std::string svg;
  char buffer[65536];
  int read_error = 0;
  for (;;) {
    const ssize_t n = ::read(from_dot.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) read_error = errno;
    if (n <= 0) break;
    svg.append(buffer, static_cast<std::size_t>(n));
  }
  int status = 0;
  pid_t waited = 0;
  while ((waited = ::waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  // A truncated drawing must not pass for a whole one.
  if (waited < 0) return GraphvizError{"cannot learn whether Graphviz's dot succeeded: " + reason()};
  if (read_error != 0) return GraphvizError{"cannot read Graphviz's output: " + reason(read_error)};
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return GraphvizError{WIFEXITED(status) ? "Graphviz's dot failed (exit " + std::to_string(WEXITSTATUS(status)) + ")"
                                           : "Graphviz's dot was killed by signal " + std::to_string(WTERMSIG(status))};
  return svg;
}

}  // namespace statecraft::cli
