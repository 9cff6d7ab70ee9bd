"""The recap screen on a bare app, and what a test reads off it: the preview's text, the
notifications, the header; the team-only texts of the demo's session 5.

Shared by the recap screen's tests (test_recap_screen*.py) and others that open the recap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Markdown, Static, TextArea

from models.store import Store
from tui.screens.recap import RecapScreen

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock


SIZES = [(80, 24), (160, 48)]
SIZE_IDS = ["80x24", "160x48"]

TEAM_NOTE = "Helen: sites want the 90% premium share locked in for the whole term."
"""A team-only note of session 5 (said in REA's caucus)."""
CAUCUS_PURPOSE = "Answer RUSD #8 tonight, or take it to the executive board?"
"""The purpose of REA's caucus in session 5 (team only)."""
TEAM_FORMATS = ("md", "html", "eml", "json")
"""The formats that print notes and caucus purposes (the text blast and the board CSV do not)."""


class Host(App[None]):
    """A bare app that shows the recap screen."""

    def __init__(self, store: Store, clock: FrozenClock) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.closed = False

    def on_mount(self) -> None:
        self.push_screen(RecapScreen(self.store, self.clock), self.note_closed)

    def note_closed(self, _result: None) -> None:
        self.closed = True


async def settle(pilot: Pilot[Any]) -> None:
    """Let the workers finish and the text they made reach the preview."""
    for _ in range(10):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        if not isinstance(screen, RecapScreen) or screen.showing == screen.choice:
            return


async def press(pilot: Pilot[Any], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def recap(app: App[None]) -> RecapScreen:
    screen = app.screen
    assert isinstance(screen, RecapScreen)
    return screen


def shown(app: App[None]) -> str:
    """The text in the preview, whichever view shows it."""
    screen = recap(app)
    current = screen.query_one(ContentSwitcher).current
    if current == "recap-markdown-box":
        return screen.query_one(Markdown).source
    if current == "recap-text":
        return screen.query_one(TextArea).text
    return str(screen.query_one("#recap-message", Static).content)


def notes_of(app: App[None]) -> list[str]:
    return [f"{n.title} {n.message}" for n in app._notifications]


def header_title(app: App[None]) -> str:
    return str(recap(app).title)
