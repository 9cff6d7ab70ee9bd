"""The installed `bargain`, driven in a real terminal (tmux) from the demo to quitting."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.domain import AgendaStatus
from models.store import Store

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

BARGAIN = Path(sys.executable).parent / "bargain"


class Terminal:
    """One detached tmux session of 100x30 running a command, on a tmux server of its own
    (a shared server hands its sessions whatever COLUMNS and LINES it was started with)."""

    def __init__(self, command: str, env: dict[str, str]) -> None:
        self.name = f"bargain-test-{uuid.uuid4().hex[:8]}"
        self.socket = self.name
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        shell = f"env -u COLUMNS -u LINES {exports} {command}; echo EXITED $?; sleep 60"
        self.tmux("new-session", "-d", "-s", self.name, "-x", "100", "-y", "30", shell)

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str, literal: bool = False) -> None:
        flags = ["-l"] if literal else []
        self.tmux("send-keys", "-t", self.name, *flags, *keys)

    def type(self, text: str) -> None:
        self.keys(text, literal=True)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if text in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never showed; the screen was:\n{shown}")
            time.sleep(0.1)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], check=False, capture_output=True)


@pytest.fixture
def terminal_env(tmp_path: Path) -> dict[str, str]:
    return {
        "BARGAIN_SEAT": "tmux",
        "TERM": "xterm-256color",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PATH": os.environ.get("PATH", ""),
    }


@pytest.fixture
def run_in_tmux(terminal_env: dict[str, str]) -> Iterator[type[Terminal]]:
    opened: list[Terminal] = []

    class Opened(Terminal):
        def __init__(self, command: str) -> None:
            super().__init__(command, terminal_env)
            opened.append(self)

    yield Opened
    for terminal in opened:
        terminal.close()


def test_a_session_from_the_demo_to_quitting(tmp_path: Path, run_in_tmux: type[Terminal]) -> None:
    db = tmp_path / "demo.db"
    term = run_in_tmux(f"{shlex.quote(str(BARGAIN))} demo --db {shlex.quote(str(db))}")
    shown = term.wait_for("Session 5")
    assert "REA / RUSD" in shown and "Articles" in shown and "Agenda" in shown
    assert shown.splitlines()[0].rstrip().endswith(("PST", "PDT"))
    assert len(shown.splitlines()[0].rstrip()) == 99  # the whole width: 100 columns

    term.keys("n")
    term.type("Typed in a real terminal")
    term.keys("Enter")
    term.wait_for("Typed in a real terminal")

    term.keys("Escape")
    time.sleep(0.3)  # an Escape followed at once by a letter reads as alt+letter
    term.keys("c")
    term.wait_for("Call a caucus")
    term.keys("C-s")
    shown = term.wait_for("due back")
    assert "TEAM ONLY" in shown  # our side is out: notes default to team-only

    term.keys("e")
    term.wait_for("is back at the table")
    term.keys("a")
    term.keys("?")
    term.wait_for("At the table")
    term.keys("Escape")
    time.sleep(0.3)
    term.keys("q")
    term.wait_for("EXITED 0")

    with Store(db) as store:
        note = store.notes(5, limit=1)[0]
        caucus = store.caucuses(5)[-1]
        agenda = store.agenda(5)
    assert (note.text, note.seat) == ("Typed in a real terminal", "tmux")
    assert caucus.ended_at is not None
    assert [item.status for item in agenda[-2:]] == [AgendaStatus.DONE, AgendaStatus.ACTIVE]


def test_a_file_that_is_not_a_database_is_explained(
    tmp_path: Path, run_in_tmux: type[Terminal]
) -> None:
    stranger = tmp_path / "notes.txt"
    stranger.write_text("not a database\n", encoding="utf-8")
    term = run_in_tmux(f"{shlex.quote(str(BARGAIN))} --db {shlex.quote(str(stranger))}")
    shown = term.wait_for("Press q to quit")
    assert "not a bargaining database" in shown and "Traceback" not in shown
    term.keys("q")
    term.wait_for("EXITED 0")
    assert stranger.read_text(encoding="utf-8") == "not a database\n"
