"""Taking in what the other seats wrote: their files not yet taken in, read, checked, opened
with their key when sealed, and their lines taken into the journal at their place in the
shared order. Whatever a file holds, nothing here raises: a problem is said once and the
file passed over (or, not yet whole, tried again once it changes)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.errors import DomainError
from models.seats import crypto
from models.seats.folder import KEY_NAME, listing, read_file, seat_dir, segment_index, written_at

if TYPE_CHECKING:
    from models.store import Store

_said: set[tuple[str, str]] = set()
"""Problems already said by this process, per folder: each is said once."""
_unchanged: dict[tuple[str, str | None], tuple[int, int]] = {}
"""Files that could not be taken in, with their size and time then: not read again until
they change."""


class Exchanged:
    """What one exchange did, gathered as it goes."""

    def __init__(self, folder: Path, *, once: bool = True) -> None:
        self.folder = folder
        self.once = once
        self.sent = 0
        self.received = 0
        self.problems: list[str] = []
        self.seen: dict[str, datetime] = {}

    def say(self, problem: str) -> None:
        """Add a problem to the report, once per process and folder."""
        key = (str(self.folder), problem)
        if key not in _said or not self.once:
            _said.add(key)
            self.problems.append(problem)


def take_in_others(
    store: Store, folder: Path, own: str, passphrase: str | None, report: Exchanged
) -> None:
    """Read the other seats' files not taken in yet, and take their events in."""
    lines: list[dict[str, Any]] = []
    files: list[tuple[str, str, frozenset[str]]] = []
    for db_id, names in listing(folder).items():
        if db_id == own:
            continue
        taken = store.seat_records.taken_files(db_id)
        waiting_names = [n for n in names if segment_index(n) is not None and n not in taken]
        key: bytes | bool | None = None  # False once this seat's key cannot be had
        for name in waiting_names:
            path = seat_dir(folder, db_id) / name
            if _still_unchanged(path, passphrase):
                continue
            found = segment_lines(path, db_id, name, passphrase, key, report)
            if found is None:
                _remember(path, passphrase)
                continue
            key, file_lines = found
            lines += file_lines
            files.append((db_id, name, frozenset(str(line["id"]) for line in file_lines)))
    if not lines and not files:
        return
    taken_in = store.seat_records.take_in(lines, files)
    report.received += taken_in.received
    for problem in taken_in.problems:
        report.say(problem)
    for db_id, moment in report.seen.items():
        store.seat_records.note_seat_seen(db_id, moment)


def segment_lines(
    path: Path,
    db_id: str,
    name: str,
    passphrase: str | None,
    key: bytes | bool | None,
    report: Exchanged,
) -> tuple[bytes | bool | None, list[dict[str, Any]]] | None:
    """The lines of one segment of another seat, or None when it cannot be taken in now."""
    read = read_file(path)
    seat = f"seat {db_id[:8]}"
    if read.state == "partial":
        return None
    if read.state == "newer":
        report.say(f"{seat} writes files of a newer version ({read.why}); upgrade to read them")
        return None
    if read.state == "damaged" or read.header.get("db") != db_id or read.header.get("name") != name:
        report.say(f"{path} is not a whole seat file ({read.why or 'it was moved'}); passed over")
        return None
    moment = written_at(read.header)
    if moment is not None:
        report.seen[db_id] = max(moment, report.seen.get(db_id, moment))
    body = read.body
    enc = read.header.get("enc")
    if enc == "aes-gcm":
        if passphrase is None:
            report.say(
                f"{seat} writes with a team passphrase; give it (--passphrase-file or "
                "$BARGAIN_TEAM_KEY) to take its events in"
            )
            return None
        if key is None:
            key = _other_key(path.parent, db_id, passphrase, report)
        if not isinstance(key, bytes):
            return None
        opened = crypto.open_sealed(key, body, f"{db_id}/{name}")
        if opened is None:
            report.say(f"{path} does not open with {seat}'s key; passed over")
            return None
        body = opened
    elif enc == "none":
        if passphrase is not None:
            report.say(f"{seat} writes without the team passphrase; its files are not taken in")
            return None
    else:
        report.say(f"{seat} writes files sealed in a way this version does not know; upgrade")
        return None
    return key, _lines_of(body, db_id, seat, report)


def _other_key(home: Path, db_id: str, passphrase: str, report: Exchanged) -> bytes | bool:
    read = read_file(home / KEY_NAME)
    seat = f"seat {db_id[:8]}"
    if read.state != "ok":
        if read.state != "partial":
            report.say(f"{seat}'s key file is not readable ({read.why}); its files wait")
        return False
    key = key_from(read.header, passphrase)
    if key is None or not crypto.key_opens(key, db_id, b64(read.header.get("check"))):
        report.say(f"the team passphrase does not open {seat}'s files; check it")
        return False
    return key


def _lines_of(body: bytes, db_id: str, seat: str, report: Exchanged) -> list[dict[str, Any]]:
    found = []
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        report.say(f"{seat} wrote a file that is not UTF-8 text; passed over")
        return []
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except (ValueError, RecursionError):
            report.say(f"{seat} wrote a line that is not JSON; left out")
            continue
        origin = line.get("origin") if isinstance(line, dict) else None
        if (
            not isinstance(origin, dict)
            or origin.get("db") != db_id
            or not isinstance(line.get("id"), str)
            or not isinstance(line.get("at"), str)
        ):
            report.say(f"{seat} wrote line {number} without its own origin, id and time; left out")
            continue
        line.pop("conflict", None)  # each seat finds conflicts for itself, in the shared order
        found.append(line)
    return found


def _still_unchanged(path: Path, passphrase: str | None) -> bool:
    before = _unchanged.get((str(path), passphrase))
    if before is None:
        return False
    try:
        now = path.stat()
    except OSError:
        return True
    return before == (now.st_size, now.st_mtime_ns)


def _remember(path: Path, passphrase: str | None) -> None:
    try:
        now = path.stat()
    except OSError:
        return
    _unchanged[(str(path), passphrase)] = (now.st_size, now.st_mtime_ns)


def key_from(header: dict[str, Any], passphrase: str) -> bytes | None:
    salt = b64(header.get("salt"))
    if not salt or header.get("kdf") != "scrypt":
        return None
    try:
        return crypto.derive(passphrase, salt, header)
    except (DomainError, ValueError, TypeError, KeyError):
        return None


def text64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii")


def b64(value: object) -> bytes:
    import base64
    import binascii

    if not isinstance(value, str):
        return b""
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return b""
