#include "games/perfect_bayesian.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>
#include <stdexcept>

#include "games/exact_lp.hpp"
#include "scenario/rational.hpp"
#include "scenario/work.hpp"

namespace statecraft {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

using Deviation = std::pair<std::size_t, std::size_t>;  // an information set, and the move taken there instead

struct FlatNode {
  const GameNode* node = nullptr;
  std::size_t infoset = none;            // decision nodes
  std::size_t type = none;               // the root draw's move above, when the root is chance
  std::vector<std::size_t> children;     // indices; children come after their parent (preorder)
  std::vector<mpq_class> probabilities;  // chance
  std::vector<mpq_class> payoffs;        // terminal
};

// The set of p in [lo, hi] where every added `at_zero + p · (at_one − at_zero) ≥ 0` holds: an
// interval, because each condition is linear in p.
class LinearRange {
 public:
  LinearRange(mpq_class lo, mpq_class hi) : lo_(std::move(lo)), hi_(std::move(hi)) {}
  void require(const mpq_class& at_zero, const mpq_class& at_one) {
    const mpq_class slope = at_one - at_zero;
    if (sgn(slope) == 0) {
      if (sgn(at_zero) < 0) empty_ = true;
      return;
    }
    const mpq_class root = -at_zero / slope;
    if (sgn(slope) > 0) lo_ = std::max(lo_, root);
    else hi_ = std::min(hi_, root);
  }
  std::optional<std::pair<mpq_class, mpq_class>> range() const {
    // The prior is strictly between 0 and 1 (at either end the other type is not there).
    if (empty_ || lo_ > hi_ || (lo_ == hi_ && (sgn(lo_) == 0 || lo_ == 1))) return std::nullopt;
    return std::pair{lo_, hi_};
  }

 private:
  mpq_class lo_, hi_;
  bool empty_ = false;
};

class Enumeration {
 public:
  Enumeration(const Game& game, double max_profiles) : game_(game) {
    if (game.form != Game::Form::Extensive) throw std::invalid_argument("perfect Bayesian equilibria need a game tree");
    flatten(game.tree, "root", none);
    analysis_.binary_type_draw = nodes_[0].node->kind == GameNode::Kind::Chance && nodes_[0].children.size() == 2;
    double profiles = 1;
    for (const auto& set : analysis_.infosets) profiles *= static_cast<double>(set.actions.size());
    if (profiles > max_profiles)
      throw WorkTooLarge(fmt::format("the tree has {:.4g} pure strategy profiles ({} information sets)", profiles, analysis_.infosets.size()), profiles,
                         max_profiles, "--max-profiles");
    analysis_.profiles = profiles;
    analysis_.signalling = signalling_structure();
    const FlatNode& root = nodes_[0];
    if (root.node->kind == GameNode::Kind::Chance) own_prior_ = root.probabilities;
    chance_ = chance_mass(own_prior_);
    if (analysis_.binary_type_draw) {
      chance_at_zero_ = chance_mass({0, 1});
      chance_at_one_ = chance_mass({1, 0});
    }
  }

  PerfectBayesianAnalysis run() && {
    std::vector<std::size_t> choice(analysis_.infosets.size(), 0);
    do examine(choice);
    while (advance(choice));
    return std::move(analysis_);
  }

 private:
  void flatten(const GameNode& n, const std::string& where, std::size_t type) {
    const std::size_t index = nodes_.size();
    nodes_.push_back({&n, none, type, {}, {}, {}});
    if (n.kind == GameNode::Kind::Terminal) {
      if (n.payoffs.values.size() != game_.players.size()) throw std::invalid_argument("a terminal node at " + where + " lacks payoffs");
      for (const auto& v : n.payoffs.values) nodes_[index].payoffs.push_back(exact_number(v));
      return;
    }
    if (n.kind == GameNode::Kind::Decision) nodes_[index].infoset = register_node(n, where, type);
    else
      for (const auto& p : n.probabilities) nodes_[index].probabilities.push_back(exact_number(p));
    for (std::size_t m = 0; m < n.children.size(); ++m) {
      nodes_[index].children.push_back(nodes_.size());
      const std::size_t child_type = index == 0 && n.kind == GameNode::Kind::Chance ? m : type;
      flatten(n.children[m], where == "root" ? n.moves[m] : where + " / " + n.moves[m], child_type);
    }
  }

