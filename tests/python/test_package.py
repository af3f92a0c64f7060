"""The Python package against the command line: the same reports, the same brief, errors with
their place, DataFrames with their documented columns, the GIL released."""

import json
import os
import pathlib
import subprocess
import sys
import threading
import time

import pandas as pd
import pytest

import statecraft

SOURCE = pathlib.Path(os.environ.get("STATECRAFT_SOURCE", pathlib.Path(__file__).resolve().parents[2]))
BINARY = pathlib.Path(os.environ["PYTHONPATH"].split(os.pathsep)[0]).parent / "statecraft"
ALASKA = SOURCE / "scenarios" / "alaska-2025.yaml"


def cli(*arguments):
    return subprocess.run([str(BINARY), *map(str, arguments)], capture_output=True, text=True, check=True).stdout


def test_a_scenario_loads_and_writes_back():
    s = statecraft.load(ALASKA)
    assert s.id == "alaska-2025"
    assert "RUS" in s.actors and s.has_conflict
    again = statecraft.loads(s.to_yaml(), "again.yaml")
    assert again.to_yaml() == s.to_yaml()
    assert s.to_yaml() == cli("import", ALASKA).split("\n", 1)[1]  # import's first line is its comment


def test_errors_carry_file_line_and_column():
    with pytest.raises(statecraft.ScenarioError) as caught:
        statecraft.loads("statecraft: 1\nid: q\ntitle: q\nactors: [{id: AA, name: a, capability: -1}]\n", "bad.yaml")
    e = caught.value
    assert (e.file, e.line) == ("bad.yaml", 4)
    assert e.column > 1 and "capability" in e.message
    assert str(e).startswith("bad.yaml:4:")
    with pytest.raises(statecraft.ScenarioError):
        statecraft.load(SOURCE / "no-such-file.yaml")


def test_a_scenario_built_in_code_is_validated_as_a_file():
    s = statecraft.from_dict({"statecraft": 1, "id": "built", "title": "Built in code",
                              "actors": [{"id": "AA", "name": "A", "capability": 1}, {"id": "BB", "name": "B", "capability": 3}],
                              "issues": [{"id": "i", "name": "an issue", "scale": [0, 100],
                                          "stances": {"AA": {"position": 0, "salience": 1}, "BB": {"position": 100, "salience": 1}}}]})
    f = s.forecast(["compromise"]).to_dataframe()
    assert f.loc[0, "forecast"] == pytest.approx(75)  # (1·0 + 3·100) / 4
    with pytest.raises(statecraft.ScenarioError):
        statecraft.from_dict({"statecraft": 1, "id": "x"})


def test_every_lens_gives_the_command_lines_report():
    s = statecraft.load(ALASKA)
    assert s.forecast().data == json.loads(cli("forecast", ALASKA, "--format", "json"))
    assert s.forecast(samples=300, seed=4).data == json.loads(cli("forecast", ALASKA, "--samples", 300, "--seed", 4, "--format", "json"))
    assert s.analyze().data == json.loads(cli("analyze", ALASKA, "--format", "json"))
    assert s.stability().data == json.loads(cli("stability", ALASKA, "--format", "json", "--table"))
    assert s.solve().data == json.loads(cli("solve", ALASKA, "--format", "json"))
    assert s.brief("html") == cli("brief", ALASKA)
    assert s.brief("md") == cli("brief", ALASKA, "--format", "md")
    deu = SOURCE / "tests" / "data" / "deu3" / "deu3-train.tsv"
    b = statecraft.backtest(deu, ["compromise", "median"])
    assert b.data == json.loads(subprocess.run([str(BINARY), "backtest", str(deu), "--model", "compromise,median", "--format", "json"],
                                               capture_output=True, text=True).stdout)


