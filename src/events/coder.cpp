#include "events/coder.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace statecraft {
namespace {

using Words = std::vector<std::string>;

// Where a phrase of a dictionary may start: its exact first word, or for a one-word stem phrase
// (TABARI's ARGENTIN) any prefix of a token.
template <class Payload>
class PhraseIndex {
 public:
  struct Entry {
    const Words* words;
    bool last_word_is_stem;
    Payload payload;
  };

  void add(const Words& words, bool stem, Payload payload) {
    if (words.empty()) return;
    auto& bucket = (words.size() == 1 && stem) ? by_stem_[words[0]] : by_first_[words[0]];
    bucket.push_back({&words, stem, payload});
    max_stem_ = std::max(max_stem_, words.size() == 1 && stem ? words[0].size() : 0);
  }

  // The longest entry matching tokens[at...]: its length in tokens (0: none) and entry.
  std::pair<std::size_t, const Entry*> longest(const std::vector<Token>& tokens, std::size_t at) const {
    std::pair<std::size_t, const Entry*> best{0, nullptr};
    const std::string& first = tokens[at].word;
    if (auto it = by_first_.find(first); it != by_first_.end())
      for (const auto& e : it->second)
        if (e.words->size() > best.first && matches(*e.words, e.last_word_is_stem, tokens, at)) best = {e.words->size(), &e};
    if (best.first == 0 && !by_stem_.empty())
      for (std::size_t n = std::min(first.size(), max_stem_); n >= 2; --n)
        if (auto it = by_stem_.find(std::string_view(first).substr(0, n)); it != by_stem_.end()) return {1, &it->second.front()};
    return best;
  }

  bool empty() const { return by_first_.empty() && by_stem_.empty(); }

