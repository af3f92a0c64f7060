#pragma once
// Tokens of Gambit's file formats: quoted strings, braces, numbers and words, with positions.

#include <gmpxx.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.hpp"

namespace statecraft {

struct GambitToken {
  enum class Kind { Text, Open, Close, Number, Word, End } kind = Kind::End;
  std::string text;  // unquoted for Text
  double value = 0;  // Number
  Location at;
};

class GambitTokens {
 public:
  GambitTokens(std::string_view text, Diagnostics& diagnostics);
  const GambitToken& peek() const { return tokens_[next_]; }
  const GambitToken& take() { return tokens_[next_ < tokens_.size() - 1 ? next_++ : next_]; }
  bool failed() const { return failed_; }
  std::size_t remaining() const { return tokens_.size() - 1 - next_; }  // before the end

  // Each reports "expected …" at the token and returns empty on a mismatch.
  bool expect(GambitToken::Kind kind, const char* what);
  std::optional<std::string> text(const char* what);
  std::optional<double> number(const char* what);
  // A number exactly as written ("1/3", "0.1"): for payoffs and probabilities.
  std::optional<mpq_class> rational(const char* what);
  void fail(const GambitToken& at, const std::string& message);

 private:
  std::vector<GambitToken> tokens_;
  std::size_t next_ = 0;
  Diagnostics& diagnostics_;
  bool failed_ = false;
};

std::string describe(const GambitToken& token);

// Text as a Gambit file quotes it: in double quotes, with '"' and '\\' escaped as the
// tokenizer reads them back.
std::string gambit_quote(const std::string& text);

}  // namespace statecraft
