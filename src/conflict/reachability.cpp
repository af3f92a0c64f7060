#include "conflict/reachability.hpp"

namespace statecraft {
namespace {

// Whether changing option o alone, from some reachable state, gives a feasible state.
bool flip_feasible(const GraphModel& model, const Evolution& evolution, std::size_t o) {
  for (std::size_t s = 0; s < model.state_count(); ++s)
    if (evolution.reaches(s) && model.index_of(model.state(s) ^ (StateBits{1} << o)) >= 0) return true;
  return false;
}

}  // namespace

Reachability::Reachability(const Conflict& conflict, const GraphModel& model, const Evolution& evolution)
    : model_(model), evolution_(evolution), by_option_(conflict.options.size()) {
  const std::size_t options = conflict.options.size(), makers = model.decision_maker_count();
  // Bit o of reached[v]: some reachable state has option o at value v; of movable[v]: some move
  // from a reachable state sets it to v. One pass over the reachable states, OR-ing bits.
  std::array<StateBits, 2> reached{0, 0}, movable{0, 0};
  const StateBits all = options >= 64 ? ~StateBits{0} : (StateBits{1} << options) - 1;
  for (std::size_t s = 0; s < model.state_count(); ++s) {
    if (!evolution.reaches(s)) continue;
    const StateBits bits = model.state(s);
    reached[1] |= bits;
    reached[0] |= ~bits & all;
  }
  for (std::size_t i = 0; i < makers; ++i) {
    const StateBits mask = model.options_of(i);
    // A free mover can set each of its options either way from anywhere (see GraphModel::free_mover).
    if (model.free_mover(i)) {
      movable[0] |= mask, movable[1] |= mask;
      continue;
    }
    StateBits to_one = 0, to_zero = 0;
    for (std::size_t s = 0; s < model.state_count() && (to_one != mask || to_zero != mask); ++s) {
      if (!evolution.reaches(s)) continue;
      const StateBits bits = model.state(s);
      model.for_each_move(i, s, [&](std::size_t t) {
        const StateBits target = model.state(t), changed = (bits ^ target) & mask;
        to_one |= changed & target;
        to_zero |= changed & ~target;
      });
    }
    movable[0] |= to_zero, movable[1] |= to_one;
  }
  for (std::size_t o = 0; o < options; ++o)
    for (int value = 0; value < 2; ++value) {
      if (reached[value] >> o & 1U) continue;
      const Reversibility r = conflict.options[o].reversible;
      Obstacle why;
      for (std::size_t i = 0; i < makers; ++i)
        if (model.options_of(i) >> o & 1U) why.maker = i;
      why.option = o;
      why.take = value == 1;
      if (movable[value] >> o & 1U) {
        why.kind = Obstacle::Kind::NeverPreferred;
        why.irreversible = (r == Reversibility::Forward && value == 1) || (r == Reversibility::Backward && value == 0);
      } else if ((r == Reversibility::Forward && value == 0) || (r == Reversibility::Backward && value == 1)) {
        why.kind = Obstacle::Kind::Irreversible;
      } else {
        why.kind = flip_feasible(model, evolution, o) ? Obstacle::Kind::Misperceived : Obstacle::Kind::Infeasible;
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
      if (model_.free_mover(i)) from = t;  // its moves go both ways
      else
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
