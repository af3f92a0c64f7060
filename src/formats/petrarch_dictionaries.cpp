#include "formats/petrarch_dictionaries.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <string>

#include "scenario/input_file.hpp"
#include "scenario/text_lines.hpp"

namespace statecraft {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The line without its comment: from '#' or ';' on.
std::string_view without_comment(std::string_view line) { return line.substr(0, line.find_first_of("#;")); }

// YYYYMMDD, or YYMMDD with YY <= 30 as 20YY and otherwise 19YY (PETRARCH's dstr_to_ordate rule).
std::optional<EventDate> read_date(std::string_view s) {
  if (s.size() != 6 && s.size() != 8) return std::nullopt;
  if (s.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  EventDate value = std::stoi(std::string(s));
  if (s.size() == 6) value += (value / 10000 <= 30 ? 20000000 : 19000000);
  const int month = value / 100 % 100, day = value % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return value;
}

class ActorReader {
 public:
  explicit ActorReader(Diagnostics& d) : d_(d) {}

  // `raw` with its comments blanked; `original` as written, whose first character says whether the
  // line is indented (a date restriction).
  void line(std::string_view raw, std::string_view original, int number) {
    const std::string_view text = without_comment(raw);
    const std::string_view content = trimmed(text);
    if (content.empty()) return;
    const int column = static_cast<int>(text.find_first_not_of(" \t\r")) + 1;
    if (original.front() == ' ' || original.front() == '\t') return restriction(content, number, column);
    if (content.front() == '+') return synonym(content.substr(1), number, column);
    primary(content, number, column);
  }

  ActorDictionary result() && { return std::move(dictionary_); }

 private:
  ActorEntry* current(int number, int column, std::string_view what) {
    if (dictionary_.entries.empty()) {
      d_.error({number, column}, fmt::format("{} before any actor's primary phrase", what));
      return nullptr;
    }
    return &dictionary_.entries.back();
  }

  std::optional<ActorPhrase> phrase(std::string_view text, int number, int column) {
    ActorPhrase p;
    std::string word;
    for (char c : text) {
      if (c == ' ' || c == '_' || c == '\t') {
        if (!word.empty()) p.words.push_back(upper(word));
        word.clear();
      } else {
        word += c;
      }
    }
    if (!word.empty()) p.words.push_back(upper(word));
    p.last_word_is_stem = text.empty() || text.back() != '_';
    if (p.words.empty()) {
      d_.error({number, column}, "an actor phrase needs at least one word");
      return std::nullopt;
    }
    return p;
  }

  void primary(std::string_view content, int number, int column) {
    ActorEntry entry;
    entry.line = number;
    const auto open = content.find('[');
    if (open != std::string_view::npos) {
      const auto close = content.find(']', open);
      if (close == std::string_view::npos) {
        d_.error({number, column + static_cast<int>(open)}, "a code opened with '[' is not closed with ']'");
        return;
      }
      entry.default_code = upper(trimmed(content.substr(open + 1, close - open - 1)));
    }
    auto p = phrase(trimmed(content.substr(0, open)), number, column);
    if (!p) return;
    entry.phrases.push_back(std::move(*p));
    dictionary_.entries.push_back(std::move(entry));
  }

  void synonym(std::string_view content, int number, int column) {
    ActorEntry* entry = current(number, column, "a synonym ('+')");
    if (!entry) return;
    auto p = phrase(trimmed(content.substr(0, content.find('['))), number, column + 1);
    if (p) entry->phrases.push_back(std::move(*p));
  }

  // [CODE], [CODE <date], [CODE >date], [CODE date-date]; blanks around the operators allowed.
  void restriction(std::string_view content, int number, int column) {
    ActorEntry* entry = current(number, column, "a date restriction");
    if (!entry) return;
    if (content.front() != '[' || content.back() != ']') {
      d_.error({number, column}, fmt::format("a line that begins with a tab is a date restriction, [CODE <date], [CODE >date] or [CODE date-date]; found '{}'", content));
      return;
    }
    const std::string_view inside = trimmed(content.substr(1, content.size() - 2));
    const auto blank = inside.find_first_of(" \t<>");
    DatedCode dated{upper(inside.substr(0, blank)), 0, 99991231};
    std::string rest;
    if (blank != std::string_view::npos)
      for (char c : inside.substr(blank))
        if (c != ' ' && c != '\t') rest += c;
    auto bad = [&] { d_.error({number, column}, fmt::format("the restriction '{}' is not <date, >date or date-date (dates YYYYMMDD or YYMMDD)", content)); };
    if (dated.code.empty()) return bad();
    if (!rest.empty()) {
      const char op = rest.front();
      if (op == '<' || op == '>') {
        const auto date = read_date(std::string_view(rest).substr(1));
        if (!date) return bad();
        (op == '<' ? dated.to : dated.from) = *date;
      } else {
        const auto dash = rest.find('-');
        const auto from = dash == std::string::npos ? std::nullopt : read_date(std::string_view(rest).substr(0, dash));
        const auto to = dash == std::string::npos ? std::nullopt : read_date(std::string_view(rest).substr(dash + 1));
        if (!from || !to || *from > *to) return bad();
        dated.from = *from, dated.to = *to;
      }
    }
    entry->dated.push_back(std::move(dated));
  }

  Diagnostics& d_;
  ActorDictionary dictionary_;
};

// The text with every <!-- ... --> (and PETRARCH's looser "<! -- ... -->") blanked out, line breaks
// kept, so that lines and columns stay those of the file.
std::string without_block_comments(std::string_view text, Diagnostics& d) {
  std::string out(text);
  for (std::size_t at = out.find("<!"); at != std::string::npos; at = out.find("<!", at)) {
    const auto end = out.find("-->", at);
    if (end == std::string::npos) {
      const auto line = 1 + std::count(out.begin(), out.begin() + static_cast<long>(at), '\n');
      d.error({static_cast<int>(line), 1}, "a comment opened with '<!--' is not closed with '-->'");
      out.erase(at);
      break;
    }
    for (std::size_t k = at; k < end + 3; ++k)
      if (out[k] != '\n') out[k] = ' ';
    at = end + 3;
  }
  return out;
}

}  // namespace

std::optional<ActorDictionary> read_petrarch_actors(std::string_view text, Diagnostics& d) {
  if (!check_text(text, d)) return std::nullopt;
  const std::string plain = without_block_comments(text, d);
  ActorReader reader(d);
  const auto lines = split_lines(plain), originals = split_lines(text);
  for (std::size_t k = 0; k < lines.size() && k < originals.size(); ++k) reader.line(lines[k], originals[k], static_cast<int>(k) + 1);
  d.sort_by_location();  // an unclosed comment, found first, in its place among the others
  if (!d.empty()) return std::nullopt;
  return std::move(reader).result();
}

}  // namespace statecraft
