#pragma once
// The scenario model: plain values that every lens reads. Locations are kept so that checks
// made after loading can still point at the file; engines ignore them.

#include <optional>
#include <string>
#include <vector>

#include "scenario/diagnostics.hpp"
#include "scenario/expression.hpp"

namespace statecraft {

// A number with the reason for it: every judgment in a scenario may say why and cite a source.
struct Number {
  double value = 0;
  std::string text;  // as written, so exact fractions like "1/3" survive for rational engines
  std::string note;
  std::string source;
  Location at;
};

struct Source {
  std::string id;
  std::string title;
  std::string author;
  std::string outlet;
  std::string date;
  std::string url;
  std::string note;
  Location at;
};

struct Actor {
  std::string id;
  std::string name;
  std::string leader;
  Number capability;
  std::string note;
  std::string source;
  Location at;
};

struct Stance {
  std::string actor;
  Number position;
  Number salience;                  // in [0, 1]
  std::optional<Number> capability;  // overrides the actor's on this issue
  std::string note;
  std::string source;
  Location at;
};

struct Label {
  Number point;
  std::string text;
};

// What came about, written once the future arrives, so that a case can be scored against it.
// An issue's outcome is a point on its scale; a conflict's, the options taken; a game's, the
// play that happened (strategic: one strategy per player in player order; extensive: the moves
// from the root).
struct Outcome {
  std::optional<Number> value;     // issues
  std::vector<std::string> taken;  // conflicts: option ids; games: strategies or moves
  std::string date;
  std::string source;
  std::string note;
  Location at;
};

// Who must agree for an issue to move from its status quo (format version 2).
// Everyone: the issue is settled as a weighted vote of every actor with a stance (version 1).
// Unanimity: every decider must prefer the change (the veto-player case; Tsebelis 2002, ch. 1).
// Majority, Qualified: deciders weighted by capability; more than half of the deciders'
// capability (majority) or at least `threshold` of it (qualified, threshold in (0.5, 1]).
enum class DecisionRule { Everyone, Unanimity, Majority, Qualified };

// As written in a file ("unanimity"); "everyone" for the rule a file gives by saying nothing.
inline const char* rule_name(DecisionRule rule) {
  static constexpr const char* names[] = {"everyone", "unanimity", "majority", "qualified"};
  return names[static_cast<int>(rule)];
}

struct Decision {
  DecisionRule rule = DecisionRule::Everyone;
  std::vector<std::string> deciders;  // actor ids, in the order written
  std::optional<Number> threshold;    // Qualified only
  std::string note;
  std::string source;
  Location at;
};

struct Issue {
  std::string id;
  std::string name;
  Number low;
  Number high;
  std::string units;  // what one point of the scale means ("% of 2014 territory"); may be empty
  std::vector<Label> labels;
  std::optional<Number> status_quo;
  Decision decision;  // rule Everyone when the file gives none
  std::optional<Outcome> outcome;
  std::vector<Stance> stances;  // in the order written
  std::string note;
  std::string source;
  Location at;
};

enum class Reversibility { Both, Forward, Backward };

struct Option {
  std::string id;
  std::string actor;
  std::string name;
  Reversibility reversible = Reversibility::Both;
  std::string note;
  std::string source;
  Location at;
};

// A logical statement about states, with the reason for it.
struct Statement {
  std::string text;
  Expression expression;  // option leaves resolved to indices into Conflict::options
  std::string note;
  std::string source;
  Location at;  // of the expression's first character, so offsets in it map to columns
};

// A set of taken options, bit i for Conflict::options[i].
using StateBits = unsigned long long;

struct RankedState {
  std::string text;  // "opt_a + opt_b", or "none"
  StateBits state = 0;  // set by check_scenario
  Location at;
};

struct Preferences {
  std::string actor;
  std::vector<Statement> statements;           // option prioritisation, most important first
  std::vector<std::vector<RankedState>> ranking;  // or: tie groups, best first
  bool by_ranking = false;
  Location at;
};

// States a decision maker does not perceive (a hypergame, as in gmcr-py): it can neither move
// from nor into them.
struct Misperception {
  std::string actor;
  std::vector<Statement> statements;  // a state matching any of them is misperceived
  Location at;
};

// A decision maker's preferences when they are not known for sure (format 2): alternatives, each
// with its probability, drawn independently of the other decision makers'.
struct PreferenceAlternative {
  Number probability;
  Preferences preferences;
  std::string note;
  std::string source;
  Location at;
};
struct UncertainPreferences {
  std::string actor;
  std::vector<PreferenceAlternative> alternatives;
  Location at;
};

struct Conflict {
  std::vector<Option> options;
  std::vector<Statement> infeasible;
  std::vector<std::string> status_quo;  // option ids taken at the start
  bool status_quo_given = false;        // imported conflicts may not say where they start
  std::vector<Preferences> preferences;
  std::vector<Misperception> misperceptions;
  std::vector<UncertainPreferences> uncertain_preferences;  // stability_under_uncertainty draws them instead of `preferences`
  std::optional<Outcome> outcome;  // the state that came about
  Location at;
};

struct Payoff {
  std::vector<Number> values;  // one per player, in player order
  // A game with `types`, as written: the values in each type profile (Game::type_profiles'
  // order), where some depend on types. Empty once the types are drawn by chance (expand_types).
  std::vector<std::vector<Number>> by_type_profile;
  Location at;
};

struct GameNode {
  enum class Kind { Decision, Chance, Terminal };
  Kind kind = Kind::Terminal;
  std::string player;      // Decision
  std::string infoset;     // Decision, optional
  std::vector<std::string> moves;       // Decision and Chance, in the order written
  std::vector<Number> probabilities;    // Chance, one per move
  std::vector<GameNode> children;       // one per move
  Payoff payoffs;                       // Terminal
  std::string name;
  std::string note;
  // A game with `types`, as written: the mover's types that can make the move leading here
  // (empty: every type). Gone once the types are drawn by chance (expand_types).
  std::vector<std::string> open_to;
  Location at;
};

// A player whose payoffs the others do not know (Harsanyi 1967): chance draws its type, which
// only it sees, from the common prior.
struct PlayerType {
  std::string id;
  std::string name;
  Number probability;
  std::string note;
  std::string source;
  Location at;
};
struct TypeDraw {
  std::string player;
  std::vector<PlayerType> types;
  Location at;
};

struct Game {
  enum class Form { Strategic, Extensive, File };
  std::string id;
  std::string title;
  std::vector<std::string> players;
  Form form = Form::Strategic;
  std::vector<std::vector<std::string>> strategies;  // Strategic: per player
  // Strategic: per player, one per strategy, the name a reader sees; empty where the file gives none.
  std::vector<std::vector<std::string>> strategy_names;
  // Strategic: one outcome per profile, the last player's strategy varying fastest.
  std::vector<Payoff> outcomes;
  GameNode tree;      // Extensive; with `types`, the tree after chance has drawn them
  // Extensive: the players of private types, each drawn independently; the tree above starts
  // with that draw (a chance node over every profile of types).
  std::vector<TypeDraw> types;
  std::string file;   // File: as written, relative to the scenario
  std::optional<Outcome> outcome;  // the play that happened
  std::string note;
  std::string source;
  Location at;
};

// Which published variant of a model the analyst judged fits the case (format 2's `models:`),
// with why. A run's command-line option overrides it.
struct ModelChoices {
  // Expected utility's probability of success: "program" (Scholz, Calbert & Smith's program) or
  // "paper" (their eq. 31 as printed); empty: the default, program.
  std::string expected_utility_probability;
  std::string note;
  std::string source;
  Location at;
};

struct Scenario {
  int format = 1;
  std::string id;
  std::string title;
  std::string date;
  std::string summary;
  std::vector<Source> sources;
  std::vector<Actor> actors;
  std::vector<Issue> issues;
  std::optional<Conflict> conflict;
  std::vector<Game> games;
  std::optional<ModelChoices> models;
};

}  // namespace statecraft
