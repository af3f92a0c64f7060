#pragma once
// Which judgments changed between two versions of a scenario: actors, issues, stances, decision
// rules, conflict options and preferences, game payoffs. Plain values over the scenario model,
// no engine: `statecraft diff` adds how the lenses' answers changed (report/diff.hpp).
//
// A judgment is a number or statement the analyst chose: a note or a source rewritten on its own
// is not one and is not listed (the new note is shown beside every judgment that did change).

#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

struct JudgmentChange {
  enum class Kind { Added, Removed, Changed, Moved };
  Kind kind = Kind::Changed;
  std::string section;  // scenario, actors, issues, conflict, games
  std::string what;     // in words, with the file's names: "capability of Russia (RUS)"
  std::string before;   // as written in the old version; empty when added
  std::string after;    // as written in the new version; empty when removed
  // The ids the change is about, empty when it is about none: the vocabulary of the JSON reports.
  std::string actor;
  std::string issue;
  std::string game;
  // The reason the file gives for the judgment: the new version's, or the old's when it was removed.
  std::string note;
  std::string source;
  Location at;
};

// "added", "removed", "changed", "moved"
const char* kind_name(JudgmentChange::Kind kind);

// Section by section (scenario, actors, issues with their stances, conflict, games); within a
// list, what the new file holds in its order, then what only the old one had.
std::vector<JudgmentChange> judgment_changes(const Scenario& before, const Scenario& after);

}  // namespace statecraft
