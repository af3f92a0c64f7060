#pragma once
// The dictionary formats of PETRARCH-2 (and TABARI before it), so that a user's own dictionaries
// work: PETRARCH-2 docs, "Dictionaries"; TABARI manual ch. 5.
//
// Actors: a record is a primary phrase with an optional default [CODE], then synonyms on lines
// beginning '+', then date restrictions on lines beginning with a tab, [CODE <date], [CODE >date]
// or [CODE date-date] (YYYYMMDD, or YYMMDD with YY up to 30 read as 20YY, else 19YY, as KEDS,
// TABARI and PETRARCH do). Words are separated by blanks or '_'. '#' and ';' begin comments, and
// so do <!-- ... --> blocks, which may span lines.

#include <optional>
#include <string_view>

#include "events/actors.hpp"
#include "scenario/diagnostics.hpp"

namespace statecraft {

// Every line that does not parse is reported at its line and column.
std::optional<ActorDictionary> read_petrarch_actors(std::string_view text, Diagnostics& diagnostics);

}  // namespace statecraft
