"""Seats on other computers: each seat its own database, journals exchanged through a shared
folder that the team's file-sync tool keeps in step (DESIGN.md, "Seats on other computers").

    report = exchange(store, folder)          # write what is new, take in what others wrote
    store = join(folder, db_path, seat="notes")  # a new seat's database, from the folder

The package holds no SQL: what it keeps goes through the store (`models.store.seat_store`).
`folder` is the files and their format, `crypto` the team passphrase, `exchanging` this
seat's side of an exchange, `incoming` what the other seats wrote.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from models.domain import Conflict, SeatSeen
from models.errors import DomainError

if TYPE_CHECKING:
    from models.store import Store

PASSPHRASE_ENV = "BARGAIN_TEAM_KEY"
FOLDER_KEY = "sync_folder"


class ExchangeReport(NamedTuple):
    """What one exchange did: when, events written out and taken in, this seat's events not
    yet in the folder, the other seats met, conflicts to settle, and problems met (each said
    once per process)."""

    at: datetime
    sent: int
    received: int
    waiting: int
    seats: tuple[SeatSeen, ...]
    conflicts: int
    problems: tuple[str, ...]


def exchange(store: Store, folder: Path, *, passphrase: str | None = None) -> ExchangeReport:
    """Exchange once with the shared folder: write this seat's new events into its own
    folder, then take in what the other seats wrote, each event at its place in the shared
    order. Refused (DomainError, one line) only for this seat's own trouble: a copied
    database, or a passphrase that does not open its files."""
    from models.seats import exchanging as ex
    from models.seats import incoming

    folder = Path(folder)
    own = store.database_id
    report = incoming.Exchanged(folder)
    ex.check_own_folder(store, folder, own, passphrase)
    key = ex.own_key(store, folder, own, passphrase)
    ex.publish(store, folder, own, key, report)
    incoming.take_in_others(store, folder, own, passphrase, report)
    return ExchangeReport(
        at=datetime.now().astimezone(),
        sent=report.sent,
        received=report.received,
        waiting=ex.waiting(store),
        seats=tuple(store.seat_records.seats_seen()),
        conflicts=len(store.conflicts()),
        problems=tuple(report.problems),
    )


def join(folder: Path, db_path: Path, *, seat: str = "", passphrase: str | None = None) -> Store:
    """Make a new seat's database at `db_path` from the shared folder (refused when the file
    exists), remember the folder, and return it open. Nothing is left behind on refusal."""
    from models.seats import incoming
    from models.seats.folder import seats_dir
    from models.store import Store
    from models.store.connection import kept_as_it_was_unless_done

    folder, db_path = Path(folder), Path(db_path)
    if db_path.exists():
        raise DomainError(
            f"{db_path} already exists; `join` makes a new seat's database (choose another --db)"
        )
    if not seats_dir(folder).is_dir():
        raise DomainError(
            f"{folder} holds no seats yet; run `bargain sync {folder}` on the seat that has "
            "the campaign first"
        )
    with kept_as_it_was_unless_done(db_path):
        store = Store(db_path, create=True, seat=seat)
        try:
            report = incoming.Exchanged(folder, once=False)
            own = store.database_id
            incoming.take_in_others(store, folder, own, passphrase, report)
            if not store.has_campaign():
                why = report.problems[0] if report.problems else "no seat has written it yet"
                raise DomainError(f"no campaign found in {folder}: {why}")
            remember_folder(store, folder)
        except BaseException:
            store.close()
            raise
    return store


def remembered_folder(store: Store) -> Path | None:
    """The shared folder this database syncs with (given once with `--sync DIR`)."""
    value = store.seat_records.meta_value(FOLDER_KEY)
    return Path(value) if value else None


def remember_folder(store: Store, folder: Path) -> None:
    """Remember the shared folder this database syncs with."""
    store.seat_records.set_meta(FOLDER_KEY, str(Path(folder).expanduser().absolute()))


def read_passphrase(passphrase_file: Path | None) -> str | None:
    """The team passphrase: the file's first line when one is given, else $BARGAIN_TEAM_KEY,
    else None (files are then written plain)."""
    if passphrase_file is not None:
        try:
            text = Path(passphrase_file).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise DomainError(f"no passphrase file at {passphrase_file}") from None
        except (OSError, UnicodeDecodeError):
            raise DomainError(f"cannot read the passphrase file {passphrase_file}") from None
        lines = text.splitlines()
        first = lines[0].strip() if lines else ""
        if not first:
            raise DomainError(f"{passphrase_file} is empty; put the team passphrase in it")
        return first
    value = os.environ.get(PASSPHRASE_ENV)
    return value if value else None


__all__ = [
    "Conflict",
    "ExchangeReport",
    "SeatSeen",
    "exchange",
    "join",
    "read_passphrase",
    "remember_folder",
    "remembered_folder",
]
