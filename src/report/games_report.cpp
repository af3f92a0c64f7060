#include "report/games_report.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "games/equilibria.hpp"
#include "games/global_newton.hpp"
#include "games/extreme_equilibria.hpp"
#include "games/from_scenario.hpp"
#include "games/lemke_howson.hpp"
#include "games/logit.hpp"
#include "report/bayesian_report.hpp"
#include "report/exact_json.hpp"
#include "report/game_words.hpp"
#include "scenario/work.hpp"

namespace statecraft {
namespace {

std::string payoffs_in_words(const std::vector<std::string>& players, const std::vector<mpq_class>& values) {
  std::vector<std::string> parts;
  for (std::size_t p = 0; p < players.size() && p < values.size(); ++p) parts.push_back(players[p] + " " + values[p].get_str());
  return fmt::format("{}", fmt::join(parts, ", "));
}

// Every strategy of every player: what survives when dominance is not asked for.
std::vector<std::vector<std::size_t>> game_strategies(const StrategicGame& g) {
  std::vector<std::vector<std::size_t>> all(g.players.size());
  for (std::size_t p = 0; p < g.players.size(); ++p)
    for (std::size_t k = 0; k < g.strategies[p].size(); ++k) all[p].push_back(k);
  return all;
}

// Where the logit branch ends, if that is a Nash equilibrium: the tracing stops at a finite λ (or
// after its step budget), so the end point is checked, never taken on trust.
void trace_logit_to_equilibrium(const StrategicGame& game, const LogitSettings& settings, StrategicSolution& s) {
  constexpr double tolerance = 1e-4;  // of the payoff range; the branch's end has a regret of about 1/λ = 1e-6
  try {
    const LogitPoint end = trace_logit(game, settings).back();
    const double gain = regret(game, end.probabilities);
    if (gain <= tolerance) s.logit_limit = end.probabilities;
    else
      s.logit_failure = fmt::format("the branch, followed to λ = {:.4g}, ends where a player still gains {:.3g} of the payoff range by deviating: it did not converge to an equilibrium",
                                    end.lambda, gain);
  } catch (const std::runtime_error& e) {
    s.logit_failure = e.what();
  }
}

// What the default `solve` may spend, per solver, so that it ends in a few seconds on any game
// (each measured on 2 cores at about a second when used up). Explicit --method choices have no
// budget, only the memory limits below.
namespace budget {
constexpr double comparisons = 2e8;        // pure equilibria; dominance, per round of removals
constexpr double extreme_strategies = 32;  // vertex enumeration (16x16 random: 0.2 s; 20x20: 7-25 s)
constexpr double pivoted_entries = 2e7;    // Lemke-Howson from every label, in turn
constexpr double tableau_entries = 2e6;    // and the size of its tableaux (about 100 MB)
constexpr double logit_work = 5.5e8;       // steps × operations a step (64x64: 2.2e6 a step, 150 steps, 1.2 s)
constexpr double logit_steps = 200;        // fewer is not worth starting: the branch needs about 150
constexpr double support_profiles = 1e4;    // support enumeration (5x4x3: 3255 profiles, 0.16 s)
constexpr double path_work = 1e9;          // the global Newton method's four paths (5x4x3: 5.4·10⁶ by the estimate below, 40 ms)
constexpr double correlated_nonzeros = 1e5; // the three programs of a random 10×10×10 game (28,000): 0.6 s
}  // namespace budget

// Estimated work of each solver on a game, from its size alone.
struct WorkEstimates {
  explicit WorkEstimates(const StrategicGame& g) {
    const auto profiles = static_cast<double>(g.profile_count());
    for (const auto& list : g.strategies) strategies += list.size();
    const double players = static_cast<double>(g.players.size()), unknowns = static_cast<double>(strategies + 1);
    comparisons = profiles * static_cast<double>(strategies);  // each profile against each deviation
    logit_step = profiles * players * players + unknowns * unknowns * unknowns;  // the Jacobian, then its solve
    logit_bytes = 5 * unknowns * unknowns * sizeof(double);  // the Jacobian and the working copies of its solve
    if (g.players.size() == 2) lemke_howson_entries = (static_cast<double>(strategies) + 1) * static_cast<double>(strategies);
  }

  // Hard limits, for explicit choices too: past them the tables would not fit in memory.
  void refuse_logit_beyond_memory() const {
    if (logit_bytes > 1e9)
      throw WorkTooLarge(fmt::format("the logit tracing's Jacobian has {} unknowns: its working copies take about {:.3g} GB", strategies + 1, logit_bytes / 1e9), logit_bytes, 1e9);
  }
  void refuse_lemke_howson_beyond_memory() const {
    // Two copies (the start and the walk), of about 40 bytes an entry once pivoted.
    if (lemke_howson_entries > 2e7)
      throw WorkTooLarge(fmt::format("the Lemke-Howson tableaux have {:.0f} entries, about {:.3g} GB", lemke_howson_entries, lemke_howson_entries * 80 / 1e9), lemke_howson_entries, 2e7);
  }

