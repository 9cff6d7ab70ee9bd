"""Logging the other side's pass takes as few keys as logging ours (issue 14, item 6): the
side follows the articles typed, and ctrl+t switches it from any field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Select, Static

from models.domain import Party
from models.store import Store
from tests.tui.conftest import FrozenClock
from tui.app import BargainingApp
from tui.dialogs.help import HelpDialog
from tui.dialogs.pass_proposal import PassProposalDialog
from tui.screens.main import MainScreen

Opener = Callable[[Path], Store]
SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])


@SIZES
async def test_p_ctrl_t_enter_logs_the_other_sides_pass(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        app.screen.query_one("#board").focus()
        await pilot.press("p", *"13")  # RUSD holds 13: RUSD is offered
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PassProposalDialog)
        assert dialog.query_one("#pass-side", Select).value is Party.EMPLOYER
        await pilot.press("ctrl+t")
        assert dialog.query_one("#pass-side", Select).value is Party.UNION
        await pilot.press(*", 14")  # more articles typed no longer move the side back
        await pilot.pause()
        assert dialog.query_one("#pass-side", Select).value is Party.UNION
        assert "ctrl+t other side" in str(dialog.query_one(".form-dialog").border_subtitle)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    proposal = open_store(demo_db).proposals()[-1]
    assert (proposal.by, proposal.articles) == (Party.UNION, ("13", "14"))


async def test_the_help_lists_ctrl_t_of_the_pass_dialog(demo_db: Path, clock: FrozenClock) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        text = str(app.screen.query_one("#help-text", Static).render())
    assert "In the pass dialog" in text
    assert any(
        line.split()[:1] == ["ctrl+t"] and "other side" in line for line in text.splitlines()
    )
