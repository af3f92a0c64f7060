#include "events/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace statecraft {
namespace {

// Words after which a full stop does not end a sentence (titles, "Co.", months), upper case.
constexpr std::array<std::string_view, 34> abbreviations = {
    "MR", "MRS", "MS", "DR", "ST", "GEN", "GOV", "SEN", "REP", "PRES", "JR", "SR", "LT", "COL", "CAPT", "SGT", "ADM",
    "NO", "VS", "INC", "CO", "CORP", "LTD", "JAN", "FEB", "AUG", "SEPT", "SEP", "OCT", "NOV", "DEC", "PROF", "AMB", "REV"};

bool is_ascii_letter(unsigned char c) { return std::isalpha(c) != 0; }
bool is_digit(unsigned char c) { return std::isdigit(c) != 0; }

// The UTF-8 sequence at text[i]: how many bytes it takes and what the tokenizer reads it as.
struct Glyph {
  std::size_t size = 1;
  char reads_as = 0;  // 'a' a letter, '0' a digit, ' ' white space, else that ASCII character
};

Glyph glyph_at(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    if (is_ascii_letter(c)) return {1, 'a'};
    if (is_digit(c)) return {1, '0'};
    if (std::isspace(c)) return {1, ' '};
    return {1, static_cast<char>(c)};
  }
  const std::size_t size = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  const std::string_view s = text.substr(i, size);
  if (s == "\u2019" || s == "\u2018" || s == "\u02bc") return {size, '\''};
  if (s == "\u201c" || s == "\u201d" || s == "\u00ab" || s == "\u00bb") return {size, '"'};
  if (s == "\u2014" || s == "\u2013") return {size, '-'};
  if (s == "\u00a0" || s == "\u2009" || s == "\u202f") return {size, ' '};
  if (s == "\u2026") return {size, '.'};
  if (c == 0xE2 || c == 0xC7) return {size, '|'};  // other punctuation and symbols (ǀ, •, €...)
  return {size, 'a'};                             // accented and other scripts' letters
}

std::string upper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const Glyph g = glyph_at(s, i);
    if (g.reads_as == '\'') out += '\'';
    else if (g.size == 1) out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
    else out.append(s.substr(i, g.size));
    i += g.size;
  }
  return out;
}

bool is_abbreviation(std::string_view word_upper) {
  if (word_upper.find('.') != std::string_view::npos) return true;  // U.S, U.N
  if (word_upper.size() == 1 && std::isalpha(static_cast<unsigned char>(word_upper[0]))) return true;  // initials
  return std::find(abbreviations.begin(), abbreviations.end(), word_upper) != abbreviations.end();
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, TextSpan span) : text_(text), span_(span) {}

  std::vector<Token> run() && {
    std::size_t i = span_.begin;
    while (i < span_.end) {
      const Glyph g = glyph_at(text_, i);
      if (g.reads_as == ' ') {
        i += g.size;
      } else if (g.reads_as == 'a' || g.reads_as == '0') {
        i = word(i);
      } else {
        if (g.reads_as != '-' && g.reads_as != '|') push(std::string(1, g.reads_as), i, i + g.size);
        i += g.size;
      }
    }
    return std::move(tokens_);
  }

 private:
  void push(std::string word, std::size_t begin, std::size_t end) {
    tokens_.push_back({std::move(word), {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}});
  }

  // A run of letters, digits and the apostrophes, full stops and hyphens inside it; returns where
  // it ends.
  std::size_t word(std::size_t begin) {
    std::size_t end = begin;
    std::size_t part_begin = begin;  // of the part after the last separating hyphen
    while (end < span_.end) {
      const Glyph g = glyph_at(text_, end);
      const bool inner = g.reads_as == '\'' || g.reads_as == '.' || g.reads_as == '-';
      if (g.reads_as == 'a' || g.reads_as == '0') {
        end += g.size;
      } else if (inner && end + g.size < span_.end) {
        const Glyph next = glyph_at(text_, end + g.size);
        if (next.reads_as != 'a' && next.reads_as != '0') break;
        if (g.reads_as == '-' && separates(part_begin, end)) {
          finish(part_begin, end);
          part_begin = end + g.size;
        }
        end += g.size;
      } else {
        break;
      }
    }
    // A full stop after an abbreviation belongs to it ("U.S.", "Mr.").
    if (end < span_.end && text_[end] == '.' && is_abbreviation(upper(text_.substr(part_begin, end - part_begin)))) ++end;
    finish(part_begin, end);
    return end;
  }

  // A hyphen separates two words when what follows it is capitalised (Kim-Putin, U.S.-North).
  bool separates(std::size_t part_begin, std::size_t hyphen) const {
    const std::size_t after = hyphen + glyph_at(text_, hyphen).size;
    return after < span_.end && std::isupper(static_cast<unsigned char>(text_[after])) &&
           std::isupper(static_cast<unsigned char>(text_[part_begin]));
  }

  // Pushes text[begin, end) as one word, or as a word and its "'S" or "N'T".
  void finish(std::size_t begin, std::size_t end) {
    std::string word = upper(text_.substr(begin, end - begin));
    auto split_off = [&](std::size_t suffix_chars, std::size_t suffix_bytes) {
      push(word.substr(0, word.size() - suffix_chars), begin, end - suffix_bytes);
      push(word.substr(word.size() - suffix_chars), end - suffix_bytes, end);
    };
    // The apostrophe is the second last character of both: one byte ('), or three (’).
    const std::size_t apostrophe = end >= begin + 2 && text_[end - 2] == '\'' ? 1 : 3;
    if (word.size() > 2 && word.ends_with("'S")) return split_off(2, apostrophe + 1);
    if (word.size() > 3 && word.ends_with("N'T")) return split_off(3, apostrophe + 2);
    push(std::move(word), begin, end);
  }

  std::string_view text_;
  TextSpan span_;
  std::vector<Token> tokens_;
};

