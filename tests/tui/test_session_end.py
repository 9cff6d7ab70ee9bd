"""Ending a session closes what it would leave running, and an overdue caucus extended runs
from now (issue 14, item 9). Pilot at 80x24 and 160x48 on the demo (session 5 running,
agenda item 5 active)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import Checkbox, Digits, Input, Static

from models.domain import AgendaStatus, CaucusSide
from models.store import Store
from tests.tui.console_pilot import Opener, make_app
from tui.dialogs.end_session import EndSessionDialog
from tui.screens.main import MainScreen
from tui.widgets.caucus_clock import CaucusClock

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock


async def test_ending_the_session_closes_the_caucus_and_the_active_item(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    before = open_store(demo_db).last_seq()
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c", "ctrl+s")  # REA caucuses for 20 minutes
        await pilot.pause()
        clock.advance(minutes=3)
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EndSessionDialog)
        listed = str(dialog.query_one("#end-open", Static).content)
        assert "REA caucus" in listed and "agenda item 5" in listed
        box = dialog.query_one("#end-close", Checkbox)
        assert box.value is True  # checked by default
        assert str(box.render()).startswith("[x]")  # and it reads so without colour
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert not list(app.screen.query(CaucusClock))
    store = open_store(demo_db)
    events = store.events()[before:]
    types = [event.type for event in events]
    assert types == [
        "caucus.started",
        "caucus.ended",
        "agenda.item_done",
        "session.ended",
    ]
    assert store.caucuses(5, open_only=True) == []
    assert store.caucuses(5)[-1].ended_at == clock()
    assert {item.status for item in store.agenda(5)} != {AgendaStatus.ACTIVE}
    assert not [item for item in store.agenda(5) if item.status is AgendaStatus.ACTIVE]
    assert store.session(5).ended_at == clock()


async def test_unticked_ending_leaves_them_as_they_are(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c", "ctrl+s")
        await pilot.pause()
        before = open_store(demo_db).last_seq()
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EndSessionDialog)
        dialog.query_one("#end-close", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert dialog.query_one("#end-close", Checkbox).value is False
        assert str(dialog.query_one("#end-close", Checkbox).render()).startswith("[ ]")
        await pilot.press("ctrl+s")
        await pilot.pause()
    store = open_store(demo_db)
    assert [event.type for event in store.events()[before:]] == ["session.ended"]
    assert [c.side for c in store.caucuses(5, open_only=True)] == [CaucusSide.UNION]


async def test_with_nothing_open_the_dialog_asks_nothing_more(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        for _ in range(4):  # move the agenda past its last item
            await pilot.press("a")
            await pilot.pause()
        assert not [i for i in open_store(demo_db).agenda(5) if i.status is AgendaStatus.ACTIVE]
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EndSessionDialog)
        assert not dialog.query("#end-close") and not dialog.query("#end-open")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert open_store(demo_db).session(5).ended_at == clock()


async def test_extending_an_overdue_caucus_counts_from_now(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c", "ctrl+s")  # 20 minutes
        await pilot.pause()
        clock.advance(minutes=30)  # ten minutes overdue
        await pilot.pause(1.2)
        face = app.screen.query_one(CaucusClock)
        assert face.overrun and face.has_class("-overrun")
        await pilot.press("plus")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press("ctrl+a", "ctrl+k", *"10m")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        face = app.screen.query_one(CaucusClock)
        assert face.query_one(Digits).value == "10:00"
        assert not face.overrun and not face.has_class("-overrun")
        assert "OVERDUE" not in str(face.query_one(".caucus-due", Static).content)
    [caucus] = open_store(demo_db).caucuses(5, open_only=True)
    assert caucus.due_back == clock() + timedelta(minutes=10)


async def test_what_is_still_open_is_shown_whole_however_long(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    """A long agenda title in "Still open" wraps onto as many lines as it needs (its middle
    line was lost: the text was laid out at one width and drawn at another)."""
    from textual.geometry import Region

    from models import actions

    store = Store(demo_db, seat="other", clock=clock)
    actions.call_caucus(store, session=5, side=CaucusSide.EMPLOYER, minutes=30)
    title = "Wages and the new step scale for night shift nurses, with the differentials"
    actions.add_agenda_item(store, 5, title)
    actions.next_agenda_item(store, 5)
    actions.next_agenda_item(store, 5)
    store.close()
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.screen.query_one("#board").focus()
        await pilot.press("c", "ctrl+s")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EndSessionDialog)
        shown = dialog.query_one("#end-open", Static)
        listed = str(shown.content)
        width, height = shown.size
        drawn = " ".join(strip.text for strip in shown.render_lines(Region(0, 0, width, height)))
        assert listed.split() == drawn.split()
        row = shown.parent
        assert row is not None and shown.region.right <= row.region.right  # nothing clipped


async def test_a_next_session_at_a_time_the_clocks_skip_is_refused(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EndSessionDialog)
        dialog.query_one("#end-date", Input).value = "2027-03-14"  # daylight time starts
        dialog.query_one("#end-time", Input).value = "2:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog, "the dialog stays open"
        assert "does not exist on 2027-03-14" in dialog.check()[1]["end-time"]
    assert open_store(demo_db).session(5).ended_at is None
