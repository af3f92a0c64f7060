#include "formats/deu.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "scenario/input_file.hpp"
#include "scenario/reader.hpp"
#include "scenario/text_lines.hpp"

namespace statecraft {
namespace {

struct Cell {
  std::string text;
  int column = 1;  // 1-based character column where the cell starts
};

std::vector<Cell> split_cells(std::string_view line, char separator) {
  std::vector<Cell> cells;
  int column = 1;
  while (true) {
    const auto end = line.find(separator);
    std::string_view raw = line.substr(0, end);
    // Trim spaces and the quotes some exports put around every field.
    int lead = 0;
    while (!raw.empty() && (raw.front() == ' ' || raw.front() == '"')) raw.remove_prefix(1), ++lead;
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '"')) raw.remove_suffix(1);
    cells.push_back({std::string(raw), column + lead});
    if (end == std::string_view::npos) break;
    column += static_cast<int>(end) + 1;
    line.remove_prefix(end + 1);
  }
  return cells;
}

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == ';' || c == ','; });
}

}  // namespace

std::optional<DeuData> read_deu(std::string_view text, const std::map<std::string, double>& capabilities,
                                Diagnostics& d) {
  if (!check_text(text, d)) return std::nullopt;
  const auto lines = split_lines(text);
  if (lines.empty() || is_blank(lines[0])) {
    d.error({1, 1}, "the file has no header row");
    return std::nullopt;
  }
  const char separator = lines[0].find('\t') != std::string_view::npos ? '\t' : ';';
  const auto header = split_cells(lines[0], separator);

  // Column indices: positions and saliences per actor, the reference point, the outcome, metadata.
  std::map<std::string, std::pair<int, int>> actor_columns;  // actor -> (p column, s column), -1 = absent
  std::map<std::string, int> meta;                            // codebook name -> column
  static const char* const metadata[] = {"prnrnmc", "isnrnmc", "prnr", "prname", "isnr", "type", "council", "proc", "counvte", "proccde",
                                         "issues", "intro", "finact", "id", "issue"};
  int rp = -1, out = -1;
  for (int c = 0; c < static_cast<int>(header.size()); ++c) {
    const std::string& name = header[c].text;
    if (name == "rp") rp = c;
    else if (name == "out") out = c;
    else if (std::find(std::begin(metadata), std::end(metadata), name) != std::end(metadata)) meta[name] = c;
    else if (name.size() > 1 && (name[0] == 'p' || name[0] == 's')) {
      auto& slot = actor_columns.try_emplace(name.substr(1), -1, -1).first->second;
      (name[0] == 'p' ? slot.first : slot.second) = c;
    }
  }
  auto meta_column = [&](std::initializer_list<const char*> names) {
    for (const char* n : names)
      if (auto it = meta.find(n); it != meta.end()) return it->second;
    return -1;
  };
  const int id = meta_column({"isnr", "id", "issue"}), proposal = meta_column({"prnr"}), proposal_name = meta_column({"prname"}),
            legal_type = meta_column({"type"}), council = meta_column({"council"}), procedure = meta_column({"proc"}),
            vote = meta_column({"counvte"}), intro = meta_column({"intro"}), final_act = meta_column({"finact"});
  DeuData data;
  for (const auto& [actor, columns] : actor_columns) {
    if (columns.first >= 0 && columns.second >= 0) data.actors.push_back(actor);
    else if (columns.first >= 0)
      d.warning({1, header[columns.first].column}, fmt::format("column p{} has no salience column s{}, so it is not an actor's positions; it is ignored", actor, actor));
    // A lone s-column is some other field (e.g. "subject"); it is ignored.
  }
  // Keep header order, which reports follow.
  std::sort(data.actors.begin(), data.actors.end(),
            [&](const std::string& a, const std::string& b) { return actor_columns[a].first < actor_columns[b].first; });
  if (data.actors.empty()) d.error({1, 1}, "the header names no actors: expected column pairs p<actor> and s<actor>");
  if (out < 0) d.error({1, 1}, "the header has no 'out' column (the real outcome)");
  if (!d.empty()) return std::nullopt;

  for (std::size_t row = 1; row < lines.size(); ++row) {
    if (is_blank(lines[row])) continue;
    const int line = static_cast<int>(row) + 1;
    const auto cells = split_cells(lines[row], separator);
    if (cells.size() != header.size()) {
      d.error({line, 1}, fmt::format("the row has {} columns, the header {}", cells.size(), header.size()));
      continue;
    }
    // A value on 0..100; empty and 999 mean missing.
    auto value = [&](int column, std::string_view what) -> std::optional<double> {
      const Cell& cell = cells[column];
      if (cell.text.empty() || cell.text == "999") return std::nullopt;
      const auto v = parse_number(cell.text);
      if (!v) {
        d.error({line, cell.column}, fmt::format("{} '{}' is not a number", what, cell.text));
      } else if (*v < 0 || *v > 100) {
        d.error({line, cell.column}, fmt::format("{} {} lies outside 0..100", what, cell.text));
        return std::nullopt;
      }
      return v;
    };
    DeuIssue issue;
    issue.line = line;
    auto cell = [&](int column) { return column >= 0 ? cells[column].text : std::string(); };
    issue.issue.id = !cell(id).empty() ? cell(id) : fmt::format("row{}", line);
    issue.proposal = !cell(proposal).empty() ? cell(proposal) : issue.issue.id;
    issue.proposal_name = cell(proposal_name);
    issue.legal_type = cell(legal_type);
    issue.council = cell(council);
    issue.procedure = cell(procedure) == "COD" ? LegislativeProcedure::codecision : cell(procedure) == "CNS" ? LegislativeProcedure::consultation : LegislativeProcedure::unknown;
    const std::string rule = cell(vote);
    issue.council_vote = rule.starts_with("QMV") ? CouncilVote::qualified_majority : rule.starts_with("Unan") ? CouncilVote::unanimity : CouncilVote::unknown;
    issue.introduced = cell(intro);
    issue.final_act = cell(final_act);
    issue.outcome = value(out, "outcome");
    if (rp >= 0) issue.issue.status_quo = value(rp, "reference point");
    for (const auto& actor : data.actors) {
      const auto [p, s] = actor_columns[actor];
      const auto position = value(p, "position of " + actor);
      const auto salience = value(s, "salience of " + actor);
      if (!position) continue;
      const auto capability = capabilities.find(actor);
      if (!salience)
        d.warning({line, cells[s].column},
                  fmt::format("{} has a position on issue {} but no salience; it is kept with salience 0 (its vote counts, its weight in bargaining does not)",
                              actor, issue.issue.id));
      issue.issue.actors.push_back({actor, *position, salience ? *salience / 100 : 0.0, capability == capabilities.end() ? 1.0 : capability->second});
    }
    data.issues.push_back(std::move(issue));
  }
  if (!d.empty()) return std::nullopt;
  if (data.issues.empty()) {
    d.error({static_cast<int>(lines.size()), 1}, "the file has no issue rows");
    return std::nullopt;
  }
  return data;
}

