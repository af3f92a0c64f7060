#include "formats/gambit_efg.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>

#include "formats/gambit_tokens.hpp"

namespace statecraft {
namespace {

using Kind = GambitToken::Kind;

class EfgReader {
 public:
  EfgReader(std::string_view text, Diagnostics& d) : t_(text, d) {}

  std::optional<Game> read() {
    Game g;
    g.form = Game::Form::Extensive;
    if (t_.peek().kind != Kind::Word || t_.peek().text != "EFG") {
      t_.fail(t_.peek(), fmt::format("an extensive-form Gambit file starts with EFG, found {}", describe(t_.peek())));
      return std::nullopt;
    }
    t_.take();
    if (!t_.number("the format version")) return std::nullopt;
    if (t_.peek().kind != Kind::Word || (t_.peek().text != "R" && t_.peek().text != "D")) {
      t_.fail(t_.peek(), fmt::format("expected R or D (the number type), found {}", describe(t_.peek())));
      return std::nullopt;
    }
    t_.take();
    const auto title = t_.text("the game's title");
    if (!title || !t_.expect(Kind::Open, "'{' opening the players")) return std::nullopt;
    g.title = *title;
    while (t_.peek().kind == Kind::Text) g.players.push_back(t_.take().text);
    if (!t_.expect(Kind::Close, "'}' closing the players")) return std::nullopt;
    if (t_.peek().kind == Kind::Text) t_.take();  // the comment
    players_ = g.players.size();
    g.tree = node(std::vector<mpq_class>(players_, 0), 0);
    if (!t_.failed() && t_.peek().kind != Kind::End) t_.fail(t_.peek(), fmt::format("unexpected {} after the last node", describe(t_.peek())));
    if (t_.failed()) return std::nullopt;
    return g;
  }

 private:
  // `above`: the payoffs of outcomes on the path so far.
  GameNode node(std::vector<mpq_class> above, int depth) {
    GameNode n;
    if (t_.failed()) return n;
    if (depth > 1000) {
      t_.fail(t_.peek(), "the tree is deeper than 1000 nodes");
      return n;
    }
    const GambitToken& head = t_.peek();
    n.at = head.at;
    if (head.kind != Kind::Word || (head.text != "p" && head.text != "c" && head.text != "t")) {
      t_.fail(head, fmt::format("expected a node (p, c or t), found {}", describe(head)));
      return n;
    }
    const std::string type = t_.take().text;
    const auto name = t_.text("the node's name");
    if (!name) return n;
    n.name = *name;
    if (type == "t") {
      n.kind = GameNode::Kind::Terminal;
      add_outcome(above);
      for (const mpq_class& v : above) n.payoffs.values.push_back(Number{v.get_d(), v.get_str(), {}, {}, {}});
      return n;
    }
    std::string set_key;
    if (type == "p") {
      n.kind = GameNode::Kind::Decision;
      const GambitToken& at = t_.peek();
      const auto player = t_.number("the player's number");
      if (!player) return n;
      if (*player < 1 || *player > static_cast<double>(players_) || *player != std::floor(*player)) {
        t_.fail(at, fmt::format("player {} does not exist (there are {})", at.text, players_));
        return n;
      }
      player_ = static_cast<std::size_t>(*player) - 1;
      set_key = "p" + std::to_string(player_);
    } else {
      n.kind = GameNode::Kind::Chance;
      set_key = "c";
    }
    const auto infoset = t_.number("the information set's number");
    if (!infoset) return n;
    set_key += ":" + fmt::format("{}", *infoset);
    if (t_.peek().kind == Kind::Text) t_.take();  // the information set's name
    if (t_.peek().kind == Kind::Open) {
      t_.take();
      std::vector<std::string> actions;
      std::vector<Number> probabilities;
      mpq_class total = 0;
      while (t_.peek().kind == Kind::Text) {
        actions.push_back(t_.take().text);
        if (n.kind == GameNode::Kind::Chance) {
          const GambitToken at = t_.peek();
          const auto p = t_.rational("the action's probability");
          if (!p) return n;
          if (sgn(*p) < 0 || *p > 1) t_.fail(at, fmt::format("a chance probability must be in [0, 1], found {}", at.text));
          total += *p;
          probabilities.push_back(Number{p->get_d(), p->get_str(), {}, {}, at.at});
        }
      }
      if (!t_.expect(Kind::Close, "'}' closing the actions")) return n;
      if (actions.empty()) t_.fail(t_.peek(), "a node needs at least one action");
      if (n.kind == GameNode::Kind::Chance && total != 1) t_.fail(head, fmt::format("chance probabilities sum to {}, not 1", total.get_str()));
      sets_[set_key] = {actions, probabilities};
    } else if (!sets_.count(set_key)) {
      t_.fail(t_.peek(), fmt::format("information set {} is used before its actions are given", *infoset));
      return n;
    }
    const auto& [actions, probabilities] = sets_[set_key];
    n.moves = actions;
    n.infoset = n.kind == GameNode::Kind::Decision ? fmt::format("{}", *infoset) : "";
    if (n.kind == GameNode::Kind::Decision) n.player = std::to_string(player_ + 1);  // replaced by the name in read_efg
    n.probabilities = probabilities;
    add_outcome(above);
    for (std::size_t m = 0; m < n.moves.size() && !t_.failed(); ++m) n.children.push_back(node(above, depth + 1));
    return n;
  }

