#include "report/stability_report.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <limits>
#include <set>

#include "conflict/evolution.hpp"
#include "conflict/states.hpp"
#include "report/table.hpp"

namespace statecraft {
namespace {

std::vector<std::string> taken_by(const Conflict& c, const std::string& maker, StateBits bits) {
  std::vector<std::string> taken;
  for (std::size_t o = 0; o < c.options.size(); ++o)
    if (c.options[o].actor == maker && (bits >> o & 1U)) taken.push_back(c.options[o].id);
  return taken;
}

std::string meaning_of(const Conflict& c, const GraphModel& model, StateBits bits) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < model.decision_maker_count(); ++i) {
    const auto taken = taken_by(c, model.decision_maker(i), bits);
    parts.push_back(fmt::format("{}: {}", model.decision_maker(i), taken.empty() ? std::string("nothing") : fmt::format("{}", fmt::join(taken, ", "))));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

// "USA takes sanctions and withdraws india_tariffs"
std::string step_in_words(const Conflict& c, const GraphModel& model, const Step& step) {
  const std::string& maker = model.decision_maker(step.maker);
  const StateBits from = model.state(step.from), to = model.state(step.to);
  std::vector<std::string> taken, withdrawn;
  for (std::size_t o = 0; o < c.options.size(); ++o) {
    const StateBits bit = StateBits{1} << o;
    if ((to & bit) && !(from & bit)) taken.push_back(c.options[o].id);
    if ((from & bit) && !(to & bit)) withdrawn.push_back(c.options[o].id);
  }
  std::string text = maker;
  if (!taken.empty()) text += fmt::format(" takes {}", fmt::join(taken, ", "));
  if (!withdrawn.empty()) text += fmt::format("{} withdraws {}", taken.empty() ? "" : " and", fmt::join(withdrawn, ", "));
  return text;
}

constexpr std::array<const char*, 4> concept_labels{"Nash", "GMR", "SMR", "SEQ"};

std::string flags(const std::array<bool, 4>& which) {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < 4; ++k)
    if (which[k]) names.push_back(concept_labels[k]);
  return fmt::format("{}", fmt::join(names, " "));
}

CoalitionReport coalition_report(const Conflict& conflict, const GraphModel& model, const StabilityTable& table,
                                 const std::vector<std::string>& coalition, const StabilityReport& report) {
  CoalitionReport out;
  out.members = coalition;
  std::vector<std::size_t> members;
  for (const auto& id : coalition)
    for (std::size_t i = 0; i < model.decision_maker_count(); ++i)
      if (model.decision_maker(i) == id) members.push_back(i);
  const CoalitionStability c = analyse_coalition(model, members);
  auto outsiders_stable = [&](Concept k, std::size_t s) {
    for (std::size_t i = 0; i < model.decision_maker_count(); ++i)
      if (std::find(members.begin(), members.end(), i) == members.end() && !table.is_stable(k, i, s)) return false;
    return true;
  };
  for (std::size_t s = 0; s < model.state_count(); ++s) {
    if (c.nash[s] && outsiders_stable(Concept::Nash, s)) out.nash_equilibria.push_back(s + 1);
    if (c.seq[s] && outsiders_stable(Concept::SEQ, s)) out.seq_equilibria.push_back(s + 1);
  }
  if (report.status_quo)
    for (std::size_t t : c.improvements[*report.status_quo]) out.from_status_quo.push_back(fmt::format("state {} ({})", t + 1, meaning_of(conflict, model, model.state(t))));
  return out;
}

}  // namespace

std::vector<const StabilityRow*> ranked_equilibria(const StabilityReport& r) {
  std::vector<const StabilityRow*> equilibria;
  for (const auto& row : r.rows)
    if (std::any_of(row.equilibrium.begin(), row.equilibrium.end(), [](bool b) { return b; })) equilibria.push_back(&row);
  // Robust first (stable under more concepts), then those the status quo can reach, nearest first.
  auto key = [](const StabilityRow* row) {
    const auto concepts = std::count(row->equilibrium.begin(), row->equilibrium.end(), true);
    const std::size_t distance = row->path ? row->path->size() : std::numeric_limits<std::size_t>::max();
    return std::pair(-concepts, distance);
  };
  std::stable_sort(equilibria.begin(), equilibria.end(), [&](const StabilityRow* a, const StabilityRow* b) { return key(a) < key(b); });
  return equilibria;
}

