#pragma once
// The exchanges of support the exchange model carried out, for people and for scripts.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "bargaining/exchange.hpp"

namespace statecraft {

// Exchanges per round; the first `rows` of the first round, best first, in words.
std::string render_exchanges_text(const ExchangeRun& run, const std::vector<BargainingIssue>& issues, std::size_t rows,
                                  const std::string& indent);
nlohmann::json exchanges_json(const ExchangeRun& run, const std::vector<BargainingIssue>& issues);

}  // namespace statecraft