def test_dataframes_have_their_documented_columns():
    s = statecraft.load(ALASKA)
    f = s.forecast(samples=200).to_dataframe()
    assert list(f.columns) == ["issue", "model", "forecast", "nearest_label", "mean", "p05", "p50", "p95"]
    assert set(f["model"]) == {"compromise", "median", "nash", "deciders", "expected-utility", "exchange", "smp"}
    assert list(s.stability().to_dataframe().columns) == ["state", "meaning", "equilibrium", "reachable", "movers", "description"]
    b = statecraft.backtest(SOURCE / "tests" / "data" / "deu3" / "deu3-train.tsv", ["compromise"]).to_dataframe()
    assert list(b.columns) == ["model", "fitted", "issues", "mae", "rmse", "coverage50", "coverage90", "interval_score90", "crps"]
    assert b.loc[0, "mae"] == pytest.approx(23.4262, abs=1e-4)
    events = statecraft.code_events(["Putin held a telephone call with Kim Jong Un."], "2025-08-13").to_dataframe()
    assert len(events) == 1
    assert events.loc[0, ["source_actor", "target_actor", "cameo", "plover_type"]].tolist() == ["RUSGOV", "PRKGOV", "041", "CONSULT"]
    assert events.loc[0, "article"] == "article1"


def test_notebook_display_uses_the_briefs_renderer():
    s = statecraft.load(ALASKA)
    shown = s._repr_html_()
    assert shown.startswith("<iframe") and "srcdoc=" in shown
    assert "<table" in s.forecast()._repr_html_()


def test_long_work_releases_the_gil():
    s = statecraft.load(ALASKA)
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.monotonic())
            time.sleep(0.005)

    t = threading.Thread(target=ticker)
    t.start()
    started = time.monotonic()
    s.forecast(samples=3000)
    elapsed = time.monotonic() - started
    stop.set()
    t.join()
    during = [x for x in ticks if started < x < started + elapsed]
    assert elapsed > 0.05 and len(during) >= 3  # the other thread ran while statecraft computed


def test_the_example_script_writes_the_brief(tmp_path):
    out = tmp_path / "brief.html"
    r = subprocess.run([sys.executable, str(SOURCE / "docs" / "examples" / "brief_from_python.py"), str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8") == cli("brief", ALASKA)
    assert "new_sanctions" in r.stdout


def test_runs_made_from_python_are_stored(tmp_path):
    store = tmp_path / "runs.db"
    s = statecraft.load(ALASKA)
    f = s.forecast(["compromise"], store=store)
    s.analyze(store=store)
    listed = json.loads(cli("runs", "list", store, "--format", "json"))
    assert [r["command"] for r in listed] == ["forecast", "analyze"]
    run = json.loads(cli("runs", "export", store, 1))
    assert run["results"] == f.data
    assert run["inputs"][0]["text"] == s.to_yaml()
    assert 'models=["compromise"]' in run["parameters"]
    (tmp_path / "not.db").write_text("a note")
    with pytest.raises(statecraft.StoreError):
        s.forecast(store=tmp_path / "not.db")


def test_pip_installs_the_package(tmp_path):
    build = pathlib.Path(os.environ["PYTHONPATH"].split(os.pathsep)[0]).parent
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    env = dict(os.environ, STATECRAFT_BUILD_DIR=str(build))
    env.pop("PYTHONPATH")
    r = subprocess.run([str(venv / "bin" / "pip"), "install", "--no-index", "--no-build-isolation", "--quiet", str(SOURCE)], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([str(venv / "bin" / "python"), "-c", f"import statecraft; print(statecraft.__file__); print(statecraft.load({str(ALASKA)!r}).id)"],
                       env=env, capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert str(venv) in r.stdout and "alaska-2025" in r.stdout


def test_ctrl_c_interrupts_a_long_computation():
    code = ("import statecraft, time\n"
            f"s = statecraft.load({str(ALASKA)!r})\n"
            "print('ready', flush=True)\n"
            "started = time.monotonic()\n"
            "try:\n"
            "    s.forecast(samples=60_000)\n"
            "    print('finished')\n"
            "except KeyboardInterrupt:\n"
            "    print('interrupted after', round(time.monotonic() - started, 1))\n")
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=os.environ)
    assert p.stdout.readline().strip() == "ready"
    time.sleep(1.0)
    p.send_signal(2)  # SIGINT, as Ctrl-C sends
    out, _ = p.communicate(timeout=60)
    assert out.startswith("interrupted after"), out
