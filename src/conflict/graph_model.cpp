#include "conflict/graph_model.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <fmt/format.h>
#include <stdexcept>
#include <unordered_map>

#include "conflict/simultaneous.hpp"
#include "scenario/states.hpp"

namespace statecraft {
namespace {

constexpr Rank no_rank = std::numeric_limits<Rank>::max();

// Calls a Progress every 2^16 units of work or so, so that counting costs nothing measurable.
class Ticker {
 public:
  Ticker(const Progress& progress, double total) : progress_(progress), total_(static_cast<std::uint64_t>(total)) {}
  void operator()(std::uint64_t work = 1) {
    const std::uint64_t before = done_;
    done_ += work;
    if ((before >> 16) != (done_ >> 16)) report_progress(progress_, done_, total_);
  }

 private:
  const Progress& progress_;
  std::uint64_t total_, done_ = 0;
};

// What the cost of each pass depends on: how many options a decision maker holds, and whether it
// is a free mover (see GraphModel::free_mover).
struct MakerShape {
  int options;
  bool free;
};

std::vector<MakerShape> shapes_of(const GraphModel& model) {
  std::vector<MakerShape> shapes;
  for (std::size_t j = 0; j < model.decision_maker_count(); ++j) shapes.push_back({std::popcount(model.options_of(j)), model.free_mover(j)});
  return shapes;
}

void refuse_past_max_states(std::uint64_t states, std::uint64_t max_states) {
  if (states > max_states)
    throw WorkTooLarge(fmt::format("the conflict has {} feasible states", states), static_cast<double>(states), static_cast<double>(max_states),
                       "--max-states");
}

std::vector<MakerShape> shapes_of(const Conflict& conflict, std::uint64_t states) {
  const auto makers = decision_makers(conflict);
  const bool all_feasible = conflict.options.size() < 64 && states == std::uint64_t{1} << conflict.options.size();
  std::vector<MakerShape> shapes(makers.size(), {0, all_feasible});
  for (std::size_t j = 0; j < makers.size(); ++j) {
    for (const auto& o : conflict.options)
      if (o.actor == makers[j]) {
        ++shapes[j].options;
        if (o.reversible != Reversibility::Both) shapes[j].free = false;
      }
    for (const auto& m : conflict.misperceptions)
      if (m.actor == makers[j]) shapes[j].free = false;
  }
  return shapes;
}

// Steps per state of a pass over one decision maker's moves: a free mover's group is visited and
// sorted; anyone else tries the 2^options combinations of its options.
std::uint64_t pass_cost(const MakerShape& maker) {
  return maker.free ? 1 + static_cast<std::uint64_t>(maker.options) : std::uint64_t{1} << maker.options;
}

// Steps per state of each pass of decision maker i's analysis (MakerAnalysis): the same figures
// estimate the job before it starts and weigh its progress while it runs.
struct PassCosts {
  std::uint64_t replies, closure_over_moves, closure_over_improvements, sanctions, verdicts;
  std::uint64_t total() const { return replies + closure_over_moves + closure_over_improvements + sanctions + verdicts; }
};

PassCosts pass_costs(const std::vector<MakerShape>& makers, std::size_t i) {
  std::uint64_t opponents = 0, sanctions = 0;
  bool opponents_free = true;
  for (std::size_t j = 0; j < makers.size(); ++j) {
    if (j == i) continue;
    opponents += std::uint64_t{1} << makers[j].options;
    sanctions += pass_cost(makers[j]);
    opponents_free = opponents_free && makers[j].free;
  }
  const bool one_free_opponent = makers.size() == 2 && opponents_free;
  return {pass_cost(makers[i]), opponents_free ? 1 : opponents, one_free_opponent ? pass_cost(makers[1 - i]) : opponents, sanctions,
          pass_cost(makers[i])};
}

// Steps per state of the paths from the status quo.
std::uint64_t path_cost(const std::vector<MakerShape>& makers) {
  std::uint64_t cost = 0;
  for (const auto& m : makers) cost += pass_cost(m);
  return cost;
}

// Raw scores of every state for one decision maker: option prioritisation scores Σ 2^(k−i) over
// the satisfied statements (Fang, Hipel & Kilgour 1993; Hipel et al.'s GMCR II), or the level of
// an explicit ranking counted from the bottom.
std::vector<std::int64_t> scores_of(const Preferences& p, const GraphModel& model, Ticker& tick) {
  const std::size_t n = model.state_count();
  std::vector<std::int64_t> scores(n, 0);
  if (p.by_ranking) {
    std::unordered_map<StateBits, std::int64_t> level;
    const auto levels = static_cast<std::int64_t>(p.ranking.size());
    for (std::size_t k = 0; k < p.ranking.size(); ++k)
      for (const auto& entry : p.ranking[k]) level[entry.state] = levels - static_cast<std::int64_t>(k);
    for (std::size_t s = 0; s < n; ++s, tick())
      if (const auto found = level.find(model.state(s)); found != level.end()) scores[s] = found->second;
    return scores;
  }
  const std::size_t k = p.statements.size();
  if (k > 62) throw std::invalid_argument("more than 62 preference statements for " + p.actor);
  for (std::size_t s = 0; s < n; ++s, tick())
    for (std::size_t i = 0; i < k; ++i)
      if (evaluate(p.statements[i].expression, model.state(s))) scores[s] += std::int64_t{1} << (k - 1 - i);
  return scores;
}

// The same order as 32-bit levels 0, 1, …: the analysis only ever compares ranks.
std::vector<Rank> levels_of(const std::vector<std::int64_t>& scores, Rank& levels) {
  std::vector<std::int64_t> distinct = scores;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  levels = static_cast<Rank>(distinct.size());
  std::vector<Rank> ranks(scores.size());
  for (std::size_t s = 0; s < scores.size(); ++s)
    ranks[s] = static_cast<Rank>(std::lower_bound(distinct.begin(), distinct.end(), scores[s]) - distinct.begin());
  return ranks;
}

}  // namespace

GraphModel::GraphModel(const Conflict& conflict, std::uint64_t max_states, const Progress& progress) {
  const std::size_t options = conflict.options.size();
  if (options > max_enumerated_options)
    throw WorkTooLarge(fmt::format("the conflict has {} options, 2^{} combinations to list", options, options),
                       std::ldexp(1.0, static_cast<int>(options)), std::ldexp(1.0, static_cast<int>(max_enumerated_options)));
  if (enumeration_cost(conflict) > max_enumeration_cost)
    throw WorkTooLarge(fmt::format("listing the states of the conflict takes {:.3g} steps (2^{} combinations, each tested against every "
                                   "infeasibility statement)", enumeration_cost(conflict), options),
                       enumeration_cost(conflict), max_enumeration_cost);
  makers_ = decision_makers(conflict);
  combinations_ = StateBits{1} << options;
  Ticker listing(progress, combinations_);
  for (StateBits bits = 0; bits < combinations_; ++bits, listing())
    if (is_feasible(conflict, bits)) states_.push_back(static_cast<std::uint32_t>(bits));
  count_ = states_.size();
  if (count_ == 0) throw std::invalid_argument("every state of the conflict is infeasible");
  refuse_past_max_states(count_, max_states);
  if (count_ == combinations_) {
    states_ = {};  // state i is combination i
  } else {
    states_.shrink_to_fit();
    dense_index_.assign(combinations_, infeasible);
    for (std::size_t i = 0; i < count_; ++i) dense_index_[states_[i]] = static_cast<std::uint32_t>(i);
  }
  for (std::size_t o = 0; o < options; ++o) {
    if (conflict.options[o].reversible == Reversibility::Forward) forward_only_ |= StateBits{1} << o;
    if (conflict.options[o].reversible == Reversibility::Backward) backward_only_ |= StateBits{1} << o;
  }
  Ticker tick(progress, makers_.size() * count_);
  for (const auto& maker : makers_) {
    StateBits mask = 0;
    for (std::size_t o = 0; o < options; ++o)
      if (conflict.options[o].actor == maker) mask |= StateBits{1} << o;
    masks_.push_back(mask);
    const auto p = std::find_if(conflict.preferences.begin(), conflict.preferences.end(), [&](const Preferences& q) { return q.actor == maker; });
    if (p == conflict.preferences.end()) throw std::invalid_argument(maker + " has no preferences");
    Rank levels = 0;
    ranks_.push_back(levels_of(scores_of(*p, *this, tick), levels));
    levels_.push_back(levels);
    std::vector<bool> unseen;
    for (const auto& m : conflict.misperceptions) {
      if (m.actor != maker) continue;
      unseen.resize(count_, false);
      for (std::size_t s = 0; s < count_; ++s)
        for (const auto& statement : m.statements)
          if (evaluate(statement.expression, state(s))) unseen[s] = true;
    }
    if (states_.empty() && unseen.empty() && (mask & (forward_only_ | backward_only_)) == 0) free_movers_ |= std::uint64_t{1} << (masks_.size() - 1);
    misperceived_.push_back(std::move(unseen));
  }
}

StabilitySteps stability_steps(const Conflict& conflict, std::uint64_t states, bool metarational) {
  const auto shapes = shapes_of(conflict, states);
  const double n = static_cast<double>(states);
  StabilitySteps steps{0, n * static_cast<double>(path_cost(shapes))};
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    const PassCosts costs = pass_costs(shapes, i);
    const std::uint64_t skipped = metarational ? 0 : costs.replies + costs.closure_over_moves;  // what equilibria() leaves out for Nash and SEQ
    steps.analysis += n * static_cast<double>(costs.total() - skipped);
  }
  return steps;
}

