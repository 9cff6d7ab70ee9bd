"""Driving the console with Pilot: the app on a database, and typing the way a user does.

Shared by the key tests (test_keys_*.py) and the other console tests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual import events
from textual.pilot import Pilot

from models.store import Store
from tui.app import BargainingApp

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]

Opener = Callable[[Path], Store]


def make_app(path: Path, clock: FrozenClock, seat: str = "lead") -> BargainingApp:
    return BargainingApp(db_path=path, seat=seat, clock=clock)


async def settle(pilot: Pilot[None]) -> None:
    """Let workers (the label suggestion) finish and the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type into the focused field. Long text arrives as one paste (the way a terminal
    delivers a burst), which keeps the suite fast; short text is pressed key by key."""
    if len(text) <= 4:
        await pilot.press(*text)
        return
    await pilot.pause()  # a focus() just asked for lands first
    focused = pilot.app.focused
    assert focused is not None, f"nothing has the focus to type {text!r} into"
    focused.post_message(events.Paste(text))
    await pilot.pause()


async def filter_board(pilot: Pilot[None], text: str) -> None:
    """Select an article the way a user would: filter the board, Enter back to it."""
    await pilot.press("slash")
    await type_text(pilot, text)
    await pilot.press("enter")
