"""Restoring a database from a backup: checked first, and the current one kept aside."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from models.errors import StoreError
from models.private_files import backups_folder, make_private_dir
from models.schema_version import MIGRATION_NAMES, applied_migrations
from models.store import Store, check_file
from models.timeutil import utc_now


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
        if "_sqlite_migrations" not in tables or "events" not in tables:
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
    with Store(target):
        pass  # migrate an older backup and set WAL, as any open does
    return kept


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _copy_aside(target: Path) -> Path:
    folder = backups_folder(target)
    make_private_dir(folder, ours=True)
    stamp = utc_now().strftime("%Y%m%dT%H%M%S%fZ")
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
