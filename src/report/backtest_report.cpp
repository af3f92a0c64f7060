#include "report/backtest_report.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <nlohmann/json.hpp>

#include "report/table.hpp"

namespace statecraft {
namespace {

std::size_t group_count(const std::vector<BacktestCase>& cases) {
  std::vector<std::string> seen;
  std::size_t ungrouped = 0;
  for (const auto& c : cases) {
    if (c.group.empty()) ++ungrouped;
    else if (std::find(seen.begin(), seen.end(), c.group) == seen.end()) seen.push_back(c.group);
  }
  return seen.size() + ungrouped;
}

nlohmann::json number_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }
nlohmann::json interval_json(const std::optional<Interval>& i) { return i ? nlohmann::json{i->low, i->high} : nlohmann::json(nullptr); }
std::string percent(double share) { return std::isfinite(share) ? fmt::format("{:.0f} %", 100 * share) : "—"; }
std::string fixed(double v) { return std::isfinite(v) ? fmt::format("{:.2f}", v) : "—"; }

std::size_t scored_cases(const BacktestReport& r) {
  return static_cast<std::size_t>(std::count_if(r.cases.begin(), r.cases.end(), [](const BacktestCase& c) { return c.outcome.has_value(); }));
}

}  // namespace

BacktestReport run_backtest(std::vector<BacktestCase> cases, const std::vector<std::string>& models, const ModelParameters& parameters,
                            const CrossValidation& settings) {
  BacktestReport r;
  std::vector<std::string> unfitted, fitted;
  for (const auto& m : models) (is_fitted_model(m) ? fitted : unfitted).push_back(m);
  auto base = backtest(cases, unfitted, parameters);
  r.settings = settings;
  r.settings.folds = std::min(settings.folds, group_count(cases));
  if (r.settings.folds >= 2) r.cross_validated = cross_validate(cases, base, fitted, r.settings);
  for (const auto& m : models) {
    const auto b = std::find_if(base.begin(), base.end(), [&](const ModelScore& s) { return s.model == m; });
    if (b != base.end()) {
      r.scores.push_back(*b);
      continue;
    }
    const auto cv = std::find_if(r.cross_validated.begin(), r.cross_validated.end(), [&](const CrossValidatedScore& s) { return s.model == m; });
    r.scores.push_back(cv == r.cross_validated.end() ? ModelScore{m, 0, NAN, NAN, NAN, NAN, std::vector<std::optional<double>>(cases.size()), {}}
                                                     : scored(cases, m, cv->forecasts));
  }
  if (!r.cross_validated.empty()) {  // in the order asked, like the scores
    std::vector<CrossValidatedScore> ordered;
    for (const auto& m : models)
      ordered.push_back(*std::find_if(r.cross_validated.begin(), r.cross_validated.end(), [&](const CrossValidatedScore& s) { return s.model == m; }));
    r.cross_validated = std::move(ordered);
  }
  const auto baseline = std::find_if(r.scores.begin(), r.scores.end(), [](const ModelScore& s) { return s.model == "compromise"; });
  for (const auto& s : r.scores)
    r.minus_compromise.push_back(baseline != r.scores.end() && s.model != "compromise" && s.cases ? std::optional(paired_difference(cases, s, *baseline))
                                                                                                : std::nullopt);
  r.cases = std::move(cases);
  return r;
}

