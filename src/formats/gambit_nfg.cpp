#include "formats/gambit_nfg.hpp"

#include <cmath>
#include <fmt/format.h>

#include "formats/gambit_tokens.hpp"

namespace statecraft {
namespace {

using Kind = GambitToken::Kind;

// { "a" "b" ... }
std::optional<std::vector<std::string>> text_list(GambitTokens& t, const char* what) {
  if (!t.expect(Kind::Open, "'{'")) return std::nullopt;
  std::vector<std::string> out;
  while (t.peek().kind == Kind::Text) out.push_back(t.take().text);
  if (!t.expect(Kind::Close, fmt::format("'}}' or another {}", what).c_str())) return std::nullopt;
  return out;
}

}  // namespace

std::optional<StrategicGame> read_nfg(std::string_view text, Diagnostics& d) {
  GambitTokens t(text, d);
  StrategicGame g;
  if (t.peek().kind != Kind::Word || t.peek().text != "NFG") {
    t.fail(t.peek(), fmt::format("a strategic-form Gambit file starts with NFG, found {}", describe(t.peek())));
    return std::nullopt;
  }
  t.take();
  const auto version = t.number("the format version");
  if (!version) return std::nullopt;
  if (*version != 1) t.fail(t.peek(), "only version 1 of the .nfg format exists");
  if (t.peek().kind != Kind::Word || (t.peek().text != "R" && t.peek().text != "D")) {
    t.fail(t.peek(), fmt::format("expected R or D (the number type), found {}", describe(t.peek())));
    return std::nullopt;
  }
  t.take();
  const auto title = t.text("the game's title");
  const auto players = title ? text_list(t, "player name") : std::nullopt;
  if (!players) return std::nullopt;
  g.title = *title;
  g.players = *players;
  if (g.players.empty()) {
    t.fail(t.peek(), "a game needs at least one player");
    return std::nullopt;
  }
  if (!t.expect(Kind::Open, "'{' opening the strategies")) return std::nullopt;
  if (t.peek().kind == Kind::Open) {
    for (std::size_t p = 0; p < g.players.size(); ++p) {
      const auto names = text_list(t, "strategy name");
      if (!names) return std::nullopt;
      if (names->empty()) t.fail(t.peek(), fmt::format("player {} has no strategies", p + 1));
      g.strategies.push_back(*names);
    }
  } else {
    for (std::size_t p = 0; p < g.players.size(); ++p) {
      const GambitToken& at = t.peek();
      const auto count = t.number("a player's number of strategies");
      if (!count) return std::nullopt;
      if (*count < 1 || *count > 1e6 || *count != std::floor(*count)) {
        t.fail(at, fmt::format("a number of strategies must be a whole number from 1, found {}", at.text));
        return std::nullopt;
      }
      std::vector<std::string> names;
      for (long s = 1; s <= static_cast<long>(*count); ++s) names.push_back(std::to_string(s));
      g.strategies.push_back(names);
    }
  }
  if (!t.expect(Kind::Close, "'}' closing the strategies") || t.failed()) return std::nullopt;
  if (t.peek().kind == Kind::Text) t.take();  // the comment
  double profiles = 1;
  for (const auto& s : g.strategies) profiles *= static_cast<double>(s.size());
  if (profiles > 5e7) {
    t.fail(t.peek(), fmt::format("{:.0f} strategy profiles is more than statecraft holds", profiles));
    return std::nullopt;
  }
  // The header's count is a claim: tables grow with what the file holds, and a count the payoffs
  // do not fill is a syntax error where they stop, not gigabytes reserved first.
  const auto count = static_cast<std::size_t>(profiles);
  const std::size_t player_count = g.players.size();
  // Named strategies may be followed by outcomes or, as with counted ones, by plain payoffs.
  if (t.peek().kind != Kind::Open) {
    g.payoffs.reserve(std::min(count, t.remaining() / player_count));
    while (g.payoffs.size() < count) {
      std::vector<mpq_class> profile;
      for (std::size_t p = 0; p < player_count; ++p) {
        const auto v = t.rational("a payoff");
        if (!v) return std::nullopt;
        profile.push_back(*v);
      }
      g.payoffs.push_back(std::move(profile));
    }
  } else {
    std::vector<std::vector<mpq_class>> outcomes;
    if (!t.expect(Kind::Open, "'{' opening the outcomes")) return std::nullopt;
    while (t.peek().kind == Kind::Open) {
      t.take();
      if (!t.text("the outcome's name")) return std::nullopt;
      std::vector<mpq_class> values;
      for (std::size_t p = 0; p < player_count; ++p) {
        const auto v = t.rational("a payoff");
        if (!v) return std::nullopt;
        values.push_back(*v);
      }
      if (!t.expect(Kind::Close, fmt::format("'}}' after the outcome's {} payoffs", player_count).c_str())) return std::nullopt;
      outcomes.push_back(values);
    }
    if (!t.expect(Kind::Close, "'}' closing the outcomes")) return std::nullopt;
    g.payoffs.reserve(std::min(count, t.remaining()));
    while (g.payoffs.size() < count) {
      const GambitToken& at = t.peek();
      const auto number = t.number("a profile's outcome number");
      if (!number) return std::nullopt;
      if (*number < 0 || *number > static_cast<double>(outcomes.size()) || *number != std::floor(*number)) {
        t.fail(at, fmt::format("outcome {} does not exist (there are {})", at.text, outcomes.size()));
        return std::nullopt;
      }
      g.payoffs.push_back(*number > 0 ? outcomes[static_cast<std::size_t>(*number) - 1] : std::vector<mpq_class>(player_count, 0));
    }
  }
  if (t.peek().kind != Kind::End) t.fail(t.peek(), fmt::format("unexpected {} after the last profile", describe(t.peek())));
  if (t.failed()) return std::nullopt;
  return g;
}

std::string write_nfg(const StrategicGame& g) {
  std::string out = fmt::format("NFG 1 R {} {{", gambit_quote(g.title));
  for (const auto& p : g.players) out += " " + gambit_quote(p);
  out += " }\n\n{ ";
  for (const auto& strategies : g.strategies) {
    out += "{";
    for (const auto& s : strategies) out += " " + gambit_quote(s);
    out += " }\n";
  }
  out += "}\n\"\"\n\n";
  for (const auto& profile : g.payoffs) {
    for (const mpq_class& v : profile) out += v.get_str() + " ";
    out += "\n";
  }
  return out;
}

}  // namespace statecraft
