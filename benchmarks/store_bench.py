"""Figures for the foundation (issue 2), each as a ratio against a baseline run here.

    .venv/bin/python benchmarks/store_bench.py

On the large demo campaign (60 articles, 150 sessions, 3,000 proposals, 40,000 notes), in a
file database on this disk:
- building the campaign (target < 30 s);
- one note validated and committed durably with its journal event (median <= 2 ms,
  p99 <= 8 ms, median <= 3x a bare one-row sqlite3 commit with synchronous=FULL);
- the board computed (<= 30 ms);
- journal import (>= 5,000 events/s);
- `bargain board --format csv`, whole process, against
  `python -c "import click, sqlite_utils, pydantic"` (<= 1.5x).
"""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from models import actions
from models.demo import large_demo_events
from models.store import Store

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bare_commit_ms(folder: Path, count: int = 300) -> list[float]:
    """One-row inserts, each its own durable commit: the floor of any durable write."""
    conn = sqlite3.connect(folder / "bare.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
    times = []
    for index in range(count):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (text) VALUES (?)", (f"note {index}",))
        conn.execute("COMMIT")
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return times


def whole_process_s(argv: list[str], runs: int = 12) -> float:
    """Median wall time of a command, after one warm-up run."""
    subprocess.run(argv, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def compile_sources() -> None:
    """Byte-compile the project as an installed copy would be (PYTHONDONTWRITEBYTECODE may be
    set), so whole-process times compare like with like against compiled dependencies."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "models", "exports", "tui"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def main() -> None:
    compile_sources()
    folder = Path(tempfile.mkdtemp(prefix="bargain-bench-"))
    path = folder / "large.db"

    start = time.perf_counter()
    with Store(path, create=True, seat="bench") as store:
        count = store.record_numbered(enumerate(large_demo_events(), start=1))
    build_s = time.perf_counter() - start
    print(f"large campaign built: {count:,} events in {build_s:.1f} s (target < 30 s)")

    bare = bare_commit_ms(folder)
    with Store(path, seat="bench") as store:
        session = store.sessions()[-1].number
        note_ms = []
        for index in range(300):
            start = time.perf_counter()
            actions.add_note(store, session=session, text=f"benchmark note {index}")
            note_ms.append((time.perf_counter() - start) * 1000)
        board_ms = []
        for _ in range(20):
            start = time.perf_counter()
            store.board()
            board_ms.append((time.perf_counter() - start) * 1000)
        journal = list(store.journal())
    bare_median = statistics.median(bare)
    note_median = statistics.median(note_ms)
    print(f"bare sqlite3 durable commit: median {bare_median:.2f} ms")
    print(
        f"one note, validated and committed with its event: median {note_median:.2f} ms "
        f"(target <= 2), p99 {percentile(note_ms, 0.99):.2f} ms (target <= 8), "
        f"{note_median / bare_median:.2f}x the bare commit (target <= 3x)"
    )
    print(f"board computed: median {statistics.median(board_ms):.1f} ms (target <= 30)")

    with Store(folder / "imported.db", create=True) as target:
        start = time.perf_counter()
        imported = target.import_journal(journal)
        import_s = time.perf_counter() - start
    print(f"journal import: {imported / import_s:,.0f} events/s (target >= 5,000)")

    floor = whole_process_s([sys.executable, "-c", "import click, sqlite_utils, pydantic"])
    board = whole_process_s([str(BIN / "bargain"), "--db", str(path), "board", "--format", "csv"])
    print(
        f"`bargain board --format csv`: {board * 1000:.0f} ms; imports floor "
        f"{floor * 1000:.0f} ms; ratio {board / floor:.2f}x (target <= 1.5x)"
    )


if __name__ == "__main__":
    main()
