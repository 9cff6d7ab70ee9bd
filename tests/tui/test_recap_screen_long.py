"""The recap preview with nothing to recap, and with a recap too long to render whole, driven
by keys alone.

The demo campaign (tests/tui/conftest.py) with the clock frozen at 18:20 Pacific on the demo's
day: session 5 is live, sessions 1 to 4 are over. In session 5 the team recorded a team-only
note and a caucus purpose that must never reach members.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.widgets import ContentSwitcher, Markdown, Static

from models.store import Store
from tests.tui.recap_host import (
    SIZE_IDS,
    SIZES,
    Host,
    header_title,
    notes_of,
    press,
    recap,
    settle,
    shown,
)
from tui.screens.recap import RecapScreen, split_for_preview

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock


@pytest.fixture
def bare_store(tmp_path: Path) -> Iterator[Store]:
    """A campaign with a session scheduled but none started: nothing to recap."""
    store = Store(tmp_path / "bare" / "bargaining.db", create=True, seat="lead")
    store.record(
        {
            "type": "campaign.created",
            "at": "2026-03-01T16:00:00-08:00",
            "union": {"name": "Riverbend Education Association", "short": "REA"},
            "employer": {"name": "Riverbend Unified School District", "short": "RUSD"},
            "timezone": "America/Los_Angeles",
        }
    )
    store.record(
        {
            "type": "session.scheduled",
            "at": "2026-03-01T16:05:00-08:00",
            "session": 1,
            "starts": "2026-03-10T16:30:00-07:00",
        }
    )
    yield store
    store.close()


# ---------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_no_started_session_shows_the_reason(
    bare_store: Store, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = Host(bare_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = recap(app)
        assert screen.query_one(ContentSwitcher).current == "recap-message-box"
        assert shown(app) == "No session has started yet; there is nothing to recap."
        assert screen.started == []
        assert "no session" in header_title(app)

        # Every key still answers, and none of them fails.
        await press(pilot, "f", "l", "u", "left_square_bracket", "right_square_bracket")
        assert shown(app) == "No session has started yet; there is nothing to recap."
        await press(pilot, "c")
        assert app.clipboard == ""
        assert isinstance(app.screen, RecapScreen)
        await press(pilot, "w")
        assert not (bare_store.path.parent / "recaps").exists()
        assert any("nothing to recap" in note for note in notes_of(app))
        assert isinstance(app.screen, RecapScreen)


# ---------------------------------------------------------------------------- long recaps


def test_split_for_preview_cuts_between_blocks() -> None:
    text = "".join(
        [
            "# Title\n",
            "\n",
            "Intro line.\n",
            "\n",
            "## Notes\n",
            "\n",
            "- one\n",
            "  continued\n",
            "- two\n",
            "\n",
            "| a | b |\n",
            "| - | - |\n",
            "| 1 | 2 |\n",
            "\n",
            "Last.\n",
        ]
    )
    assert split_for_preview(text, 100) == (text, "")
    head, rest = split_for_preview(text, 7)  # line 7 continues a list item: cut before it
    assert head + rest == text
    assert rest.startswith("- one\n")
    head, rest = split_for_preview(text, 12)  # inside the table: cut before the list item
    assert rest.startswith("- two\n")
    head, rest = split_for_preview(text, 14)
    assert rest == "Last.\n"


async def test_a_long_recap_renders_its_start_and_shows_the_rest(
    demo_store: Store, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.screens.recap.MARKDOWN_PREVIEW_LINES", 40)
    app = Host(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = recap(app)
        head = screen.query_one(Markdown).source
        rest = str(screen.query_one("#recap-markdown-rest", Static).content)
        assert "**Bargaining update: Session 5**" in head[:300]
        assert head.count("\n") <= 40
        assert rest
        assert head + rest == screen.text
        assert screen.query_one("#recap-markdown-cut").display
        await press(pilot, "c")
        assert app.clipboard == head + rest

        await press(pilot, "left_square_bracket")
        assert screen.query_one("#recap-markdown-cut").display
        monkeypatch.setattr("tui.screens.recap.MARKDOWN_PREVIEW_LINES", 150)
        await press(pilot, "right_square_bracket")
        assert not screen.query_one("#recap-markdown-cut").display
        assert screen.query_one(Markdown).source == screen.text
