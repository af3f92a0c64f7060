#include "report/bayesian_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "report/exact_json.hpp"
#include "report/game_words.hpp"
#include "scenario/rational.hpp"

namespace statecraft {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

std::string percent(const mpq_class& p) { return percent_and_fraction(p.get_str()); }

// "between 20 % and 50 %", or "at least …" / "at most …" when the range reaches an end.
std::string range_words(const std::pair<mpq_class, mpq_class>& range) {
  if (range.second == 1 && sgn(range.first) > 0) return "at least " + percent(range.first);
  if (sgn(range.first) == 0 && range.second < 1) return "at most " + percent(range.second);
  if (range.first == range.second) return "exactly " + percent(range.first);
  return fmt::format("between {} and {}", percent(range.first), percent(range.second));
}

// The places, movers and beliefs of one analysis in words.
class BayesianWords {
 public:
  BayesianWords(const Game& game, const PerfectBayesianAnalysis& a) : game_(game), a_(a) {
    for (std::size_t s = 0; s < a.infosets.size(); ++s)
      for (const auto& where : a.infosets[s].nodes) set_at_[where] = s;
  }

  // How play reaches a place, after the opening draw of types when there is one.
  std::string place(const std::string& where) const {
    const auto [draw, below] = after_draw(where);
    const std::string words = draw == none ? place_words(game_, below) : place_words(game_.tree.children[draw], below);
    return words.empty() ? "at the start" : words;
  }

  // The type a set's mover knows it has, or empty.
  std::string own_type(std::size_t set) const {
    const TreeInfoset& info = a_.infosets[set];
    if (!game_.types.empty()) {
      const auto bar = info.label.rfind(" | ");
      const bool typed = std::any_of(game_.types.begin(), game_.types.end(), [&](const TypeDraw& d) { return d.player == game_.players[info.player]; });
      return typed && bar != std::string::npos ? info.label.substr(bar + 3) : std::string();
    }
    if (a_.signalling && info.player == a_.signalling->sender && !info.node_types.empty()) return info.node_types[0];
    return {};
  }

  std::string mover(std::size_t set) const {
    const std::string type = own_type(set);
    return game_.players[a_.infosets[set].player] + (type.empty() ? "" : " (" + type + ")");
  }

  // A node of a set as its beliefs name it: by its type when the set's nodes differ in type.
  std::string node_label(std::size_t set, std::size_t k) const {
    const TreeInfoset& info = a_.infosets[set];
    const std::set<std::string> distinct(info.node_types.begin(), info.node_types.end());
    if (!info.node_types.empty() && distinct.size() == info.nodes.size()) return info.node_types[k];
    return place(info.nodes[k]);
  }

  std::string move_line(const PerfectBayesianEquilibrium& e, std::size_t set) const {
    const TreeInfoset& info = a_.infosets[set];
    const std::string where = place(info.nodes[0]);
    std::string line = fmt::format("{}{}: {}", mover(set), where == "at the start" ? "" : " " + where, move_words(game_, info.nodes[0], info.actions[e.choice[set]]));
    if (info.nodes.size() > 1 && e.reached[set]) {
      std::vector<std::string> shares;
      for (std::size_t k = 0; k < info.nodes.size(); ++k) shares.push_back(node_label(set, k) + " " + percent(e.belief[set][k]));
      line += fmt::format(", believing {}", fmt::join(shares, ", "));
    } else if (!e.reached[set]) {
      line += " (never reached";
      if (e.supporting_range[set]) line += fmt::format("; it takes believing {} {}", node_label(set, 0), range_words(*e.supporting_range[set]));
      line += ")";
    }
    return line;
  }

  // The play of the equilibrium from the draw's `draw`th move (none: from the root), up to the
  // end or a later chance move.
  std::string play(const PerfectBayesianEquilibrium& e, std::size_t draw) const {
    const GameNode* node = draw == none ? &game_.tree : &game_.tree.children[draw];
    std::string where = draw == none ? "root" : game_.tree.moves[draw];
    std::vector<std::string> steps;
    while (node->kind == GameNode::Kind::Decision) {
      const auto it = set_at_.find(where);
      if (it == set_at_.end()) break;
      const std::size_t m = e.choice[it->second];
      steps.push_back(step_words(*node, m));
      where = where == "root" ? node->moves[m] : where + " / " + node->moves[m];
      node = &node->children[m];
    }
    if (node->kind == GameNode::Kind::Chance) steps.push_back("then chance decides");
    return fmt::format("{}", fmt::join(steps, ", then "));
  }

