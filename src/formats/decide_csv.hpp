#pragma once
// The input format of the Decide exchange model (tab- or semicolon-separated, text in single
// quotes): rows `#A id name [comment]` (an actor), `#P id [name [description]]` (an issue),
// `#M issue value` (a point of the scale: its lowest and highest give the scale),
// `#D actor issue position salience power` (a stance; salience and power on 0..1), and comments
// `#/` and `#O`.

#include <optional>
#include <string>
#include <string_view>

#include "scenario/diagnostics.hpp"
#include "scenario/model.hpp"

namespace statecraft {

// The data as a scenario: actor and issue ids made from Decide's (see scenario/ids.hpp), an
// actor's capability its power on its first stance (a stance with another power overrides it).
std::optional<Scenario> read_decide_csv(std::string_view text, const std::string& id, Diagnostics& diagnostics);

// Whether text is in Decide's format: its first row of data starts with a '#' tag.
bool looks_like_decide_csv(std::string_view text);

}  // namespace statecraft