 private:
  static bool matches(const Words& words, bool stem, const std::vector<Token>& tokens, std::size_t at) {
    if (at + words.size() > tokens.size()) return false;
    for (std::size_t k = 0; k < words.size(); ++k) {
      const std::string& t = tokens[at + k].word;
      const bool last = k + 1 == words.size();
      if (t != words[k] && !(last && stem && t.starts_with(words[k]))) return false;
    }
    return true;
  }

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<Entry>, Hash, std::equal_to<>> by_first_, by_stem_;
  std::size_t max_stem_ = 0;
};

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Words that begin a new clause: the source of a verb after them is named after them.
bool begins_clause(std::string_view w) {
  return is_one_of(w, {"THAT", "WHICH", "WHO", "WHOM", "WHILE", "BECAUSE", "ALTHOUGH", "THOUGH", "IF", "UNLESS", "WHEN", "WHETHER", "SINCE", "UNTIL",
                       "AFTER", "BEFORE", ";", ":", "BUT", "\"", "("});
}

// A word after which a verb's form is a noun ("an attack", "its refusal", "Trump's push").
bool is_determiner(std::string_view w) {
  return is_one_of(w, {"A", "AN", "THE", "ITS", "HIS", "HER", "THEIR", "OUR", "MY", "YOUR", "'S", "THIS", "THAT", "THESE", "THOSE", "NEW", "ANY", "NO"});
}

bool is_auxiliary(std::string_view w) {
  return is_one_of(w, {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "HAS", "HAVE", "HAD", "DO", "DOES", "DID", "WILL", "WOULD", "SHALL", "SHOULD",
                       "CAN", "COULD", "MAY", "MIGHT", "MUST", "TO", "N'T", "NOT"});
}

bool is_be(std::string_view w) { return is_one_of(w, {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING"}); }

bool is_preposition(std::string_view w) {
  return is_one_of(w, {"OF", "WITH", "BETWEEN", "ON", "TO", "FOR", "IN", "AT", "FROM", "AGAINST", "OVER", "BY", "ABOUT", "TOWARD", "TOWARDS", "INTO", "AMONG", "BEYOND", "THAN"});
}

bool is_negation(std::string_view w) { return is_one_of(w, {"NOT", "N'T", "NEVER", "NOR", "NO"}); }
// Verbs whose object is what did not happen: "Kim has avoided new missile tests".
bool negates_what_follows(std::string_view w) {
  return w.starts_with("AVOID") || w.starts_with("REFRAIN") || w.starts_with("REFUS") || w.starts_with("DECLIN") || is_one_of(w, {"FAILED", "FAIL", "FAILS", "WITHOUT", "NEITHER"});
}
bool is_hypothetical(std::string_view w) {
  return is_one_of(w, {"MIGHT", "MAY", "COULD", "WOULD", "LIKELY", "PROBABLY", "PERHAPS", "POSSIBLY", "CONCEIVABLY", "CAN", "CA", "CONSIDERING", "CONSIDERS", "WEIGHING", "HOPING", "HOPES", "WANTS", "PLANS"});
}
bool is_advocacy(std::string_view w) { return is_one_of(w, {"SHOULD", "MUST", "OUGHT", "LET"}); }

}  // namespace

std::string_view status_name(EventStatus status) {
  switch (status) {
    case EventStatus::reported: return "reported";
    case EventStatus::hypothetical: return "hypothetical";
    case EventStatus::conditional: return "conditional";
    case EventStatus::negated: return "negated";
    case EventStatus::advocated: return "advocated";
  }
  return "reported";
}

struct EventCoder::Compiled {
  const EventDictionaries& dictionaries;
  PhraseIndex<std::size_t> actors, agents, discards;  // payload: the entry's index
  struct FormRef {
    std::size_t block, form;
  };
  PhraseIndex<FormRef> verbs;
  std::vector<std::vector<std::size_t>> patterns_longest_first;  // per block
  // Per block: its forms code events as nouns too ("Trump's new tariffs on India"): the block's
  // description says NOUN ("--- SANCTION, VERB AND NOUN [163] ---"). PETRARCH's dictionaries hold
  // verbs, which its parser finds only as verbs.
  std::vector<bool> codes_nouns;

  explicit Compiled(const EventDictionaries& d) : dictionaries(d) {
    for (std::size_t i = 0; i < d.actors.entries.size(); ++i)
      for (const auto& p : d.actors.entries[i].phrases) actors.add(p.words, p.last_word_is_stem, i);
    for (std::size_t i = 0; i < d.agents.entries.size(); ++i) agents.add(d.agents.entries[i].phrase.words, d.agents.entries[i].phrase.last_word_is_stem, i);
    for (std::size_t i = 0; i < d.discards.entries.size(); ++i) discards.add(d.discards.entries[i].phrase.words, d.discards.entries[i].phrase.last_word_is_stem, i);
    for (std::size_t b = 0; b < d.verbs.blocks.size(); ++b) {
      const auto& block = d.verbs.blocks[b];
      for (std::size_t f = 0; f < block.forms.size(); ++f) verbs.add(block.forms[f].words, false, {b, f});
      std::vector<std::size_t> order(block.patterns.size());
      for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
      // TABARI tries the longer (more specific) patterns first; among equals, the one written first.
      std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return block.patterns[x].before.size() + block.patterns[x].after.size() > block.patterns[y].before.size() + block.patterns[y].after.size();
      });
      patterns_longest_first.push_back(std::move(order));
      codes_nouns.push_back(block.name.find("NOUN") != std::string::npos);
    }
  }
};

namespace {

// An actor as the sentence names it: adjacent actor and agent phrases, with their combined code.
struct Group {
  std::size_t begin = 0, end = 0;  // tokens
  std::string code;                // empty: an agent with no actor ("the president")
  bool person = false;
  std::string agent;               // the agent's code ("~GOV") when one is named
  bool state_and_agent = false;    // the code is a state's with the agent's added
};

// Actors joined by "and" or commas: each member acts.
struct Compound {
  std::vector<Group> members;
  std::size_t begin = 0, end = 0;
};

// The actors last named in the article, for "he", "the two men" and "the president".
struct Memory {
  std::vector<Group> people;  // most recent last, distinct codes
  void saw(const Group& g) {
    if (!g.person || g.code.empty()) return;
    std::erase_if(people, [&](const Group& p) { return p.code == g.code; });
    people.push_back(g);
  }
};

class SentenceCoder {
 public:
  SentenceCoder(const EventCoder::Compiled& c, const CodingOptions& o, std::string_view text, TextSpan span, EventDate date, Memory& memory)
      : c_(c), options_(o), span_(span), date_(date), memory_(memory), tokens_(tokenize(text, span)) {}