  // outcome number, then (first time) "name" { payoffs }
  void add_outcome(std::vector<mpq_class>& above) {
    const GambitToken& at = t_.peek();
    const auto number = t_.number("the outcome's number");
    if (!number) return;
    if (*number < 0 || *number > 1e9 || *number != std::floor(*number)) {
      t_.fail(at, fmt::format("an outcome number must be 0 or a positive whole number, found {}", at.text));
      return;
    }
    if (*number == 0) return;
    const long id = static_cast<long>(*number);
    if (t_.peek().kind == Kind::Text) {
      t_.take();
      if (t_.peek().kind == Kind::Open) {
        t_.take();
        std::vector<mpq_class> values;
        for (std::size_t p = 0; p < players_; ++p) {
          const auto v = t_.rational("a payoff");
          if (!v) return;
          values.push_back(*v);
        }
        if (!t_.expect(Kind::Close, fmt::format("'}}' after the outcome's {} payoffs", players_).c_str())) return;
        outcomes_[id] = values;
      }
    }
    const auto found = outcomes_.find(id);
    if (found == outcomes_.end()) {
      t_.fail(at, fmt::format("outcome {} is used before its payoffs are given", id));
      return;
    }
    for (std::size_t p = 0; p < players_; ++p) above[p] += found->second[p];
  }

  GambitTokens t_;
  std::size_t players_ = 0;
  std::size_t player_ = 0;
  std::map<std::string, std::pair<std::vector<std::string>, std::vector<Number>>> sets_;
  std::map<long, std::vector<mpq_class>> outcomes_;
};

}  // namespace

std::optional<Game> read_efg(std::string_view text, Diagnostics& diagnostics) {
  auto game = EfgReader(text, diagnostics).read();
  if (!game) return game;
  // Decision nodes name their player by number while reading; use the file's names.
  std::vector<GameNode*> stack{&game->tree};
  while (!stack.empty()) {
    GameNode* n = stack.back();
    stack.pop_back();
    if (n->kind == GameNode::Kind::Decision) n->player = game->players[static_cast<std::size_t>(std::stoul(n->player)) - 1];
    for (auto& c : n->children) stack.push_back(&c);
  }
  return game;
}

namespace {

class EfgWriter {
 public:
  explicit EfgWriter(const Game& g) : g_(g) {}

  std::string write() {
    std::string out = fmt::format("EFG 2 R {} {{", gambit_quote(g_.title.empty() ? g_.id : g_.title));
    for (const auto& p : g_.players) out += " " + gambit_quote(p);
    out += " }\n\"\"\n\n";
    node(g_.tree, out);
    return out;
  }

 private:
  void node(const GameNode& n, std::string& out) {
    if (n.kind == GameNode::Kind::Terminal) {
      std::vector<std::string> values;
      for (const auto& v : n.payoffs.values) values.push_back(v.text.empty() ? fmt::format("{}", v.value) : v.text);
      out += fmt::format("t {} {} \"\" {{ {} }}\n", gambit_quote(n.name), ++outcomes_, fmt::join(values, ", "));
      return;
    }
    if (n.kind == GameNode::Kind::Chance) {
      out += fmt::format("c {} {} \"\" {{", gambit_quote(n.name), ++chance_sets_);
      for (std::size_t m = 0; m < n.moves.size(); ++m)
        out += fmt::format(" {} {}", gambit_quote(n.moves[m]), n.probabilities[m].text.empty() ? fmt::format("{}", n.probabilities[m].value) : n.probabilities[m].text);
    } else {
      const auto player = static_cast<std::size_t>(std::find(g_.players.begin(), g_.players.end(), n.player) - g_.players.begin());
      auto& sets = infosets_[player];
      const std::string label = n.infoset.empty() ? "\n" + std::to_string(++unlabelled_) : n.infoset;
      if (!sets.count(label)) sets[label] = sets.size() + 1;
      out += fmt::format("p {} {} {} \"\" {{", gambit_quote(n.name), player + 1, sets[label]);
      for (const auto& move : n.moves) out += " " + gambit_quote(move);
    }
    out += " } 0\n";
    for (const auto& child : n.children) node(child, out);
  }

  const Game& g_;
  std::size_t outcomes_ = 0, chance_sets_ = 0, unlabelled_ = 0;
  std::map<std::size_t, std::map<std::string, std::size_t>> infosets_;
};

}  // namespace

std::string write_efg(const Game& game) { return EfgWriter(game).write(); }

}  // namespace statecraft