void check_stability_budget(const Conflict& conflict, std::uint64_t states, std::uint64_t max_states, double max_steps) {
  refuse_past_max_states(states, max_states);
  const double steps = stability_steps(conflict, states).total();
  if (steps > max_steps)
    throw WorkTooLarge(fmt::format("the stability analysis takes about {:.3g} steps ({} states; {} decision makers holding {} options)", steps,
                                   states, decision_makers(conflict).size(), conflict.options.size()),
                       steps, max_steps, "--max-steps");
}

void GraphModel::set_ranks(std::size_t maker, const std::vector<Rank>& ranks) {
  std::vector<std::int64_t> scores(ranks.begin(), ranks.end());
  ranks_[maker] = levels_of(scores, levels_[maker]);
}

const char* concept_name(Concept c) {
  switch (c) {
    case Concept::Nash: return "Nash";
    case Concept::GMR: return "GMR";
    case Concept::SMR: return "SMR";
    case Concept::SEQ: return "SEQ";
    case Concept::SIM: return "SIM";
  }
  return "?";
}

bool StabilityTable::is_equilibrium(Concept c, std::size_t state) const {
  if (!analysed(c)) return false;
  const auto& by_maker = stable[static_cast<int>(c)];
  return std::all_of(by_maker.begin(), by_maker.end(), [&](const std::vector<bool>& s) { return s[state]; });
}

