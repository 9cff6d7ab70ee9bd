"""Shared fixtures: real database files in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.store import Store
from tests.support import SMALL_JOURNAL


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
    # Times of their own: the rules follow `at` (the shared order), so a test's later lines
    # at fixed times must come after these.
    small_store.record(
        {
            "type": "session.scheduled",
            "at": "2026-03-11T09:00:00-07:00",
            "session": 2,
            "starts": "2026-03-17T16:30:00-07:00",
        }
    )
    small_store.record({"type": "session.started", "at": "2026-03-17T16:31:00-07:00", "session": 2})
    return small_store
