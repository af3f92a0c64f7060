"""The sweep's scaling benchmark (issue 14): a 20-actor, 6-issue scenario, every model, N Monte
Carlo samples on 1 and 2 MPI ranks of one thread each; samples per second, efficiency, and the
bytes each rank sends, so that larger runs can be estimated (docs/sweep.md).

    python3 bench/sweep_scaling.py BUILD_DIR [SAMPLES [RANKS...]]    (default 20000 samples on 1 and 2 ranks)
"""

import json
import os
import pathlib
import random
import subprocess
import sys
import tempfile
import time

build = pathlib.Path(sys.argv[1]).resolve()
samples = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
rank_counts = [int(r) for r in sys.argv[3:]] or [1, 2]
rng = random.Random(20261203)  # the scenario is the same on every run
actors = [f"A{k:02d}" for k in range(20)]
scenario = {
    "statecraft": 1, "id": "bench-20x6", "title": "Benchmark: 20 actors, 6 issues",
    "actors": [{"id": a, "name": a, "capability": round(rng.uniform(1, 10), 2)} for a in actors],
    "issues": [{"id": f"issue{i}", "name": f"issue {i}", "scale": [0, 100], "status_quo": rng.randint(0, 100),
                "stances": {a: {"position": rng.randint(0, 100), "salience": round(rng.uniform(0.1, 1), 2)} for a in actors}} for i in range(6)],
}
folder = pathlib.Path(tempfile.mkdtemp())
(folder / "bench.json").write_text(json.dumps(scenario))
(folder / "spec.yaml").write_text(f"sweep: 1\nscenarios: [bench.json]\nsamples: {samples}\nseed: 1\n")
env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
rates = {}
for ranks in rank_counts:
    started = time.perf_counter()
    r = subprocess.run(["mpirun", "-np", str(ranks), "--oversubscribe", str(build / "statecraft"), "sweep", "--threads", "1", "--stats",
                        "--max-work", "1e300", str(folder / "spec.yaml"), "-o", str(folder / f"out{ranks}.jsonl")],
                       env=env, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    rates[ranks] = samples / seconds
    print(f"{ranks} rank(s): {seconds:.2f} s wall, {rates[ranks]:.0f} samples/s")
    print("  " + r.stderr.strip().replace("\n", "\n  "))
if 1 in rates and 2 in rates:
    same = (folder / "out1.jsonl").read_bytes() == (folder / "out2.jsonl").read_bytes()
    print(f"efficiency 1 -> 2 ranks: {rates[2] / (2 * rates[1]):.1%}; outputs identical: {same}")
print(f"bytes per sample sent to rank 0: {6 * 7 * 8} (6 issues x 7 models x 8 bytes)")
