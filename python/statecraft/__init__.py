"""statecraft from Python: scenarios, every lens, results as dictionaries and pandas DataFrames.

    import statecraft
    s = statecraft.load("scenarios/alaska-2025.yaml")
    f = s.forecast()              # a Result: .data (the JSON report as a dict), .to_dataframe()
    f.to_dataframe()              # one row per issue and model
    s.brief()                     # the brief as HTML (in a notebook, s itself shows it)

The reports are the ones `statecraft COMMAND --format json` prints (docs/schema/); the
DataFrames' columns are documented in docs/python.md.
"""

from __future__ import annotations

import html
import json
from typing import Iterable, Optional, Sequence

from . import _statecraft
from ._statecraft import Scenario, StoreError, WorkTooLarge

__version__ = _statecraft.__version__
__all__ = ["Scenario", "ScenarioError", "Result", "StoreError", "WorkTooLarge", "load", "loads", "from_dict", "backtest", "code_events"]


class ScenarioError(ValueError):
    """A scenario that does not load: every problem with its file, line and column.

    `diagnostics` lists them all (dicts: file, line, column, message, severity); `file`, `line`,
    `column` and `message` are the first error's.
    """

    def __init__(self, diagnostics: list):
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d["severity"] == "error"] or diagnostics
        first = errors[0] if errors else {"file": "", "line": 0, "column": 0, "message": "the scenario did not load"}
        self.file, self.line, self.column, self.message = first["file"], first["line"], first["column"], first["message"]
        super().__init__("\n".join(f"{d['file']}:{d['line']}:{d['column']}: {d['severity']}: {d['message']}" for d in errors))


def _checked(result) -> Scenario:
    scenario, diagnostics = result
    if scenario is None:
        raise ScenarioError(diagnostics)
    return scenario


def load(path: str) -> Scenario:
    """Reads and validates a scenario file (YAML, JSON, or another tool's file statecraft imports)."""
    return _checked(_statecraft.load(str(path)))


def loads(text: str, name: str = "scenario.yaml") -> Scenario:
    """A scenario from its text; `name` labels the diagnostics and its extension tells the format."""
    return _checked(_statecraft.loads(text, name))


def from_dict(data: dict, name: str = "scenario.json") -> Scenario:
    """A scenario built in code: a dict in the scenario format (docs/scenario-format.md), validated as a file is."""
    return loads(json.dumps(data), name)


class Result:
    """A lens's report: `data` is the JSON report as Python objects; `to_dataframe()` its main table."""

    def __init__(self, kind: str, data, table):
        self.kind, self.data, self._table = kind, data, table

    def to_dataframe(self):
        import pandas as pd

        return pd.DataFrame(self._table(self.data))

    def __getitem__(self, key):
        return self.data[key]

    def __repr__(self) -> str:
        return f"<statecraft {self.kind} result: {', '.join(self.data) if isinstance(self.data, dict) else len(self.data)}>"

    def _repr_html_(self) -> str:
        return f"<p><b>statecraft {html.escape(self.kind)}</b></p>" + self.to_dataframe().to_html(index=False)


def _forecast_rows(report: dict) -> list:
    """Columns: issue, model, forecast, nearest_label; with samples also mean, p05, p50, p95."""
    uncertainty = {(d["issue"], d["model"]): d for d in (report.get("uncertainty") or {}).get("distributions", [])}
    rows = []
    for issue in report["issues"]:
        for model, value in issue["forecasts"].items():
            row = {"issue": issue["issue"], "model": model, "forecast": value, "nearest_label": (issue.get("nearest_label") or {}).get(model)}
            u = uncertainty.get((issue["issue"], model))
            if u:
                row.update({k: u[k] for k in ("mean", "p05", "p50", "p95")})
            rows.append(row)
    return rows


def _recorded(store: Optional[str], command: str, scenario: Optional[Scenario], inputs: list, parameters: dict, report: str, seconds: float):
    """Records a run in a store as `--store` does; the scenario's text is its YAML as written back."""
    if store is None:
        return
    files = ([(f"{scenario.id}.yaml", scenario.to_yaml())] if scenario is not None else []) + inputs
    lines = "\n".join(f"{k}={json.dumps(v)}" for k, v in sorted(parameters.items()))
    _statecraft.store_run(str(store), command, ["python", command], lines, files, report, seconds)


def _timed(work):
    import time

    started = time.perf_counter()
    report = work()
    return report, time.perf_counter() - started


def _list(key):
    return lambda report: report.get(key, [])


