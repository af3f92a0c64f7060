#pragma once
// The kinds of move the seed cases' conflicts are made of (sanctions, a ceasefire, missile tests,
// summits, vetoes, troops, aid, force...), each known two ways: by the CAMEO codes of the events
// that are such a move, and by the words an analyst names such an option with. `draft` turns
// events into options by the first; `evidence` finds an option's events by both.

#include <string>
#include <string_view>
#include <vector>

namespace statecraft {

struct OptionKind {
  const char* id;    // "sanctions"
  const char* name;  // an option's name for a draft; "{}" is the target's name
  std::vector<const char*> codes;     // CAMEO prefixes
  std::vector<const char*> keywords;  // lower-case stems found in an option's id or name
};

// Most specific first: "lift sanctions" is easing, "veto new sanctions" a veto.
const std::vector<OptionKind>& option_kinds();

// The kind whose longest CAMEO prefix the code has; null for none.
const OptionKind* kind_of_code(std::string_view cameo);

// The first kind (in option_kinds' order) one of whose keywords begins a word of the text; null
// for none.
const OptionKind* kind_named_in(std::string_view text);

}  // namespace statecraft
