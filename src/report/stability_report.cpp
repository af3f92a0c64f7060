#include "report/stability_report.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <limits>
#include <nlohmann/json.hpp>
#include <ostream>
#include <queue>
#include <tuple>

#include "conflict/inverse.hpp"
#include "conflict/evolution.hpp"
#include "conflict/reachability.hpp"
#include "scenario/states.hpp"
#include "report/exact_json.hpp"
#include "report/table.hpp"

namespace statecraft {

// What the report's rows are built from: a few bytes per state.
class StabilityAnalysis {
 public:
  StabilityAnalysis(const Conflict& c, std::uint64_t max_states, const Progress& model_progress, const Progress& stability_progress)
      : conflict(c), model(c, max_states, model_progress), table(analyse_stability(model, stability_progress)) {}

  Conflict conflict;
  GraphModel model;
  StabilityTable table;
  std::optional<Evolution> evolution;  // from the status quo, when it has one
  std::optional<Reachability> reachability;  // with the evolution
};

namespace {

using nlohmann::json;

constexpr std::array<const char*, concept_count> concept_labels{"Nash", "GMR", "SMR", "SEQ", "SIM"};
// The JSON lists each concept's equilibria up to this many (and counts them all).
constexpr std::size_t json_listed_equilibria = 10000;
// The text's tableau is cut into blocks of this many states, so that a long one wraps.
constexpr std::size_t tableau_block = 32;

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

std::string pattern_of(std::size_t options, StateBits bits) {
  std::string pattern;
  for (std::size_t o = 0; o < options; ++o) pattern += (bits >> o & 1U) ? 'Y' : 'N';
  return pattern;
}

// "A", "A and B", "A, B and C"
std::string in_series(const std::vector<std::string>& items) {
  if (items.size() < 2) return items.empty() ? std::string() : items[0];
  return fmt::format("{} and {}", fmt::join(items.begin(), items.end() - 1, ", "), items.back());
}

// "USA takes sanctions and withdraws india_tariffs", or by names: "USA takes “impose
// sanctions” and withdraws “tariffs on India”"
std::string step_in_words(const Conflict& c, const GraphModel& model, const Step& step, bool by_name) {
  const std::string& maker = model.decision_maker(step.maker);
  const StateBits from = model.state(step.from), to = model.state(step.to);
  std::vector<std::string> taken, withdrawn;
  for (std::size_t o = 0; o < c.options.size(); ++o) {
    const StateBits bit = StateBits{1} << o;
    const std::string word = by_name ? quoted_name(c.options[o]) : c.options[o].id;
    if ((to & bit) && !(from & bit)) taken.push_back(word);
    if ((from & bit) && !(to & bit)) withdrawn.push_back(word);
  }
  auto list = [&](const std::vector<std::string>& words) { return by_name ? in_series(words) : fmt::format("{}", fmt::join(words, ", ")); };
  std::string text = maker;
  if (!taken.empty()) text += " takes " + list(taken);
  if (!withdrawn.empty()) text += fmt::format("{} withdraws {}", taken.empty() ? "" : " and", list(withdrawn));
  return text;
}

std::string state_named(const StabilityAnalysis& a, std::size_t s) { return fmt::format("{} [state {}]", describe_state(a.conflict, a.model.state(s)), s + 1); }

// One sentence per kind of obstacle: the moves no one prefers together, the others one by one.
std::vector<std::string> obstacles_in_words(const StabilityAnalysis& a, const std::vector<Obstacle>& obstacles) {
  auto maker_of = [&](const Obstacle& why) { return a.model.decision_maker(why.maker); };
  auto change = [&](const Obstacle& why) {
    return fmt::format("{} to {} {}", maker_of(why), why.take ? "take" : "withdraw", quoted_name(a.conflict.options[why.option]));
  };
  std::vector<std::string> sentences, unwanted, unwanted_by;
  for (const auto& why : obstacles) {
    switch (why.kind) {
      case Obstacle::Kind::NeverPreferred:
        unwanted.push_back(change(why) + (why.irreversible ? " (which cannot be undone)" : ""));
        if (std::find(unwanted_by.begin(), unwanted_by.end(), maker_of(why)) == unwanted_by.end()) unwanted_by.push_back(maker_of(why));
        break;
      case Obstacle::Kind::Irreversible:
        sentences.push_back(fmt::format("it needs {}, which the option's irreversibility forbids", change(why)));
        break;
      case Obstacle::Kind::Misperceived:
        sentences.push_back(fmt::format("it needs {}, but {} does not perceive the states where that move starts or ends (misperception)", change(why), maker_of(why)));
        break;
      case Obstacle::Kind::Infeasible:
        sentences.push_back(fmt::format("it needs {}, infeasible from every state the status quo leads to", change(why)));
        break;
      case Obstacle::Kind::NotPreferredLast:
        sentences.push_back(fmt::format("{} could move there from {}, which the status quo leads to, but does not prefer it", maker_of(why),
                                        state_named(a, why.from)));
        break;
      case Obstacle::Kind::NoMoveInto:
        sentences.push_back("no decision maker can move there from any state the status quo leads to");
        break;
    }
  }
  if (!unwanted.empty())
    sentences.insert(sentences.begin(), fmt::format("it needs {}, {} {} prefer{} from no state the status quo leads to", in_series(unwanted),
                                                    unwanted.size() == 1 ? "a move" : "moves", in_series(unwanted_by), unwanted_by.size() == 1 ? "s" : ""));
  return sentences;
}

std::string flags(const std::array<bool, concept_count>& which) {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < concept_count; ++k)
    if (which[k]) names.push_back(concept_labels[k]);
  return fmt::format("{}", fmt::join(names, " "));
}

// One progress over the stages of a job, each reporting its own (done, total): a stage is shown
// as the work of the stages before it plus its share of its own size.
class Stages {
 public:
  Stages(const Progress& out, std::vector<double> sizes) : out_(out), sizes_(std::move(sizes)) {
    for (double size : sizes_) total_ += size;
  }
  Progress stage(std::size_t k) const {
    if (!out_) return {};
    double before = 0;
    for (std::size_t j = 0; j < k; ++j) before += sizes_[j];
    return [out = out_, before, size = sizes_[k], total = total_](std::uint64_t done, std::uint64_t of) {
      const double share = of > 0 ? std::min(1.0, static_cast<double>(done) / static_cast<double>(of)) : 1.0;
      out(static_cast<std::uint64_t>(before + share * size), static_cast<std::uint64_t>(total));
    };
  }