  bool discarded(bool whole_story) const {
    for (std::size_t i = 0; i < tokens_.size(); ++i)
      if (auto [n, e] = c_.discards.longest(tokens_, i); n && c_.dictionaries.discards.entries[e->payload].whole_story == whole_story) return true;
    return false;
  }

  std::vector<CodedEvent> run(std::size_t sentence_index) {
    find_actors();
    find_condition();
    std::vector<CodedEvent> events;
    for (std::size_t i = 0; i < tokens_.size();) {
      if (inside_actor(i)) {
        ++i;
        continue;
      }
      auto [n, entry] = c_.verbs.longest(tokens_, i);
      if (!n || i < consumed_ || (is_noun(i) && !c_.codes_nouns[entry->payload.block])) {
        ++i;
        continue;
      }
      code_verb(i, i + n, entry->payload, sentence_index, events);
      i += n;
    }
    return events;
  }

 private:
  // A verb's form used as a noun: after a determiner, perhaps with adjectives between ("a brief
  // private visit"), but not across an actor or an auxiliary ("the two men had discussed").
  bool is_noun(std::size_t i) const {
    for (std::size_t k = i, steps = 0; k-- > 0 && steps < 3; ++steps) {
      const std::string& w = tokens_[k].word;
      if (is_determiner(w)) return true;
      if (!tokens_[k].is_word() || inside_actor(k) || is_auxiliary(w)) return false;
    }
    return false;
  }

  // --- actors -------------------------------------------------------------------------------

  void find_actors() {
    std::vector<Group> groups;
    for (std::size_t i = 0; i < tokens_.size();) {
      if (auto pronoun = pronoun_at(i, groups)) {
        for (auto& g : *pronoun) groups.push_back(std::move(g));
        i = groups.back().end;
        continue;
      }
      auto [na, actor] = c_.actors.longest(tokens_, i);
      auto [ng, agent] = c_.agents.longest(tokens_, i);
      if (!na && !ng) {
        ++i;
        continue;
      }
      Piece piece;
      piece.begin = i;
      if (na >= ng) {
        const ActorEntry& e = c_.dictionaries.actors.entries[actor->payload];
        piece.end = i + na, piece.code = e.code_on(date_), piece.person = !e.dated.empty();
      } else {
        piece.end = i + ng, piece.agent = c_.dictionaries.agents.entries[agent->payload].code;
      }
      add_piece(groups, piece);
      i = piece.end;
    }
    for (auto& g : groups) {
      if (g.code.empty() && !g.agent.empty() && options_.coreference) resolve_role(g);
      memory_.saw(g);
    }
    std::erase_if(groups, [](const Group& g) { return g.code.empty(); });
    join_compounds(split_joint_codes(groups));
    for (auto& c : compounds_) share_agent(c);
  }

  struct Piece {
    std::size_t begin = 0, end = 0;
    std::string code, agent;
    bool person = false;
  };

