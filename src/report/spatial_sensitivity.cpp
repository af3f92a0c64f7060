#include "report/spatial_sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

#include "bargaining/spatial.hpp"
#include "report/sensitivity_report.hpp"
#include "report/table.hpp"

namespace statecraft {
namespace {

std::string number(double x) { return fmt::format("{:.4g}", x); }

// The number of the file a judgment is, for its note, source and place; none for a change of
// the deciders, which the decision as a whole carries.
const Number* number_of(const Scenario& scenario, const Issue& issue, const Judgment& j) {
  switch (j.kind) {
    case JudgmentKind::Position: return &issue.stances.at(j.stance).position;
    case JudgmentKind::Salience: return &issue.stances.at(j.stance).salience;
    case JudgmentKind::Capability: {
      const Stance& stance = issue.stances.at(j.stance);
      if (stance.capability) return &*stance.capability;
      for (const auto& actor : scenario.actors)
        if (actor.id == j.actor) return &actor.capability;
      return nullptr;
    }
    case JudgmentKind::StatusQuo: return issue.status_quo ? &*issue.status_quo : nullptr;
    case JudgmentKind::Threshold: return issue.decision.threshold ? &*issue.decision.threshold : nullptr;
    case JudgmentKind::DeciderDropped:
    case JudgmentKind::DeciderAdded: return nullptr;
  }
  return nullptr;
}

// Note, source and place of a judgment: its number's, else the stance's or the decision's.
void annotate(Hinge& hinge, const Scenario& scenario, const Issue& issue, const Judgment& j) {
  const Number* n = number_of(scenario, issue, j);
  if (n) {
    hinge.note = n->note;
    hinge.source = n->source;
    hinge.at = n->at;
  }
  const bool of_stance = j.kind == JudgmentKind::Position || j.kind == JudgmentKind::Salience || j.kind == JudgmentKind::Capability;
  if (of_stance && hinge.note.empty() && hinge.source.empty()) {
    const Stance& stance = issue.stances.at(j.stance);
    hinge.note = stance.note;
    hinge.source = stance.source;
    if (!n) hinge.at = stance.at;
  }
  if (!of_stance && !n) {
    hinge.note = issue.decision.note;
    hinge.source = issue.decision.source;
    hinge.at = issue.decision.at;
  }
}

std::string judgment_words(const std::string& issue, const Judgment& j) {
  switch (j.kind) {
    case JudgmentKind::Position: return fmt::format("{}'s position on {}", j.actor, issue);
    case JudgmentKind::Salience: return fmt::format("{}'s salience on {}", j.actor, issue);
    case JudgmentKind::Capability: return fmt::format("{}'s capability on {}", j.actor, issue);
    case JudgmentKind::StatusQuo: return fmt::format("the status quo of {}", issue);
    case JudgmentKind::Threshold: return fmt::format("the share of the deciders' capability {} needs", issue);
    case JudgmentKind::DeciderDropped:
    case JudgmentKind::DeciderAdded: return fmt::format("{} among those who decide {}", j.actor, issue);
  }
  return {};
}

std::string today_words(const Judgment& j) {
  if (j.kind == JudgmentKind::DeciderDropped) return "decides";
  if (j.kind == JudgmentKind::DeciderAdded) return "does not decide";
  return number(j.today);
}

std::string range_words(const Judgment& j) {
  if (is_discrete(j)) return j.kind == JudgmentKind::DeciderDropped ? "dropped" : "added";
  return fmt::format("{} to {}", number(judgment_value(j, j.low)), number(judgment_value(j, j.high)));
}

// The change of judgment j to `value` (upward or downward), in words.
std::string change_words(const Judgment& j, double value, bool upward) {
  if (j.kind == JudgmentKind::DeciderDropped) return fmt::format("if {} did not have to agree", j.actor);
  if (j.kind == JudgmentKind::DeciderAdded) return fmt::format("if {} also had to agree", j.actor);
  // An edge at the very end of the range is only reached there ("above 1" would read as beyond it).
  const double width = std::abs(judgment_value(j, j.high) - judgment_value(j, j.low));
  const double end = judgment_value(j, upward ? j.high : j.low);
  const bool at_end = std::abs(value - end) <= 1e-6 * width;
  // An edge at today's value itself (bisection stops a hair past it): the slightest change.
  const bool at_today = std::abs(value - j.today) <= 1e-6 * width;
  std::string words = at_end     ? fmt::format("only at {}, the end of its range", number(end))
                      : at_today ? fmt::format("any {} {}", upward ? "rise above" : "fall below", number(j.today))
                                 : fmt::format("{} {}", upward ? "above" : "below", number(value));
  if (j.kind == JudgmentKind::Capability && !at_today) words += fmt::format(" (×{:.3g})", value / j.today);
  return words;
}

std::string change_words(const KnifeEdge& e) { return change_words(e.judgment, e.value, e.upward); }

std::string list_words(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

// A hinge names its issue as the file does, in quotes (the report's reader may not know the ids).
std::string named_issue(const Issue& issue) { return issue.name.empty() ? issue.id : "“" + issue.name + "”"; }

Hinge deal_hinge(const Scenario& scenario, const Issue& issue, const DealEdge& e) {
  Hinge h;
  h.lens = "spatial";
  h.judgment = judgment_words(named_issue(issue), e.judgment);
  h.today = today_words(e.judgment);
  h.change = change_words(e.judgment, e.value, e.upward);
  // Just past a continuous edge the win set is a sliver; its extent says something only after a
  // discrete change (a decider dropped).
  if (e.deal_after && is_discrete(e.judgment))
    h.consequence = fmt::format("a deal on it becomes possible, between {} and {}", number(e.low), number(e.high));
  else if (e.deal_after)
    h.consequence = "a deal on it becomes possible (at first only close to the status quo)";
  else
    h.consequence = e.blockers.empty() ? std::string("no deal on it is possible any more")
                                       : fmt::format("no deal on it is possible any more: {} {} every move", list_words(e.blockers),
                                                     e.blockers.size() == 1 ? "blocks" : "block");
  h.margin = e.margin;
  annotate(h, scenario, issue, e.judgment);
  return h;
}

std::string label_words(const Issue& issue, std::size_t label) {
  return fmt::format("'{}' ({})", issue.labels.at(label).text, number(issue.labels.at(label).point.value));
}

Hinge hinge_of(const Scenario& scenario, const Issue& issue, const std::string& model, const KnifeEdge& e) {
  Hinge h;
  h.lens = "spatial";
  h.judgment = judgment_words(named_issue(issue), e.judgment);
  h.today = today_words(e.judgment);
  h.change = change_words(e);
  h.consequence = fmt::format("the {} forecast (today {}) moves from {} to {}", model,
                              e.forecast_before ? number(*e.forecast_before) : "—", label_words(issue, e.label_before),
                              label_words(issue, e.label_after));
  h.margin = e.margin;
  annotate(h, scenario, issue, e.judgment);
  return h;
}

ModelLines model_lines(const Scenario& scenario, const Issue& issue, const std::vector<double>& labels, const ModelSensitivity& m) {
  ModelLines lines{m.model, m.forecast, m.forecast ? "" : m.explanation, {}, {}, {}, {}};
  if (const auto label = m.forecast ? nearest_label(labels, *m.forecast) : std::nullopt) lines.label = issue.labels.at(*label).text;
  if (m.on_boundary)
    lines.boundary = fmt::format("it lies halfway between {} and {}, so the slightest change of many judgments tips it to one or the other",
                                 label_words(issue, m.on_boundary->first), label_words(issue, m.on_boundary->second));
  const double scale = issue.high.value - issue.low.value;
  for (const auto& e : m.effects)
    if (e.swing > 0)
      lines.ranking.push_back({judgment_words(issue.id, e.judgment), today_words(e.judgment), range_words(e.judgment), e.swing, e.swing / scale,
                               e.at_low, e.at_high});
  for (const auto& e : m.edges) lines.edges.push_back(hinge_of(scenario, issue, m.model, e));
  return lines;
}

IssueLines issue_lines(const Scenario& scenario, const Issue& issue, const std::vector<double>& labels, const IssueSensitivity& s) {
  IssueLines lines;
  lines.id = issue.id;
  lines.name = issue.name;
  lines.units = issue.units;
  lines.low = issue.low.value;
  lines.high = issue.high.value;
  lines.labelled = !labels.empty();
  for (const auto& m : s.models) lines.models.push_back(model_lines(scenario, issue, labels, m));
  lines.deal = s.deal;
  for (const auto& e : s.deal_edges) lines.deal_edges.push_back(deal_hinge(scenario, issue, e));
  lines.sobol_models = s.sobol_models;
  lines.sobol_samples = s.sobol_samples;
  for (const auto& out : s.sobol) lines.sobol_variance.push_back(out.variance);
  for (std::size_t g = 0; g < s.sobol_groups.size(); ++g) {
    SobolLine line{s.sobol_groups[g].empty() ? "status quo" : s.sobol_groups[g], {}};
    for (const auto& out : s.sobol) line.by_model.push_back(out.groups.at(g));
    lines.sobol.push_back(std::move(line));
  }
  for (std::size_t k = 0; k < s.sobol_judgments.size(); ++k) {
    const Judgment& j = s.sobol_judgments[k];
    SobolLine line{judgment_words(issue.id, j), {}};
    line.group = line.group.substr(0, line.group.find(" on "));  // the issue is the section's
    for (const auto& out : s.sobol) line.by_model.push_back(out.groups.at(s.sobol_groups.size() + k));
    lines.sobol_judgments.push_back(std::move(line));
  }
  // The largest total index over the models first: what an analyst should pin down first.
  auto largest_total = [](const SobolLine& line) {
    double most = -INFINITY;
    for (const auto& x : line.by_model)
      if (!std::isnan(x.total)) most = std::max(most, x.total);
    return most;
  };
  std::stable_sort(lines.sobol_judgments.begin(), lines.sobol_judgments.end(),
                   [&](const SobolLine& a, const SobolLine& b) { return largest_total(a) > largest_total(b); });
  return lines;
}

}  // namespace

SpatialSensitivityReport spatial_sensitivity_report(const Scenario& scenario, const SensitivitySettings& asked) {
  SensitivitySettings settings = asked;
  settings.parameters = with_model_choices(asked.parameters, scenario);
  SpatialSensitivityReport report{settings, {}, {}, settings.parameters.max_work};
  std::vector<std::vector<double>> labels;
  for (const auto& issue : scenario.issues) {
    labels.emplace_back();
    for (const auto& label : issue.labels) labels.back().push_back(label.point.value);
  }
  const auto sensitivity = spatial_sensitivity(bargaining_issues(scenario), labels, settings);
  report.settings = sensitivity.settings;
  report.skipped = sensitivity.skipped;
  for (std::size_t d = 0; d < scenario.issues.size(); ++d)
    report.issues.push_back(issue_lines(scenario, scenario.issues[d], labels[d], sensitivity.issues[d]));
  return report;
}

std::vector<Hinge> spatial_hinges(const SpatialSensitivityReport& report) {
  std::vector<Hinge> out;
  for (const auto& issue : report.issues) {
    // One hinge per judgment and issue, its least margin over the forecasts and whether a deal
    // is possible: one judgment tipping several conclusions is still one thing to check.
    std::map<std::string, std::size_t> index;  // judgment → its hinge in `out`
    auto keep = [&](const Hinge& edge) {
      const auto [found, fresh] = index.emplace(edge.judgment, out.size());
      if (fresh) out.push_back(edge);
      else if (edge.margin < out[found->second].margin) out[found->second] = edge;
    };
    for (const auto& model : issue.models)
      if (!model.edges.empty()) keep(model.edges.front());  // the least margin of this forecast
    if (!issue.deal_edges.empty()) keep(issue.deal_edges.front());  // whether a deal is possible: one conclusion, one hinge
  }
  return out;
}

std::vector<Hinge> spatial_hinges(const Scenario& scenario) {
  SensitivitySettings settings;
  settings.sobol_samples = 0;
  settings.parameters.max_work = hinge_work;
  return spatial_hinges(spatial_sensitivity_report(scenario, settings));
}

namespace {

using Align = TextTable::Align;

std::string optional_number(const std::optional<double>& x) { return x ? number(*x) : "—"; }

// x rounded up to two significant digits: a --max-work that is sure to be enough.
double two_digits_up(double x) {
  const double unit = std::pow(10.0, std::floor(std::log10(x)) - 1);
  return std::ceil(x / unit) * unit;
}

void render_model(const ModelLines& m, std::string& out) {
  if (!m.forecast) {
    out += fmt::format("    {}: no forecast{}\n", m.model, m.explanation.empty() ? "" : " (" + m.explanation + ")");
    return;
  }
  out += fmt::format("    {} forecast {}{}\n", m.model, optional_number(m.forecast),
                     !m.boundary.empty() ? "; " + m.boundary : m.label.empty() ? "" : fmt::format(" ('{}')", m.label));
  if (m.ranking.empty()) {
    out += "      no judgment moves it over its range\n";
  } else {
    TextTable table({{"judgment", Align::Left}, {"today", Align::Right}, {"range", Align::Left}, {"moves it by", Align::Right},
                     {"at the low end", Align::Right}, {"at the high end", Align::Right}});
    for (std::size_t k = 0; k < std::min<std::size_t>(m.ranking.size(), 6); ++k) {
      const EffectLine& e = m.ranking[k];
      table.add_row({e.judgment, e.today, e.range, fmt::format("{} ({:.0f}%)", number(e.swing), 100 * e.share), optional_number(e.at_low),
                     optional_number(e.at_high)});
    }
    out += table.render("      ");
    if (m.ranking.size() > 6) out += fmt::format("      and {} more (--format json lists all)\n", m.ranking.size() - 6);
  }
  for (std::size_t k = 0; k < std::min<std::size_t>(m.edges.size(), 5); ++k) {
    const Hinge& h = m.edges[k];
    out += fmt::format("      knife edge: {}\n", hinge_sentence(h));
  }
  if (m.edges.size() > 5) out += fmt::format("      and {} more knife edges (--format json lists all)\n", m.edges.size() - 5);
}

std::string sobol_table(const IssueLines& issue, const std::string& heading, const std::vector<SobolLine>& lines, std::size_t count) {
  std::vector<std::pair<std::string, Align>> columns{{heading, Align::Left}};
  for (const auto& model : issue.sobol_models) columns.emplace_back(model + " S / ST", Align::Right);
  TextTable table(columns);
  for (std::size_t k = 0; k < std::min(count, lines.size()); ++k) {
    std::vector<std::string> cells{lines[k].group};
    for (const auto& s : lines[k].by_model)
      cells.push_back(std::isnan(s.first) ? "—" : fmt::format("{:.2f}±{:.2f} / {:.2f}±{:.2f}", s.first, s.first_error, s.total, s.total_error));
    table.add_row(std::move(cells));
  }
  return table.render("      ");
}

void render_sobol(const IssueLines& issue, std::string& out) {
  if (issue.sobol.empty()) return;
  out += fmt::format("    Shares of the forecast's variance (Sobol' first-order S and total ST, ± one standard error; {} samples):\n",
                     issue.sobol_samples);
  out += sobol_table(issue, "judgments of", issue.sobol, issue.sobol.size());
  if (!issue.sobol_judgments.empty()) {
    out += "      the single judgments with the largest total shares:\n";
    out += sobol_table(issue, "judgment", issue.sobol_judgments, 5);
  }
  for (std::size_t m = 0; m < issue.sobol_models.size(); ++m)
    if (!(issue.sobol_variance[m] > 0)) out += fmt::format("      {}: the forecast does not vary over these ranges\n", issue.sobol_models[m]);
}

}  // namespace

std::string render_spatial_sensitivity_text(const SpatialSensitivityReport& r) {
  const SensitivitySettings& s = r.settings;
  std::string out = "Spatial lens: what each forecast hangs on\n";
  out += fmt::format("  Each judgment moved alone over its range, the others as written: a position or the status quo over the whole scale, "
                     "a salience from 0 to 1, a capability from ÷{0:g} to ×{0:g}, a decision threshold from 0.5 to 1, each decider "
                     "dropped and each other actor added. A knife edge is the smallest such change that moves the forecast to another "
                     "label (past the midpoint between two labels), found on {1} points a judgment and refined by bisection.\n",
                     s.capability_factor, 2 * s.grid);
  if (s.sobol_samples > 0)
    out += fmt::format("  Variance shares: every judgment drawn at once, uniformly: a position within ±{:g}% of the scale, a salience within "
                       "±{:g}, a capability from ÷{:g} to ×{:g}, the status quo within ±{:g}% of the scale; an actor's three judgments "
                       "count as one group.\n",
                       100 * s.ranges.position, s.ranges.salience, s.ranges.capability, s.ranges.capability, 100 * s.ranges.status_quo);
  for (const auto& skipped : r.skipped)
    out += fmt::format("  Not run here: {} in the {}, estimated at {:.3g} operations, which with the rest would pass the limit of {:.3g} "
                       "(--max-work {:.2g} runs it).\n",
                       skipped.model, skipped.monte_carlo ? "variance shares" : "one-at-a-time sweeps", skipped.operations, r.max_work,
                       two_digits_up(skipped.operations + r.max_work));
  for (const auto& issue : r.issues) {
    out += fmt::format("\n  {} ({}), scale {} to {}{}\n", issue.name.empty() ? issue.id : issue.name, issue.id, number(issue.low), number(issue.high),
                       issue.units.empty() ? "" : ", " + issue.units);
    if (!issue.labelled) out += "    no labels on this scale, so no knife edges: only how far each judgment moves the forecast\n";
    if (issue.deal) {
      out += fmt::format("    deal: {} as written\n", *issue.deal ? "possible" : "not possible");
      for (std::size_t k = 0; k < std::min<std::size_t>(issue.deal_edges.size(), 5); ++k)
        out += fmt::format("      deal edge: {}\n", hinge_sentence(issue.deal_edges[k]));
      if (issue.deal_edges.empty()) out += "      no single judgment within its range changes that\n";
    }
    for (const auto& m : issue.models) render_model(m, out);
    render_sobol(issue, out);
  }
  return out;
}

nlohmann::json spatial_sensitivity_json(const SpatialSensitivityReport& r) {
  using nlohmann::json;
  const SensitivitySettings& s = r.settings;
  json issues = json::array();
  auto optional = [](const std::optional<double>& x) { return x ? json(*x) : json(nullptr); };
  for (const auto& issue : r.issues) {
    json models = json::array();
    for (const auto& m : issue.models) {
      json ranking = json::array(), edges = json::array();
      for (const auto& e : m.ranking)
        ranking.push_back({{"judgment", e.judgment}, {"today", e.today}, {"range", e.range}, {"swing", e.swing}, {"share_of_scale", e.share},
                           {"at_low", optional(e.at_low)}, {"at_high", optional(e.at_high)}});
      for (const auto& h : m.edges) edges.push_back(hinge_json(h));
      models.push_back({{"model", m.model}, {"forecast", optional(m.forecast)}, {"explanation", m.explanation}, {"label", m.label},
                        {"on_boundary", m.boundary.empty() ? json(nullptr) : json(m.boundary)}, {"ranking", ranking}, {"knife_edges", edges}});
    }
    auto sobol_lines = [&](const std::vector<SobolLine>& lines) {
      json out = json::array();
      for (const auto& line : lines) {
        json by_model = json::object();
        for (std::size_t k = 0; k < issue.sobol_models.size(); ++k) {
          const SobolIndex& x = line.by_model[k];
          auto value = [](double v) { return std::isnan(v) ? json(nullptr) : json(v); };
          by_model[issue.sobol_models[k]] = {{"first", value(x.first)}, {"first_error", value(x.first_error)}, {"total", value(x.total)},
                                             {"total_error", value(x.total_error)}};
        }
        out.push_back({{"group", line.group}, {"indices", by_model}});
      }
      return out;
    };
    json deal_edges = json::array();
    for (const auto& h : issue.deal_edges) deal_edges.push_back(hinge_json(h));
    issues.push_back({{"issue", issue.id}, {"name", issue.name}, {"units", issue.units}, {"scale", {issue.low, issue.high}},
                      {"deal", {{"possible", issue.deal ? json(*issue.deal) : json(nullptr)}, {"edges", deal_edges}}},
                      {"models", models}, {"sobol", {{"samples", issue.sobol_samples}, {"models", issue.sobol_models}, {"groups", sobol_lines(issue.sobol)},
                                 {"judgments", sobol_lines(issue.sobol_judgments)}}}});
  }
  json skipped = json::array();
  for (const auto& k : r.skipped)
    skipped.push_back({{"model", k.model}, {"part", k.monte_carlo ? "variance shares" : "one-at-a-time"}, {"operations", k.operations}});
  return {{"skipped", skipped},
          {"max_work", r.max_work},
          {"settings",
           {{"sweep_points", 2 * s.grid},
            {"capability_factor", s.capability_factor},
            {"models", s.models},
            {"sobol_models", s.sobol_models},
            {"sobol_samples", s.sobol_samples},
            {"seed", s.seed},
            {"sobol_ranges",
             {{"position_share_of_scale", s.ranges.position},
              {"salience", s.ranges.salience},
              {"capability_factor", s.ranges.capability},
              {"status_quo_share_of_scale", s.ranges.status_quo}}}}},
          {"issues", issues}};
}

}  // namespace statecraft
