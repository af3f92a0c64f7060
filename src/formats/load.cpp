#include "formats/load.hpp"

#include "scenario/document.hpp"
#include "formats/decide_csv.hpp"
#include "formats/gmcr_file.hpp"
#include "scenario/input_file.hpp"
#include "formats/ktab_csv.hpp"
#include "scenario/reader.hpp"
#include "scenario/validate.hpp"

namespace statecraft {

LoadResult load_scenario_text(std::string_view text, std::string file_name,
                              const std::filesystem::path& base_directory) {
  LoadResult result{std::nullopt, Diagnostics(std::move(file_name))};
  // Also keeps NUL bytes from yaml-cpp, which stops reading at one.
  if (!check_text(text, result.diagnostics)) return result;
  const auto document = parse_document(text, result.diagnostics);
  if (!document) return result;
  Scenario scenario = read_scenario(*document, result.diagnostics);
  check_scenario(scenario, result.diagnostics, base_directory);
  result.diagnostics.sort_by_location();
  if (result.diagnostics.empty()) result.scenario = std::move(scenario);
  return result;
}

LoadResult load_ktab_text(std::string_view text, std::string file_name, const std::string& id) {
  LoadResult result{std::nullopt, Diagnostics(std::move(file_name))};
  if (!check_text(text, result.diagnostics)) return result;
  const auto ktab = read_ktab_csv(text, result.diagnostics);
  if (!ktab) return result;
  Scenario scenario = ktab_to_scenario(*ktab, id);
  check_scenario(scenario, result.diagnostics, {});
  if (result.diagnostics.empty()) result.scenario = std::move(scenario);
  return result;
}

LoadResult load_decide_text(std::string_view text, std::string file_name, const std::string& id) {
  LoadResult result{std::nullopt, Diagnostics(std::move(file_name))};
  if (!check_text(text, result.diagnostics)) return result;
  auto scenario = read_decide_csv(text, id, result.diagnostics);
  if (!scenario) return result;
  check_scenario(*scenario, result.diagnostics, {});
  if (result.diagnostics.empty()) result.scenario = std::move(scenario);
  return result;
}

std::string input_format(std::string_view text) {
  const auto start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return "";
  const std::string_view rest = text.substr(start);
  if (rest.substr(0, 3) == "NFG") return ".nfg";
  if (rest.substr(0, 3) == "EFG") return ".efg";
  if (rest.front() == '{') return rest.find("\"decisionMakers\"") != std::string_view::npos ? ".gmcr" : "";
  // A Decide row tag ('#A', quoted or not, then a separator); a YAML comment is '#' and words.
  const auto tag = rest.find_first_not_of("'\"");
  if (looks_like_decide_csv(rest) && tag + 2 < rest.size() && std::string_view("APMD/O").find(rest[tag + 1]) != std::string_view::npos &&
      std::string_view("'\"\t,;").find(rest[tag + 2]) != std::string_view::npos)
    return ".csv";
  const auto second = rest.find('\n');
  if (second != std::string_view::npos && rest.substr(second + 1, 6) == "Actor,") return ".csv";
  return "";
}

LoadResult load_scenario_text_as(std::string_view text, const std::filesystem::path& path, const std::string& extension) {
  const std::string name = input_name(path);
  const std::string stem = is_standard_input(path) ? "stdin" : path.stem().string();
  // Each load_*_text checks the text first; the gmcr reader is the one that does not.
  if (extension == ".gmcr") {
    LoadResult result{std::nullopt, Diagnostics(name)};
    if (!check_text(text, result.diagnostics)) return result;
    auto scenario = read_gmcr_file(text, stem, result.diagnostics);
    if (scenario) check_scenario(*scenario, result.diagnostics, {});
    if (scenario && result.diagnostics.empty()) result.scenario = std::move(scenario);
    return result;
  }
  if (extension == ".csv" || extension == ".tsv") {
    if (looks_like_decide_csv(text)) return load_decide_text(text, name, stem);
    return load_ktab_text(text, name, stem);
  }
  if (extension == ".nfg" || extension == ".efg") {
    LoadResult result{std::nullopt, Diagnostics(name)};
    result.diagnostics.error({}, "a Gambit game file, not a scenario: `statecraft solve` reads it");
    return result;
  }
  // A scenario's game files are looked up beside it (standard input: the working directory).
  return load_scenario_text(text, name, path.parent_path());
}

LoadResult load_scenario_file(const std::filesystem::path& path) {
  InputFile file = read_input_file(path);
  if (!file.text) {
    LoadResult result{std::nullopt, Diagnostics(input_name(path))};
    result.diagnostics.error({}, file.error);
    return result;
  }
  return load_scenario_text_as(*file.text, path, is_standard_input(path) ? input_format(*file.text) : path.extension().string());
}

}  // namespace statecraft