  // The play for every draw of types, "type: play; type: play".
  std::string plays(const PerfectBayesianEquilibrium& e) const {
    if (game_.tree.kind != GameNode::Kind::Chance || (!a_.signalling && game_.types.empty())) return play(e, none);
    std::vector<std::string> parts;
    for (std::size_t m = 0; m < game_.tree.moves.size(); ++m) parts.push_back(game_.tree.moves[m] + ": " + play(e, m));
    return fmt::format("{}", fmt::join(parts, "; "));
  }

  // A typed player's sets by place: the same written place, one set per type.
  std::map<std::pair<std::size_t, std::string>, std::vector<std::size_t>> typed_places() const {
    std::map<std::pair<std::size_t, std::string>, std::vector<std::size_t>> by_place;  // (player, set label less the type)
    for (std::size_t s = 0; s < a_.infosets.size(); ++s) {
      const std::string type = own_type(s);
      if (type.empty() || game_.types.empty()) continue;
      const std::string& label = a_.infosets[s].label;
      by_place[{a_.infosets[s].player, label.substr(0, label.size() - type.size() - 3)}].push_back(s);
    }
    return by_place;
  }

  static bool differ(const PerfectBayesianAnalysis& a, const PerfectBayesianEquilibrium& e, const std::vector<std::size_t>& sets) {
    std::set<std::string> moves;
    for (const std::size_t s : sets) moves.insert(a.infosets[s].actions[e.choice[s]]);
    return moves.size() > 1;
  }

  // Answers a typed player would give differently as one type or another, at the same place.
  std::vector<std::string> type_dependent(const PerfectBayesianEquilibrium& e) const {
    std::vector<std::string> lines;
    for (const auto& [key, sets] : typed_places()) {
      if (!differ(a_, e, sets)) continue;
      std::vector<std::string> parts;
      for (const std::size_t s : sets) parts.push_back(fmt::format("{} if {}", move_words(game_, a_.infosets[s].nodes[0], a_.infosets[s].actions[e.choice[s]]), own_type(s)));
      const bool hypothetical = std::none_of(sets.begin(), sets.end(), [&](std::size_t s) { return e.reached[s]; });
      lines.push_back(fmt::format("{}'s move {} depends on its type: {}{}", game_.players[key.first], place(a_.infosets[sets[0]].nodes[0]), fmt::join(parts, ", "),
                                  hypothetical ? " (off the path of play: what the other side must expect, not what it sees)" : ""));
    }
    return lines;
  }

  // "pooling: SND chooses beer whatever its type, and RCV answers beer with decline".
  std::string kind_line(const PerfectBayesianEquilibrium& e) const {
    const auto& s = *a_.signalling;
    const std::string kind = signalling_kind(a_, e);
    const std::string& sender = game_.players[s.sender];
    std::vector<std::string> sent, answers;
    std::set<std::size_t> messages;
    for (std::size_t t = 0; t < s.types.size(); ++t) {
      const std::size_t m = e.choice[s.sender_sets[t]];
      sent.push_back(s.messages[m] + " if " + s.types[t]);
      if (messages.insert(m).second) answers.push_back(fmt::format("{} with {}", s.messages[m], a_.infosets[s.receiver_sets[m]].actions[e.choice[s.receiver_sets[m]]]));
    }
    const std::string choices = kind == "pooling" ? fmt::format("{} chooses {} whatever its type", sender, s.messages[*messages.begin()])
                                                  : fmt::format("{} chooses {}", sender, fmt::join(sent, ", "));
    return fmt::format("{}: {}, and {} answers {}", kind, choices, game_.players[s.receiver], fmt::join(answers, ", "));
  }

