"""Backup and restore: copying the database, where copies are kept, which are pruned, and
putting one back.

A backup is a copy of the database, so it carries the database's `database_id` (the `meta`
row made by migration m004). Pruning keeps the last `BACKUPS_KEPT` ordinary backups of one
database: it looks only at files in `backups/` whose id is ours, never at a backup taken
before a migration, and never at the one just written.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import StoreError
from models.private_files import (
    backups_folder,
    check_target,
    database_id_of,
    make_private_dir,
    private_temporary,
    publish,
)
from models.store.connection import check_file, translated
from models.store.schema import MIGRATION_NAMES, MIGRATIONS_TABLE, applied_migrations
from models.timeutil import utc_now

if TYPE_CHECKING:
    from models.store.connection import Connection

BACKUPS_KEPT = 20
BEFORE_SCHEMA = "-before-schema-"
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_STAMP = re.compile(r"-(\d{8}T\d{12}Z)-")


def backup_name(database: Path, reason: str, now: datetime) -> Path:
    """`backups/<stem>-<UTC stamp>-<reason>.db` beside the database."""
    stamp = now.astimezone(UTC).strftime(STAMP_FORMAT)
    return backups_folder(database) / f"{Path(database).stem}-{stamp}-{reason}.db"


def _taken_at(path: Path) -> str:
    """When a backup was taken: the stamp in its name, else its modification time."""
    found = _STAMP.search(path.name)
    if found:
        return found.group(1)
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime(STAMP_FORMAT)
    except OSError:
        return ""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def prune_backups(
    folder: Path, database_id: str, *, just_written: Path, kept: int = BACKUPS_KEPT
) -> list[Path]:
    """Remove the oldest ordinary backups of database `database_id` in `folder` beyond `kept`.

    The one just written counts among the kept ones (when it is ordinary) and is never
    removed; files of other databases, strays and links are left alone. Returns the removed.
    """
    candidates: list[tuple[str, str, Path]] = []
    for path in folder.glob("*.db"):
        if BEFORE_SCHEMA in path.name or path.is_symlink() or not path.is_file():
            continue
        if _same_file(path, just_written) or database_id_of(path) != database_id:
            continue
        candidates.append((_taken_at(path), path.name, path))
    room = kept - 1 if BEFORE_SCHEMA not in just_written.name else kept
    candidates.sort()
    removed = [path for _, _, path in candidates[: max(len(candidates) - room, 0)]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def backup_database(
    db: Connection, database_id: str | None, destination: Path | None, reason: str
) -> Path:
    """Copy the database (WAL included) with SQLite's backup API, 0600, whole or not at all.

    Without a destination the copy goes into `backups/` beside the database, where the
    last `BACKUPS_KEPT` of this database's ordinary backups are kept. A destination that is
    the database, its -wal/-shm or a kept backup is refused.
    """
    folder = backups_folder(db.path)
    if destination is None:
        destination = backup_name(db.path, reason, utc_now())
        with translated(folder):
            make_private_dir(folder, ours=True)
    destination = Path(destination)
    check_target(destination, db.path, database_id)
    with translated(destination):
        make_private_dir(destination.parent)
        with private_temporary(destination) as aside:
            copy = sqlite3.connect(str(aside))
            try:
                with db.reading() as conn:
                    conn.backup(copy)
            finally:
                copy.close()
            for suffix in ("-wal", "-shm"):
                Path(str(aside) + suffix).unlink(missing_ok=True)
            publish(aside, destination)
        if database_id is not None and folder.is_dir() and destination.parent.samefile(folder):
            prune_backups(folder, database_id, just_written=destination)
    return destination


def check_backup(source: Path) -> int:
    """Refuse a file that is not a sound database of ours; return its schema version."""
    if not source.exists():
        raise StoreError(f"no file at {source}")
    check_file(source)
    if source.stat().st_size == 0:
        raise StoreError(f"{source} is empty; it is not a backup")
    try:
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    except sqlite3.Error:
        raise StoreError(f"cannot open {source}; check its permissions") from None
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise StoreError(f"{source} is damaged ({verdict}); choose another backup")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if MIGRATIONS_TABLE not in tables or "events" not in tables:
            raise StoreError(f"{source} is not a bargaining database; choose another backup")
        applied = applied_migrations(conn)
    except sqlite3.DatabaseError:
        raise StoreError(f"{source} is damaged and cannot be read; choose another backup") from None
    finally:
        conn.close()
    known = list(MIGRATION_NAMES)
    if not applied:
        raise StoreError(f"{source} is not a bargaining database; choose another backup")
    if applied != known[: len(applied)]:
        raise StoreError(
            f"{source} was written by a newer version of open-bargaining (schema version "
            f"{len(applied)}; this version knows {len(known)}); upgrade to restore it"
        )
    return len(applied)


def restore_database(target: Path, source: Path) -> Path | None:
    """Replace the database at `target` with the backup `source`.

    The current database is backed up first (or, if it cannot be opened, its files are copied
    aside as they are); returns where the current one was kept, or None if there was none.
    Close the app on other seats first: they would keep showing the old data until restarted.
    """
    check_backup(source)
    if _same_file(source, target) or source.resolve() == target.resolve():
        raise StoreError(f"{source} is the database itself; choose a backup file")
    kept: Path | None = None
    from models.store import Store  # the facade opens the current one, as any open does

    if target.exists():
        try:
            with Store(target) as current:
                kept = current.backup(reason="before-restore")
        except StoreError:
            kept = _copy_aside(target)
    make_private_dir(target.parent)
    staging = target.with_name(target.name + ".restoring")
    staging.unlink(missing_ok=True)
    descriptor = os.open(staging, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(descriptor)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(staging)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(staging, target)
    os.chmod(target, 0o600)
    with Store(target) as restored:  # migrate an older backup and set WAL, as any open does
        # Its seat folder may hold files written after this backup: the next exchange takes
        # them back in instead of taking them for another database's.
        restored.seat_records.set_meta("seats_adopt", "1")
    return kept


def _copy_aside(target: Path) -> Path:
    folder = backups_folder(target)
    make_private_dir(folder, ours=True)
    stamp = utc_now().strftime(STAMP_FORMAT)
    aside = folder / f"{target.stem}-{stamp}-unreadable.db"
    shutil.copyfile(target, aside)
    os.chmod(aside, 0o600)
    for suffix in ("-wal", "-shm"):
        part = Path(str(target) + suffix)
        if part.exists():
            side = Path(str(aside) + suffix)
            shutil.copyfile(part, side)
            os.chmod(side, 0o600)
    return aside
