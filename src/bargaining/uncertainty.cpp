#include "bargaining/uncertainty.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <random>

#include "bargaining/decision.hpp"
#include "scenario/parallel.hpp"

namespace statecraft {
namespace {

// SplitMix64 (Steele, Lea & Flood 2014): decorrelates the streams of neighbouring sample indices.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Box–Muller from the engine's raw bits, so that draws are identical on every standard library
// (std::normal_distribution's algorithm is implementation-defined).
class NormalSource {
 public:
  explicit NormalSource(std::uint64_t seed) : engine_(seed) {}
  double operator()() {
    const double u1 = (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53;
    const double u2 = static_cast<double>(engine_() >> 11) * 0x1.0p-53;
    return std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace

std::vector<BargainingIssue> jittered_issues(const std::vector<BargainingIssue>& issues, const Jitter& jitter,
                                             std::uint64_t seed, std::uint64_t index) {
  NormalSource normal(mix(seed ^ mix(index)));
  // The issues' own noise from a stream of its own, so that the actors' draws are those of a
  // sample before the status quo and thresholds were jittered.
  NormalSource issue_normal(mix(named_seed(seed, "issue") ^ mix(index)));
  // Relative capabilities (at most 1), so that the noise cannot carry one past the largest double.
  std::vector<BargainingIssue> copy = with_relative_capabilities(issues);
  for (auto& issue : copy) {
    const double scale = issue.high - issue.low;
    const std::optional<double> stated_status_quo = issue.status_quo;
    if (issue.status_quo) issue.status_quo = std::clamp(*issue.status_quo + jitter.status_quo * scale * issue_normal(), issue.low, issue.high);
    const double threshold_noise = jitter.threshold * issue_normal();
    if (issue.rule == DecisionRule::Qualified)
      issue.threshold = std::clamp(issue.threshold + threshold_noise, std::nextafter(0.5, 1.0), 1.0);
    for (auto& a : issue.actors) {
      const double jittered = std::clamp(a.position + jitter.position * scale * normal(), issue.low, issue.high);
      // An actor placed at the status quo is judged to want no change, not to want that point of
      // the scale: noise on its position and the status quo apart would invent a wish to move
      // (a sole decider there would then accept a small move in most samples), so it moves with it.
      a.position = stated_status_quo && a.position == *stated_status_quo ? *issue.status_quo : jittered;
      a.salience = std::clamp(a.salience + jitter.salience * normal(), 0.0, 1.0);
      const double factor = std::exp(jitter.capability * normal());
      if (a.capability > 0)
        a.capability = std::clamp(a.capability * factor, std::numeric_limits<double>::min(), std::numeric_limits<double>::max());
    }
  }
  return copy;
}

std::string describe_jitter(const Jitter& j) {
  return fmt::format("perturbed in each sample: positions by N(0, {:g} % of the issue's scale) and the status quo by N(0, {:g} %), both clipped "
                     "to the scale (an actor at the status quo stays at it: it wants no change); saliences by N(0, {:g}), clipped to [0, 1]; capabilities multiplied by exp(N(0, {:g})); qualified-majority "
                     "thresholds by N(0, {:g}), clipped to (0.5, 1]",
                     100 * j.position, 100 * j.status_quo, j.salience, j.capability, j.threshold);
}

std::vector<AgreementChance> agreement_chances(const std::vector<BargainingIssue>& issues, const UncertaintySettings& settings) {
  // rooms[sample × issues + i]: the width of issue i's win set in the sample as a share of its
  // scale, negative when it lies below the status quo, NaN without one; summed afterwards in
  // sample order, so the thread count cannot change it.
  std::vector<double> rooms(settings.samples * issues.size(), NAN);
  parallel_for(settings.samples, settings.threads, [&](std::size_t sample) {
    const auto copy = jittered_issues(issues, settings.jitter, settings.seed, sample);
    for (std::size_t i = 0; i < copy.size(); ++i)
      if (const auto set = win_set(copy[i], Words::NumbersOnly); set && !set->empty) {
        const double width = (set->high - set->low) / (copy[i].high - copy[i].low);
        rooms[sample * issues.size() + i] = set->low < *copy[i].status_quo ? -width : width;
      }
  });
  std::vector<std::size_t> agreements(issues.size(), 0), upward(issues.size(), 0);
  std::vector<double> room(issues.size(), 0.0);
  for (std::size_t sample = 0; sample < settings.samples; ++sample)
    for (std::size_t i = 0; i < issues.size(); ++i)
      if (const double r = rooms[sample * issues.size() + i]; !std::isnan(r)) {
        ++agreements[i];
        if (r > 0) ++upward[i];
        room[i] += std::abs(r);
      }
  std::vector<AgreementChance> out;
  for (std::size_t i = 0; i < issues.size(); ++i) {
    AgreementChance chance{issues[i].id, describe_rule(issues[i]), settings.samples, std::nullopt, std::nullopt, std::nullopt};
    if (win_set(issues[i]) && settings.samples > 0)
      chance.probability = static_cast<double>(agreements[i]) / static_cast<double>(settings.samples);
    if (agreements[i] > 0) {
      chance.mean_room = room[i] / static_cast<double>(agreements[i]);
      chance.share_upward = static_cast<double>(upward[i]) / static_cast<double>(agreements[i]);
    }
    out.push_back(chance);
  }
  return out;
}

std::uint64_t named_seed(std::uint64_t seed, std::string_view name) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;  // FNV-1a (Fowler, Noll & Vo): the same on every platform, unlike std::hash
  for (const char c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  return mix(seed ^ mix(hash));
}

double quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return NAN;
  const double h = (static_cast<double>(sorted.size()) - 1) * q;
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

void refuse_costly_samples(const std::vector<BargainingIssue>& issues, const std::vector<std::string>& models,
                           const UncertaintySettings& settings) {
  const std::size_t per_sample = issues.size() * models.size();
  const double values = static_cast<double>(settings.samples) * static_cast<double>(per_sample);
  if (values > max_sample_values)
    throw WorkTooLarge(fmt::format("--samples {} would keep {:.0f} forecasts ({} per sample: issues times models)", settings.samples, values,
                                   per_sample),
                       values, max_sample_values);
  refuse_beyond(estimated_work(issues, models, settings.models), static_cast<double>(settings.samples), settings.models.max_work);
}

std::vector<double> sample_forecasts(const std::vector<BargainingIssue>& issues, const std::vector<std::string>& models, const UncertaintySettings& settings,
                                     std::size_t first, std::size_t count, const Progress& progress) {
  const std::size_t cells = issues.size() * models.size();
  // count × cells, filled by sample index so the thread count cannot change the result.
  std::vector<double> values(count * cells, NAN);
  std::atomic<std::size_t> done = 0;
  ModelParameters one_thread = settings.models;
  one_thread.threads = 1;  // the samples already use every core
  one_thread.max_work = INFINITY;  // all samples together were within it
  one_thread.progress = nullptr;
  one_thread.words = Words::NumbersOnly;
  parallel_for(count, settings.threads, [&](std::size_t k) {
    const auto forecasts = forecast_issues(jittered_issues(issues, settings.jitter, settings.seed, first + k), models, one_thread);
    for (std::size_t cell = 0; cell < cells; ++cell)
      if (forecasts[cell].position) values[k * cells + cell] = *forecasts[cell].position;
    report_progress(progress, ++done, count);  // from every thread: a Progress must be thread-safe
  });
  return values;
}

std::vector<ForecastDistribution> distributions_of(const std::vector<BargainingIssue>& issues, const std::vector<std::string>& models,
                                                   const std::vector<double>& values) {
  const std::size_t cells = issues.size() * models.size();
  const std::size_t samples = cells ? values.size() / cells : 0;
  std::vector<ForecastDistribution> out;
  for (std::size_t cell = 0; cell < cells; ++cell) {
    std::vector<double> column;
    for (std::size_t sample = 0; sample < samples; ++sample)
      if (const double v = values[sample * cells + cell]; !std::isnan(v)) column.push_back(v);
    ForecastDistribution d{issues[cell / models.size()].id, models[cell % models.size()], column.size(), NAN, NAN, NAN, NAN};
    if (!column.empty()) {
      std::sort(column.begin(), column.end());
      d.mean = std::accumulate(column.begin(), column.end(), 0.0) / static_cast<double>(column.size());
      d.p05 = quantile(column, 0.05);
      d.p50 = quantile(column, 0.50);
      d.p95 = quantile(column, 0.95);
    }
    out.push_back(d);
  }
  return out;
}

std::vector<ForecastDistribution> forecast_uncertainty(const std::vector<BargainingIssue>& issues,
                                                       const std::vector<std::string>& models,
                                                       const UncertaintySettings& settings, const Progress& progress) {
  refuse_costly_samples(issues, models, settings);
  return distributions_of(issues, models, sample_forecasts(issues, models, settings, 0, settings.samples, progress));
}

}  // namespace statecraft
