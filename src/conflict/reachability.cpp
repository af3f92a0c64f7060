#include "conflict/reachability.hpp"

namespace statecraft {

Reachability::Reachability(const Conflict& conflict, const GraphModel& model, const Evolution& evolution)
    : model_(model), evolution_(evolution), by_option_(conflict.options.size()) {
  const std::size_t options = conflict.options.size();
  std::vector<std::array<bool, 2>> reached(options, {false, false}), movable(options, {false, false}), feasible(options, {false, false});
  std::vector<std::size_t> owner(options, 0);
  for (std::size_t i = 0; i < model.decision_maker_count(); ++i)
    for (std::size_t o = 0; o < options; ++o)
      if (model.options_of(i) >> o & 1U) owner[o] = i;
  for (std::size_t s = 0; s < model.state_count(); ++s) {
    if (!evolution.reaches(s)) continue;
    const StateBits bits = model.state(s);
    for (std::size_t o = 0; o < options; ++o) {
      const bool value = bits >> o & 1U;
      reached[o][value] = true;
      if (model.index_of(bits ^ (StateBits{1} << o)) >= 0) feasible[o][!value] = true;
    }
    for (std::size_t i = 0; i < model.decision_maker_count(); ++i)
      model.for_each_move(i, s, [&](std::size_t t) {
        const StateBits changed = (bits ^ model.state(t)) & model.options_of(i);
        for (std::size_t o = 0; o < options; ++o)
          if (changed >> o & 1U) movable[o][model.state(t) >> o & 1U] = true;
      });
  }
  for (std::size_t o = 0; o < options; ++o)
    for (int value = 0; value < 2; ++value) {
      if (reached[o][value]) continue;
      const Reversibility r = conflict.options[o].reversible;
      const bool forbidden = (r == Reversibility::Forward && value == 0) || (r == Reversibility::Backward && value == 1);
      Obstacle why;
      why.maker = owner[o];
      why.option = o;
      why.take = value == 1;
      if (movable[o][value]) {
        why.kind = Obstacle::Kind::NeverPreferred;
        why.irreversible = (r == Reversibility::Forward && value == 1) || (r == Reversibility::Backward && value == 0);
      } else if (forbidden) {
        why.kind = Obstacle::Kind::Irreversible;
      } else {
        why.kind = feasible[o][value] ? Obstacle::Kind::Misperceived : Obstacle::Kind::Infeasible;
      }
      by_option_[o][value] = why;
    }
}

std::vector<Obstacle> Reachability::obstacles(std::size_t state) const {
  if (evolution_.reaches(state)) return {};
  std::vector<Obstacle> found;
  const StateBits bits = model_.state(state);
  for (std::size_t o = 0; o < by_option_.size(); ++o)
    if (const auto& why = by_option_[o][bits >> o & 1U]) found.push_back(*why);
  if (!found.empty()) return found;
  // Every option is set as here in some reachable state: look for a reachable neighbour that
  // could move here. Moves are symmetric up to reversibility and misperception, so the
  // neighbours are among the state's own moves, each checked the other way.
  for (std::size_t i = 0; i < model_.decision_maker_count(); ++i) {
    std::optional<std::size_t> from;
    model_.for_each_move(i, state, [&](std::size_t t) {
      if (from || !evolution_.reaches(t)) return;
      model_.for_each_move(i, t, [&](std::size_t back) {
        if (back == state) from = t;
      });
    });
    if (from) {
      Obstacle why;
      why.kind = Obstacle::Kind::NotPreferredLast;
      why.maker = i;
      why.from = *from;
      return {why};
    }
  }
  return {Obstacle{}};
}

}  // namespace statecraft
