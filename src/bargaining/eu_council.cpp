#include "bargaining/eu_council.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <numeric>
#include <utility>
#include <vector>

namespace statecraft {
namespace {

struct Member {
  const char* code;
  YearMonth joined;
  int amsterdam_votes;  // until April 2004; 0 for later members
  int interim_votes;    // May to October 2004
  int nice_votes;
  int population;  // units of 10,000 (Eurostat, 1 January 2014)
};

// Weights: the Treaty of Amsterdam's art. 205 TEC, the 2003 Act of Accession's art. 26 (interim)
// and art. 12 of the Nice protocol on enlargement as amended by the acts of accession.
constexpr YearMonth founding{1958, 1}, enlargement_2004{2004, 5}, enlargement_2007{2007, 1}, enlargement_2013{2013, 7};
const std::vector<Member>& members() {
  static const std::vector<Member> all{
      {"de", founding, 10, 10, 29, 8078}, {"fr", founding, 10, 10, 29, 6586}, {"uk", founding, 10, 10, 29, 6431},
      {"it", founding, 10, 10, 29, 6078}, {"es", founding, 8, 8, 27, 4651},   {"pl", enlargement_2004, 0, 8, 27, 3850},
      {"ro", enlargement_2007, 0, 0, 14, 1994}, {"nl", founding, 5, 5, 13, 1683}, {"be", founding, 5, 5, 12, 1120},
      {"el", founding, 5, 5, 12, 1099}, {"cz", enlargement_2004, 0, 5, 12, 1051}, {"pt", founding, 5, 5, 12, 1043},
      {"hu", enlargement_2004, 0, 5, 12, 988}, {"se", founding, 4, 4, 10, 964}, {"at", founding, 4, 4, 10, 851},
      {"bu", enlargement_2007, 0, 0, 10, 725}, {"dk", founding, 3, 3, 7, 563},  {"fi", founding, 3, 3, 7, 545},
      {"sk", enlargement_2004, 0, 3, 7, 542},  {"ie", founding, 3, 3, 7, 460},  {"cr", enlargement_2013, 0, 0, 7, 425},
      {"lt", enlargement_2004, 0, 3, 7, 294},  {"si", enlargement_2004, 0, 3, 4, 206}, {"lv", enlargement_2004, 0, 3, 4, 200},
      {"ee", enlargement_2004, 0, 3, 4, 132},  {"cy", enlargement_2004, 0, 2, 4, 86},  {"lu", founding, 2, 2, 4, 55},
      {"mt", enlargement_2004, 0, 2, 3, 43},
  };
  return all;
}

int two_digits(std::string_view s) {
  int v = -1;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc{} && end == s.data() + s.size() ? v : -1;
}

}  // namespace

std::optional<YearMonth> parse_deu_date(const std::string& text) {
  if (text.size() != 8 || text[2] != '-' || text[5] != '-') return std::nullopt;
  const int day = two_digits(std::string_view(text).substr(0, 2)), month = two_digits(std::string_view(text).substr(3, 2)),
            year = two_digits(std::string_view(text).substr(6, 2));
  if (day < 1 || day > 31 || month < 1 || month > 12 || year < 0) return std::nullopt;
  return YearMonth{year >= 50 ? 1900 + year : 2000 + year, month};
}

CouncilRule council_rule(YearMonth when, CouncilVote vote) {
  CouncilRule rule;
  VotingGame& g = rule.game;
  const bool amsterdam = when < enlargement_2004, interim = !amsterdam && when < YearMonth{2004, 11}, lisbon = when >= YearMonth{2014, 11};
  for (const auto& m : members()) {
    if (when < m.joined) continue;
    g.players.push_back(m.code);
    g.weights.push_back(lisbon ? m.population : amsterdam ? m.amsterdam_votes : interim ? m.interim_votes : m.nice_votes);
  }
  const std::size_t n = g.players.size();
  const std::int64_t total = std::accumulate(g.weights.begin(), g.weights.end(), std::int64_t{0});
  if (vote == CouncilVote::unanimity) {
    g.quota = total;
    g.min_members = n;
    rule.title = fmt::format("unanimity of the {} members", n);
    return rule;
  }
  if (lisbon) {
    g.quota = (total * 65 + 99) / 100;
    g.min_members = (n * 55 + 99) / 100;
    g.members_enough = n - 3;
    rule.title = fmt::format("Lisbon, EU-{}: {} members (55 %) and 65 % of the population, or {} members", n, g.min_members, g.members_enough);
    return rule;
  }
  if (amsterdam || interim) {
    g.quota = amsterdam ? 62 : 88;
    rule.title = fmt::format("{}, EU-{}: {} of {} votes", amsterdam ? "Amsterdam" : "the 2004 interim rule", n, g.quota, total);
    return rule;
  }
  g.quota = n == 25 ? 232 : n == 27 ? 255 : 260;
  g.min_members = n / 2 + 1;
  rule.title = fmt::format("Nice, EU-{}: {} of {} votes and a majority of the members", n, g.quota, total);
  return rule;
}

}  // namespace statecraft
