#include "report/conflict_sensitivity.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "scenario/states.hpp"

namespace statecraft {
namespace {

using nlohmann::json;
using Kind = PreferenceChange::Kind;

}  // namespace

ConflictSensitivityReport conflict_sensitivity_report(const Conflict& conflict, const ConflictSensitivitySettings& settings, bool perturb) {
  ConflictSensitivityReport a{conflict, settings, nullptr, std::nullopt, std::nullopt, {}, {}};
  try {
    // Refused within its budget before anything is built, so the model that names the states is small.
    a.sensitivity = conflict_sensitivity(conflict, settings.solution, settings.max_steps, settings.pairs);
    a.model = std::make_unique<GraphModel>(conflict);
  } catch (const WorkTooLarge& e) {
    a.skipped = a.uncertainty_skipped = e.what();
    return a;
  } catch (const std::invalid_argument& e) {  // no feasible status quo
    a.skipped = a.uncertainty_skipped = e.what();
    return a;
  }
  if (!perturb) return a;
  try {
    a.uncertainty = priority_uncertainty(conflict, settings.solution, settings.perturbation, settings.max_steps);
  } catch (const WorkTooLarge& e) {
    a.uncertainty_skipped = e.what();
  }
  return a;
}

namespace {

using Analysis = ConflictSensitivityReport;

std::string state_words(const Analysis& a, std::size_t s) {
  return fmt::format("\u201c{}\u201d [state {}]", describe_state(a.conflict, a.model->state(s)), s + 1);
}

std::string states_words(const Analysis& a, const std::vector<std::size_t>& states) {
  std::vector<std::string> words;
  for (std::size_t s : states) words.push_back(state_words(a, s));
  if (words.size() < 2) return words.empty() ? std::string() : words[0];
  return fmt::format("{} and {}", fmt::join(words.begin(), words.end() - 1, ", "), words.back());
}

const Preferences& list_of(const Analysis& a, const PreferenceChange& change) { return a.conflict.preferences[change.preferences]; }

// ‘not “go to war”’ for a statement; "its level 2 (“…”, and 2 more states)" for a tie group.
std::string entry_words(const Analysis& a, const Preferences& p, std::size_t k) {
  if (!p.by_ranking) {
    const Expression& e = p.statements[k].expression;
    const std::string words = describe_statement(a.conflict, e);
    return e.op == Expression::Op::Option ? words : "\u2018" + words + "\u2019";  // a lone option is quoted already
  }
  const auto& group = p.ranking[k];
  std::string first = group.empty() ? std::string("no state") : "\u201c" + describe_state(a.conflict, group[0].state) + "\u201d";
  if (group.size() > 1) first += fmt::format(" and {} more state{}", group.size() - 1, group.size() == 2 ? "" : "s");
  return fmt::format("its level {} ({})", k + 1, first);
}

// "put ‘not “go to war”’ below “freeze” (today above)", of the list as it is before the change.
std::string change_phrase(const Analysis& a, const Preferences& p, const PreferenceChange& change) {
  switch (change.kind) {
    case Kind::Swap:
      return fmt::format("{} {} below {} (today above)", p.by_ranking ? "ranked" : "put", entry_words(a, p, change.at), entry_words(a, p, change.at + 1));
    case Kind::Remove:
      return fmt::format("dropped {} from its priorities", entry_words(a, p, change.at));
    case Kind::Merge:
      return fmt::format("were indifferent between {} and {}", entry_words(a, p, change.at), entry_words(a, p, change.at + 1));
  }
  return {};
}

// A pair's second change, of the list the first left: ", and then dropped …"; empty for a single one.
std::string then_phrase(const Analysis& a, const ChangeEffect& effect) {
  if (!effect.then) return {};
  Preferences once = list_of(a, effect.change);
  apply_change(once, effect.change);
  return ", and then " + change_phrase(a, once, *effect.then);
}

// "if USA put … below … (today above), and then dropped …"
std::string change_words(const Analysis& a, const ChangeEffect& effect) {
  const Preferences& p = list_of(a, effect.change);
  return fmt::format("if {} {}{}", p.actor, change_phrase(a, p, effect.change), then_phrase(a, effect));
}

std::string consequence_words(const Analysis& a, const std::vector<std::size_t>& after) {
  if (after.empty()) return "no state would be an equilibrium the status quo leads to";
  if (after.size() == 1) return "the reachable outcome would become " + state_words(a, after[0]);
  return "the reachable outcomes would be " + states_words(a, after);
}

// The statement a change is about, for its note, source and place in the file.
Hinge hinge_of(const Analysis& a, std::size_t outcome, const ChangeEffect& effect) {
  const PreferenceChange& change = effect.change;
  const Preferences& p = list_of(a, change);
  Hinge h;
  h.lens = "conflict";
  const std::string position = fmt::format("{} of {}", change.at + 1, change.length);
  h.judgment = p.by_ranking ? fmt::format("{}'s ranking, level {}", p.actor, position)
                            : fmt::format("{}'s priority {} ({})", p.actor, entry_words(a, p, change.at), position);
  switch (change.kind) {
    case Kind::Swap:
      h.today = "above " + entry_words(a, p, change.at + 1);
      h.change = "below it";
      break;
    case Kind::Remove:
      h.today = fmt::format("statement {}", position);
      h.change = "dropped";
      break;
    case Kind::Merge:
      h.today = "preferred to " + entry_words(a, p, change.at + 1);
      h.change = "tied with it";
      break;
  }
  h.consequence = fmt::format("instead of {}, {}", state_words(a, outcome), consequence_words(a, effect.reachable_after));
  h.change += then_phrase(a, effect);
  h.margin = static_cast<double>(effect.size()) / static_cast<double>(change.length);
  if (p.by_ranking) {
    h.at = p.ranking[change.at].empty() ? p.at : p.ranking[change.at][0].at;
  } else {
    const Statement& statement = p.statements[change.at];
    h.note = statement.note;
    h.source = statement.source;
    h.at = statement.at;
  }
  return h;
}

std::string percent(std::size_t count, std::size_t of) { return of == 0 ? "—" : fmt::format("{:.0f}%", 100.0 * count / of); }

std::string perturbation_words(const ConflictSensitivitySettings& s) {
  return fmt::format(
      "Priorities perturbed at random: in every decision maker's list, from the top, each statement (or tie group) swapped with the "
      "next with probability {:g}; {} samples, seed {}",
      s.perturbation.swap_probability, s.perturbation.samples, s.perturbation.seed);
}

}  // namespace

std::vector<Hinge> conflict_hinges(const ConflictSensitivityReport& a) {
  std::vector<Hinge> hinges;
  if (!a.sensitivity) return hinges;
  for (const auto& outcome : a.sensitivity->outcomes)
    for (const auto& effect : outcome.breaking) hinges.push_back(hinge_of(a, outcome.state, effect));
  return hinges;
}

std::vector<Hinge> conflict_hinges(const Scenario& scenario, const ConflictSensitivitySettings& settings) {
  if (!scenario.conflict) return {};
  return conflict_hinges(conflict_sensitivity_report(*scenario.conflict, settings, false));
}

std::string render_conflict_sensitivity_text(const Scenario& scenario, const ConflictSensitivitySettings& settings) {
  if (!scenario.conflict) return {};
  return render_conflict_sensitivity_text(conflict_sensitivity_report(*scenario.conflict, settings));
}

std::string render_conflict_sensitivity_text(const ConflictSensitivityReport& a) {
  const ConflictSensitivitySettings& settings = a.settings;
  const char* solution = concept_name(settings.solution);
  std::string out = fmt::format("Conflict: what the outcome hangs on ({} equilibria the status quo leads to)\n", solution);
  if (!a.sensitivity) return out + fmt::format("  skipped: {}\n", a.skipped);
  const ConflictSensitivity& s = *a.sensitivity;
  out += fmt::format("  status quo: {}\n", state_words(a, s.status_quo));
  out += fmt::format("  each outcome tested against {} single changes to one decision maker's priorities (two adjacent statements "
                     "swapped, or one dropped; in a ranking two adjacent levels swapped or merged), and, if none undoes it, pairs of "
                     "changes to one list\n",
                     s.changes);
  if (s.outcomes.empty()) out += fmt::format("  no {} equilibrium is reachable from the status quo\n", solution);
  for (const auto& outcome : s.outcomes) {
    out += fmt::format("\n  Outcome {}\n", state_words(a, outcome.state));
    if (outcome.breaking.empty()) {
      out += "    no single change to one decision maker's priorities undoes it";
      if (s.pairs > 0) out += fmt::format(", nor any two changes to one list ({} pairs tried)", s.pairs);
      if (s.pairs_skipped) out += "; pairs of changes were not tried, past the budget";
      out += "\n";
      continue;
    }
    const std::size_t n = outcome.breaking.size();
    if (outcome.breaking[0].then)
      out += fmt::format("    no single change undoes it; {} of the {} pairs of changes to one list do{}:\n", n, s.pairs, n == 1 ? "es" : "");
    else
      out += fmt::format("    {} of the {} single changes undo{} it:\n", n, s.changes, n == 1 ? "es" : "");
    for (const auto& effect : outcome.breaking) {
      const Hinge h = hinge_of(a, outcome.state, effect);
      out += fmt::format("    - {}, {} (margin {}/{})\n", change_words(a, effect), consequence_words(a, effect.reachable_after), effect.size(),
                         effect.change.length);
      if (!h.note.empty() || !h.source.empty())
        out += fmt::format("      as written (line {}): {}{}\n", h.at.line, h.note, h.source.empty() ? "" : " [" + h.source + "]");
    }
  }
  out += "\n  " + perturbation_words(settings) + "\n";
  if (!a.uncertainty) return out + fmt::format("    skipped: {}\n", a.uncertainty_skipped);
  const ConflictUncertainty& u = *a.uncertainty;
  const std::size_t n = u.perturbation.samples;
  out += fmt::format("    share of samples in which each outcome is still a {} equilibrium the status quo leads to:\n", solution);
  for (const auto& f : u.today) out += fmt::format("    {:>5} ({} of {})  {}\n", percent(f.samples, n), f.samples, n, state_words(a, f.state));
  for (const auto& f : u.others) out += fmt::format("    {:>5} ({} of {})  {}, not an outcome today\n", percent(f.samples, n), f.samples, n, state_words(a, f.state));
  if (u.without_outcome) out += fmt::format("    {:>5} ({} of {})  no reachable equilibrium at all\n", percent(u.without_outcome, n), u.without_outcome, n);
  return out;
}

json render_conflict_sensitivity_json(const Scenario& scenario, const ConflictSensitivitySettings& settings) {
  if (!scenario.conflict) return nullptr;
  return render_conflict_sensitivity_json(conflict_sensitivity_report(*scenario.conflict, settings));
}

json render_conflict_sensitivity_json(const ConflictSensitivityReport& a) {
  const ConflictSensitivitySettings& settings = a.settings;
  auto state_json = [&](std::size_t s) {
    return json{{"state", s + 1}, {"description", describe_state(a.conflict, a.model->state(s))}};
  };
  json out = {{"solution_concept", concept_name(settings.solution)}, {"skipped", a.skipped.empty() ? json(nullptr) : json(a.skipped)}};
  if (!a.sensitivity) return out;
  const ConflictSensitivity& s = *a.sensitivity;
  out["status_quo"] = state_json(s.status_quo);
  out["changes_tried"] = s.changes;
  out["pairs_tried"] = s.pairs;
  out["pairs_skipped"] = s.pairs_skipped;
  json outcomes = json::array();
  for (const auto& outcome : s.outcomes) {
    json breaking = json::array();
    for (const auto& effect : outcome.breaking) {
      const PreferenceChange& c = effect.change;
      const Preferences& p = list_of(a, c);
      const Hinge h = hinge_of(a, outcome.state, effect);
      json after = json::array();
      for (std::size_t t : effect.reachable_after) after.push_back(state_json(t));
      auto kind = [](const PreferenceChange& k) { return k.kind == Kind::Swap ? "swap" : k.kind == Kind::Remove ? "remove" : "merge"; };
      json change = {{"decision_maker", p.actor},
                     {"kind", kind(c)},
                     {"position", c.at + 1},
                     {"then", effect.then ? json{{"kind", kind(*effect.then)}, {"position", effect.then->at + 1}} : json(nullptr)},
                     {"changes", effect.size()},
                     {"list_length", c.length},
                     {"margin", h.margin},
                     {"in_words", change_words(a, effect)},
                     {"consequence", consequence_words(a, effect.reachable_after)},
                     {"reachable_after", after},
                     {"note", h.note},
                     {"source", h.source},
                     {"line", h.at.line},
                     {"column", h.at.column}};
      if (!p.by_ranking) change["statement"] = p.statements[c.at].text;
      breaking.push_back(change);
    }
    json entry = state_json(outcome.state);
    entry["undone_by"] = breaking;
    outcomes.push_back(entry);
  }
  out["outcomes"] = outcomes;
  json perturbation = {{"swap_probability", settings.perturbation.swap_probability},
                       {"samples", settings.perturbation.samples},
                       {"seed", settings.perturbation.seed},
                       {"in_words", perturbation_words(settings)},
                       {"skipped", a.uncertainty_skipped.empty() ? json(nullptr) : json(a.uncertainty_skipped)}};
  if (a.uncertainty) {
    auto frequencies = [&](const std::vector<OutcomeFrequency>& list) {
      json rows = json::array();
      for (const auto& f : list) {
        json row = state_json(f.state);
        row["samples"] = f.samples;
        row["share"] = settings.perturbation.samples ? static_cast<double>(f.samples) / static_cast<double>(settings.perturbation.samples) : 0.0;
        rows.push_back(row);
      }
      return rows;
    };
    perturbation["outcomes"] = frequencies(a.uncertainty->today);
    perturbation["other_outcomes"] = frequencies(a.uncertainty->others);
    perturbation["samples_without_outcome"] = a.uncertainty->without_outcome;
  }
  out["perturbation"] = perturbation;
  return out;
}

}  // namespace statecraft
