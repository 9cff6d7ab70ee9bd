"""A quote's speaker may speak for the mediator or someone else, not only the two sides."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from models.domain import Campaign, Note, NoteKind, NoteParty, PartyInfo
from models.store import Store
from tests.tui.console_pilot import make_app, type_text
from tui.dialogs.speaker import SpeakerDialog
from tui.screens.main import MainScreen
from tui.widgets.note_log import note_line

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

Opener = Callable[[Path], Store]


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_speaker_dialog_offers_the_mediator(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await type_text(pilot, '"Take ten minutes, both of you')
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerDialog)
        await type_text(pilot, "Dana Ortiz")
        await pilot.press("tab", "enter", "down", "down", "down", "enter")  # side: mediator
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    note = open_store(demo_db).notes(5, limit=1)[0]
    assert (note.speaker, note.party) == ("Dana Ortiz", NoteParty.MEDIATOR)


@pytest.mark.parametrize(
    ("party", "shown"),
    [
        (NoteParty.MEDIATOR, "Dana Ortiz (mediator): "),
        (NoteParty.OTHER, "A parent (other): "),
        (NoteParty.EMPLOYER, "Linda Cho (RUSD): "),
    ],
)
def test_the_note_log_names_every_party(party: NoteParty, shown: str) -> None:
    campaign = Campaign(
        union=PartyInfo(name="Riverbend Education Association", short="REA"),
        employer=PartyInfo(name="Riverbend Unified School District", short="RUSD"),
        timezone="UTC",
    )
    speaker = shown.split(" (")[0]
    note = Note(
        id="n",
        session=1,
        at=datetime(2026, 3, 10, 18, tzinfo=UTC),
        text="words",
        kind=NoteKind.NOTE,
        speaker=speaker,
        party=party,
    )
    assert shown in note_line(note, campaign).plain