 private:
  Progress out_;
  std::vector<double> sizes_;
  double total_ = 0;
};

CoalitionReport coalition_report(const StabilityAnalysis& a, const std::vector<std::string>& coalition, const StabilityReport& report,
                                 const StabilityBudget& budget, const Progress& progress) {
  const GraphModel& model = a.model;
  CoalitionReport out;
  out.members = coalition;
  std::vector<std::size_t> members;
  for (const auto& id : coalition)
    for (std::size_t i = 0; i < model.decision_maker_count(); ++i)
      if (model.decision_maker(i) == id) members.push_back(i);
  const double work = coalition_work(model, members);
  if (work > budget.max_steps)
    throw WorkTooLarge(fmt::format("the coalition analysis examines up to {:.3g} moves (from each of {} states, every state {} reach together)",
                                   work, model.state_count(), fmt::join(coalition, " and ")),
                       work, budget.max_steps, "--max-steps");
  const std::size_t listed_from = report.status_quo.value_or(std::numeric_limits<std::size_t>::max());
  const CoalitionStability c = analyse_coalition(model, members, listed_from, progress);
  auto outsiders_stable = [&](Concept k, std::size_t s) {
    for (std::size_t i = 0; i < model.decision_maker_count(); ++i)
      if (std::find(members.begin(), members.end(), i) == members.end() && !a.table.is_stable(k, i, s)) return false;
    return true;
  };
  for (std::size_t s = 0; s < model.state_count(); ++s) {
    if (c.nash[s] && outsiders_stable(Concept::Nash, s)) out.nash_equilibria.push_back(s + 1);
    if (c.seq[s] && outsiders_stable(Concept::SEQ, s)) out.seq_equilibria.push_back(s + 1);
  }
  for (std::size_t t : c.improvements_from)
    out.from_status_quo.push_back(state_named(a, t));
  return out;
}

std::string numbers_in_short(const std::vector<std::size_t>& first, std::size_t count) {
  if (count == 0) return "none";
  std::vector<std::string> numbers;
  for (std::size_t s : first) numbers.push_back(std::to_string(s + 1));
  std::string text = fmt::format("{}", fmt::join(numbers, ", "));
  if (count > first.size()) text += fmt::format(", … and {} more (--table or --format csv lists every state)", count - first.size());
  return text;
}

void write_tableau(std::ostream& out, const StabilityReport& r) {
  out << "\nTableau (s = stable for that decision maker, E = equilibrium; rank 1 = most preferred)\n";
  for (std::size_t first = 0; first < r.state_count; first += tableau_block) {
    std::vector<StabilityRow> rows;
    for (std::size_t s = first; s < std::min(r.state_count, first + tableau_block); ++s) rows.push_back(r.row(s));
    std::vector<std::pair<std::string, TextTable::Align>> columns{{"", TextTable::Align::Left}};
    for (const auto& row : rows) columns.emplace_back(std::to_string(row.number), TextTable::Align::Right);
    TextTable t(columns);
    for (std::size_t o = 0; o < r.options.size(); ++o) {
      std::vector<std::string> cells{r.options[o]};
      for (const auto& row : rows) cells.push_back(std::string(1, row.pattern[o]));
      t.add_row(cells);
    }
    for (std::size_t i = 0; i < r.decision_makers.size(); ++i) {
      std::vector<std::string> place{r.decision_makers[i] + " rank"};
      for (const auto& row : rows) place.push_back(std::to_string(row.place[i]));
      t.add_row(place);
      for (std::size_t k = 0; k < concept_count; ++k) {
        std::vector<std::string> cells{fmt::format("  {}", concept_labels[k])};
        for (const auto& row : rows) cells.push_back(row.stable[i][k] ? "s" : "");
        t.add_row(cells);
      }
    }
    for (std::size_t k = 0; k < concept_count; ++k) {
      std::vector<std::string> cells{fmt::format("equilibrium {}", concept_labels[k])};
      for (const auto& row : rows) cells.push_back(row.equilibrium[k] ? "E" : "");
      t.add_row(cells);
    }
    if (first > 0) out << '\n';
    out << t.render("  ");
  }
}

json reachability_json(const StabilityRow& row) {
  return {{"description", row.description},
          {"reachable", row.path.has_value()},
          {"named_path_from_status_quo", row.named_path ? json(*row.named_path) : json(nullptr)},
          {"movers", row.movers},
          {"unreachable_because", row.unreachable_because},
          {"reachability", reachability_in_words(row)}};
}

json row_json(const StabilityReport& r, const StabilityRow& row) {
  json makers = json::object();
  for (std::size_t i = 0; i < r.decision_makers.size(); ++i) {
    json stable = json::object();
    for (std::size_t k = 0; k < concept_count; ++k) stable[concept_labels[k]] = row.stable[i][k];
    makers[r.decision_makers[i]] = {{"place", row.place[i]}, {"stable", stable}};
  }
  json equilibrium = json::array();
  for (std::size_t k = 0; k < concept_count; ++k)
    if (row.equilibrium[k]) equilibrium.push_back(concept_labels[k]);
  json out = {{"state", row.number}, {"decimal", row.bits}, {"yn", row.pattern}, {"meaning", row.meaning}, {"decision_makers", makers},
              {"equilibrium", equilibrium}, {"path_from_status_quo", row.path ? json(*row.path) : json(nullptr)}};
  out.update(reachability_json(row));
  return out;
}

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

StabilityRow StabilityReport::row(std::size_t s) const {
  const StabilityAnalysis& a = *analysis;
  const GraphModel& model = a.model;
  StabilityRow row;
  row.number = s + 1;
  row.bits = model.state(s);
  row.pattern = pattern_of(options.size(), row.bits);
  row.meaning = meaning_of(a.conflict, model, row.bits);
  row.description = describe_state(a.conflict, row.bits);
  for (std::size_t i = 0; i < model.decision_maker_count(); ++i) {
    row.place.push_back(model.levels(i) - model.rank(i, s));
    std::array<bool, concept_count> stable{};
    for (std::size_t k = 0; k < concept_count; ++k) stable[k] = a.table.is_stable(all_concepts[k], i, s);
    row.stable.push_back(stable);
  }
  for (std::size_t k = 0; k < concept_count; ++k) row.equilibrium[k] = a.table.is_equilibrium(all_concepts[k], s);
  if (!a.evolution) return row;
  if (const auto steps = a.evolution->path_to(s)) {
    row.path.emplace();
    row.named_path.emplace();
    for (const auto& step : *steps) {
      row.path->push_back(step_in_words(a.conflict, model, step, false));
      row.named_path->push_back(step_in_words(a.conflict, model, step, true));
      const std::string& mover = model.decision_maker(step.maker);
      if (std::find(row.movers.begin(), row.movers.end(), mover) == row.movers.end()) row.movers.push_back(mover);
    }
  } else {
    row.unreachable_because = obstacles_in_words(a, a.reachability->obstacles(s));
  }
  return row;
}

std::vector<std::vector<PathMove>> paths_to_reachable(const StabilityReport& report, std::size_t limit) {
  std::vector<std::vector<PathMove>> paths;
  const StabilityAnalysis& a = *report.analysis;
  if (!a.evolution) return paths;
  for (const auto& row : ranked_equilibria(report, limit, 0)) {
    const auto steps = a.evolution->path_to(row.number - 1);
    if (!steps) continue;
    std::vector<PathMove> path;
    for (const auto& step : *steps) path.push_back({a.model.decision_maker(step.maker), step.from, step.to});
    paths.push_back(std::move(path));
  }
  return paths;
}

std::string named_state(const StabilityRow& row) { return fmt::format("{} [state {}]", row.description, row.number); }

std::string reachability_in_words(const StabilityRow& row) {
  if (row.path && row.path->empty()) return "it is the status quo";
  if (row.named_path)
    return fmt::format("reached from the status quo in {} move{}, by {}: {}", row.named_path->size(), row.named_path->size() == 1 ? "" : "s",
                       fmt::join(row.movers, " and "), fmt::join(*row.named_path, ", then "));
  if (row.unreachable_because.empty()) return "the conflict gives no status quo to reach it from";
  return fmt::format("not reachable from the status quo: {}", fmt::join(row.unreachable_because, "; and "));
}

json equilibrium_json(const StabilityRow& row) {
  json concepts = json::array();
  for (std::size_t k = 0; k < concept_count; ++k)
    if (row.equilibrium[k]) concepts.push_back(concept_labels[k]);
  json out = {{"state", row.number}, {"meaning", row.meaning}, {"equilibrium", concepts},
              {"path_from_status_quo", row.path ? json(*row.path) : json(nullptr)}};
  out.update(reachability_json(row));
  return out;
}

std::vector<std::size_t> StabilityReport::equilibria(Concept c, std::size_t limit) const {
  std::vector<std::size_t> found;
  for (std::size_t s = 0; s < state_count && found.size() < limit; ++s)
    if (analysis->table.is_equilibrium(c, s)) found.push_back(s);
  return found;
}

std::vector<StabilityRow> ranked_equilibria(const StabilityReport& r, std::size_t reachable_limit, std::size_t unreachable_limit) {
  // Within each group the robust (stable under more concepts) first, then the nearest, then in
  // state order: the best of each group kept in a heap, however many there are.
  const StabilityAnalysis& a = *r.analysis;
  using Key = std::tuple<int, std::size_t, std::size_t>;
  std::priority_queue<Key> reachable, unreachable;
  for (std::size_t s = 0; s < r.state_count; ++s) {
    int concepts = 0;
    for (Concept c : all_concepts) concepts += a.table.is_equilibrium(c, s);
    if (concepts == 0) continue;
    if (a.evolution && a.evolution->reaches(s)) {
      reachable.emplace(-concepts, a.evolution->path_to(s)->size(), s);
      if (reachable.size() > reachable_limit) reachable.pop();
    } else {
      unreachable.emplace(-concepts, 0, s);
      if (unreachable.size() > unreachable_limit) unreachable.pop();
    }
  }
  auto rows_of = [&](std::priority_queue<Key>& best) {
    std::vector<StabilityRow> rows(best.size());
    for (std::size_t k = rows.size(); k-- > 0; best.pop()) rows[k] = r.row(std::get<2>(best.top()));
    return rows;
  };
  std::vector<StabilityRow> rows = rows_of(reachable);
  for (auto& row : rows_of(unreachable)) rows.push_back(std::move(row));
  return rows;
}

std::vector<StabilityRow> ranked_equilibria(const StabilityReport& r, std::size_t limit) {
  auto rows = ranked_equilibria(r, limit, limit);
  if (rows.size() > limit) rows.resize(limit);
  return rows;
}

StabilityReport stability_report(const Conflict& conflict, const std::vector<std::string>& coalition, const StabilityBudget& budget) {
  // Counting the states first costs one pass over the combinations and lets a large job be
  // refused before anything is built for it.
  const std::uint64_t states = count_feasible_states(conflict);
  if (states > 0) check_stability_budget(conflict, states, budget.max_states, budget.max_steps);
  const double n = static_cast<double>(states), makers = static_cast<double>(decision_makers(conflict).size());
  const StabilitySteps steps = stability_steps(conflict, states);
  // The coalition's share is its upper bound, and usually far less: it comes last.
  const Stages stages(budget.progress, {std::ldexp(1.0, static_cast<int>(conflict.options.size())) + makers * n, steps.analysis,
                                        conflict.status_quo_given ? steps.paths : 0.0, coalition.empty() ? 0.0 : n});
  auto analysis = std::make_shared<StabilityAnalysis>(conflict, budget.max_states, stages.stage(0), stages.stage(1));
  const GraphModel& model = analysis->model;
  StabilityReport report;
  for (const auto& o : conflict.options) report.options.push_back(o.id);
  for (std::size_t i = 0; i < model.decision_maker_count(); ++i) report.decision_makers.push_back(model.decision_maker(i));
  report.state_count = model.state_count();
  if (conflict.status_quo_given) {
    const long start = model.index_of(status_quo_state(conflict));
    if (start >= 0) {
      report.status_quo = static_cast<std::size_t>(start);
      analysis->evolution.emplace(model, static_cast<std::size_t>(start), stages.stage(2));
      analysis->reachability.emplace(conflict, model, *analysis->evolution);
    }
  }
  for (std::size_t s = 0; s < model.state_count(); ++s)
    for (std::size_t k = 0; k < concept_count; ++k) report.equilibrium_counts[k] += analysis->table.is_equilibrium(all_concepts[k], s);
  report.not_analysed = analysis->table.simultaneous_skipped;
  report.analysis = analysis;
  if (!coalition.empty()) report.coalition = coalition_report(*analysis, coalition, report, budget, stages.stage(3));
  return report;
}

namespace {

// What the state has the maker doing: its part of the description ("USA: none").
std::string own_part(const StabilityRow& row, const std::string& maker) {
  const std::string& d = row.description;
  for (std::size_t start = 0; start < d.size();) {
    const std::size_t end = std::min(d.find("; ", start), d.size());
    if (d.compare(start, maker.size() + 2, maker + ": ") == 0) return d.substr(start, end - start);
    start = end + 2;
  }
  return d;
}

// Under Nash and GMR each decision maker's own ranking decides, so every stabilising preference
// can be said: a condition per move it has from the state, the unmet ones first.
std::string stabilising_preferences_text(const StabilityReport& r, std::size_t state, Concept c) {
  const GraphModel& model = r.analysis->model;
  std::vector<std::vector<StabilityCondition>> conditions;
  try {
    conditions = stability_conditions(model, state, c);
  } catch (const WorkTooLarge& e) {
    return fmt::format("  every preference that makes it one: not written out ({})\n", e.what());
  }
  std::string out = fmt::format("  every preference that makes it one (under {} a decision maker's own ranking decides; the conditions not met today first):\n", concept_name(c));
  constexpr std::size_t shown = 8;
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    std::vector<StabilityCondition> unmet, met;
    for (const auto& condition : conditions[i]) (meets({condition}, model.ranks(i), state) ? met : unmet).push_back(condition);
    if (conditions[i].empty()) {
      out += fmt::format("    {}: none (it cannot move from here)\n", r.decision_makers[i]);
      continue;
    }
    out += fmt::format("    {} must like it at least as much as each of its moves from it:\n", r.decision_makers[i]);
    std::size_t listed = 0;
    for (const auto* group : {&unmet, &met})
      for (const auto& condition : *group) {
        if (listed++ == shown) break;
        std::string line = fmt::format("      state {}, where its own move takes it ({})", condition.move + 1, own_part(r.row(condition.move), r.decision_makers[i]));
        if (!condition.sanctions.empty()) {
          std::vector<std::string> answers;
          for (std::size_t s : condition.sanctions) answers.push_back(std::to_string(s + 1));
          line += fmt::format(", or {} {} (where the others can take it from there)", answers.size() == 1 ? "state" : "one of", fmt::join(answers, ", "));
        }
        out += line + (group == &unmet ? " (not met today)\n" : "\n");
      }
    if (conditions[i].size() > shown) out += fmt::format("      … and {} more (JSON lists every one)\n", conditions[i].size() - shown);
  }
  return out;
}

}  // namespace

