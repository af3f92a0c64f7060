#pragma once
// The Council of the EU's voting rules for legislation, by date, as voting games
// (src/bargaining/voting_game.hpp) over the member states' two-letter codes as DEU writes them
// (bu Bulgaria, cr Croatia, el Greece, uk the United Kingdom).
//
// * Until 30 April 2004 (EU-15): 87 weighted votes, a qualified majority 62 (Treaty of Amsterdam,
//   art. 205 TEC).
// * 1 May – 31 October 2004 (EU-25): the accession treaty's interim weights, 88 of 124.
// * Treaty of Nice, from 1 November 2004: 232 of 321 votes (EU-25), 255 of 345 (EU-27, from
//   1 January 2007), 260 of 352 (EU-28, from 1 July 2013), and a majority of the members. The
//   check that a majority holds 62 % of the population, made only when a member asks, is left out.
// * Treaty of Lisbon, from 1 November 2014 (art. 16(4) TEU, art. 238(3) TFEU): at least 55 % of
//   the members and 65 % of the population, or all but three members (a blocking minority needs
//   four). Population: Eurostat, 1 January 2014, in units of 10,000 (rounded; the indices move in
//   the third decimal at most). Until 31 March 2017 a member could ask for the Nice rule; that
//   request is left out.
// * Unanimity: every member.

#include <optional>
#include <string>

#include "bargaining/voting_game.hpp"

namespace statecraft {

enum class CouncilVote { unknown, qualified_majority, unanimity };
enum class LegislativeProcedure { unknown, codecision, consultation };

struct YearMonth {
  int year = 0, month = 1;
  auto operator<=>(const YearMonth&) const = default;
};

// "DD-MM-YY" as DEU writes its dates (years 50–99 are 19xx); empty for 999 or anything else.
std::optional<YearMonth> parse_deu_date(const std::string& text);

struct CouncilRule {
  VotingGame game;    // the members of the day and their weights
  std::string title;  // "Nice, EU-27: 255 of 345 votes and a majority of the 27 members"
};

// The rule for a legislative vote in the given month; unknown counts as a qualified majority (the
// ordinary rule since the Single European Act).
CouncilRule council_rule(YearMonth when, CouncilVote vote);

}  // namespace statecraft
