"""What the tests of accepted values share: every read a screen, the CLI or a recap makes."""

from __future__ import annotations

from datetime import UTC, datetime

from exports import FORMATS, LANGS, board_csv, render_recap
from models.recap import build_snapshot
from models.store import Store

AT = "2026-03-17T18:00:00-07:00"  # in session 2 of `live_store` (rules follow `at`)
LATER = datetime(2026, 3, 11, tzinfo=UTC)


def export(store: Store) -> str:
    return "".join(line + "\n" for line in store.journal())


def every_read(store: Store) -> None:
    """Every view a screen, the CLI or a recap makes of the store."""
    store.campaign()
    board = store.board()
    board_csv(board, store.campaign().timezone)
    store.articles()
    store.proposals()
    store.tas()
    sessions = store.sessions()
    for session in sessions:
        store.agenda(session.number)
    store.caucuses()
    store.notes()
    store.info_requests()
    store.members()
    export(store)
    for session in sessions:
        if session.started_at is None:
            continue
        for audience in ("members", "team"):
            snapshot = build_snapshot(store, session.number, audience, now=LATER)
            for lang in LANGS:
                for fmt in FORMATS:
                    render_recap(snapshot, format=fmt, lang=lang)