std::vector<std::pair<std::string, std::vector<std::size_t>>> DeuData::proposals() const {
  std::vector<std::pair<std::string, std::vector<std::size_t>>> out;
  std::map<std::string, std::size_t> index;
  for (std::size_t k = 0; k < issues.size(); ++k) {
    const auto [it, added] = index.try_emplace(issues[k].proposal, out.size());
    if (added) out.push_back({issues[k].proposal, {}});
    out[it->second].second.push_back(k);
  }
  return out;
}

EuLegislation DeuIssue::legislation() const {
  EuLegislation l;
  l.procedure = procedure;
  l.vote = council_vote;
  l.decided = parse_deu_date(final_act);
  if (!l.decided) l.decided = parse_deu_date(introduced);
  return l;
}

std::vector<BacktestCase> backtest_cases(const DeuData& data) {
  std::vector<BacktestCase> cases;
  for (const auto& issue : data.issues)
    if (!issue.issue.actors.empty()) cases.push_back({issue.issue, issue.outcome, issue.proposal, issue.legislation()});
  return cases;
}

std::map<std::string, double> read_capabilities(std::string_view text, Diagnostics& d) {
  std::map<std::string, double> capabilities;
  if (!check_text(text, d)) return capabilities;
  const auto lines = split_lines(text);
  for (std::size_t row = 0; row < lines.size(); ++row) {
    if (is_blank(lines[row])) continue;
    const int line = static_cast<int>(row) + 1;
    const char separator = lines[row].find('\t') != std::string_view::npos ? '\t' : lines[row].find(';') != std::string_view::npos ? ';' : ',';
    const auto cells = split_cells(lines[row], separator);
    if (cells.size() != 2) {
      d.error({line, 1}, fmt::format("expected 'actor,capability', found {} fields", cells.size()));
      continue;
    }
    const auto value = parse_number(cells[1].text);
    if (!value) {
      if (row != 0) d.error({line, cells[1].column}, fmt::format("capability '{}' is not a number", cells[1].text));
      continue;  // a header
    }
    if (!(*value > 0)) d.error({line, cells[1].column}, fmt::format("capability {} must be greater than 0", cells[1].text));
    if (capabilities.count(cells[0].text)) d.error({line, 1}, fmt::format("actor '{}' is listed twice", cells[0].text));
    capabilities[cells[0].text] = *value;
  }
  return capabilities;
}

}  // namespace statecraft