  std::size_t strategies = 0;  // of all players together
  double comparisons = 0, logit_step = 0, logit_bytes = 0, lemke_howson_entries = 0;
};

}  // namespace

std::optional<SolverChoice> solver_choice(const std::string& method) {
  if (method == "all") return SolverChoice{};
  SolverChoice only{false, false, false, false, false, false, false, true, {}, {}};
  if (method == "pure") only.pure = true;
  else if (method == "dominance") only.dominance = true;
  else if (method == "enummixed") only.extreme = true;
  else if (method == "lcp") only.lemke_howson = true;
  else if (method == "logit") only.logit = true;
  else if (method == "correlated") only.correlated = true;
  else if (method == "gnm") only.global_newton = true;
  else return std::nullopt;
  return only;
}

namespace {

// The default's check on each solver: whether its estimate fits the budget, and if not, the entry
// that says so. Explicit choices always fit.
class DefaultBudget {
 public:
  DefaultBudget(bool by_default, StrategicSolution& s) : by_default_(by_default), s_(s) {}
  bool allows(double estimate, double budget, const char* solver, const char* method, const std::string& what) {
    if (!by_default_ || estimate <= budget) return true;
    s_.skipped.push_back({solver, fmt::format("{}: more than the default's budget of {:.3g}", what, budget), method});
    return false;
  }

