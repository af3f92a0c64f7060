#include "formats/petrarch_dictionaries.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <string>
#include <utility>

#include "scenario/input_file.hpp"
#include "scenario/text_lines.hpp"

namespace statecraft {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The line without its comment: from '#' or ';' on, outside a [CODE] (PETRARCH's validation verbs
// code a pattern [###]).
std::string_view without_comment(std::string_view line) {
  bool in_code = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') in_code = true;
    else if (line[i] == ']') in_code = false;
    else if (!in_code && (line[i] == '#' || line[i] == ';')) return line.substr(0, i);
  }
  return line;
}

// A line's content without its comment and blanks, and the column it starts at; null for a line
// with none.
struct LineContent {
  std::string_view text;
  int column = 1;
};

std::optional<LineContent> content_of(std::string_view raw) {
  const std::string_view text = without_comment(raw);
  const std::string_view content = trimmed(text);
  if (content.empty()) return std::nullopt;
  return LineContent{content, static_cast<int>(text.find_first_not_of(" \t\r")) + 1};
}

// The parts of `text` between any of the `separators`.
std::vector<std::string_view> split_on(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> parts;
  for (auto b = text.find_first_not_of(separators); b != std::string_view::npos; b = text.find_first_not_of(separators, b)) {
    const auto e = std::min(text.find_first_of(separators, b), text.size());
    parts.push_back(text.substr(b, e - b));
    b = e;
  }
  return parts;
}

// A line that does not parse is skipped with a warning, as PETRARCH skips it: the dictionaries
// people use (PETRARCH-2's own among them) hold a few such lines among tens of thousands.
void skipped(Diagnostics& d, Location at, const std::string& message) { d.warning(at, message + "; the line is skipped"); }

// The text fit to read: not UTF-8 is an error (a binary file, or another encoding); a control
// character, which PETRARCH-2's own country dictionary holds (U+001A in a name), a blank, warned.
std::optional<std::string> dictionary_text(std::string_view text, Diagnostics& d) {
  if (const auto bad = first_invalid_utf8(text)) {
    auto [line, column] = line_and_column(text, *bad);
    d.error({line, column}, "the file is not UTF-8 text here (a binary file, or another encoding?)");
    return std::nullopt;
  }
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (const auto control = control_character_at(out, i); control && !is_line_white_space(*control)) {
      auto [line, column] = line_and_column(text, i);
      d.warning({line, column}, fmt::format("the control character U+{:04X} is read as a blank", *control));
      out.replace(i, control_character_size(*control), control_character_size(*control), ' ');
    }
  return out;
}

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

// Words separated by blanks or '_', upper case; a final '_' makes the last word whole, not a stem.
ActorPhrase phrase_of(std::string_view text) {
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
  return p;
}

class ActorReader {
 public:
  explicit ActorReader(Diagnostics& d) : d_(d) {}

  // `raw` with its comments blanked; `original` as written, whose first character says whether the
  // line is indented (a date restriction).
  void line(std::string_view raw, std::string_view original, int number) {
    const auto read = content_of(raw);
    if (!read) return;
    const auto [content, column] = *read;
    const bool indented = original.front() == ' ' || original.front() == '\t';
    if (indented && content.front() == '[') return restriction(content, number, column);
    if (content.front() == '+') return synonym(content.substr(1), number, column);
    primary(content, number, column);  // also TABARI's "PHRASE [CODE date]" on one line, indented or not
  }

  ActorDictionary result() && { return std::move(dictionary_); }

 private:
  ActorEntry* current(int number, int column, std::string_view what) {
    if (dictionary_.entries.empty()) {
      skipped(d_, {number, column}, fmt::format("{} before any actor's primary phrase", what));
      return nullptr;
    }
    return &dictionary_.entries.back();
  }

