#include "formats/gambit_tokens.hpp"

#include <cctype>
#include <fmt/format.h>

#include "scenario/rational.hpp"
#include "scenario/reader.hpp"

namespace statecraft {

GambitTokens::GambitTokens(std::string_view text, Diagnostics& diagnostics) : diagnostics_(diagnostics) {
  int line = 1, column = 1;
  std::size_t i = 0;
  auto advance = [&](std::size_t count) {
    for (std::size_t k = 0; k < count && i < text.size(); ++k, ++i) {
      if (text[i] == '\n') ++line, column = 1;
      else ++column;
    }
  };
  while (true) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) advance(1);
    GambitToken token;
    token.at = {line, column};
    if (i >= text.size()) {
      tokens_.push_back(token);
      break;
    }
    const char c = text[i];
    if (c == '{' || c == '}') {
      token.kind = c == '{' ? GambitToken::Kind::Open : GambitToken::Kind::Close;
      token.text = std::string(1, c);
      advance(1);
    } else if (c == '"') {
      token.kind = GambitToken::Kind::Text;
      advance(1);
      while (i < text.size() && text[i] != '"') {
        if (text[i] == '\\' && i + 1 < text.size()) advance(1);
        token.text += text[i];
        advance(1);
      }
      if (i >= text.size()) {
        fail(token, "a quoted text is not closed");
        tokens_.push_back(GambitToken{});
        break;
      }
      advance(1);
    } else {
      const std::size_t start = i;
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != '{' && text[i] != '}' && text[i] != '"' && text[i] != ',')
        advance(1);
      if (i == start) {  // a separating comma
        advance(1);
        continue;
      }
      token.text = std::string(text.substr(start, i - start));
      if (const auto v = parse_number(token.text)) {
        token.kind = GambitToken::Kind::Number;
        token.value = *v;
      } else {
        token.kind = GambitToken::Kind::Word;
      }
      if (i < text.size() && text[i] == ',') advance(1);
    }
    tokens_.push_back(token);
  }
}

std::string describe(const GambitToken& token) {
  switch (token.kind) {
    case GambitToken::Kind::End: return "the end of the file";
    case GambitToken::Kind::Text: return fmt::format("\"{}\"", token.text);
    default: return fmt::format("'{}'", token.text);
  }
}

std::string gambit_quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void GambitTokens::fail(const GambitToken& at, const std::string& message) {
  if (failed_) return;  // one precise message; what follows a syntax error is noise
  failed_ = true;
  diagnostics_.error(at.at, message);
}

bool GambitTokens::expect(GambitToken::Kind kind, const char* what) {
  if (peek().kind == kind) {
    take();
    return true;
  }
  fail(peek(), fmt::format("expected {}, found {}", what, describe(peek())));
  return false;
}

std::optional<std::string> GambitTokens::text(const char* what) {
  if (peek().kind != GambitToken::Kind::Text) {
    fail(peek(), fmt::format("expected {} (quoted text), found {}", what, describe(peek())));
    return std::nullopt;
  }
  return take().text;
}

std::optional<double> GambitTokens::number(const char* what) {
  if (peek().kind != GambitToken::Kind::Number) {
    fail(peek(), fmt::format("expected {} (a number), found {}", what, describe(peek())));
    return std::nullopt;
  }
  return take().value;
}

std::optional<mpq_class> GambitTokens::rational(const char* what) {
  auto value = peek().kind == GambitToken::Kind::Number ? parse_rational(peek().text) : std::nullopt;
  if (!value) {
    fail(peek(), fmt::format("expected {} (a number), found {}", what, describe(peek())));
    return std::nullopt;
  }
  take();
  return value;
}

}  // namespace statecraft
