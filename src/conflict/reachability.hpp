#pragma once
// Why a state cannot be reached from the status quo (the status quo analysis of Li, Hipel,
// Kilgour & Fang 2004 says only that it is not): a stable state no sequence of unilateral
// improvements leads to is not an outcome the conflict can come to, and the analyst needs the
// reason to judge whether that is a finding or a slip in the file.

#include <array>
#include <optional>
#include <vector>

#include "conflict/evolution.hpp"
#include "conflict/graph_model.hpp"
#include "scenario/model.hpp"

namespace statecraft {

struct Obstacle {
  enum class Kind {
    NeverPreferred,  // its owner can change the option so from some reachable state, but never prefers to
    Irreversible,    // the option's reversibility forbids the change (withdrawing a forward-only option, ...)
    Misperceived,    // the change is feasible and allowed, but its owner does not perceive the states around it
    Infeasible,      // the change is infeasible from every reachable state
    NotPreferredLast,  // each option is set so somewhere, but the one who could move into the state does not prefer it
    NoMoveInto,        // nobody can move into the state from a reachable state
  };
  Kind kind = Kind::NoMoveInto;
  std::size_t maker = 0;      // decision-maker index (all kinds but NoMoveInto)
  std::size_t option = 0;     // the option kinds: index into Conflict::options
  bool take = true;           // the option kinds: taking it (true) or withdrawing it
  bool irreversible = false;  // NeverPreferred: the change could not be undone
  std::size_t from = 0;       // NotPreferredLast: the reachable state it could move from
};

// Built once per analysis: a pass over the reachable states and their moves, the cost of the
// paths from the status quo again.
class Reachability {
 public:
  // `conflict` is the one `model` was built from; both must outlive this.
  Reachability(const Conflict& conflict, const GraphModel& model, const Evolution& evolution);

  // What stands between the status quo and `state`: one obstacle per option no reachable state
  // sets as `state` does; failing those, who could make the last move and why it does not.
  // Empty when the state is reachable.
  std::vector<Obstacle> obstacles(std::size_t state) const;

 private:
  const GraphModel& model_;
  const Evolution& evolution_;
  // [option][value]: why no reachable state has the option at that value; empty when one has.
  std::vector<std::array<std::optional<Obstacle>, 2>> by_option_;
};

}  // namespace statecraft
