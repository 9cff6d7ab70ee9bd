"""Every note of the session, to read back: the main screen shows only the latest that fit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from models.domain import Campaign, Note, Visibility
from tui.dialogs.type_ahead import TypeAheadDialog
from tui.widgets.note_log import note_line


class SessionNotesDialog(TypeAheadDialog[None]):
    """The whole session's notes, oldest first, scrolled to the newest; Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,N", "close", "Close", id="notes.close"),
        Binding("home", "scroll('home')", "Oldest", show=False, id="notes.oldest"),
        Binding("end", "scroll('end')", "Newest", show=False, id="notes.newest"),
    ]

    DEFAULT_CSS = """
    SessionNotesDialog #notes-box { max-height: 90%; }
    SessionNotesDialog #notes-scroll { height: auto; max-height: 100%; }
    """

    def __init__(self, session: int, notes: Sequence[Note], campaign: Campaign) -> None:
        super().__init__(classes="plain-dialog")
        self.session = session
        self.notes = list(notes)
        self.campaign = campaign

    def compose(self) -> ComposeResult:
        team = sum(1 for note in self.notes if note.visibility is Visibility.TEAM)
        with Vertical(classes="dialog", id="notes-box") as box:
            box.border_title = f"Notes of session {self.session}"
            box.border_subtitle = "↑↓ PgUp PgDn Home End · Esc closes"
            count = f"{len(self.notes)} note{'s' if len(self.notes) != 1 else ''}"
            yield Static(
                f"{count}, {team} team-only (marked team: they stay out of the members' recap)"
                if team
                else count,
                classes="dialog-intro",
            )
            with VerticalScroll(id="notes-scroll"):
                if self.notes:
                    lines = [note_line(note, self.campaign) for note in self.notes]
                    yield Static(Content("\n").join(lines), id="notes-text")
                else:
                    yield Static("No notes in this session yet.", classes="dialog-hint")

    def on_mount(self) -> None:
        scroll = self.query_one("#notes-scroll", VerticalScroll)
        scroll.focus()
        self.call_after_refresh(scroll.scroll_end, animate=False)

    def action_scroll(self, where: str) -> None:
        """Go to the oldest or the newest note."""
        scroll = self.query_one("#notes-scroll", VerticalScroll)
        if where == "home":
            scroll.scroll_home(animate=False)
        else:
            scroll.scroll_end(animate=False)

    def action_close(self) -> None:
        """Back to the console."""
        self.dismiss(None)