std::string backtest_text(const BacktestReport& r) {
  std::string out = fmt::format("Backtest of {}: {} issues with an outcome in {} proposals, {} actors, {}\n", r.file, scored_cases(r), r.proposals, r.actors,
                                r.capabilities);
  out += "  (the issues of a proposal run together; intervals resample whole proposals)\n";
  const bool cv = !r.cross_validated.empty();
  TextTable table({{"model", TextTable::Align::Left},
                   {"issues", TextTable::Align::Right},
                   {"MAE", TextTable::Align::Right},
                   {"95% interval", TextTable::Align::Right},
                   {"RMSE", TextTable::Align::Right},
                   {"minus compromise [95%]", TextTable::Align::Right},
                   {cv ? "50% covers" : "", TextTable::Align::Right},
                   {cv ? "90% covers" : "", TextTable::Align::Right},
                   {cv ? "IS90" : "", TextTable::Align::Right},
                   {cv ? "CRPS" : "", TextTable::Align::Right}});
  std::vector<std::string> unscored;
  for (std::size_t m = 0; m < r.scores.size(); ++m) {
    const auto& s = r.scores[m];
    if (s.cases == 0) unscored.push_back(s.model);
    const auto& d = r.minus_compromise[m];
    std::vector<std::string> row{s.model + (is_fitted_model(s.model) ? " *" : ""), std::to_string(s.cases), s.cases ? fixed(s.mean_absolute_error) : "—",
                                 s.cases ? fmt::format("[{:.2f}, {:.2f}]", s.interval_low, s.interval_high) : "—", s.cases ? fixed(s.root_mean_squared_error) : "—",
                                 d ? fmt::format("{:+.2f} [{:+.2f}, {:+.2f}]", d->difference, d->interval_low, d->interval_high) : ""};
    if (cv) {
      const auto& c = r.cross_validated[m];
      for (auto cell : {percent(c.coverage50), percent(c.coverage90), fixed(c.interval_score90), fixed(c.crps)}) row.push_back(s.cases ? cell : "—");
    } else {
      row.insert(row.end(), 4, "");
    }
    table.add_row(row);
  }
  out += table.render("  ");
  if (cv)
    out += fmt::format(
        "  * fitted on the other folds: {}-fold cross-validation across proposals, seed {}; every model's intervals are split conformal,\n"
        "    from its cross-validated errors on the other folds; IS90 the 90 % interval score, CRPS the continuous ranked probability score (lower is better)\n",
        r.settings.folds, r.settings.seed);
  else
    out += "  (too few proposals to cross-validate: fitted models and intervals need two at least)\n";
  for (const auto& s : r.scores) {  // runs that did not end in one answer, and what stands for them
    const auto cycles = std::count_if(s.explanations.begin(), s.explanations.end(), [](const std::string& e) { return e.find("repeat every") != std::string::npos; });
    const auto unsettled = std::count_if(s.explanations.begin(), s.explanations.end(), [](const std::string& e) { return e.find("had not settled") != std::string::npos; });
    if (cycles || unsettled)
      out += fmt::format("  {}: {} issue{} cycle (the forecast is the mean median over the cycle), {} stop at the round limit unsettled (the last round)\n", s.model,
                         cycles, cycles == 1 ? "" : "s", unsettled);
  }
  for (const auto& c : r.cross_validated)
    if (!c.fitted.empty()) {
      std::vector<std::string> parameters;
      for (const auto& [name, value] : c.fitted) parameters.push_back(fmt::format("{} {:g}", name, value));
      out += fmt::format("  {} fitted on every issue: {}\n", c.model, fmt::join(parameters, ", "));
    }
  if (!unscored.empty()) {
    std::string why;
    if (std::find(unscored.begin(), unscored.end(), "deciders") != unscored.end()) why += " (deciders needs an issue's decision rule, which these files do not give)";
    if (std::find(unscored.begin(), unscored.end(), "procedure") != unscored.end()) why += " (procedure needs the EU procedure of a DEU file)";
    out += fmt::format("  no case forecast by {}{}\n", fmt::join(unscored, ", "), why);
  }
  return out;
}

