"""The recap preview, driven by keys alone; the text shown, the clipboard and the files are the
proof. This module: the preview, its keys and switches.

The demo campaign (tests/tui/conftest.py) with the clock frozen at 18:20 Pacific on the demo's
day: session 5 is live, sessions 1 to 4 are over. In session 5 the team recorded a team-only
note and a caucus purpose that must never reach members.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.widgets import ContentSwitcher, Markdown, Select

from models.store import Store
from tests.tui.recap_host import (
    CAUCUS_PURPOSE,
    SIZE_IDS,
    SIZES,
    TEAM_NOTE,
    Host,
    header_title,
    notes_of,
    press,
    recap,
    settle,
    shown,
)
from tui.app import BargainingApp
from tui.messages import StoreChanged
from tui.screens.recap import RecapScreen

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

# ---------------------------------------------------------------------------- preview


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_the_current_session_is_shown_rendered(
    demo_store: Store, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = recap(app)
        assert screen.choice.session == 5
        assert screen.choice.format == "md"
        assert screen.query_one(ContentSwitcher).current == "recap-markdown-box"
        markdown = screen.query_one(Markdown)
        assert markdown.source.startswith(
            "# Tentative agreements on 4 articles\n\n**Bargaining update: Session 5**"
        )
        # Rendered, not shown as source: the heading is a Markdown heading block.
        assert markdown.table_of_contents[0][:2] == (1, "Tentative agreements on 4 articles")
        assert "session 5" in header_title(app)
        assert "TEAM ONLY" not in header_title(app)
        assert not screen.has_class("-team")
        assert not screen.query_one("#recap-banner").display
        assert screen.query_one("#recap-session", Select).value == 5
        assert TEAM_NOTE not in markdown.source


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_format_language_and_audience_keys(
    demo_store: Store, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = recap(app)

        await press(pilot, "f")
        assert screen.choice.format == "html"
        assert screen.query_one(ContentSwitcher).current == "recap-text"
        assert shown(app).startswith("<!DOCTYPE html>")
        assert screen.query_one("#recap-format", Select).value == "html"

        await press(pilot, "f")
        assert screen.choice.format == "eml"
        assert "Subject: REA bargaining, session 5: Tentative agreements on 4 articles" in shown(
            app
        )

        await press(pilot, "f")
        assert screen.choice.format == "sms"
        assert shown(app).startswith("REA: Tentative agreements on 4 articles.")

        await press(pilot, "f")
        assert shown(app).lstrip().startswith("{")
        await press(pilot, "f")
        assert shown(app).startswith("article,title,status,holder")
        await press(pilot, "f")  # round again to Markdown
        assert screen.choice.format == "md"
        assert screen.query_one(ContentSwitcher).current == "recap-markdown-box"

        await press(pilot, "l")
        assert screen.choice.lang == "es"
        assert "**Novedades de la negociación: sesión 5**" in shown(app)[:300]
        assert screen.query_one("#recap-lang", Select).value == "es"

        await press(pilot, "u")
        assert screen.choice.audience == "team"
        assert shown(app).startswith("# Acta del equipo: sesión 5")
        assert TEAM_NOTE in shown(app)
        assert CAUCUS_PURPOSE in shown(app)
        assert "TEAM ONLY" in header_title(app)
        assert screen.has_class("-team")
        assert screen.query_one("#recap-banner").display
        assert screen.query_one("#recap-audience", Select).value == "team"

        await press(pilot, "l", "u")
        assert "**Bargaining update: Session 5**" in shown(app)[:300]
        assert TEAM_NOTE not in shown(app)
        assert "TEAM ONLY" not in header_title(app)
        assert not screen.query_one("#recap-banner").display


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_brackets_step_through_the_started_sessions(
    demo_store: Store, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = recap(app)
        assert screen.started == [1, 2, 3, 4, 5]

        await press(pilot, "right_square_bracket")  # already the latest: stays
        assert screen.choice.session == 5
        assert any("latest" in note for note in notes_of(app))

        await press(pilot, "left_square_bracket")
        assert screen.choice.session == 4
        assert "**Bargaining update: Session 4**" in shown(app)[:300]
        assert screen.query_one("#recap-session", Select).value == 4
        assert "session 4" in header_title(app)

        await press(pilot, *["left_square_bracket"] * 4)
        assert screen.choice.session == 1
        assert "**Bargaining update: Session 1**" in shown(app)[:300]

        await press(pilot, "right_square_bracket")
        assert screen.choice.session == 2


async def test_the_switches_work_from_the_keyboard(demo_store: Store, clock: FrozenClock) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = recap(app)
        screen.query_one("#recap-format", Select).focus()
        await press(pilot, "enter", "down", "down", "down", "enter")  # Markdown -> Text blast
        assert screen.choice.format == "sms"
        assert shown(app).startswith("REA: Tentative agreements on 4 articles.")

        screen.query_one("#recap-session", Select).focus()
        await press(pilot, "enter", "up", "up", "enter")  # session 5 -> 3
        assert screen.choice.session == 3
        assert shown(app).startswith("REA: Tentative agreements on 3 articles.")


async def test_another_seats_change_shows_up(
    demo_store: Store, clock: FrozenClock, demo_db: Path
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        with Store(demo_db, seat="notes") as other:
            other.record(
                {
                    "type": "note.added",
                    "at": "2026-03-22T18:19:00-07:00",
                    "session": 5,
                    "text": "Parents from Lincoln Elementary thanked both teams.",
                    "visibility": "members",
                }
            )
            seq = other.last_seq()
        recap(app).post_message(StoreChanged(seq))
        await settle(pilot)
        assert "Parents from Lincoln Elementary thanked both teams." in shown(app)


async def test_r_makes_the_live_recap_again_as_of_now(
    demo_store: Store, clock: FrozenClock
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "covers the session up to 6:20 PM" in shown(app)
        clock.advance(minutes=7)
        await press(pilot, "r")
        assert "covers the session up to 6:27 PM" in shown(app)
        assert isinstance(app.screen, RecapScreen)  # not a second recap screen


async def test_escape_goes_back(demo_store: Store, clock: FrozenClock) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "escape")
        assert app.closed
        assert not isinstance(app.screen, RecapScreen)


async def test_the_app_opens_it_with_r(demo_db: Path, clock: FrozenClock) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "r")
        screen = recap(app)
        assert screen.clock() == clock.at
        assert "**Bargaining update: Session 5**" in shown(app)[:300]
        await press(pilot, "escape")
        assert not isinstance(app.screen, RecapScreen)
