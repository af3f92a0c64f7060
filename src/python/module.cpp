// The Python package's native part, statecraft._statecraft: scenarios loaded, validated and
// written back, and every lens's report as the JSON the command line prints, which the package's
// Python side (python/statecraft/__init__.py) turns into dictionaries and pandas DataFrames. Like
// the command line, a thin front end over the report layer: nothing here computes.
//
// Long computations run without the GIL, so other Python threads go on; Ctrl-C is checked by
// the progress callbacks of the long jobs (the Monte Carlo, the stability analysis), which take
// the GIL back for a moment to ask Python whether a signal arrived, and abandon the job if so.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <filesystem>
#include <sstream>

#include "bargaining/forecast.hpp"
#include "bargaining/uncertainty.hpp"
#include "events/coder.hpp"
#include "formats/cameo_plover.hpp"
#include "formats/deu.hpp"
#include "formats/event_dictionaries.hpp"
#include "formats/load.hpp"
#include "games/from_scenario.hpp"
#include "report/backtest_report.hpp"
#include "report/brief.hpp"
#include "report/events_report.hpp"
#include "report/forecast_report.hpp"
#include "report/games_report.hpp"
#include "report/sensitivity_report.hpp"
#include "report/stability_report.hpp"
#include "report/summary.hpp"
#include "scenario/input_file.hpp"
#include "scenario/write.hpp"
#include "store/run_store.hpp"

namespace py = pybind11;
using namespace statecraft;

namespace {

// Thrown from a progress callback when Python has a pending KeyboardInterrupt; becomes it again.
struct Interrupted {};

Progress interruptible() {
  return [](std::uint64_t, std::uint64_t) {
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) throw Interrupted{};
  };
}

// Runs `work` without the GIL; an interruption resurfaces as Python's KeyboardInterrupt.
template <class Work>
auto released(Work&& work) {
  try {
    py::gil_scoped_release release;
    return work();
  } catch (const Interrupted&) {
    throw py::error_already_set();  // the KeyboardInterrupt PyErr_CheckSignals set
  }
}

std::string dumped(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

py::list diagnostics_list(const Diagnostics& d) {
  py::list out;
  auto add = [&](const Diagnostic& e, const char* severity) {
    py::dict item;
    item["file"] = e.file, item["line"] = e.at.line, item["column"] = e.at.column, item["message"] = e.message, item["severity"] = severity;
    out.append(item);
  };
  for (const auto& e : d.all()) add(e, "error");
  for (const auto& w : d.warnings()) add(w, "warning");
  return out;
}

// (scenario or None, diagnostics): the Python side raises ScenarioError when there is none.
py::tuple loaded(LoadResult r) {
  py::list diagnostics = diagnostics_list(r.diagnostics);
  if (!r.scenario) return py::make_tuple(py::none(), diagnostics);
  return py::make_tuple(py::cast(std::move(*r.scenario)), diagnostics);
}

std::string forecast_report(const Scenario& scenario, std::vector<std::string> models, std::size_t samples, std::uint64_t seed,
                          const std::string& eu_probability) {
  if (models.empty())
    for (const auto& m : bargaining_models()) models.push_back(m.name);
  for (const auto& m : models)
    if (!find_model(m)) throw py::value_error("unknown model '" + m + "'");
  ModelParameters parameters = with_model_choices({}, scenario);
  if (eu_probability == "paper") parameters.expected_utility.probability = ExpectedUtilitySettings::SuccessProbability::Paper;
  else if (eu_probability == "program") parameters.expected_utility.probability = ExpectedUtilitySettings::SuccessProbability::Program;
  else if (!eu_probability.empty()) throw py::value_error("eu_probability must be 'program' or 'paper'");
  return released([&] {
    const auto issues = bargaining_issues(scenario);
    std::optional<ExchangeRun> exchange;
    UncertaintySettings settings;
    settings.samples = samples, settings.seed = seed, settings.models = parameters;
    if (samples > 0) refuse_costly_samples(issues, models, settings);
    parameters.threads = 0;
    const auto forecasts = forecast_issues(issues, models, parameters, &exchange);
    std::optional<ForecastUncertainty> uncertainty;
    if (samples > 0) uncertainty = ForecastUncertainty{forecast_uncertainty(issues, models, settings, interruptible()), agreement_chances(issues, settings), settings};
    return dumped(forecast_report_json(scenario, issues, forecast_table(scenario, models, forecasts), exchange, uncertainty));
  });
}

std::string analyze_json(const Scenario& scenario) {
  return released([&] {
    Summary summary = summarize(scenario);
    summary.bottom_line = make_brief(scenario, summary).bottom_line;
    return render_json(summary);
  });
}

std::string brief_text(const Scenario& scenario, const std::string& format) {
  if (format != "html" && format != "md" && format != "text" && format != "json") throw py::value_error("format must be html, md, text or json");
  return released([&] {
    const Brief b = make_brief(scenario);
    return format == "md" ? render_brief_markdown(b) : format == "text" ? render_brief_text(b) : format == "json" ? render_brief_json(b) : render_brief_html(b);
  });
}

std::string stability_json(const Scenario& scenario, const std::vector<std::string>& coalition) {
  if (!scenario.conflict) throw py::value_error("the scenario has no conflict section to analyse");
  return released([&] {
    const auto report = stability_report(*scenario.conflict, coalition, {default_max_states, default_max_steps, interruptible()});
    std::ostringstream out;
    write_stability_json(out, report, scenario.id, true);
    return out.str();
  });
}

std::string solve_json(const Scenario& scenario) {
  return released([&] {
    nlohmann::json games = nlohmann::json::array();
    for (const auto& game : scenario.games) {
      nlohmann::json j;
      if (game.form == Game::Form::Strategic) {
        const auto g = strategic_game_of(game);
        j = strategic_json(g, solve_strategic(g));
      } else if (game.form == Game::Form::Extensive) {
        j = tree_json(game, solve_tree(game));
      } else {
        continue;  // a Gambit file beside the scenario: statecraft solve reads it
      }
      j["game"] = game.id;
      games.push_back(j);
    }
    return dumped(nlohmann::json{{"statecraft", STATECRAFT_VERSION}, {"games", games}});
  });
}

std::string sensitivity_json(const Scenario& scenario, double max_work) {
  return released([&] {
    std::vector<const SensitivityLens*> lenses;
    for (const auto& lens : sensitivity_lenses())
      if (lens.has_data(scenario)) lenses.push_back(&lens);
    if (lenses.empty()) throw std::invalid_argument("the scenario has nothing for a sensitivity analysis");
    return render_sensitivity(scenario, lenses, {max_work, true, false});
  });
}

std::string backtest_report(const std::string& file, std::vector<std::string> models, std::size_t folds, std::uint64_t seed) {
  return released([&] {
    const auto text = read_input_file(file);
    if (!text.text) throw std::invalid_argument(file + ": " + text.error);
    Diagnostics d(file);
    const auto data = read_deu(*text.text, {}, d);
    if (!data) throw std::invalid_argument(d.all().empty() ? file + ": not a DEU data set" : format_diagnostic(d.all().front()));
    if (models.empty()) models = backtest_model_names();
    BacktestReport report = run_backtest(backtest_cases(*data), models, {}, {folds, seed});
    report.file = file, report.capabilities = "equal capabilities", report.proposals = data->proposals().size(), report.actors = data->actors.size();
    return backtest_json(report);
  });
}

// JSON Lines: every event of the texts, coded with the built-in dictionaries on `date` (YYYYMMDD).
std::string events_jsonl(const std::vector<std::pair<std::string, std::string>>& articles, int date) {
  return released([&] {
    const EventCoder coder(builtin_event_dictionaries());
    const EventTables tables{published_cameo_plover(), published_goldstein_scale()};
    std::ostringstream out;
    for (const auto& [id, text] : articles) write_events_jsonl(out, EventSource{id, text}, coder.code_article(text, date), tables);
    return out.str();
  });
}

// A run made from Python, recorded as --store records the command line's (src/store/).
std::int64_t store_run(const std::string& file, const std::string& command, const std::vector<std::string>& arguments, const std::string& parameters,
                       const std::vector<std::pair<std::string, std::string>>& inputs, const std::string& results, double seconds) {
  RunRecord run;
  run.started = utc_now(), run.command = command, run.arguments = arguments, run.parameters = parameters, run.version = STATECRAFT_VERSION;
  for (const auto& [name, text] : inputs) run.inputs.push_back({name, sha256_hex(text), text});
  run.output = results, run.results = results, run.seconds = seconds;
  return RunStore(file).record(run);
}

}  // namespace