  // Whether the types' first moves pool or separate them, when one typed player moves first.
  std::string first_move_kind(const PerfectBayesianEquilibrium& e) const {
    if (game_.tree.kind != GameNode::Kind::Chance) return {};
    std::set<std::string> moves;
    for (std::size_t m = 0; m < game_.tree.children.size(); ++m) {
      const auto it = set_at_.find(game_.tree.moves[m]);
      if (it == set_at_.end() || own_type(it->second).empty()) return {};
      moves.insert(a_.infosets[it->second].actions[e.choice[it->second]]);
    }
    if (moves.size() == 1) return "pooling (every type moves alike first)";
    return moves.size() == game_.tree.children.size() ? "separating (each type moves differently first)" : "semi-separating (some types move alike first)";
  }

  // The play in one line: the signal and its answer, or each draw's play.
  std::string summary(const PerfectBayesianEquilibrium& e) const {
    if (a_.signalling) return kind_line(e);
    const std::string kind = first_move_kind(e);
    return kind.empty() ? plays(e) : kind + ": " + plays(e);
  }

  // Whether a set's line tells the reader something: a choice to make, and not a typed mover's
  // move off the path or one that type_dependent's lines give.
  bool worth_a_line(const PerfectBayesianEquilibrium& e, std::size_t set) const {
    if (a_.infosets[set].actions.size() < 2) return false;
    if (own_type(set).empty()) return true;
    if (!e.reached[set]) return false;
    for (const auto& [key, sets] : typed_places())
      if (std::find(sets.begin(), sets.end(), set) != sets.end() && differ(a_, e, sets)) return false;
    return true;
  }

 private:
  std::pair<std::size_t, std::string> after_draw(const std::string& where) const {
    if (game_.tree.kind != GameNode::Kind::Chance) return {none, where};
    for (std::size_t m = 0; m < game_.tree.moves.size(); ++m) {
      const std::string& move = game_.tree.moves[m];
      if (where == move) return {m, "root"};
      if (where.rfind(move + " / ", 0) == 0) return {m, where.substr(move.size() + 3)};
    }
    return {none, where};
  }