  // Adjacent pieces ("Russian" "President" "Vladimir Putin", "Gondor's" "foreign minister") are
  // one actor: a person's own code wins; else the state's code with the agent's added.
  void add_piece(std::vector<Group>& groups, const Piece& piece) {
    const bool agent_only = std::all_of(pieces_.begin(), pieces_.end(), [](const Piece& p) { return p.code.empty(); });
    const std::string_view gap = !groups.empty() && groups.back().end + 1 == piece.begin ? std::string_view(tokens_[groups.back().end].word) : "";
    // "Gondor's prime minister", "the government of Gondor", "soldiers from Gondor".
    const bool next_to = !groups.empty() && !pieces_.empty() &&
                         (groups.back().end == piece.begin || is_one_of(gap, {"'S", "OF", "THE"}) || (agent_only && is_one_of(gap, {"FROM", "IN"})));
    // Two people, or two states, side by side are two actors ("the Kim-Putin summit").
    const bool same_kind = std::any_of(pieces_.begin(), pieces_.end(), [&](const Piece& p) {
      return !piece.code.empty() && !p.code.empty() && p.code != piece.code &&
             ((p.person && piece.person) || (p.code.size() == 3 && piece.code.size() == 3) || (p.person && piece.code.size() == 3));
    });
    const bool joins = next_to && !same_kind;
    if (!joins) {
      groups.push_back({.begin = piece.begin, .end = piece.end});
      pieces_.clear();
    }
    pieces_.push_back(piece);
    Group& g = groups.back();
    g.end = piece.end;
    std::string state, agent;
    bool person = false;
    for (const auto& p : pieces_) {
      if (!p.code.empty() && (p.person || p.code.size() > state.size())) {
        if (!(person && !p.person)) state = p.code;
        person = person || p.person;
      }
      if (!p.agent.empty() && agent.empty()) agent = p.agent;
    }
    g.person = person || (!agent.empty() && !state.empty());
    g.agent = agent;
    g.state_and_agent = !agent.empty() && !person && state.size() == 3;
    g.code = g.state_and_agent ? with_agent(state, agent) : state;
  }

  // "~GOV" appends GOV to the state's code, "GOV~" puts it first.
  static std::string with_agent(const std::string& state, const std::string& agent) {
    const std::string role(agent.front() == '~' ? agent.substr(1) : agent.substr(0, agent.size() - 1));
    return agent.front() == '~' ? state + role : role + state;
  }

  // A dictionary code naming several actors at once (THE_SHIRE [FRO/BIL/SAM]) is that many.
  static std::vector<Group> split_joint_codes(const std::vector<Group>& groups) {
    std::vector<Group> out;
    for (const auto& g : groups) {
      std::size_t from = 0;
      for (std::size_t slash; (slash = g.code.find('/', from)) != std::string::npos; from = slash + 1) {
        out.push_back(g);
        out.back().code = g.code.substr(from, slash - from);
      }
      out.push_back(g);
      out.back().code = g.code.substr(from);
    }
    return out;
  }

  // "Arnor, Gondor and Osgiliath governments", "the ambassadors of Arnor, Osgiliath and Gondor":
  // the agent named with the last state, or before the first, is every state's.
  static void share_agent(Compound& c) {
    if (c.members.size() < 2) return;
    const Group& named = c.members.back().state_and_agent ? c.members.back() : c.members.front();
    if (!named.state_and_agent) return;
    for (auto& m : c.members)
      if (m.agent.empty() && m.code.size() == 3) m.code = with_agent(m.code, named.agent), m.agent = named.agent;
  }

  static Group person(std::size_t begin, std::size_t end, std::string code) { return {.begin = begin, .end = end, .code = std::move(code), .person = true}; }

  // "he", "the two men", "both leaders": the people last named.
  std::optional<std::vector<Group>> pronoun_at(std::size_t i, const std::vector<Group>& so_far) const {
    if (!options_.coreference) return std::nullopt;
    const std::string& w = tokens_[i].word;
    const auto quote = opening_quote(i);
    const bool we = w == "WE" && quote;  // in a quotation the speakers: the two people named before it
    Memory now = memory_;  // with this sentence's people so far
    for (const auto& g : so_far)
      if (!we || g.end <= *quote) now.saw(g);
    const auto& people = now.people;
    if (is_one_of(w, {"HE", "SHE", "HIM"}) && !people.empty()) {
      // "he and Kim": not Kim.
      const bool and_next = i + 2 < tokens_.size() && tokens_[i + 1].word == "AND" && people.size() >= 2;
      const auto next = and_next ? c_.actors.longest(tokens_, i + 2) : std::pair<std::size_t, const PhraseIndex<std::size_t>::Entry*>{0, nullptr};
      const bool named_next = next.first && c_.dictionaries.actors.entries[next.second->payload].code_on(date_) == people.back().code;
      return std::vector<Group>{person(i, i + 1, people[people.size() - (named_next ? 2 : 1)].code)};
    }
    const bool two = i + 2 < tokens_.size() && ((w == "THE" && tokens_[i + 1].word == "TWO") || w == "BOTH") &&
                     is_one_of(tokens_[i + (w == "BOTH" ? 1 : 2)].word, {"MEN", "LEADERS", "PRESIDENTS", "SIDES", "WOMEN"});
    if ((two || we) && people.size() >= 2) {
      const std::size_t end = i + (we ? 1 : w == "BOTH" ? 2 : 3);
      return std::vector<Group>{person(i, end, people[people.size() - 2].code), person(end, end, people.back().code)};
    }
    return std::nullopt;
  }

