#include "bargaining/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include <limits>
#include <stdexcept>

#include "bargaining/decision.hpp"
#include "bargaining/uncertainty.hpp"
#include "scenario/parallel.hpp"

namespace statecraft {
namespace {

// Halvings of the bracket around an edge: 2^-30 of a grid step, far below any judgment's
// precision as written.
constexpr int bisections = 30;

std::vector<Judgment> judgments_of(const BargainingIssue& issue, const SensitivitySettings& settings) {
  std::vector<Judgment> out;
  const double log_factor = std::log2(settings.capability_factor);
  for (std::size_t i = 0; i < issue.actors.size(); ++i) {
    const SpatialActor& a = issue.actors[i];
    out.push_back({JudgmentKind::Position, a.id, i, a.position, issue.low, issue.high});
    out.push_back({JudgmentKind::Salience, a.id, i, a.salience, 0, 1});
    // A capability of 0 has no scale to multiply; the actor stays out of the sweep's capabilities.
    if (a.capability > 0) out.push_back({JudgmentKind::Capability, a.id, i, a.capability, -log_factor, log_factor});
  }
  if (issue.status_quo) out.push_back({JudgmentKind::StatusQuo, "", 0, *issue.status_quo, issue.low, issue.high});
  if (issue.rule == DecisionRule::Majority || issue.rule == DecisionRule::Qualified)
    out.push_back({JudgmentKind::Threshold, "", 0, issue.threshold, 0.5, 1});
  if (issue.rule == DecisionRule::Everyone) return out;
  for (std::size_t i = 0; i < issue.actors.size(); ++i) {
    const std::string& id = issue.actors[i].id;
    const bool decides = std::find(issue.deciders.begin(), issue.deciders.end(), id) != issue.deciders.end();
    if (decides && issue.deciders.size() > 1) out.push_back({JudgmentKind::DeciderDropped, id, i, 0, 0, 0});
    if (!decides) out.push_back({JudgmentKind::DeciderAdded, id, i, 0, 0, 0});
  }
  return out;
}

// Today's point in the sweep's coordinate.
double today_coordinate(const Judgment& j) { return j.kind == JudgmentKind::Capability ? 0.0 : j.today; }

BargainingIssue changed(const BargainingIssue& issue, const Judgment& j, double x) {
  BargainingIssue copy = issue;
  switch (j.kind) {
    case JudgmentKind::Position: copy.actors[j.stance].position = x; break;
    case JudgmentKind::Salience: copy.actors[j.stance].salience = x; break;
    case JudgmentKind::Capability: copy.actors[j.stance].capability = judgment_value(j, x); break;
    case JudgmentKind::StatusQuo: copy.status_quo = x; break;
    case JudgmentKind::Threshold:
      copy.rule = DecisionRule::Qualified;
      copy.threshold = x;
      break;
    case JudgmentKind::DeciderDropped: std::erase(copy.deciders, j.actor); break;
    case JudgmentKind::DeciderAdded: copy.deciders.push_back(j.actor); break;
  }
  return copy;
}

// The analysis reruns one issue at a time, which the joint models (they trade or move across
// issues) would not forecast as they do on the whole scenario.
void refuse_joint_models(const std::vector<std::string>& models) {
  for (const auto& model : models)
    if (model == "smp" || model == "exchange")
      throw std::invalid_argument("the sensitivity analysis reruns one issue at a time; " + model + " forecasts every issue jointly");
}

ModelParameters quiet(ModelParameters parameters) {
  parameters.threads = 1;
  parameters.max_work = INFINITY;  // the whole analysis was held to it
  parameters.progress = nullptr;
  parameters.words = Words::NumbersOnly;
  return parameters;
}

std::vector<std::optional<double>> forecasts_of(const BargainingIssue& issue, const std::vector<std::string>& models,
                                                const ModelParameters& parameters) {
  std::vector<std::optional<double>> out;
  for (const auto& f : forecast_issues({issue}, models, parameters)) out.push_back(f.position);
  return out;
}

std::optional<std::size_t> label_of(const std::vector<double>& labels, const std::optional<double>& forecast) {
  return forecast ? nearest_label(labels, *forecast) : std::nullopt;
}

// The sweep of one judgment: its coordinate's points, today's first, then outward on each side.
struct Sweep {
  std::vector<double> below, above;  // nearest to today first
  std::vector<std::vector<std::optional<double>>> at_below, at_above;  // [point][model]
};

Sweep sweep(const BargainingIssue& issue, const Judgment& j, const SensitivitySettings& settings, const ModelParameters& parameters) {
  Sweep s;
  const double t = today_coordinate(j);
  for (std::size_t i = 1; i <= settings.grid; ++i) {
    const double share = static_cast<double>(i) / static_cast<double>(settings.grid);
    if (t > j.low) s.below.push_back(t - (t - j.low) * share);
    if (t < j.high) s.above.push_back(t + (j.high - t) * share);
  }
  for (double x : s.below) s.at_below.push_back(forecasts_of(changed(issue, j, x), settings.models, parameters));
  for (double x : s.above) s.at_above.push_back(forecasts_of(changed(issue, j, x), settings.models, parameters));
  return s;
}

JudgmentEffect effect_of(const Judgment& j, const Sweep& s, const std::optional<double>& today, std::size_t m) {
  JudgmentEffect e{j, today, today, 0, std::nullopt, std::nullopt};
  auto take = [&](const std::optional<double>& f) {
    if (!f) return;
    e.lowest = e.lowest ? std::min(*e.lowest, *f) : *f;
    e.highest = e.highest ? std::max(*e.highest, *f) : *f;
  };
  for (const auto& point : s.at_below) take(point[m]);
  for (const auto& point : s.at_above) take(point[m]);
  e.at_low = s.at_below.empty() ? today : s.at_below.back()[m];
  e.at_high = s.at_above.empty() ? today : s.at_above.back()[m];
  if (e.lowest && e.highest) e.swing = *e.highest - *e.lowest;
  return e;
}

// The first point of one side of the sweep at which the label differs from today's, refined by
// bisection to where it changes; none when it never does on that side.
std::optional<KnifeEdge> edge_on_side(const BargainingIssue& issue, const Judgment& j, const std::vector<double>& points,
                                      const std::vector<std::vector<std::optional<double>>>& at, std::size_t m,
                                      const std::vector<double>& labels, const std::optional<double>& today,
                                      const std::string& model, const ModelParameters& parameters) {
  const auto label_today = label_of(labels, today);
  if (!label_today) return std::nullopt;
  double same = today_coordinate(j);
  for (std::size_t p = 0; p < points.size(); ++p) {
    const auto label = label_of(labels, at[p][m]);
    if (!label) continue;  // no forecast there: no label to compare
    if (*label == *label_today) {
      same = points[p];
      continue;
    }
    double differs = points[p];
    std::optional<double> after = at[p][m];
    std::size_t label_after = *label;
    for (int step = 0; step < bisections; ++step) {
      const double middle = (same + differs) / 2;
      const auto f = forecasts_of(changed(issue, j, middle), {model}, parameters).front();
      const auto l = label_of(labels, f);
      if (l && *l == *label_today) {
        same = middle;
      } else if (l) {
        differs = middle;
        after = f;
        label_after = *l;
      } else {
        break;  // no forecast in between: the edge stands where the grid found it
      }
    }
    const double width = j.high - j.low;
    return KnifeEdge{j, judgment_value(j, differs), differs > today_coordinate(j), std::abs(differs - today_coordinate(j)) / width,
                     *label_today, label_after, today, after};
  }
  return std::nullopt;
}

std::optional<KnifeEdge> discrete_edge(const Judgment& j, const BargainingIssue& issue, const std::optional<double>& today,
                                       const std::optional<double>& after, const std::vector<double>& labels) {
  const auto before = label_of(labels, today), later = label_of(labels, after);
  if (!before || !later || *before == *later) return std::nullopt;
  return KnifeEdge{j, 0, true, 1.0 / static_cast<double>(issue.actors.size()), *before, *later, today, after};
}

ModelSensitivity model_sensitivity(const BargainingIssue& issue, const std::vector<Judgment>& judgments, const std::vector<Sweep>& sweeps,
                                   const std::vector<std::optional<double>>& today, std::size_t m, const std::vector<double>& labels,
                                   const SensitivitySettings& settings, const ModelParameters& parameters) {
  const std::string& model = settings.models[m];
  ModelSensitivity out{model, today[m], {}, {}, {}, std::nullopt};
  if (today[m]) out.on_boundary = boundary_at(labels, *today[m], 1e-9 * (issue.high - issue.low));
  for (std::size_t k = 0; k < judgments.size(); ++k) {
    const Judgment& j = judgments[k];
    const Sweep& s = sweeps[k];
    out.effects.push_back(effect_of(j, s, today[m], m));
    if (out.on_boundary) continue;
    if (is_discrete(j)) {
      if (auto edge = discrete_edge(j, issue, today[m], s.at_above.front()[m], labels)) out.edges.push_back(*edge);
      continue;
    }
    auto down = edge_on_side(issue, j, s.below, s.at_below, m, labels, today[m], model, parameters);
    auto up = edge_on_side(issue, j, s.above, s.at_above, m, labels, today[m], model, parameters);
    if (down && (!up || down->margin <= up->margin)) out.edges.push_back(*down);
    else if (up) out.edges.push_back(*up);
  }
  std::stable_sort(out.effects.begin(), out.effects.end(), [](const auto& a, const auto& b) { return a.swing > b.swing; });
  std::stable_sort(out.edges.begin(), out.edges.end(), [](const auto& a, const auto& b) { return a.margin < b.margin; });
  return out;
}

// Whether a deal is possible: none under rule Everyone or without a status quo.
std::optional<bool> deal_of(const BargainingIssue& issue) {
  const auto set = win_set(issue, Words::NumbersOnly);
  if (!set) return std::nullopt;
  return !set->empty;
}

DealEdge deal_edge(const BargainingIssue& issue, const Judgment& j, double x, double margin) {
  DealEdge edge{j, is_discrete(j) ? 0 : judgment_value(j, x), is_discrete(j) || x > today_coordinate(j), margin, false, {}, 0, 0};
  const auto set = win_set(changed(issue, j, x), Words::NumbersOnly);
  edge.deal_after = !set->empty;
  if (set->empty) edge.blockers = set->blockers;
  edge.low = set->low;
  edge.high = set->high;
  return edge;
}

// The nearest point of one side of the sweep where a deal's possibility turns, refined by
// bisection as the label edges are (edge_on_side); none when it never turns on that side.
std::optional<DealEdge> deal_edge_on_side(const BargainingIssue& issue, const Judgment& j, const std::vector<double>& points, bool today) {
  double same = today_coordinate(j);
  for (const double point : points) {
    if (*deal_of(changed(issue, j, point)) == today) {
      same = point;
      continue;
    }
    double differs = point;
    for (int step = 0; step < bisections; ++step) {
      const double middle = (same + differs) / 2;
      (*deal_of(changed(issue, j, middle)) == today ? same : differs) = middle;
    }
    return deal_edge(issue, j, differs, std::abs(differs - today_coordinate(j)) / (j.high - j.low));
  }
  return std::nullopt;
}

std::vector<DealEdge> deal_edges(const BargainingIssue& issue, const std::vector<Judgment>& judgments, const std::vector<Sweep>& sweeps,
                                 bool today) {
  std::vector<DealEdge> out;
  for (std::size_t k = 0; k < judgments.size(); ++k) {
    const Judgment& j = judgments[k];
    if (is_discrete(j)) {
      if (*deal_of(changed(issue, j, 0)) != today) out.push_back(deal_edge(issue, j, 0, 1.0 / static_cast<double>(issue.actors.size())));
      continue;
    }
    auto down = deal_edge_on_side(issue, j, sweeps[k].below, today);
    auto up = deal_edge_on_side(issue, j, sweeps[k].above, today);
    if (down && (!up || down->margin <= up->margin)) out.push_back(*down);
    else if (up) out.push_back(*up);
  }
  std::stable_sort(out.begin(), out.end(), [](const DealEdge& a, const DealEdge& b) { return a.margin < b.margin; });
  return out;
}

// The Monte Carlo's unit cube: three columns per stance (position, salience, capability), then
// the status quo's, if any.
double within(double today, double half_width, double low, double high, double u) {
  const double from = std::max(low, today - half_width), to = std::min(high, today + half_width);
  return from + u * (to - from);
}

BargainingIssue drawn(const BargainingIssue& issue, std::span<const double> u, const SobolRanges& r) {
  BargainingIssue copy = issue;
  const double scale = issue.high - issue.low, log_factor = std::log2(r.capability);
  for (std::size_t i = 0; i < copy.actors.size(); ++i) {
    SpatialActor& a = copy.actors[i];
    a.position = within(a.position, r.position * scale, issue.low, issue.high, u[3 * i]);
    a.salience = within(a.salience, r.salience, 0, 1, u[3 * i + 1]);
    a.capability *= std::exp2(log_factor * (2 * u[3 * i + 2] - 1));  // factor^U(−1, 1)
  }
  if (copy.status_quo) copy.status_quo = within(*copy.status_quo, r.status_quo * scale, issue.low, issue.high, u[3 * copy.actors.size()]);
  return copy;
}

// Runs of one model for one judgment: the sweep, and at most one bisection on each side.
double sweep_runs(const SensitivitySettings& settings) { return 2 * static_cast<double>(settings.grid) + 1 + 2 * bisections; }

SobolDesign design_of(const BargainingIssue& issue, const SensitivitySettings& settings) {
  SobolDesign design;
  const std::size_t n = issue.actors.size();
  design.inputs = 3 * n + (issue.status_quo ? 1 : 0);
  design.outputs = settings.sobol_models.size();
  for (std::size_t i = 0; i < n; ++i) design.groups.push_back({3 * i, 3 * i + 1, 3 * i + 2});
  if (issue.status_quo) design.groups.push_back({3 * n});
  if (settings.sobol_by_judgment)
    for (std::size_t c = 0; c < 3 * n; ++c) design.groups.push_back({c});
  design.samples = settings.sobol_samples;
  design.seed = named_seed(settings.seed, "sensitivity " + issue.id);
  design.threads = settings.threads;
  return design;
}

struct Part {
  std::string model;
  bool monte_carlo = false;
  double operations = 0;
};

// Each model's work in each part of the analysis, from the models' own estimates (forecast.hpp).
std::vector<Part> parts_of(const std::vector<BargainingIssue>& issues, const SensitivitySettings& settings) {
  std::vector<Part> parts;
  for (const auto& model : settings.models) {
    Part part{model, false, 0};
    for (const auto& issue : issues)
      part.operations += estimated_work({issue}, {model}, settings.parameters).operations *
                         static_cast<double>(judgments_of(issue, settings).size()) * sweep_runs(settings);
    parts.push_back(part);
  }
  if (settings.sobol_samples < 2) return parts;
  for (const auto& model : settings.sobol_models) {
    Part part{model, true, 0};
    for (const auto& issue : issues)
      if (!issue.actors.empty()) part.operations += estimated_work({issue}, {model}, settings.parameters).operations * sobol_runs(design_of(issue, settings));
    parts.push_back(part);
  }
  return parts;
}

// The settings with only the models whose work fits max_work together, the cheapest first; the
// others are listed as skipped. Throws WorkTooLarge when not even the cheapest part fits.
SensitivitySettings within_budget(const std::vector<BargainingIssue>& issues, const SensitivitySettings& settings,
                                  std::vector<SkippedModel>& skipped) {
  std::vector<Part> parts = parts_of(issues, settings);
  std::stable_sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.operations < b.operations; });
  SensitivitySettings kept = settings;
  kept.models.clear();
  kept.sobol_models.clear();
  double total = 0;
  for (const auto& part : parts) {
    if (total + part.operations > settings.parameters.max_work) {
      skipped.push_back({part.model, part.monte_carlo, part.operations});
      continue;
    }
    total += part.operations;
    (part.monte_carlo ? kept.sobol_models : kept.models).push_back(part.model);
  }
  if (!parts.empty() && skipped.size() == parts.size())
    refuse_beyond({parts.front().operations, fmt::format("the sensitivity analysis of {} alone needs an estimated {:.3g} operations",
                                                          parts.front().model, parts.front().operations)},
                  1, settings.parameters.max_work);
  // Back in the order asked for.
  auto in_order = [](const std::vector<std::string>& asked, const std::vector<std::string>& some) {
    std::vector<std::string> out;
    for (const auto& m : asked)
      if (std::find(some.begin(), some.end(), m) != some.end()) out.push_back(m);
    return out;
  };
  kept.models = in_order(settings.models, kept.models);
  kept.sobol_models = in_order(settings.sobol_models, kept.sobol_models);
  return kept;
}

}  // namespace