  std::size_t register_node(const GameNode& n, const std::string& where, std::size_t type) {
    const auto player = std::find(game_.players.begin(), game_.players.end(), n.player);
    if (player == game_.players.end()) throw std::invalid_argument("unknown player " + n.player);
    const auto p = static_cast<std::size_t>(player - game_.players.begin());
    std::size_t set;
    if (n.infoset.empty()) set = analysis_.infosets.size();
    else {
      const auto [it, fresh] = labelled_.emplace(std::pair{p, n.infoset}, analysis_.infosets.size());
      set = it->second;
    }
    if (set == analysis_.infosets.size()) analysis_.infosets.push_back({p, n.infoset, n.moves, {}, {}});
    auto& info = analysis_.infosets[set];
    info.nodes.push_back(where);
    const GameNode& root = game_.tree;
    if (type != none) info.node_types.push_back(root.moves[type]);
    members_.resize(analysis_.infosets.size());
    members_[set].push_back(nodes_.size() - 1);
    return set;
  }

  std::optional<SignallingStructure> signalling_structure() const {
    const FlatNode& root = nodes_[0];
    if (root.node->kind != GameNode::Kind::Chance || root.children.size() < 2 || game_.players.size() != 2) return std::nullopt;
    SignallingStructure s;
    s.types = root.node->moves;
    const GameNode& first = *nodes_[root.children[0]].node;
    if (first.kind != GameNode::Kind::Decision) return std::nullopt;
    s.sender = nodes_[root.children[0]].infoset == none ? 0 : analysis_.infosets[nodes_[root.children[0]].infoset].player;
    s.receiver = 1 - s.sender;
    s.messages = first.moves;
    s.receiver_sets.assign(s.messages.size(), none);
    for (const std::size_t type_node : root.children) {
      const FlatNode& sender = nodes_[type_node];
      if (sender.node->kind != GameNode::Kind::Decision || analysis_.infosets[sender.infoset].player != s.sender || members_[sender.infoset].size() != 1 ||
          sender.node->moves != s.messages)
        return std::nullopt;
      s.sender_sets.push_back(sender.infoset);
      for (std::size_t m = 0; m < sender.children.size(); ++m) {
        const FlatNode& answer = nodes_[sender.children[m]];
        if (answer.node->kind != GameNode::Kind::Decision || analysis_.infosets[answer.infoset].player != s.receiver) return std::nullopt;
        if (s.receiver_sets[m] == none) s.receiver_sets[m] = answer.infoset;
        if (s.receiver_sets[m] != answer.infoset) return std::nullopt;
        for (const std::size_t end : answer.children)
          if (nodes_[end].node->kind != GameNode::Kind::Terminal) return std::nullopt;
      }
    }
    for (std::size_t m = 0; m < s.messages.size(); ++m) {
      if (members_[s.receiver_sets[m]].size() != s.types.size()) return std::nullopt;
      for (std::size_t n = 0; n < m; ++n)
        if (s.receiver_sets[n] == s.receiver_sets[m]) return std::nullopt;
    }
    return s;
  }

  bool advance(std::vector<std::size_t>& choice) const {
    for (std::size_t k = choice.size(); k-- > 0;) {
      if (++choice[k] < analysis_.infosets[k].actions.size()) return true;
      choice[k] = 0;
    }
    return false;
  }

  // Every node's value to every player under the profile, from the leaves up.
  std::vector<std::vector<mpq_class>> values(const std::vector<std::size_t>& choice) const {
    std::vector<std::vector<mpq_class>> v(nodes_.size());
    for (std::size_t i = nodes_.size(); i-- > 0;) {
      const FlatNode& n = nodes_[i];
      switch (n.node->kind) {
        case GameNode::Kind::Terminal: v[i] = n.payoffs; break;
        case GameNode::Kind::Decision: v[i] = v[n.children[choice[n.infoset]]]; break;
        case GameNode::Kind::Chance:
          v[i].assign(game_.players.size(), 0);
          for (std::size_t m = 0; m < n.children.size(); ++m)
            for (std::size_t p = 0; p < v[i].size(); ++p) v[i][p] += n.probabilities[m] * v[n.children[m]][p];
          break;
      }
    }
    return v;
  }

