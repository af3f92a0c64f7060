#pragma once
// Runs the bargaining models over a scenario's issues: one forecast per model and issue, with
// the rounds of the dynamic models.

#include <optional>
#include <string>
#include <vector>

#include "bargaining/decision.hpp"
#include "bargaining/exchange.hpp"
#include "bargaining/expected_utility.hpp"
#include "bargaining/spatial.hpp"
#include "scenario/work.hpp"

namespace statecraft {

struct ModelInfo {
  std::string name;      // as on the command line: compromise, median, nash, ...
  std::string title;     // for people
  std::string citation;  // the published specification followed
};

// Every model, in the order reports list them.
const std::vector<ModelInfo>& bargaining_models();
const ModelInfo* find_model(const std::string& name);

struct IssueForecast {
  std::string issue;
  std::string model;
  std::optional<double> position;  // empty when the model cannot forecast this issue
  std::string explanation;         // why not, or what the figure means when it is special
  // Dynamic models: rounds[t][i] is actor i's position (in the issue's actor order) after
  // round t, round 0 being the input; NaN for an actor that took no part.
  std::vector<std::vector<double>> rounds;
  // Who decides the issue and, under a decision rule, the win set of its status quo: the forecast
  // is kept in it (the status quo when it is empty); rounds stay as the model computed them.
  DecisionRule rule = DecisionRule::Everyone;
  std::vector<std::string> deciders{};
  std::optional<WinSet> win_set{};     // empty under rule Everyone
  std::optional<double> moved_from{};  // the model's own point, when it lay outside the win set
};

struct ModelParameters {
  ExpectedUtilitySettings expected_utility;
  ExchangeSettings exchange;
  unsigned threads = 1;  // for the Spatial Model of Politics (0: every core); results do not depend on it
  // A run estimated above this many operations (about a nanosecond each on one core of a 2020s
  // x86 machine, so the default is about a minute) is refused with WorkTooLarge before it starts;
  // docs/models/README.md gives each model's estimate. A point forecast holds each model to it
  // alone (a model over it is refused or skipped, the others run); --samples and backtest cases,
  // which repeat every model, hold the models' total times the repetitions to it.
  double max_work = 6e10;
  enum class OverLimit {
    Refuse,  // throw WorkTooLarge
    Skip,    // give the model no forecast, with the estimate and how to run it as the explanation
  } over_limit = OverLimit::Refuse;
  Progress progress;  // the Spatial Model of Politics' turns, for a person watching
  // NumbersOnly: each forecast's point alone, without the words of its win set and deciders nor
  // the win set and deciders themselves (the sampling runs', many thousand of them).
  Words words = Words::Explained;
};

// The work of running the named models on the issues, in operations, and which model needs the
// most and why (for a refusal).
struct WorkEstimate {
  double operations = 0;    // of every model together
  std::string explanation;  // "smp on 1000 actors and 3 issues needs an estimated … operations (formula)"; for several, their total and the largest
};
WorkEstimate estimated_work(const std::vector<BargainingIssue>& issues, const std::vector<std::string>& models,
                            const ModelParameters& parameters = {});

// Throws WorkTooLarge when `repetitions` runs of `work` exceed `limit` operations.
void refuse_beyond(const WorkEstimate& work, double repetitions, double limit);

// Forecasts of the named models on every issue, issue by issue, models in the order given;
// a model whose estimated work exceeds parameters.max_work is refused or skipped first.
// `exchange_run`, when given, receives the exchange model's run (its exchanges), if it ran.
std::vector<IssueForecast> forecast_issues(const std::vector<BargainingIssue>& issues,
                                           const std::vector<std::string>& models, const ModelParameters& parameters = {},
                                           std::optional<ExchangeRun>* exchange_run = nullptr);

std::vector<BargainingIssue> bargaining_issues(const Scenario& scenario);

// The parameters with the scenario's own model choices (its `models:` section) applied: what a
// run uses unless its command line says otherwise.
ModelParameters with_model_choices(ModelParameters parameters, const Scenario& scenario);

}  // namespace statecraft
