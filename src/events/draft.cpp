#include "events/draft.hpp"

#include "events/option_kinds.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace statecraft {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The sentence, short enough for a note, with the event's place: "ev:ARTICLE:N".
std::string citation(const CodedArticle& a, const CodedEvent& e) {
  std::string sentence = a.text.substr(e.sentence_span.begin, e.sentence_span.end - e.sentence_span.begin);
  std::replace(sentence.begin(), sentence.end(), '\n', ' ');
  if (sentence.size() > 220) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    sentence = sentence.substr(0, cut) + "...";
  }
  std::string status(status_name(e.status));
  if (e.negated && e.status != EventStatus::negated) status += ", negated";
  return fmt::format("ev:{}:{} ({}) \"{}\"", a.id, e.sentence + 1, status, sentence);
}

struct Candidate {
  std::string actor;
  const OptionKind* kind = nullptr;
  std::map<std::string, int> targets;  // state: events
  std::vector<std::string> citations;
  bool taken = false;  // some event reports it as done
  std::string first_source;
};

}  // namespace

Scenario draft_scenario(const std::vector<CodedArticle>& articles, const std::map<std::string, std::string>& names, const std::string& date) {
  Scenario s;
  s.format = 2;
  s.id = "draft";
  s.title = "DRAFT from " + (articles.empty() ? std::string("no article") : articles.front().title);
  s.date = date;
  std::map<std::string, int> mentions;  // state: events it takes part in
  std::map<std::pair<std::string, std::string>, Candidate> candidates;
  std::vector<std::string> games;
  for (const auto& a : articles) {
    s.sources.push_back({.id = a.id, .title = a.title, .date = a.date, .note = "coded by statecraft events; ev:" + a.id + ":N cites its sentence N"});
    for (const auto& e : a.events) {
      const std::string actor = party_of(e.source);
      if (!names.contains(actor)) continue;  // not a state the dictionaries name
      ++mentions[actor];
      if (!e.target.empty() && names.contains(party_of(e.target))) ++mentions[party_of(e.target)];
      if ((e.cameo.starts_with("13") || e.cameo.starts_with("03")) && !(e.target.empty() ? false : party_of(e.target) == actor)) {
        games.push_back(fmt::format("{} of {} to {}: {}", e.cameo.starts_with("13") ? "a threat" : "an offer", actor,
                                    e.target.empty() ? "no one named" : party_of(e.target), citation(a, e)));
        continue;
      }
      const OptionKind* kind = kind_of_code(e.cameo);
      if (!kind) continue;
      Candidate& c = candidates[{actor, kind->id}];
      c.actor = actor, c.kind = kind;
      if (c.first_source.empty()) c.first_source = a.id;
      if (!e.target.empty() && party_of(e.target) != actor && names.contains(party_of(e.target))) ++c.targets[party_of(e.target)];
      // One citation a sentence: a meeting coded both ways is one piece of evidence.
      const std::string cited = citation(a, e);
      if (c.citations.size() < 4 && std::find(c.citations.begin(), c.citations.end(), cited) == c.citations.end()) c.citations.push_back(cited);
      c.taken = c.taken || (e.status == EventStatus::reported && !e.negated);
    }
  }
  for (const auto& [state, count] : mentions)
    s.actors.push_back({.id = state, .name = names.at(state),
                        .capability = {.value = 1, .text = "1", .note = fmt::format("DRAFT: equal until judged; the articles name {} in {} event{}", names.at(state), count, count == 1 ? "" : "s")}});
  if (!candidates.empty()) {
    Conflict conflict;
    std::set<std::string> deciders;
    for (const auto& [key, c] : candidates) {
      std::string target = "others";
      if (!c.targets.empty()) {
        const auto most = std::max_element(c.targets.begin(), c.targets.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
        target = names.at(most->first);
      }
      const bool with_target = std::string_view(c.kind->name).find("{}") != std::string_view::npos && std::string_view(c.kind->name).find(" {}") != std::string_view::npos;
      const std::string name = with_target ? fmt::format(fmt::runtime(c.kind->name), target) : fmt::format(fmt::runtime(c.kind->name), "");
      std::string note = "DRAFT from the events: ";
      for (std::size_t k = 0; k < c.citations.size(); ++k) note += (k ? "; " : "") + c.citations[k];
      conflict.options.push_back({.id = lower(c.actor) + "_" + c.kind->id, .actor = c.actor, .name = name, .note = note, .source = c.first_source});
      if (c.taken) conflict.status_quo.push_back(conflict.options.back().id);
      deciders.insert(c.actor);
    }
    // Preferences only the analyst can judge: a placeholder each, every own option named, so that
    // the sketch loads and no option is left out of them.
    for (const auto& actor : deciders) {
      Preferences p{.actor = actor};
      for (const auto& o : conflict.options)
        if (o.actor == actor) p.statements.push_back({.text = o.id, .note = fmt::format("DRAFT: a placeholder; rank what {} prefers", names.at(actor))});
      conflict.preferences.push_back(std::move(p));
    }
    s.conflict = std::move(conflict);
  }
  s.summary = fmt::format(
      "DRAFT sketched by statecraft draft from {} article{} ({} events coded). To complete: each actor's capability, the conflict's "
      "preferences (placeholders now), the status quo (the options some event reports as done), and the games below.",
      articles.size(), articles.size() == 1 ? "" : "s", [&] {
        std::size_t n = 0;
        for (const auto& a : articles) n += a.events.size();
        return n;
      }());
  if (!games.empty()) {
    s.summary += "\n\nCandidate games (threats and offers):";
    for (std::size_t k = 0; k < games.size() && k < 20; ++k) s.summary += "\n- " + games[k];
  }
  return s;
}

}  // namespace statecraft