  // Every node's probability of being reached, with the root's draw given by `root`.
  std::vector<mpq_class> reach(const std::vector<std::size_t>& choice, const std::vector<mpq_class>& root) const {
    std::vector<mpq_class> r(nodes_.size(), 0);
    r[0] = 1;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      const FlatNode& n = nodes_[i];
      if (sgn(r[i]) == 0) continue;
      for (std::size_t m = 0; m < n.children.size(); ++m) {
        if (n.node->kind == GameNode::Kind::Chance) r[n.children[m]] = r[i] * (i == 0 ? root[m] : n.probabilities[m]);
        else if (n.node->kind == GameNode::Kind::Decision && m == choice[n.infoset]) r[n.children[m]] = r[i];
      }
    }
    return r;
  }

  // The gain of the set's mover from its move `a` over `b`, at each node of the set.
  std::vector<mpq_class> gains(std::size_t set, std::size_t a, std::size_t b, const std::vector<std::vector<mpq_class>>& v) const {
    const std::size_t p = analysis_.infosets[set].player;
    std::vector<mpq_class> g;
    for (const std::size_t x : members_[set]) g.push_back(v[nodes_[x].children[a]][p] - v[nodes_[x].children[b]][p]);
    return g;
  }

  // Which beliefs an off-path set may hold: Bayes' rule wherever possible (Fudenberg & Tirole
  // 1991, §8.2.3). Each node is reached by some deviations from the profile; a node that needs
  // every deviation another node needs, and more, is infinitely less likely under any trembles
  // and gets no weight; nodes reached by the same deviations keep the odds chance gives them.
  // Between the remaining groups the weights are free.
  using BeliefGroups = std::vector<std::vector<std::size_t>>;  // positions in the set, per group
  BeliefGroups belief_groups(std::size_t set, const std::vector<std::vector<Deviation>>& deviations) const {
    const auto& members = members_[set];
    std::vector<bool> dominated(members.size(), false);
    for (std::size_t a = 0; a < members.size(); ++a)
      for (std::size_t b = 0; b < members.size() && !dominated[a]; ++b) {
        const auto& da = deviations[members[a]];
        const auto& db = deviations[members[b]];
        if (da.size() > db.size() && std::includes(da.begin(), da.end(), db.begin(), db.end())) dominated[a] = true;
      }
    BeliefGroups groups;
    std::map<std::vector<Deviation>, std::size_t> by_deviations;
    for (std::size_t k = 0; k < members.size(); ++k) {
      if (dominated[k]) continue;
      const auto [it, fresh] = by_deviations.emplace(deviations[members[k]], groups.size());
      if (fresh) groups.emplace_back();
      groups[it->second].push_back(k);
    }
    return groups;
  }

  // Every node a group of its own: any belief.
  BeliefGroups free_beliefs(std::size_t set) const {
    BeliefGroups groups;
    for (std::size_t k = 0; k < members_[set].size(); ++k) groups.push_back({k});
    return groups;
  }

  // The beliefs over an off-path set's nodes that `groups` allow, restricted to the `allowed`
  // nodes (empty: all), under which `move` is a best reply: a linear program over the belief.
  LinearProgram belief_program(std::size_t set, std::size_t move, const std::vector<std::vector<mpq_class>>& v, const BeliefGroups& groups,
                               const std::vector<bool>& allowed = {}) const {
    const auto& members = members_[set];
    const std::size_t k = members.size();
    LinearProgram lp;
    lp.variables = k;
    lp.rows.push_back({std::vector<mpq_class>(k, 1), LinearProgram::Relation::equal, 1});
    std::vector<bool> kept(k, false);
    for (const auto& group : groups)
      for (std::size_t i = 0; i < group.size(); ++i) {
        kept[group[i]] = allowed.empty() || allowed[group[i]];
        if (i == 0) continue;
        std::vector<mpq_class> odds(k, 0);  // μ_i · c_0 = μ_0 · c_i
        odds[group[i]] = chance_[members[group[0]]];
        odds[group[0]] = -chance_[members[group[i]]];
        lp.rows.push_back({odds, LinearProgram::Relation::equal, 0});
      }
    for (std::size_t x = 0; x < k; ++x)
      if (!kept[x]) {
        std::vector<mpq_class> only(k, 0);
        only[x] = 1;
        lp.rows.push_back({only, LinearProgram::Relation::equal, 0});
      }
    for (std::size_t b = 0; b < analysis_.infosets[set].actions.size(); ++b)
      if (b != move) lp.rows.push_back({gains(set, move, b, v), LinearProgram::Relation::at_least, 0});
    return lp;
  }

