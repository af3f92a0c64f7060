#pragma once
// Who must agree for an issue to move from its status quo q: the win set of q among the issue's
// deciders (Tsebelis 2002, Veto Players, ch. 1), and what it does to a model's forecast.
//
// On a line, with symmetric single-peaked preferences, decider d prefers x to q exactly when
// |x − x_d| < |q − x_d|: x lies strictly between q and its mirror image 2·x_d − q. Each such
// preferred set touches q, so a win set is an interval reaching from q to one side, or empty.
// What is kept is its closure [low, high], q being one end: the far end is a point the decisive
// decider is indifferent about, the limit of what it will accept.
// * Unanimity: the intersection of every decider's preferred set.
// * Majority, Qualified: the points preferred to q by deciders whose capabilities sum to more
//   than half (majority) or at least `threshold` (qualified) of all the deciders' capability.

#include <optional>
#include <string>
#include <vector>

#include "bargaining/spatial.hpp"

namespace statecraft {

struct WinSet {
  bool empty = true;
  double low = 0;   // the closure, clipped to the scale; the status quo is one end (not empty)
  double high = 0;  // empty: both are the status quo
  // Not empty: the deciders whose limit is the far end. Empty: the deciders who block every
  // move (those standing at the status quo or beyond it, away from the side most want).
  std::vector<std::string> limited_by;
  std::vector<std::string> blockers;
  std::string explanation;  // in words, with actor ids
};

// Whether a result is put in words as well: the Monte Carlo's and the sweeps' many thousand runs
// need only the numbers, and the words were most of their time.
enum class Words { Explained, NumbersOnly };

// Empty when the issue is decided by everyone (rule Everyone) or has no status quo to compare
// with. A decider without a stance on the issue cannot be placed and is left out (said in the
// explanation); loading a scenario warns of it. NumbersOnly leaves the explanation empty.
std::optional<WinSet> win_set(const BargainingIssue& issue, Words words = Words::Explained);

// The point of the closed win set (the status quo alone, when it is empty) nearest to x.
double nearest_in(const WinSet& set, double x);

// "RUS", "RUS and UKR", "RUS, UKR and USA".
std::string list_in_words(const std::vector<std::string>& names);

// "unanimity of RUS and UKR", "a majority of the capability of A, B and C", ...
std::string describe_rule(const BargainingIssue& issue);

}  // namespace statecraft
