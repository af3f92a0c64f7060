#include "scenario/gmcr_file.hpp"

#include <cctype>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <set>

#include "conflict/states.hpp"
#include "scenario/ids.hpp"
#include "scenario/text_lines.hpp"

namespace statecraft {
namespace {

using nlohmann::json;

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

class Reader {
 public:
  Reader(const json& doc, Diagnostics& d) : doc_(doc), d_(d) {}

  std::optional<Scenario> read(const std::string& id) {
    Scenario s;
    s.id = id;
    s.title = id;
    const json* options = member(doc_, "options", "the file");
    const json* makers = member(doc_, "decisionMakers", "the file");
    if (!options || !makers || !options->is_array() || !makers->is_array()) {
      if (options && makers) d_.error({}, "'options' and 'decisionMakers' must be lists");
      return std::nullopt;
    }
    Conflict c;
    std::set<std::string> used;
    for (std::size_t o = 0; o < options->size(); ++o) {
      const json& option = (*options)[o];
      Option out;
      out.name = text(option, "name", fmt::format("option {}", o));
      out.id = option_id(out.name, o, used);
      const std::string direction = option.is_object() && option.contains("permittedDirection") ? option["permittedDirection"].get<std::string>() : "both";
      if (direction == "fwd") out.reversible = Reversibility::Forward;
      else if (direction == "back") out.reversible = Reversibility::Backward;
      else if (direction != "both") d_.error({}, fmt::format("option {}: permittedDirection '{}' is not fwd, back or both", o, direction));
      c.options.push_back(out);
    }
    if (c.options.size() > 24) d_.error({}, fmt::format("{} options: statecraft reads gmcr files of at most 24 options", c.options.size()));
    std::vector<std::string> names;
    for (const auto& maker : *makers) names.push_back(text(maker, "name", "a decision maker"));
    const auto ids = actor_ids_from_names(names);
    for (std::size_t m = 0; m < makers->size(); ++m) {
      Actor a;
      a.id = ids[m];
      a.name = names[m];
      a.capability = number_of(1);
      s.actors.push_back(a);
      const json* owned = member((*makers)[m], "options", names[m]);
      if (!owned || !owned->is_array()) continue;
      for (const auto& o : *owned) {
        if (!o.is_number_integer() || o.get<long>() < 0 || o.get<std::size_t>() >= c.options.size()) {
          d_.error({}, fmt::format("decision maker '{}' holds option {}, which does not exist", names[m], o.dump()));
          continue;
        }
        c.options[o.get<std::size_t>()].actor = ids[m];
      }
    }
    for (std::size_t o = 0; o < c.options.size(); ++o)
      if (c.options[o].actor.empty()) d_.error({}, fmt::format("option '{}' belongs to no decision maker", c.options[o].name));
    if (const json* infeasibles = doc_.contains("infeasibles") ? &doc_["infeasibles"] : nullptr)
      for (const auto& row : *infeasibles) c.infeasible.push_back(statement(row, c));
    if (!d_.empty()) return std::nullopt;

    // Manual rankings name states by gmcr-py's numbers, which need the feasible states.
    for (auto& st : c.infeasible) resolve(st, c);
    const auto feasible = feasible_states(c);
    const bool manual_ranking = doc_.value("useManualPreferenceRanking", false) || doc_.value("useManualPreferenceVectors", false);
    for (std::size_t m = 0; m < makers->size(); ++m) {
      const json& maker = (*makers)[m];
      Preferences p;
      p.actor = ids[m];
      const char* ranking_key = maker.contains("preferenceRanking") ? "preferenceRanking" : "preferenceVector";
      if (manual_ranking && maker.contains(ranking_key)) {
        p.by_ranking = true;
        for (const auto& level : maker[ranking_key]) {
          std::vector<RankedState> group;
          for (const auto& number : level.is_array() ? level : json::array({level})) group.push_back(ranked_state(number, feasible, c, names[m]));
          p.ranking.push_back(group);
        }
      } else if (maker.contains("preferences") && maker["preferences"].is_array()) {
        for (const auto& row : maker["preferences"]) p.statements.push_back(statement(row, c));
      } else {
        d_.error({}, fmt::format("decision maker '{}' has neither preferences nor a ranking", names[m]));
      }
      // Decision makers without options (observers in some files) have no place in the model.
      if (!std::any_of(c.options.begin(), c.options.end(), [&](const Option& o) { return o.actor == ids[m]; })) continue;
      c.preferences.push_back(p);
      if (maker.contains("misperceptions") && maker["misperceptions"].is_array() && !maker["misperceptions"].empty()) {
        Misperception mis{ids[m], {}, {}};
        for (const auto& row : maker["misperceptions"]) mis.statements.push_back(statement(row, c));
        c.misperceptions.push_back(mis);
      }
    }
    if (!d_.empty()) return std::nullopt;
    s.conflict = c;
    return s;
  }