  // Where the quotation that i is in opens, if it is in one.
  std::optional<std::size_t> opening_quote(std::size_t i) const {
    std::optional<std::size_t> open;
    for (std::size_t k = 0; k < i; ++k)
      if (tokens_[k].word == "\"") open = open ? std::nullopt : std::optional<std::size_t>(k);
    return open;
  }

  // "the president": the person last named; "his military", "the troops": that person's state's
  // military. Only in news text, where the person was named before.
  void resolve_role(Group& g) const {
    if (memory_.people.empty()) return;
    const Group& person = memory_.people.back();
    const bool leader = g.agent == "~GOV" && (g.begin == 0 || is_one_of(tokens_[g.begin - 1].word, {"THE", "HIS", "HER"}));
    if (leader) {
      g.code = person.code, g.person = true;
    } else if (g.agent != "~GOV" && person.code.size() >= 3) {
      g.code = with_agent(person.code.substr(0, 3), g.agent), g.state_and_agent = true;
    }
  }

  void join_compounds(const std::vector<Group>& groups) {
    for (const auto& g : groups) {
      if (!compounds_.empty()) {
        Compound& last = compounds_.back();
        // "the two men", "the Kim-Putin summit": two people side by side.
        bool joined = g.begin == last.end && g.person && last.members.back().person;
        // "Fornost and the evil awful Gondor": after "and" or a comma, a few words that are not
        // verbs may stand before the next actor.
        bool after_and = false;
        std::size_t between = 0;
        for (std::size_t k = last.end; k < g.begin && !joined; ++k) {
          const std::string& w = tokens_[k].word;
          if (is_one_of(w, {"AND", ",", "AS", "WELL", "BOTH"})) after_and = true;
          else if (!after_and || !tokens_[k].is_word() || begins_clause(w) || c_.verbs.longest(tokens_, k).first || ++between > 3) break;
          joined = k + 1 == g.begin && after_and;
        }
        if (joined) {
          last.members.push_back(g);
          last.end = std::max(last.end, g.end);
          continue;
        }
      }
      compounds_.push_back({{g}, g.begin, g.end});
    }
  }

  bool inside_actor(std::size_t i) const {
    for (const auto& c : compounds_)
      for (const auto& g : c.members)
        if (g.begin <= i && i < g.end) return true;
    return false;
  }

  const Compound* compound_from(std::size_t at, std::size_t limit, bool adjacent) const {
    for (const auto& c : compounds_)
      if (c.begin >= at && c.begin < limit) return (!adjacent || c.begin == at) ? &c : nullptr;
    return nullptr;
  }

  // --- clauses ------------------------------------------------------------------------------

  // "If X, Y" and "Y if X": where the condition's clause begins and ends.
  void find_condition() {
    for (std::size_t i = 0; i < tokens_.size(); ++i)
      if (is_one_of(tokens_[i].word, {"IF", "UNLESS"})) {
        condition_begin_ = i;
        condition_end_ = tokens_.size();
        for (std::size_t k = i + 1; k < tokens_.size(); ++k)
          if (is_one_of(tokens_[k].word, {",", "THEN", "/", "(", ";"})) {
            condition_end_ = k;
            break;
          }
        return;
      }
  }

  std::size_t clause_start(std::size_t verb) const {
    for (std::size_t k = verb; k-- > 0;)
      if (begins_clause(tokens_[k].word) && !inside_actor(k)) return k + 1;
    return 0;
  }