  // A belief the groups allow under which `move` is a best reply: one group's own (tried first,
  // as it usually is one), else a mixture of groups found by the linear program.
  std::optional<std::vector<mpq_class>> justifying_belief(std::size_t set, std::size_t move, const std::vector<std::vector<mpq_class>>& v, const BeliefGroups& groups) const {
    const auto& members = members_[set];
    std::vector<std::vector<mpq_class>> gain;
    for (std::size_t b = 0; b < analysis_.infosets[set].actions.size(); ++b)
      if (b != move) gain.push_back(gains(set, move, b, v));
    for (const auto& group : groups) {
      mpq_class mass = 0;
      for (const std::size_t k : group) mass += chance_[members[k]];
      std::vector<mpq_class> belief(members.size(), 0);
      for (const std::size_t k : group) belief[k] = sgn(mass) > 0 ? chance_[members[k]] / mass : mpq_class(1, group.size());
      const bool best = std::all_of(gain.begin(), gain.end(), [&](const std::vector<mpq_class>& g) {
        mpq_class total = 0;
        for (std::size_t k = 0; k < g.size(); ++k) total += belief[k] * g[k];
        return sgn(total) >= 0;
      });
      if (best) return belief;
    }
    if (groups.size() < 2) return std::nullopt;
    return feasible_point(belief_program(set, move, v, groups));
  }

  static std::optional<std::vector<mpq_class>> feasible_point(const LinearProgram& lp) {
    auto solution = solve_exact(lp);
    if (solution.status != LinearProgramSolution::Status::optimal) return std::nullopt;
    return std::move(solution.x);
  }

  // The range of belief in the set's first node over the beliefs `lp` allows.
  static std::optional<std::pair<mpq_class, mpq_class>> first_node_range(LinearProgram lp) {
    lp.objective.assign(lp.variables, 0);
    lp.objective[0] = 1;
    const auto high = solve_exact(lp);
    lp.objective[0] = -1;
    const auto low = solve_exact(lp);
    if (high.status != LinearProgramSolution::Status::optimal || low.status != LinearProgramSolution::Status::optimal) return std::nullopt;
    return std::pair{-low.value, high.value};
  }

