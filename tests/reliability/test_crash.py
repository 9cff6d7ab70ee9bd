"""Kill real writers with SIGKILL at random moments: nothing acknowledged is ever lost.

A child process records actions through the model layer and writes one acknowledgement line to
a pipe after each commit returns; the parent kills it at a random moment (mid-transaction
included) and then checks the file: integrity ok, every acknowledged action present, an
import all or nothing.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from models.store import Store
from tests.support import SMALL_JOURNAL

ROOT = Path(__file__).resolve().parents[2]

ACTIONS_CHILD = """
import sys
from pathlib import Path
from models import actions
from models.domain import CaucusSide, Party
from models.store import Store

store = Store(Path(sys.argv[1]), seat=sys.argv[2])
index = 0
while True:
    index += 1
    kind = index % 3
    if kind == 0:
        event = actions.add_note(store, session=2, text=f"{sys.argv[2]} note {index}")
    elif kind == 1:
        if store.caucuses(2, open_only=True):
            event = actions.end_caucus(store, session=2, side=CaucusSide.EMPLOYER)
        else:
            event = actions.call_caucus(store, session=2, side=CaucusSide.EMPLOYER, minutes=5)
    else:
        event = actions.make_info_request(store, session=2, by=Party.UNION, text=f"req {index}")
    sys.stdout.write(event.id + "\\n")
    sys.stdout.flush()
"""

IMPORT_CHILD = """
import sys
from pathlib import Path
from models.store import Store
store = Store(Path(sys.argv[1]), create=True)
sys.stdout.write("ready\\n")
sys.stdout.flush()
store.import_journal(Path(sys.argv[2]).read_text(encoding="utf-8").splitlines())
sys.stdout.write("done\\n")
sys.stdout.flush()
"""


def _spawn(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _collect(child: subprocess.Popen[str], into: list[str]) -> threading.Thread:
    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            into.append(line.strip())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.fixture
def live_db(tmp_path: Path) -> Path:
    path = tmp_path / "live.db"
    with Store(path, create=True, seat="setup") as store:
        store.import_journal(SMALL_JOURNAL.read_text(encoding="utf-8").splitlines())
        store.record(
            {"type": "session.scheduled", "session": 2, "starts": "2026-03-17T16:30:00-07:00"}
        )
        store.record({"type": "session.started", "session": 2})
    return path


KILLS_DURING_ACTIONS = 14
KILLS_DURING_IMPORT = 10


def test_killed_action_streams_lose_no_acknowledged_action(live_db: Path) -> None:
    chance = random.Random(20260322)
    acknowledged: list[str] = []
    for round_ in range(KILLS_DURING_ACTIONS):
        received: list[str] = []
        child = _spawn(ACTIONS_CHILD, str(live_db), f"seat{round_}")
        reader = _collect(child, received)
        deadline = time.monotonic() + 20
        while not received and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(chance.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        reader.join(timeout=5)
        assert received, "the child never acknowledged an action"
        acknowledged += received
        assert _integrity(live_db) == "ok"
        with Store(live_db) as store:
            ids = {event.id for event in store.events()}
            missing = [event_id for event_id in acknowledged if event_id not in ids]
            assert missing == [], f"acknowledged but lost after kill {round_ + 1}: {missing}"
            assert len(store.caucuses(2, open_only=True)) <= 1
    print(f"{KILLS_DURING_ACTIONS} kills during actions, {len(acknowledged)} acknowledged, 0 lost")


def test_killed_imports_keep_nothing_or_everything(tmp_path: Path) -> None:
    from models.demo import large_demo_events

    chance = random.Random(7)
    journal = tmp_path / "journal.jsonl"
    lines = [json.dumps(e) for _, e in zip(range(6_000), large_demo_events(), strict=False)]
    journal.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcomes = []
    for round_ in range(KILLS_DURING_IMPORT):
        path = tmp_path / f"import-{round_}.db"
        received: list[str] = []
        child = _spawn(IMPORT_CHILD, str(path), str(journal))
        reader = _collect(child, received)
        deadline = time.monotonic() + 20
        while "ready" not in received and time.monotonic() < deadline:
            time.sleep(0.005)
        assert "ready" in received, "the importing child did not start"
        time.sleep(chance.uniform(0.0, 1.5))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        reader.join(timeout=5)
        assert _integrity(path) == "ok"
        with sqlite3.connect(path) as conn:
            count = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        assert count in (0, len(lines))
        if "done" in received:
            assert count == len(lines)
        outcomes.append(count == len(lines))
    assert not all(outcomes), "every import finished before the kill: nothing was tested"
