#include "scenario/ids.hpp"

#include <cctype>
#include <fmt/format.h>
#include <set>

namespace statecraft {

std::vector<std::string> actor_ids_from_names(const std::vector<std::string>& names) {
  std::vector<std::string> ids;
  std::set<std::string> seen;
  bool usable = true;
  for (const auto& name : names) {
    std::string id;
    for (char c : name) id += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : '_';
    id = id.substr(0, 8);
    usable = usable && id.size() >= 2 && std::isalpha(static_cast<unsigned char>(id[0])) && seen.insert(id).second;
    ids.push_back(id);
  }
  if (usable) return ids;
  ids.clear();
  for (std::size_t i = 0; i < names.size(); ++i) ids.push_back(fmt::format("A{:03}", i + 1));
  return ids;
}

std::string issue_id_from_name(const std::string& name, std::size_t index) {
  std::string id;
  for (char c : name) id += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '_';
  if (id.empty() || !std::isalnum(static_cast<unsigned char>(id[0]))) id = "dim" + std::to_string(index + 1) + id;
  return id;
}

Number number_of(double value) {
  Number n;
  n.value = value;
  n.text = fmt::format("{}", value);
  return n;
}

}  // namespace statecraft
