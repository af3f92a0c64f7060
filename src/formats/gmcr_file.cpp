#include "formats/gmcr_file.hpp"

#include <cctype>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <set>

#include "scenario/states.hpp"
#include "scenario/ids.hpp"
#include "scenario/text_lines.hpp"

namespace statecraft {
namespace {

using nlohmann::json;

// Keys and array indices (in decimal) from the document's root to a value.
using Path = std::vector<std::string>;

// Offset of the first '[' or '{' that opens more than max_gmcr_nesting containers, if any; read
// before parsing, so no part of the reader ever walks a deeper document.
std::optional<std::size_t> too_deep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_gmcr_nesting) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

// Where the value at a path starts in the (valid, depth-checked) JSON text, found by scanning it
// again: the parsed document does not keep positions, and this runs only for an error.
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}

  std::size_t offset_of(const Path& path) const {
    std::size_t at = skip_space(0);
    for (const auto& step : path) {
      const auto next = step_into(at, step);
      if (!next) break;  // not there: point at the container
      at = *next;
    }
    return at;
  }

 private:
  std::optional<std::size_t> step_into(std::size_t at, const std::string& step) const {
    if (at >= text_.size()) return std::nullopt;
    if (text_[at] == '[') {
      std::size_t index = 0;
      for (char c : step) index = index * 10 + static_cast<std::size_t>(c - '0');
      at = skip_space(at + 1);
      for (std::size_t i = 0; i < index && at < text_.size() && text_[at] != ']'; ++i) at = after_separator(skip_value(at));
      return at < text_.size() && text_[at] != ']' ? std::optional(at) : std::nullopt;
    }
    if (text_[at] != '{') return std::nullopt;
    std::optional<std::size_t> found;  // the last of repeated keys, as the parser keeps it
    at = skip_space(at + 1);
    while (at < text_.size() && text_[at] == '"') {
      const std::size_t key_end = skip_value(at);
      const std::size_t value = skip_space(skip_space(key_end) + 1);  // past ':'
      if (json::parse(text_.substr(at, key_end - at), nullptr, false) == step) found = value;
      at = after_separator(skip_value(value));
    }
    return found;
  }

  std::size_t skip_space(std::size_t at) const {
    while (at < text_.size() && std::isspace(static_cast<unsigned char>(text_[at]))) ++at;
    return at;
  }

  std::size_t after_separator(std::size_t at) const {
    at = skip_space(at);
    return at < text_.size() && text_[at] == ',' ? skip_space(at + 1) : at;
  }

  // Past one value: a string, a container with everything in it, or a literal.
  std::size_t skip_value(std::size_t at) const {
    int depth = 0;
    bool in_string = false;
    for (; at < text_.size(); ++at) {
      const char c = text_[at];
      if (in_string) {
        if (c == '\\') {
          ++at;
        } else if (c == '"') {
          in_string = false;
          if (depth == 0) return at + 1;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '[' || c == '{') {
        ++depth;
      } else if (c == ']' || c == '}') {
        if (depth == 0) return at;
        if (--depth == 0) return at + 1;
      } else if (depth == 0 && (c == ',' || std::isspace(static_cast<unsigned char>(c)))) {
        return at;
      }
    }
    return at;
  }

  std::string_view text_;
};

// Where a syntax error is, from the library's own parser run as a reader of events.
struct SyntaxError : nlohmann::json_sax<json> {
  std::size_t position = 0;
  std::string message;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t at, const std::string& last_token, const json::exception& e) override {
    // `at` counts the characters read: a number too large has been read whole, a syntax error up
    // to the character that does not fit.
    if (e.id == 406) {
      position = at >= last_token.size() ? at - last_token.size() : 0;
      message = fmt::format("the number {} is out of range", last_token);
    } else {
      position = at > 0 ? at - 1 : 0;
      const std::string what = e.what();
      const auto reason = what.find(": ");  // after "[json.exception…] parse error at line L, column C"
      message = reason == std::string::npos ? what : what.substr(reason + 2);
    }
    return false;
  }
};

