"""The store's core: the connection, its transactions, opening and migrating the file."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Self

from models.dbfile import (
    Row,
    _configure,
    _open_connection,
    _translate,
    _translated,
)
from models.errors import StoreError
from models.private_files import (
    backups_folder,
    check_target,
    make_private_dir,
    private_temporary,
    publish,
)
from models.schema_version import MIGRATION_NAMES, MIGRATIONS_TABLE, applied_migrations
from models.timeutil import utc_now


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _side_name(side: str) -> str:
    return {"union": "the union", "employer": "the employer", "joint": "the joint sidebar"}[side]


class StoreCore:
    """One bargaining database file: the connection and its transactions.

    Safe to share between threads: every use of the connection holds one lock.
    """

    def __init__(
        self,
        path: Path,
        *,
        create: bool = False,
        clock: Callable[[], datetime] = utc_now,
        seat: str = "",
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self.seat = seat
        self._lock = threading.RLock()
        self._in_write: dict[str, Any] | None = None
        self._campaign_seen = False
        self._cache: dict[str, Any] = {}
        self._cache_position = -1
        self._database_id: str | None = None
        self._conn = _open_connection(self.path, create=create)
        try:
            applied = self._check_ours()
            with _translated(self.path):
                _configure(self._conn, self.path)
            self._migrate(applied)
        except BaseException:
            self._conn.close()
            raise

    # ----------------------------------------------------------------- opening

    def _check_ours(self) -> list[str]:
        """The migrations applied to the file, once it is known to be ours and not newer.

        Reads only: a stranger's file, or a newer one, is refused before anything is written.
        """
        names = set(self._conn_tables())
        if names and MIGRATIONS_TABLE not in names:
            raise StoreError(
                f"{self.path} is an SQLite database of another application; "
                "open-bargaining will not change it. Choose another file with --db"
            )
        with self._reading():
            applied = applied_migrations(self._conn) if names else []
        known = list(MIGRATION_NAMES)
        if names and not applied and names - {MIGRATIONS_TABLE}:
            raise StoreError(
                f"{self.path} is an SQLite database of another application; "
                "open-bargaining will not change it. Choose another file with --db"
            )
        if applied != known[: len(applied)]:
            raise StoreError(
                f"{self.path} was written by a newer version of open-bargaining "
                f"(schema version {len(applied)}; this version knows {len(known)}). "
                "Upgrade open-bargaining to open it"
            )
        return applied

    def _migrate(self, applied: list[str]) -> None:
        """Bring the file to this version's schema, after a backup; a current file costs
        nothing (sqlite-utils and the migrations are loaded only when one is pending)."""
        known = MIGRATION_NAMES
        if len(applied) == len(known):
            return
        from sqlite_utils import Database

        from models.schema import migrations

        if applied:
            self.backup(reason=f"before-schema-{len(known)}")
        with self._write():
            migrations.apply(Database(self._conn, execute_plugins=False))
            self._conn.execute(f"PRAGMA user_version = {len(known)}")

    def _conn_tables(self) -> list[str]:
        with self._reading():
            rows = self._conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            ).fetchall()
        return [row[0] for row in rows]

    def close(self) -> None:
        """Close the connection; the file is complete on disk after every commit already."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- plumbing

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, begun IMMEDIATE so two seats queue instead of failing."""
        with self._lock, _translated(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute("PRAGMA defer_foreign_keys = ON")
            self._in_write = {}
            try:
                yield self._conn
            except BaseException:
                self._conn.rollback()
                self._campaign_seen = False
                raise
            else:
                self._conn.commit()
            finally:
                self._in_write = None

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock, _translated(self.path):
            yield self._conn

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise _translate(self.path, error) from None

    def _one(self, sql: str, params: Sequence[object] = ()) -> Row | None:
        with self._lock:
            try:
                row: Row | None = self._conn.execute(sql, params).fetchone()
            except sqlite3.Error as error:
                raise _translate(self.path, error) from None
            return row

    def has_campaign(self) -> bool:
        """True once the database holds its campaign."""
        return self._has_campaign()

    def _has_campaign(self) -> bool:
        # The campaign can never be undone, so once seen it is there for good.
        if not self._campaign_seen:
            self._campaign_seen = (
                self._one("SELECT 1 FROM events WHERE type = 'campaign.created' AND undone = 0")
                is not None
            )
        return self._campaign_seen

    def _forget(self, key: str) -> None:
        if self._in_write is not None:
            self._in_write.pop(key, None)

    def last_seq(self) -> int:
        """The journal's last position: it grows with every change any seat commits."""
        row = self._one("SELECT max(seq) FROM events")
        return int(row[0]) if row and row[0] is not None else 0

    def data_version(self) -> int:
        """SQLite's data_version: changes when another connection commits."""
        row = self._one("PRAGMA data_version")
        assert row is not None
        return int(row[0])

    # ---------------------------------------------------------------- backups

    @property
    def database_id(self) -> str:
        """This database's own id: a random UUID4 made once (by migration m004)."""
        ident = self._recorded_database_id()
        if ident is None:  # pragma: no cover - every open file is migrated
            raise StoreError(f"{self.path} has no database id; open it once to migrate it")
        return ident

    def _recorded_database_id(self) -> str | None:
        """The id, or None before migration m004 has run (the backup taken just before it)."""
        if self._database_id is None:
            if "meta" not in self._conn_tables():
                return None
            row = self._one("SELECT value FROM meta WHERE key = 'database_id'")
            self._database_id = str(row[0]) if row else None
        return self._database_id

    def backup(self, destination: Path | None = None, *, reason: str = "manual") -> Path:
        """Copy the database (WAL included) with SQLite's backup API, 0600, whole or not at all.

        Without a destination the copy goes into `backups/` beside the database, where the
        last 20 of this database's ordinary backups are kept (see `models.backups`). A
        destination that is the database, its -wal/-shm or a kept backup is refused.
        """
        from models.backups import backup_name, prune_backups

        ident = self._recorded_database_id()
        folder = backups_folder(self.path)
        if destination is None:
            destination = backup_name(self.path, reason, utc_now())
            with _translated(folder):
                make_private_dir(folder, ours=True)
        destination = Path(destination)
        check_target(destination, self.path, ident)
        with _translated(destination):
            make_private_dir(destination.parent)
            with private_temporary(destination) as aside:
                copy = sqlite3.connect(str(aside))
                try:
                    with self._reading() as conn:
                        conn.backup(copy)
                finally:
                    copy.close()
                for suffix in ("-wal", "-shm"):
                    Path(str(aside) + suffix).unlink(missing_ok=True)
                publish(aside, destination)
            if ident is not None and folder.is_dir() and destination.parent.samefile(folder):
                prune_backups(folder, ident, just_written=destination)
        return destination
