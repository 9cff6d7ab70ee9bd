"""The shared order: the one order of events that every seat computes alike.

Events sort by `at`, then by the id of the database that first recorded them (`origin.db`),
then by that database's own counter (`origin.n`); `campaign.created` comes first, and an
event that names another (an undo, a withdrawal, an answer, a TA by proposal, a correction, a
translation) sorts after the event it names, whatever its `at`.

The order is kept as one text per event (`events.sort_key`) that sorts as the order does, so
the store can ask for the latest key with an index and place an arriving event with one
comparison. Pure functions: no SQL here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from models.errors import DomainError

REFERENCE_FIELDS = ("event", "proposal", "request", "note", "item")
"""The fields of a line that may name another event by its id."""

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_MAX_N = 10**12 - 1
AT_OFFSET = 10**18  # microseconds from year 1 onwards stay positive and 19 digits wide


def own_key(kind: str, at_us: int, origin_db: str, origin_n: int) -> str:
    """The key of one event by itself: fixed width, so texts compare as the order does."""
    first = "0" if kind == "campaign.created" else "1"
    return f"{first}{at_us + AT_OFFSET:019d}.{origin_db}.{origin_n:012d}"


def sort_key(own: str, referenced: Iterable[str]) -> str:
    """An event's place: its own key, unless an event it names sorts at or after it; then
    just after the latest of those (a key that extends another sorts right after it)."""
    latest = max(referenced, default="")
    if own > latest:
        return own
    return f"{latest}/{own}"


def references(line: Mapping[str, Any]) -> list[str]:
    """The ids a line may name (the caller keeps those that are events it knows)."""
    found = []
    for name in REFERENCE_FIELDS:
        value = line.get(name)
        if isinstance(value, str) and value:
            found.append(value)
    return found


def event_fields(stored: Mapping[str, Any]) -> dict[str, Any]:
    """A stored journal line as its event's fields: without `origin`, which says where the
    line was first recorded (the journal's, not the event's, and no event model takes it)."""
    return {k: v for k, v in stored.items() if k != "origin"}


def checked_origin(value: object) -> tuple[str, int]:
    """A line's `origin` {`db`, `n`} as (database id, number), or a refusal saying what to fix."""
    if not isinstance(value, dict) or set(value) != {"db", "n"}:
        raise DomainError('origin must be {"db": DATABASE_ID, "n": NUMBER}')
    db, n = value["db"], value["n"]
    if not isinstance(db, str) or not _UUID.match(db):
        raise DomainError("origin.db must be a database id (a lower-case UUID)")
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= _MAX_N:
        raise DomainError(f"origin.n must be a whole number from 1 to {_MAX_N:,}")
    return db, n


def is_database_id(value: str) -> bool:
    """Whether a text is a database id as this app makes them (a lower-case UUID)."""
    return bool(_UUID.match(value))
