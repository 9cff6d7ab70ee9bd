"""Two seats, one database: what one records shows on the other within a second."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.pilot import Pilot

from models.domain import Visibility
from models.store import Store
from tui.app import BargainingApp
from tui.widgets.caucus_clock import CaucusClock

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

CROSSING = 1.0
"""Seconds allowed for a change to show on the other seat."""


async def wait_until(pilot: Pilot[None], seen: object, limit: float = CROSSING) -> float:
    """Seconds until `seen()` is true on the other seat; fails after `limit`."""
    started = time.monotonic()
    while not seen():  # type: ignore[operator]
        assert time.monotonic() - started < limit, "the change did not cross in time"
        await pilot.pause(0.02)
    return time.monotonic() - started


async def paste(pilot: Pilot[None], text: str) -> None:
    """Text into the focused field in one burst, as a terminal delivers a paste."""
    await pilot.pause()
    focused = pilot.app.focused
    assert focused is not None
    focused.post_message(events.Paste(text))
    await pilot.pause()


def note_log(app: BargainingApp) -> str:
    return str(app.screen.query_one("#note-log").render())


async def test_a_note_on_one_seat_appears_on_the_other(demo_db: Path, clock: FrozenClock) -> None:
    lead = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    notes = BargainingApp(db_path=demo_db, seat="notes", clock=clock)
    async with (
        lead.run_test(size=(80, 24)) as lead_pilot,
        notes.run_test(size=(160, 48)) as notes_pilot,
    ):
        await notes_pilot.press("ctrl+n")  # note-taker mode: the line keeps the keys
        await paste(notes_pilot, "District will answer on caseloads next week")
        await notes_pilot.press("enter")
        await notes_pilot.pause()
        assert "District will answer" in note_log(notes)
        await wait_until(lead_pilot, lambda: "District will answer" in note_log(lead))
        # And back the other way: the lead calls a caucus; the note-taker's clock starts and
        # the note line turns team-only, before anyone types.
        await lead_pilot.press("c")
        await lead_pilot.pause()
        await lead_pilot.press("ctrl+s")
        await wait_until(notes_pilot, lambda: bool(notes.screen.query(CaucusClock)))
        await wait_until(
            notes_pilot,
            lambda: "TEAM ONLY" in str(notes.screen.query_one("#note-visibility").render()),
        )
        await paste(notes_pilot, "We hold at 5")  # the line still has the focus
        await notes_pilot.press("enter")
        await notes_pilot.pause()
    with Store(demo_db) as store:
        first, second = store.notes(5, limit=2)
    assert (first.seat, first.visibility) == ("notes", Visibility.MEMBERS)
    assert (second.seat, second.text, second.visibility) == (
        "notes",
        "We hold at 5",
        Visibility.TEAM,
    )


async def test_both_seats_write_at_once_without_locking(demo_db: Path, clock: FrozenClock) -> None:
    lead = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    notes = BargainingApp(db_path=demo_db, seat="notes", clock=clock)
    async with (
        lead.run_test(size=(80, 24)) as lead_pilot,
        notes.run_test(size=(80, 24)) as notes_pilot,
    ):
        await lead_pilot.press("ctrl+n")  # both in note-taker mode: note after note
        await notes_pilot.press("ctrl+n")
        for index in range(5):
            await paste(lead_pilot, f"lead {index}")
            await lead_pilot.press("enter")
            await paste(notes_pilot, f"notes {index}")
            await notes_pilot.press("enter")
        await wait_until(lead_pilot, lambda: "notes 4" in note_log(lead))
        await wait_until(notes_pilot, lambda: "lead 4" in note_log(notes))
        assert not [n for n in lead._notifications if n.severity == "error"]
        assert not [n for n in notes._notifications if n.severity == "error"]