 private:
  bool by_default_;
  StrategicSolution& s_;
};

void run_logit(const StrategicGame& game, const SolverChoice& choice, const WorkEstimates& work, DefaultBudget& budgets, StrategicSolution& s) {
  if (choice.explicit_choice) work.refuse_logit_beyond_memory();
  const double needed = work.logit_step * budget::logit_steps;
  if (!budgets.allows(needed, budget::logit_work, "logit tracing", "logit",
                      fmt::format("{:.3g} operations for the {:.0f} steps the branch needs ({:.3g} a step: {} unknowns)", needed, budget::logit_steps, work.logit_step,
                                  work.strategies + 1)))
    return;
  LogitSettings settings = choice.logit_settings;
  if (!choice.explicit_choice) settings.max_steps = std::min<std::size_t>(settings.max_steps, static_cast<std::size_t>(budget::logit_work / work.logit_step));
  settings.progress = choice.progress;
  trace_logit_to_equilibrium(game, settings, s);
  if (!choice.explicit_choice && !s.logit_failure.empty()) s.logit_failure += " (--method logit traces further)";
}

// Every extreme equilibrium where vertex enumeration is asked for and can run; else, if asked
// for, those Lemke-Howson reaches (the graph when explicit, from each label in turn by default).
std::vector<MixedProfile> two_player_equilibria(const StrategicGame& game, const SolverChoice& choice, const WorkEstimates& work, DefaultBudget& budgets,
                                                StrategicSolution& s) {
  const std::size_t strategies = work.strategies;
  if (choice.extreme && strategies > 64) {
    s.skipped.push_back({"every extreme equilibrium",
                         fmt::format("vertex enumeration takes at most 64 strategies between the two players; this game has {} "
                                     "(--method lcp lists the equilibria Lemke-Howson reaches)", strategies), ""});
  } else if (choice.extreme && budgets.allows(static_cast<double>(strategies), budget::extreme_strategies, "every extreme equilibrium", "enummixed",
                                              fmt::format("{} strategies between the two players (the vertices grow exponentially with them)", strategies))) {
    s.mixed_search = MixedSearch::extreme;
    ExtremeEquilibria extreme = extreme_equilibria(game, Arithmetic::automatic, choice.progress);
    s.degenerate = extreme.degenerate;
    return std::move(extreme.equilibria);
  }
  if (!choice.lemke_howson || !budgets.allows(work.lemke_howson_entries, budget::tableau_entries, "Lemke-Howson from every label", "lcp",
                                              fmt::format("tableaux of {:.3g} entries, copied for every label", work.lemke_howson_entries)))
    return {};
  work.refuse_lemke_howson_beyond_memory();
  if (choice.explicit_choice) {
    s.mixed_search = MixedSearch::lemke_howson_graph;
    return lemke_howson_graph(game, choice.progress);
  }
  s.mixed_search = MixedSearch::lemke_howson_labels;
  LemkeHowsonLabels run = lemke_howson_all_labels(game, budget::pivoted_entries, choice.progress);
  s.lemke_howson_labels = run.labels;
  if (run.labels < strategies)
    s.skipped.push_back({"Lemke-Howson from the other labels",
                         fmt::format("the paths from {} of the {} labels used the default's budget of {:.3g} tableau entries pivoted", run.labels, strategies, budget::pivoted_entries),
                         "lcp"});
  return std::move(run.equilibria);
}

bool mixes(const MixedProfileFound& e) {
  return std::any_of(e.probabilities.begin(), e.probabilities.end(), [](const std::vector<double>& mix) { return std::count_if(mix.begin(), mix.end(), [](double x) { return x > 0; }) > 1; });
}

// The global Newton method's paths, within the default's budget: each step evaluates the payoffs
// (profiles × players² products) a few times, and the reference games' paths take up to about
// 300 steps each (estimated at 2500 evaluations a path, four paths). What they cross that support
// enumeration did not find is added.
void run_global_newton(const StrategicGame& game, DefaultBudget& budgets, StrategicSolution& s) {
  const double players = static_cast<double>(game.players.size());
  const double work = static_cast<double>(game.profile_count()) * players * players * 2500 * 4;
  if (!budgets.allows(work, budget::path_work, "mixed equilibria by the global Newton method", "gnm", fmt::format("about {:.3g} operations for four paths", work))) return;
  const auto widest = std::max_element(game.strategies.begin(), game.strategies.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
  if (widest->size() > 64) {
    s.skipped.push_back({"mixed equilibria by the global Newton method", fmt::format("a player has {} strategies; it takes at most 64", widest->size()), ""});
    return;
  }
  s.paths_followed = true;
  GlobalNewtonResult found = global_newton(game);
  s.paths = found.paths;
  s.paths_completed = found.paths_completed;
  for (auto& e : found.equilibria) {
    if (!mixes(e) && s.pure_searched) continue;
    const bool known = std::any_of(s.n_player_mixed.begin(), s.n_player_mixed.end(), [&](const MixedProfileFound& f) {
      for (std::size_t i = 0; i < e.probabilities.size(); ++i)
        for (std::size_t k = 0; k < e.probabilities[i].size(); ++k)
          if (std::abs(e.probabilities[i][k] - f.probabilities[i][k]) > 1e-6) return false;
      return true;
    });
    if (!known) s.n_player_mixed.push_back(std::move(e));
  }
}

// The correlated equilibria, within the default's budget of the program's nonzero coefficients.
void run_correlated(const StrategicGame& game, DefaultBudget& budgets, StrategicSolution& s) {
  double nonzeros = static_cast<double>(game.profile_count());
  for (const auto& list : game.strategies) nonzeros += static_cast<double>(game.profile_count()) * (static_cast<double>(list.size()) - 1);
  if (!budgets.allows(nonzeros, budget::correlated_nonzeros, "correlated equilibria", "correlated", fmt::format("a linear program of {:.3g} nonzero coefficients", nonzeros)))
    return;
  s.correlated = correlated_equilibria(game);
}

}  // namespace

StrategicSolution solve_strategic(const StrategicGame& game, const SolverChoice& choice) {
  StrategicSolution s;
  const WorkEstimates work(game);
  DefaultBudget budgets(!choice.explicit_choice, s);
  const std::string comparisons = fmt::format("{:.3g} payoff comparisons ({} profiles × {} strategies)", work.comparisons, game.profile_count(), work.strategies);
  s.pure_searched = choice.pure && budgets.allows(work.comparisons, budget::comparisons, "pure-strategy equilibria", "pure", comparisons);
  if (s.pure_searched) s.pure_equilibria = pure_nash_equilibria(game);
  const bool dominance = choice.dominance && budgets.allows(work.comparisons, budget::comparisons, "iterated strict dominance", "dominance", comparisons + " per round");
  s.undominated = dominance ? iterated_strict_dominance(game) : game_strategies(game);
  if (choice.logit) run_logit(game, choice, work, budgets, s);
  if (choice.correlated) run_correlated(game, budgets, s);
  if (game.players.size() != 2) {
    if (choice.extreme) {
      double profiles = 1;
      for (const auto& list : game.strategies) profiles *= std::ldexp(1.0, static_cast<int>(list.size())) - 1;
      if (budgets.allows(profiles, budget::support_profiles, "mixed equilibria by support enumeration", "enummixed",
                         fmt::format("{:.3g} profiles of supports", profiles))) {
        s.supports_searched = true;
        for (auto& e : support_enumeration(game, {8, choice.explicit_choice ? 2e5 : budget::support_profiles})) {
          if (mixes(e) || !s.pure_searched) s.n_player_mixed.push_back(std::move(e));
        }
      }
    }
    if (choice.global_newton) run_global_newton(game, budgets, s);
    if (choice.lemke_howson && choice.explicit_choice)
      s.skipped.push_back({"the Lemke-Howson graph", fmt::format("Lemke-Howson is for two-player games; this one has {} players", game.players.size()), ""});
    return s;
  }
  const std::vector<MixedProfile> found = two_player_equilibria(game, choice, work, budgets, s);
  const PositiveBimatrix exact_payoffs = positive_bimatrix(game);
  auto mixes = [](const std::vector<mpq_class>& v) { return std::count_if(v.begin(), v.end(), [](const mpq_class& x) { return sgn(x) != 0; }) > 1; };
  for (const auto& e : found) {
    if (s.pure_searched && !mixes(e.row) && !mixes(e.column)) continue;  // pure: listed already
    MixedEquilibrium m{std::vector<std::vector<std::string>>(2), {}};
    for (const auto& x : e.row) m.probabilities[0].push_back(x.get_str());
    for (const auto& y : e.column) m.probabilities[1].push_back(y.get_str());
    mpq_class row_value = 0, column_value = 0;
    for (std::size_t i = 0; i < e.row.size(); ++i)
      for (std::size_t j = 0; j < e.column.size(); ++j) {
        row_value += e.row[i] * e.column[j] * exact_payoffs.a[i][j];
        column_value += e.row[i] * e.column[j] * exact_payoffs.b[i][j];
      }
    m.payoffs = {row_value.get_str(), column_value.get_str()};
    s.mixed_equilibria.push_back(std::move(m));
  }
  return s;
}

namespace {

// A mediator's distribution in words: each recommended profile with its probability.
std::string recommendation_words(const StrategicGame& g, const CorrelatedEquilibrium& e) {
  std::vector<std::string> parts;
  for (std::size_t k = 0; k < e.probability.size(); ++k)
    if (sgn(e.probability[k]) != 0) parts.push_back(fmt::format("{} {}", profile_words(g, g.profile_choice(k)), percent_and_fraction(e.probability[k].get_str())));
  return fmt::format("{} (expected payoffs {})", fmt::join(parts, "; "), payoffs_in_words(g.players, e.payoffs));
}

// The Nash equilibria found (pure, then mixed), each named and with its payoffs.
std::vector<std::pair<std::string, std::vector<mpq_class>>> nash_payoffs(const StrategicGame& g, const StrategicSolution& s) {
  std::vector<std::pair<std::string, std::vector<mpq_class>>> out;
  for (const auto& e : s.pure_equilibria) out.emplace_back("the Nash equilibrium (" + profile_words(g, e) + ")", g.payoffs[g.profile_index(e)]);
  for (std::size_t k = 0; k < s.mixed_equilibria.size(); ++k) {
    std::vector<mpq_class> values;
    for (const auto& v : s.mixed_equilibria[k].payoffs) values.emplace_back(v);
    out.emplace_back(s.mixed_equilibria.size() == 1 ? std::string("the mixed Nash equilibrium") : fmt::format("mixed Nash equilibrium {}", k + 1), std::move(values));
  }
  return out;
}

// Who gains from the mediator's deal over each Nash equilibrium, and who loses (the first few).
std::vector<std::string> gains_words(const StrategicGame& g, const StrategicSolution& s, const CorrelatedEquilibrium& e) {
  std::vector<std::string> lines;
  for (const auto& [name, values] : nash_payoffs(g, s)) {
    if (lines.size() == 4) break;
    std::vector<std::string> changes;
    for (std::size_t p = 0; p < g.players.size(); ++p) {
      const mpq_class change = e.payoffs[p] - values[p];
      if (sgn(change) != 0) changes.push_back(fmt::format("{} {}{}", g.players[p], sgn(change) > 0 ? "+" : "", change.get_str()));
    }
    lines.push_back(fmt::format("against {}: {}", name, changes.empty() ? std::string("the same payoffs") : fmt::format("{}", fmt::join(changes, ", "))));
  }
  return lines;
}

std::string correlated_text(const StrategicGame& g, const StrategicSolution& s, const std::string& indent) {
  const CorrelatedSolution& c = *s.correlated;
  const auto recommended = std::count_if(c.welfare.probability.begin(), c.welfare.probability.end(), [](const mpq_class& p) { return sgn(p) != 0; });
  const auto pure = std::find(c.welfare.probability.begin(), c.welfare.probability.end(), 1) - c.welfare.probability.begin();
  if (recommended == 1 && c.fairest.probability == c.welfare.probability && s.pure_equilibria.size() == 1 &&
      g.profile_index(s.pure_equilibria[0]) == static_cast<std::size_t>(pure))
    return indent + "a mediator (correlated equilibrium, Aumann 1987) can do no better than this equilibrium, for the whole or for the worse-off side\n";
  std::string out = indent + "a mediator's deals (correlated equilibria, Aumann 1987: it draws a profile and tells each player only its own part, and no one gains by disobeying; exact):\n";
  out += fmt::format("{}  most total payoff: {}\n", indent, recommendation_words(g, c.welfare));
  for (const auto& line : gains_words(g, s, c.welfare)) out += fmt::format("{}    {}\n", indent, line);
  if (c.fairest.probability != c.welfare.probability) out += fmt::format("{}  fairest (the worst-off player's payoff as high as it goes): {}\n", indent, recommendation_words(g, c.fairest));
  else out += indent + "  fairest (the worst-off player's payoff as high as it goes): the same\n";
  if (c.coarse_welfare.payoffs != c.welfare.payoffs)
    out += fmt::format("{}  if the players commit to the mediator before hearing it (coarse correlated equilibrium): {}\n", indent, recommendation_words(g, c.coarse_welfare));
  return out;
}

nlohmann::json correlated_json(const StrategicGame& g, const CorrelatedEquilibrium& e) {
  nlohmann::json recommendations = nlohmann::json::array();
  for (std::size_t k = 0; k < e.probability.size(); ++k) {
    if (sgn(e.probability[k]) == 0) continue;
    nlohmann::json strategies = nlohmann::json::object();
    const auto choice = g.profile_choice(k);
    for (std::size_t p = 0; p < g.players.size(); ++p) strategies[g.players[p]] = g.strategies[p][choice[p]];
    nlohmann::json r{{"strategies", strategies}};
    put_exact(r, "probability", e.probability[k]);
    recommendations.push_back(r);
  }
  ExactMap payoffs;
  for (std::size_t p = 0; p < g.players.size(); ++p) payoffs.set(g.players[p], e.payoffs[p]);
  nlohmann::json j{{"recommendations", recommendations}, {"verified", e.verified}};
  payoffs.put(j, "payoffs");
  return j;
}

}  // namespace

std::string render_strategic_text(const StrategicGame& g, const StrategicSolution& s, const std::string& indent) {
  std::string out;
  if (s.pure_searched && s.pure_equilibria.empty())
    out += indent + "no pure-strategy equilibrium: each side would rather keep the other guessing\n";
  for (const auto& e : s.pure_equilibria)
    out += fmt::format("{}equilibrium: {} (payoffs {})\n", indent, profile_words(g, e), payoffs_in_words(g.players, g.payoffs[g.profile_index(e)]));
  for (const auto& mixed : s.mixed_equilibria) {
    std::vector<std::string> parts;
    for (std::size_t p = 0; p < 2; ++p) {
      std::vector<std::string> shares;
      for (std::size_t k = 0; k < mixed.probabilities[p].size(); ++k)
        if (mixed.probabilities[p][k] != "0") shares.push_back(strategy_label(g, p, k) + " " + percent_and_fraction(mixed.probabilities[p][k]));
      parts.push_back(fmt::format("{}: {}", g.players[p], fmt::join(shares, ", ")));
    }
    const char* kind = s.pure_searched ? "mixed" : s.mixed_search == MixedSearch::extreme ? "Nash" : "Lemke-Howson";
    out += fmt::format("{}{} equilibrium: {} (expected payoffs {} {}, {} {})\n", indent, kind, fmt::join(parts, "; "), g.players[0], mixed.payoffs[0],
                       g.players[1], mixed.payoffs[1]);
  }
  if (s.degenerate)
    out += indent + "(a degenerate game: the equilibria listed are the corners of sets of equilibria, and some mixtures of them are equilibria too)\n";
  if (s.mixed_search == MixedSearch::lemke_howson_labels)
    out += fmt::format("{}(mixed equilibria: those Lemke-Howson reaches from {} of the {} labels; the game is too large to list every one by default: --method enummixed "
                       "lists every extreme one up to 64 strategies, --method lcp the Lemke-Howson graph)\n",
                       indent, s.lemke_howson_labels, g.strategies[0].size() + g.strategies[1].size());
  if (s.mixed_search == MixedSearch::lemke_howson_graph)
    out += indent + "(mixed equilibria: the Lemke-Howson graph's component, as gambit-lcp lists; --method enummixed lists every extreme one)\n";
  if (!s.logit_limit.empty()) {
    std::vector<std::string> parts;
    for (std::size_t p = 0; p < g.players.size(); ++p) {
      std::vector<std::string> shares;
      for (std::size_t k = 0; k < s.logit_limit[p].size(); ++k)
        if (s.logit_limit[p][k] > 5e-5) shares.push_back(fmt::format("{} {:.3g} %", strategy_label(g, p, k), 100 * s.logit_limit[p][k]));
      parts.push_back(fmt::format("{}: {}", g.players[p], fmt::join(shares, ", ")));
    }
    out += fmt::format("{}the equilibrium players who err less and less would reach (logit quantal response traced to its limit): {}\n", indent, fmt::join(parts, "; "));
  }
  if (!s.logit_failure.empty()) out += fmt::format("{}no selection by logit tracing: {}\n", indent, s.logit_failure);
  for (const auto& e : s.n_player_mixed) {
    std::vector<std::string> parts;
    for (std::size_t p = 0; p < g.players.size(); ++p) {
      std::vector<std::string> shares;
      for (std::size_t k = 0; k < e.probabilities[p].size(); ++k)
        if (e.probabilities[p][k] > 5e-7) shares.push_back(fmt::format("{} {:.4g} %", strategy_label(g, p, k), 100 * e.probabilities[p][k]));
      parts.push_back(fmt::format("{}: {}", g.players[p], fmt::join(shares, ", ")));
    }
    std::vector<std::string> payoffs;
    for (std::size_t p = 0; p < g.players.size(); ++p) payoffs.push_back(fmt::format("{} {:.6g}", g.players[p], e.payoffs[p]));
    out += fmt::format("{}mixed equilibrium ({}): {} (expected payoffs {})\n", indent, e.found_by, fmt::join(parts, "; "), fmt::join(payoffs, ", "));
  }
  if (s.paths_completed < s.paths)
    out += fmt::format("{}(the global Newton method followed {} of its {} paths to their end; the others stopped short, at ties in the payoffs, and may have missed equilibria)\n",
                       indent, s.paths_completed, s.paths);
  if ((s.supports_searched || s.paths_followed) && s.n_player_mixed.empty() && s.pure_searched)
    out += fmt::format("{}no equilibrium that mixes was found by {}\n", indent,
                       s.supports_searched && s.paths_followed ? "support enumeration or the global Newton method" : s.supports_searched ? "support enumeration" : "the global Newton method");
  if (s.correlated) out += correlated_text(g, s, indent);
  for (const auto& skipped : s.skipped)
    out += fmt::format("{}not run: {}: {}{}\n", indent, skipped.solver, skipped.reason, skipped.method.empty() ? "" : fmt::format(" (--method {} runs it)", skipped.method));
  for (std::size_t p = 0; p < g.players.size(); ++p) {
    if (s.undominated[p].size() == g.strategies[p].size()) continue;
    std::vector<std::string> gone;
    for (std::size_t k = 0; k < g.strategies[p].size(); ++k)
      if (std::find(s.undominated[p].begin(), s.undominated[p].end(), k) == s.undominated[p].end()) gone.push_back(strategy_label(g, p, k));
    out += fmt::format("{}{} would never play {} (strictly dominated, step by step)\n", indent, g.players[p], fmt::join(gone, ", "));
  }
  return out;
}

nlohmann::json strategic_json(const StrategicGame& g, const StrategicSolution& s) {
  nlohmann::json equilibria = nlohmann::json::array();
  for (const auto& e : s.pure_equilibria) {
    nlohmann::json strategies = nlohmann::json::object();
    ExactMap payoffs;
    for (std::size_t p = 0; p < g.players.size(); ++p) {
      strategies[g.players[p]] = g.strategies[p][e[p]];
      payoffs.set(g.players[p], g.payoffs[g.profile_index(e)][p]);
    }
    nlohmann::json equilibrium{{"strategies", strategies}};
    payoffs.put(equilibrium, "payoffs");
    equilibria.push_back(equilibrium);
  }
  nlohmann::json undominated = nlohmann::json::object();
  for (std::size_t p = 0; p < g.players.size(); ++p) {
    nlohmann::json names = nlohmann::json::array();
    for (std::size_t k : s.undominated[p]) names.push_back(g.strategies[p][k]);
    undominated[g.players[p]] = names;
  }
  nlohmann::json mixed = nlohmann::json::array();
  for (const auto& e : s.mixed_equilibria) {
    nlohmann::json equilibrium = nlohmann::json::object();
    ExactMap payoffs;
    for (std::size_t p = 0; p < 2; ++p) {
      ExactMap shares;
      for (std::size_t k = 0; k < e.probabilities[p].size(); ++k) shares.set(g.strategies[p][k], mpq_class(e.probabilities[p][k]));
      equilibrium["strategies"][g.players[p]] = shares.numbers;
      equilibrium["strategies_exact"][g.players[p]] = shares.fractions;
      payoffs.set(g.players[p], mpq_class(e.payoffs[p]));
    }
    payoffs.put(equilibrium, "payoffs");
    mixed.push_back(equilibrium);
  }
  static const char* const searches[] = {"none", "all extreme equilibria", "Lemke-Howson from every label", "Lemke-Howson graph"};
  nlohmann::json logit = nullptr;
  if (!s.logit_limit.empty()) {
    logit = nlohmann::json::object();
    for (std::size_t p = 0; p < g.players.size(); ++p) {
      nlohmann::json shares = nlohmann::json::object();
      for (std::size_t k = 0; k < s.logit_limit[p].size(); ++k) shares[g.strategies[p][k]] = s.logit_limit[p][k];
      logit[g.players[p]] = shares;
    }
  }
  nlohmann::json not_run = nlohmann::json::array();
  for (const auto& skipped : s.skipped)
    not_run.push_back({{"solver", skipped.solver}, {"reason", skipped.reason}, {"method", skipped.method.empty() ? nlohmann::json(nullptr) : nlohmann::json(skipped.method)}});
  for (const auto& e : s.n_player_mixed) {
    nlohmann::json equilibrium{{"exact", false}, {"regret", e.regret}, {"found_by", e.found_by}};
    for (std::size_t p = 0; p < g.players.size(); ++p) {
      nlohmann::json shares = nlohmann::json::object();
      for (std::size_t k = 0; k < e.probabilities[p].size(); ++k) shares[g.strategies[p][k]] = e.probabilities[p][k];
      equilibrium["strategies"][g.players[p]] = shares;
      equilibrium["payoffs"][g.players[p]] = e.payoffs[p];
    }
    mixed.push_back(equilibrium);
  }
  nlohmann::json correlated = nullptr;
  if (s.correlated)
    correlated = {{"welfare", correlated_json(g, s.correlated->welfare)},
                  {"fairest", correlated_json(g, s.correlated->fairest)},
                  {"coarse_welfare", correlated_json(g, s.correlated->coarse_welfare)},
                  {"rows", s.correlated->rows},
                  {"nonzeros", s.correlated->nonzeros}};
  return {{"form", "strategic"},
          {"pure_equilibria", equilibria},
          {"correlated", correlated},
          {"mixed_equilibria", mixed},
          {"mixed_search", searches[static_cast<int>(s.mixed_search)]},
          {"global_newton_paths", s.paths_followed ? nlohmann::json{{"followed", s.paths}, {"finished", s.paths_completed}} : nlohmann::json(nullptr)},
          {"degenerate", s.degenerate},
          {"logit_limit", logit},
          {"logit_failure", s.logit_failure.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.logit_failure)},
          {"not_run", not_run},
          {"undominated_strategies", undominated}};
}

TreeSolution solve_tree(const Game& game, const TreeLimits& limits) {
  TreeSolution solution{backward_induction(game), {}, {}, {}, {}, {}, {}, {}, {}, {}};
  if (solution.backward.perfect_information) return solution;
  try {
    solution.bayesian = perfect_bayesian_equilibria(game, limits.max_pure_profiles);
  } catch (const WorkTooLarge& e) {
    solution.bayesian_refused = e.what();
  }
  if (game.players.size() != 2) {
    solution.strategic = strategic_form_of_tree(game, 4096);
    if (solution.strategic) solution.strategic_solution = solve_strategic(*solution.strategic);
    else solution.unsolved = fmt::format("information sets join some nodes, so backward induction does not apply; the sequence form is for two players (this tree has {}), and the strategic form would exceed 4096 profiles", game.players.size());
    return solution;
  }
  try {
    solution.form = sequence_form(game, limits.max_lcp_rows);
    solution.equilibrium = sequence_form_equilibrium(*solution.form, limits.progress);
    solution.sequential = quasi_perfect_equilibrium(*solution.form, limits.progress);
  } catch (const WorkTooLarge& e) {
    solution.refused = e.what();
    solution.unsolved = std::string("information sets join some nodes; the sequence form was not solved: ") + e.what();
  } catch (const std::exception& e) {  // imperfect recall, or (not seen on any test) Lemke ending on a ray
    if (solution.equilibrium) return solution;  // the perturbed path failed (not seen): the plain one stands
    solution.equilibrium.reset();
    solution.unsolved = std::string("information sets join some nodes, so backward induction does not apply; the sequence form cannot either: ") + e.what();
  }
  return solution;
}

namespace {

// The sequential equilibrium when there is one, with the beliefs at sets of several nodes;
// Lemke's otherwise.
std::string behavior_text(const Game& game, const TreeSolution& t, const std::string& indent) {
  const BehaviorEquilibrium& e = t.sequential ? t.sequential->play : *t.equilibrium;
  std::string out = indent + (t.sequential ? "information sets join some nodes; a sequential equilibrium in behaviour strategies (quasi-perfect: each move is best even "
                                             "against the other side's slightest mistakes; sequence form, Miltersen & Sørensen 2010):\n"
                                           : "information sets join some nodes; an equilibrium in behaviour strategies (sequence form, Lemke's algorithm, as gambit-lcp finds it):\n");
  for (std::size_t p = 0; p < 2; ++p)
    for (std::size_t h = 0; h < t.form->infosets[p].size(); ++h) {
      const auto& set = t.form->infosets[p][h];
      std::vector<std::string> shares;
      for (std::size_t c = 0; c < set.actions.size(); ++c)
        if (sgn(e.behavior[p][h][c]) != 0) shares.push_back(set.actions[c] + " " + percent_and_fraction(e.behavior[p][h][c].get_str()));
      const bool reached = sgn(e.realization[p][set.parent]) != 0;
      const bool others_reach = std::any_of(set.members.begin(), set.members.end(), [&](const auto& m) { return sgn(m.chance * e.realization[1 - p][m.other_sequence]) != 0; });
      const std::size_t nodes = set.members.size();
      const std::string others = nodes == 1 ? "" : fmt::format(" (and {} other node{} it cannot tell apart)", nodes - 1, nodes == 2 ? "" : "s");
      const char* off_path = !reached ? " (never reached: its own earlier moves avoid it)" : !others_reach ? " (off the path of play: what it would do if it got there)" : "";
      out += fmt::format("{}  {} {}{}: {}{}\n", indent, game.players[p], set.where == "root" ? std::string("at the start") : place_words(game, set.where), others, fmt::join(shares, ", "),
                         off_path);
      if (!t.sequential || nodes == 1) continue;
      std::vector<std::string> beliefs;
      for (std::size_t n = 0; n < nodes; ++n)
        beliefs.push_back(fmt::format("{} {}", place_words(game, set.members[n].where), percent_and_fraction(t.sequential->beliefs[p][h][n].get_str())));
      out += fmt::format("{}    believing: {}\n", indent, fmt::join(beliefs, "; "));
    }
  out += fmt::format("{}  expected payoffs: {} {}, {} {}\n", indent, game.players[0], e.payoffs[0].get_str(), game.players[1], e.payoffs[1].get_str());
  return out;
}

}  // namespace

std::string render_tree_text(const Game& game, const TreeSolution& t, const std::string& indent) {
  std::string bayesian;
  if (t.bayesian) bayesian = render_bayesian_text(game, *t.bayesian, indent);
  if (!t.bayesian_refused.empty()) bayesian = fmt::format("{}perfect Bayesian equilibria not searched: {}\n", indent, t.bayesian_refused);
  // The sequence form's equilibrium need not be sequential; with pure perfect Bayesian ones
  // found, it would only confuse.
  if (t.equilibrium) return bayesian + (t.bayesian && !t.bayesian->equilibria.empty() ? std::string() : behavior_text(game, t, indent));
  if (t.strategic_solution)
    return bayesian + indent + "information sets join some nodes; in strategic form (a strategy picks an action at each of the player's information sets):\n" +
           render_strategic_text(*t.strategic, *t.strategic_solution, indent + "  ");
  if (!t.unsolved.empty()) return bayesian + indent + t.unsolved + "\n";
  const BackwardInduction& s = t.backward;
  auto play = [&](const SubgamePerfectEquilibrium& e) {
    return fmt::format("{} (payoffs {})", e.path.empty() ? std::string("chance decides") : fmt::format("{}", fmt::join(path_words(game, e.path), ", then ")),
                       payoffs_in_words(game.players, e.value));
  };
  // "after …: " before what follows a place below the root.
  auto at = [&](const std::string& where) {
    const std::string place = place_words(game, where);
    return place.empty() ? std::string("at the start: ") : place + ": ";
  };
  const bool several = s.equilibria.size() > 1;
  std::string out;
  if (!several) {
    out += fmt::format("{}subgame-perfect play: {}\n", indent, play(s.equilibria[0]));
  } else {
    out += fmt::format("{}{}{} subgame-perfect equilibria with different payoffs, as ties are broken one way or the other (by {}'s payoff, highest first):\n", indent,
                       s.all_listed ? "" : "at least ", s.equilibria.size(), game.players[0]);
    for (std::size_t k = 0; k < s.equilibria.size(); ++k) out += fmt::format("{}  {}. {}\n", indent, k + 1, play(s.equilibria[k]));
  }
  if (!s.all_listed) out += indent + "(more subgame-perfect payoffs than the 64 kept at a node: some equilibria are not listed)\n";
  for (const auto& tie : s.ties) {
    std::vector<std::string> moves;
    for (const auto& move : tie.moves) moves.push_back(move_words(game, tie.where, move));
    out += fmt::format("{}{}{} does as well with any of {} (a tie here or further on)\n", indent, at(tie.where), tie.player, fmt::join(moves, ", "));
  }
  for (std::size_t k = 0; k < s.equilibria.size(); ++k) {
    const auto& decisions = s.equilibria[k].decisions;
    if (decisions.empty() || decisions.size() > 12) continue;
    out += indent + (several ? fmt::format("what each would do at every point, in equilibrium {}:\n", k + 1) : "what each would do at every point:\n");
    for (const auto& d : decisions) out += fmt::format("{}  {}{} chooses {}\n", indent, at(d.where), d.player, move_words(game, d.where, d.choice));
  }
  const std::string in_first = several ? " (in equilibrium 1)" : "";
  for (const auto& threat : s.credible_threats)
    out += fmt::format("{}a credible threat{}: {}{}'s answer {} is its own best move, though {} would rather see {}\n", indent, in_first, at(threat.where), threat.player,
                       move_words(game, threat.where, threat.move), threat.victim, move_words(game, threat.where, threat.alternative));
  if (s.threats.empty() && !s.credible_threats.empty()) out += fmt::format("{}every threat in the tree is credible{}: each would be carried out\n", indent, in_first);
  for (const auto& threat : s.threats)
    out += fmt::format("{}a threat that is not credible{}: {}{} threatens {}, but when it came to it, it would rather {} (carrying out the threat would cost it {})\n", indent,
                       in_first, at(threat.where), threat.player, move_words(game, threat.where, threat.move), move_words(game, threat.where, threat.instead),
                       threat.cost_to_player.get_str());
  return out;
}

namespace {

// Per player, per information set, the moves' probabilities and, given beliefs, each node's.
nlohmann::json behavior_json(const Game& game, const SequenceForm& form, const BehaviorEquilibrium& e, const std::array<std::vector<std::vector<mpq_class>>, 2>* beliefs) {
  nlohmann::json behavior = nlohmann::json::object();
  ExactMap payoffs;
  for (std::size_t p = 0; p < 2; ++p) {
    nlohmann::json sets = nlohmann::json::array();
    for (std::size_t h = 0; h < form.infosets[p].size(); ++h) {
      const auto& infoset = form.infosets[p][h];
      ExactMap actions;
      for (std::size_t c = 0; c < infoset.actions.size(); ++c) actions.set(infoset.actions[c], e.behavior[p][h][c]);
      nlohmann::json set{{"at", infoset.where}, {"reached", sgn(e.realization[p][infoset.parent]) != 0}};
      actions.put(set, "actions");
      if (beliefs) {
        ExactMap belief;
        for (std::size_t n = 0; n < infoset.members.size(); ++n) belief.set(infoset.members[n].where, (*beliefs)[p][h][n]);
        belief.put(set, "belief");
      }
      sets.push_back(set);
    }
    behavior[game.players[p]] = sets;
    payoffs.set(game.players[p], e.payoffs[p]);
  }
  nlohmann::json equilibrium{{"behavior", behavior}};
  payoffs.put(equilibrium, "payoffs");
  return equilibrium;
}

}  // namespace

nlohmann::json tree_json(const Game& game, const TreeSolution& t) {
  const BackwardInduction& s = t.backward;
  if (!s.perfect_information) {
    nlohmann::json j{{"form", "extensive"}, {"perfect_information", false}};
    if (t.bayesian) j["perfect_bayesian"] = bayesian_json(game, *t.bayesian);
    if (!t.bayesian_refused.empty()) j["perfect_bayesian_refused"] = t.bayesian_refused;
    if (t.strategic_solution) {
      j["strategic_form"] = strategic_json(*t.strategic, *t.strategic_solution);
      return j;
    }
    if (!t.equilibrium) {
      j["unsolved"] = t.unsolved;
      if (!t.refused.empty()) j["refused"] = t.refused;
      return j;
    }
    j["sequence_form_equilibrium"] = behavior_json(game, *t.form, *t.equilibrium, nullptr);
    j["sequential_equilibrium"] = t.sequential ? behavior_json(game, *t.form, t.sequential->play, &t.sequential->beliefs) : nlohmann::json(nullptr);
    return j;
  }
  auto with_payoffs = [&](nlohmann::json j, const std::vector<mpq_class>& value) {
    ExactMap payoffs;
    for (std::size_t p = 0; p < game.players.size() && p < value.size(); ++p) payoffs.set(game.players[p], value[p]);
    payoffs.put(j, "payoffs");
    return j;
  };
  auto decisions = [](const std::vector<TreeDecision>& list) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& d : list) j.push_back({{"at", d.where}, {"after", d.history}, {"player", d.player}, {"choice", d.choice}});
    return j;
  };
  nlohmann::json equilibria = nlohmann::json::array();
  for (const auto& e : s.equilibria) equilibria.push_back(with_payoffs({{"path", e.path}, {"decisions", decisions(e.decisions)}}, e.value));
  nlohmann::json ties = nlohmann::json::array();
  for (const auto& tie : s.ties) ties.push_back({{"at", tie.where}, {"after", tie.history}, {"player", tie.player}, {"moves", tie.moves}});
  nlohmann::json threats = nlohmann::json::array();
  for (const auto& threat : s.threats) {
    nlohmann::json j{{"at", threat.where}, {"player", threat.player}, {"move", threat.move}, {"instead", threat.instead}};
    put_exact(j, "cost_to_player", threat.cost_to_player);
    threats.push_back(j);
  }
  nlohmann::json credible = nlohmann::json::array();
  for (const auto& c : s.credible_threats)
    credible.push_back({{"at", c.where}, {"after", c.history}, {"player", c.player}, {"move", c.move}, {"hurts", c.victim}, {"instead_of", c.alternative}});
  const auto& first = s.equilibria[0];
  return with_payoffs({{"form", "extensive"},
                       {"perfect_information", true},
                       {"path", first.path},
                       {"decisions", decisions(first.decisions)},
                       {"subgame_perfect_equilibria", equilibria},
                       {"all_listed", s.all_listed},
                       {"ties", ties},
                       {"non_credible_threats", threats},
                       {"credible_threats", credible}},
                      first.value);
}

}  // namespace statecraft
