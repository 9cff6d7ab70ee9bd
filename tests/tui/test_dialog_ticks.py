"""Issue 14, item 1: a tick box reads ticked or unticked in plain text, without colour
(it was `▐X▌` both ways, only the colour of the X differed), in the pass dialog's embargo
box and the attendance list, at 80x24 and 160x48, in both themes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, SelectionList

from models.domain import Attendance, Member
from models.store import Store
from tests.tui.dialog_host import DialogHost
from tui.dialogs.attendance import AttendanceDialog
from tui.dialogs.pass_proposal import PassProposalDialog

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
THEMES = ["textual-dark", "textual-light"]


def pass_dialog(demo_db: Path) -> PassProposalDialog:
    with Store(demo_db, seat="lead") as store:
        campaign = store.campaign()
        board = store.board()
    assert campaign is not None
    return PassProposalDialog(Store(demo_db, seat="lead"), campaign, board)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
async def test_the_embargo_box_says_whether_it_is_ticked(
    demo_db: Path, size: tuple[int, int], theme: str
) -> None:
    app = DialogHost(pass_dialog(demo_db))
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.pause()
        box = app.screen.query_one("#pass-embargo", Checkbox)
        unticked = str(box.render())
        assert unticked.startswith("[ ]"), unticked
        box.focus()
        await pilot.press("space")
        await pilot.pause()
        assert box.value is True
        ticked = str(box.render())
        assert ticked.startswith("[x]"), ticked
        assert ticked != unticked
        assert "Embargoed" in ticked


def roster() -> list[Member]:
    return [Member(name="Ana Ruiz"), Member(name="Ben Cho"), Member(name="Cy Park")]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
async def test_the_attendance_list_says_who_is_ticked(size: tuple[int, int], theme: str) -> None:
    current = Attendance(session=5, present=("Ben Cho",))
    app = DialogHost(AttendanceDialog(session=5, roster=roster(), current=current))
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.pause()
        listing = app.screen.query_one("#present", SelectionList)
        lines = [listing.render_line(y).text for y in range(3)]
        assert lines[0].startswith("[ ] Ana Ruiz"), lines
        assert lines[1].startswith("[x] Ben Cho"), lines
        assert lines[2].startswith("[ ] Cy Park"), lines
        listing.focus()
        listing.highlighted = 0
        await pilot.press("space")
        await pilot.pause()
        assert listing.render_line(0).text.startswith("[x] Ana Ruiz")
