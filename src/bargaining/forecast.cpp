#include "bargaining/forecast.hpp"

#include <stdexcept>

#include "bargaining/nash.hpp"

namespace statecraft {
namespace {

IssueForecast run(const std::string& model, const BargainingIssue& issue) {
  IssueForecast f{issue.id, model, std::nullopt, {}};
  if (model == "compromise") {
    f.position = weighted_mean(issue.actors);
  } else if (model == "median") {
    f.position = weighted_median(issue.actors);
  } else if (model == "nash") {
    if (const auto solution = nash_bargaining(issue)) {
      f.position = solution->position;
      f.explanation = solution->explanation;
    }
  } else {
    throw std::invalid_argument("unknown bargaining model '" + model + "'");
  }
  if (!f.position && f.explanation.empty()) f.explanation = "no actor has both capability and salience";
  return f;
}

}  // namespace

const std::vector<ModelInfo>& bargaining_models() {
  static const std::vector<ModelInfo> models{
      {"compromise", "compromise (weighted mean)", "van den Bos 1991; Achen 2006: sum c*s*x / sum c*s"},
      {"median", "weighted median", "Black 1948: the c*s-weighted median, Condorcet winner on a line"},
      {"nash", "asymmetric Nash bargaining", "Nash 1950; Kalai 1977: max sum c*ln(U(x) - U(d)), U = -s*|x - x_i|"},
  };
  return models;
}

const ModelInfo* find_model(const std::string& name) {
  for (const auto& model : bargaining_models())
    if (model.name == name) return &model;
  return nullptr;
}

std::vector<IssueForecast> forecast_issues(const std::vector<BargainingIssue>& issues,
                                           const std::vector<std::string>& models) {
  std::vector<IssueForecast> out;
  for (const auto& issue : issues)
    for (const auto& model : models) out.push_back(run(model, issue));
  return out;
}

std::vector<BargainingIssue> bargaining_issues(const Scenario& scenario) {
  std::vector<BargainingIssue> issues;
  for (const auto& issue : scenario.issues) issues.push_back(bargaining_issue(scenario, issue));
  return issues;
}

}  // namespace statecraft
