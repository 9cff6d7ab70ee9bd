"""The database file and its connection: opening it safely, its pragmas, its failures as
messages, the lock, and the one write transaction every change goes through."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from models.errors import StoreError
from models.private_files import SQLITE_HEADER, make_private_dir

BUSY_TIMEOUT_ENV = "BARGAIN_BUSY_TIMEOUT"


def busy_timeout_s() -> float:
    """How long a write waits for another seat's transaction: 10 s, or $BARGAIN_BUSY_TIMEOUT."""
    try:
        return max(float(os.environ.get(BUSY_TIMEOUT_ENV, "10")), 0.05)
    except ValueError:
        return 10.0


Row = tuple[Any, ...]


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """SQLite's and the system's failures as messages a user can act on."""
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        raise translate(path, error) from None


def translate(path: Path, error: sqlite3.Error | OSError) -> Exception:
    """The StoreError a failure means to a user; integrity errors stay as they are."""
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return StoreError(f"no room left on the disk holding {path}; free some space")
        return StoreError(f"cannot use {path}: {error.strerror}")
    if isinstance(error, sqlite3.IntegrityError):
        return error
    text = str(error).lower()
    if isinstance(error, sqlite3.OperationalError):
        if "locked" in text or "busy" in text:
            return StoreError(
                f"{path} is locked by another program for more than {busy_timeout_s():g} s; "
                "close it and try again"
            )
        if "readonly" in text or "read-only" in text:
            return StoreError(f"{path} is read-only; make it writable or choose another file")
        if "disk" in text and "full" in text:
            return StoreError(f"no room left on the disk holding {path}; free some space")
        if "disk i/o" in text:
            return StoreError(f"the disk holding {path} failed to read or write; check it")
        if "unable to open" in text:
            return StoreError(f"cannot open {path}; check the folder exists and is writable")
        if "malformed" not in text and "not a database" not in text:
            return error
    return damaged(path)


def damaged(path: Path) -> StoreError:
    return StoreError(
        f"{path} is damaged and cannot be read; restore a backup with "
        "`bargain restore FILE` (backups are in the backups folder beside it)"
    )


def create_private_file(path: Path) -> None:
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(descriptor)
    os.chmod(path, 0o600)


@contextmanager
def kept_as_it_was_unless_done(path: Path) -> Iterator[None]:
    """Make a database at `path` inside this block; if the block fails, put the file back.

    A file that was missing is removed again, and an empty one is emptied again with its
    mode and times; -wal and -shm files made on the way go too. A file with content is never
    touched here: opening it changes nothing until a write commits. Close the store inside.
    """
    path = Path(path)
    try:
        before: os.stat_result | None = path.stat()
    except FileNotFoundError:
        before = None
    except OSError:
        yield
        return
    if before is not None and (before.st_size > 0 or not stat.S_ISREG(before.st_mode)):
        yield
        return
    sides = [Path(str(path) + suffix) for suffix in ("-wal", "-shm")]
    new_sides = [side for side in sides if not side.exists()]
    try:
        yield
    except BaseException:
        with suppress(OSError):
            if before is None:
                path.unlink(missing_ok=True)
            else:
                os.truncate(path, 0)
                os.chmod(path, stat.S_IMODE(before.st_mode))
                os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        for side in new_sides:
            with suppress(OSError):
                side.unlink(missing_ok=True)
        raise


def why_unreadable(path: Path, error: OSError) -> str:
    """Why a file named by the user could not be read, in the words every such read uses."""
    if isinstance(error, PermissionError):
        return f"{path} cannot be read; check its permissions"
    return f"cannot read {path}: {error.strerror}"