  // The deviations from the profile on the way to every node, sorted (a multiset).
  std::vector<std::vector<Deviation>> deviations(const std::vector<std::size_t>& choice) const {
    std::vector<std::vector<Deviation>> d(nodes_.size());
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      const FlatNode& n = nodes_[i];
      for (std::size_t m = 0; m < n.children.size(); ++m) {
        d[n.children[m]] = d[i];
        if (n.node->kind == GameNode::Kind::Decision && m != choice[n.infoset]) {
          auto& list = d[n.children[m]];
          const Deviation step{n.infoset, m};
          list.insert(std::upper_bound(list.begin(), list.end(), step), step);
        }
      }
    }
    return d;
  }

  // Each node's probability by chance alone, as though every decision on the way led there, with
  // the root's draw given by `root`.
  std::vector<mpq_class> chance_mass(const std::vector<mpq_class>& root) const {
    std::vector<mpq_class> c(nodes_.size(), 0);
    c[0] = 1;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      const FlatNode& n = nodes_[i];
      for (std::size_t m = 0; m < n.children.size(); ++m)
        c[n.children[m]] = n.node->kind != GameNode::Kind::Chance ? c[i] : c[i] * (i == 0 ? root[m] : n.probabilities[m]);
    }
    return c;
  }

  // Whether the moves form an equilibrium at the game's own prior and, when the root draws one of
  // two types, at which priors of the first they do: each condition is linear in that prior.
  void examine(const std::vector<std::size_t>& choice) {
    const auto v = values(choice);
    const auto r = reach(choice, own_prior_);
    const auto d = deviations(choice);
    PerfectBayesianEquilibrium e;
    e.choice = choice;
    e.payoffs = v[0];
    bool holds = true;
    std::optional<LinearRange> prior;
    std::vector<mpq_class> at_zero, at_one;
    if (analysis_.binary_type_draw) {
      prior.emplace(0, 1);
      at_zero = reach(choice, {0, 1});
      at_one = reach(choice, {1, 0});
    }
    for (std::size_t set = 0; set < analysis_.infosets.size(); ++set) {
      const auto& members = members_[set];
      mpq_class mass = 0;
      for (const std::size_t x : members) mass += r[x];
      const bool reached = sgn(mass) > 0;
      e.reached.push_back(reached);
      e.supporting_range.emplace_back();
      e.belief.emplace_back();
      if (reached)
        for (const std::size_t x : members) e.belief.back().push_back(r[x] / mass);
      const bool interior_reached = prior && std::any_of(members.begin(), members.end(), [&](std::size_t x) { return sgn(at_zero[x] + at_one[x]) > 0; });
      const bool off_path_somewhere = !reached || (prior && !interior_reached);
      const BeliefGroups groups = off_path_somewhere ? belief_groups(set, d) : BeliefGroups{};
      // Off the path with one group, the belief is chance's odds within it, linear in the prior
      // as reach is on the path.
      const bool fixed_odds = prior && !interior_reached && groups.size() == 1;
      for (std::size_t b = 0; b < analysis_.infosets[set].actions.size(); ++b) {
        if (b == choice[set]) continue;
        const auto g = gains(set, choice[set], b, v);
        if (reached) {
          mpq_class total = 0;
          for (std::size_t k = 0; k < members.size(); ++k) total += r[members[k]] * g[k];
          if (sgn(total) < 0) holds = false;
        }
        if (interior_reached) require_weighted(*prior, members, all_positions(members.size()), at_zero, at_one, g);
        else if (fixed_odds) require_weighted(*prior, members, groups[0], chance_at_zero_, chance_at_one_, g);
      }
      if (!off_path_somewhere) continue;
      auto belief = justifying_belief(set, choice[set], v, groups);
      if (!reached) {
        if (!belief) holds = false;
        else e.belief.back() = std::move(*belief);
      }
      // Off the path at the interior priors with several groups: groups of one type each keep
      // their odds at every prior, so the verdict is the same at all of them; otherwise the
      // prior's range is not worked out.
      if (prior && !interior_reached && !fixed_odds && (!belief || mixes_types(set, groups))) prior.reset();
    }
    if (prior) e.prior_range = prior->range();
    if (holds)
      for (std::size_t set = 0; set < analysis_.infosets.size(); ++set)
        if (!e.reached[set] && members_[set].size() == 2) e.supporting_range[set] = first_node_range(belief_program(set, choice[set], v, belief_groups(set, d)));
    if (analysis_.signalling && (holds || e.prior_range)) intuitive_criterion(e, v);
    if (holds) analysis_.equilibria.push_back(std::move(e));
    else if (e.prior_range) analysis_.at_other_priors.push_back(std::move(e));
  }

  // Requires Σ_k w(p)_k · gain_k ≥ 0 over the nodes at `positions`, with weights linear in the
  // prior p: `at_zero` at p = 0 and `at_one` at p = 1.
  static void require_weighted(LinearRange& prior, const std::vector<std::size_t>& members, const std::vector<std::size_t>& positions,
                               const std::vector<mpq_class>& at_zero, const std::vector<mpq_class>& at_one, const std::vector<mpq_class>& gain) {
    mpq_class zero = 0, one = 0;
    for (const std::size_t k : positions) {
      zero += at_zero[members[k]] * gain[k];
      one += at_one[members[k]] * gain[k];
    }
    prior.require(zero, one);
  }

  static std::vector<std::size_t> all_positions(std::size_t n) {
    std::vector<std::size_t> all(n);
    for (std::size_t k = 0; k < n; ++k) all[k] = k;
    return all;
  }

  bool mixes_types(std::size_t set, const BeliefGroups& groups) const {
    for (const auto& group : groups)
      for (const std::size_t k : group)
        if (nodes_[members_[set][k]].type != nodes_[members_[set][group[0]]].type) return true;
    return false;
  }

  // Cho & Kreps (1987), §IV: for a message no type sends, the types for which it is
  // equilibrium-dominated (their equilibrium payoff beats anything the receiver could answer it
  // with) are ruled out; if some other type would then gain from it whatever the receiver answers
  // to beliefs on the types left, the equilibrium fails the criterion.
  void intuitive_criterion(PerfectBayesianEquilibrium& e, const std::vector<std::vector<mpq_class>>& v) const {
    const SignallingStructure& s = *analysis_.signalling;
    e.intuitive = true;
    const std::size_t types = s.types.size();
    for (std::size_t m = 0; m < s.messages.size(); ++m) {
      const std::size_t set = s.receiver_sets[m];
      if (e.reached[set]) continue;
      const auto& members = members_[set];
      // The sender's payoff from each answer, per type; and its equilibrium payoff.
      auto sender_gets = [&](std::size_t t, std::size_t answer) { return v[nodes_[members[t]].children[answer]][s.sender]; };
      auto equilibrium_payoff = [&](std::size_t t) { return v[members_[s.sender_sets[t]][0]][s.sender]; };
      const auto answers_to_any = best_replies(set, v, {});
      std::vector<bool> left(types, false);
      for (std::size_t t = 0; t < types; ++t)
        for (const std::size_t a : answers_to_any)
          if (sender_gets(t, a) >= equilibrium_payoff(t)) left[t] = true;
      if (std::none_of(left.begin(), left.end(), [](bool b) { return b; })) continue;
      const auto answers = best_replies(set, v, left);
      for (std::size_t t = 0; t < types; ++t) {
        if (!left[t]) continue;
        const bool gains_anyway = std::all_of(answers.begin(), answers.end(), [&](std::size_t a) { return sender_gets(t, a) > equilibrium_payoff(t); });
        if (gains_anyway && !answers.empty()) {
          e.intuitive = false;
          e.breaking_type = s.types[t];
          e.breaking_message = s.messages[m];
          for (std::size_t u = 0; u < types; ++u)
            if (!left[u]) e.ruled_out.push_back(s.types[u]);
          return;
        }
      }
    }
  }

  // The receiver's answers that are best replies to some belief on the `allowed` nodes.
  std::vector<std::size_t> best_replies(std::size_t set, const std::vector<std::vector<mpq_class>>& v, const std::vector<bool>& allowed) const {
    std::vector<std::size_t> replies;
    for (std::size_t a = 0; a < analysis_.infosets[set].actions.size(); ++a)
      if (feasible_point(belief_program(set, a, v, free_beliefs(set), allowed))) replies.push_back(a);
    return replies;
  }

  const Game& game_;
  std::vector<FlatNode> nodes_;
  std::vector<std::vector<std::size_t>> members_;  // per information set, its nodes
  std::map<std::pair<std::size_t, std::string>, std::size_t> labelled_;
  PerfectBayesianAnalysis analysis_;
  std::vector<mpq_class> own_prior_;                     // the root's draw, when it is chance
  std::vector<mpq_class> chance_, chance_at_zero_, chance_at_one_;  // chance_mass at the own prior, and the first type's at 0 and 1
};

}  // namespace

