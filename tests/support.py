"""Helpers shared by the tests (importable as `tests.support`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SMALL_JOURNAL = FIXTURES / "small-journal.jsonl"


def file_digest(path: Path) -> str:
    """A digest of a database and its WAL, to prove nothing was written."""
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        part = Path(str(path) + suffix)
        if part.exists():
            digest.update(part.read_bytes())
    return digest.hexdigest()
