"""The box the focus is in lights up (the board's or the notes'), the other is dimmed; after
a note, back on the board, the board's box is lit again; a theme change relights them. At
80x24 and 160x48."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tui.app import BargainingApp
from tui.widgets.lit_box import LitBox

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


def looks(app: BargainingApp) -> dict[str, str]:
    """Each lit box: "lit" or "dim", told by its border and title against its two looks."""
    found = {}
    for box in app.screen.query(LitBox):
        styles = box.styles
        worn = (styles.border_top, styles.border_title_color, styles.border_title_style)
        for name in ("lit", "dim"):
            look = box.get_component_styles(f"lit-box--{name}")
            if worn == (look.border_top, look.border_title_color, look.border_title_style):
                found[str(box.id)] = name
    return found


@pytest.mark.parametrize("size", SIZES)
async def test_the_box_with_the_focus_is_lit(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert looks(app) == {"board-box": "lit", "notes": "dim"}
        lit, dim = (
            app.screen.query_one("#board-box", LitBox).get_component_styles(f"lit-box--{name}")
            for name in ("lit", "dim")
        )
        assert lit.border_top != dim.border_top and lit.border_title_style.bold
        await pilot.press("n")
        await pilot.pause()
        assert looks(app) == {"board-box": "dim", "notes": "lit"}
        for key in "a note":
            await pilot.press("space" if key == " " else key)
        await pilot.press("enter")
        await pilot.pause()
        assert looks(app) == {"board-box": "lit", "notes": "dim"}
        before = app.screen.query_one("#board-box", LitBox).styles.border_top
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        assert looks(app) == {"board-box": "lit", "notes": "dim"}
        assert app.screen.query_one("#board-box", LitBox).styles.border_top != before
