"""Recap figures on the large demo campaign (150 sessions, 3,000 proposals, 40,000 notes).

    .venv/bin/python benchmarks/recap_bench.py [--runs 20]

Prints:
- recap build: median ms of `build_snapshot` + `render_recap(format="md")` for session 150,
  in process (target <= 100 ms), with the store's share (`Store.proposals()`) beside it;
- whole process: median wall time of a fresh Python rendering session 150 as Markdown, over
  the median of `python -c "import click, sqlite_utils, pydantic, jinja2"` (target <= 1.5x).
  Until `bargain recap` exists, the process imports the store, the recap and the exports
  itself, as the CLI will.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BASELINE = "import click, sqlite_utils, pydantic, jinja2"
RECAP_PROCESS = (
    "import sys; from pathlib import Path; from models.store import Store; "
    "from models.recap import build_snapshot; from exports import render_recap; "
    "store = Store(Path(sys.argv[1])); "
    "sys.stdout.write(render_recap(build_snapshot(store, 150, 'members'), format='md'))"
)


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def process_ms(args: list[str], runs: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", type=Path, help="reuse a large demo database already built")
    options = parser.parse_args()

    from exports import render_recap
    from models.demo import large_demo_events
    from models.recap import build_snapshot
    from models.store import Store

    with tempfile.TemporaryDirectory() as folder:
        path = options.db or Path(folder) / "large.db"
        if options.db is None or not path.exists():
            started = time.perf_counter()
            with Store(path, create=True) as store:
                store.import_journal(json.dumps(event) for event in large_demo_events())
            print(f"large campaign imported in {time.perf_counter() - started:.1f} s")
        store = Store(path)
        build_snapshot(store, 150, "members")  # warm up: pydantic schemas, templates

        def recap() -> str:
            return render_recap(build_snapshot(store, 150, "members"), format="md")

        recap()
        build = median_ms(recap, options.runs)
        snapshot_only = median_ms(lambda: build_snapshot(store, 150, "members"), options.runs)
        proposals = median_ms(store.proposals, options.runs)
        print(
            f"recap build (session 150, md): {build:.1f} ms median of {options.runs} "
            f"(target <= 100 ms); snapshot {snapshot_only:.1f} ms, of which "
            f"Store.proposals() {proposals:.1f} ms"
        )
        store.close()

        runs = max(options.runs // 2, 5)
        python = sys.executable
        baseline = process_ms([python, "-c", BASELINE], runs)
        whole = process_ms([python, "-c", RECAP_PROCESS, str(path)], runs)
        print(
            f"whole process: {whole:.0f} ms vs baseline {baseline:.0f} ms "
            f"({BASELINE!r}): ratio {whole / baseline:.2f}x (target <= 1.5x)"
        )


if __name__ == "__main__":
    main()
