"""The member recap shows the corrected records: an amended label, an edited note; a note
switched to the team leaves it; a cancelled session is not announced as the next one."""

from __future__ import annotations

from datetime import datetime

from exports import render_recap
from models import actions
from models.recap import build_snapshot
from models.store import Store

NOW = datetime.fromisoformat("2026-03-10T19:00:00-07:00")


def member_markdown(store: Store) -> str:
    return render_recap(build_snapshot(store, 1, "members", NOW), format="md", lang="en")


def test_the_member_recap_shows_corrected_records(small_store: Store) -> None:
    before = member_markdown(small_store)
    assert "RUSD #1" in before and "Our students cannot learn in rooms of 32" in before
    rusd = next(p for p in small_store.proposals() if p.id == "p2")
    actions.amend_proposal(small_store, rusd, label="RUSD #1 (class size)")
    quote = next(n for n in small_store.notes() if n.id == "n2")
    actions.edit_note(small_store, quote, text="Our students cannot learn in rooms of 34")
    after = member_markdown(small_store)
    assert "RUSD #1 (class size)" in after
    assert "rooms of 34" in after and "rooms of 32" not in after


def test_a_note_switched_to_the_team_leaves_the_member_recap(small_store: Store) -> None:
    quote = next(n for n in small_store.notes() if n.id == "n2")
    actions.switch_note_visibility(small_store, quote)
    assert "rooms of 32" not in member_markdown(small_store)
    team = render_recap(build_snapshot(small_store, 1, "team", NOW), format="md", lang="en")
    assert "rooms of 32" in team
    member_note = next(n for n in small_store.notes() if n.id == "n1")  # team: taken in caucus
    actions.switch_note_visibility(small_store, member_note)
    assert "We hold at 24 for K-3" in member_markdown(small_store)


def test_a_cancelled_session_is_not_the_next_one(small_store: Store) -> None:
    small_store.record(
        {"type": "session.scheduled", "session": 2, "starts": "2026-03-17T16:30:00-07:00"}
    )
    small_store.record(
        {"type": "session.scheduled", "session": 3, "starts": "2026-03-24T16:30:00-07:00"}
    )
    assert build_snapshot(small_store, 1, "members", NOW).next_session.number == 2
    actions.cancel_session(small_store, 2)
    upcoming = build_snapshot(small_store, 1, "members", NOW).next_session
    assert upcoming is not None and upcoming.number == 3