namespace {

// The moves of some decision makers (one's opponents, a coalition's outsiders), or only their
// unilateral improvements, as successors that a search can take one at a time.
class MoveSet {
 public:
  MoveSet(const GraphModel& model, std::vector<std::size_t> makers, bool improvements_only)
      : model_(model), makers_(std::move(makers)), improvements_only_(improvements_only) {}

  struct Cursor {
    std::uint32_t slot;  // which of makers_ is moving
    StateBits combination;
  };
  Cursor start() const { return {0, makers_.empty() ? GraphModel::no_more : model_.options_of(makers_[0])}; }

  // The next successor of `state`, or -1 when there is none.
  long next(std::size_t state, Cursor& c) const {
    while (c.slot < makers_.size()) {
      const std::size_t maker = makers_[c.slot];
      for (long target; (target = model_.next_move(maker, state, c.combination)) >= 0;)
        if (!improvements_only_ || model_.rank(maker, static_cast<std::size_t>(target)) > model_.rank(maker, state)) return target;
      if (++c.slot < makers_.size()) c.combination = model_.options_of(makers_[c.slot]);
    }
    return -1;
  }

  const GraphModel& model() const { return model_; }

 private:
  const GraphModel& model_;
  std::vector<std::size_t> makers_;
  bool improvements_only_;
};

// For every state v, the least of each value array over the states reachable from v in zero or
// more moves (Tarjan's strongly connected components, iteratively and without storing edges:
// every member of a component reaches the same states, and components finish after those they
// lead to). 4·(kinds + 2) bytes per state, and 16 per state on the search path.
std::vector<std::vector<Rank>> least_reachable(const MoveSet& moves, const std::vector<const std::vector<Rank>*>& values, Ticker& tick,
                                               std::uint64_t cost) {
  const std::size_t n = moves.model().state_count(), kinds = values.size();
  // least[k][v]: once v's component is finished, the least value v reaches; before, the least
  // over v and the finished components it was seen to lead to.
  std::vector<std::vector<Rank>> least;
  for (const auto* v : values) least.push_back(*v);
  constexpr std::uint32_t unvisited = std::numeric_limits<std::uint32_t>::max(), finished = unvisited;
  std::vector<std::uint32_t> order(n, unvisited), low(n, 0);  // low == finished: its component is done
  std::vector<std::uint32_t> component_stack;
  struct Frame {
    std::uint32_t node;
    MoveSet::Cursor next;
  };
  std::vector<Frame> frames;
  std::uint32_t counter = 0;
  auto fold = [&](std::uint32_t into, std::uint32_t from) {
    for (std::size_t k = 0; k < kinds; ++k) least[k][into] = std::min(least[k][into], least[k][from]);
  };
  auto open = [&](std::uint32_t v) {
    order[v] = low[v] = counter++;
    component_stack.push_back(v);
    frames.push_back({v, moves.start()});
    tick(cost);
  };
  for (std::uint32_t root = 0; root < n; ++root) {
    if (order[root] != unvisited) continue;
    open(root);
    while (!frames.empty()) {
      Frame& f = frames.back();
      const long next = moves.next(f.node, f.next);
      if (next >= 0) {
        const auto w = static_cast<std::uint32_t>(next);
        if (order[w] == unvisited) open(w);
        else if (low[w] != finished) low[f.node] = std::min(low[f.node], order[w]);
        else fold(f.node, w);
        continue;
      }
      const std::uint32_t v = f.node;
      frames.pop_back();
      if (low[v] == order[v]) {
        std::size_t start = component_stack.size();
        do --start;
        while (component_stack[start] != v);
        for (std::size_t m = start + 1; m < component_stack.size(); ++m) fold(v, component_stack[m]);
        for (std::size_t m = start; m < component_stack.size(); ++m) {
          const std::uint32_t member = component_stack[m];
          for (std::size_t k = 0; k < kinds; ++k) least[k][member] = least[k][v];
          low[member] = finished;
        }
        component_stack.resize(start);
      }
      if (frames.empty()) continue;
      const std::uint32_t parent = frames.back().node;
      if (low[v] == finished) fold(parent, v);
      else low[parent] = std::min(low[parent], low[v]);  // same component: folded when it finishes
    }
  }
  return least;
}

std::vector<std::size_t> all_but(std::size_t makers, const std::vector<std::size_t>& excluded) {
  std::vector<std::size_t> rest;
  for (std::size_t j = 0; j < makers; ++j)
    if (std::find(excluded.begin(), excluded.end(), j) == excluded.end()) rest.push_back(j);
  return rest;
}

template <typename T>
void release(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

}  // namespace

namespace {

// The groups of states that differ only in the options of `mask` (all states feasible): calls
// fn(members) once per group, the members in a reused vector.
template <typename Fn>
void for_each_group(std::size_t n, StateBits mask, Fn&& fn) {
  std::vector<std::uint32_t> members;
  for (StateBits first = 0; first < n; ++first) {
    if (first & mask) continue;
    members.clear();
    for (StateBits combination = mask;; combination = (combination - 1) & mask) {
      members.push_back(static_cast<std::uint32_t>(first | combination));
      if (combination == 0) break;
    }
    fn(members);
  }
}

// Members sorted by `key`, highest first; calls out(member, folded) where folded is the least
// (or with `most`, the greatest) of `value` over the members of strictly higher key, or `none`.
template <typename Out>
void over_higher(const std::vector<std::uint32_t>& sorted, const std::vector<Rank>& key, const std::vector<Rank>& value, bool most, Rank none,
                 Out&& out) {
  Rank folded = none;
  for (std::size_t k = 0; k < sorted.size();) {
    std::size_t end = k;
    while (end < sorted.size() && key[sorted[end]] == key[sorted[k]]) ++end;
    for (std::size_t m = k; m < end; ++m) out(sorted[m], folded);
    for (std::size_t m = k; m < end; ++m) folded = most ? std::max(folded, value[sorted[m]]) : std::min(folded, value[sorted[m]]);
    k = end;
  }
}

void sort_by_key(std::vector<std::uint32_t>& members, const std::vector<Rank>& key) {
  std::sort(members.begin(), members.end(), [&](std::uint32_t a, std::uint32_t b) { return key[a] > key[b]; });
}

// The analysis of one decision maker i against its opponents, pass by pass. Each pass works on
// groups when the decision makers it follows are free movers, and on moves otherwise.
class MakerAnalysis {
 public:
  // `metarational`: GMR and SMR too; without, only Nash and SEQ are right in the table.
  MakerAnalysis(const GraphModel& model, std::size_t i, const std::vector<MakerShape>& shapes, Ticker& tick, bool metarational = true)
      : model_(model), n_(model.state_count()), i_(i), rank_(model.ranks(i)), opponents_(all_but(model.decision_maker_count(), {i})),
        shapes_(shapes), costs_(pass_costs(shapes, i)), tick_(tick), metarational_(metarational) {}