  // ", a senior official said": a comma before a new noun phrase ends the verb's reach; one
  // inside its object ("complete, full diplomatic ties") does not.
  bool comma_before_new_phrase(std::size_t k) const {
    if (tokens_[k].word != "," || k + 1 >= tokens_.size()) return false;
    return is_one_of(tokens_[k + 1].word, {"A", "AN", "THE"}) || compound_from(k + 1, k + 2, true);
  }

  std::size_t clause_end(std::size_t after_verb) const {
    for (std::size_t k = after_verb; k < tokens_.size(); ++k)
      if (begins_clause(tokens_[k].word) || tokens_[k].word == "." || comma_before_new_phrase(k)) return k;
    return tokens_.size();
  }

  // --- patterns -----------------------------------------------------------------------------

  struct Match {
    const Compound* source = nullptr;
    const Compound* target = nullptr;
    bool compound = false;  // % : the members act on each other
    std::size_t end = 0;    // of the words the pattern matched after the verb
  };

  bool word_at(const PatternElement& e, std::size_t at, std::size_t& length) const {
    auto phrase_at = [&](const Words& words) {
      if (at + words.size() > tokens_.size()) return false;
      for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string& t = tokens_[at + k].word;
        if (t != words[k] && t != words[k] + "S") return false;
      }
      length = words.size();
      return true;
    };
    if (e.kind == PatternElement::Kind::word) return phrase_at(Words{e.text});
    const auto& synsets = c_.dictionaries.verbs.synsets;
    const auto set = synsets.find(e.text);
    if (set == synsets.end()) return false;
    for (const auto& words : set->second)
      if (phrase_at(words)) return true;
    return false;
  }

  // The elements after the verb, left to right from `at`, within the sentence.
  bool match_after(const std::vector<PatternElement>& elements, std::size_t at, Match& m) const {
    m.end = at;
    bool adjacent = false;
    for (const auto& e : elements) {
      bool found = false;
      for (std::size_t j = at; j < tokens_.size() && !found; ++j) {
        if (adjacent && j != at) break;
        // A pattern reads within the verb's clause: its words are not looked for past the next one.
        if (j > at && (begins_clause(tokens_[j].word) || tokens_[j].word == ".") && !(e.kind == PatternElement::Kind::word && e.text == tokens_[j].word)) break;
        if (e.kind == PatternElement::Kind::word || e.kind == PatternElement::Kind::synset) {
          std::size_t length = 0;
          if (word_at(e, j, length)) found = true, at = j + length;
        } else if (const Compound* c = compound_from(j, j + 1, true); c && (e.kind != PatternElement::Kind::compound || c->members.size() > 1)) {
          found = true, at = c->end;
          if (e.kind == PatternElement::Kind::target) m.target = c;
          if (e.kind == PatternElement::Kind::source) m.source = c;
          if (e.kind == PatternElement::Kind::compound) m.source = m.target = c, m.compound = true;
        }
      }
      if (!found) return false;
      adjacent = e.adjacent;
      m.end = at;
    }
    return true;
  }

  // The elements before the verb, right to left from `end` (exclusive).
  bool match_before(const std::vector<PatternElement>& elements, std::size_t end, Match& m) const {
    for (std::size_t k = elements.size(); k-- > 0;) {
      const PatternElement& e = elements[k];
      bool found = false;
      for (std::size_t j = end; j-- > 0 && !found;) {
        if (e.kind == PatternElement::Kind::word || e.kind == PatternElement::Kind::synset) {
          std::size_t length = 0;
          if (word_at(e, j, length) && (!e.adjacent || j + length == end)) found = true, end = j;
        } else {
          for (const auto& c : compounds_)
            if (c.end <= end && c.begin == j && (!e.adjacent || c.end == end) && (e.kind != PatternElement::Kind::compound || c.members.size() > 1)) {
              found = true, end = j;
              if (e.kind == PatternElement::Kind::target) m.target = &c;
              if (e.kind == PatternElement::Kind::source) m.source = &c;
              if (e.kind == PatternElement::Kind::compound) m.source = m.target = &c, m.compound = true;
            }
        }
        if (e.adjacent && !found) break;
      }
      if (!found) return false;
    }
    return true;
  }

