"""One exchange with the shared folder: check this seat's own folder, write what it has not
written yet, and take in what the other seats wrote.

Nothing in the folder can make an exchange fail: a file not yet whole is skipped until it is,
a damaged one or a newer version is said once and passed over, a line that cannot be read is
left out. Only this seat's own trouble stops it, with one line: its folder holds a file it
did not write (a copied database: `join` instead), or the passphrase does not open its files.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.errors import DomainError
from models.seats import crypto
from models.seats.folder import (
    KEY_NAME,
    clear_temporaries,
    encode,
    listing,
    read_file,
    seat_dir,
    segment_index,
    segment_name,
    write_new,
    written_at,
)

if TYPE_CHECKING:
    from models.store import Store

SEGMENT_BYTES = 8 * 1024 * 1024
"""A seat splits what it writes in one exchange into files of about this size at most."""

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


def check_own_folder(store: Store, folder: Path, own: str, passphrase: str | None) -> None:
    """Refuse to go on when this seat's folder holds a file it did not write: a copy of
    another seat's database would mix two seats' events under one id. After a restore, the
    files written since the backup are this seat's own: they are taken back in."""
    names = listing(folder).get(own, [])
    records = {record.name for record in store.seat_files()}
    unknown = [name for name in names if name not in records]
    if not unknown:
        if store.meta_value("seats_adopt"):
            store.set_meta("seats_adopt", None)
        return
    if store.meta_value("seats_adopt"):
        _adopt(store, folder, own, unknown, passphrase)
        store.set_meta("seats_adopt", None)
        return
    raise DomainError(
        f"{seat_dir(folder, own) / unknown[0]} was not written by this database, so this "
        "database looks like a copy of another seat's; syncing stopped. Make this seat's "
        f"database with `bargain join {folder}` instead"
    )


def _adopt(
    store: Store, folder: Path, own: str, names: list[str], passphrase: str | None
) -> None:
    """Take back this seat's own files written after the backup it was restored from: their
    events come back into the journal, and their names and numbers are never used again."""
    report = Exchanged(folder)
    key: bytes | None | bool = None
    lines: list[dict[str, Any]] = []
    for name in names:
        path = seat_dir(folder, own) / name
        read = read_file(path)
        first = last = 0
        if read.state == "ok":
            first = _int(read.header.get("first_n"))
            last = _int(read.header.get("last_n"))
            if segment_index(name) is not None:
                found = _segment_lines(path, own, name, passphrase, key, report)
                if found is not None:
                    key, more = found
                    lines += more
        store.note_seat_file(name, first, last, "written" if read.state == "ok" else "abandoned")
    if lines:
        store.take_in(lines)


def publish(
    store: Store, folder: Path, own: str, key: bytes | None, report: Exchanged
) -> None:
    """Write this seat's events that are not in the folder yet into new files of its own."""
    clear_temporaries(folder, own)
    records = store.seat_files()
    for record in records:
        if record.state == "writing":  # killed while writing it: whole, or never there
            whole = read_file(seat_dir(folder, own) / record.name).state == "ok"
            store.note_seat_file(
                record.name, record.first_n, record.last_n, "written" if whole else "abandoned"
            )
    published = _published_n(store)
    lines = store.own_lines_after(published)
    if not lines:
        return
    taken = {segment_index(r.name) or 0 for r in records}
    taken |= {segment_index(n) or 0 for n in listing(folder).get(own, [])}
    index = max(taken, default=0) + 1
    for chunk in _chunks(lines):
        index = _write_segment(store, folder, own, key, chunk, index, report)
        if index < 0:
            return
        report.sent += len(chunk)
        index += 1


def _write_segment(
    store: Store,
    folder: Path,
    own: str,
    key: bytes | None,
    chunk: list[tuple[int, str]],
    index: int,
    report: Exchanged,
) -> int:
    """Write one segment at the first free index from `index`; its index, or -1 when the
    folder cannot be written (said in the report)."""
    body = "".join(line + "\n" for _n, line in chunk).encode("utf-8")
    first, last = chunk[0][0], chunk[-1][0]
    for _attempt in range(100):
        name = segment_name(index)
        sealed = crypto.seal(key, body, f"{own}/{name}") if key else body
        header = {
            "kind": "segment",
            "db": own,
            "name": name,
            "enc": "aes-gcm" if key else "none",
            "first_n": first,
            "last_n": last,
            "count": len(chunk),
            "seat": store.seat,
            "written": datetime.now(UTC).isoformat(),
        }
        store.note_seat_file(name, first, last, "writing")
        try:
            write_new(folder, own, name, encode(header, sealed))
        except FileExistsError:
            store.note_seat_file(name, first, last, "abandoned")
            index += 1
            continue
        except OSError as error:
            store.note_seat_file(name, first, last, "abandoned")
            report.say(f"cannot write into {seat_dir(folder, own)}: {error.strerror}")
            return -1
        store.note_seat_file(name, first, last, "written")
        return index
    report.say(f"cannot find a free file name in {seat_dir(folder, own)}")
    return -1


