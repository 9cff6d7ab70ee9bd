"""The half-typed note of this seat, kept in the database so that a crash loses none of it.

It is written after a short pause in typing (`DRAFT_DELAY`), at once when ctrl+t changes it or
a note is recorded, and before the app quits (only if something changed since).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from models.errors import StoreError

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

    from models.domain import Draft
    from models.store import Store

DRAFT_DELAY = 0.3
"""Seconds of quiet typing before the half-typed note is written to the database."""


class DraftKeeper:
    """Writes the note line's draft (`read()`) for a screen, whose timers and notices it uses."""

    def __init__(self, screen: Screen[None], store: Store, read: Callable[[], Draft]) -> None:
        self.screen = screen
        self.store = store
        self.read = read
        self._timer: Timer | None = None
        self._dirty = False

    def typed(self) -> None:
        """The line changed: write it once the typing pauses."""
        self._dirty = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.screen.set_timer(DRAFT_DELAY, self.save, name="draft")

    def save(self) -> None:
        """Write the draft now; a failure is a notice, and the line keeps its text."""
        if self._timer is not None:
            self._timer.stop()
        self._dirty = False
        try:
            self.store.save_draft(self.read())
        except StoreError as error:
            self.screen.notify(str(error), title="Draft not kept", severity="error")

    def flush(self) -> None:
        """Write what was typed since the last write, if anything (before quitting, say)."""
        if self._timer is not None:
            self._timer.stop()
        if self._dirty:
            self.save()