double judgment_value(const Judgment& judgment, double x) {
  return judgment.kind == JudgmentKind::Capability ? judgment.today * std::exp2(x) : x;
}

bool is_discrete(const Judgment& judgment) {
  return judgment.kind == JudgmentKind::DeciderDropped || judgment.kind == JudgmentKind::DeciderAdded;
}

std::optional<std::size_t> nearest_label(const std::vector<double>& labels, double x) {
  if (labels.empty()) return std::nullopt;
  std::size_t best = 0;
  // Ties (x on a boundary) go to the lower label, as the reports' words do (report/issue_words.hpp).
  for (std::size_t i = 1; i < labels.size(); ++i) {
    const double d = std::abs(labels[i] - x), e = std::abs(labels[best] - x);
    if (d < e || (d == e && labels[i] < labels[best])) best = i;
  }
  return best;
}

std::optional<std::pair<std::size_t, std::size_t>> boundary_at(const std::vector<double>& labels, double x, double tolerance) {
  const auto nearest = nearest_label(labels, x);
  if (!nearest) return std::nullopt;
  const double distance = std::abs(labels[*nearest] - x);
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (i != *nearest && labels[i] != labels[*nearest] && std::abs(std::abs(labels[i] - x) - distance) <= tolerance)
      return labels[i] < labels[*nearest] ? std::pair{i, *nearest} : std::pair{*nearest, i};
  return std::nullopt;
}

