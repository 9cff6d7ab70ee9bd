"""What the export tests share: the demo's day and the recap's `now`, the hostile campaign's
texts, and the snapshots they render (the `demo` and `hostile` stores are in conftest.py)."""

from __future__ import annotations

from datetime import date, datetime

from models.recap import Audience, RecapSnapshot, build_snapshot
from models.store import Store

DEMO_DAY = date(2026, 3, 22)
NOW = datetime.fromisoformat("2026-03-22T18:00:00-07:00")
AT = "2026-03-10T17:00:00-07:00"
SETUP = "2026-03-01T09:01:00-08:00"  # before the session: the rules follow `at`

HOSTILE_NOTES = [
    "<script>alert('note')</script>",
    '<img src=x onerror="alert(1)">',
    '[click me](javascript:alert(1)) and <a href="javascript:alert(2)">here</a>',
    "| a | b |\n|---|---|\n| c | d |",
    "# not a heading\n\n- not a list\n1. not a list either\n> not a quote",
    "**bold** _em_ `code` ~~gone~~ \\ backslash &amp; &lt;b&gt;",
]


def all_snapshots(store: Store) -> list[RecapSnapshot]:
    audiences: tuple[Audience, ...] = ("members", "team")
    return [
        build_snapshot(store, session.number, audience, NOW)
        for session in store.sessions()
        if session.started_at is not None
        for audience in audiences
    ]


def hostile_snapshot(store: Store) -> RecapSnapshot:
    """The hostile session, with a javascript: link slipped past the store's validation."""
    snapshot = build_snapshot(store, 1, "members", NOW)
    proposal = snapshot.proposals[0]._replace(link="javascript:alert('link')")
    return snapshot.model_copy(update={"proposals": (proposal,)})
