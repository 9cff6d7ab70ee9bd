"""Backups belong to one database: pruned only among its own, never the one just taken.

Issue 12, defect 2.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

from click.testing import CliRunner

from models.store import Store
from tests.support import FIXTURES, SMALL_JOURNAL
from tui.cli import main


def _database_id_of(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()
    finally:
        conn.close()
    return str(row[0])


def _small(path: Path) -> Path:
    with Store(path, create=True) as store:
        store.import_journal(SMALL_JOURNAL.read_text(encoding="utf-8").splitlines())
    return path


def test_every_database_has_a_stable_random_id(tmp_path: Path) -> None:
    first = _small(tmp_path / "a.db")
    second = _small(tmp_path / "b.db")
    with Store(first) as store:
        ident = store.database_id
        assert uuid.UUID(ident).version == 4 and str(uuid.UUID(ident)) == ident
        copy = store.backup()
    with Store(first) as again:
        assert again.database_id == ident
    with Store(second) as other:
        assert other.database_id != ident
    assert _database_id_of(copy) == ident


def test_an_older_database_is_given_an_id_when_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-v1.db", path)
    with Store(path) as store:
        ident = store.database_id
        assert uuid.UUID(ident).version == 4
    with Store(path) as again:
        assert again.database_id == ident


def test_two_databases_in_one_folder_keep_their_own_backups(tmp_path: Path) -> None:
    team = _small(tmp_path / "team.db")
    archive = _small(tmp_path / "team-archive.db")
    ids = {}
    reported: dict[str, list[Path]] = {"team": [], "archive": []}
    with Store(team) as one, Store(archive) as other:
        ids["team"], ids["archive"] = one.database_id, other.database_id
        for _ in range(25):
            for name, store in (("team", one), ("archive", other)):
                taken = store.backup()
                assert taken.exists(), f"the backup just reported is gone: {taken}"
                reported[name].append(taken)
    folder = tmp_path / "backups"
    owners = [_database_id_of(p) for p in folder.glob("*.db")]
    assert owners.count(ids["team"]) == 20
    assert owners.count(ids["archive"]) == 20
    for name in ("team", "archive"):
        assert [p for p in reported[name] if p.exists()] == reported[name][-20:]


def test_a_backup_written_into_the_folder_under_the_oldest_name_is_kept(tmp_path: Path) -> None:
    team = _small(tmp_path / "team.db")
    with Store(team) as store:
        taken = [store.backup() for _ in range(20)]
    folder = tmp_path / "backups"
    chosen = folder / "aaa-first-by-name.db"
    result = CliRunner().invoke(main, ["--db", str(team), "backup", "-o", str(chosen)])
    assert result.exit_code == 0, result.output
    assert chosen.exists()
    assert not taken[0].exists() and all(p.exists() for p in taken[1:])


def test_backups_taken_before_a_migration_are_never_pruned(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-v1.db", path)
    with Store(path) as store:
        for _ in range(22):
            store.backup()
    names = [p.name for p in (tmp_path / "backups").glob("*.db")]
    assert sum("-before-schema-" in n for n in names) == 1
    assert sum("-manual" in n for n in names) == 20


def test_files_in_the_folder_that_are_not_backups_of_ours_are_left_alone(tmp_path: Path) -> None:
    team = _small(tmp_path / "team.db")
    folder = tmp_path / "backups"
    folder.mkdir()
    strays = {
        "team-20000101T000000000000Z-manual.db": b"not a database",
        "team-20000101T000000000001Z-manual.db": b"",
        "notes.db": b"SQLite format 3\x00" + b"\x00" * 84,
    }
    for name, data in strays.items():
        (folder / name).write_bytes(data)
    with sqlite3.connect(folder / "photos.db") as other:
        other.execute("CREATE TABLE photos (name TEXT)")
    with Store(team) as store:
        for _ in range(22):
            store.backup()
    for name, data in strays.items():
        assert (folder / name).read_bytes() == data
    assert (folder / "photos.db").exists()
