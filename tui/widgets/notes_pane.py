"""The notes pane: recent notes above, the note line below."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult

from models.domain import Campaign, Note
from tui.widgets.lit_box import LitBox
from tui.widgets.note_line import NoteLine
from tui.widgets.note_log import NoteLog


class NotesPane(LitBox):
    """Holds the `NoteLog` and the `NoteLine`; the screen talks to both through it."""

    def compose(self) -> ComposeResult:
        yield NoteLog(id="note-log")
        yield NoteLine(id="note-line")

    @property
    def line(self) -> NoteLine:
        return self.query_one(NoteLine)

    def show(self, notes: Sequence[Note], campaign: Campaign, *, has_session: bool = True) -> None:
        """Show the recent notes (`has_session` False: no session is scheduled yet)."""
        self.query_one(NoteLog).show(notes, campaign, has_session=has_session)