std::string render_make_stable_text(const StabilityReport& r, std::size_t state, Concept c) {
  const InverseStability answer = fewest_changes_for_stability(r.analysis->model, state, c);
  std::string out = fmt::format("\nWhat would make {} a {} equilibrium (the fewest changes of preference; Kinsara, Kilgour & Hipel 2015)\n", named_state(r.row(state)), concept_name(c));
  if (answer.already) return out + "  it is one already\n";
  out += fmt::format("  {} change{} in all, each a state the decision maker would have to like less than this one:\n", answer.changes, answer.changes == 1 ? "" : "s");
  for (std::size_t i = 0; i < answer.passed.size(); ++i) {
    if (answer.passed[i].empty()) {
      out += fmt::format("  {}: no change\n", r.decision_makers[i]);
      continue;
    }
    std::vector<std::string> states;
    // Named when they are few enough to read; else by number, as the report lists them.
    for (std::size_t s : answer.passed[i]) states.push_back(answer.passed[i].size() <= 3 ? named_state(r.row(s)) : std::to_string(s + 1));
    out += fmt::format("  {} would have to prefer it to {} state{} it now prefers: {}\n", r.decision_makers[i], answer.passed[i].size(), answer.passed[i].size() == 1 ? "" : "s",
                       fmt::join(states, answer.passed[i].size() <= 3 ? "; " : ", "));
  }
  out += fmt::format("  (every other comparison kept; {} combination{} of changes analysed)\n", answer.checked, answer.checked == 1 ? "" : "s");
  if (c == Concept::Nash || c == Concept::GMR) out += stabilising_preferences_text(r, state, c);
  return out;
}