std::string option_id(const std::string& name, std::size_t index, std::set<std::string>& used) {
  std::string id;
  for (char c : name) id += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '_';
  if (id.empty() || std::isdigit(static_cast<unsigned char>(id[0]))) id = "o" + id;
  if (id == "none" || id == "true" || id == "false" || !used.insert(id).second) {
    id += "_" + std::to_string(index + 1);
    used.insert(id);
  }
  return id;
}

// A value of the document with its path, so that a message about it can say where it is.
struct Node {
  const json& value;
  Path path;

  bool has(const char* key) const { return value.is_object() && value.contains(key); }
  Node operator[](const char* key) const { return {value.at(key), extended(key)}; }
  Node item(std::size_t index) const { return {value.at(index), extended(std::to_string(index))}; }
  std::size_t size() const { return value.is_array() ? value.size() : 0; }
  // A short excerpt for messages.
  std::string brief() const {
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
  }

 private:
  Path extended(std::string step) const {
    Path longer = path;
    longer.push_back(std::move(step));
    return longer;
  }
};

class Reader {
 public:
  Reader(std::string_view text, const json& doc, Diagnostics& d) : locator_(text), text_(text), root_{doc, {}}, d_(d) {}

  std::optional<Scenario> read(const std::string& id) {
    Scenario s;
    s.id = id;
    s.title = id;
    if (!root_.value.is_object()) {
      error(root_, "a gmcr file is a JSON object with 'options' and 'decisionMakers'");
      return std::nullopt;
    }
    const auto options = list(root_, "options"), makers = list(root_, "decisionMakers");
    if (!options || !makers) return std::nullopt;
    Conflict c;
    std::set<std::string> used;
    for (std::size_t o = 0; o < options->size(); ++o) {
      const Node option = options->item(o);
      Option out;
      out.name = text(option, "name", fmt::format("option {}", o));
      out.id = option_id(out.name, o, used);
      out.reversible = direction(option, o);
      c.options.push_back(out);
    }
    if (c.options.size() > 24) error(*options, fmt::format("{} options: statecraft reads gmcr files of at most 24 options", c.options.size()));
    std::vector<std::string> names;
    for (std::size_t m = 0; m < makers->size(); ++m) names.push_back(text(makers->item(m), "name", "a decision maker"));
    const auto ids = actor_ids_from_names(names);
    for (std::size_t m = 0; m < makers->size(); ++m) {
      Actor a;
      a.id = ids[m];
      a.name = names[m];
      a.capability = number_of(1);
      s.actors.push_back(a);
      const auto owned = list(makers->item(m), "options", names[m]);
      if (!owned) continue;
      for (std::size_t k = 0; k < owned->size(); ++k) {
        const Node o = owned->item(k);
        if (const auto index = option_number(o, c)) c.options[*index].actor = ids[m];
        else error(o, fmt::format("decision maker '{}' holds option {}, which does not exist", names[m], o.brief()));
      }
    }
    for (std::size_t o = 0; o < c.options.size(); ++o)
      if (c.options[o].actor.empty()) error(options->item(o), fmt::format("option '{}' belongs to no decision maker", c.options[o].name));
    if (root_.has("infeasibles"))
      if (const auto infeasibles = list(root_, "infeasibles"))
        for (std::size_t r = 0; r < infeasibles->size(); ++r) c.infeasible.push_back(statement(infeasibles->item(r), c));
    const bool manual_ranking = flag("useManualPreferenceRanking") || flag("useManualPreferenceVectors");
    if (!d_.empty()) return std::nullopt;

    // Manual rankings name states by gmcr-py's numbers, which need the feasible states.
    for (auto& st : c.infeasible) resolve(st, c);
    const auto feasible = feasible_states(c);
    for (std::size_t m = 0; m < makers->size(); ++m) {
      const Node maker = makers->item(m);
      Preferences p;
      p.actor = ids[m];
      const char* ranking_key = maker.has("preferenceRanking") ? "preferenceRanking" : "preferenceVector";
      if (manual_ranking && maker.has(ranking_key)) {
        p.by_ranking = true;
        if (const auto levels = list(maker, ranking_key, names[m]))
          for (std::size_t l = 0; l < levels->size(); ++l) p.ranking.push_back(ranking_level(levels->item(l), feasible, c, names[m]));
      } else if (maker.has("preferences")) {
        if (const auto rows = list(maker, "preferences", names[m]))
          for (std::size_t r = 0; r < rows->size(); ++r) p.statements.push_back(statement(rows->item(r), c));
      } else {
        error(maker, fmt::format("decision maker '{}' has neither preferences nor a ranking", names[m]));
      }
      // Decision makers without options (observers in some files) have no place in the model.
      if (!std::any_of(c.options.begin(), c.options.end(), [&](const Option& o) { return o.actor == ids[m]; })) continue;
      c.preferences.push_back(p);
      if (!maker.has("misperceptions")) continue;
      const auto rows = list(maker, "misperceptions", names[m]);
      if (!rows || rows->size() == 0) continue;
      Misperception mis{ids[m], {}, {}};
      for (std::size_t r = 0; r < rows->size(); ++r) mis.statements.push_back(statement(rows->item(r), c));
      c.misperceptions.push_back(mis);
    }
    if (!d_.empty()) return std::nullopt;
    s.conflict = c;
    return s;
  }