  // --- events -------------------------------------------------------------------------------

  void code_verb(std::size_t begin, std::size_t end, EventCoder::Compiled::FormRef ref, std::size_t sentence_index, std::vector<CodedEvent>& events) {
    const VerbBlock& block = c_.dictionaries.verbs.blocks[ref.block];
    const VerbForm& form = block.forms[ref.form];
    std::string code = form.code.empty() ? block.code : form.code;
    int pattern_line = 0;
    Match m;
    for (std::size_t k : c_.patterns_longest_first[ref.block]) {
      const VerbPattern& p = block.patterns[k];
      Match trial;
      if (match_before(p.before, begin, trial) && match_after(p.after, end, trial)) {
        code = p.code, pattern_line = p.line, m = trial;
        // The pattern's words are not verbs of their own ("avoided new missile tests").
        consumed_ = std::max(consumed_, m.end);
        break;
      }
    }
    if (code.empty() || code == "---" || code.find_first_not_of("0123456789") != std::string::npos) return;
    const std::size_t clause = clause_start(begin);
    // A pattern that names the source after the verb ("Kim has received $ Russian support") makes the
    // subject the target.
    if (m.source && !m.target && !m.compound) m.target = subject(clause, begin);
    if (!m.source && !m.target && is_passive(begin, end)) {  // "Eriador was opposed by Osgiliath"
      m.target = subject(clause, begin);
      m.source = compound_from(end + 1, clause_end(end + 1), false);
    }
    if (!m.source) m.source = subject(clause, begin);
    if (!m.source) m.source = last_compound_before(begin);
    if (!m.target) m.target = compound_from(end, clause_end(end), false);
    if (!m.source || (options_.require_target && !m.target)) return;

    CodedEvent base;
    base.sentence = sentence_index;
    base.sentence_span = span_;
    base.verb_span = {tokens_[begin].span.begin, tokens_[end - 1].span.end};
    base.cameo = code;
    base.verb_line = block.line;
    base.pattern_line = pattern_line;
    set_status(base, clause, begin);
    base.attributed_to = attribution(begin);
    std::vector<std::pair<const Group*, const Group*>> pairs;
    if (m.compound) {
      for (const auto& s : m.source->members)
        for (const auto& t : m.source->members) pairs.push_back({&s, &t});
    } else {
      for (const auto& s : m.source->members) {
        if (!m.target) pairs.push_back({&s, nullptr});
        else
          for (const auto& t : m.target->members) pairs.push_back({&s, &t});
      }
    }
    for (auto [s, t] : pairs) {
      if (t && s->code == t->code) continue;
      CodedEvent e = base;
      e.source = s->code, e.source_span = span_of(*s);
      if (t) e.target = t->code, e.target_span = span_of(*t);
      events.push_back(std::move(e));
    }
    if (said_that(end)) reporter_ = m.source->members.front().code, reporter_from_ = end;
  }

  // A form of "be" before the verb (an adverb may stand between) and "by" after it.
  bool is_passive(std::size_t begin, std::size_t end) const {
    const bool be = (begin > 0 && is_be(tokens_[begin - 1].word)) || (begin > 1 && is_be(tokens_[begin - 2].word) && !inside_actor(begin - 1));
    return be && end < tokens_.size() && tokens_[end].word == "BY";
  }

  TextSpan span_of(const Group& g) const {
    if (g.begin >= g.end) return {};
    return {tokens_[g.begin].span.begin, tokens_[g.end - 1].span.end};
  }

  // The verb's subject: the actor nearest before it in its clause that is not the object of a
  // preposition ("the Kremlin readout of a call between Putin and Kim emphasized": the Kremlin).
  const Compound* subject(std::size_t from, std::size_t to) const {
    const Compound* found = nullptr;
    for (const auto& c : compounds_)
      if (c.begin >= from && c.end <= to && !(c.begin > 0 && is_preposition(tokens_[c.begin - 1].word))) found = &c;
    return found;
  }

