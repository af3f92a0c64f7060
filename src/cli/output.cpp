#include "cli/output.hpp"

#include <cerrno>
#include <unistd.h>

namespace statecraft::cli {

bool RecordingOutput::drain() {
  const char* from = pbase();
  while (from < pptr() && error_ == 0) {
    const ssize_t n = ::write(fd_, from, static_cast<std::size_t>(pptr() - from));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) error_ = errno;
    else from += n;
  }
  setp(buffer_, buffer_ + sizeof buffer_);  // after a failure the rest is dropped: it cannot be written either
  return error_ == 0;
}

RecordingOutput::int_type RecordingOutput::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
  return traits_type::not_eof(c);
}

int RecordingOutput::sync() { return drain() ? 0 : -1; }

}  // namespace statecraft::cli
