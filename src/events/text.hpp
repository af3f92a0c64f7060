#pragma once
// Sentences and words of news text, with their byte offsets in the article, for the shallow
// parse of TABARI (Schrodt, TABARI manual ch. 3): a coder matches dictionary phrases against a
// sentence's words in order, so the words must be normalised the way the dictionaries write
// them (upper case, "'S" apart, typographic quotes and apostrophes as ASCII).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace statecraft {

// A byte range [begin, end) of the article.
struct TextSpan {
  std::uint32_t begin = 0, end = 0;
  bool operator==(const TextSpan&) const = default;
};

struct Token {
  std::string word;  // upper case; punctuation as itself (",", ".", "(", "\"")
  TextSpan span;
  bool is_word() const;  // begins with a letter or a digit
};

// Sentences end at '.', '!' or '?' followed by a blank and what can start a sentence, unless the
// word before is an abbreviation (Mr., U.S.); at a blank line; and at a line of a title (one with
// no final punctuation followed by a blank line). Line breaks inside a paragraph do not end one:
// text is often wrapped by hand.
std::vector<TextSpan> split_sentences(std::string_view text);

// The words and punctuation of text[span]: possessive "'s" a word of its own ("PUTIN", "'S"),
// "n't" too (as the Penn Treebank does: "DID", "N'T"), a hyphen between two capitalised parts a
// separator (Kim-Putin, U.S.-North Korea) but not inside a word (long-range). `text` must be
// valid UTF-8.
std::vector<Token> tokenize(std::string_view text, TextSpan span);

}  // namespace statecraft