  const Game& game_;
  const PerfectBayesianAnalysis& a_;
  std::unordered_map<std::string, std::size_t> set_at_;
};

std::string payoffs_words(const Game& game, const std::vector<mpq_class>& values) {
  std::vector<std::string> parts;
  for (std::size_t p = 0; p < game.players.size(); ++p) parts.push_back(game.players[p] + " " + values[p].get_str());
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string draw_words(const Game& game, const PerfectBayesianAnalysis& a) {
  if (!game.types.empty()) {
    std::vector<std::string> draws;
    for (const auto& d : game.types) {
      std::vector<std::string> types;
      for (const auto& t : d.types) types.push_back(fmt::format("{}{} {}", t.id, t.name.empty() ? "" : " (“" + t.name + "”)", percent(exact_number(t.probability))));
      draws.push_back(fmt::format("{} is one of {}, and only {} knows which", d.player, fmt::join(types, ", "), d.player));
    }
    return fmt::format("{}", fmt::join(draws, "; "));
  }
  if (!a.signalling) return {};
  std::vector<std::string> types;
  for (std::size_t m = 0; m < game.tree.moves.size(); ++m) types.push_back(game.tree.moves[m] + " " + percent(exact_number(game.tree.probabilities[m])));
  return fmt::format("chance draws {}'s type, {}, which only it sees", game.players[a.signalling->sender], fmt::join(types, ", "));
}

}  // namespace

std::string bayesian_play_words(const Game& game, const PerfectBayesianAnalysis& analysis, const PerfectBayesianEquilibrium& equilibrium) {
  return BayesianWords(game, analysis).summary(equilibrium);
}

std::string bayesian_conclusion(const Game& game, const PerfectBayesianAnalysis& a) {
  if (a.equilibria.empty()) return "there is no perfect Bayesian equilibrium in pure strategies";
  const BayesianWords words(game, a);
  // Per mover (a player, with its type when it has one), the moves on the path in every equilibrium.
  // Movers in the order of the players, each player's types in the order drawn.
  std::vector<std::string> movers;
  for (std::size_t p = 0; p < game.players.size(); ++p)
    for (std::size_t s = 0; s < a.infosets.size(); ++s)
      if (a.infosets[s].player == p && std::find(movers.begin(), movers.end(), words.mover(s)) == movers.end()) movers.push_back(words.mover(s));
  std::map<std::string, std::vector<std::string>> common;  // per mover, in the order played
  for (std::size_t k = 0; k < a.equilibria.size(); ++k) {
    std::map<std::string, std::vector<std::string>> moves;
    for (std::size_t s = 0; s < a.infosets.size(); ++s)
      if (a.equilibria[k].reached[s] && a.infosets[s].actions.size() > 1)
        moves[words.mover(s)].push_back(move_words(game, a.infosets[s].nodes[0], a.infosets[s].actions[a.equilibria[k].choice[s]]));
    if (k == 0) {
      common = std::move(moves);
      continue;
    }
    for (auto& [mover, list] : common) {
      const auto& here = moves[mover];
      std::erase_if(list, [&](const std::string& move) { return std::find(here.begin(), here.end(), move) == here.end(); });
    }
  }
  std::vector<std::string> agreed;
  for (const auto& mover : movers)
    if (!common[mover].empty()) agreed.push_back(fmt::format("{} {}", mover, fmt::join(common[mover], " and ")));
  std::string out = a.equilibria.size() == 1 ? "the perfect Bayesian equilibrium: " + words.summary(a.equilibria[0])
                    : agreed.empty()         ? fmt::format("{} perfect Bayesian equilibria, with nothing on the path in common", a.equilibria.size())
                                             : fmt::format("in {} perfect Bayesian equilibria, {}", a.equilibria.size() == 2 ? std::string("both") : fmt::format("all {}", a.equilibria.size()), fmt::join(agreed, "; "));
  if (!a.binary_type_draw) return out;
  const mpq_class today = exact_number(game.tree.probabilities[0]);
  const auto up = prior_change(a, today, +1), down = prior_change(a, today, -1);
  if (!up && !down) return out + fmt::format(", at every prior of {}", game.tree.moves[0]);
  const std::pair<mpq_class, mpq_class> range{down ? down->threshold : mpq_class(0), up ? up->threshold : mpq_class(1)};
  return out + fmt::format(", while the prior of {} is {} (today {})", game.tree.moves[0], range_words(range), percent(today));
}

std::string render_bayesian_text(const Game& game, const PerfectBayesianAnalysis& a, const std::string& indent) {
  const BayesianWords words(game, a);
  std::string out;
  if (const std::string draw = draw_words(game, a); !draw.empty()) out += indent + "private information: " + draw + "\n";
  if (a.equilibria.empty())
    out += fmt::format("{}no perfect Bayesian equilibrium in pure strategies ({:.0f} profiles tried): someone must mix at this prior\n", indent, a.profiles);
  else
    out += fmt::format("{}perfect Bayesian equilibria in pure strategies (beliefs by Bayes' rule wherever it applies; {:.0f} profiles tried): {}\n", indent, a.profiles,
                       a.equilibria.size());
  const std::string first_type = a.binary_type_draw ? game.tree.moves[0] : std::string();
  for (std::size_t k = 0; k < a.equilibria.size(); ++k) {
    const auto& e = a.equilibria[k];
    out += fmt::format("{}  {}. {} (payoffs {})\n", indent, k + 1, words.summary(e), payoffs_words(game, e.payoffs));
    for (std::size_t s = 0; s < a.infosets.size(); ++s)
      if (words.worth_a_line(e, s)) out += indent + "     " + words.move_line(e, s) + "\n";
    for (const auto& line : words.type_dependent(e)) out += indent + "     " + line + "\n";
    if (e.prior_range) {
      const bool always = sgn(e.prior_range->first) == 0 && e.prior_range->second == 1;
      out += fmt::format("{}     {} (it is {})\n", indent,
                         always ? "an equilibrium at every prior of " + first_type : fmt::format("an equilibrium while the prior of {} is {}", first_type, range_words(*e.prior_range)),
                         percent(exact_number(game.tree.probabilities[0])));
    }
    if (e.intuitive == true)
      out += indent + "     survives the Intuitive Criterion (Cho & Kreps 1987): no type would gain from an unsent signal once the receiver rules out the types it could never pay\n";
    if (e.intuitive == false)
      out += fmt::format("{}     fails the Intuitive Criterion (Cho & Kreps 1987): the answer to {} rests on suspecting {}, for whom {} could never beat this equilibrium; "
                         "a receiver who rules that out answers in a way that pays a {} sender to switch to {}\n",
                         indent, e.breaking_message, fmt::join(e.ruled_out, " or "), e.breaking_message, e.breaking_type, e.breaking_message);
  }
  if (!a.at_other_priors.empty()) {
    out += fmt::format("{}at other priors of {} (the play of the other equilibria there):\n", indent, first_type);
    std::set<std::string> said;  // equilibria that differ only off the path read alike
    for (const auto& e : a.at_other_priors) {
      const std::string line = fmt::format("{}  {}: {}\n", indent, range_words(*e.prior_range), words.summary(e));
      if (said.insert(line).second) out += line;
    }
  }
  return out;
}

namespace {

nlohmann::json range_json(const std::optional<std::pair<mpq_class, mpq_class>>& range) {
  if (!range) return nullptr;
  nlohmann::json j = nlohmann::json::object();
  put_exact(j, "low", range->first);
  put_exact(j, "high", range->second);
  return j;
}

nlohmann::json equilibrium_json(const Game& game, const PerfectBayesianAnalysis& a, const PerfectBayesianEquilibrium& e, const BayesianWords& words) {
  nlohmann::json moves = nlohmann::json::array();
  for (std::size_t s = 0; s < a.infosets.size(); ++s) {
    const TreeInfoset& info = a.infosets[s];
    ExactMap belief;
    for (std::size_t k = 0; k < e.belief[s].size(); ++k) belief.set(info.nodes[k], e.belief[s][k]);
    const std::string type = words.own_type(s);
    nlohmann::json move{{"player", game.players[info.player]},
                        {"type", type.empty() ? nlohmann::json(nullptr) : nlohmann::json(type)},
                        {"at", info.nodes},
                        {"move", info.actions[e.choice[s]]},
                        {"reached", static_cast<bool>(e.reached[s])},
                        {"belief_range", range_json(e.supporting_range[s])}};
    belief.put(move, "belief");
    moves.push_back(move);
  }
  ExactMap payoffs;
  for (std::size_t p = 0; p < game.players.size(); ++p) payoffs.set(game.players[p], e.payoffs[p]);
  nlohmann::json j{{"kind", a.signalling ? nlohmann::json(signalling_kind(a, e)) : nlohmann::json(nullptr)},
                   {"moves", moves},
                   {"intuitive", e.intuitive ? nlohmann::json(*e.intuitive) : nlohmann::json(nullptr)},
                   {"broken_by", e.intuitive == false ? nlohmann::json{{"type", e.breaking_type}, {"message", e.breaking_message}} : nlohmann::json(nullptr)},
                   {"prior_range", range_json(e.prior_range)}};
  payoffs.put(j, "payoffs");
  return j;
}

}  // namespace

nlohmann::json bayesian_json(const Game& game, const PerfectBayesianAnalysis& a) {
  const BayesianWords words(game, a);
  nlohmann::json types = nlohmann::json::array();
  for (const auto& d : game.types) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : d.types) {
      nlohmann::json type{{"type", t.id}, {"name", t.name}};
      put_exact(type, "prior", exact_number(t.probability));
      list.push_back(type);
    }
    types.push_back({{"player", d.player}, {"types", list}});
  }
  nlohmann::json signalling = nullptr;
  if (a.signalling)
    signalling = {{"sender", game.players[a.signalling->sender]}, {"receiver", game.players[a.signalling->receiver]}, {"types", a.signalling->types}, {"messages", a.signalling->messages}};
  nlohmann::json equilibria = nlohmann::json::array(), others = nlohmann::json::array();
  for (const auto& e : a.equilibria) equilibria.push_back(equilibrium_json(game, a, e, words));
  for (const auto& e : a.at_other_priors) others.push_back(equilibrium_json(game, a, e, words));
  return {{"types", types}, {"signalling", signalling}, {"profiles", a.profiles}, {"equilibria", equilibria}, {"at_other_priors", others}};
}

}  // namespace statecraft