PerfectBayesianAnalysis perfect_bayesian_equilibria(const Game& game, double max_profiles) { return Enumeration(game, max_profiles).run(); }

std::optional<PriorChange> prior_change(const PerfectBayesianAnalysis& analysis, const mpq_class& today, int direction) {
  std::vector<const PerfectBayesianEquilibrium*> all;
  std::set<mpq_class> breaks;
  for (const auto* list : {&analysis.equilibria, &analysis.at_other_priors})
    for (const auto& e : *list)
      if (e.prior_range) {
        all.push_back(&e);
        breaks.insert(e.prior_range->first);
        breaks.insert(e.prior_range->second);
      }
  // The equilibria at p, or just above (+1) or below (−1) it.
  auto holding = [&](const mpq_class& p, int side) {
    std::vector<const PerfectBayesianEquilibrium*> out;
    for (const auto* e : all) {
      const auto& [lo, hi] = *e->prior_range;
      if (side == 0 ? lo <= p && p <= hi : side > 0 ? lo <= p && p < hi : lo < p && p <= hi) out.push_back(e);
    }
    return out;
  };
  const auto now = holding(today, 0);
  if (direction > 0) {
    for (auto it = breaks.lower_bound(today); it != breaks.end() && *it < 1; ++it)
      if (auto past = holding(*it, +1); past != now) return PriorChange{*it, std::move(past)};
  } else {
    for (auto it = std::make_reverse_iterator(breaks.upper_bound(today)); it != breaks.rend() && sgn(*it) > 0; ++it)
      if (auto past = holding(*it, -1); past != now) return PriorChange{*it, std::move(past)};
  }
  return std::nullopt;
}

std::string signalling_kind(const PerfectBayesianAnalysis& analysis, const PerfectBayesianEquilibrium& equilibrium) {
  if (!analysis.signalling) return {};
  std::set<std::size_t> sent;
  for (const std::size_t set : analysis.signalling->sender_sets) sent.insert(equilibrium.choice[set]);
  if (sent.size() == 1) return "pooling";
  if (sent.size() == analysis.signalling->types.size()) return "separating";
  return "semi-separating";
}

}  // namespace statecraft
