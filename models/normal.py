"""What the journal keeps of a line: the values validation produced, in the line's own order.

A line is checked by its event model (models/events.py); the store then keeps, for every key
the line gave, the checked value rather than the raw one: stripped text, whole numbers as ints
(`"minutes": 10.0` is 10), booleans as booleans, and instants as ISO 8601 with the offset as
typed (`" 2026-12-03T00:40:00-08:00"` is `2026-12-03T00:40:00-08:00`; a `Z` stays a `Z`). A
line that was already normal is kept byte for byte, so an exported journal imports and exports
again unchanged.

Before a line is checked at all, `check_shape` refuses what no field can hold and what would
break Python itself on the way: nesting deeper than any event has, integers beyond SQLite's 64
bits (and so beyond the 4,300 digits Python will print), and broken (lone surrogate) text in a
key or a value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel

from models.errors import DomainError

MAX_DEPTH = 8
"""The deepest a journal line nests (campaign.updated's terms are 4 deep)."""
_INT_LIMIT = 2**63 - 1

_RENAMED = {"from": "sender"}
"""Keys of a line that the event models read into a field of another name."""


def _broken(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def check_shape(line: object) -> None:
    """Refuse a line no event can hold, naming where; walks without recursion."""
    stack: list[tuple[object, str, int]] = [(line, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        name = where or "the line"
        if depth > MAX_DEPTH:
            raise DomainError(f"{name} is nested too deeply; no field holds that")
        if isinstance(value, bool) or value is None or isinstance(value, float):
            continue
        if isinstance(value, int):
            if not -_INT_LIMIT <= value <= _INT_LIMIT:
                raise DomainError(f"{name} is a number too large to keep; use a smaller one")
        elif isinstance(value, str):
            if _broken(value):
                raise DomainError(
                    f"{name} contains a broken character (a lone surrogate); retype it"
                )
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and _broken(key):
                    raise DomainError(
                        "a field name contains a broken character (a lone surrogate); retype it"
                    )
                stack.append((item, f"{where}.{key}" if where else str(key), depth + 1))
        elif isinstance(value, list | tuple):
            stack.extend((item, where, depth + 1) for item in value)


def instant_text(raw: object, moment: datetime) -> str:
    """An instant as the journal keeps it: ISO 8601, seconds shown, offset as typed."""
    text = moment.isoformat()
    if isinstance(raw, str) and raw.strip().upper().endswith("Z") and text.endswith("+00:00"):
        return text[: -len("+00:00")] + "Z"
    return text


def _field(model: BaseModel, key: str) -> str | None:
    fields = type(model).model_fields
    if key in fields:
        return key
    for name, info in fields.items():
        if key in (info.alias, info.validation_alias):
            return name
    renamed = _RENAMED.get(key)
    return renamed if renamed in fields else None


def normal(raw: object, value: object) -> Any:
    """The checked `value` in JSON form, shaped (key order, ints) like the `raw` it came from."""
    if isinstance(value, BaseModel):
        if not isinstance(raw, dict):
            return value.model_dump(mode="json")
        out: dict[str, Any] = {}
        for key, item in raw.items():
            name = _field(value, key)
            out[key] = item if name is None else normal(item, getattr(value, name))
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return instant_text(raw, value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        source = raw if isinstance(raw, dict) else {}
        return {str(key): normal(source.get(key), item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [normal(None, item) for item in value]
    if (
        isinstance(value, float)
        and isinstance(raw, int)
        and not isinstance(raw, bool)
        and float(raw) == value
    ):
        return raw  # a whole number in a field of numbers stays as typed: 3, not 3.0
    return value


def numbered_lines(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Journal lines as (physical line number, object); a bad line is refused by number."""
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            line = json.loads(text)
        except json.JSONDecodeError as error:
            raise DomainError(f"line {number}: not JSON ({error.msg})") from None
        except RecursionError:
            raise DomainError(f"line {number}: is nested too deeply; no field holds that") from None
        except ValueError:  # an integer past Python's digit limit
            raise DomainError(
                f"line {number}: has a number too large to keep; use a smaller one"
            ) from None
        if not isinstance(line, dict):
            raise DomainError(f"line {number}: each line must be a JSON object")
        if "at" not in line:
            raise DomainError(f"line {number}: at is missing")
        yield number, line