StabilityReport stability_report(const Conflict& conflict, const std::vector<std::string>& coalition) {
  const GraphModel model(conflict);
  const StabilityTable table = analyse_stability(model);
  StabilityReport report;
  for (const auto& o : conflict.options) report.options.push_back(o.id);
  for (std::size_t i = 0; i < model.decision_maker_count(); ++i) report.decision_makers.push_back(model.decision_maker(i));
  std::optional<Evolution> evolution;
  if (conflict.status_quo_given) {
    const long start = model.index_of(status_quo_state(conflict));
    if (start >= 0) {
      report.status_quo = static_cast<std::size_t>(start);
      evolution = evolve_from(model, static_cast<std::size_t>(start));
    }
  }
  // Places in each ranking: 1 for the most preferred rank, ties sharing a place.
  std::vector<std::vector<Rank>> distinct(model.decision_maker_count());
  for (std::size_t i = 0; i < model.decision_maker_count(); ++i) {
    std::set<Rank, std::greater<>> ranks;
    for (std::size_t s = 0; s < model.state_count(); ++s) ranks.insert(model.rank(i, s));
    distinct[i].assign(ranks.begin(), ranks.end());
  }
  for (std::size_t s = 0; s < model.state_count(); ++s) {
    StabilityRow row;
    row.number = s + 1;
    row.bits = model.state(s);
    for (std::size_t o = 0; o < conflict.options.size(); ++o) row.pattern += (row.bits >> o & 1U) ? 'Y' : 'N';
    row.meaning = meaning_of(conflict, model, row.bits);
    for (std::size_t i = 0; i < model.decision_maker_count(); ++i) {
      const auto& d = distinct[i];
      row.place.push_back(static_cast<std::size_t>(std::find(d.begin(), d.end(), model.rank(i, s)) - d.begin()) + 1);
      std::array<bool, 4> stable{};
      for (std::size_t k = 0; k < 4; ++k) stable[k] = table.is_stable(all_concepts[k], i, s);
      row.stable.push_back(stable);
    }
    for (std::size_t k = 0; k < 4; ++k) row.equilibrium[k] = table.is_equilibrium(all_concepts[k], s);
    if (evolution && evolution->path[s]) {
      std::vector<std::string> words;
      for (const auto& step : *evolution->path[s]) words.push_back(step_in_words(conflict, model, step));
      row.path = words;
    }
    report.rows.push_back(std::move(row));
  }
  if (!coalition.empty()) report.coalition = coalition_report(conflict, model, table, coalition, report);
  return report;
}

