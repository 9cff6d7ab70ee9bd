"""`bargain sync`, `join`, `conflicts`, `undo` and `--sync` through click's runner, and the
sync loop as a process: one status line per change, not per tick; Ctrl-C stops it cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from models.store import Store
from tests.support import SMALL_JOURNAL
from tui.cli import main


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.delenv("BARGAIN_DB", raising=False)
    monkeypatch.delenv("BARGAIN_TEAM_KEY", raising=False)
    return CliRunner()


@pytest.fixture
def lead(tmp_path: Path, runner: CliRunner) -> Path:
    path = tmp_path / "lead.db"
    result = runner.invoke(main, ["--db", str(path), "journal", "import", str(SMALL_JOURNAL)])
    assert result.exit_code == 0, result.output
    return path


def test_sync_once_then_join_then_sync_back(tmp_path: Path, runner: CliRunner, lead: Path) -> None:
    folder = tmp_path / "shared"
    result = runner.invoke(main, ["--db", str(lead), "sync", str(folder), "--once"])
    assert result.exit_code == 0 and "sent 25, took in 0" in result.output
    notes = tmp_path / "notes.db"
    result = runner.invoke(main, ["--db", str(notes), "--seat", "notes", "join", str(folder)])
    assert result.exit_code == 0, result.output
    assert "Joined" in result.output and "25 events from 1 seat" in result.output
    with Store(notes, seat="notes") as store:
        store.record({"type": "note.added", "session": 1, "text": "from notes"})
    assert runner.invoke(main, ["--db", str(notes), "sync", str(folder), "--once"]).exit_code == 0
    result = runner.invoke(main, ["sync", str(folder), "--once", "--db", str(lead)])
    assert "took in 1" in result.output and "seats seen: notes" in result.output
    with Store(lead) as store:
        assert store.notes()[-1].text == "from notes"


def test_join_refuses_an_existing_database_in_one_line(
    tmp_path: Path, runner: CliRunner, lead: Path
) -> None:
    folder = tmp_path / "shared"
    runner.invoke(main, ["--db", str(lead), "sync", str(folder), "--once"])
    result = runner.invoke(main, ["--db", str(lead), "join", str(folder)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "already exists" in result.output


def test_sync_of_a_missing_database_creates_nothing(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["--db", str(tmp_path / "no.db"), "sync", str(tmp_path), "--once"])
    assert result.exit_code == 1 and "no database at" in result.output
    assert not (tmp_path / "no.db").exists()


def test_conflicts_are_listed_and_settled_by_undo(
    tmp_path: Path, runner: CliRunner, lead: Path
) -> None:
    folder = tmp_path / "shared"
    runner.invoke(main, ["--db", str(lead), "sync", str(folder), "--once"])
    notes = tmp_path / "notes.db"
    runner.invoke(main, ["--db", str(notes), "join", str(folder)])
    ta = {
        "type": "ta.signed",
        "session": 1,
        "articles": ["2"],
        "initials": {"union": "A", "employer": "B"},
    }
    with Store(lead) as store:
        store.record({**ta, "id": "ta-lead", "at": "2026-03-10T18:20:00-07:00"})
    with Store(notes) as store:
        store.record({**ta, "id": "ta-notes", "at": "2026-03-10T18:19:00-07:00"})
    for db in (lead, notes, lead):
        runner.invoke(main, ["--db", str(db), "sync", str(folder), "--once"])
    result = runner.invoke(main, ["--db", str(lead), "conflicts"])
    assert result.exit_code == 0
    assert "ta-lead" in result.output and "already has a TA" in result.output
    assert "bargain undo EVENT_ID" in result.output
    result = runner.invoke(main, ["--db", str(lead), "undo", "ta-lead"])
    assert result.exit_code == 0, result.output
    assert "No conflicts" in runner.invoke(main, ["--db", str(lead), "conflicts"]).output
    runner.invoke(main, ["--db", str(lead), "sync", str(folder), "--once"])
    runner.invoke(main, ["--db", str(notes), "sync", str(folder), "--once"])
    assert "No conflicts" in runner.invoke(main, ["--db", str(notes), "conflicts"]).output


def test_passphrase_file_seals_and_a_wrong_one_is_one_line(
    tmp_path: Path, runner: CliRunner, lead: Path
) -> None:
    folder, key = tmp_path / "shared", tmp_path / "key.txt"
    key.write_text("our team words\n")
    sync = ["--db", str(lead), "sync", str(folder), "--once", "--passphrase-file", str(key)]
    assert runner.invoke(main, sync).exit_code == 0
    key.write_text("other words\n")
    result = runner.invoke(main, sync)
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "passphrase does not open" in result.output
    result = runner.invoke(
        main,
        ["--db", str(tmp_path / "n.db"), "join", str(folder)],
        env={"BARGAIN_TEAM_KEY": "our team words"},
    )
    assert result.exit_code == 0, result.output


def test_the_sync_folder_given_on_the_command_line_goes_to_the_app(
    tmp_path: Path, runner: CliRunner, lead: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`bargain --sync DIR` through click (the fast launch path has its own test): the app
    gets the folder, and remembers it once it syncs (tests/tui/test_two_computers.py)."""
    opened: list[tuple[Path, dict[str, object]]] = []
    monkeypatch.setattr(
        "tui.cli.open_app", lambda path, seat, **options: opened.append((path, options))
    )
    result = runner.invoke(main, ["--db", str(lead), "--sync", str(tmp_path / "shared")])
    assert result.exit_code == 0, result.output
    assert opened == [(lead, {"sync": tmp_path / "shared"})]


def test_the_sync_loop_prints_a_line_per_change_and_stops_on_ctrl_c(
    tmp_path: Path, lead: Path
) -> None:
    folder = tmp_path / "shared"
    env = {**os.environ, "BARGAIN_DB": str(lead)}
    process = subprocess.Popen(
        [sys.executable, "-c", "from tui.launch import main; main()", "sync", str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3.5)  # three ticks or more, nothing new after the first
    with Store(lead, seat="lead") as store:
        store.record({"type": "note.added", "session": 1, "text": "a change"})
    time.sleep(2.5)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    lines = out.splitlines()
    assert len(lines) == 3, out
    assert "sent 25" in lines[0] and "sent 1" in lines[1] and "sync stopped" in lines[2]
    assert "Traceback" not in err
    files = sorted((folder / "seats").rglob("*.seg"))
    assert [json.loads(p.read_bytes().split(b"\n")[0])["count"] for p in files] == [25, 1]