json make_stable_json(const StabilityReport& r, std::size_t state, Concept c) {
  const InverseStability answer = fewest_changes_for_stability(r.analysis->model, state, c);
  json makers = json::array();
  for (std::size_t i = 0; i < answer.passed.size(); ++i) {
    json states = json::array();
    for (std::size_t s : answer.passed[i]) states.push_back(s + 1);
    makers.push_back({{"decision_maker", r.decision_makers[i]}, {"prefer_it_to", states}});
  }
  json conditions = nullptr;
  if (c == Concept::Nash || c == Concept::GMR) {
    std::vector<std::vector<StabilityCondition>> all;
    try {
      all = stability_conditions(r.analysis->model, state, c);
      conditions = json::object();
    } catch (const WorkTooLarge& e) {
      conditions = std::string("not written out: ") + e.what();
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
      json list = json::array();
      for (const auto& condition : all[i]) {
        json sanctions = json::array();
        for (std::size_t s : condition.sanctions) sanctions.push_back(s + 1);
        list.push_back({{"move", condition.move + 1}, {"sanctions", sanctions}, {"met", meets({condition}, r.analysis->model.ranks(i), state)}});
      }
      conditions[r.decision_makers[i]] = list;
    }
  }
  return {{"state", state + 1},     {"concept", concept_name(c)}, {"already", answer.already},  {"changes", answer.changes},
          {"checked", answer.checked}, {"decision_makers", makers}, {"conditions", conditions}};
}

