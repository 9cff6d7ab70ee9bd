"""The store on real SQLite files: files, schema, refusals of what is no database of ours,
drafts, backups and two writers. Validation, undo and the store's readings are in
tests/test_store_rules_and_undo.py."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from models import actions
from models.domain import Party
from models.errors import DomainError, StoreError
from models.store import SCHEMA_VERSION, Store
from tests.support import FIXTURES, file_digest


def test_new_database_is_private_wal_and_durable(db_path: Path) -> None:
    with Store(db_path, create=True) as store:
        actions.create_campaign(
            store, union="U", union_short="U", employer="E", employer_short="E", timezone="UTC"
        )
        conn = store.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        for suffix in ("", "-wal", "-shm"):
            assert stat.S_IMODE(os.stat(str(db_path) + suffix).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(db_path.parent).st_mode) == 0o700


def test_missing_database_is_not_created_without_create(db_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no database at .*run `bargain init`"):
        Store(db_path)
    assert not db_path.exists()
    assert not db_path.parent.exists()


def test_a_newer_schema_is_refused_naming_both_versions(small_store: Store, db_path: Path) -> None:
    small_store.db.conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('open-bargaining', 'm999_from_the_future', 'later')"
    )
    small_store.db.conn.commit()
    small_store.close()
    before = file_digest(db_path)
    with pytest.raises(
        StoreError,
        match=rf"newer version.*schema version {SCHEMA_VERSION + 1};"
        rf" this version knows {SCHEMA_VERSION}",
    ):
        Store(db_path)
    assert file_digest(db_path) == before


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_every_older_schema_is_migrated_with_a_backup_first(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / f"schema-v{version}.db", path)
    with Store(path) as store:
        assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        names = {r[0] for r in store.db.conn.execute("SELECT name FROM sqlite_master")}
        assert {"tas_by_proposal", "notes_by_seat", "proposals_moves"} <= names
        assert len(store.articles()) == 5
        assert [t.articles for t in store.tas()] == [("1",)]
        assert store.board()[2].holder is Party.UNION
        assert len(store.notes()) == 2 and len(store.caucuses()) == 2
    backups = list((tmp_path / "backups").glob(f"old-*-before-schema-{SCHEMA_VERSION}.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == version


def test_every_schema_version_has_a_fixture() -> None:
    assert sorted(p.name for p in FIXTURES.glob("schema-v*.db")) == [
        f"schema-v{version}.db" for version in range(1, SCHEMA_VERSION)
    ]


def test_another_applications_sqlite_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE recipes (name TEXT)")
    before = file_digest(path)
    with pytest.raises(StoreError, match="another application"):
        Store(path)
    assert file_digest(path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"number,title\n1,Recognition\n", "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\x00" * 40, "damaged"),
        (b"", "is empty"),
    ],
    ids=["text file", "truncated header", "empty file"],
)
def test_files_that_are_not_databases_get_their_own_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        Store(path)
    assert path.read_bytes() == content


def test_a_truncated_database_is_reported_damaged(small_store: Store, db_path: Path) -> None:
    small_store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    small_store.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    with pytest.raises(StoreError, match="damaged"), Store(db_path) as store:
        store.board()
        store.notes()


def test_every_refusal_leaves_the_file_as_it_was(small_store: Store, db_path: Path) -> None:
    before = file_digest(db_path)
    bad_lines = [
        {"type": "proposal.passed", "session": 1, "by": "union", "articles": ["14"], "label": "X"},
        {"type": "proposal.passed", "session": 9, "by": "union", "articles": ["2"], "label": "X"},
        {"type": "proposal.passed", "session": 1, "by": "union", "articles": ["1"], "label": "Y"},
        {
            "type": "proposal.passed",
            "session": 1,
            "by": "union",
            "articles": ["2"],
            "label": "REA #1",
        },
        {"type": "caucus.ended", "session": 1, "by": "union"},
        {"type": "note.added", "session": 1, "text": "  "},
        {
            "type": "campaign.created",
            "union": {"name": "A", "short": "A"},
            "employer": {"name": "B", "short": "B"},
            "timezone": "UTC",
        },
    ]
    for line in bad_lines:
        with pytest.raises(DomainError):
            small_store.record(line)
    assert file_digest(db_path) == before


def test_drafts_belong_to_a_seat(small_store: Store, db_path: Path) -> None:
    from models.domain import Draft

    small_store.save_draft(Draft(text="half a tho", team_only=True))
    with Store(db_path, seat="notes") as other:
        assert other.draft() == Draft()
    with Store(db_path, seat="lead") as again:
        assert again.draft() == Draft(text="half a tho", team_only=True)


def test_backups_are_private_and_pruned(small_store: Store, db_path: Path) -> None:
    paths = [small_store.backup() for _ in range(23)]
    kept = sorted((db_path.parent / "backups").glob("*.db"))
    assert len(kept) == 20 and kept[-1] == paths[-1]
    assert stat.S_IMODE(os.stat(kept[0]).st_mode) == 0o600
    with sqlite3.connect(paths[-1]) as copy:
        assert copy.execute("SELECT count(*) FROM events").fetchone()[0] == 25


def _write_notes(path: str, seat: str, count: int, queue: multiprocessing.Queue) -> None:
    store = Store(Path(path), seat=seat)
    failures = 0
    for index in range(count):
        try:
            actions.add_note(store, session=2, text=f"{seat} {index}")
        except StoreError:
            failures += 1
    store.close()
    queue.put(failures)


def test_two_processes_writing_at_once_lose_nothing(live_store: Store, db_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue = context.Queue()
    workers = [
        context.Process(target=_write_notes, args=(str(db_path), seat, 150, queue))
        for seat in ("lead", "notes")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [queue.get(timeout=5) for _ in workers] == [0, 0]
    notes = live_store.notes(2)
    assert len(notes) == 300
    assert {n.text for n in notes} == {f"{s} {i}" for s in ("lead", "notes") for i in range(150)}
