#pragma once
// PLOVER, the event ontology of today's global event data (the POLECAT data set): an event's
// type (AGREE, CONSULT, THREATEN, SANCTION...), its mode (how: phone, visit, ultimatum...) and
// its contexts (what about: military, economic, diplomatic...). Halterman et al., "PLOVER and
// POLECAT: A New Political Event Ontology and Dataset" (2023); the PLOVER manual, draft 0.8
// (Schrodt, 17 September 2021).
//
// The codes of CAMEO (Gerner, Schrodt, Yilmaz & Abu-Jabr 2002; CAMEO manual 1.1b3), which the
// dictionaries of TABARI and PETRARCH code in, reach PLOVER through the conversion table the
// manual publishes (data/cameo2plover.txt, read by formats/cameo_plover.hpp).

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace statecraft {

struct PloverEvent {
  std::string type;                   // "THREATEN"
  std::string mode;                   // "ultimatum"; empty when the table gives none
  std::vector<std::string> contexts;  // "military"; several where the table joins them with ';'
  std::string cameo_description;      // the CAMEO category's name, from the table's comment
  bool operator==(const PloverEvent&) const = default;
};

// CAMEO codes to PLOVER events. CAMEO codes are hierarchical (the two-digit root, then up to two
// more digits): a code the table does not list takes its nearest listed ancestor's reading, as a
// coder's fallback to the root does.
class CameoToPlover {
 public:
  // False when the code is listed already (the first entry stands).
  bool add(std::string code, PloverEvent event);
  // The code's own entry, else its nearest ancestor's (0871 → 087 → 08); null when even the root
  // is missing.
  const PloverEvent* find(std::string_view code) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, PloverEvent, std::less<>> entries_;
};

}  // namespace statecraft
