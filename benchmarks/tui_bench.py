"""Figures for the session console (issue 3), on the large demo campaign.

    .venv/bin/python benchmarks/tui_bench.py [--db LARGE.db] [--runs 15]

Every app runs as its own process in a real pseudo-terminal of 160x48 (the parent drains
what it writes), so writing to the terminal is part of every figure. Figures and targets:

1. Start-up: from process start (just before the parent spawns it) to the first complete
   frame written to the terminal, the article board filled (a hook on `App._display`
   reports it at once on a pipe of its own). The app is started through the `bargain`
   command's entry point, as a user starts it (argument parsing included). Compared with a
   bare Textual app (Header, an empty DataTable, Footer) measured the same way,
   interleaved, in the same run: the ratio of the medians, target <= 1.3x.
2. A key press to the updated screen: inside the running app, each key event is posted the
   way the terminal driver posts it; the time runs until the first frame of the table
   written to the terminal after the widget showing the change got its new state (for `p`:
   the first frame of the dialog). The harness waits on events and never polls, so it does
   not slow the app it measures. Median of 25 notes (Enter on the note line) and of 15
   passes (ctrl+s in the pass dialog); target <= 50 ms.
3. CPU while idle with a caucus clock running (session 151 started, a caucus called): process
   CPU time over 10 s of wall time, as a share of one core; target <= 2%. The bare app's
   idle figure is printed beside it.
4. Peak memory: the child's peak RSS (`wait4`): started, first frame, 2 s idle, quit; ratio
   to the bare app, target <= 1.5x. Nothing is imported ahead of need: the first action also
   loads the validation (pydantic and the journal's event models), which the first note's
   time shows (printed apart; the medians count it like any other note).

The machine's load moves every figure; run it on a quiet machine, and more than once.

The apps measured are in tui_bench_child.py; tui_bench_pty.py runs each on its terminal.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tui_bench_pty import Child, first_frame

BIN = Path(sys.executable).parent


def prepare_live_copy(large: Path, folder: Path) -> Path:
    """The large campaign with session 151 running and a caucus clock going."""
    from datetime import UTC, datetime

    from models import actions
    from models.domain import CaucusSide
    from models.store import Store

    live = folder / "live.db"
    shutil.copyfile(large, live)
    with Store(live, seat="bench") as store:
        actions.schedule_session(store, starts=datetime.now(UTC), location="Board room")
        number = max(s.number for s in store.sessions())
        actions.start_session(store, number)
        actions.call_caucus(store, session=number, side=CaucusSide.EMPLOYER, minutes=45)
    return live


def build_large(folder: Path) -> Path:
    path = folder / "large.db"
    started = time.perf_counter()
    subprocess.run(
        [str(BIN / "bargain"), "demo", "--large", "--no-open", "--db", str(path)],
        check=True,
        capture_output=True,
    )
    print(f"built the large demo in {time.perf_counter() - started:.1f} s")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large demo database")
    parser.add_argument(
        "--runs",
        type=int,
        default=15,
        help="interleaved start-ups of each app (this machine's start-ups vary by +-15%%)",
    )
    parser.add_argument(
        "--only",
        choices=("startup", "keys", "idle"),
        help="measure one figure (while working on it); all of them by default",
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        large = options.db or build_large(folder)
        copy = folder / "startup.db"
        shutil.copyfile(large, copy)

        if options.only in (None, "startup"):
            measure_startup(copy, options.runs)
        if options.only in (None, "keys", "idle"):
            live = prepare_live_copy(large, folder)
            if options.only in (None, "keys"):
                measure_keys(live)
            if options.only in (None, "idle"):
                measure_idle(live)


def measure_startup(copy: Path, runs: int) -> None:
    first_frame("bare", "0")  # warm the disk cache for both
    first_frame("app", str(copy), "0")
    bare_times, app_times, bare_rss, app_rss = [], [], [], []
    for _ in range(runs):
        seconds, _rss = first_frame("bare", "0")
        bare_times.append(seconds)
        seconds, _rss = first_frame("app", str(copy), "0")
        app_times.append(seconds)
    for _ in range(3):
        bare_rss.append(first_frame("bare", "2")[1])
        app_rss.append(first_frame("app", str(copy), "2")[1])
    bare_s, app_s = statistics.median(bare_times), statistics.median(app_times)
    print(
        f"start-up to first frame: app {app_s * 1000:.0f} ms, bare Textual "
        f"{bare_s * 1000:.0f} ms, ratio {app_s / bare_s:.2f}x (target <= 1.3x)"
    )
    # Each app was started right after the bare one: their ratio leaves out the machine's
    # slower and faster moments, and the quartiles show how much one run says.
    pairs = sorted(app / bare for bare, app in zip(bare_times, app_times, strict=True))
    low, middle, high = statistics.quantiles(pairs, n=4)
    print(
        f"  per pair (app / the bare app started just before): median {middle:.2f}x, "
        f"quartiles {low:.2f}x-{high:.2f}x over {len(pairs)} pairs"
    )
    bare_mb, app_mb = max(bare_rss) / 1024, max(app_rss) / 1024
    print(
        f"peak memory: app {app_mb:.0f} MiB, bare Textual {bare_mb:.0f} MiB, ratio "
        f"{app_mb / bare_mb:.2f}x (target <= 1.5x)"
    )


def measure_keys(live: Path) -> None:
    child = Child("keys", str(live), "25", "15")
    child.line("READY")
    notes = [float(x) for x in child.line("NOTES")[0].split()]
    opens = [float(x) for x in child.line("PASS_OPEN")[0].split()]
    passes = [float(x) for x in child.line("PASSES")[0].split()]
    child.finish()
    print(
        f"key to updated screen, a note (Enter): median {statistics.median(notes):.1f} ms,"
        f" max {max(notes):.1f} ms (target median <= 50 ms)"
    )
    print(
        f"key to updated screen, a pass (ctrl+s): median {statistics.median(passes):.1f} "
        f"ms, max {max(passes):.1f} ms (target median <= 50 ms)"
    )
    print(f"key to dialog on screen, p: median {statistics.median(opens):.1f} ms")
    print(f"the first note, which loads the validation: {notes[0]:.1f} ms")


def measure_idle(live: Path) -> None:
    shares = {}
    for name, target in (("bare", "bare"), ("app", str(live))):
        child = Child("idle", target, "10")
        child.line("READY")
        shares[name] = float(child.line("IDLE")[0])
        child.finish()
    print(
        f"CPU while idle with a caucus clock running: {shares['app']:.2f}% of one core "
        f"(target <= 2%; the bare Textual app idles at {shares['bare']:.2f}%)"
    )


if __name__ == "__main__":
    main()
