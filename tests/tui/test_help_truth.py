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


README = Path(__file__).parents[2] / "README.md"
SPOKEN = {"question_mark": "?", "plus": "+", "slash": "/", "full_stop": "."}


def readme_keys_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## Keys", 1)[1].split("\n## ", 1)[0]


def test_the_readme_names_every_key_of_the_console() -> None:
    """Every key bound on the console, the app and the pass dialog is in README's key map."""
    from textual.binding import Binding

    from tui.dialogs.pass_proposal import PassProposalDialog
    from tui.screens.main import MainScreen

    section = readme_keys_section()
    missing = []
    for owner in (MainScreen, BargainingApp, PassProposalDialog):
        for binding in owner.BINDINGS:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            for key in binding.key.split(","):
                if f"`{SPOKEN.get(key, key)}`" not in section:
                    missing.append(f"{owner.__name__}: {key}")
    assert not missing, missing


@pytest.mark.parametrize("key", ["r", "S", "R"])
async def test_the_help_on_a_side_screen_lists_that_screens_keys(
    demo_db: Path, clock: FrozenClock, key: str
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#board").focus()
        await pilot.press(key)
        await pilot.pause(0.3)
        screen = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        text = str(app.screen.query_one("#help-text", Static).render())
    assert text.startswith("On this screen")
    from textual.binding import Binding

    for binding in screen.BINDINGS:
        if isinstance(binding, Binding) and binding.description:
            assert (binding.tooltip or binding.description) in text


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
