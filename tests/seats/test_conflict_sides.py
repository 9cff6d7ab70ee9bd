"""Settling a conflict from either side (DESIGN "Undo and redo": either side of a conflict may
be undone), with real databases and a real folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import actions
from models.domain import ArticleStatus
from models.store import Store
from tests.tui.test_two_computers import conflicting_tas

seats = pytest.importorskip("models.seats")


def test_undoing_the_conflict_settles_it_on_every_seat(demo_db: Path, tmp_path: Path) -> None:
    lead_db, folder, notes_db = conflicting_tas(demo_db, tmp_path)
    with Store(lead_db, seat="lead") as lead:
        (conflict,) = lead.conflicts()
        actions.undo_event(lead, lead.event(conflict.event_id))  # type: ignore[arg-type]
        assert lead.conflicts() == []
        seats.exchange(lead, folder)
    with Store(notes_db, seat="notes") as notes:
        seats.exchange(notes, folder)
        assert notes.conflicts() == []
        assert [r.status for r in notes.board() if r.number == "8"] == [ArticleStatus.TA]


def test_undoing_the_other_side_lets_the_conflict_take_its_place(
    demo_db: Path, tmp_path: Path
) -> None:
    lead_db, _folder, _notes_db = conflicting_tas(demo_db, tmp_path)
    with Store(lead_db, seat="lead") as lead:
        (conflict,) = lead.conflicts()
        (other,) = [
            event
            for event in lead.events(types=["ta.signed"])
            if event.data.get("articles") == ["8"] and event.id != conflict.event_id
        ]
        actions.undo_event(lead, other)
        assert lead.conflicts() == []
        assert [r.status for r in lead.board() if r.number == "8"] == [ArticleStatus.TA]
