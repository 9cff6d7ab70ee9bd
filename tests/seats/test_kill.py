"""Kill tests: `bargain sync` SIGKILLed at random moments, mid-write into the folder
included. Nothing acknowledged is lost, and the other seat never meets an error."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from models import seats
from models.store import Store
from tests.seats.support import event_set, small_lines

KILLS = 24


def test_a_sync_killed_at_random_moments_loses_nothing_and_harms_no_other_seat(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "shared"
    lead_db = tmp_path / "lead.db"
    rng = random.Random(16)
    with Store(lead_db, create=True, seat="lead") as lead:
        lead.import_journal(small_lines())
        seats.exchange(lead, folder)
        lead_id = lead.database_id
    notes = seats.join(folder, tmp_path / "notes.db", seat="notes")
    env = {**os.environ, "BARGAIN_DB": str(lead_db)}
    env.pop("BARGAIN_TEAM_KEY", None)
    command = [sys.executable, "-c", "from tui.launch import main; main()", "sync", str(folder)]
    acknowledged: set[str] = set()
    problems: list[str] = []
    killed_while_writing = 0
    try:
        for round_ in range(KILLS):
            with Store(lead_db, seat="lead") as lead:
                # Many long notes: a segment takes a while to write, so kills land inside it.
                lines = [
                    {"type": "note.added", "session": 1, "text": f"r{round_} n{i} " + "x" * 2000}
                    for i in range(rng.randrange(50, 400))
                ]
                acknowledged |= {e.id for e in lead.record_many(lines)}
            process = subprocess.Popen(
                command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            if round_ % 2:  # at a random moment
                time.sleep(rng.uniform(0.2, 1.2))
            elif _caught_writing(folder / "seats" / lead_id, deadline=time.monotonic() + 5):
                killed_while_writing += 1  # the moment its temporary file appears
            process.send_signal(signal.SIGKILL)
            _out, err = process.communicate(timeout=30)
            assert b"Traceback" not in err
            report = seats.exchange(notes, folder)  # the other seat, meanwhile
            problems += report.problems
        finished = subprocess.run(
            [*command, "--once"], env=env, capture_output=True, timeout=120, check=False
        )
        assert finished.returncode == 0, finished.stderr
        seats.exchange(notes, folder)
        with Store(lead_db) as lead:
            held = {e.id for e in lead.events()}
            assert acknowledged <= held
            assert event_set(lead) == event_set(notes)
        assert acknowledged <= {e.id for e in notes.events()}
        assert problems == []
        assert not list(folder.rglob(".tmp-*"))
    finally:
        notes.close()
    assert killed_while_writing >= KILLS // 4, killed_while_writing


def _caught_writing(home: Path, deadline: float) -> bool:
    """Wait for a temporary file in a seat's folder: the seat is writing a segment."""
    while time.monotonic() < deadline:
        try:
            if any(name.startswith(".tmp-") for name in os.listdir(home)):
                return True
        except OSError:
            pass
    return False
