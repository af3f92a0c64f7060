#pragma once
// Standard output that remembers why a write failed. A report that did not reach stdout (a full
// disk, /dev/full) is a failure to report with the OS's reason; std::cout only says that it
// failed, and errno is long overwritten by the time the command ends.

#include <streambuf>
#include <string>

namespace statecraft::cli {

class RecordingOutput : public std::streambuf {
 public:
  explicit RecordingOutput(int fd = 1) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  ~RecordingOutput() override { sync(); }

  // The first write's errno, or 0 while every write has succeeded.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  bool drain();

  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

}  // namespace statecraft::cli
