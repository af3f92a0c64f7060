#include "report/games_sensitivity.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "games/perfect_bayesian.hpp"
#include "report/bayesian_report.hpp"
#include "report/exact_json.hpp"
#include "report/game_words.hpp"
#include "scenario/rational.hpp"
#include "scenario/work.hpp"

namespace statecraft {
namespace {

// The steps of a play from the root, each reached node once (below a chance node, each branch's).
std::string point_words(const Game& game, const SolutionPoint& point) {
  if (game.form == Game::Form::Strategic) return profile_words(game, point.reached[0]);
  std::vector<std::vector<std::size_t>> seen;
  std::vector<std::string> steps;
  for (const auto& terminal : point.reached)
    for (std::size_t depth = 0; depth < terminal.size(); ++depth) {
      std::vector<std::size_t> prefix(terminal.begin(), terminal.begin() + static_cast<long>(depth) + 1);
      if (std::find(seen.begin(), seen.end(), prefix) != seen.end()) continue;
      seen.push_back(prefix);
      steps.push_back(step_words(game_node(game, {terminal.begin(), terminal.begin() + static_cast<long>(depth)}), terminal[depth]));
    }
  return steps.empty() ? std::string("the game ends at once") : fmt::format("{}", fmt::join(steps, ", then "));
}

// verb: "would be" for a changed game, "is" for today's.
std::string solution_words(const Game& game, const GameSolution& solution, const std::string& verb = "would be") {
  const bool tree = game.form == Game::Form::Extensive;
  if (solution.empty()) return (tree ? "there " + verb + " no subgame-perfect play" : "there " + verb + " no pure equilibrium");
  const std::string kind = tree ? "the play " + verb : (solution.size() == 1 ? "the pure equilibrium " + verb : "the pure equilibria " + verb);
  if (solution.size() == 1) return kind + ": " + point_words(game, solution[0]);
  std::vector<std::string> each;
  for (std::size_t k = 0; k < solution.size(); ++k) each.push_back(fmt::format("({}) {}", k + 1, point_words(game, solution[k])));
  return fmt::format("{}{} either of: {}", kind, tree ? " (ties)" : "", fmt::join(each, "; "));
}

// The payoff's outcome in words: the terminal node's name or its moves; the strategic profile.
std::string payoff_place(const Game& game, const PayoffRef& ref) {
  if (game.form == Game::Form::Strategic) return "(" + profile_words(game, outcome_choice(game, ref.outcome)) + ")";
  const GameNode& leaf = game_node(game, ref.terminal);
  if (!leaf.name.empty()) return leaf.name;
  std::vector<std::string> moves;
  const GameNode* n = &game.tree;
  for (std::size_t m : ref.terminal) {
    moves.push_back((n->kind == GameNode::Kind::Chance ? std::string("chance ") : n->player + " ") + n->moves[m]);
    n = &n->children[m];
  }
  return fmt::format("{}", fmt::join(moves, ", "));
}

// In a sentence: a tree's outcome in quotes, a profile in its parentheses.
std::string quoted_place(const Game& game, const PayoffRef& ref) {
  return game.form == Game::Form::Strategic ? payoff_place(game, ref) : "“" + payoff_place(game, ref) + "”";
}

std::string change_words(const PayoffShift& s, int direction) {
  const std::string t = s.threshold.get_str();
  if (direction > 0) return s.at_threshold ? "at " + t + " or above" : "above " + t;
  return s.at_threshold ? "at " + t + " or below" : "below " + t;
}

double share_of_spread(const PayoffMargin& m, const PayoffShift& s, const std::vector<mpq_class>& spreads) {
  const mpq_class& spread = spreads[m.payoff.player];
  if (sgn(spread) == 0) return 0;
  return mpq_class(abs(s.threshold - m.today) / spread).get_d();
}

// Both directions that change the solution, nearest first.
struct Change {
  const PayoffMargin* margin;
  const PayoffShift* shift;
  int direction;
  double share;
};

std::vector<Change> changes_of(const GameSensitivity& s, const std::vector<mpq_class>& spreads) {
  std::vector<Change> out;
  for (const auto& m : s.margins)
    for (const auto& [shift, direction] : {std::pair{&m.down, -1}, std::pair{&m.up, +1}})
      if (shift->changes) out.push_back({&m, shift, direction, share_of_spread(m, *shift, spreads)});
  std::stable_sort(out.begin(), out.end(), [](const Change& a, const Change& b) { return a.share < b.share; });
  return out;
}

Hinge hinge_of(const Game& game, const Change& c) {
  const PayoffRef& ref = c.margin->payoff;
  const Number& n = *payoff_number(game, ref);
  Hinge h;
  h.lens = "games";
  h.judgment = fmt::format("{}'s payoff for {} in game “{}”", game.players[ref.player], quoted_place(game, ref), game_title(game));
  h.today = c.margin->today.get_str();
  h.change = change_words(*c.shift, c.direction);
  h.consequence = solution_words(game, c.shift->past);
  h.margin = c.share;
  const GameNode* leaf = game.form == Game::Form::Extensive ? &game_node(game, ref.terminal) : nullptr;
  h.note = !n.note.empty() ? n.note : leaf && !leaf->note.empty() ? leaf->note : game.note;
  h.source = !n.source.empty() ? n.source : game.source;
  h.at = n.at.line > 0 ? n.at : leaf && leaf->at.line > 0 ? leaf->at : game.at;
  return h;
}

std::string sentence(const Game& game, const Change& c) {
  const PayoffRef& ref = c.margin->payoff;
  std::string out = fmt::format("if {} valued {} {} — today {} — {}", game.players[ref.player], quoted_place(game, ref), change_words(*c.shift, c.direction),
                                c.margin->today.get_str(), solution_words(game, c.shift->past));
  out += fmt::format(" ({:.0f} % of {}'s payoff spread", 100 * c.share, game.players[ref.player]);
  if (c.shift->at_threshold && c.shift->at != c.shift->past) out += fmt::format("; at exactly {}: {}", c.shift->threshold.get_str(), solution_words(game, c.shift->at));
  return out + ")";
}

nlohmann::json solution_json(const Game& game, const GameSolution& solution) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& point : solution) out.push_back(point_words(game, point));
  return out;
}