IssueSensitivity sobol_sensitivity(const BargainingIssue& issue, const SensitivitySettings& settings) {
  IssueSensitivity out;
  out.issue = issue.id;
  out.sobol_models = settings.sobol_models;
  out.sobol_samples = settings.sobol_samples;
  if (issue.actors.empty() || settings.sobol_samples < 2 || settings.sobol_models.empty()) return out;
  for (const auto& a : issue.actors) out.sobol_groups.push_back(a.id);
  if (issue.status_quo) out.sobol_groups.push_back("");
  if (settings.sobol_by_judgment)
    for (std::size_t i = 0; i < issue.actors.size(); ++i)
      for (const JudgmentKind kind : {JudgmentKind::Position, JudgmentKind::Salience, JudgmentKind::Capability})
        out.sobol_judgments.push_back({kind, issue.actors[i].id, i, 0, 0, 0});
  refuse_joint_models(settings.sobol_models);
  const ModelParameters parameters = quiet(settings.parameters);
  const SobolDesign design = design_of(issue, settings);
  // Many drawn copies of the issue forecast in one call, as separate issues: the per-issue models
  // treat each alone, and the call's own cost is shared.
  out.sobol = sobol_indices_in_batches(design, [&](std::span<const double> points, std::span<double> y) {
    std::vector<BargainingIssue> copies;
    copies.reserve(points.size() / design.inputs);
    for (std::size_t p = 0; p < points.size() / design.inputs; ++p)
      copies.push_back(drawn(issue, points.subspan(p * design.inputs, design.inputs), settings.ranges));
    const auto forecasts = forecast_issues(copies, settings.sobol_models, parameters);  // issue by issue, models in order
    for (std::size_t c = 0; c < forecasts.size(); ++c) y[c] = forecasts[c].position ? *forecasts[c].position : NAN;
  });
  return out;
}

