#pragma once
// A scenario sketched from coded events, for an analyst to complete: the actors the articles
// name, candidate conflict options from what they did (sanctions, tests, summits, vetoes, troops,
// ceasefires, force), each with its sentences as the note, and the threats and offers as
// candidate games. What only the analyst can judge (capabilities, preferences, payoffs) is left as
// a placeholder marked DRAFT; the sketch validates so that it can be loaded and edited at once.

#include <map>
#include <string>
#include <vector>

#include "events/coder.hpp"
#include "scenario/model.hpp"

namespace statecraft {

struct CodedArticle {
  std::string id;     // becomes the source's id
  std::string title;  // the article's first line
  std::string date;   // YYYY-MM-DD, or empty
  std::string text;
  std::vector<CodedEvent> events;
  std::size_t sentence_count = 0;  // of the text, as split_sentences splits it
};

// `names`: a party (party_of an actor code) to the name the scenario gives it.
Scenario draft_scenario(const std::vector<CodedArticle>& articles, const std::map<std::string, std::string>& names, const std::string& date);

}  // namespace statecraft
