"""Writing the files the app makes: private, whole, and never over the database.

Every writer (`backup -o`, `journal export -o`, `recap -o`, the app's recap files, the backups
folder) goes through `check_target` and makes its folders with `make_private_dir`; text files
are written by `write_private` (a temporary name in the same folder, 0600, fsync, rename), so
a reader never sees half a file and an earlier file is replaced whole or not at all.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from models.errors import StoreError

BACKUPS_FOLDER = "backups"
"""The folder beside the database that holds its backups."""
SIDE_SUFFIXES = ("-wal", "-shm")
SQLITE_HEADER = b"SQLite format 3\x00"


def backups_folder(database: Path) -> Path:
    """Where the backups of `database` are kept: `backups/` beside it."""
    return Path(database).parent / BACKUPS_FOLDER


def make_private_dir(folder: Path, *, ours: bool = False) -> None:
    """Make `folder` and every missing parent, each one 0700 whatever the umask.

    Folders that already exist are left as they are, unless `ours` (a folder the app owns,
    like `backups/` or `recaps/session-N/`): that one is made 0700 again.
    """
    folder = Path(folder)
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for part in reversed(missing):
        with suppress(FileExistsError):
            part.mkdir(mode=0o700)
            os.chmod(part, 0o700)
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    if ours and not missing:
        os.chmod(folder, 0o700)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _spellings(path: Path) -> set[Path]:
    """The absolute, symlink-free paths a file may go by (the path, resolved and not)."""
    names = {Path(os.path.abspath(path))}
    with suppress(OSError, RuntimeError):
        names.add(path.resolve())
    return names


def database_id_of(path: Path) -> str | None:
    """The database id recorded in a file, read without writing anything beside it (an
    immutable read-only open makes no -wal or -shm); None for any other file."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None
        uri = Path(path).resolve().as_uri() + "?mode=ro&immutable=1"
        conn = sqlite3.connect(uri, uri=True)
    except (OSError, ValueError, sqlite3.Error):
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else None


def check_target(target: Path, database: Path, database_id: str | None = None) -> None:
    """Refuse to write `target` when it is the database, its -wal or -shm, or a kept backup.

    Files are compared, not strings: an existing target is compared by device and inode (a
    symlink, a hard link, `./x/../team.db` all are the database), one that does not exist yet
    by its resolved path against the database's side files. A target inside the backups
    folder that is a backup of this database (same `database_id`, read from the database
    when not given) is refused too.
    """
    target = Path(target)
    database = Path(database)
    sides = [database, *(Path(str(database) + suffix) for suffix in SIDE_SUFFIXES)]
    with suppress(OSError, RuntimeError):
        resolved = database.resolve()
        sides += [Path(str(resolved) + suffix) for suffix in SIDE_SUFFIXES]
    names = _spellings(target)
    for side in sides:
        if _same_file(target, side) or names & _spellings(side):
            raise StoreError(
                f"{target} is the database {database.name} itself (or one of its files); "
                "choose another file to write"
            )
    folder = backups_folder(database)
    if not target.is_file() or not _same_file(target.parent, folder):
        return
    ours = database_id if database_id is not None else database_id_of(database)
    if ours is not None and database_id_of(target) == ours:
        raise StoreError(
            f"{target} is one of the kept backups of {database.name}; choose another file to write"
        )


@contextmanager
def private_temporary(target: Path) -> Iterator[Path]:
    """A new empty file, 0600, beside `target`; removed unless renamed over it by `publish`."""
    aside = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    aside.unlink(missing_ok=True)
    descriptor = os.open(aside, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(descriptor)
    os.chmod(aside, 0o600)
    try:
        yield aside
    finally:
        aside.unlink(missing_ok=True)


def publish(aside: Path, target: Path) -> None:
    """Make the finished `aside` durable, then rename it over `target` (atomic)."""
    with open(aside, "rb+") as handle:
        os.fsync(handle.fileno())
    os.chmod(aside, 0o600)
    os.replace(aside, target)
    with suppress(OSError):
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def write_private(
    target: Path, data: str | bytes, *, database: Path, database_id: str | None = None
) -> Path:
    """Write `data` (text as UTF-8, line endings as they are) into `target`, mode 0600.

    Checks the target first (`check_target`), makes missing folders 0700, and replaces an
    earlier file whole. Raises StoreError for a refused target, OSError when the disk refuses.
    """
    target = Path(target)
    check_target(target, database, database_id)
    make_private_dir(target.parent)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with private_temporary(target) as aside:
        with open(aside, "wb") as handle:
            handle.write(payload)
        publish(aside, target)
    return target