SpatialSensitivity spatial_sensitivity(const std::vector<BargainingIssue>& issues, const std::vector<std::vector<double>>& labels,
                                       const SensitivitySettings& asked) {
  refuse_joint_models(asked.models);
  refuse_joint_models(asked.sobol_models);
  SpatialSensitivity out;
  const SensitivitySettings settings = within_budget(issues, asked, out.skipped);
  out.settings = settings;
  const ModelParameters parameters = quiet(settings.parameters);
  for (std::size_t d = 0; d < issues.size(); ++d) {
    const BargainingIssue& issue = issues[d];
    const auto judgments = judgments_of(issue, settings);
    std::vector<Sweep> sweeps(judgments.size());
    parallel_for(judgments.size(), settings.threads, [&](std::size_t k) {
      const Judgment& j = judgments[k];
      if (!is_discrete(j)) sweeps[k] = sweep(issue, j, settings, parameters);
      else sweeps[k].at_above.push_back(forecasts_of(changed(issue, j, 0), settings.models, parameters));  // one point: the change made
    });
    const auto as_written = forecast_issues({issue}, settings.models, parameters);
    std::vector<std::optional<double>> today;
    for (const auto& f : as_written) today.push_back(f.position);
    IssueSensitivity result = sobol_sensitivity(issue, settings);
    for (std::size_t m = 0; m < settings.models.size(); ++m) {
      result.models.push_back(model_sensitivity(issue, judgments, sweeps, today, m, labels.at(d), settings, parameters));
      result.models.back().explanation = as_written[m].explanation;
    }
    result.deal = deal_of(issue);
    if (result.deal) result.deal_edges = deal_edges(issue, judgments, sweeps, *result.deal);
    out.issues.push_back(std::move(result));
  }
  return out;
}

}  // namespace statecraft
