#pragma once
// The rounds of the dynamic bargaining models, as CSV rows and as an SVG chart per issue.

#include <string>
#include <vector>

#include "bargaining/forecast.hpp"

namespace statecraft {

// "model,issue,round,actor,position" rows for every forecast with rounds; `forecasts` is
// issue-major as forecast_issues returns it.
std::string trajectory_csv(const std::vector<BargainingIssue>& issues, const std::vector<IssueForecast>& forecasts);

// What a chart says in words beside its data: title, what a point of the scale means, and the
// caption naming the scenario, its date and sources (so that a pasted chart still says it).
struct ChartWords {
  std::string title;
  std::string units;
  std::string caption;
};

// One panel per dynamic model: each actor's position on `issue` by round, labelled at the end,
// with the model's forecast and the status quo marked. Empty when no forecast of the issue has rounds.
std::string trajectory_svg(const BargainingIssue& issue, const ChartWords& words, const std::vector<IssueForecast>& forecasts_of_issue);

}  // namespace statecraft