 private:
  void error(const Node& at, std::string message) {
    // Locating rescans the text: skipped once no more messages are kept, or many errors in one
    // long list would cost time quadratic in the file's size.
    if (d_.full()) return d_.error({}, std::move(message));
    const auto [line, column] = line_and_column(text_, locator_.offset_of(at.path));
    d_.error({line, column}, std::move(message));
  }

  // The list under `key`, or nullopt (with a message) when it is missing or not a list.
  std::optional<Node> list(const Node& object, const char* key, const std::string& what = "the file") {
    if (!object.has(key)) {
      error(object, fmt::format("{} lacks '{}'", what, key));
      return std::nullopt;
    }
    Node value = object[key];
    if (value.value.is_array()) return value;
    error(value, fmt::format("'{}' must be a list, found {}", key, value.brief()));
    return std::nullopt;
  }

  std::string text(const Node& object, const char* key, const std::string& fallback) {
    if (object.has(key) && object[key].value.is_string()) return object[key].value.get<std::string>();
    error(object.has(key) ? object[key] : object, fmt::format("{} lacks a text '{}'", fallback, key));
    return fallback;
  }

  // A true/false setting of the file; absent means false.
  bool flag(const char* key) {
    if (!root_.has(key)) return false;
    const Node value = root_[key];
    if (value.value.is_boolean()) return value.value.get<bool>();
    error(value, fmt::format("'{}' must be true or false, found {}", key, value.brief()));
    return false;
  }

  Reversibility direction(const Node& option, std::size_t o) {
    if (!option.has("permittedDirection")) return Reversibility::Both;
    const Node value = option["permittedDirection"];
    const std::string direction = value.value.is_string() ? value.value.get<std::string>() : std::string();
    if (direction == "fwd") return Reversibility::Forward;
    if (direction == "back") return Reversibility::Backward;
    if (direction != "both") error(value, fmt::format("option {}: permittedDirection {} is not \"fwd\", \"back\" or \"both\"", o, value.brief()));
    return Reversibility::Both;
  }

  static std::optional<std::size_t> option_number(const Node& o, const Conflict& c) {
    if (!o.value.is_number_unsigned() || o.value.get<std::uint64_t>() >= c.options.size()) return std::nullopt;
    return o.value.get<std::size_t>();
  }

  // [[option, "Y"|"N"], ...] is a conjunction; {"compound": true, "members": [...]} a disjunction
  // of conditions, compounds included. Disjunctions of disjunctions are one disjunction, so
  // nested compounds are flattened (with a stack of our own, not the call stack).
  std::string expression(const Node& row, const Conflict& c) {
    std::vector<std::string> disjuncts;
    std::vector<Node> pending{row};
    while (!pending.empty()) {
      const Node at = std::move(pending.back());
      pending.pop_back();
      if (!is_compound(at)) {
        disjuncts.push_back(conjunction(at, c));
        continue;
      }
      const Node members = at["members"];
      for (std::size_t k = members.size(); k-- > 0;) pending.push_back(members.item(k));  // in order
      if (members.size() == 0) error(at, "a compound condition needs a list of members");
    }
    if (disjuncts.empty()) return "false_condition";  // reported above
    if (disjuncts.size() == 1) return disjuncts.front();
    for (auto& d : disjuncts) d = "(" + d + ")";
    return fmt::format("{}", fmt::join(disjuncts, " | "));
  }