  std::optional<ActorPhrase> phrase(std::string_view text, int number, int column) {
    ActorPhrase p = phrase_of(text);
    if (p.words.empty()) {
      skipped(d_, {number, column}, "an actor phrase needs at least one word");
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
        skipped(d_, {number, column + static_cast<int>(open)}, "a code opened with '[' is not closed with ']'");
        return;
      }
      entry.default_code = upper(trimmed(content.substr(open + 1, close - open - 1)));
    }
    auto p = phrase(trimmed(content.substr(0, open)), number, column);
    if (!p) return;
    entry.phrases.push_back(std::move(*p));
    const bool dated = entry.default_code.find_first_of(" \t<>") != std::string::npos;
    if (dated) entry.default_code.clear();
    dictionary_.entries.push_back(std::move(entry));
    if (dated) restriction(trimmed(content.substr(open)), number, column + static_cast<int>(open));
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
      skipped(d_, {number, column}, fmt::format("a line that begins with a tab is a date restriction, [CODE <date], [CODE >date] or [CODE date-date]; found '{}'", content));
      return;
    }
    const std::string_view inside = trimmed(content.substr(1, content.size() - 2));
    const auto blank = inside.find_first_of(" \t<>");
    DatedCode dated{upper(inside.substr(0, blank)), 0, 99991231};
    std::string rest;
    if (blank != std::string_view::npos)
      for (char c : inside.substr(blank))
        if (c != ' ' && c != '\t') rest += c;
    auto bad = [&] { skipped(d_, {number, column}, fmt::format("the restriction '{}' is not <date, >date or date-date (dates YYYYMMDD or YYMMDD)", content)); };
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


// The regular forms of an English verb, as PETRARCH makes them (make_verb_forms): -S (-IES,
// -ES), -ED (-D, -IED) and -ING (dropping a final E).
std::vector<std::string> regular_verb_forms(const std::string& verb) {
  auto ends = [&](std::string_view e) { return verb.size() > e.size() && verb.ends_with(e); };
  const bool consonant_y = ends("Y") && std::string_view("AEIOU").find(verb[verb.size() - 2]) == std::string_view::npos;
  const std::string stem_y = verb.substr(0, verb.size() - 1);
  std::string s_form = consonant_y ? stem_y + "IES" : (ends("S") || ends("X") || ends("Z") || ends("CH") || ends("SH")) ? verb + "ES" : verb + "S";
  std::string ed_form = ends("E") ? verb + "D" : consonant_y ? stem_y + "IED" : verb + "ED";
  std::string ing_form = ends("E") && !ends("EE") ? verb.substr(0, verb.size() - 1) + "ING" : verb + "ING";
  return {std::move(s_form), std::move(ed_form), std::move(ing_form)};
}

// A regular plural, as PETRARCH makes them for synsets and agents: -S, -IES after a consonant and
// Y, -ES after SS.
std::string regular_plural(const std::string& noun) {
  if (noun.size() > 1 && noun.back() == 'Y' && std::string_view("AEIOU").find(noun[noun.size() - 2]) == std::string_view::npos)
    return noun.substr(0, noun.size() - 1) + "IES";
  return noun.ends_with("SS") ? noun + "ES" : noun + "S";
}

// The [CODE] at the end of a dictionary line, and the line before it. A line with '[' and no ']'
// is an error.
struct Coded {
  std::string_view before;
  std::optional<std::string> code;
};

std::optional<Coded> split_code(std::string_view content, int number, int column, Diagnostics& d) {
  const auto open = content.rfind('[');
  if (open == std::string_view::npos) return Coded{content, std::nullopt};
  const auto close = content.find(']', open);
  if (close == std::string_view::npos) {
    skipped(d, {number, column + static_cast<int>(open)}, "a code opened with '[' is not closed with ']'");
    return std::nullopt;
  }
  std::string code = upper(trimmed(content.substr(open + 1, close - open - 1)));
  if (const auto colon = code.find(':'); colon != std::string::npos) code.resize(colon);  // [source:target], TABARI's compound codes
  return Coded{trimmed(content.substr(0, open)), std::move(code)};
}

class VerbReader {
 public:
  explicit VerbReader(Diagnostics& d) : d_(d) {}

  void line(std::string_view raw, int number) {
    const auto read = content_of(raw);
    if (!read) return;
    const auto [content, column] = *read;
    if (content.starts_with("---")) return block(content, number, column);
    switch (content.front()) {
      case '&': return synset(content.substr(1), number);
      case '+': return synset_name_.empty() ? verb(content.substr(1), number, column + 1) : synset_phrase(content.substr(1));
      case '-': return pattern(content.substr(1), number, column + 1);
      case '~': d_.warning({number, column}, "verb transformations ('~') are not applied; the line is skipped"); return;
      default: return verb(content, number, column);
    }
  }

  VerbDictionary result() && { return std::move(dictionary_); }