nlohmann::json shift_json(const Game& game, const PayoffMargin& m, const PayoffShift& s, const std::vector<mpq_class>& spreads) {
  if (!s.changes) return nullptr;
  nlohmann::json j{{"at_threshold", s.at_threshold},
                   {"share_of_spread", share_of_spread(m, s, spreads)},
                   {"solution_at_threshold", solution_json(game, s.at)},
                   {"solution_past", solution_json(game, s.past)}};
  put_exact(j, "threshold", s.threshold);
  return j;
}

std::string perturbation_words(const GamePerturbation& p, const PerturbationSettings& settings) {
  if (p.ordinal) return fmt::format("each player's adjacent payoff ranks swapped with probability {:g}", settings.swap_probability);
  return fmt::format("every payoff moved by normal noise of {:g} × its player's payoff spread", settings.noise);
}

// A game's analysis, or, when it is refused as too large, one that says so: one large game does not
// keep the others from being analysed.
template <typename Result, typename Analyse>
Result unless_refused(Analyse&& analyse) {
  try {
    return analyse();
  } catch (const WorkTooLarge& e) {
    Result refused;
    refused.unsolved = std::string("refused: ") + e.what();
    return refused;
  }
}

GameSensitivity sensitivity_of(const Game& game) {
  return unless_refused<GameSensitivity>([&] { return game_sensitivity(game); });
}

GamePerturbation perturbation_of(const Game& game, const PerturbationSettings& settings) {
  return unless_refused<GamePerturbation>([&] { return perturb_game(game, settings); });
}