 private:
  const json* member(const json& object, const char* key, const std::string& what) {
    if (object.is_object() && object.contains(key)) return &object[key];
    d_.error({}, fmt::format("{} lacks '{}'", what, key));
    return nullptr;
  }

  std::string text(const json& object, const char* key, const std::string& fallback) {
    if (object.is_object() && object.contains(key) && object[key].is_string()) return object[key].get<std::string>();
    d_.error({}, fmt::format("{} lacks a text '{}'", fallback, key));
    return fallback;
  }

  // [[option, "Y"|"N"], ...] is a conjunction; {"compound": true, "members": [...]} a disjunction.
  std::string expression(const json& row, const Conflict& c) {
    if (row.is_object() && row.value("compound", false) && row.contains("members")) {
      std::vector<std::string> parts;
      for (const auto& member : row["members"]) parts.push_back("(" + expression(member, c) + ")");
      return fmt::format("{}", fmt::join(parts, " | "));
    }
    std::vector<std::string> literals;
    if (row.is_array())
      for (const auto& literal : row) {
        if (!literal.is_array() || literal.size() != 2 || !literal[0].is_number_integer() || !literal[1].is_string() ||
            literal[0].get<long>() < 0 || literal[0].get<std::size_t>() >= c.options.size()) {
          d_.error({}, fmt::format("a condition must be [option, \"Y\" or \"N\"], found {}", literal.dump()));
          continue;
        }
        const std::string value = literal[1].get<std::string>();
        if (value != "Y" && value != "N") d_.error({}, fmt::format("a condition's value must be \"Y\" or \"N\", found \"{}\"", value));
        literals.push_back((value == "N" ? "!" : "") + c.options[literal[0].get<std::size_t>()].id);
      }
    if (literals.empty()) {
      d_.error({}, fmt::format("an empty condition: {}", row.dump()));
      return "false_condition";
    }
    return fmt::format("{}", fmt::join(literals, " & "));
  }

  // Parsed here; check_scenario resolves the option names like those of any scenario.
  Statement statement(const json& row, const Conflict& c) {
    Statement s;
    s.text = expression(row, c);
    auto parsed = parse_expression(s.text);
    if (auto* e = std::get_if<Expression>(&parsed)) s.expression = std::move(*e);
    else d_.error({}, "cannot read the condition " + s.text + ": " + std::get<ExpressionError>(parsed).message);
    return s;
  }

  void resolve(Statement& s, const Conflict& c) {
    resolve_options(s.expression, [&](const std::string& id) { return option_index(c, id); });
  }

  RankedState ranked_state(const json& number, const std::vector<StateBits>& feasible, const Conflict& c, const std::string& maker) {
    RankedState r;
    if (!number.is_number_integer() || number.get<long>() < 1 || number.get<std::size_t>() > feasible.size()) {
      d_.error({}, fmt::format("{}'s ranking names state {}; the states are numbered 1 to {}", maker, number.dump(), feasible.size()));
      return r;
    }
    r.state = feasible[number.get<std::size_t>() - 1];
    std::vector<std::string> taken;
    for (std::size_t o = 0; o < c.options.size(); ++o)
      if (r.state >> o & 1U) taken.push_back(c.options[o].id);
    r.text = taken.empty() ? "none" : fmt::format("{}", fmt::join(taken, " + "));
    return r;
  }

  const json& doc_;
  Diagnostics& d_;
};

}  // namespace

std::optional<Scenario> read_gmcr_file(std::string_view text, const std::string& id, Diagnostics& diagnostics) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    const auto [line, column] = line_and_column(text, e.byte > 0 ? e.byte - 1 : 0);
    diagnostics.error({line, column}, std::string("invalid JSON: ") + e.what());
    return std::nullopt;
  }
  try {
    return Reader(doc, diagnostics).read(id);
  } catch (const json::exception& e) {
    diagnostics.error({}, std::string("unexpected content: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace statecraft
