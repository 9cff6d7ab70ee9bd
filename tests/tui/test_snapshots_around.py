"""SVG snapshots of the screens around the session console.

Nothing on these screens reads the clock: the welcome screen is given its timezone (instead of
the machine's), and the sessions screen shows only stored instants of the small campaign.
Input cursors are told not to blink, so a snapshot never catches one half-drawn.
A failing snapshot is read in its HTML report before anyone runs `--snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from models.store import Store
from tui.screens.sessions import SessionsScreen
from tui.screens.welcome import WelcomeScreen

Compare = Callable[..., bool]


class WelcomeHost(App[None]):
    def __init__(self, store: Store, demo_path: Path) -> None:
        super().__init__()
        self.store = store
        self.demo_path = demo_path

    def on_mount(self) -> None:
        self.push_screen(
            WelcomeScreen(self.store, timezone="America/Los_Angeles", demo_path=self.demo_path)
        )


class SessionsHost(App[None]):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(SessionsScreen(self.store))


async def still_cursors(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


@pytest.fixture
def empty_store(db_path: Path) -> Iterator[Store]:
    store = Store(db_path, create=True, seat="lead")
    yield store
    store.close()


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_welcome(
    snap_compare: Compare, empty_store: Store, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = WelcomeHost(empty_store, tmp_path / "demo.db")
    assert snap_compare(app, terminal_size=size, run_before=still_cursors)


def test_welcome_with_every_error_shown(
    snap_compare: Compare, empty_store: Store, tmp_path: Path
) -> None:
    app = WelcomeHost(empty_store, tmp_path / "demo.db")
    assert snap_compare(
        app,
        press=["R", "E", "A", "tab", "ctrl+s"],
        terminal_size=(80, 24),
        run_before=still_cursors,
    )


def test_sessions_with_the_schedule_dialog(snap_compare: Compare, small_store: Store) -> None:
    async def open_dialog(pilot: Pilot[Any]) -> None:
        await pilot.press("n")
        await still_cursors(pilot)

    assert snap_compare(SessionsHost(small_store), terminal_size=(80, 24), run_before=open_dialog)


def test_sessions_wide(snap_compare: Compare, small_store: Store) -> None:
    assert snap_compare(SessionsHost(small_store), terminal_size=(160, 48))
