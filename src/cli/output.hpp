#pragma once
// Standard output, made safe and accountable. Reports quote the scenario's text, which YAML and
// JSON escapes can fill with control characters ("\e[2J" clears the screen, "\e]0;…\a" retitles
// the window): every control character but tab and line feed goes out as <U+001B> instead, so
// that none acts on the terminal (JSON reports escape them as \u001b themselves). And a report
// that did not reach stdout (a full disk, /dev/full) is a failure to report with the OS's
// reason: std::cout only says that it failed, and errno is long overwritten when the command ends.

#include <streambuf>
#include <string>

namespace statecraft::cli {

class StandardOutput : public std::streambuf {
 public:
  explicit StandardOutput(int fd = 1) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  ~StandardOutput() override { sync(); }

  // The first write's errno, or 0 while every write has succeeded.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  bool drain(bool flushing);
  void write_all(const std::string& bytes);

  int fd_;
  int error_ = 0;
  bool pending_c2_ = false;  // a 0xC2 at the end of the buffer: a C1 control's first byte, or not
  char buffer_[1 << 16];
};

}  // namespace statecraft::cli
