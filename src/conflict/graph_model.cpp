#include "conflict/graph_model.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <unordered_map>

#include "conflict/states.hpp"

namespace statecraft {
namespace {

constexpr Rank no_rank = std::numeric_limits<Rank>::max();

// Rank of every state for one decision maker: option prioritisation scores Σ 2^(k−i) over the
// satisfied statements (Fang, Hipel & Kilgour 1993; Hipel et al.'s GMCR II), or the level of an
// explicit ranking counted from the bottom.
std::vector<Rank> ranks_of(const Preferences& p, const std::vector<StateBits>& states) {
  std::vector<Rank> ranks(states.size(), 0);
  if (p.by_ranking) {
    std::unordered_map<StateBits, Rank> level;
    const auto levels = static_cast<Rank>(p.ranking.size());
    for (std::size_t k = 0; k < p.ranking.size(); ++k)
      for (const auto& entry : p.ranking[k]) level[entry.state] = levels - static_cast<Rank>(k);
    for (std::size_t s = 0; s < states.size(); ++s) ranks[s] = level.count(states[s]) ? level[states[s]] : 0;
    return ranks;
  }
  const std::size_t k = p.statements.size();
  if (k > 62) throw std::invalid_argument("more than 62 preference statements for " + p.actor);
  for (std::size_t s = 0; s < states.size(); ++s)
    for (std::size_t i = 0; i < k; ++i)
      if (evaluate(p.statements[i].expression, states[s])) ranks[s] += Rank{1} << (k - 1 - i);
  return ranks;
}

}  // namespace

GraphModel::GraphModel(const Conflict& conflict) {
  states_ = feasible_states(conflict);
  if (states_.empty() && can_enumerate_states(conflict)) throw std::invalid_argument("every state of the conflict is infeasible");
  if (!can_enumerate_states(conflict)) throw std::invalid_argument("the conflict has too many options to list its states");
  dense_index_.assign(std::size_t{1} << conflict.options.size(), -1);
  for (std::size_t i = 0; i < states_.size(); ++i) dense_index_[states_[i]] = static_cast<std::int32_t>(i);
  for (std::size_t o = 0; o < conflict.options.size(); ++o) {
    if (conflict.options[o].reversible == Reversibility::Forward) forward_only_ |= StateBits{1} << o;
    if (conflict.options[o].reversible == Reversibility::Backward) backward_only_ |= StateBits{1} << o;
  }
  makers_ = decision_makers(conflict);
  for (const auto& maker : makers_) {
    StateBits mask = 0;
    for (std::size_t o = 0; o < conflict.options.size(); ++o)
      if (conflict.options[o].actor == maker) mask |= StateBits{1} << o;
    masks_.push_back(mask);
    const auto p = std::find_if(conflict.preferences.begin(), conflict.preferences.end(), [&](const Preferences& q) { return q.actor == maker; });
    if (p == conflict.preferences.end()) throw std::invalid_argument(maker + " has no preferences");
    ranks_.push_back(ranks_of(*p, states_));
    std::vector<bool> unseen;
    for (const auto& m : conflict.misperceptions) {
      if (m.actor != maker) continue;
      unseen.resize(states_.size(), false);
      for (std::size_t s = 0; s < states_.size(); ++s)
        for (const auto& statement : m.statements)
          if (evaluate(statement.expression, states_[s])) unseen[s] = true;
    }
    misperceived_.push_back(std::move(unseen));
  }
}

long GraphModel::index_of(StateBits bits) const {
  return bits < dense_index_.size() ? dense_index_[bits] : -1;
}

const char* concept_name(Concept c) {
  switch (c) {
    case Concept::Nash: return "Nash";
    case Concept::GMR: return "GMR";
    case Concept::SMR: return "SMR";
    case Concept::SEQ: return "SEQ";
  }
  return "?";
}

bool StabilityTable::is_equilibrium(Concept c, std::size_t state) const {
  const auto& by_maker = stable[static_cast<int>(c)];
  return std::all_of(by_maker.begin(), by_maker.end(), [&](const std::vector<bool>& s) { return s[state]; });
}

namespace {

// For every state v, the least of each value array over the states reachable from v in zero or
// more steps of the graph (Tarjan's strongly connected components, iteratively: every member of
// a component reaches the same states, and components finish after those they lead to).
template <typename Successors>
std::vector<std::vector<Rank>> least_reachable(std::size_t n, Successors&& successors, const std::vector<const std::vector<Rank>*>& values) {
  const std::size_t kinds = values.size();
  std::vector<std::vector<Rank>> least(kinds, std::vector<Rank>(n, no_rank));
  std::vector<std::vector<Rank>> gathered(kinds, std::vector<Rank>(n, no_rank));  // from finished components
  constexpr std::uint32_t unvisited = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> order(n, unvisited), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<std::uint32_t> component_stack, edges;
  struct Frame {
    std::uint32_t node;
    std::size_t begin, next, end;  // this node's successors are edges[begin, end)
  };
  std::vector<Frame> frames;
  std::uint32_t counter = 0;
  auto fold = [&](std::uint32_t into, std::uint32_t from_least_of, bool finished) {
    for (std::size_t k = 0; k < kinds; ++k)
      gathered[k][into] = std::min(gathered[k][into], finished ? least[k][from_least_of] : gathered[k][from_least_of]);
  };
  auto open = [&](std::uint32_t v) {
    order[v] = low[v] = counter++;
    component_stack.push_back(v);
    on_stack[v] = true;
    const std::size_t begin = edges.size();
    successors(v, [&](std::size_t w) { edges.push_back(static_cast<std::uint32_t>(w)); });
    frames.push_back({v, begin, begin, edges.size()});
  };
  for (std::uint32_t root = 0; root < n; ++root) {
    if (order[root] != unvisited) continue;
    open(root);
    while (!frames.empty()) {
      Frame& f = frames.back();
      if (f.next < f.end) {
        const std::uint32_t w = edges[f.next++];
        if (order[w] == unvisited) {
          open(w);
        } else if (on_stack[w]) {
          low[f.node] = std::min(low[f.node], order[w]);
        } else {
          fold(f.node, w, true);
        }
        continue;
      }
      const std::uint32_t v = f.node;
      edges.resize(f.begin);  // the top frame's successors are the last ones
      frames.pop_back();
      if (low[v] == order[v]) {
        std::vector<Rank> best(kinds, no_rank);
        std::size_t start = component_stack.size();
        do --start;
        while (component_stack[start] != v);
        for (std::size_t m = start; m < component_stack.size(); ++m)
          for (std::size_t k = 0; k < kinds; ++k)
            best[k] = std::min({best[k], (*values[k])[component_stack[m]], gathered[k][component_stack[m]]});
        for (std::size_t m = start; m < component_stack.size(); ++m) {
          on_stack[component_stack[m]] = false;
          for (std::size_t k = 0; k < kinds; ++k) least[k][component_stack[m]] = best[k];
        }
        component_stack.resize(start);
      }
      if (!frames.empty()) {
        const std::uint32_t parent = frames.back().node;
        if (on_stack[v]) {
          low[parent] = std::min(low[parent], low[v]);
          fold(parent, v, false);
        } else {
          fold(parent, v, true);
        }
      }
    }
  }
  return least;
}

}  // namespace

StabilityTable analyse_stability(const GraphModel& model) {
  const std::size_t n = model.state_count(), makers = model.decision_maker_count();
  StabilityTable table;
  table.stable.assign(4, std::vector<std::vector<bool>>(makers, std::vector<bool>(n, true)));
  for (std::size_t i = 0; i < makers; ++i) {
    std::vector<Rank> rank(n), best_with_own_reply(n);
    for (std::size_t s = 0; s < n; ++s) rank[s] = model.rank(i, s);
    // SMR: a sanction must hold whatever i replies, so a state counts by the best i can reach
    // from it in one move, or its own rank if that is better.
    for (std::size_t s = 0; s < n; ++s) {
      Rank best = rank[s];
      model.for_each_move(i, s, [&](std::size_t t) { best = std::max(best, rank[t]); });
      best_with_own_reply[s] = best;
    }
    auto opponents_move = [&](std::size_t s, auto&& emit) {
      for (std::size_t j = 0; j < makers; ++j)
        if (j != i) model.for_each_move(j, s, emit);
    };
    auto opponents_improve = [&](std::size_t s, auto&& emit) {
      for (std::size_t j = 0; j < makers; ++j)
        if (j != i) model.for_each_improvement(j, s, emit);
    };
    const auto by_moves = least_reachable(n, opponents_move, {&rank, &best_with_own_reply});
    const auto by_improvements = least_reachable(n, opponents_improve, {&rank});
    // The best sanction against an improvement to s1: the least over the states the opponents
    // reach from s1 in at least one step, i.e. over its successors' closures; once per state.
    std::vector<Rank> gmr(n, no_rank), smr(n, no_rank), seq(n, no_rank);
    for (std::size_t s1 = 0; s1 < n; ++s1) {
      opponents_move(s1, [&](std::size_t t) {
        gmr[s1] = std::min(gmr[s1], by_moves[0][t]);
        smr[s1] = std::min(smr[s1], by_moves[1][t]);
      });
      opponents_improve(s1, [&](std::size_t t) { seq[s1] = std::min(seq[s1], by_improvements[0][t]); });
    }
    for (std::size_t s = 0; s < n; ++s) {
      model.for_each_improvement(i, s, [&](std::size_t s1) {
        table.stable[static_cast<int>(Concept::Nash)][i][s] = false;
        if (gmr[s1] > rank[s]) table.stable[static_cast<int>(Concept::GMR)][i][s] = false;
        if (smr[s1] > rank[s]) table.stable[static_cast<int>(Concept::SMR)][i][s] = false;
        if (seq[s1] > rank[s]) table.stable[static_cast<int>(Concept::SEQ)][i][s] = false;
      });
    }
  }
  return table;
}

CoalitionStability analyse_coalition(const GraphModel& model, const std::vector<std::size_t>& members) {
  const std::size_t n = model.state_count(), makers = model.decision_maker_count();
  auto member = [&](std::size_t j) { return std::find(members.begin(), members.end(), j) != members.end(); };
  // Ranks of each member after the others' best answer: the least each member can be pushed to
  // from a state, in one or more unilateral improvements of non-members.
  auto outsiders_improve = [&](std::size_t s, auto&& emit) {
    for (std::size_t j = 0; j < makers; ++j)
      if (!member(j)) model.for_each_improvement(j, s, emit);
  };
  std::vector<std::vector<Rank>> ranks(members.size(), std::vector<Rank>(n));
  std::vector<const std::vector<Rank>*> values;
  for (std::size_t m = 0; m < members.size(); ++m) {
    for (std::size_t s = 0; s < n; ++s) ranks[m][s] = model.rank(members[m], s);
    values.push_back(&ranks[m]);
  }
  const auto closure = least_reachable(n, outsiders_improve, values);
  std::vector<std::vector<Rank>> answer(members.size(), std::vector<Rank>(n, no_rank));
  for (std::size_t s1 = 0; s1 < n; ++s1)
    outsiders_improve(s1, [&](std::size_t t) {
      for (std::size_t m = 0; m < members.size(); ++m) answer[m][s1] = std::min(answer[m][s1], closure[m][t]);
    });

  CoalitionStability result{std::vector<bool>(n, true), std::vector<bool>(n, true), std::vector<std::vector<std::size_t>>(n)};
  std::vector<std::uint32_t> seen(n, std::numeric_limits<std::uint32_t>::max());
  for (std::size_t s = 0; s < n; ++s) {
    // Every state the members reach from s together, breadth first over their moves.
    std::vector<std::size_t> frontier{s};
    seen[s] = static_cast<std::uint32_t>(s);
    std::vector<std::size_t> reached;
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
      result.improvements[s].push_back(t);
      result.nash[s] = false;
      bool answered = false;
      for (std::size_t m = 0; m < members.size(); ++m) answered = answered || answer[m][t] <= ranks[m][s];
      if (!answered) result.seq[s] = false;
    }
  }
  return result;
}

}  // namespace statecraft
