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
#include "events/dictionaries.hpp"
#include "scenario/diagnostics.hpp"

namespace statecraft {

// Every line that does not parse is reported at its line and column.
std::optional<ActorDictionary> read_petrarch_actors(std::string_view text, Diagnostics& diagnostics);

// Verbs: synsets (&NAME, then '+' phrases, with regular plurals unless the name or phrase ends in
// '_'), then blocks begun by "--- NAME [CODE] ---" holding verbs (VERB {IRREGULAR FORMS} [CODE],
// '+' for synonyms, '_' joining the words of a multi-word verb and '+' marking its verb) and
// patterns ("- BEFORE * AFTER [CODE]"). Transformations ('~') are warned about and skipped.
std::optional<VerbDictionary> read_petrarch_verbs(std::string_view text, Diagnostics& diagnostics);

// Agents: PHRASE {PLURALS} [~CODE] or [CODE~]; "!NAME! = WORD, WORD" defines a substitution used
// inside phrases; no braces give the regular plural, {} none.
std::optional<AgentDictionary> read_petrarch_agents(std::string_view text, Diagnostics& diagnostics);

// Discards: one phrase a line, '+' first for one that discards the whole story.
std::optional<DiscardList> read_petrarch_discards(std::string_view text, Diagnostics& diagnostics);

}  // namespace statecraft
