"""When each caucus is due back, with every extension counted from the instant it was given.

The store's caucus read knows each extension's minutes but not its instant, so for a caucus
that was extended its due-back is worked out again here from the journal's `caucus.extended`
events (DESIGN.md, "Overdue extension": the later of the due time and the extension's `at`,
plus its minutes; the rule itself is `models.rules.caucus_due_back`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from models.domain import Caucus, JournalEvent
from models.rules import caucus_due_back

if TYPE_CHECKING:
    from models.store import Store

CAUCUS_EVENTS = ("caucus.started", "caucus.extended")


def extensions_by_caucus(events: Iterable[JournalEvent]) -> dict[str, list[tuple[datetime, int]]]:
    """Each caucus's extensions (its `caucus.started` event id -> (at, minutes) in journal
    order). An extension belongs to the caucus of its session and side that was started last
    before it: a side has one caucus running at a time. Undone events count for nothing."""
    running: dict[tuple[object, object], str] = {}
    extensions: dict[str, list[tuple[datetime, int]]] = {}
    for event in sorted(events, key=lambda e: e.seq):
        if event.undone:
            continue
        key = (event.data.get("session"), event.data.get("by"))
        if event.type == "caucus.started":
            running[key] = event.id
            extensions[event.id] = []
        elif event.type == "caucus.extended" and key in running:
            minutes = event.data.get("minutes")
            if isinstance(minutes, int):
                extensions[running[key]].append((event.at, minutes))
    return extensions


def with_extension_instants(
    caucuses: Sequence[Caucus], events: Iterable[JournalEvent]
) -> list[Caucus]:
    """The caucuses with their due-back counted from each extension's instant."""
    extensions = extensions_by_caucus(events)
    return [
        caucus._replace(
            due_back=caucus_due_back(caucus.started_at, caucus.minutes, extensions[caucus.id])
        )
        if caucus.extended_minutes and caucus.id in extensions
        else caucus
        for caucus in caucuses
    ]


def caucuses(store: Store, session: int | None = None, *, open_only: bool = False) -> list[Caucus]:
    """`store.caucuses(...)`, with extended caucuses due back by the overdue-extension rule
    (the journal is read only when a caucus was extended)."""
    found = store.caucuses(session, open_only=open_only)
    if not any(caucus.extended_minutes for caucus in found):
        return found
    return with_extension_instants(found, store.events(types=CAUCUS_EVENTS))
