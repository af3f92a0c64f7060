#pragma once
// A judgment a conclusion hangs on: one number or statement of the scenario file, how far it can
// change before a lens's answer changes, and what the answer then becomes. Every lens's
// sensitivity analysis yields these; `analyze` shows the most decisive across lenses.

#include <string>
#include <vector>

#include "scenario/diagnostics.hpp"

namespace statecraft {

struct Hinge {
  std::string lens;         // spatial, conflict or games
  std::string judgment;     // in words: "RUS's payoff for 'ceasefire' in game ultimatum"
  std::string today;        // its value as written: "3"
  std::string change;       // the smallest change that matters: "below 2", "swapped with the next statement"
  std::string consequence;  // the answer after it: "RUS offers the Kim lever and USA sanctions"
  // The change as a share of the judgment's own range (the scale, [0, 1] for a salience, the
  // payoffs' spread, one swap among a preference list's statements): near 0 is a knife edge.
  // Comparable across lenses, so the most decisive judgments are those with the least margin.
  double margin = 1;
  std::string note;    // the judgment's note in the file
  std::string source;  // and its source id
  Location at;         // where it is written
};

// The `count` hinges with the least margin, ties in the order given.
std::vector<Hinge> most_decisive(std::vector<Hinge> hinges, std::size_t count);

// The same, but at most `per_lens` from one lens while others have hinges left: one lens's many
// knife edges (a game's tied payoffs are all at margin 0) must not hide the others'. When the
// other lenses run out, the rest is filled by margin.
std::vector<Hinge> most_decisive(std::vector<Hinge> hinges, std::size_t count, std::size_t per_lens);

// How many hinges a summary shows, and at most how many of them from one lens.
inline constexpr std::size_t summary_hinge_count = 5;
inline constexpr std::size_t summary_hinges_per_lens = 2;

}  // namespace statecraft
