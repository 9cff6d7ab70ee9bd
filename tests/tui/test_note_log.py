"""The notes pane wraps each note itself (once per note and width) and tells Textual not to
wrap its lines again: no words may be lost or cut on the way, at either size."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.geometry import Region

from models import actions
from models.store import Store
from tests.tui.conftest import FrozenClock
from tui.app import BargainingApp
from tui.widgets.note_log import NoteLog

LONG = (
    "The district says the substitute pay study will not be ready before the spring break"
    " and asks the union to hold its counter on article twelve until the board has seen it"
)


def shown_lines(log: NoteLog) -> list[str]:
    width, height = log.region.size  # padding included
    return [strip.text.rstrip() for strip in log.render_lines(Region(0, 0, width, height))]


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_a_long_note_is_wrapped_whole(
    demo_db: Path,
    clock: FrozenClock,
    open_store: Callable[[Path], Store],
    size: tuple[int, int],
) -> None:
    with open_store(demo_db) as store:
        actions.add_note(store, session=5, text=LONG)
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        log = app.screen.query_one(NoteLog)
        lines = [line.strip() for line in shown_lines(log) if line.strip()]
        inner = log.content_region.width
        assert inner < len(LONG)  # it has to wrap
        start = next(index for index, line in enumerate(lines) if "The district says" in line)
        rows = lines[start:]
        assert len(rows) > 1 and rows[-1].endswith("has seen it")
        assert " ".join(rows).split()[-len(LONG.split()) :] == LONG.split()


async def test_the_empty_notes_message_wraps(
    demo_db: Path, clock: FrozenClock, open_store: Callable[[Path], Store]
) -> None:
    campaign = open_store(demo_db).campaign()
    assert campaign is not None
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        log = app.screen.query_one(NoteLog)
        log.show([], campaign)
        await pilot.pause()
        lines = [line.strip() for line in shown_lines(log) if line.strip()]
        assert log.content_region.width < 50 and len(lines) > 1
        assert " ".join(lines) == "No notes in this session yet. Press n to take one."