  void run(StabilityTable& table) {
    if (!metarational_) {  // SEQ's sanctions are the opponents' improvements alone
      sanctions({}, closure_over_improvements());
      verdicts(table);
      return;
    }
    // SMR: a sanction must hold whatever i replies, so a state counts by the best i can reach
    // from it in one move, or its own rank if that is better.
    std::vector<Rank> best_with_own_reply = best_reply();
    auto by_moves = closure_over_moves({&rank_, &best_with_own_reply});
    release(best_with_own_reply);
    auto by_improvements = closure_over_improvements();
    sanctions(by_moves, by_improvements);
    by_moves.clear();
    by_improvements.clear();
    verdicts(table);
  }

 private:
  std::vector<Rank> best_reply() {
    std::vector<Rank> best(n_);
    if (model_.free_mover(i_)) {
      for_each_group(n_, model_.options_of(i_), [&](const std::vector<std::uint32_t>& members) {
        Rank most = 0;
        for (std::uint32_t s : members) most = std::max(most, rank_[s]);
        for (std::uint32_t s : members) best[s] = most;
        tick_(members.size() * costs_.replies);
      });
      return best;
    }
    for (std::size_t s = 0; s < n_; ++s, tick_(costs_.replies)) {
      Rank most = rank_[s];
      model_.for_each_move(i_, s, [&](std::size_t t) { most = std::max(most, rank_[t]); });
      best[s] = most;
    }
    return best;
  }

