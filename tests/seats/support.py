"""Helpers for the seats tests: two or three databases of one campaign, and their states."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from models.store import Store
from tests.support import SMALL_JOURNAL
from tests.test_journal import state_of as journal_state_of


def state_of(store: Store) -> tuple[object, ...]:
    """Everything a screen or a recap can see, and the conflicts to settle."""
    return (*journal_state_of(store), [(c.event_id, c.reason) for c in store.conflicts()])


def event_set(store: Store) -> set[str]:
    """The journal as a set of events (each line without `conflict`, which a seat finds)."""
    found = set()
    for text in store.journal():
        line = json.loads(text)
        line.pop("conflict", None)
        found.add(json.dumps(line, sort_keys=True))
    return found


def rebuilt(store: Store, path: Path) -> Store:
    """A new database made by importing `store`'s journal."""
    again = Store(path, create=True)
    again.import_journal(list(store.journal()))
    return again


def small_lines() -> list[str]:
    return SMALL_JOURNAL.read_text(encoding="utf-8").splitlines()


def line(kind: str, at: str, **fields: Any) -> dict[str, Any]:
    return {"type": kind, "at": at, **fields}