def check_file(path: Path) -> None:
    """Refuse, before SQLite sees it, a file that cannot be a bargaining database."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a database file") from None
    except OSError as error:
        raise StoreError(why_unreadable(path, error)) from None
    if not header:
        return
    if not header.startswith(SQLITE_HEADER):
        raise StoreError(
            f"{path} is not a bargaining database (it is not an SQLite file); "
            "choose another file with --db"
        )
    if len(header) < 100:
        raise damaged(path)


def open_connection(path: Path, *, create: bool) -> sqlite3.Connection:
    exists = path.exists()
    if not exists and not create:
        raise StoreError(f"no database at {path}; run `bargain init`")
    if exists:
        check_file(path)
        if path.stat().st_size == 0:
            if not create:
                raise StoreError(f"{path} is empty; run `bargain init` to set it up")
            with translated(path):
                os.chmod(path, 0o600)  # it becomes the database: owner only
    else:
        try:
            make_private_dir(path.parent)
            create_private_file(path)
        except FileExistsError:
            pass
        except OSError as error:
            if error.errno == errno.ENOSPC:
                raise StoreError(
                    f"no room left on the disk holding {path}; free some space"
                ) from None
            raise StoreError(f"cannot create {path}: {error.strerror}") from None
    old_umask = os.umask(0o077)
    try:
        conn = sqlite3.connect(str(path), timeout=busy_timeout_s(), check_same_thread=False)
    except sqlite3.Error:
        raise StoreError(f"cannot open {path}; check the folder exists and is writable") from None
    finally:
        os.umask(old_umask)
    try:
        with translated(path):
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s() * 1000)}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def configure(conn: sqlite3.Connection, path: Path) -> None:
    """WAL, foreign keys and durable commits: set once, where the database is opened."""
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
    if mode is None or str(mode[0]).lower() != "wal":
        raise StoreError(f"{path} cannot be switched to WAL mode; is the folder writable?")
    conn.execute("PRAGMA synchronous = FULL")
    for suffix in ("-wal", "-shm"):
        side = Path(str(path) + suffix)
        if side.exists():
            with suppress(OSError):
                os.chmod(side, 0o600)


class Connection:
    """One open database file: its connection, the lock every use holds, and its caches.

    Safe to share between threads. Every write goes through `write()`.
    """

    def __init__(self, path: Path, *, create: bool) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.conn = open_connection(path, create=create)
        self.in_write: dict[str, Any] | None = None
        """Scratch values of the write under way (None outside one); dropped with it."""
        self.campaign_seen = False
        self.cache: dict[str, Any] = {}
        self.cache_position = -1
        self.fill_columns: dict[str, tuple[str, ...]] = {}
        """Each table's columns a new row fills (those without a default), once asked."""

    def close(self) -> None:
        with self.lock:
            self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, begun IMMEDIATE so two seats queue instead of failing."""
        with self.lock, translated(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("PRAGMA defer_foreign_keys = ON")
            self.in_write = {}
            try:
                yield self.conn
            except BaseException:
                self.conn.rollback()
                self.campaign_seen = False
                raise
            else:
                self.conn.commit()
            finally:
                self.in_write = None

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with self.lock, translated(self.path):
            yield self.conn

    def query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        with self.lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise translate(self.path, error) from None

    def one(self, sql: str, params: Sequence[object] = ()) -> Row | None:
        with self.lock:
            try:
                row: Row | None = self.conn.execute(sql, params).fetchone()
            except sqlite3.Error as error:
                raise translate(self.path, error) from None
            return row

    def insert(self, table: str, **columns: object) -> None:
        """Add one row to `table`, its columns by name, in the write under way."""
        marks = ", ".join("?" * len(columns))
        self.conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", tuple(columns.values())
        )

    def columns_to_fill(self, table: str) -> tuple[str, ...]:
        """The columns of `table` a new row gives a value (those without a default)."""
        if table not in self.fill_columns:
            rows = self.query(f"PRAGMA table_info({table})")
            self.fill_columns[table] = tuple(row[1] for row in rows if row[4] is None)
        return self.fill_columns[table]

    def tables(self) -> list[str]:
        rows = self.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [row[0] for row in rows]

    def has_campaign(self) -> bool:
        """True once the database holds its campaign."""
        # The campaign can never be undone, so once seen it is there for good.
        if not self.campaign_seen:
            self.campaign_seen = (
                self.one("SELECT 1 FROM events WHERE type = 'campaign.created' AND undone = 0")
                is not None
            )
        return self.campaign_seen

    def forget(self, key: str) -> None:
        """Drop a value the write under way kept (it changed)."""
        if self.in_write is not None:
            self.in_write.pop(key, None)

    def last_seq(self) -> int:
        """The journal's last position: it grows with every change any seat commits."""
        row = self.one("SELECT max(seq) FROM events")
        return int(row[0]) if row and row[0] is not None else 0

    def cached(self, name: str, compute: Callable[[], Any]) -> Any:
        """A value derived from the whole journal, kept until the journal grows (every change,
        undo included, appends an event, from this seat or another)."""
        with self.lock:
            if self.in_write is not None:
                return compute()  # uncommitted state may yet be rolled back
            position = self.last_seq()
            if self.cache_position != position:
                self.cache = {}
                self.cache_position = position
            if name not in self.cache:
                self.cache[name] = compute()
            return self.cache[name]


def json_text(value: object) -> str:
    """A value as the store keeps JSON: compact, non-ASCII as it is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def kept(value: object) -> object:
    """A payload's value as a fact column keeps it: an enum by its value, a time or a day in
    ISO 8601, a flag as 0 or 1, a list or a mapping as JSON."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list | dict):
        return json_text(value)
    return value
