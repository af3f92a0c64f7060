"""A seed's brief from Python, as a notebook would make it: load the Alaska 2025 scenario, look
at the forecasts as a DataFrame, write the brief the command line writes.

    PYTHONPATH=build/python python3 docs/examples/brief_from_python.py [OUT.html]
"""

import pathlib
import sys

import statecraft

root = pathlib.Path(__file__).resolve().parents[2]
scenario = statecraft.load(root / "scenarios" / "alaska-2025.yaml")
print(scenario)

forecasts = scenario.forecast().to_dataframe()
print(forecasts.pivot(index="issue", columns="model", values="forecast").round(1).to_string())

out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "alaska-2025-brief.html")
out.write_text(scenario.brief("html"), encoding="utf-8")
print(f"brief written to {out}")
