#include "cli/output.hpp"

#include <cerrno>
#include <fmt/format.h>
#include <unistd.h>

namespace statecraft::cli {

void StandardOutput::write_all(const std::string& bytes) {
  std::size_t from = 0;
  while (from < bytes.size() && error_ == 0) {
    const ssize_t n = ::write(fd_, bytes.data() + from, bytes.size() - from);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) error_ = errno;
    else from += static_cast<std::size_t>(n);
  }
}

bool StandardOutput::drain(bool flushing) {
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(pptr() - pbase()));
  for (const char* p = pbase(); p < pptr(); ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (pending_c2_) {
      pending_c2_ = false;
      // U+0080 to U+009F are written C2 80 to C2 9F.
      if (c >= 0x80 && c <= 0x9F) {
        bytes += fmt::format("<U+{:04X}>", c);
        continue;
      }
      bytes += '\xC2';
    }
    if (c == 0xC2) pending_c2_ = true;
    else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) bytes += fmt::format("<U+{:04X}>", c);
    else bytes += static_cast<char>(c);
  }
  if (flushing && pending_c2_) {
    bytes += '\xC2';
    pending_c2_ = false;
  }
  write_all(bytes);
  setp(buffer_, buffer_ + sizeof buffer_);  // after a failure the rest is dropped: it cannot be written either
  return error_ == 0;
}

StandardOutput::int_type StandardOutput::overflow(int_type c) {
  if (!drain(false)) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
  return traits_type::not_eof(c);
}

int StandardOutput::sync() { return drain(true) ? 0 : -1; }

}  // namespace statecraft::cli
