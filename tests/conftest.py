"""Shared fixtures: real database files in a temporary folder."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
SMALL_JOURNAL = FIXTURES / "small-journal.jsonl"


def file_digest(path: Path) -> str:
    """A digest of a database and its WAL, to prove nothing was written."""
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        part = Path(str(path) + suffix)
        if part.exists():
            digest.update(part.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bargaining.db"


@pytest.fixture
def small_store(db_path: Path) -> Iterator[Store]:
    """A store holding the small journal (session 1 ended), seat `lead`."""
    store = Store(db_path, create=True, seat="lead")
    store.import_journal(SMALL_JOURNAL.read_text(encoding="utf-8").splitlines())
    yield store
    store.close()


@pytest.fixture
def live_store(small_store: Store) -> Store:
    """The small campaign with session 2 scheduled and running."""
    small_store.record(
        {"type": "session.scheduled", "session": 2, "starts": "2026-03-17T16:30:00-07:00"}
    )
    small_store.record({"type": "session.started", "session": 2})
    return small_store
