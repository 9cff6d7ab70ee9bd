"""`bargain restore`: a sound backup of ours comes back; anything else is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from models import actions
from models.store import Store
from tests.support import file_digest
from tui.cli import main


def test_restore_brings_back_the_backup_and_keeps_the_current(
    small_store: Store, db_path: Path, tmp_path: Path
) -> None:
    backup = small_store.backup(tmp_path / "before.db")
    small_store.record({"type": "article.added", "number": "11", "title": "Safety"})
    small_store.close()
    result = CliRunner().invoke(main, ["--db", str(db_path), "restore", str(backup)])
    assert result.exit_code == 0, result.output
    with Store(db_path) as restored:
        assert [a.number for a in restored.articles()] == ["1", "2", "3", "4", "10"]
    kept = list((db_path.parent / "backups").glob("*-before-restore.db"))
    assert len(kept) == 1
    with Store(kept[0]) as previous:
        assert previous.articles()[-1].number == "11"


def test_restore_over_a_damaged_database_keeps_the_damaged_files(
    small_store: Store, db_path: Path, tmp_path: Path
) -> None:
    backup = small_store.backup(tmp_path / "good.db")
    small_store.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    db_path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)
    result = CliRunner().invoke(main, ["--db", str(db_path), "restore", str(backup)])
    assert result.exit_code == 0, result.output
    assert list((db_path.parent / "backups").glob("*-unreadable.db"))
    with Store(db_path) as restored:
        assert len(restored.articles()) == 5


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")


def _newer(path: Path, small: Store) -> None:
    small.backup(path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('open-bargaining', 'm999_future', 'later')"
        )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p, s: p.write_text("hello"), "not a bargaining database"),
        (lambda p, s: p.write_bytes(b""), "is empty"),
        (lambda p, s: _foreign(p), "not a bargaining database"),
        (lambda p, s: _newer(p, s), "newer version"),
        (lambda p, s: None, "no file at"),
    ],
    ids=["text", "empty", "foreign", "newer", "missing"],
)
def test_restore_refuses_what_is_not_a_sound_backup_of_ours(
    small_store: Store, db_path: Path, tmp_path: Path, make, message: str
) -> None:
    source = tmp_path / "candidate.db"
    make(source, small_store)
    actions.add_member(small_store, "Someone New")
    before = file_digest(db_path)
    result = CliRunner().invoke(main, ["--db", str(db_path), "restore", str(source)])
    assert result.exit_code == 1
    assert message in result.stderr
    assert file_digest(db_path) == before


@pytest.mark.parametrize("how", ["hard link", "symlink"])
def test_restore_refuses_the_database_itself_however_spelled(
    small_store: Store, db_path: Path, tmp_path: Path, how: str
) -> None:
    small_store.close()
    source = tmp_path / "elsewhere" / "copy.db"
    source.parent.mkdir()
    if how == "hard link":
        import os

        os.link(db_path, source)
    else:
        source.symlink_to(db_path)
    before = file_digest(db_path)
    result = CliRunner().invoke(main, ["--db", str(db_path), "restore", str(source)])
    assert result.exit_code == 1, result.output
    assert "is the database itself" in result.stderr and result.stderr.count("\n") == 1
    assert file_digest(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_the_damaged_files_kept_aside_are_private(
    small_store: Store, db_path: Path, tmp_path: Path
) -> None:
    import os
    import stat

    backup = small_store.backup(tmp_path / "good.db")
    small_store.close()
    db_path.write_bytes(b"overwritten by something else")
    Path(str(db_path) + "-wal").write_bytes(b"\x01" * 64)
    old = os.umask(0o022)
    try:
        result = CliRunner().invoke(main, ["--db", str(db_path), "restore", str(backup)])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    kept = list((db_path.parent / "backups").glob("*-unreadable.db*"))
    assert len(kept) == 2
    assert [stat.S_IMODE(p.stat().st_mode) for p in kept] == [0o600, 0o600]