def _chunks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    chunks: list[list[tuple[int, str]]] = [[]]
    size = 0
    for item in lines:
        if chunks[-1] and size + len(item[1]) > SEGMENT_BYTES:
            chunks.append([])
            size = 0
        chunks[-1].append(item)
        size += len(item[1]) + 1
    return chunks


def _published_n(store: Store) -> int:
    return max((r.last_n for r in store.seat_files() if r.state == "written"), default=0)


def waiting(store: Store) -> int:
    """How many of this seat's events are not in the folder yet."""
    return store.own_count_after(_published_n(store))


def own_key(store: Store, folder: Path, own: str, passphrase: str | None) -> bytes | None:
    """This seat's key, from its key file (made, with a new salt, the first time); refused
    with one line when the passphrase does not open it."""
    if passphrase is None:
        return None
    if not passphrase:
        raise DomainError("the team passphrase is empty; give the one the team agreed on")
    path = seat_dir(folder, own) / KEY_NAME
    for _attempt in range(3):
        read = read_file(path)
        if read.state == "ok":
            key = _key_from(read.header, passphrase)
            if key is None or not crypto.key_opens(key, own, _b64(read.header.get("check"))):
                raise crypto.WrongPassphrase(
                    f"the team passphrase does not open this seat's files in {folder}; "
                    "check it (--passphrase-file or $BARGAIN_TEAM_KEY)"
                )
            return key
        if path.exists() and read.state != "partial":
            raise DomainError(f"{path} is damaged ({read.why}); move it aside and sync again")
        salt = crypto.new_salt()
        key = crypto.derive(passphrase, salt)
        header = {
            "kind": "key",
            "db": own,
            "name": KEY_NAME,
            "kdf": "scrypt",
            **crypto.SCRYPT,
            "salt": _text64(salt),
            "check": _text64(crypto.check_value(key, own)),
        }
        store.note_seat_file(KEY_NAME, 0, 0, "writing")
        try:
            write_new(folder, own, KEY_NAME, encode(header, b""))
        except FileExistsError:
            continue  # another process of this seat made it: read that one
        except OSError as error:
            raise DomainError(f"cannot write into {seat_dir(folder, own)}: {error.strerror}") from None
        store.note_seat_file(KEY_NAME, 0, 0, "written")
        return key
    raise DomainError(f"cannot make {path}; check the folder")  # pragma: no cover


def _key_from(header: dict[str, Any], passphrase: str) -> bytes | None:
    salt = _b64(header.get("salt"))
    if not salt or header.get("kdf") != "scrypt":
        return None
    try:
        return crypto.derive(passphrase, salt, header)
    except (DomainError, ValueError, TypeError, KeyError):
        return None


def take_in_others(
    store: Store, folder: Path, own: str, passphrase: str | None, report: Exchanged
) -> None:
    """Read the other seats' files not taken in yet, and take their events in."""
    lines: list[dict[str, Any]] = []
    files: list[tuple[str, str, frozenset[str]]] = []
    for db_id, names in listing(folder).items():
        if db_id == own:
            continue
        taken = store.taken_files(db_id)
        waiting_names = [n for n in names if segment_index(n) is not None and n not in taken]
        key: bytes | None | bool = None  # False once this seat's key cannot be had
        for name in waiting_names:
            path = seat_dir(folder, db_id) / name
            if _still_unchanged(path, passphrase):
                continue
            found = _segment_lines(path, db_id, name, passphrase, key, report)
            if found is None:
                _remember(path, passphrase)
                continue
            key, file_lines = found
            lines += file_lines
            files.append((db_id, name, frozenset(str(line["id"]) for line in file_lines)))
    if not lines and not files:
        return
    taken_in = store.take_in(lines, files)
    report.received += taken_in.received
    for problem in taken_in.problems:
        report.say(problem)
    for db_id, moment in report.seen.items():
        store.note_seat_seen(db_id, moment)


def _segment_lines(
    path: Path,
    db_id: str,
    name: str,
    passphrase: str | None,
    key: bytes | None | bool,
    report: Exchanged,
) -> tuple[bytes | None | bool, list[dict[str, Any]]] | None:
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
    key = _key_from(read.header, passphrase)
    if key is None or not crypto.key_opens(key, db_id, _b64(read.header.get("check"))):
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


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _text64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii")


def _b64(value: object) -> bytes:
    import base64
    import binascii

    if not isinstance(value, str):
        return b""
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return b""

