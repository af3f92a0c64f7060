#pragma once
// Two-player extensive games with imperfect information through the sequence form (Koller,
// Megiddo & von Stengel 1996, "Efficient computation of equilibria for extensive two-person
// games"; von Stengel 1996): each player's strategy is a realization plan over its sequences of
// moves, constrained by E x = e and F y = f, and an equilibrium solves a linear complementarity
// problem of the size of the tree rather than of the (exponential) strategic form.

#include <array>
#include <gmpxx.h>
#include <string>
#include <vector>

#include "scenario/model.hpp"
#include "scenario/work.hpp"

namespace statecraft {

struct SequenceForm {
  struct Infoset {
    std::size_t parent = 0;  // the player's own sequence that leads to it (0: the empty one)
    std::size_t first = 0;   // the sequence of its first action; the others follow in order
    std::vector<std::string> actions;
    std::string where;  // the moves leading to its first node, joined by " / " (as backward induction names places)
    struct Member {
      std::string where;           // the node's place, named as `where` is
      mpq_class chance;            // the probability chance's moves give the path to it
      std::size_t other_sequence;  // the other player's sequence on that path
    };
    std::vector<Member> members;   // the nodes it joins, in the order of the tree
  };
  // Per player (the first two of the game), infosets in the order their first node appears in
  // the tree (as Gambit orders them), and the number of sequences (the empty one is 0).
  std::array<std::vector<Infoset>, 2> infosets;
  std::array<std::size_t, 2> sequences{1, 1};
  // Expected payoffs of each pair of sequences, chance included: a[s1][s2], b[s1][s2]; and the
  // probability, by chance, that the pair ends the game.
  std::vector<std::vector<mpq_class>> a, b, ends;
};

// The default limit on the LCP's rows (each player's sequences, and twice its information sets
// plus one): its tableau holds rows × (2·rows + 1) integers that Lemke's algorithm pivots on
// throughout, and the time grows about as rows⁴ (686 rows: 4 s; 1710 rows: 83 s and 460 MB).
constexpr std::size_t default_max_lcp_rows = 1000;

// Throws std::invalid_argument unless the game is a tree of two players with perfect recall, and
// WorkTooLarge (before any table is built) when the LCP would have more than max_lcp_rows rows.
SequenceForm sequence_form(const Game& game, std::size_t max_lcp_rows = default_max_lcp_rows);

struct BehaviorEquilibrium {
  std::array<std::vector<mpq_class>, 2> realization;  // per player, per sequence
  // Per player, per infoset, per action. An infoset the player's own moves make unreachable gets
  // the uniform distribution (as Gambit prints it).
  std::array<std::vector<std::vector<mpq_class>>, 2> behavior;
  std::array<mpq_class, 2> payoffs;
};

// One equilibrium, by Lemke's algorithm on the sequence-form LCP (KMvS 1996, §4), in exact
// rational arithmetic with a lexicographic ratio test.
// Progress counts Lemke's pivots against the number of rows (a path is usually about that long,
// but may be longer).
BehaviorEquilibrium sequence_form_equilibrium(const SequenceForm& form, const Progress& progress = {});

// The players' expected payoffs under two realization plans.
std::array<mpq_class, 2> sequence_form_payoffs(const SequenceForm& form, const std::array<std::vector<mpq_class>, 2>& plan);

// Whether the two realization plans are best replies to each other (checked exactly, by backward
// induction over each player's own sequences).
bool is_sequence_form_equilibrium(const SequenceForm& form, const std::array<std::vector<mpq_class>, 2>& realization);

}  // namespace statecraft