namespace {

// The states with a chance of being an equilibrium, the likeliest first (ties in state order).
std::vector<std::size_t> by_likelihood(const UncertainStability& u) {
  std::vector<std::size_t> states;
  for (std::size_t s = 0; s < u.equilibrium.size(); ++s)
    if (sgn(u.equilibrium[s]) > 0) states.push_back(s);
  std::stable_sort(states.begin(), states.end(), [&](std::size_t a, std::size_t b) { return u.equilibrium[a] > u.equilibrium[b]; });
  return states;
}

}  // namespace

std::string render_uncertain_text(const StabilityReport& r, const UncertainStability& u) {
  std::string out = fmt::format("\nWith the uncertain preferences ({} combination{} of alternatives, each analysed): each state's chance of being a {} equilibrium\n",
                                u.combinations, u.combinations == 1 ? "" : "s", concept_name(u.solution));
  const auto states = by_likelihood(u);
  if (states.empty()) return out + "  no state is an equilibrium under any of them\n";
  constexpr std::size_t shown = 12;
  for (std::size_t k = 0; k < states.size() && k < shown; ++k)
    out += fmt::format("  {:>5.1f} %  {}\n", 100 * u.equilibrium[states[k]].get_d(), named_state(r.row(states[k])));
  if (states.size() > shown) out += fmt::format("  … and {} more with a smaller chance (--format json lists them)\n", states.size() - shown);
  return out;
}