 private:
  void synset(std::string_view content, int number) {
    std::string name = upper(trimmed(content));
    no_plurals_ = name.ends_with('_');
    if (no_plurals_) name.pop_back();
    synset_name_ = name;
    synset_line_ = number;
    dictionary_.synsets[name];
  }

  void synset_phrase(std::string_view content) {
    auto& phrases = dictionary_.synsets[synset_name_];
    if (content.starts_with('&')) {  // another synset's phrases, as PETRARCH nests them
      const auto inner = dictionary_.synsets.find(upper(trimmed(content.substr(1))));
      if (inner != dictionary_.synsets.end()) phrases.insert(phrases.end(), inner->second.begin(), inner->second.end());
      return;
    }
    ActorPhrase p = phrase_of(trimmed(content));
    if (p.words.empty()) return;
    phrases.push_back(p.words);
    if (!no_plurals_ && p.last_word_is_stem) {
      p.words.back() = regular_plural(p.words.back());
      phrases.push_back(std::move(p.words));
    }
  }

  // --- NAME [CODE] ---
  void block(std::string_view content, int number, int column) {
    synset_name_.clear();
    std::string_view inside = trimmed(content.substr(3));
    if (inside.ends_with("---")) inside = trimmed(inside.substr(0, inside.size() - 3));
    const auto coded = split_code(inside, number, column + static_cast<int>(inside.data() - content.data()), d_);
    if (!coded) return;
    dictionary_.blocks.push_back({upper(coded->before), coded->code.value_or("---"), {}, {}, number});
  }

  VerbBlock* current(int number, int column, std::string_view what) {
    if (dictionary_.blocks.empty()) {
      skipped(d_, {number, column}, fmt::format("{} before the first verb block ('--- NAME [CODE] ---')", what));
      return nullptr;
    }
    return &dictionary_.blocks.back();
  }

  // A form's words from "WIRE_+TAP" or "+CORDON_OFF": '+' marks the verb among several words.
  static VerbForm form_of(std::string_view written, std::string code) {
    VerbForm form;
    form.code = std::move(code);
    std::string word;
    auto flush = [&] {
      if (word.empty()) return;
      if (word.front() == '+') form.verb_word = form.words.size(), word.erase(0, 1);
      form.words.push_back(upper(word));
      word.clear();
    };
    for (char c : written) (c == '_' || c == ' ') ? flush() : void(word += c);
    flush();
    return form;
  }

  // VERB {IRREGULAR FORMS} [CODE]
  void verb(std::string_view content, int number, int column) {
    synset_name_.clear();
    VerbBlock* block = current(number, column, "a verb");
    if (!block) return;
    const auto coded = split_code(content, number, column, d_);
    if (!coded) return;
    std::string_view written = coded->before;
    std::vector<std::string_view> irregular;
    if (const auto brace = written.find('{'); brace != std::string_view::npos) {
      const auto close = written.find('}', brace);
      if (close == std::string_view::npos) {
        skipped(d_, {number, column + static_cast<int>(brace)}, "irregular forms opened with '{' are not closed with '}'");
        return;
      }
      irregular = split_on(written.substr(brace + 1, close - brace - 1), " \t");
      written = trimmed(written.substr(0, brace));
    }
    if (written.empty()) {
      skipped(d_, {number, column}, "a verb line needs the verb");
      return;
    }
    const std::string code = coded->code.value_or("");
    VerbForm base = form_of(written, code);
    block->forms.push_back(base);
    if (!irregular.empty()) {
      for (auto form : irregular) block->forms.push_back(form_of(form, code));
      return;
    }
    for (auto& regular : regular_verb_forms(base.words[base.verb_word])) {
      VerbForm f = base;
      f.words[f.verb_word] = std::move(regular);
      block->forms.push_back(std::move(f));
    }
  }

