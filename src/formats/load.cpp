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

LoadResult load_scenario_file(const std::filesystem::path& path) {
  InputFile file = read_input_file(path);
  const std::string name = input_name(path);
  if (!file.text) {
    LoadResult result{std::nullopt, Diagnostics(name)};
    result.diagnostics.error({}, file.error);
    return result;
  }
  const std::string& text = *file.text;
  // Each load_*_text checks the text first; the gmcr reader is the one that does not.
  if (path.extension() == ".gmcr") {
    LoadResult result{std::nullopt, Diagnostics(path.string())};
    if (!check_text(text, result.diagnostics)) return result;
    auto scenario = read_gmcr_file(text, path.stem().string(), result.diagnostics);
    if (scenario) check_scenario(*scenario, result.diagnostics, {});
    if (scenario && result.diagnostics.empty()) result.scenario = std::move(scenario);
    return result;
  }
  if (path.extension() == ".csv" || path.extension() == ".tsv") {
    if (looks_like_decide_csv(text)) return load_decide_text(text, path.string(), path.stem().string());
    return load_ktab_text(text, path.string(), path.stem().string());
  }
  // Standard input has no extension: it is read as YAML or JSON, its game files beside the working directory.
  return load_scenario_text(text, name, path.parent_path());
}

}  // namespace statecraft