def _forecast(self: Scenario, models: Sequence[str] = (), samples: int = 0, seed: int = 1, eu_probability: str = "", store: Optional[str] = None) -> Result:
    """Where each issue ends, by model; with `samples`, the Monte Carlo as well (as `forecast --samples`).
    With `store`, the run is recorded in that store of runs (as `--store`)."""
    report, seconds = _timed(lambda: _statecraft.forecast_json(self, list(models), samples, seed, eu_probability))
    _recorded(store, "forecast", self, [], {"models": list(models), "samples": samples, "seed": seed, "eu_probability": eu_probability}, report, seconds)
    return Result("forecast", json.loads(report), _forecast_rows)


def _analyze(self: Scenario, store: Optional[str] = None) -> Result:
    """Every lens the scenario has data for (as `statecraft analyze --format json`); the DataFrame is the forecasts'."""
    report, seconds = _timed(lambda: _statecraft.analyze_json(self))
    _recorded(store, "analyze", self, [], {}, report, seconds)
    return Result("analyze", json.loads(report), _forecast_rows)


def _brief(self: Scenario, format: str = "html") -> str:
    """The brief for a reader who is not a modeller: html (a whole page), md, text or json."""
    return _statecraft.brief(self, format)


def _stability(self: Scenario, coalition: Sequence[str] = (), store: Optional[str] = None) -> Result:
    """Graph Model stability of the conflict section; the DataFrame has one row per highlighted
    equilibrium (reachable from the status quo first, then the robust ones), as the report ranks them."""

    def rows(report):
        return [{"state": h["state"], "meaning": h["meaning"], "equilibrium": ", ".join(h["equilibrium"]), "reachable": h["reachable"],
                 "movers": ", ".join(h["movers"]), "description": h["description"]} for h in report["stability"]["highlights"]]

    report, seconds = _timed(lambda: _statecraft.stability_json(self, list(coalition)))
    _recorded(store, "stability", self, [], {"coalition": list(coalition)}, report, seconds)
    return Result("stability", json.loads(report), rows)


def _solve(self: Scenario, store: Optional[str] = None) -> Result:
    """Equilibria of the scenario's games; the DataFrame has one row per game."""
    report, seconds = _timed(lambda: _statecraft.solve_json(self))
    _recorded(store, "solve", self, [], {}, report, seconds)
    return Result("solve", json.loads(report), _list("games"))


def _sensitivity(self: Scenario, max_work: float = 6e10, store: Optional[str] = None) -> Result:
    """What the answers hang on; the DataFrame has one row per most decisive hinge."""
    report, seconds = _timed(lambda: _statecraft.sensitivity_json(self, max_work))
    _recorded(store, "sensitivity", self, [], {"max_work": max_work}, report, seconds)
    return Result("sensitivity", json.loads(report), _list("most_decisive"))


def _repr_html(self: Scenario) -> str:
    """In a notebook a scenario shows as its brief, in a frame of its own (the brief is a whole page)."""
    return f'<iframe style="width:100%;height:40em;border:0" srcdoc="{html.escape(_statecraft.brief(self, "html"))}"></iframe>'


Scenario.forecast = _forecast
Scenario.analyze = _analyze
Scenario.brief = _brief
Scenario.stability = _stability
Scenario.solve = _solve
Scenario.sensitivity = _sensitivity
Scenario._repr_html_ = _repr_html
Scenario.__repr__ = lambda self: f"<statecraft Scenario {self.id}: {self.title}>"


def backtest(path: str, models: Sequence[str] = (), folds: int = 10, seed: int = 1, store: Optional[str] = None) -> Result:
    """Scores the models on a DEU data set (as `statecraft backtest --format json`); one DataFrame row per model."""
    text, seconds = _timed(lambda: _statecraft.backtest_json(str(path), list(models), folds, seed))
    with open(path, encoding="utf-8") as f:
        _recorded(store, "backtest", None, [(str(path), f.read())] if store else [], {"models": list(models), "folds": folds, "seed": seed}, text, seconds)
    report = json.loads(text)

    def rows(r):
        out = []
        for s in r["scores"]:
            cv = s.get("cross_validated", {})
            out.append({"model": s["model"], "fitted": s["fitted"], "issues": s["issues"], "mae": s["mean_absolute_error"],
                        "rmse": s["root_mean_squared_error"], "coverage50": cv.get("coverage50"), "coverage90": cv.get("coverage90"),
                        "interval_score90": cv.get("interval_score90"), "crps": cv.get("crps")})
        return out

    return Result("backtest", report, rows)


def code_events(articles: Iterable, date: str = "") -> Result:
    """News coded into events with the built-in dictionaries: `articles` are texts or (id, text)
    pairs; `date` (YYYY-MM-DD) decides who holds an office. One DataFrame row per event."""
    pairs = [(f"article{k + 1}", a) if isinstance(a, str) else (str(a[0]), a[1]) for k, a in enumerate(articles)]
    day = int(date.replace("-", "")) if date else 0
    events = [json.loads(line) for line in _statecraft.events_jsonl(pairs, day).splitlines() if line.strip()]
    return Result("events", events, lambda e: e)