  bool opponents_free() const {
    return std::all_of(opponents_.begin(), opponents_.end(), [&](std::size_t j) { return model_.free_mover(j); });
  }

  // The least of each value over what the opponents reach from a state by their moves. Free
  // movers together reach every state with i's options as they are.
  std::vector<std::vector<Rank>> closure_over_moves(const std::vector<const std::vector<Rank>*>& values) {
    if (!opponents_free()) return least_reachable(MoveSet(model_, opponents_, false), values, tick_, costs_.closure_over_moves);
    const StateBits theirs = (StateBits{n_} - 1) & ~model_.options_of(i_);
    std::vector<std::vector<Rank>> least(values.size(), std::vector<Rank>(n_));
    for_each_group(n_, theirs, [&](const std::vector<std::uint32_t>& members) {
      for (std::size_t k = 0; k < values.size(); ++k) {
        Rank low = no_rank;
        for (std::uint32_t s : members) low = std::min(low, (*values[k])[s]);
        for (std::uint32_t s : members) least[k][s] = low;
      }
      tick_(members.size() * costs_.closure_over_moves);
    });
    return least;
  }

  // The least rank of i over what the opponents reach by their unilateral improvements. A single
  // free opponent reaches, in one move, every state of its group that it ranks higher.
  std::vector<Rank> closure_over_improvements() {
    if (opponents_.size() != 1 || !model_.free_mover(opponents_[0]))
      return std::move(least_reachable(MoveSet(model_, opponents_, true), {&rank_}, tick_, costs_.closure_over_improvements)[0]);
    const std::size_t j = opponents_[0];
    std::vector<Rank> least(n_);
    for_each_group(n_, model_.options_of(j), [&](std::vector<std::uint32_t>& members) {
      sort_by_key(members, model_.ranks(j));
      over_higher(members, model_.ranks(j), rank_, false, no_rank, [&](std::uint32_t s, Rank above) { least[s] = std::min(rank_[s], above); });
      tick_(members.size() * costs_.closure_over_improvements);
    });
    return least;
  }