  // - BEFORE * AFTER [CODE], TABARI's word sequence with PETRARCH-2's braces and parentheses read
  // as the words they hold.
  void pattern(std::string_view content, int number, int column) {
    synset_name_.clear();
    VerbBlock* block = current(number, column, "a pattern");
    if (!block) return;
    const auto coded = split_code(content, number, column, d_);
    if (!coded) return;
    if (!coded->code) {
      skipped(d_, {number, column}, "a pattern needs its code in [...] at the end");
      return;
    }
    VerbPattern pattern{{}, {}, *coded->code, number};
    bool seen_verb = false;
    std::string element;
    auto flush = [&](bool adjacent) {
      if (element.empty()) {
        if (adjacent) {  // "KNOWN_ *": the '_' ties the element before to the next
          auto& side = seen_verb ? pattern.after : pattern.before;
          if (!side.empty()) side.back().adjacent = true;
        }
        return;
      }
      if (element == "*") {
        seen_verb = true;
      } else {
        PatternElement e;
        e.adjacent = adjacent;
        if (element == "$") e.kind = PatternElement::Kind::source;
        else if (element == "+") e.kind = PatternElement::Kind::target;
        else if (element == "%") e.kind = PatternElement::Kind::compound;
        else if (element == "^") e.kind = PatternElement::Kind::skip;
        else if (element.front() == '&') e.kind = PatternElement::Kind::synset, e.text = upper(element.substr(1));
        else e.text = upper(element);
        (seen_verb ? pattern.after : pattern.before).push_back(std::move(e));
      }
      element.clear();
    };
    for (char c : coded->before) {
      if (c == '(' || c == ')' || c == '{' || c == '}') continue;
      if (c == '_') flush(true);
      else if (c == ' ' || c == '\t') flush(false);
      else if (c == '*') flush(false), element = "*", flush(false);  // "*SCEPTICAL" too
      else if ((c == '+' || c == '$' || c == '%' || c == '^') && !element.empty()) flush(false), element = c;
      else element += c;
    }
    flush(false);
    if (!seen_verb) {
      skipped(d_, {number, column}, "a pattern needs '*' where the verb stands");
      return;
    }
    for (const auto& e : pattern.before)
      if (e.kind == PatternElement::Kind::synset && !dictionary_.synsets.contains(e.text))
        return d_.warning({number, column}, fmt::format("the synset &{} is not defined before this pattern; the pattern is skipped, as PETRARCH does", e.text));
    for (const auto& e : pattern.after)
      if (e.kind == PatternElement::Kind::synset && !dictionary_.synsets.contains(e.text))
        return d_.warning({number, column}, fmt::format("the synset &{} is not defined before this pattern; the pattern is skipped, as PETRARCH does", e.text));
    block->patterns.push_back(std::move(pattern));
  }

  Diagnostics& d_;
  VerbDictionary dictionary_;
  std::string synset_name_;  // the synset whose '+' lines these are; empty inside a verb block
  int synset_line_ = 0;
  bool no_plurals_ = false;
};

class AgentReader {
 public:
  explicit AgentReader(Diagnostics& d) : d_(d) {}

  void line(std::string_view raw, int number) {
    const auto read = content_of(raw);
    if (!read) return;
    const auto [content, column] = *read;
    const auto macro_end = content.front() == '!' ? content.find('!', 1) : std::string_view::npos;
    if (macro_end != std::string_view::npos && trimmed(content.substr(macro_end + 1)).starts_with('=')) return macro(content, number, column);
    if (content.front() == '!' && content.find('=') != std::string_view::npos) return macro(content, number, column);
    entry(content, number, column);
  }

  AgentDictionary result() && { return std::move(dictionary_); }

 private:
  // !NAME! = A, B, C: the words a '!NAME!' inside a phrase stands for.
  void macro(std::string_view content, int number, int column) {
    const auto close = content.find('!', 1);
    const auto equals = content.find('=');
    if (close == std::string_view::npos || equals == std::string_view::npos || equals < close) {
      skipped(d_, {number, column}, fmt::format("a substitution is written !NAME! = WORD, WORD; found '{}'", content));
      return;
    }
    auto& words = macros_[std::string(content.substr(0, close + 1))];
    for (auto word : split_on(content.substr(equals + 1), " ,\t")) words.push_back(upper(word));
  }

