"""The help screen says what the dialogs and the note line do (issue 14, items 7 and 10):
Enter saves from any field, space ticks, `+` makes a commitment. At 80x24 and 160x48."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.widgets import Static

from tui.app import BargainingApp
from tui.dialogs.help import HelpDialog

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock


async def help_lines(path: Path, clock: FrozenClock, size: tuple[int, int]) -> list[str]:
    """The help screen's lines, spaces squeezed, as `?` shows them on the console."""
    app = BargainingApp(db_path=path, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        text = str(app.screen.query_one("#help-text", Static).render())
    return [" ".join(line.split()) for line in text.splitlines()]


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_help_says_what_enter_space_and_plus_do(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    lines = await help_lines(demo_db, clock, size)
    assert "enter Save, from any field; if one is wrong, go to it instead" in lines
    assert any(line.startswith("space Tick or untick") and "[x] ticked" in line for line in lines)
    assert any(line.startswith("+ Start with + for a commitment") for line in lines)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_help_lists_every_correction_key(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    lines = await help_lines(demo_db, clock, size)
    for expected in (
        "e Edit the note's text, kind or speaker",
        "v Switch the note between team-only and the members' recap",
        "u del Undo the note (after a yes)",
        "m Amend the highlighted proposal: label, summary, note, link, terms, embargo",
        "x del Remove the highlighted item (not yet started)",
        "[ Move the highlighted item up",
        "] Move the highlighted item down",
        "r Change when, where or how the highlighted session meets",
        "x Cancel the highlighted session (one that has not started)",
        "e Remove or move the highlighted session's agenda items",
        "Edit the agenda",
    ):
        assert any(line.strip() == expected for line in lines), expected