  const Compound* last_compound_before(std::size_t to) const {
    const Compound* found = nullptr;
    for (const auto& c : compounds_)
      if (c.end <= to) found = &c;
    return found;
  }

  // A statement verb followed by "that": what follows is the statement's content.
  bool said_that(std::size_t end) const {
    for (std::size_t k = end; k < tokens_.size() && k < end + 2; ++k)
      if (tokens_[k].word == "THAT") return true;
    return false;
  }

  // The reporter of a "X said that ..." before the verb, if any.
  std::string attribution(std::size_t begin) const {
    return reporter_from_ && begin >= reporter_from_ ? reporter_ : std::string{};
  }

  // What the words before the verb in its clause (and the one after it) say of the event.
  void set_status(CodedEvent& e, std::size_t clause, std::size_t verb) const {
    bool hypothetical = false, advocated = false;
    // From the clause's start or the last comma before the verb: "If Trump avoids sanctions, we can
    // have a conference" does not negate the conference.
    std::size_t from = clause;
    for (std::size_t k = verb; k-- > clause;)
      if (tokens_[k].word == ",") {
        from = k + 1;
        break;
      }
    for (std::size_t k = from; k < verb; ++k) {
      if (inside_actor(k)) continue;
      const std::string& w = tokens_[k].word;
      e.negated = e.negated || is_negation(w) || negates_what_follows(w) || (w == "BACK" && k > 0 && tokens_[k - 1].word.starts_with("HOLD")) || (w == "BACK" && k > 0 && tokens_[k - 1].word == "HELD");
      hypothetical = hypothetical || is_hypothetical(w);
      advocated = advocated || is_advocacy(w) || (w == "TO" && k > 0 && is_one_of(tokens_[k - 1].word, {"NEEDS", "NEED", "HAS", "HAVE", "OUGHT"}));
    }
    if (verb + 1 < tokens_.size() && is_negation(tokens_[verb + 1].word)) e.negated = true;
    // "avoids new sanctions", "holds back from new sanctions", coded from AVOID's patterns.
    if (negates_what_follows(tokens_[verb].word) || (verb + 1 < tokens_.size() && tokens_[verb + 1].word == "BACK")) e.negated = true;
    if (condition_begin_ && verb > 0) {
      e.condition_part = (verb > *condition_begin_ && verb < condition_end_) ? ConditionPart::condition : ConditionPart::consequence;
      e.status = EventStatus::conditional;
    } else if (advocated) {
      e.status = EventStatus::advocated;
    } else if (e.negated) {
      e.status = EventStatus::negated;
    } else if (hypothetical) {
      e.status = EventStatus::hypothetical;
    }
  }

  const EventCoder::Compiled& c_;
  const CodingOptions& options_;
  TextSpan span_;
  EventDate date_;
  Memory& memory_;
  std::vector<Token> tokens_;
  std::vector<Piece> pieces_;  // of the group being read
  std::vector<Compound> compounds_;
  std::optional<std::size_t> condition_begin_;
  std::size_t condition_end_ = 0;
  std::string reporter_;
  std::size_t reporter_from_ = 0;
  std::size_t consumed_ = 0;
};

}  // namespace

EventCoder::EventCoder(const EventDictionaries& dictionaries, CodingOptions options)
    : compiled_(std::make_unique<Compiled>(dictionaries)), options_(options) {}
EventCoder::~EventCoder() = default;
EventCoder::EventCoder(EventCoder&&) noexcept = default;

std::vector<CodedEvent> EventCoder::code_article(std::string_view text, EventDate date) const {
  std::vector<CodedEvent> events;
  Memory memory;
  const auto sentences = split_sentences(text);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    SentenceCoder coder(*compiled_, options_, text, sentences[s], date, memory);
    if (coder.discarded(true)) return {};
    if (coder.discarded(false)) continue;
    for (auto& e : coder.run(s)) events.push_back(std::move(e));
  }
  return events;
}

}  // namespace statecraft
