#include "report/exchange_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace statecraft {

std::string render_exchanges_text(const ExchangeRun& run, const std::vector<BargainingIssue>& issues, std::size_t rows,
                                  const std::string& indent) {
  std::string out;
  for (std::size_t t = 0; t < run.rounds.size(); ++t) {
    const auto& exchanges = run.rounds[t].exchanges;
    out += fmt::format("{}round {}: {} exchange{}\n", indent, t + 1, exchanges.size(), exchanges.size() == 1 ? "" : "s");
    if (t > 0) continue;  // the first round shows who trades with whom; later ones repeat the pattern
    for (std::size_t k = 0; k < exchanges.size() && k < rows; ++k) {
      const auto& e = exchanges[k];
      out += fmt::format("{}  {} moves on {} ({:.4g} -> {:.4g}) for {} moving on {} ({:.4g} -> {:.4g}); gain {:.3g}{}\n", indent,
                         e.first.actor, issues[e.first.supplies].id, e.first.from, e.first.to, e.second.actor,
                         issues[e.second.supplies].id, e.second.from, e.second.to, e.gain, e.capped ? " (capped at an outcome)" : "");
    }
    if (t == 0 && exchanges.size() > rows) out += fmt::format("{}  … and {} more\n", indent, exchanges.size() - rows);
  }
  return out;
}

nlohmann::json exchanges_json(const ExchangeRun& run, const std::vector<BargainingIssue>& issues) {
  auto side = [&](const ExchangeSide& s) {
    return nlohmann::json{{"actor", s.actor}, {"issue", issues[s.supplies].id}, {"from", s.from}, {"to", s.to}};
  };
  nlohmann::json rounds = nlohmann::json::array();
  for (const auto& round : run.rounds) {
    nlohmann::json exchanges = nlohmann::json::array();
    for (const auto& e : round.exchanges)
      exchanges.push_back({{"first", side(e.first)}, {"second", side(e.second)}, {"gain", e.gain}, {"capped", e.capped}});
    nlohmann::json outcome = nlohmann::json::object();
    for (std::size_t d = 0; d < issues.size(); ++d) outcome[issues[d].id] = round.outcome[d];
    rounds.push_back({{"exchanges", exchanges}, {"outcome", outcome}});
  }
  return rounds;
}

}  // namespace statecraft