  // The best sanction against an improvement to s1: the least over the states the opponents
  // reach from s1 in at least one step, i.e. over its successors' closures; once per state.
  void sanctions(const std::vector<std::vector<Rank>>& by_moves, const std::vector<Rank>& by_improvements) {
    gmr_.assign(n_, no_rank), smr_.assign(n_, no_rank), seq_.assign(n_, no_rank);
    for (std::size_t j : opponents_) {
      const std::vector<Rank>& theirs = model_.ranks(j);
      const std::uint64_t cost = pass_cost(shapes_[j]);
      if (!model_.free_mover(j)) {
        for (std::size_t s1 = 0; s1 < n_; ++s1, tick_(cost))
          model_.for_each_move(j, s1, [&](std::size_t t) {
            if (metarational_) {
              gmr_[s1] = std::min(gmr_[s1], by_moves[0][t]);
              smr_[s1] = std::min(smr_[s1], by_moves[1][t]);
            }
            if (theirs[t] > theirs[s1]) seq_[s1] = std::min(seq_[s1], by_improvements[t]);
          });
        continue;
      }
      for_each_group(n_, model_.options_of(j), [&](std::vector<std::uint32_t>& members) {
        if (metarational_) {
          least_of_the_others(members, by_moves[0], gmr_);
          least_of_the_others(members, by_moves[1], smr_);
        }
        sort_by_key(members, theirs);
        over_higher(members, theirs, by_improvements, false, no_rank, [&](std::uint32_t s1, Rank above) { seq_[s1] = std::min(seq_[s1], above); });
        tick_(members.size() * cost);
      });
    }
  }

  // into[s] = min(into[s], the least value over the group's members other than s).
  static void least_of_the_others(const std::vector<std::uint32_t>& members, const std::vector<Rank>& value, std::vector<Rank>& into) {
    Rank lowest = no_rank, second = no_rank;
    std::uint32_t at = 0;
    for (std::uint32_t s : members) {
      if (value[s] < lowest) second = lowest, lowest = value[s], at = s;
      else second = std::min(second, value[s]);
    }
    for (std::uint32_t s : members) into[s] = std::min(into[s], s == at ? second : lowest);
  }

