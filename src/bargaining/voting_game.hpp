#pragma once
// Weighted voting games and the power they give: who can turn a losing coalition into a winning
// one, and how often. A game here is the Council of the EU's kind (Felsenthal & Machover 1998,
// The Measurement of Voting Power, ch. 2): a coalition wins when it has at least `quota` weight
// and at least `min_members` members, or else at least `members_enough` members whatever their
// weight (Lisbon's rule that a blocking minority needs four members). Weights are whole numbers:
// votes, or population in units (the generating functions below count coalitions by weight).

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace statecraft {

struct VotingGame {
  std::vector<std::string> players;
  std::vector<std::int64_t> weights;  // one per player, >= 0
  std::int64_t quota = 0;
  std::size_t min_members = 0;
  std::size_t members_enough = std::numeric_limits<std::size_t>::max();
};

// Whether a coalition of `members` players with total weight `weight` wins.
inline bool wins(const VotingGame& game, std::size_t members, std::int64_t weight) {
  return (members >= game.min_members && weight >= game.quota) || members >= game.members_enough;
}

// The game among `kept` players only (indices into game.players), its thresholds scaled to their
// share of the weight and of the members, rounded up: a qualified majority of those present.
VotingGame restricted_to(const VotingGame& game, const std::vector<std::size_t>& kept);

struct PowerIndices {
  // Shapley & Shubik 1954: the share of the n! orders of arrival in which the player is pivotal,
  //   φ_i = Σ_{S ⊆ N∖i, S loses, S∪i wins} |S|!·(n−|S|−1)!/n!   (they sum to 1).
  std::vector<double> shapley_shubik;
  // Banzhaf 1965 (Penrose 1946): the share of the 2^(n−1) coalitions of the others that the player
  // swings, β'_i = #{S ⊆ N∖i : S loses, S∪i wins} / 2^(n−1); and the same normalised to sum 1.
  std::vector<double> banzhaf_absolute;
  std::vector<double> banzhaf;
};

// Exact, by generating functions (Brams & Affuso 1976; Bilbao, Fernández, Jiménez Losada & López
// 2000): the number of coalitions of each size and weight, C[k][w], is built player by player;
// each player's coalitions of the others follow by undoing its own step, C_i[k][w] = C[k][w] −
// C_i[k−1][w−w_i], so n players cost O(n²·W) rather than O(n³·W). Throws WorkTooLarge past
// max_cells sizes × weights (the table's memory, 8 bytes a cell).
PowerIndices power_indices(const VotingGame& game, double max_cells = 5e7);

}  // namespace statecraft