// The prior a tree with information sets hangs on, when it opens by drawing one of two types:
// the scenario's first type (`types`), or the opening chance move's first probability.
struct PriorSensitivity {
  const Number* prior = nullptr;
  std::string judgment;  // "the prior that RUS is transactional"; in game_judgment, with the game's title
  std::string game_judgment;
  mpq_class today;
  PerfectBayesianAnalysis analysis;
  std::optional<PriorChange> up, down;
};

bool has_information_sets(const GameNode& node) {
  if (node.kind == GameNode::Kind::Decision && !node.infoset.empty()) return true;
  return std::any_of(node.children.begin(), node.children.end(), [](const GameNode& child) { return has_information_sets(child); });
}

std::optional<PriorSensitivity> prior_sensitivity(const Game& game) {
  if (game.form != Game::Form::Extensive || game.tree.kind != GameNode::Kind::Chance || game.tree.children.size() != 2 || !has_information_sets(game.tree))
    return std::nullopt;
  PriorSensitivity p;
  try {
    p.analysis = perfect_bayesian_equilibria(game);
  } catch (const WorkTooLarge&) {
    return std::nullopt;  // solve says so
  }
  if (!game.types.empty()) {
    p.prior = &game.types[0].types[0].probability;
    p.judgment = fmt::format("the prior that {} is {}", game.types[0].player, game.types[0].types[0].id);
  } else {
    p.prior = &game.tree.probabilities[0];
    p.judgment = fmt::format("the chance of {} at the start", game.tree.moves[0]);
  }
  p.game_judgment = fmt::format("{} in game “{}”", p.judgment, game_title(game));
  p.today = exact_number(*p.prior);
  p.up = prior_change(p.analysis, p.today, +1);
  p.down = prior_change(p.analysis, p.today, -1);
  return p;
}

std::string prior_consequence(const Game& game, const PriorSensitivity& p, const PriorChange& change) {
  if (change.past.empty()) return "there would be no perfect Bayesian equilibrium in pure strategies";
  std::vector<std::string> plays;
  for (const auto* e : change.past) {
    std::string words = bayesian_play_words(game, p.analysis, *e);
    if (std::find(plays.begin(), plays.end(), words) == plays.end()) plays.push_back(std::move(words));
  }
  if (plays.size() == 1) return "the play would be " + plays[0];
  std::vector<std::string> each;
  for (std::size_t k = 0; k < plays.size(); ++k) each.push_back(fmt::format("({}) {}", k + 1, plays[k]));
  return fmt::format("the play would be either of: {}", fmt::join(each, "; "));
}

std::string prior_change_words(const PriorChange& change, int direction) {
  return fmt::format("{} {}", direction > 0 ? "above" : "below", percent_and_fraction(change.threshold.get_str()));
}

Hinge prior_hinge(const Game& game, const PriorSensitivity& p, const PriorChange& change, int direction) {
  Hinge h;
  h.lens = "games";
  h.judgment = p.game_judgment;
  h.today = p.prior->text;
  h.change = prior_change_words(change, direction);
  h.consequence = prior_consequence(game, p, change);
  h.margin = mpq_class(abs(change.threshold - p.today)).get_d();
  h.note = p.prior->note;
  h.source = p.prior->source;
  h.at = p.prior->at;
  if (!game.types.empty()) {
    h.note = game.types[0].types[0].note;
    h.source = game.types[0].types[0].source;
    h.at = game.types[0].types[0].at;
  }
  return h;
}

double percent(std::size_t holds, std::size_t samples) { return samples == 0 ? 0 : 100.0 * static_cast<double>(holds) / static_cast<double>(samples); }

}  // namespace