std::string render_stability_text(const StabilityReport& r, bool full_table) {
  std::string out = fmt::format("Stability (Graph Model for Conflict Resolution): {} options, {} decision makers, {} feasible states\n",
                                r.options.size(), r.decision_makers.size(), r.rows.size());
  if (r.status_quo) out += fmt::format("Status quo: state {} ({})\n", r.rows[*r.status_quo].number, r.rows[*r.status_quo].meaning);
  out += "\nEquilibria (stable for every decision maker)\n";
  for (std::size_t k = 0; k < 4; ++k) {
    std::vector<std::string> numbers;
    for (const auto& row : r.rows)
      if (row.equilibrium[k]) numbers.push_back(std::to_string(row.number));
    out += fmt::format("  {:<5} {}\n", concept_labels[k], numbers.empty() ? std::string("none") : fmt::format("{}", fmt::join(numbers, ", ")));
  }
  const auto equilibria = ranked_equilibria(r);
  const std::size_t shown = std::min<std::size_t>(equilibria.size(), 12);
  if (shown) out += "\nWhat they mean\n";
  for (std::size_t e = 0; e < shown; ++e) {
    const StabilityRow& row = *equilibria[e];
    out += fmt::format("  state {} [{}]: {}\n", row.number, flags(row.equilibrium), row.meaning);
    if (!r.status_quo) continue;
    if (!row.path) out += "    not reachable from the status quo by unilateral improvements\n";
    else if (row.path->empty()) out += "    this is the status quo\n";
    else out += fmt::format("    from the status quo: {}\n", fmt::join(*row.path, ", then "));
  }
  if (equilibria.size() > shown) out += fmt::format("  … and {} more (--format csv lists every state)\n", equilibria.size() - shown);
  if (r.coalition) {
    const auto& c = *r.coalition;
    auto list = [](const std::vector<std::size_t>& numbers) { return numbers.empty() ? std::string("none") : fmt::format("{}", fmt::join(numbers, ", ")); };
    out += fmt::format("\nCoalition {} (moving together, to states every member prefers)\n", fmt::join(c.members, " + "));
    out += fmt::format("  C-Nash equilibria: {}\n  C-SEQ equilibria:  {}\n", list(c.nash_equilibria), list(c.seq_equilibria));
    if (r.status_quo) {
      if (c.from_status_quo.empty()) out += "  from the status quo the coalition has no move that all its members prefer\n";
      for (const auto& move : c.from_status_quo) out += fmt::format("  from the status quo it could move to {}\n", move);
    }
  }
  if (!full_table) return out;

  // The GMCR tableau: one column per state.
  std::vector<std::pair<std::string, TextTable::Align>> columns{{"", TextTable::Align::Left}};
  for (const auto& row : r.rows) columns.emplace_back(std::to_string(row.number), TextTable::Align::Right);
  TextTable t(columns);
  for (std::size_t o = 0; o < r.options.size(); ++o) {
    std::vector<std::string> cells{r.options[o]};
    for (const auto& row : r.rows) cells.push_back(std::string(1, row.pattern[o]));
    t.add_row(cells);
  }
  for (std::size_t i = 0; i < r.decision_makers.size(); ++i) {
    std::vector<std::string> place{r.decision_makers[i] + " rank"};
    for (const auto& row : r.rows) place.push_back(std::to_string(row.place[i]));
    t.add_row(place);
    for (std::size_t k = 0; k < 4; ++k) {
      std::vector<std::string> cells{fmt::format("  {}", concept_labels[k])};
      for (const auto& row : r.rows) cells.push_back(row.stable[i][k] ? "s" : "");
      t.add_row(cells);
    }
  }
  for (std::size_t k = 0; k < 4; ++k) {
    std::vector<std::string> cells{fmt::format("equilibrium {}", concept_labels[k])};
    for (const auto& row : r.rows) cells.push_back(row.equilibrium[k] ? "E" : "");
    t.add_row(cells);
  }
  return out + "\nTableau (s = stable for that decision maker, E = equilibrium; rank 1 = most preferred)\n" + t.render("  ");
}

nlohmann::json stability_json(const StabilityReport& r) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : r.rows) {
    nlohmann::json makers = nlohmann::json::object();
    for (std::size_t i = 0; i < r.decision_makers.size(); ++i) {
      nlohmann::json stable = nlohmann::json::object();
      for (std::size_t k = 0; k < 4; ++k) stable[concept_labels[k]] = row.stable[i][k];
      makers[r.decision_makers[i]] = {{"place", row.place[i]}, {"stable", stable}};
    }
    nlohmann::json equilibrium = nlohmann::json::array();
    for (std::size_t k = 0; k < 4; ++k)
      if (row.equilibrium[k]) equilibrium.push_back(concept_labels[k]);
    rows.push_back({{"state", row.number}, {"decimal", row.bits}, {"yn", row.pattern}, {"meaning", row.meaning}, {"decision_makers", makers},
                    {"equilibrium", equilibrium}, {"path_from_status_quo", row.path ? nlohmann::json(*row.path) : nlohmann::json(nullptr)}});
  }
  nlohmann::json coalition = nullptr;
  if (r.coalition)
    coalition = {{"members", r.coalition->members}, {"c_nash_equilibria", r.coalition->nash_equilibria},
                 {"c_seq_equilibria", r.coalition->seq_equilibria}, {"from_status_quo", r.coalition->from_status_quo}};
  return {{"options", r.options},
          {"decision_makers", r.decision_makers},
          {"coalition", coalition},
          {"status_quo", r.status_quo ? nlohmann::json(r.rows[*r.status_quo].number) : nlohmann::json(nullptr)},
          {"states", rows}};
}

std::string stability_csv(const StabilityReport& r) {
  std::string out = "state,decimal,yn";
  for (const auto& maker : r.decision_makers)
    for (const char* k : concept_labels) out += fmt::format(",{}:{}", maker, k);
  out += ",equilibria\n";
  for (const auto& row : r.rows) {
    out += fmt::format("{},{},{}", row.number, row.bits, row.pattern);
    for (const auto& stable : row.stable)
      for (bool b : stable) out += b ? ",1" : ",0";
    std::vector<std::string> names;
    for (std::size_t k = 0; k < 4; ++k)
      if (row.equilibrium[k]) names.push_back(concept_labels[k]);
    out += fmt::format(",{}\n", fmt::join(names, ";"));
  }
  return out;
}

}  // namespace statecraft
