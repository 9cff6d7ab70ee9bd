"""Issue 14, item 10: a commitment typed on the note line (`+` first) is stored as one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from models.domain import NoteKind
from models.store import Store
from tui.app import BargainingApp
from tui.widgets.note_line import PLACEHOLDER

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_a_plus_makes_a_commitment(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Callable[[Path], Store]
) -> None:
    app = BargainingApp(db_path=demo_db, seat="notes", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"+RUSD: we will send the staffing numbers")
        await pilot.press("enter")
        await pilot.pause()
    note = open_store(demo_db).notes(5)[-1]
    assert (note.kind, note.speaker, note.text) == (
        NoteKind.COMMITMENT,
        "RUSD",
        "we will send the staffing numbers",
    )


def test_the_placeholder_names_the_commitment_mark() -> None:
    assert "+commitment" in PLACEHOLDER