std::string game_solution_words(const Game& game) {
  if (game.form == Game::Form::File) return {};
  if (game.form == Game::Form::Extensive && has_information_sets(game.tree)) {
    try {
      return bayesian_conclusion(game, perfect_bayesian_equilibria(game));
    } catch (const WorkTooLarge&) {
      return {};
    }
  }
  try {
    return solution_words(game, game_solution(game), "is");
  } catch (const std::exception&) {  // not of perfect information, or past the budget
    return {};
  }
}

std::vector<Hinge> games_hinges(const Scenario& scenario) {
  std::vector<Hinge> hinges;
  for (const auto& game : scenario.games) {
    if (const auto p = prior_sensitivity(game))
      for (const auto& [change, direction] : {std::pair{&p->up, +1}, std::pair{&p->down, -1}})
        if (*change) hinges.push_back(prior_hinge(game, *p, **change, direction));
    const GameSensitivity s = sensitivity_of(game);
    if (!s.solved) continue;
    const auto spreads = payoff_spreads(game);
    std::vector<const PayoffMargin*> done;
    for (const auto& c : changes_of(s, spreads)) {
      if (std::find(done.begin(), done.end(), c.margin) != done.end()) continue;  // the nearer change only
      done.push_back(c.margin);
      hinges.push_back(hinge_of(game, c));
    }
  }
  return hinges;
}

std::string render_games_sensitivity_text(const Scenario& scenario) {
  std::string out = "games: what each solution hangs on (each payoff moved alone until the solution changes)\n";
  if (scenario.games.empty()) return out + "  no games\n";
  for (const auto& game : scenario.games) {
    out += fmt::format("  {} ({})\n", game_title(game), game.id);
    if (const auto p = prior_sensitivity(game)) {
      for (const auto& [change, direction] : {std::pair{&p->up, +1}, std::pair{&p->down, -1}})
        if (*change)
          out += fmt::format("    if {} were {} — today {} — {}\n", p->judgment, prior_change_words(**change, direction), percent_and_fraction(p->today.get_str()),
                             prior_consequence(game, *p, **change));
      if (!p->up && !p->down) out += fmt::format("    {}: the equilibria are the same at every prior\n", p->judgment);
    }
    const GameSensitivity s = sensitivity_of(game);
    if (!s.solved) {
      out += "    not analysed: " + s.unsolved + "\n";
      continue;
    }
    out += "    today " + solution_words(game, s.solution, "is") + "\n";
    const auto changes = changes_of(s, payoff_spreads(game));
    for (const auto& c : changes) out += "    " + sentence(game, c) + "\n";
    const auto idle = std::count_if(s.margins.begin(), s.margins.end(), [](const PayoffMargin& m) { return !m.up.changes && !m.down.changes; });
    if (idle > 0) out += fmt::format("    the other {} payoff{} cannot change it alone, whatever their value\n", idle, idle == 1 ? "" : "s");
    if (!s.mixed.empty()) {
      out += "    the fully mixed equilibrium stays fully mixed until one of these payoffs reaches the value it is compared with:\n";
      for (const auto& m : s.mixed)
        out += fmt::format("      {}'s payoff for {}: today {}, mixed while on this side of {}\n", game.players[m.payoff.player], quoted_place(game, m.payoff), m.today.get_str(),
                           m.threshold.get_str());
    } else if (game.form == Game::Form::Strategic && game.outcomes.size() > 4) {
      out += "    mixed equilibria: margins are given for the fully mixed equilibrium of 2×2 games only\n";
    }
  }
  return out;
}

