"""After a SIGKILL, the reopened app shows the same session, agenda item, caucus clock and the
half-typed note: driven in a real terminal (tmux) with the installed `bargain`."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from models.demo import build_demo
from models.store import Store
from models.timeutil import utc_now

BARGAIN = Path(sys.executable).parent / "bargain"
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def tmux(*args: str) -> str:
    result = subprocess.run(["tmux", *args], capture_output=True, text=True, check=False)
    return result.stdout


def screen(name: str) -> str:
    return tmux("capture-pane", "-t", name, "-p")


def wait_for(name: str, text: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = screen(name)
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen shows:\n{shown}")


def open_app(name: str, db: Path) -> int:
    command = f"{BARGAIN} --db {db} --seat lead"
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "36", command)
    return int(tmux("list-panes", "-t", name, "-F", "#{pane_pid}").split()[0])


def test_a_killed_app_comes_back_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    build_demo(db)
    with Store(db, seat="notes") as other_seat:
        other_seat.record(
            {
                "type": "caucus.started",
                "session": 5,
                "by": "employer",
                "minutes": 1,
                "at": (utc_now() - timedelta(minutes=3)).isoformat(),
            }
        )
        due_back = other_seat.caucuses(5, open_only=True)[0].due_back
    name = f"restart-{os.getpid()}"
    try:
        pid = open_app(name, db)
        wait_for(name, "Session 5")
        wait_for(name, "OVERDUE")
        tmux("send-keys", "-t", name, "n")
        time.sleep(0.5)
        tmux("send-keys", "-t", name, "-l", "half typed thought about caseloads")
        wait_for(name, "half typed thought about caseloads")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with Store(db) as store:
                if store.draft("lead").text == "half typed thought about caseloads":
                    break
            time.sleep(0.2)
        before = screen(name)
        os.kill(pid, signal.SIGKILL)
        tmux("kill-session", "-t", name)

        open_app(name, db)
        wait_for(name, "half typed thought about caseloads")
        after = wait_for(name, "OVERDUE")
        for line in before.splitlines():
            if "▶" in line:
                active = line.split("▶", 1)[1].split()[0]
                assert f"▶ {active}" in after, "the active agenda item changed"
        assert "Session 5" in after
        assert "OVERDUE" in after and "RUSD caucus" in after
        with Store(db) as store:
            assert store.caucuses(5, open_only=True)[0].due_back == due_back
            assert store.current_session().number == 5
    finally:
        tmux("kill-session", "-t", name)
