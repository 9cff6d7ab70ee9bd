"""What one seat prefers, kept beside the database: whether the note line keeps typing.

A small JSON file per seat (`<database>.seat-<seat>.json`, 0600, written whole through
`models.private_files.write_private`), not a journal event and not a column of the store:
like the half-typed note, it belongs to the seat and never leaves it. A file that is missing,
damaged or written by a newer version reads as the defaults, so nothing in it can stop the app.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import NamedTuple

from models.errors import StoreError
from models.private_files import write_private

VERSION = 1


class SeatSettings(NamedTuple):
    """One seat's preferences."""

    keep_typing: bool = False
    """Note-taker mode: Enter saves the note and the line stays ready for the next one
    (off: Enter saves the note and gives the keys back to the board)."""


def settings_path(database: Path, seat: str) -> Path:
    """Where `seat`'s settings for `database` live: beside it, named after both."""
    database = Path(database)
    name = re.sub(r"[^A-Za-z0-9_-]", "", seat)[:40]
    if name != seat:  # an odd seat name still gets a file of its own
        name = f"{name}-{hashlib.sha256(seat.encode()).hexdigest()[:8]}"
    return database.with_name(f"{database.name}.seat-{name or 'default'}.json")


def read_seat_settings(database: Path, seat: str) -> SeatSettings:
    """The seat's settings; the defaults when there is no file or it cannot be read."""
    try:
        data = json.loads(settings_path(database, seat).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return SeatSettings()
    if not isinstance(data, dict):
        return SeatSettings()
    keep = data.get("keep_typing")
    return SeatSettings(keep_typing=keep if isinstance(keep, bool) else False)


def save_seat_settings(database: Path, seat: str, settings: SeatSettings) -> None:
    """Write the seat's settings (whole, 0600); StoreError with what went wrong if refused."""
    target = settings_path(database, seat)
    body = json.dumps({"version": VERSION, "seat": seat, **settings._asdict()}, indent=1)
    try:
        write_private(target, body + "\n", database=Path(database))
    except OSError as error:
        raise StoreError(
            f"could not keep the seat's settings in {target}: {error.strerror or error}"
        ) from error
