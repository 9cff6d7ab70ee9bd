"""Helpers shared by the tests (importable as `tests.support`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from models.board import BoardRow, board_rows
from models.rules import standing_of
from models.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
SMALL_JOURNAL = FIXTURES / "small-journal.jsonl"
MONEY_JOURNAL = FIXTURES / "money-journal.jsonl"
"""Three sessions of economic moves (see tests/test_money.py)."""


def money_store(path: Path) -> Store:
    """A new store at `path` holding the money scenario."""
    store = Store(path, create=True)
    with MONEY_JOURNAL.open(encoding="utf-8") as lines:
        store.import_journal(lines)
    return store


INIT = [
    "init",
    "--union",
    "Riverbend Education Association",
    "--union-short",
    "REA",
    "--employer",
    "Riverbend Unified School District",
    "--employer-short",
    "RUSD",
    "--timezone",
    "America/Los_Angeles",
]
"""`bargain init` for the fictional campaign the CLI tests use."""


def file_digest(path: Path) -> str:
    """A digest of a database and its WAL, to prove nothing was written."""
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        part = Path(str(path) + suffix)
        if part.exists():
            digest.update(part.read_bytes())
    return digest.hexdigest()


class FailingConnection:
    """A sqlite3 connection whose writes fail as the operating system would make them fail.

    Tests run as root (read-only files stay writable) and no disk can be filled here, so the
    error is injected at the store's boundary: every statement that writes raises `error`.
    """

    WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "BEGIN IMMEDIATE")

    def __init__(self, real: object, error: Exception) -> None:
        self._real = real
        self._error = error

    def execute(self, sql: str, *args: object) -> object:
        if sql.lstrip().upper().startswith(self.WRITES):
            raise self._error
        return self._real.execute(sql, *args)  # type: ignore[attr-defined]

    def executemany(self, sql: str, *args: object) -> object:
        raise self._error

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)


def board_by_walking(store: Store) -> list[BoardRow]:
    """The board as `rules.standing_of` tells it from every move in journal order: the store
    asks SQLite for each article's latest moves instead, and must agree."""
    return board_rows(store.article_titles(), standing_of(store.moves(), store.agreements()))
