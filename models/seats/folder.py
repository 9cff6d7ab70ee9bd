"""The shared folder's files: their names, their format, and how a seat writes and reads them.

    DIR/seats/<database id>/00000001.seg   events, as journal lines (sealed with a passphrase)
    DIR/seats/<database id>/seat.key       the seat's salt and check value (with a passphrase)

Every file is one header line (JSON: format, version, kind, length and SHA-256 of the body,
and what the body holds) and the body. A file a sync tool has delivered only in part is told
apart by its content (a short body), not its name; a newer version is said, not guessed at.
Names this module does not make (a sync tool's temporary or conflict copies, strays) are
never read. A seat writes a file under a temporary name, fsyncs it, links it to its final
name (never over another file) and fsyncs the folder; files are 0600, folders 0700.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from models.private_files import make_private_dir

FORMAT = "open-bargaining-seat"
VERSION = 1
KEY_NAME = "seat.key"
SEGMENT = re.compile(r"^([0-9]{8})\.seg$")
MAX_HEADER = 4096
MAX_FILE = 64 * 1024 * 1024
"""A file larger than this is not read (no seat writes one: a segment holds one exchange)."""


class Read(NamedTuple):
    """What reading one file found: `ok`, `partial` (not yet whole: try again later),
    `newer` (a later version's format), or `damaged`, with the header and body when ok."""

    state: str
    header: dict[str, Any]
    body: bytes
    why: str = ""


def seats_dir(folder: Path) -> Path:
    return Path(folder) / "seats"


def seat_dir(folder: Path, db_id: str) -> Path:
    return seats_dir(folder) / db_id


def segment_name(index: int) -> str:
    return f"{index:08d}.seg"


def segment_index(name: str) -> int | None:
    """The index of a segment file's name, or None for any other name."""
    found = SEGMENT.match(name)
    return int(found.group(1)) if found else None


def is_ours(name: str) -> bool:
    """Whether a name is one this app writes (everything else in a folder is ignored)."""
    return name == KEY_NAME or segment_index(name) is not None


def encode(header: dict[str, Any], body: bytes) -> bytes:
    """A file's bytes: its header line (with the body's length and checksum), then the body."""
    full = {
        "format": FORMAT,
        "version": VERSION,
        **header,
        "length": len(body),
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    return json.dumps(full, separators=(",", ":")).encode("ascii") + b"\n" + body


def decode(raw: bytes) -> Read:
    """Tell a whole file from one not yet whole, a newer one, or a damaged one."""
    end = raw.find(b"\n", 0, MAX_HEADER)
    if end < 0:
        if len(raw) < MAX_HEADER:
            return Read("partial", {}, b"", "its header is not all there yet")
        return Read("damaged", {}, b"", "it has no header")
    try:
        header = json.loads(raw[:end].decode("ascii"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return Read("damaged", {}, b"", "its header is not readable")
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return Read("damaged", {}, b"", "it is not a seat file")
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return Read("damaged", {}, b"", "its version is not readable")
    if version > VERSION:
        return Read("newer", header, b"", f"it is version {version}; this app reads {VERSION}")
    length, digest = header.get("length"), header.get("sha256")
    if not isinstance(length, int) or isinstance(length, bool) or not isinstance(digest, str):
        return Read("damaged", {}, b"", "its header lacks the body's length and checksum")
    body = raw[end + 1 :]
    if len(body) < length:
        return Read("partial", header, b"", "it is not all there yet")
    if len(body) > length or hashlib.sha256(body).hexdigest() != digest:
        return Read("damaged", header, b"", "its body does not match its checksum")
    return Read("ok", header, body)


def read_file(path: Path) -> Read:
    """Read and decode one file; nothing a file holds can raise from here."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            return Read("damaged", {}, b"", f"it is {size:,} bytes, too large to be a seat file")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE + 1)
    except FileNotFoundError:
        return Read("partial", {}, b"", "it is gone")
    except OSError as error:
        return Read("partial", {}, b"", f"it cannot be read now ({error.strerror})")
    return decode(raw)


def listing(folder: Path) -> dict[str, list[str]]:
    """Each seat folder's files that this app writes, by database id (others ignored)."""
    from models.store.order import is_database_id

    found: dict[str, list[str]] = {}
    try:
        entries = list(os.scandir(seats_dir(folder)))
    except OSError:
        return found
    for entry in entries:
        if not is_database_id(entry.name):
            continue
        try:
            if not entry.is_dir(follow_symlinks=False):
                continue
            names = sorted(name for name in os.listdir(entry.path) if is_ours(name))
        except OSError:
            continue
        found[entry.name] = names
    return found


def write_new(folder: Path, db_id: str, name: str, data: bytes) -> None:
    """Write a file that must not exist yet: temporary name, fsync, link, fsync the folder.

    Raises FileExistsError when the name is taken (never overwrites)."""
    home = seat_dir(folder, db_id)
    make_private_dir(home)
    final = home / name
    temporary = home / f".tmp-{name}-{os.urandom(4).hex()}"
    descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        try:
            os.link(temporary, final)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links (FAT, some shares)
            if final.exists():
                raise FileExistsError(final) from None
            os.rename(temporary, final)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    _fsync_dir(home)


def clear_temporaries(folder: Path, db_id: str) -> None:
    """Remove this seat's own temporary files left by a write that was killed."""
    home = seat_dir(folder, db_id)
    try:
        names = os.listdir(home)
    except OSError:
        return
    for name in names:
        if name.startswith(".tmp-"):
            with contextlib.suppress(OSError):
                (home / name).unlink()


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def written_at(header: dict[str, Any]) -> datetime | None:
    """When a file says it was written (None when it does not say, or says nonsense)."""
    value = header.get("written")
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
