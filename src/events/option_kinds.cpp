#include "events/option_kinds.hpp"

#include <algorithm>
#include <cctype>

namespace statecraft {

const std::vector<OptionKind>& option_kinds() {
  static const std::vector<OptionKind> kinds = {
      {"withdraw", "cut ties or aid to {}", {"16"}, {"withdraw", "cut", "halt", "suspend", "reduce", "break off"}},
      {"ease_sanctions", "ease sanctions on {}", {"085", "081", "0354"}, {"lift", "ease", "relief", "easing"}},
      {"veto", "reject or veto{}", {"12"}, {"veto", "reject", "block", "rebuff"}},
      {"ceasefire", "accept a ceasefire{}", {"0871", "0356"}, {"ceasefire", "cease-fire", "truce", "armistice"}},
      {"pressure", "put pressure on {}", {"17", "033"}, {"pressure", "restrict", "press"}},
      {"tests", "test missiles or show force{}", {"15"}, {"test", "missile", "launch"}},
      {"troops", "send troops or military aid to {}", {"072", "074", "0332"}, {"troop", "soldier", "munition", "deploy"}},
      {"force", "use force against {}", {"18", "19", "20", "1382", "138"}, {"escalat", "war", "strike", "attack", "invade", "annex"}},
      {"summit", "meet or talk with {}", {"036", "04", "106"}, {"summit", "talk", "conference", "meet", "trilateral", "negotiat", "seat"}},
      {"sanctions", "impose sanctions or tariffs on {}", {"163", "172", "1312"}, {"sanction", "tariff", "boycott", "embargo"}},
      {"aid", "give aid to {}", {"07", "05"}, {"aid", "help", "assist", "support", "supply", "moderni", "guarantee"}},
  };
  return kinds;
}

const OptionKind* kind_of_code(std::string_view cameo) {
  const OptionKind* best = nullptr;
  std::size_t best_length = 0;
  for (const auto& k : option_kinds())
    for (const char* prefix : k.codes)
      if (cameo.starts_with(prefix) && std::string_view(prefix).size() > best_length) best = &k, best_length = std::string_view(prefix).size();
  return best;
}

const OptionKind* kind_named_in(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // A keyword begins a word: "ceasefire" is not "ease".
  auto begins_word = [&](const char* word) {
    for (auto at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1))
      if (at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]))) return true;
    return false;
  };
  for (const auto& k : option_kinds())
    for (const char* word : k.keywords)
      if (begins_word(word)) return &k;
  return nullptr;
}

}  // namespace statecraft