json uncertain_json(const UncertainStability& u) {
  json states = json::array();
  for (std::size_t s : by_likelihood(u)) {
    json j{{"state", s + 1}};
    put_exact(j, "probability", u.equilibrium[s]);
    states.push_back(j);
  }
  return {{"concept", concept_name(u.solution)}, {"combinations", u.combinations}, {"equilibria", states}};
}

void write_stability_text(std::ostream& out, const StabilityReport& r, bool full_table) {
  out << fmt::format("Stability (Graph Model for Conflict Resolution): {} options, {} decision makers, {} feasible states\n", r.options.size(),
                     r.decision_makers.size(), r.state_count);
  if (r.status_quo) out << fmt::format("Status quo: {}\n", named_state(r.row(*r.status_quo)));
  out << "\nEquilibria (stable for every decision maker), by state number; the states are named below\n";
  for (std::size_t k = 0; k < concept_count; ++k)
    out << fmt::format("  {:<5} {}\n", concept_labels[k],
                       r.analysed(all_concepts[k]) ? numbers_in_short(r.equilibria(all_concepts[k], listed_equilibria), r.equilibrium_counts[k]) : r.not_analysed);
  constexpr std::size_t explained = 12;
  const auto equilibria = ranked_equilibria(r, explained + 1);
  const std::size_t shown = std::min(equilibria.size(), explained);
  // Reachable ones come first in the ranking, so each group is one run of it.
  bool in_unreachable = false;
  for (std::size_t e = 0; e < shown; ++e) {
    const StabilityRow& row = equilibria[e];
    const bool reachable = row.path.has_value();
    if (e == 0 && !r.status_quo) out << "\nWhat they mean (the conflict gives no status quo, so nothing is said of reaching them)\n";
    else if (e == 0 && reachable) out << "\nOutcomes: equilibria the status quo leads to\n";
    if (r.status_quo && !reachable && !in_unreachable) {
      out << (e == 0 ? "\nNo equilibrium is reachable from the status quo.\n" : "")
          << "\nStable but not reachable from the status quo (not outcomes of this conflict as written)\n";
      in_unreachable = true;
    }
    out << fmt::format("  {} — {}\n", named_state(row), flags(row.equilibrium));
    if (r.status_quo) out << fmt::format("    {}\n", reachability_in_words(row));
  }
  if (equilibria.size() > shown) {
    std::size_t any = 0;  // equilibria under any concept
    for (std::size_t s = 0; s < r.state_count; ++s)
      any += std::any_of(std::begin(all_concepts), std::end(all_concepts), [&](Concept c) { return r.analysis->table.is_equilibrium(c, s); });
    out << fmt::format("  … and {} more (--format csv lists every state)\n", any - shown);
  }
  if (r.coalition) {
    const auto& c = *r.coalition;
    auto list = [](const std::vector<std::size_t>& numbers) { return numbers.empty() ? std::string("none") : fmt::format("{}", fmt::join(numbers, ", ")); };
    out << fmt::format("\nCoalition {} (moving together, to states every member prefers)\n", fmt::join(c.members, " + "));
    out << fmt::format("  C-Nash equilibria: {}\n  C-SEQ equilibria:  {}\n", list(c.nash_equilibria), list(c.seq_equilibria));
    if (r.status_quo) {
      if (c.from_status_quo.empty()) out << "  from the status quo the coalition has no move that all its members prefer\n";
      for (const auto& move : c.from_status_quo) out << fmt::format("  from the status quo it could move to {}\n", move);
    }
  }
  if (full_table) write_tableau(out, r);
}