nlohmann::json render_games_sensitivity_json(const Scenario& scenario) {
  nlohmann::json games = nlohmann::json::array();
  for (const auto& game : scenario.games) {
    const GameSensitivity s = sensitivity_of(game);
    nlohmann::json g{{"game", game.id}, {"title", game_title(game)}, {"solved", s.solved}};
    if (const auto p = prior_sensitivity(game)) {
      nlohmann::json prior{{"judgment", p->judgment}, {"line", p->prior->at.line}, {"column", p->prior->at.column}};
      put_exact(prior, "today", p->today);
      for (const auto& [change, key, direction] : {std::tuple{&p->up, "up", +1}, std::tuple{&p->down, "down", -1}}) {
        if (!*change) {
          prior[key] = nullptr;
          continue;
        }
        nlohmann::json j{{"consequence", prior_consequence(game, *p, **change)}};
        put_exact(j, "threshold", (*change)->threshold);
        prior[key] = j;
      }
      g["prior"] = prior;
    }
    if (!s.solved) {
      g["unsolved"] = s.unsolved;
      games.push_back(g);
      continue;
    }
    const auto spreads = payoff_spreads(game);
    g["solution"] = solution_json(game, s.solution);
    nlohmann::json margins = nlohmann::json::array();
    for (const auto& m : s.margins) {
      const Hinge h = hinge_of(game, {&m, &m.up, +1, 0});
      nlohmann::json margin{{"player", game.players[m.payoff.player]},
                            {"payoff", payoff_place(game, m.payoff)},
                            {"up", shift_json(game, m, m.up, spreads)},
                            {"down", shift_json(game, m, m.down, spreads)},
                            {"note", h.note},
                            {"source", h.source},
                            {"line", h.at.line},
                            {"column", h.at.column}};
      put_exact(margin, "today", m.today);
      put_exact(margin, "spread", spreads[m.payoff.player]);
      margins.push_back(margin);
    }
    g["margins"] = margins;
    nlohmann::json mixed = nlohmann::json::array();
    for (const auto& m : s.mixed) {
      nlohmann::json j{{"player", game.players[m.payoff.player]}, {"payoff", payoff_place(game, m.payoff)}};
      put_exact(j, "today", m.today);
      put_exact(j, "threshold", m.threshold);
      mixed.push_back(j);
    }
    g["mixed"] = mixed;
    games.push_back(g);
  }
  return games;
}

std::string render_games_uncertainty_text(const Scenario& scenario, const PerturbationSettings& settings) {
  std::string out = "games: how often each solution holds when every payoff is perturbed at once\n";
  if (scenario.games.empty()) return out + "  no games\n";
  for (const auto& game : scenario.games) {
    const GamePerturbation p = perturbation_of(game, settings);
    out += fmt::format("  {} ({})\n", game_title(game), game.id);
    if (!p.solved) {
      out += "    not analysed: " + p.unsolved + "\n";
      continue;
    }
    const std::string how = perturbation_words(p, settings);
    for (const auto& f : p.today)
      out += fmt::format("    {}: holds in {:.0f} % of {} perturbed games ({})\n", point_words(game, f.point), percent(f.holds, p.samples), p.samples, how);
    if (p.today.empty()) out += "    today " + solution_words(game, {}, "is") + "\n";
    if (!p.others.empty())
      out += fmt::format("    most often instead: {} ({:.0f} %)\n", point_words(game, p.others[0].point), percent(p.others[0].holds, p.samples));
  }
  return out;
}

nlohmann::json render_games_uncertainty_json(const Scenario& scenario, const PerturbationSettings& settings) {
  nlohmann::json games = nlohmann::json::array();
  for (const auto& game : scenario.games) {
    const GamePerturbation p = perturbation_of(game, settings);
    nlohmann::json g{{"game", game.id}, {"solved", p.solved}};
    if (!p.solved) {
      g["unsolved"] = p.unsolved;
      games.push_back(g);
      continue;
    }
    auto list = [&](const std::vector<SolutionFrequency>& points) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& f : points) out.push_back({{"outcome", point_words(game, f.point)}, {"holds", f.holds}, {"share", static_cast<double>(f.holds) / static_cast<double>(p.samples)}});
      return out;
    };
    g["perturbation"] = perturbation_words(p, settings);
    g["ordinal"] = p.ordinal;
    g["samples"] = p.samples;
    g["today"] = list(p.today);
    g["others"] = list(p.others);
    games.push_back(g);
  }
  return games;
}

}  // namespace statecraft