  // i is unstable at s under a concept when it has an improvement s1 the concept's sanction
  // does not deter: the sanction leaves i better off than at s.
  void verdicts(StabilityTable& table) {
    auto unstable = [&](Concept c, std::size_t s) { table.stable[static_cast<int>(c)][i_][s] = false; };
    if (!model_.free_mover(i_)) {
      for (std::size_t s = 0; s < n_; ++s, tick_(costs_.verdicts))
        model_.for_each_improvement(i_, s, [&](std::size_t s1) {
          unstable(Concept::Nash, s);
          if (gmr_[s1] > rank_[s]) unstable(Concept::GMR, s);
          if (smr_[s1] > rank_[s]) unstable(Concept::SMR, s);
          if (seq_[s1] > rank_[s]) unstable(Concept::SEQ, s);
        });
      return;
    }
    // The improvements from s are the members of its group ranked higher, so the most lenient
    // sanction among them is the greatest over those members.
    for_each_group(n_, model_.options_of(i_), [&](std::vector<std::uint32_t>& members) {
      sort_by_key(members, rank_);
      const std::pair<Concept, const std::vector<Rank>*> sanctions[] = {{Concept::GMR, &gmr_}, {Concept::SMR, &smr_}, {Concept::SEQ, &seq_}};
      const Rank none = 0;  // no improvement: nothing to deter
      over_higher(members, rank_, rank_, true, none, [&](std::uint32_t s, Rank best) {
        if (best > rank_[s]) unstable(Concept::Nash, s);
      });
      for (const auto& sanction : sanctions)
        over_higher(members, rank_, *sanction.second, true, none, [&](std::uint32_t s, Rank most) {
          if (most > rank_[s]) unstable(sanction.first, s);
        });
      tick_(members.size() * costs_.verdicts);
    });
  }

