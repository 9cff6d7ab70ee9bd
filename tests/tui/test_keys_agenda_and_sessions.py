"""The console's keys for the agenda, information requests and sessions (a, A, i, s, the
palette's agenda item), driven with Pilot at 80x24 and 160x48.

Each test asserts what the database holds afterwards, read through a second connection (as
another program would see it), not only what the screen shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from models import actions
from models.domain import AgendaStatus, Party
from models.store import Store
from tests.tui.console_pilot import Opener, make_app, type_text
from tui.screens.main import MainScreen

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

# ---------------------------------------------------------------------- agenda, requests


async def test_a_starts_the_next_agenda_item(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("a")
        await pilot.pause()
    items = open_store(demo_db).agenda(5)
    assert [i.status for i in items[-2:]] == [AgendaStatus.DONE, AgendaStatus.ACTIVE]
    assert items[-1].started_at == clock()


async def test_shift_a_skips_the_next_agenda_item(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("A")
        await pilot.pause()
    items = open_store(demo_db).agenda(5)
    assert [i.status for i in items[-2:]] == [AgendaStatus.ACTIVE, AgendaStatus.SKIPPED]


async def test_palette_adds_an_agenda_item(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "add an agenda item")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Health benefits")
        await pilot.press("tab")
        await type_text(pilot, "25")
        await pilot.press("tab")
        await type_text(pilot, "6")
        await pilot.press("ctrl+s")
        await pilot.pause()
    item = open_store(demo_db).agenda(5)[-1]
    assert (item.title, item.minutes, item.articles) == ("Health benefits", 25, ("6",))


async def test_i_makes_an_information_request(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("tab", "tab")  # past the open requests and "asked by"
        await type_text(pilot, "Counselor caseloads by site")
        await pilot.press("tab")
        await type_text(pilot, "2026-04-01")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    request = open_store(demo_db).info_requests()[-1]
    assert (request.text, request.by, str(request.due)) == (
        "Counselor caseloads by site",
        Party.UNION,
        "2026-04-01",
    )


async def test_i_then_enter_marks_a_request_answered(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    first_open = next(r for r in open_store(demo_db).info_requests() if not r.answered)
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    answered = {r.id: r for r in open_store(demo_db).info_requests()}[first_open.id]
    assert answered.answered and answered.answered_session == 5


# ---------------------------------------------------------------------- sessions


async def test_s_ends_the_session_with_next_and_call_to_action(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await type_text(pilot, "Pack the board meeting on April 2")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    session = open_store(demo_db).session(5)
    assert session.ended_at == clock()
    assert session.call_to_action == "Pack the board meeting on April 2"
    assert session.next is not None
    assert session.next.starts.isoformat() == "2026-03-29T16:30:00-07:00"
    assert list((demo_db.parent / "backups").glob("*session-5-ended*"))


async def test_s_starts_the_next_session(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    with Store(demo_db, seat="lead", clock=clock) as store:
        actions.end_session(store, 5)
    clock.advance(days=7)
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("tab", "tab")
        await type_text(pilot, "Board room")
        await pilot.press("enter")
        await pilot.pause()
        assert "Session 6" in str(app.screen.query_one("#header").render())
    session = open_store(demo_db).session(6)
    assert session.running and session.started_at == clock()
    assert session.location == "Board room"
