#include "report/sensitivity_report.hpp"

#include <fmt/format.h>

#include "report/conflict_sensitivity.hpp"
#include "report/games_sensitivity.hpp"
#include "report/spatial_sensitivity.hpp"

namespace statecraft {
namespace {

LensSensitivity spatial_full(const Scenario& scenario, const SensitivityRequest& request) {
  SensitivitySettings settings;
  settings.parameters.max_work = request.max_work;
  settings.sobol_by_judgment = request.by_judgment;
  const SpatialSensitivityReport report = spatial_sensitivity_report(scenario, settings);
  if (request.json) return {spatial_hinges(report), "", spatial_sensitivity_json(report)};
  return {spatial_hinges(report), render_spatial_sensitivity_text(report), nullptr};
}

// The conflict lens's full report also tries pairs of changes and perturbs the priorities;
// analyze's hinges try single changes only.
LensSensitivity conflict_full(const Scenario& scenario, const SensitivityRequest& request) {
  const auto report = conflict_sensitivity_report(*scenario.conflict);
  if (request.json) return {conflict_hinges(report), "", render_conflict_sensitivity_json(report)};
  return {conflict_hinges(report), render_conflict_sensitivity_text(report), nullptr};
}

// The games lens's margins, then how often each solution survives perturbed payoffs.
LensSensitivity games_full(const Scenario& scenario, const SensitivityRequest& request) {
  if (request.json) {
    const nlohmann::json detail{{"margins", render_games_sensitivity_json(scenario)},
                                {"perturbation", render_games_uncertainty_json(scenario)}};
    return {games_hinges(scenario), "", detail};
  }
  return {games_hinges(scenario), render_games_sensitivity_text(scenario) + "\n" + render_games_uncertainty_text(scenario), nullptr};
}

}  // namespace

// A lens joins with one entry: its name, whether a scenario has data for it, its quick hinges
// (for analyze) and, where it has more to say, its full report.
const std::vector<SensitivityLens>& sensitivity_lenses() {
  static const std::vector<SensitivityLens> lenses{
      {"spatial", [](const Scenario& s) { return !s.issues.empty(); }, [](const Scenario& s) { return spatial_hinges(s); }, spatial_full},
      {"conflict", [](const Scenario& s) { return s.conflict.has_value(); }, [](const Scenario& s) { return conflict_hinges(s); }, conflict_full},
      {"games", [](const Scenario& s) { return !s.games.empty(); }, games_hinges, games_full},
  };
  return lenses;
}

const SensitivityLens* find_sensitivity_lens(const std::string& name) {
  for (const auto& lens : sensitivity_lenses())
    if (lens.name == name) return &lens;
  return nullptr;
}

std::vector<Hinge> all_hinges(const Scenario& scenario) {
  std::vector<Hinge> hinges;
  for (const auto& lens : sensitivity_lenses())
    if (lens.has_data(scenario))
      for (auto& h : lens.hinges(scenario)) hinges.push_back(std::move(h));
  return hinges;
}

std::string hinge_sentence(const Hinge& h) {
  return fmt::format("{} (today {}): {}, {}", h.judgment, h.today, h.change, h.consequence);
}

std::string hinge_text(const Hinge& h, const std::string& indent) {
  std::string out = indent + hinge_sentence(h) + "\n";
  const std::string where = h.at.line > 0 ? fmt::format("line {}", h.at.line) : "";
  if (!h.note.empty()) out += indent + "  note: " + h.note + "\n";
  if (!h.source.empty() || !where.empty())
    out += indent + "  " + (h.source.empty() ? "" : "source: " + h.source + (where.empty() ? "" : ", ")) + (where.empty() ? "" : "written at " + where) + "\n";
  if (h.note.empty() && h.source.empty()) out += indent + "  (the file gives no note or source for it)\n";
  return out;
}

nlohmann::json hinge_json(const Hinge& h) {
  return {{"lens", h.lens},     {"judgment", h.judgment}, {"today", h.today},   {"change", h.change}, {"consequence", h.consequence},
          {"margin", h.margin}, {"note", h.note},         {"source", h.source}, {"at", {{"line", h.at.line}, {"column", h.at.column}}}};
}

namespace {

std::vector<std::pair<const SensitivityLens*, LensSensitivity>> run_lenses(const Scenario& scenario,
                                                                           const std::vector<const SensitivityLens*>& lenses,
                                                                           const SensitivityRequest& request) {
  std::vector<std::pair<const SensitivityLens*, LensSensitivity>> out;
  for (const SensitivityLens* lens : lenses)
    out.emplace_back(lens, lens->full ? lens->full(scenario, request) : LensSensitivity{lens->hinges(scenario), "", nullptr});
  return out;
}

std::vector<Hinge> gathered(const std::vector<std::pair<const SensitivityLens*, LensSensitivity>>& results) {
  std::vector<Hinge> hinges;
  for (const auto& [lens, result] : results) hinges.insert(hinges.end(), result.hinges.begin(), result.hinges.end());
  return hinges;
}


std::string text_report(const Scenario& scenario, const std::vector<std::pair<const SensitivityLens*, LensSensitivity>>& results) {
  std::string out = fmt::format("{}\n{} · as of {}\n\nWhat the answer hangs on (the least change that alters a conclusion, smallest first)\n",
                                scenario.title, scenario.id, scenario.date);
  const auto decisive = most_decisive(gathered(results), summary_hinge_count, summary_hinges_per_lens);
  if (decisive.empty()) out += "  no single judgment within its range changes a conclusion\n";
  for (const auto& h : decisive) out += hinge_text(h, "  ");
  for (const auto& [lens, result] : results) {
    out += "\n";
    if (!result.text.empty()) {
      out += result.text;
      continue;
    }
    out += fmt::format("{} lens: what its answers hang on\n", lens->name);
    if (result.hinges.empty()) out += "  no single judgment within its range changes a conclusion\n";
    for (const auto& h : most_decisive(result.hinges, result.hinges.size())) out += hinge_text(h, "  ");
  }
  return out;
}

std::string json_report(const Scenario& scenario, const std::vector<std::pair<const SensitivityLens*, LensSensitivity>>& results) {
  using nlohmann::json;
  json decisive = json::array(), by_lens = json::object();
  for (const auto& h : most_decisive(gathered(results), summary_hinge_count, summary_hinges_per_lens)) decisive.push_back(hinge_json(h));
  for (const auto& [lens, result] : results) {
    json hinges = json::array();
    for (const auto& h : result.hinges) hinges.push_back(hinge_json(h));
    by_lens[lens->name] = {{"hinges", hinges}, {"detail", result.json}};
  }
  const json report = {{"statecraft", STATECRAFT_VERSION},
                       {"scenario", {{"id", scenario.id}, {"title", scenario.title}, {"date", scenario.date}}},
                       {"most_decisive", decisive},
                       {"lenses", by_lens}};
  return report.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string render_sensitivity(const Scenario& scenario, const std::vector<const SensitivityLens*>& lenses, const SensitivityRequest& request) {
  const auto results = run_lenses(scenario, lenses, request);
  return request.json ? json_report(scenario, results) : text_report(scenario, results);
}

}  // namespace statecraft
