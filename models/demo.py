"""The demo campaigns: journal files shipped in `models/demo_journals/`, and their loader.

- `riverbend.jsonl` is the demo: the Riverbend Education Association (REA) and the
  Riverbend Unified School District (RUSD), five weekly sessions, the fifth running. It is
  recorded on a fixed day and moved to the day (`demo_events`) or instant (`live_demo_events`)
  it is shown on, so the app opens on a live table.
- `cascade.jsonl.xz` is the benchmark campaign (Cascade Valley): 60 articles, 150 sessions,
  3,000 proposals, 1,200 caucuses, 40,000 notes and 300 information requests from 2024-01-08,
  the same every time and never moved.

Both are journals in the JSON Lines format of DESIGN.md: `bargain journal import` reads them,
and `load_demo` imports them through the store's own import, in one transaction. To change
the demo, edit its journal (recorded with session 5 live on 2025-10-15) and run
tests/test_demo_data.py and tests/test_demo_loader.py, which check the table's rules and what
the demo shows.
"""

from __future__ import annotations

import io
import json
import lzma
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from models.store import Store

__all__ = ["build_demo", "demo_events", "large_demo_events", "live_demo_events", "load_demo"]

Event = dict[str, Any]

DEMO = "riverbend.jsonl"
LARGE = "cascade.jsonl.xz"
_TZ = ZoneInfo("America/Los_Angeles")  # both campaigns' timezone


def journal_lines(name: str) -> Iterator[str]:
    """The lines of a shipped journal file (`.xz` ones are decompressed as they are read)."""
    resource = files("models") / "demo_journals" / name
    if not name.endswith(".xz"):
        with resource.open(encoding="utf-8") as text:
            yield from text
        return
    with (
        resource.open("rb") as raw,
        lzma.LZMAFile(raw) as data,
        io.TextIOWrapper(data, encoding="utf-8") as text,
    ):
        yield from text


def demo_events(today: date | None = None) -> list[Event]:
    """The demo's journal, its five weekly sessions ending on `today` (default: this day).

    Every instant keeps its local time in the campaign's timezone and moves by whole days
    (so a session at 16:30 stays at 16:30 across a change of daylight saving time); due
    dates move by the same days, and the title's years by as many school years.
    """
    events = [json.loads(line) for line in journal_lines(DEMO)]
    starts = [_local(e["starts"]) for e in events if e["type"] == "session.scheduled"]
    days = ((today or date.today()) - starts[-1].date()).days

    def move(text: str) -> str:
        return (_local(text) + timedelta(days=days)).isoformat()  # wall-clock arithmetic

    moved = [_moved(event, move, days) for event in events]
    years = _school_year(starts[0].date() + timedelta(days)) - _school_year(starts[0].date())
    created = moved[0]
    for event in moved if years else ():  # the title and its translations name school years
        if event is created and "title" in event:
            event["title"] = _later_years(event["title"], years)
        elif event["type"] == "text.translated" and (event["event"], event["field"]) == (
            created["id"],
            "title",
        ):
            event["text"] = _later_years(event["text"], years)
    return moved


def _later_years(text: str, years: int) -> str:
    return re.sub(r"\d{4}", lambda m: str(int(m[0]) + years), text)


def live_demo_events(now: datetime) -> list[Event]:
    """The demo moved so that its fifth session is live at `now`: its last event was two
    minutes ago. Every instant moves by the same amount, due dates by as many days."""
    events = demo_events(now.astimezone(_TZ).date())
    last = max(datetime.fromisoformat(event["at"]) for event in events)
    shift = now - timedelta(minutes=2) - last

    def move(text: str) -> str:
        return (datetime.fromisoformat(text) + shift).astimezone(_TZ).isoformat()

    return [_moved(event, move, round(shift / timedelta(days=1))) for event in events]


def large_demo_events() -> Iterator[Event]:
    """The benchmark campaign's journal, one event at a time in journal order."""
    return (json.loads(line) for line in journal_lines(LARGE))


def load_demo(store: Store, *, large: bool = False, now: datetime | None = None) -> int:
    """Import a demo campaign into an empty store, all or nothing; returns its event count.

    The demo is live at `now` (default: this instant); `large` imports the benchmark.
    """
    if large:
        return store.import_journal(journal_lines(LARGE))
    events = live_demo_events(now if now is not None else datetime.now(UTC))
    return store.import_journal(json.dumps(event) for event in events)


def build_demo(path: Path, *, large: bool = False, now: datetime | None = None) -> int:
    """Write a demo campaign into a fresh database at `path`, replacing any file there."""
    from models.errors import DomainError
    from models.store import Store

    _remove(path)
    try:
        with Store(path, create=True, seat="demo") as store:
            return load_demo(store, large=large, now=now)
    except DomainError:
        _remove(path)
        raise


def _moved(event: Event, move: Callable[[str], str], days: int) -> Event:
    moved = dict(event)
    for key in ("at", "starts"):
        if key in moved:
            moved[key] = move(moved[key])
    upcoming = moved.get("next")
    if isinstance(upcoming, dict) and "starts" in upcoming:
        moved["next"] = {**upcoming, "starts": move(upcoming["starts"])}
    if "due" in moved:
        moved["due"] = (date.fromisoformat(moved["due"]) + timedelta(days=days)).isoformat()
    return moved


def _local(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(_TZ)


def _school_year(day: date) -> int:
    """The year a school year starts in (July to June)."""
    return day.year if day.month >= 7 else day.year - 1


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
