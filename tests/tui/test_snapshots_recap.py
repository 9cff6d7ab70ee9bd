"""A snapshot of the recap preview (Markdown, members, session 5) with the clock frozen at 18:20
Pacific on the demo's day.

A failing snapshot is read in its HTML report before anyone runs `--snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.pilot import Pilot

from models.store import Store
from tui.screens.recap import RecapScreen

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SnapCompare = Callable[..., bool]


class Host(App[None]):
    """A bare app that shows the recap screen."""

    def __init__(self, store: Store, clock: FrozenClock) -> None:
        super().__init__()
        self.store = store
        self.clock = clock

    def on_mount(self) -> None:
        self.push_screen(RecapScreen(self.store, self.clock))


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(10):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        if isinstance(screen, RecapScreen) and screen.showing == screen.choice:
            break
    await pilot.pause()


def test_recap_markdown(snap_compare: SnapCompare, demo_store: Store, clock: FrozenClock) -> None:
    assert snap_compare(Host(demo_store, clock), terminal_size=(100, 30), run_before=settle)
