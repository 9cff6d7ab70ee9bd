"""Backups: which database a backup belongs to, where they are kept, and which are pruned.

A backup is a copy of the database, so it carries the database's `database_id` (the `meta`
row made by migration m004). Pruning keeps the last `BACKUPS_KEPT` ordinary backups of one
database: it looks only at files in `backups/` whose id is ours, never at a backup taken
before a migration, and never at the one just written.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from models.private_files import backups_folder, database_id_of

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
