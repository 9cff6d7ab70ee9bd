"""Keys typed while a dialog is still being built reach its first field, in the order typed
(they were dropped, or reached whichever widget Textual focused first)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual import events
from textual.widgets import Input

from models.domain import CaucusSide
from models.store import Store
from tui.app import BargainingApp
from tui.dialogs.caucus import CaucusDialog
from tui.dialogs.pass_proposal import PassProposalDialog
from tui.screens.main import MainScreen

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

Opener = Callable[[Path], Store]
CHARACTERS = {"space": " ", "comma": ",", "escape": None, "ctrl+s": None}


@pytest.fixture
def app(demo_db: Path, clock: FrozenClock) -> BargainingApp:
    return BargainingApp(db_path=demo_db, seat="lead", clock=clock)


async def type_fast(app: BargainingApp, *keys: str) -> None:
    """Keys as a quick typist sends them, 20 ms apart, without waiting for the app to catch
    up (the Pilot waits until the app is idle after every key, so it never types ahead)."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        character = None if key.startswith("ctrl+") else CHARACTERS.get(key, key)
        event = events.Key(key, character)
        event.set_sender(app)
        driver.send_message(event)
        await asyncio.sleep(0.02)


async def test_what_is_typed_right_after_p_lands_in_the_articles_field(
    app: BargainingApp, size: tuple[int, int], demo_db: Path, open_store: Opener
) -> None:
    async with app.run_test(size=size) as pilot:
        await type_fast(app, "p", "1", "3", "comma", "space", "1", "4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PassProposalDialog)
        assert dialog.focused is dialog.query_one("#pass-articles", Input)
        assert dialog.query_one("#pass-articles", Input).value == "13, 14"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert open_store(demo_db).proposals()[-1].articles == ("13", "14")


async def test_minutes_typed_right_after_c_replace_the_suggested_ones(
    app: BargainingApp, size: tuple[int, int], demo_db: Path, open_store: Opener
) -> None:
    async with app.run_test(size=size) as pilot:
        await type_fast(app, "c", "4", "5", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    caucus = open_store(demo_db).caucuses(5, open_only=True)[-1]
    assert (caucus.side, caucus.minutes) == (CaucusSide.UNION, 45)


async def test_escape_typed_right_after_c_closes_the_dialog_and_saves_nothing(
    app: BargainingApp, size: tuple[int, int], demo_db: Path, open_store: Opener
) -> None:
    before = open_store(demo_db).last_seq()
    async with app.run_test(size=size) as pilot:
        await type_fast(app, "c", "9", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, CaucusDialog)
        assert isinstance(app.screen, MainScreen)
    assert open_store(demo_db).last_seq() == before


def burst(app: BargainingApp, *keys: str) -> None:
    """Keys as the terminal hands over a burst: all in the app's queue before the first has
    been handled (as `p12` pasted or sent in one `send-keys`)."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        character = None if key.startswith("ctrl+") else CHARACTERS.get(key, key)
        character = "\t" if key == "tab" else character
        event = events.Key(key, character)
        event.set_sender(app)
        driver.send_message(event)


async def test_p12_in_one_burst_lands_in_the_articles_field(
    app: BargainingApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        app.screen.query_one("#board").focus()
        await pilot.pause()
        burst(app, "p", "1", "2")
        await pilot.pause(0.3)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PassProposalDialog)
        assert dialog.query_one("#pass-articles", Input).value == "12"


async def test_a_tab_in_a_burst_moves_on_before_the_keys_after_it(
    app: BargainingApp, size: tuple[int, int], demo_db: Path, open_store: Opener
) -> None:
    async with app.run_test(size=size) as pilot:
        app.screen.query_one("#board").focus()
        await pilot.pause()
        burst(app, "p", "8", "tab", "tab", "W", "a", "g", "e", "ctrl+s")
        await pilot.pause(0.5)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    proposal = open_store(demo_db).proposals()[-1]
    assert (proposal.articles, proposal.summary) == (("8",), "Wage")
