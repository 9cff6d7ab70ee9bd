"""Which schema a file has, read with plain sqlite3: opening a current file loads no more.

`models.schema` holds the migrations themselves (through sqlite-utils); it is imported only
when a file needs one. The names here are checked against it when it is imported.
"""

from __future__ import annotations

import sqlite3

APP_ID = "open-bargaining"
MIGRATION_NAMES = (
    "m001_journal_and_facts",
    "m002_index_lookups",
    "m003_index_moves",
    "m004_database_id",
)
"""Every migration this version knows, in order (append, never edit)."""
SCHEMA_VERSION = len(MIGRATION_NAMES)
MIGRATIONS_TABLE = "_sqlite_migrations"
"""Where sqlite-utils' `Migrations` records what it applied."""


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """The names of our migrations applied to the file, in the order they were applied."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    if exists is None:
        return []
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        (APP_ID,),
    ).fetchall()
    return [row[0] for row in rows]