namespace {

json summary_json(const StabilityReport& r, std::size_t highlights, std::size_t listed) {
  json counts = json::object(), equilibria = json::object();
  for (std::size_t k = 0; k < concept_count; ++k) {
    json numbers = json::array();
    for (std::size_t s : r.equilibria(all_concepts[k], listed)) numbers.push_back(s + 1);
    const bool analysed = r.analysed(all_concepts[k]);
    equilibria[concept_labels[k]] = analysed ? numbers : json(nullptr);  // null: not analysed (not_analysed says why)
    counts[concept_labels[k]] = analysed ? json(r.equilibrium_counts[k]) : json(nullptr);
  }
  json ranked = json::array();
  for (const auto& row : ranked_equilibria(r, highlights))
    ranked.push_back(equilibrium_json(row));
  return {{"states", r.state_count}, {"status_quo", r.status_quo ? json(*r.status_quo + 1) : json(nullptr)},
          {"equilibria", equilibria}, {"equilibrium_counts", counts}, {"highlights", ranked},
          {"not_analysed", r.not_analysed.empty() ? json(nullptr) : json(r.not_analysed)}};
}

}  // namespace

void write_stability_json(std::ostream& out, const StabilityReport& r, const std::string& scenario_id, bool listing) {
  json summary = summary_json(r, 12, json_listed_equilibria);
  summary["state_count"] = summary["states"];
  summary.erase("states");
  summary["options"] = r.options;
  summary["decision_makers"] = r.decision_makers;
  summary["coalition"] = nullptr;
  if (r.coalition)
    summary["coalition"] = {{"members", r.coalition->members}, {"c_nash_equilibria", r.coalition->nash_equilibria},
                            {"c_seq_equilibria", r.coalition->seq_equilibria}, {"from_status_quo", r.coalition->from_status_quo}};
  // Written a row at a time: the listing of a large conflict does not fit in memory as one value.
  out << "{\n  \"statecraft\": " << dump(STATECRAFT_VERSION) << ",\n  \"scenario\": " << dump(scenario_id) << ",\n  \"stability\": {\n";
  for (const auto& [key, value] : summary.items()) out << "    " << dump(key) << ": " << dump(value) << ",\n";
  out << "    \"states\": ";
  if (!listing) {
    out << "null\n  }\n}\n";
    return;
  }
  out << "[\n";
  for (std::size_t s = 0; s < r.state_count; ++s) out << "      " << dump(row_json(r, r.row(s))) << (s + 1 < r.state_count ? ",\n" : "\n");
  out << "    ]\n  }\n}\n";
}

void write_stability_csv(std::ostream& out, const StabilityReport& r) {
  const StabilityAnalysis& a = *r.analysis;
  std::string line = "state,decimal,yn";
  for (const auto& maker : r.decision_makers)
    for (const char* k : concept_labels) line += fmt::format(",{}:{}", maker, k);
  out << line << ",equilibria\n";
  for (std::size_t s = 0; s < r.state_count; ++s) {
    const StateBits bits = a.model.state(s);
    line = fmt::format("{},{},{}", s + 1, bits, pattern_of(r.options.size(), bits));
    for (std::size_t i = 0; i < r.decision_makers.size(); ++i)
      for (Concept k : all_concepts) line += a.table.is_stable(k, i, s) ? ",1" : ",0";
    line += ',';
    bool first = true;
    for (std::size_t k = 0; k < concept_count; ++k)
      if (a.table.is_equilibrium(all_concepts[k], s)) line += (first ? "" : ";") + std::string(concept_labels[k]), first = false;
    out << line << '\n';
  }
}

}  // namespace statecraft