  static bool is_compound(const Node& row) {
    return row.has("compound") && row["compound"].value == true && row.has("members");
  }

  std::string conjunction(const Node& row, const Conflict& c) {
    std::vector<std::string> literals;
    for (std::size_t k = 0; k < row.size(); ++k) {
      const Node literal = row.item(k);
      const auto option = literal.size() == 2 ? option_number(literal.item(0), c) : std::nullopt;
      if (!option || !literal.value[1].is_string()) {
        error(literal, fmt::format("a condition must be [option, \"Y\" or \"N\"], found {}", literal.brief()));
        continue;
      }
      const std::string value = literal.value[1].get<std::string>();
      if (value != "Y" && value != "N") error(literal.item(1), fmt::format("a condition's value must be \"Y\" or \"N\", found \"{}\"", value));
      literals.push_back((value == "N" ? "!" : "") + c.options[*option].id);
    }
    if (literals.empty()) {
      error(row, fmt::format("an empty condition: {}", row.brief()));
      return "false_condition";
    }
    return fmt::format("{}", fmt::join(literals, " & "));
  }

  // Parsed here; check_scenario resolves the option names like those of any scenario.
  Statement statement(const Node& row, const Conflict& c) {
    Statement s;
    s.text = expression(row, c);
    auto parsed = parse_expression(s.text);
    if (auto* e = std::get_if<Expression>(&parsed)) s.expression = std::move(*e);
    else error(row, "cannot read this condition: " + std::get<ExpressionError>(parsed).message);
    return s;
  }

  void resolve(Statement& s, const Conflict& c) {
    resolve_options(s.expression, [&](const std::string& id) { return option_index(c, id); });
  }

  // One level of a ranking: a state number, or a list of tied ones.
  std::vector<RankedState> ranking_level(const Node& level, const std::vector<StateBits>& feasible, const Conflict& c, const std::string& maker) {
    std::vector<RankedState> group;
    if (!level.value.is_array()) {
      group.push_back(ranked_state(level, feasible, c, maker));
      return group;
    }
    for (std::size_t k = 0; k < level.size(); ++k) group.push_back(ranked_state(level.item(k), feasible, c, maker));
    return group;
  }

  RankedState ranked_state(const Node& number, const std::vector<StateBits>& feasible, const Conflict& c, const std::string& maker) {
    RankedState r;
    if (!number.value.is_number_unsigned() || number.value.get<std::uint64_t>() < 1 || number.value.get<std::uint64_t>() > feasible.size()) {
      error(number, fmt::format("{}'s ranking names state {}; the states are numbered 1 to {}", maker, number.brief(), feasible.size()));
      return r;
    }
    r.state = feasible[number.value.get<std::size_t>() - 1];
    std::vector<std::string> taken;
    for (std::size_t o = 0; o < c.options.size(); ++o)
      if (r.state >> o & 1U) taken.push_back(c.options[o].id);
    r.text = taken.empty() ? "none" : fmt::format("{}", fmt::join(taken, " + "));
    return r;
  }

  Locator locator_;
  std::string_view text_;
  Node root_;
  Diagnostics& d_;
};

}  // namespace

std::optional<Scenario> read_gmcr_file(std::string_view text, const std::string& id, Diagnostics& diagnostics) {
  if (const auto deep = too_deep(text)) {
    const auto [line, column] = line_and_column(text, *deep);
    diagnostics.error({line, column}, fmt::format("the file is nested too deep: more than {} lists and objects inside one another", max_gmcr_nesting));
    return std::nullopt;
  }
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    SyntaxError syntax;
    json::sax_parse(text, &syntax);
    const auto [line, column] = line_and_column(text, syntax.position);
    diagnostics.error({line, column}, "invalid JSON: " + syntax.message);
    return std::nullopt;
  }
  return Reader(text, doc, diagnostics).read(id);
}

}  // namespace statecraft
