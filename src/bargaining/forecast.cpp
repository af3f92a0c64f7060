#include "bargaining/forecast.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <stdexcept>

#include "bargaining/deciders.hpp"
#include "bargaining/decision.hpp"
#include "bargaining/exchange.hpp"
#include "bargaining/expected_utility.hpp"
#include "bargaining/nash.hpp"
#include "bargaining/smp.hpp"

#include <cmath>
#include <limits>
#include <thread>
#include <map>

namespace statecraft {
namespace {

constexpr const char* no_weight = "no actor has both capability and salience";

bool has_weight(const BargainingIssue& issue) {
  return std::any_of(issue.actors.begin(), issue.actors.end(), weighs);
}

// A weighted mean of points on the scale can round past its end (2030.0000000000002 on
// [1990, 2030]); forecasts and every round's positions are kept on it.
void keep_on_scale(IssueForecast& f, const BargainingIssue& issue) {
  if (f.position) f.position = std::clamp(*f.position, issue.low, issue.high);
  for (auto& round : f.rounds)
    for (double& x : round)
      if (!std::isnan(x)) x = std::clamp(x, issue.low, issue.high);
}

// The Spatial Model of Politics runs once over all issues together, as KTAB's dimensions:
// * an actor's capability is the mean of its capabilities on the issues where it has a stance
//   (its own capability when no issue overrides it);
// * positions are rescaled to [0, 1] from each issue's scale;
// * an actor without a stance on an issue stands at its status quo (else the midpoint) with no
//   salience there;
// * saliences summing above 1 are divided by their sum (KTAB requires at most 1);
// * actors with no capability or no salience anywhere take no part (KTAB would stop).
// The forecast of an issue is the expected outcome of the final state: each actor's final
// position weighted by its chance of winning the probabilistic Condorcet election.
std::vector<IssueForecast> run_smp_jointly(const std::vector<BargainingIssue>& issues, unsigned threads, const Progress& progress) {
  std::vector<std::string> ids;
  std::map<std::string, SmpActor> by_id;
  std::map<std::string, int> stances;
  const std::size_t dims = issues.size();
  for (std::size_t d = 0; d < dims; ++d)
    for (const auto& a : issues[d].actors) {
      if (!by_id.count(a.id)) {
        ids.push_back(a.id);
        SmpActor actor{a.id, 0, std::vector<double>(dims), std::vector<double>(dims, 0.0)};
        for (std::size_t k = 0; k < dims; ++k)
          actor.position[k] = ((issues[k].status_quo ? *issues[k].status_quo : (issues[k].low + issues[k].high) / 2) - issues[k].low) /
                              (issues[k].high - issues[k].low);
        by_id.emplace(a.id, std::move(actor));
      }
      SmpActor& actor = by_id.at(a.id);
      actor.capability += a.capability;
      ++stances[a.id];
      actor.position[d] = (a.position - issues[d].low) / (issues[d].high - issues[d].low);
      actor.salience[d] = a.salience;
    }
  std::vector<SmpActor> actors;
  for (const auto& id : ids) {
    SmpActor actor = by_id.at(id);
    actor.capability /= stances.at(id);
    double total = 0.0;
    for (double s : actor.salience) total = total + s;
    if (!(actor.capability > 0) || !(total > 0)) continue;
    // A hair more than the sum, so that the rescaled saliences' own sum cannot round above 1.
    if (total > 1)
      for (double& s : actor.salience) s /= total * (1 + 4 * std::numeric_limits<double>::epsilon());
    actors.push_back(std::move(actor));
  }
  std::vector<IssueForecast> out;
  if (actors.empty()) {
    for (const auto& issue : issues) out.push_back({issue.id, "smp", std::nullopt, no_weight, {}});
    return out;
  }
  SmpSettings settings;
  settings.threads = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  settings.progress = progress;
  const SmpRun run = run_smp(actors, settings);
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < actors.size(); ++i) index[actors[i].id] = i;
  for (std::size_t d = 0; d < dims; ++d) {
    const auto& issue = issues[d];
    auto to_scale = [&](double x) { return issue.low + x * (issue.high - issue.low); };
    IssueForecast f{issue.id, "smp", 0.0, {}, {}};
    for (std::size_t i = 0; i < actors.size(); ++i) *f.position += run.win_probability[i] * to_scale(run.positions.back()[i][d]);
    for (const auto& state : run.positions) {
      std::vector<double> round;
      for (const auto& a : issue.actors) {
        const auto found = index.find(a.id);
        round.push_back(found == index.end() ? NAN : to_scale(state[found->second][d]));
      }
      f.rounds.push_back(std::move(round));
    }
    out.push_back(std::move(f));
  }
  return out;
}

// The exchange model trades across issues, so it too runs once over all of them; the forecast
// of an issue is its outcome on the positions actors vote with after the last round.
std::vector<IssueForecast> run_exchange_jointly(const std::vector<BargainingIssue>& issues, const ExchangeSettings& settings,
                                                std::optional<ExchangeRun>* keep) {
  const ExchangeRun run = run_exchange(issues, settings);
  const auto forecast = run.forecast();
  std::vector<IssueForecast> out;
  for (std::size_t d = 0; d < issues.size(); ++d) {
    IssueForecast f{issues[d].id, "exchange", std::isnan(forecast[d]) ? std::nullopt : std::optional<double>(forecast[d]), {}, {}};
    std::vector<double> start;
    for (const auto& a : issues[d].actors) start.push_back(a.position);
    f.rounds.push_back(start);
    for (const auto& round : run.rounds) f.rounds.push_back(round.positions[d]);
    out.push_back(std::move(f));
  }
  if (keep) *keep = run;
  return out;
}

IssueForecast run(const std::string& model, const BargainingIssue& issue, const ModelParameters& parameters) {
  IssueForecast f{issue.id, model, std::nullopt, {}, {}};
  if (model == "compromise") {
    f.position = weighted_mean(issue.actors);
  } else if (model == "median") {
    f.position = weighted_median(issue.actors);
  } else if (model == "nash") {
    if (const auto solution = nash_bargaining(issue)) {
      f.position = solution->position;
      f.explanation = solution->explanation;
    }
  } else if (model == "deciders") {
    DecidersSolution solution = bargaining_among_deciders(issue, parameters.words);
    f.position = solution.position;
    f.explanation = std::move(solution.explanation);
  } else if (model == "expected-utility") {
    // Actors without capability or salience cast no votes and carry no weight: they take no part.
    std::vector<SpatialActor> voters;
    std::vector<std::size_t> index;
    for (std::size_t i = 0; i < issue.actors.size(); ++i)
      if (weighs(issue.actors[i])) {
        voters.push_back(issue.actors[i]);
        index.push_back(i);
      }
    if (!voters.empty()) {
      const auto run = run_expected_utility(voters, parameters.expected_utility);
      f.position = expected_utility_forecast(run);
      if (run.cycle > 1)
        f.explanation = "the positions repeat every " + std::to_string(run.cycle) + " rounds; the forecast is the mean median over the cycle";
      else if (run.stopped.rfind("round limit", 0) == 0)
        f.explanation = "the median had not settled after " + std::to_string(run.rounds.size()) + " rounds; the last one is shown";
      auto round_of = [&](const std::vector<double>& positions) {
        std::vector<double> round(issue.actors.size(), NAN);
        for (std::size_t k = 0; k < index.size(); ++k) round[index[k]] = positions[k];
        return round;
      };
      std::vector<double> start;
      for (const auto& v : voters) start.push_back(v.position);
      f.rounds.push_back(round_of(start));
      for (const auto& r : run.rounds) f.rounds.push_back(round_of(r.positions));
    }
  } else {
    throw std::invalid_argument("unknown bargaining model '" + model + "'");
  }
  if (!f.position && f.explanation.empty()) f.explanation = no_weight;
  return f;
}

std::string count(std::size_t n, const std::string& noun) { return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s"); }

std::size_t weighted_actors(const BargainingIssue& issue) {
  return static_cast<std::size_t>(std::count_if(issue.actors.begin(), issue.actors.end(), weighs));
}

// One model's estimate. The constants are measured (docs/models/README.md): the work of a turn,
// round or exchange, in operations of about a nanosecond.
WorkEstimate model_work(const std::vector<BargainingIssue>& issues, const std::string& model, const ModelParameters& parameters) {
  const auto dims = static_cast<double>(issues.size());
  if (model == "smp") {
    std::set<std::string> taking_part;
    for (const auto& issue : issues)
      for (const auto& a : issue.actors)
        if (weighs(a)) taking_part.insert(a.id);
    const auto n = static_cast<double>(taking_part.size());
    const int turns = SmpSettings{}.max_turns;
    const double work = 3 * n * n * (n + dims) * turns;
    return {work, fmt::format("smp on {} actors and {} needs an estimated {:.3g} operations (3·actors²·(actors + issues) a turn, up to {} turns)",
                              taking_part.size(), count(issues.size(), "issue"), work, turns)};
  }
  if (model == "expected-utility") {
    double work = 0;
    std::size_t most = 0;
    for (const auto& issue : issues) {
      const std::size_t weighing = weighted_actors(issue);
      const auto n = static_cast<double>(weighing);
      most = std::max(most, weighing);
      work += (n * n * n + 300 * n * n) * parameters.expected_utility.max_rounds;
    }
    return {work, fmt::format("expected-utility on {} of up to {} actors needs an estimated {:.3g} operations "
                              "((actors³ + 300·actors²) a round and issue, up to {} rounds)",
                              count(issues.size(), "issue"), most, work, parameters.expected_utility.max_rounds)};
  }
  if (model == "exchange") {
    // Every pair of actors weighing on both issues of every pair of issues is a candidate; each
    // exchange carried out recalculates the candidates, and a round carries out at most about one
    // per actor and issue (a third of that measured on 1,000 actors and 3 issues).
    std::vector<std::set<std::string>> weighing(issues.size());
    for (std::size_t d = 0; d < issues.size(); ++d)
      for (const auto& a : issues[d].actors)
        if (weighs(a)) weighing[d].insert(a.id);
    double candidates = 0;
    for (std::size_t p = 0; p < issues.size(); ++p)
      for (std::size_t q = p + 1; q < issues.size(); ++q) {
        double both = 0;
        for (const auto& id : weighing[q]) both += weighing[p].count(id);
        candidates += both * (both - 1) / 2;
      }
    std::set<std::string> actors;
    for (const auto& issue : issues)
      for (const auto& a : issue.actors) actors.insert(a.id);
    const double work = 2 * candidates * static_cast<double>(actors.size()) * dims * parameters.exchange.max_rounds;
    return {work, fmt::format("exchange on {} actors and {} needs an estimated {:.3g} operations "
                              "(2·candidate exchanges·actors·issues a round, up to {} rounds; {:.3g} candidates)",
                              actors.size(), count(issues.size(), "issue"), work, parameters.exchange.max_rounds, candidates)};
  }
  double work = 0;  // the static models: a pass or a sort over the actors, a bisection for nash
  for (const auto& issue : issues) work += 200 * static_cast<double>(issue.actors.size());
  return {work, fmt::format("{} needs an estimated {:.3g} operations", model, work)};
}

// Two significant digits, rounded up: a --max-work that is sure to lift the refusal.
double rounded_up(double x) {
  const double unit = std::pow(10.0, std::floor(std::log10(x)) - 1);
  const double up = std::ceil(x / unit) * unit;
  return up < x ? up + unit : up;
}

// "not run" forecasts of a model over its limit, saying how to run it.
std::vector<IssueForecast> not_run(const std::vector<BargainingIssue>& issues, const std::string& model, const WorkEstimate& work,
                                   double limit) {
  const std::string why = fmt::format("not run: {}, more than the limit of {:.3g}; `statecraft forecast --model {} --max-work {:.3g}` runs it",
                                      work.explanation, limit, model, rounded_up(work.operations));
  std::vector<IssueForecast> out;
  for (const auto& issue : issues) out.push_back({issue.id, model, std::nullopt, why, {}});
  return out;
}

// Every model respects the decision rule (docs/models/README.md): an agreement must lie in the win
// set of the status quo, and when none exists the status quo holds. A point outside is replaced by
// the nearest point of the win set's closure and kept in moved_from. Only the forecast is kept in
// it: a dynamic model's rounds are left as it computed them.
void keep_to_decision(IssueForecast& f, const BargainingIssue& issue, const std::optional<WinSet>& set, Words words) {
  f.rule = issue.rule;
  if (words == Words::Explained) {  // what the words are made of; the sampling runs keep only the point
    f.deciders = issue.deciders;
    f.win_set = set;
  }
  if (!set || !f.position) return;
  const double kept = nearest_in(*set, *f.position);
  if (kept != *f.position) {
    f.moved_from = f.position;
    f.position = kept;
  }
  // No agreement outranks whatever the model said about its own point.
  if (set->empty && words == Words::Explained)
    f.explanation = fmt::format("no agreement: {} {}, so the status quo holds", list_in_words(set->blockers),
                                set->blockers.size() == 1 ? "blocks" : "block");
}

}  // namespace

WorkEstimate estimated_work(const std::vector<BargainingIssue>& issues, const std::vector<std::string>& models,
                            const ModelParameters& parameters) {
  WorkEstimate total, largest{-1, ""};
  for (const auto& model : models) {
    const WorkEstimate one = model_work(issues, model, parameters);
    total.operations += one.operations;
    if (one.operations > largest.operations) largest = one;
  }
  total.explanation = total.operations == largest.operations
                          ? largest.explanation
                          : fmt::format("the models together need an estimated {:.3g} operations; the largest part, {}", total.operations,
                                        largest.explanation);
  return total;
}

void refuse_beyond(const WorkEstimate& work, double repetitions, double limit) {
  const double operations = work.operations * repetitions;
  if (!(operations > limit)) return;
  const std::string what = repetitions == 1 ? work.explanation
                                            : fmt::format("{:.3g} runs of the models need an estimated {:.3g} operations; of one run, {}",
                                                          repetitions, operations, work.explanation);
  throw WorkTooLarge(what, operations, limit, "--max-work");
}

const std::vector<ModelInfo>& bargaining_models() {
  static const std::vector<ModelInfo> models{
      {"compromise", "compromise (weighted mean)", "van den Bos 1991; Achen 2006: sum c*s*x / sum c*s"},
      {"median", "weighted median", "Black 1948: the c*s-weighted median, Condorcet winner on a line"},
      {"nash", "asymmetric Nash bargaining", "Nash 1950; Kalai 1977: max sum c*ln(U(x) - U(d)), U = -s*|x - x_i|"},
      {"deciders", "bargaining among the deciders, pressed by the others",
       "asymmetric Nash bargaining (Nash 1950; Kalai 1977) between the deciders, power c*s, at positions moved by the others' c*s-weighted pull "
       "(after Friedkin & Johnsen 1990; Stokman & Van den Bos 1992)"},
      {"expected-utility", "expected utility (Bueno de Mesquita)", "Bueno de Mesquita 1994, as specified by Scholz, Calbert & Smith 2011; Q = 1"},
      {"exchange", "exchange of support across issues (Stokman & Van Oosten)",
       "Stokman & Van Oosten 1994; equal-gain exchanges as in Decide (Dijkstra, Van Assen & Stokman 2008)"},
      {"smp", "Spatial Model of Politics (KTAB)", "Wise et al. 2015, KTAB smpc with default parameters; all issues as one space"},
  };
  return models;
}

ModelParameters with_model_choices(ModelParameters parameters, const Scenario& scenario) {
  if (!scenario.models) return parameters;
  using Probability = ExpectedUtilitySettings::SuccessProbability;
  const std::string& probability = scenario.models->expected_utility_probability;
  if (probability == "paper") parameters.expected_utility.probability = Probability::Paper;
  if (probability == "program") parameters.expected_utility.probability = Probability::Program;
  return parameters;
}

const ModelInfo* find_model(const std::string& name) {
  for (const auto& model : bargaining_models())
    if (model.name == name) return &model;
  return nullptr;
}

std::vector<IssueForecast> forecast_issues(const std::vector<BargainingIssue>& issues,
                                           const std::vector<std::string>& models, const ModelParameters& parameters,
                                           std::optional<ExchangeRun>* exchange_run) {
  // by_model[m][i]: model m on issue i; joint models run once over every issue.
  // The exchange model and the per-issue models compare capabilities within an issue; smp
  // averages an actor's capabilities across issues, so it needs one unit for all of them.
  std::vector<BargainingIssue> each_relative;
  each_relative.reserve(issues.size());
  for (const auto& issue : issues) {
    std::vector<BargainingIssue> alone;  // one copy of the issue (the Monte Carlo's runs are thousands)
    alone.push_back(issue);
    each_relative.push_back(std::move(with_relative_capabilities(std::move(alone)).front()));
  }
  // Every model's work is estimated before any runs, so that a refusal comes at once.
  std::vector<WorkEstimate> work;
  WorkEstimate refused{0, ""};
  for (const auto& model : models) {
    work.push_back(model_work(issues, model, parameters));
    if (work.back().operations <= parameters.max_work) continue;
    refused.operations = std::max(refused.operations, work.back().operations);
    refused.explanation += (refused.explanation.empty() ? "" : "; ") + work.back().explanation;
  }
  if (parameters.over_limit == ModelParameters::OverLimit::Refuse) refuse_beyond(refused, 1, parameters.max_work);
  std::vector<std::vector<IssueForecast>> by_model;
  for (std::size_t m = 0; m < models.size(); ++m) {
    const std::string& model = models[m];
    if (work[m].operations > parameters.max_work) {
      by_model.push_back(not_run(issues, model, work[m], parameters.max_work));
      continue;
    }
    if (model == "smp" || model == "exchange") {
      by_model.push_back(model == "smp" ? run_smp_jointly(with_relative_capabilities(issues), parameters.threads, parameters.progress)
                                        : run_exchange_jointly(each_relative, parameters.exchange, exchange_run));
      continue;
    }
    std::vector<IssueForecast> per_issue;
    for (const auto& issue : each_relative) per_issue.push_back(run(model, issue, parameters));
    by_model.push_back(std::move(per_issue));
  }
  std::vector<std::optional<WinSet>> sets;
  for (const auto& issue : issues) sets.push_back(win_set(issue, parameters.words));
  std::vector<IssueForecast> out;
  for (std::size_t i = 0; i < issues.size(); ++i)
    for (auto& model : by_model) {
      IssueForecast& f = model[i];
      // Nothing weighs on such an issue; the joint models would report where it started.
      if (!has_weight(issues[i])) f = {f.issue, f.model, std::nullopt, no_weight, {}};
      keep_on_scale(f, issues[i]);
      keep_to_decision(f, issues[i], sets[i], parameters.words);
      out.push_back(std::move(f));
    }
  return out;
}

std::vector<BargainingIssue> bargaining_issues(const Scenario& scenario) {
  std::vector<BargainingIssue> issues;
  for (const auto& issue : scenario.issues) issues.push_back(bargaining_issue(scenario, issue));
  return issues;
}

}  // namespace statecraft
