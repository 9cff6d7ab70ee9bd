"""One exchange with the shared folder: check this seat's own folder, write what it has not
written yet, and take in what the other seats wrote.

Nothing in the folder can make an exchange fail: a file not yet whole is skipped until it is,
a damaged one or a newer version is said once and passed over, a line that cannot be read is
left out. Only this seat's own trouble stops it, with one line: its folder holds a file it
did not write (a copied database: `join` instead), or the passphrase does not open its files.
"""

from __future__ import annotations

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
)
from models.seats.incoming import Exchanged, b64, key_from, segment_lines, text64

if TYPE_CHECKING:
    from models.store import Store

SEGMENT_BYTES = 8 * 1024 * 1024
"""A seat splits what it writes in one exchange into files of about this size at most."""


def check_own_folder(store: Store, folder: Path, own: str, passphrase: str | None) -> None:
    """Refuse to go on when this seat's folder holds a file it did not write: a copy of
    another seat's database would mix two seats' events under one id. After a restore, the
    files written since the backup are this seat's own: they are taken back in."""
    names = listing(folder).get(own, [])
    records = {record.name for record in store.seat_records.seat_files()}
    unknown = [name for name in names if name not in records]
    if not unknown:
        if store.seat_records.meta_value("seats_adopt"):
            store.seat_records.set_meta("seats_adopt", None)
        return
    if store.seat_records.meta_value("seats_adopt"):
        _adopt(store, folder, own, unknown, passphrase)
        store.seat_records.set_meta("seats_adopt", None)
        return
    raise DomainError(
        f"{seat_dir(folder, own) / unknown[0]} was not written by this database, so this "
        "database looks like a copy of another seat's; syncing stopped. Make this seat's "
        f"database with `bargain join {folder}` instead"
    )


def _adopt(store: Store, folder: Path, own: str, names: list[str], passphrase: str | None) -> None:
    """Take back this seat's own files written after the backup it was restored from: their
    events come back into the journal, and their names and numbers are never used again."""
    report = Exchanged(folder)
    key: bytes | bool | None = None
    lines: list[dict[str, Any]] = []
    for name in names:
        path = seat_dir(folder, own) / name
        read = read_file(path)
        first = last = 0
        if read.state == "ok":
            first = _int(read.header.get("first_n"))
            last = _int(read.header.get("last_n"))
            if segment_index(name) is not None:
                found = segment_lines(path, own, name, passphrase, key, report)
                if found is not None:
                    key, more = found
                    lines += more
        store.seat_records.note_seat_file(
            name, first, last, "written" if read.state == "ok" else "abandoned"
        )
    if lines:
        store.seat_records.take_in(lines)


def publish(store: Store, folder: Path, own: str, key: bytes | None, report: Exchanged) -> None:
    """Write this seat's events that are not in the folder yet into new files of its own."""
    clear_temporaries(folder, own)
    records = store.seat_records.seat_files()
    for record in records:
        if record.state == "writing":  # killed while writing it: whole, or never there
            whole = read_file(seat_dir(folder, own) / record.name).state == "ok"
            store.seat_records.note_seat_file(
                record.name, record.first_n, record.last_n, "written" if whole else "abandoned"
            )
    published = _published_n(store)
    lines = store.seat_records.own_lines_after(published)
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
        store.seat_records.note_seat_file(name, first, last, "writing")
        try:
            write_new(folder, own, name, encode(header, sealed))
        except FileExistsError:
            store.seat_records.note_seat_file(name, first, last, "abandoned")
            index += 1
            continue
        except OSError as error:
            store.seat_records.note_seat_file(name, first, last, "abandoned")
            report.say(f"cannot write into {seat_dir(folder, own)}: {error.strerror}")
            return -1
        store.seat_records.note_seat_file(name, first, last, "written")
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
    return max(
        (r.last_n for r in store.seat_records.seat_files() if r.state == "written"), default=0
    )


def waiting(store: Store) -> int:
    """How many of this seat's events are not in the folder yet."""
    return store.seat_records.own_count_after(_published_n(store))


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
            key = key_from(read.header, passphrase)
            if key is None or not crypto.key_opens(key, own, b64(read.header.get("check"))):
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
            "salt": text64(salt),
            "check": text64(crypto.check_value(key, own)),
        }
        store.seat_records.note_seat_file(KEY_NAME, 0, 0, "writing")
        try:
            write_new(folder, own, KEY_NAME, encode(header, b""))
        except FileExistsError:
            continue  # another process of this seat made it: read that one
        except OSError as error:
            where = seat_dir(folder, own)
            raise DomainError(f"cannot write into {where}: {error.strerror}") from None
        store.seat_records.note_seat_file(KEY_NAME, 0, 0, "written")
        return key
    raise DomainError(f"cannot make {path}; check the folder")  # pragma: no cover


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