  const GraphModel& model_;
  const std::size_t n_, i_;
  const std::vector<Rank>& rank_;
  const std::vector<std::size_t> opponents_;
  const std::vector<MakerShape>& shapes_;
  const PassCosts costs_;
  Ticker& tick_;
  const bool metarational_;
  std::vector<Rank> gmr_, smr_, seq_;
};

}  // namespace

StabilityTable analyse_stability(const GraphModel& model, const Progress& progress) {
  const std::size_t n = model.state_count(), makers = model.decision_maker_count();
  StabilityTable table;
  table.stable.assign(concept_count, std::vector<std::vector<bool>>(makers, std::vector<bool>(n, true)));
  const auto shapes = shapes_of(model);
  double total = 0;
  for (std::size_t i = 0; i < makers; ++i) total += static_cast<double>(n) * static_cast<double>(pass_costs(shapes, i).total());
  Ticker tick(progress, total);
  for (std::size_t i = 0; i < makers; ++i) MakerAnalysis(model, i, shapes, tick).run(table);
  table.stable[static_cast<int>(Concept::SIM)] = simultaneous_stability(model);
  if (table.stable[static_cast<int>(Concept::SIM)].empty())
    table.simultaneous_skipped = fmt::format("SIM not analysed: its simultaneous sanctions take more than {:.3g} steps (every decision maker's moves from each of {} states, "
                                             "and the combinations of the opponents' improvements tried)", simultaneous_budget, n);
  return table;
}

std::vector<bool> equilibria(const GraphModel& model, Concept c) {
  const std::size_t n = model.state_count(), makers = model.decision_maker_count();
  StabilityTable table;
  if (c == Concept::GMR || c == Concept::SMR) {
    table = analyse_stability(model);
  } else if (c == Concept::SIM) {
    table.stable.assign(concept_count, {});
    table.stable[static_cast<int>(Concept::SIM)] = simultaneous_stability(model);
    if (table.stable[static_cast<int>(Concept::SIM)].empty()) throw WorkTooLarge(fmt::format("SIM's simultaneous sanctions take about {:.3g} steps", simultaneous_steps(model)), simultaneous_steps(model), simultaneous_budget);
  } else {
    table.stable.assign(concept_count, std::vector<std::vector<bool>>(makers, std::vector<bool>(n, true)));
    const auto shapes = shapes_of(model);
    const Progress nobody;
    Ticker tick(nobody, 0);
    for (std::size_t i = 0; i < makers; ++i) MakerAnalysis(model, i, shapes, tick, false).run(table);
  }
  std::vector<bool> out(n);
  for (std::size_t s = 0; s < n; ++s) out[s] = table.is_equilibrium(c, s);
  return out;
}

double coalition_work(const GraphModel& model, const std::vector<std::size_t>& members) {
  int options = 0;
  double moves = 0;
  for (std::size_t j : members) {
    options += std::popcount(model.options_of(j));
    moves += std::ldexp(1.0, std::popcount(model.options_of(j)));
  }
  const double states = static_cast<double>(model.state_count());
  return states * std::min(states, std::ldexp(1.0, options)) * moves;
}

CoalitionStability analyse_coalition(const GraphModel& model, const std::vector<std::size_t>& members, std::size_t listed_from,
                                     const Progress& progress) {
  const std::size_t n = model.state_count();
  Ticker tick(progress, 2 * n);
  // Ranks of each member after the others' best answer: the least each member can be pushed to
  // from a state, in one or more unilateral improvements of non-members.
  const auto outsiders = all_but(model.decision_maker_count(), members);
  std::vector<const std::vector<Rank>*> values;
  for (std::size_t j : members) values.push_back(&model.ranks(j));
  const MoveSet outsiders_improve(model, outsiders, true);
  const auto closure = least_reachable(outsiders_improve, values, tick, 1);
  std::vector<std::vector<Rank>> answer(members.size(), std::vector<Rank>(n, no_rank));
  for (std::size_t s1 = 0; s1 < n; ++s1) {
    MoveSet::Cursor c = outsiders_improve.start();
    for (long t; (t = outsiders_improve.next(s1, c)) >= 0;)
      for (std::size_t m = 0; m < members.size(); ++m) answer[m][s1] = std::min(answer[m][s1], closure[m][static_cast<std::size_t>(t)]);
  }

  CoalitionStability result{std::vector<bool>(n, true), std::vector<bool>(n, true), {}};
  std::vector<std::uint32_t> seen(n, std::numeric_limits<std::uint32_t>::max());
  std::vector<std::size_t> frontier, reached;
  for (std::size_t s = 0; s < n; ++s, tick()) {
    // Every state the members reach from s together, depth first over their moves.
    frontier.assign(1, s);
    reached.clear();
    seen[s] = static_cast<std::uint32_t>(s);
    while (!frontier.empty()) {
      const std::size_t at = frontier.back();
      frontier.pop_back();
      for (std::size_t j : members)
        model.for_each_move(j, at, [&](std::size_t t) {
          if (seen[t] == s) return;
          seen[t] = static_cast<std::uint32_t>(s);
          reached.push_back(t);
          frontier.push_back(t);
        });
    }
    for (std::size_t t : reached) {
      const bool all_prefer = std::all_of(members.begin(), members.end(), [&](std::size_t j) { return model.rank(j, t) > model.rank(j, s); });
      if (!all_prefer) continue;
      if (s == listed_from) result.improvements_from.push_back(t);
      result.nash[s] = false;
      bool answered = false;
      for (std::size_t m = 0; m < members.size(); ++m) answered = answered || answer[m][t] <= model.rank(members[m], s);
      if (!answered) result.seq[s] = false;
    }
  }
  return result;
}

}  // namespace statecraft
