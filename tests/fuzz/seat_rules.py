"""The fuzz test's exchange with another seat: whatever the write API left in the journal,
an exchange through a shared folder never fails, and after it both seats hold the same
events and show the same state."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from models import seats
from models.errors import DomainError
from models.store import Store
from tests.seats.support import event_set, state_of


class SeatRules:
    """Rules mixed into the write API's state machine."""

    store: Store
    folder: Path
    now: Callable[[], datetime]
    other: Store | None = None

    @rule(note=st.booleans())
    @precondition(lambda self: self.store.has_campaign())
    def exchange_with_another_seat(self, note: bool) -> None:
        shared = self.folder / "shared"
        seats.exchange(self.store, shared)
        if self.other is None:
            self.other = seats.join(shared, self.folder / "other.db", seat="other")
            self.other.clock = self.now
        if note and self.other.sessions():
            session = self.other.sessions()[-1].number
            with contextlib.suppress(DomainError):
                self.other.record({"type": "note.added", "session": session, "text": "other"})
        for store in (self.other, self.store, self.other):
            report = seats.exchange(store, shared)
            assert report.problems == (), report.problems
        assert event_set(self.other) == event_set(self.store)
        assert state_of(self.other) == state_of(self.store)

    def close_other(self) -> None:
        if self.other is not None:
            self.other.close()