// Where the sentence whose '.', '!' or '?' is at `dot` ends (after closing quotes and brackets),
// or 0 when the mark does not end one.
std::size_t sentence_end_at(std::string_view text, std::size_t dot, std::size_t end) {
  // The word before the mark: an abbreviation's stop does not end a sentence.
  if (text[dot] == '.') {
    std::size_t b = dot;
    while (b > 0 && (std::isalpha(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '.')) --b;
    std::string before;
    for (std::size_t k = b; k < dot; ++k) before += static_cast<char>(std::toupper(static_cast<unsigned char>(text[k])));
    if (!before.empty() && is_abbreviation(before)) return 0;
  }
  std::size_t k = dot + 1;
  while (k < end && (text[k] == '"' || text[k] == ')' || text[k] == '\'' || static_cast<unsigned char>(text[k]) >= 0x80) &&
         glyph_at(text, k).reads_as != 'a' && glyph_at(text, k).reads_as != ' ')
    k += glyph_at(text, k).size;
  const std::size_t closed = k;
  if (k >= end) return closed;
  if (glyph_at(text, k).reads_as != ' ') return 0;
  while (k < end && glyph_at(text, k).reads_as == ' ') k += glyph_at(text, k).size;
  if (k >= end) return closed;
  const Glyph next = glyph_at(text, k);
  const bool starts = std::isupper(static_cast<unsigned char>(text[k])) || next.reads_as == '0' || next.reads_as == '"' || text[k] == '(' ||
                      (next.size > 1 && next.reads_as == 'a');
  return starts ? closed : 0;
}

// A line a title or a byline is on: short, with no final punctuation, before a capitalised line.
bool is_title_line(std::string_view line, std::string_view next_line) {
  const auto content = line.substr(0, line.find_last_not_of(" \t\r") + 1);
  if (content.empty() || content.size() > 60) return false;
  const char last = content.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '?' || last == '!') return false;
  const auto first = next_line.find_first_not_of(" \t");
  return first != std::string_view::npos && std::isupper(static_cast<unsigned char>(next_line[first]));
}

void add_sentence(std::string_view text, std::size_t begin, std::size_t end, std::vector<TextSpan>& out) {
  while (begin < end && glyph_at(text, begin).reads_as == ' ') begin += glyph_at(text, begin).size;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  bool has_word = false;
  for (std::size_t k = begin; k < end && !has_word; k += glyph_at(text, k).size)
    has_word = glyph_at(text, k).reads_as == 'a' || glyph_at(text, k).reads_as == '0';
  if (has_word) out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
}

}  // namespace

bool Token::is_word() const {
  const auto c = static_cast<unsigned char>(word.empty() ? ' ' : word[0]);
  return std::isalnum(c) || c >= 0x80;
}

std::vector<TextSpan> split_sentences(std::string_view text) {
  std::vector<TextSpan> out;
  std::size_t start = 0, line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    std::size_t next = i + glyph_at(text, i).size;
    if (c == '\n') {
      const std::size_t next_start = i + 1;
      const std::size_t next_end = std::min(text.find('\n', next_start), text.size());
      const std::string_view line = text.substr(line_start, i - line_start);
      const std::string_view next_line = text.substr(next_start, next_end - next_start);
      const bool blank_next = next_line.find_first_not_of(" \t\r") == std::string_view::npos;
      if (blank_next || is_title_line(line, next_line)) {
        add_sentence(text, start, i, out);
        start = next_start;
      }
      line_start = next_start;
    } else if (const std::size_t end = (c == '.' || c == '!' || c == '?') ? sentence_end_at(text, i, text.size()) : 0) {
      add_sentence(text, start, end, out);
      start = next = end;  // past the closing quotes, which belong to this sentence
    }
    i = next;
  }
  add_sentence(text, start, text.size(), out);
  return out;
}

std::vector<Token> tokenize(std::string_view text, TextSpan span) { return Tokenizer(text, span).run(); }

}  // namespace statecraft