  // PHRASE {PLURALS} [~CODE]; {} for none, no braces for the regular plural.
  void entry(std::string_view content, int number, int column) {
    const auto coded = split_code(content, number, column, d_);
    if (!coded) return;
    if (!coded->code || coded->code->find('~') == std::string::npos) {
      skipped(d_, {number, column}, fmt::format("an agent needs its code as [~CODE] (appended) or [CODE~] (prefixed); found '{}'", content));
      return;
    }
    std::string_view written = coded->before;
    std::optional<std::string_view> plurals;
    if (const auto brace = written.find('{'); brace != std::string_view::npos) {
      const auto close = written.find('}', brace);
      if (close == std::string_view::npos) {
        skipped(d_, {number, column + static_cast<int>(brace)}, "plurals opened with '{' are not closed with '}'");
        return;
      }
      plurals = written.substr(brace + 1, close - brace - 1);
      written = trimmed(written.substr(0, brace));
    }
    for (const auto& expanded : substituted(std::string(written))) {
      add(expanded, *coded->code, number);
      if (!plurals) {
        ActorPhrase p = phrase_of(expanded);
        if (!p.words.empty()) {
          p.words.back() = regular_plural(p.words.back());
          dictionary_.entries.push_back({std::move(p), *coded->code, number});
          dictionary_.entries.back().phrase.last_word_is_stem = false;
        }
      }
    }
    if (plurals)
      for (auto plural : split_on(*plurals, " \t"))
        for (const auto& expanded : substituted(std::string(plural))) add(expanded, *coded->code, number);
  }

  void add(const std::string& written, const std::string& code, int number) {
    ActorPhrase p = phrase_of(written);
    if (p.words.empty()) return;
    p.last_word_is_stem = false;  // PRESIDENT is not PRESIDENTIAL
    dictionary_.entries.push_back({std::move(p), code, number});
  }

  // The phrase with its first !NAME! replaced by each of the words it stands for, and so on.
  std::vector<std::string> substituted(const std::string& written) const {
    const auto open = written.find('!');
    const auto close = open == std::string::npos ? std::string::npos : written.find('!', open + 1);
    if (close == std::string::npos) return {written};
    const auto macro = macros_.find(written.substr(open, close - open + 1));
    if (macro == macros_.end()) return {written};
    std::vector<std::string> out;
    for (const auto& word : macro->second)
      for (auto& s : substituted(written.substr(0, open) + word + written.substr(close + 1))) out.push_back(std::move(s));
    return out;
  }

  Diagnostics& d_;
  AgentDictionary dictionary_;
  std::map<std::string, std::vector<std::string>> macros_;
};

// Reads `text` line by line with block comments blanked, errors sorted by place.
template <class Reader>
auto read_lines(std::string_view text, Diagnostics& d) -> std::optional<decltype(std::declval<Reader>().result())> {
  const auto checked = dictionary_text(text, d);
  if (!checked) return std::nullopt;
  const std::string plain = without_block_comments(*checked, d);
  Reader reader(d);
  const auto lines = split_lines(plain);
  for (std::size_t k = 0; k < lines.size(); ++k) reader.line(lines[k], static_cast<int>(k) + 1);
  d.sort_by_location();
  if (!d.empty()) return std::nullopt;
  return std::move(reader).result();
}

class DiscardReader {
 public:
  explicit DiscardReader(Diagnostics&) {}
  void line(std::string_view raw, int number) {
    std::string_view content = trimmed(without_comment(raw));
    if (content.empty()) return;
    const bool whole_story = content.front() == '+';
    if (whole_story) content = trimmed(content.substr(1));
    ActorPhrase p = phrase_of(content);
    if (!p.words.empty()) list_.entries.push_back({std::move(p), whole_story, number});
  }
  DiscardList result() && { return std::move(list_); }

 private:
  DiscardList list_;
};

}  // namespace

std::optional<ActorDictionary> read_petrarch_actors(std::string_view text, Diagnostics& d) {
  const auto checked = dictionary_text(text, d);
  if (!checked) return std::nullopt;
  const std::string plain = without_block_comments(*checked, d);
  ActorReader reader(d);
  const auto lines = split_lines(plain), originals = split_lines(*checked);
  for (std::size_t k = 0; k < lines.size() && k < originals.size(); ++k) reader.line(lines[k], originals[k], static_cast<int>(k) + 1);
  d.sort_by_location();  // an unclosed comment, found first, in its place among the others
  if (!d.empty()) return std::nullopt;
  return std::move(reader).result();
}

}  // namespace statecraft

namespace statecraft {

std::optional<VerbDictionary> read_petrarch_verbs(std::string_view text, Diagnostics& d) { return read_lines<VerbReader>(text, d); }
std::optional<AgentDictionary> read_petrarch_agents(std::string_view text, Diagnostics& d) { return read_lines<AgentReader>(text, d); }
std::optional<DiscardList> read_petrarch_discards(std::string_view text, Diagnostics& d) { return read_lines<DiscardReader>(text, d); }

}  // namespace statecraft
