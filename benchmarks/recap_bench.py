"""Recap figures on the large demo campaign (150 sessions, 3,000 proposals, 40,000 notes).

    .venv/bin/python benchmarks/recap_bench.py [--runs 20] [--db /tmp/large-recap.db]

Compiles the project's sources first (PYTHONDONTWRITEBYTECODE may be set; an installed copy
has its .pyc files, as the dependencies do), then prints:
- recap build (session 150, md): median ms of `build_snapshot` + `render_recap(format="md")`
  in a warm process, each run on a newly opened Store so that nothing the store keeps between
  calls helps (target <= 100 ms), with the snapshot's and the rendering's shares;
- whole process: median wall time of the real CLI, `bargain --db X recap --session 150
  --format md`, against `python -c "import click, sqlite_utils, pydantic, jinja2"`, the two run
  in turns in this same run (target <= 1.5x). Both run with an empty user config folder (no
  template overrides) and a private cache folder of their own: the CLI's first run, which
  compiles the templates into the cache, is shown apart; the median is of the runs after it.
  `--format eml` (the default also measures it; `--format md` leaves it out) times
  `bargain recap --format eml` in the same turns, against the same floor (target <= 3x): the
  e-mail with the money chart: once with the chart's picture kept from the run before (the
  same numbers, as when the e-mail follows the preview) and once with the chart cache emptied
  before each run, so that matplotlib's import and one drawing are in it (its font cache is
  built on the first run, shown apart).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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

BIN = Path(sys.executable).parent
BASELINE = "import click, sqlite_utils, pydantic, jinja2"
SESSION = 150


def compile_sources() -> None:
    """Byte-compile the project as an installed copy would be, so whole-process times compare
    like with like against compiled dependencies."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "models", "exports", "tui"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run_ms(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", type=Path, help="a large demo database (built there if missing)")
    parser.add_argument(
        "--format",
        choices=("md", "eml"),
        action="append",
        help="whole-process formats to time (default: md and eml)",
    )
    options = parser.parse_args()
    compile_sources()

    from exports import render_recap
    from models.demo import large_demo_events
    from models.recap import build_snapshot
    from models.store import Store

    with tempfile.TemporaryDirectory() as folder:
        path = options.db or Path(folder) / "large.db"
        if not path.exists():
            started = time.perf_counter()
            with Store(path, create=True) as store:
                store.import_journal(json.dumps(event) for event in large_demo_events())
            print(f"large campaign imported in {time.perf_counter() - started:.1f} s")

        # ------------------------------------------------------------- in process, warm
        env = dict(os.environ)
        env["XDG_CONFIG_HOME"] = str(Path(folder) / "config")
        env["XDG_CACHE_HOME"] = str(Path(folder) / "cache")
        os.environ.update({key: env[key] for key in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME")})

        def recap() -> str:
            with Store(path) as store:
                return render_recap(build_snapshot(store, SESSION, "members"), format="md")

        recap()  # warm up: imports, the template compiled once
        build = median_ms(recap, options.runs)
        with Store(path) as store:
            snapshot = build_snapshot(store, SESSION, "members")
            snapshot_ms = median_ms(lambda: build_snapshot(store, SESSION, "members"), options.runs)
        render_ms = median_ms(lambda: render_recap(snapshot, format="md"), options.runs)
        print(
            f"recap build (session {SESSION}, md): {build:.1f} ms median of {options.runs}, "
            f"each on a newly opened store (target <= 100 ms); snapshot {snapshot_ms:.1f} ms, "
            f"Markdown {render_ms:.1f} ms"
        )

        # ------------------------------------------------------------- whole process
        formats = options.format or ["md", "eml"]
        baseline_argv = [sys.executable, "-c", BASELINE]

        def recap_argv(fmt: str) -> list[str]:
            return [
                str(BIN / "bargain"),
                *("--db", str(path), "recap", "--session", str(SESSION), "--format", fmt),
            ]

        if "eml" in formats:
            with Store(path) as store:
                terms = len(build_snapshot(store, SESSION, "members").money.terms)
            print(f"session {SESSION} has {terms} terms on the record: the eml draws their chart")
        charts = Path(env["XDG_CACHE_HOME"]) / "open-bargaining" / "render" / "charts"

        def forget_charts() -> None:
            shutil.rmtree(charts, ignore_errors=True)

        # Each measured command: its label, its format, and what is done before each run. The
        # e-mail is timed twice: with its chart kept from the run before (the preview, then the
        # e-mail, then a re-send: the same numbers) and with the chart cache emptied first
        # (numbers that changed since the last recap: matplotlib is imported and draws).
        measures = [(fmt, fmt, lambda: None) for fmt in formats]
        if "eml" in formats:
            measures.append(("eml, chart drawn", "eml", forget_charts))
        first = {}
        for label, fmt, before in measures:  # the first runs fill the caches
            before()
            first[label] = run_ms(recap_argv(fmt), env)
        run_ms(baseline_argv, env)
        runs = max(options.runs, 10)
        baseline_times: list[float] = []
        recap_times: dict[str, list[float]] = {label: [] for label, _, _ in measures}
        for _ in range(runs):  # in turns, so that a busy moment weighs on all alike
            baseline_times.append(run_ms(baseline_argv, env))
            for label, fmt, before in measures:
                before()
                recap_times[label].append(run_ms(recap_argv(fmt), env))
        baseline = statistics.median(baseline_times)
        targets = {"md": 1.5, "eml": 3.0}
        for label, fmt, _ in measures:
            whole = statistics.median(recap_times[label])
            print(
                f"whole process ({label}): `bargain recap --session {SESSION} --format {fmt}`"
                f" {whole:.0f} ms (first run, filling the caches: {first[label]:.0f} ms) vs"
                f" baseline {baseline:.0f} ms ({BASELINE!r}), medians of {runs}: ratio"
                f" {whole / baseline:.2f}x (target <= {targets[fmt]}x)"
            )


if __name__ == "__main__":
    main()