std::string backtest_json(const BacktestReport& r) {
  nlohmann::json rows = nlohmann::json::array(), per_issue = nlohmann::json::array();
  for (std::size_t m = 0; m < r.scores.size(); ++m) {
    const auto& s = r.scores[m];
    nlohmann::json row{{"model", s.model},
                       {"fitted", is_fitted_model(s.model)},
                       {"issues", s.cases},
                       {"mean_absolute_error", number_or_null(s.mean_absolute_error)},
                       {"root_mean_squared_error", number_or_null(s.root_mean_squared_error)},
                       {"interval95", {number_or_null(s.interval_low), number_or_null(s.interval_high)}}};
    if (const auto& d = r.minus_compromise[m])
      row["minus_compromise"] = {{"issues", d->cases}, {"difference", number_or_null(d->difference)},
                                 {"interval95", {number_or_null(d->interval_low), number_or_null(d->interval_high)}}};
    if (!r.cross_validated.empty()) {
      const auto& c = r.cross_validated[m];
      row["cross_validated"] = {{"issues", c.cases},
                                {"mean_absolute_error", number_or_null(c.mean_absolute_error)},
                                {"coverage50", number_or_null(c.coverage50)},
                                {"coverage90", number_or_null(c.coverage90)},
                                {"interval_score90", number_or_null(c.interval_score90)},
                                {"crps", number_or_null(c.crps)}};
      if (!c.fitted.empty()) {
        nlohmann::json parameters = nlohmann::json::object();
        for (const auto& [name, value] : c.fitted) parameters[name] = value;
        row["parameters"] = parameters;
      }
    }
    rows.push_back(std::move(row));
  }
  for (std::size_t k = 0; k < r.cases.size(); ++k) {
    nlohmann::json forecasts = nlohmann::json::object(), intervals50 = nlohmann::json::object(), intervals90 = nlohmann::json::object();
    for (std::size_t m = 0; m < r.scores.size(); ++m) {
      const auto& f = r.scores[m].forecasts[k];
      forecasts[r.scores[m].model] = f ? nlohmann::json(*f) : nlohmann::json(nullptr);
      if (!r.cross_validated.empty()) {
        intervals50[r.scores[m].model] = interval_json(r.cross_validated[m].interval50[k]);
        intervals90[r.scores[m].model] = interval_json(r.cross_validated[m].interval90[k]);
      }
    }
    nlohmann::json row{{"issue", r.cases[k].issue.id}, {"proposal", r.cases[k].group},
                       {"outcome", r.cases[k].outcome ? nlohmann::json(*r.cases[k].outcome) : nlohmann::json(nullptr)}, {"forecasts", forecasts}};
    if (!r.cross_validated.empty()) row["intervals50"] = intervals50, row["intervals90"] = intervals90;
    per_issue.push_back(std::move(row));
  }
  nlohmann::json report{{"statecraft", STATECRAFT_VERSION}, {"file", r.file}, {"issues", scored_cases(r)}, {"proposals", r.proposals},
                        {"actors", r.actors}, {"capabilities", r.capabilities}, {"scores", rows}, {"per_issue", per_issue}};
  if (!r.cross_validated.empty())
    report["cross_validation"] = {{"folds", r.settings.folds}, {"seed", r.settings.seed},
                                  {"intervals", "split conformal from each model's cross-validated errors on the other folds"}};
  return report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

std::string backtest_per_issue_csv(const BacktestReport& r) {
  std::string csv = "issue,proposal,model,forecast,outcome,error,low50,high50,low90,high90\n";
  auto cell = [](const std::optional<double>& v, const char* spec) { return v ? fmt::format(fmt::runtime(spec), *v) : std::string(); };
  for (std::size_t k = 0; k < r.cases.size(); ++k)
    for (std::size_t m = 0; m < r.scores.size(); ++m) {
      const auto& f = r.scores[m].forecasts[k];
      const auto& o = r.cases[k].outcome;
      std::optional<Interval> i50, i90;
      if (!r.cross_validated.empty()) i50 = r.cross_validated[m].interval50[k], i90 = r.cross_validated[m].interval90[k];
      csv += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", r.cases[k].issue.id, r.cases[k].group, r.scores[m].model, cell(f, "{:.4f}"), cell(o, "{:g}"),
                         f && o ? fmt::format("{:.4f}", std::abs(*f - *o)) : "", cell(i50 ? std::optional(i50->low) : std::nullopt, "{:.4f}"),
                         cell(i50 ? std::optional(i50->high) : std::nullopt, "{:.4f}"), cell(i90 ? std::optional(i90->low) : std::nullopt, "{:.4f}"),
                         cell(i90 ? std::optional(i90->high) : std::nullopt, "{:.4f}"));
    }
  return csv;
}

std::string backtest_fitted_json(const BacktestReport& r) {
  nlohmann::json fitted = nlohmann::json::object();
  for (const auto& c : r.cross_validated) {
    if (!is_fitted_model(c.model)) continue;
    nlohmann::json parameters = nlohmann::json::object();
    for (const auto& [name, value] : c.fitted) parameters[name] = value;
    fitted[c.model] = parameters;
  }
  return nlohmann::json{{"statecraft", STATECRAFT_VERSION}, {"file", r.file}, {"folds", r.settings.folds}, {"seed", r.settings.seed}, {"fitted", fitted}}.dump(2) + '\n';
}

}  // namespace statecraft
