"""Damaged, foreign, locked, read-only and full: a clear message, and nothing overwritten."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import models.store.connection
from models import actions
from models.errors import StoreError
from models.store import Store
from tests.support import SMALL_JOURNAL, FailingConnection, file_digest
from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _small(path: Path) -> Path:
    with Store(path, create=True) as store:
        store.import_journal(SMALL_JOURNAL.read_text(encoding="utf-8").splitlines())
    return path


def _truncated(path: Path) -> Path:
    _small(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def _foreign(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (name TEXT, taken TEXT)")
        conn.execute("INSERT INTO photos VALUES ('beach', '2024-07-01')")
    return path


def _write(content: bytes) -> object:
    def make(path: Path) -> Path:
        path.write_bytes(content)
        return path

    return make


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


CASES = {
    "empty file": (_write(b""), "is empty; run `bargain init`"),
    "text file": (_write(b"article,title\n1,x\n"), "is not a bargaining"),
    "truncated database": (_truncated, "is damaged"),
    "another application's SQLite file": (_foreign, "SQLite database of another application"),
    "a folder": (_folder, "is a folder, not a database file"),
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize(
    "command", [["board"], ["journal", "export"], ["articles", "list"], ["backup"]]
)
def test_cli_refuses_unusable_files_in_one_line(
    tmp_path: Path, case: str, command: list[str]
) -> None:
    make, message = CASES[case]
    path = make(tmp_path / "b.db")
    before = file_digest(path) if path.is_file() else None
    result = CliRunner().invoke(main, ["--db", str(path), *command])
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    if before is not None:
        assert file_digest(path) == before


def test_a_database_locked_longer_than_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _small(tmp_path / "b.db")
    monkeypatch.setenv("BARGAIN_BUSY_TIMEOUT", "0.3")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = Store(path, seat="lead")
        with pytest.raises(StoreError, match=r"locked by another program for more than 0.3 s"):
            actions.add_member(store, "Blocked Writer")
        store.close()
        result = CliRunner().invoke(
            main, ["--db", str(path), "articles", "import", "-"], input="number,title\n11,Safety\n"
        )
        assert result.exit_code == 1
        assert "locked by another program" in result.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store(path) as store:
        assert len(store.articles()) == 5 and len(store.members()) == 1


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (sqlite3.OperationalError("attempt to write a readonly database"), "is read-only"),
        (sqlite3.OperationalError("database or disk is full"), "no room left on the disk"),
        (sqlite3.OperationalError("disk I/O error"), "failed to read or write"),
    ],
    ids=["read-only", "disk full", "I/O error"],
)
def test_write_failures_from_the_system_are_reported_and_change_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception, message: str
) -> None:
    path = _small(tmp_path / "b.db")
    before = file_digest(path)
    real_connect = sqlite3.connect

    def failing_connect(*args: object, **kwargs: object) -> object:
        return FailingConnection(real_connect(*args, **kwargs), error)  # type: ignore[arg-type]

    monkeypatch.setattr(models.store.connection.sqlite3, "connect", failing_connect)
    store = Store(path, seat="lead")
    with pytest.raises(StoreError, match=message):
        actions.add_note(store, session=1, text="will not be written")
    store.close()
    result = CliRunner().invoke(
        main,
        ["--db", str(path), "journal", "import", "-"],
        input='{"type":"member.added","at":"2026-03-10T18:00:00Z","name":"X"}\n',
    )
    assert result.exit_code == 1
    assert message in result.stderr
    monkeypatch.undo()
    assert file_digest(path) == before


def test_database_and_backups_are_private(tmp_path: Path) -> None:
    path = _small(tmp_path / "data" / "b.db")
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--db", str(path), "backup"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for file in [path, *path.parent.glob("b.db-*"), *(path.parent / "backups").iterdir()]:
        assert file.stat().st_mode & 0o077 == 0, f"{file} is readable by others"