PYBIND11_MODULE(_statecraft, m) {
  m.doc() = "statecraft's native part; use the statecraft package";
  m.attr("__version__") = STATECRAFT_VERSION;
  py::class_<Scenario>(m, "Scenario")
      .def_readonly("id", &Scenario::id)
      .def_readonly("title", &Scenario::title)
      .def_readonly("date", &Scenario::date)
      .def_readonly("summary", &Scenario::summary)
      .def_readonly("format", &Scenario::format)
      .def_property_readonly("actors", [](const Scenario& s) {
        std::vector<std::string> ids;
        for (const auto& a : s.actors) ids.push_back(a.id);
        return ids;
      })
      .def_property_readonly("issues", [](const Scenario& s) {
        std::vector<std::string> ids;
        for (const auto& i : s.issues) ids.push_back(i.id);
        return ids;
      })
      .def_property_readonly("has_conflict", [](const Scenario& s) { return s.conflict.has_value(); })
      .def_property_readonly("games", [](const Scenario& s) {
        std::vector<std::string> ids;
        for (const auto& g : s.games) ids.push_back(g.id);
        return ids;
      })
      .def("to_yaml", &write_scenario_yaml, "The scenario in the scenario language (YAML), as statecraft import writes it");
  m.def("load", [](const std::string& path) { return loaded(load_scenario_file(path)); }, py::arg("path"));
  m.def("loads", [](const std::string& text, const std::string& name) {
    return loaded(load_scenario_text_as(text, name, std::filesystem::path(name).extension().string()));
  }, py::arg("text"), py::arg("name"));
  m.def("forecast_json", &forecast_report, py::arg("scenario"), py::arg("models"), py::arg("samples"), py::arg("seed"), py::arg("eu_probability"));
  m.def("analyze_json", &analyze_json, py::arg("scenario"));
  m.def("brief", &brief_text, py::arg("scenario"), py::arg("format"));
  m.def("stability_json", &stability_json, py::arg("scenario"), py::arg("coalition"));
  m.def("solve_json", &solve_json, py::arg("scenario"));
  m.def("sensitivity_json", &sensitivity_json, py::arg("scenario"), py::arg("max_work"));
  m.def("backtest_json", &backtest_report, py::arg("file"), py::arg("models"), py::arg("folds"), py::arg("seed"));
  m.def("events_jsonl", &events_jsonl, py::arg("articles"), py::arg("date"));
  m.def("store_run", &store_run, py::arg("file"), py::arg("command"), py::arg("arguments"), py::arg("parameters"), py::arg("inputs"), py::arg("results"),
        py::arg("seconds"));
  py::register_exception<WorkTooLarge>(m, "WorkTooLarge", PyExc_ValueError);
  py::register_exception<StoreError>(m, "StoreError", PyExc_OSError);
}
