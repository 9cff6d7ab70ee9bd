"""Every note of the session, to read back and correct: the main screen shows only the
latest that fit. `e` edits the highlighted note, `v` switches it between the team and the
members, `u` (or Delete) undoes it; each is a journal event (DESIGN.md "Corrections")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from models.domain import Campaign, Note, Visibility
from tui.dialogs.list_writes import RecordListDialog, Write, attempt
from tui.widgets.note_log import note_line


def note_option(note: Note, campaign: Campaign) -> Content:
    """A note as the read-back lists it: its line, marked when it was corrected."""
    line = note_line(note, campaign)
    return Content.assemble(line, (" (edited)", "italic $text-muted")) if note.edited else line


class SessionNotesDialog(RecordListDialog[Note]):
    """The whole session's notes, oldest first, the newest highlighted; Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,N", "close", "Close", id="notes.close"),
        Binding(
            "e", "edit", "Edit", tooltip="Edit the note's text, kind or speaker", id="notes.edit"
        ),
        Binding(
            "v",
            "switch",
            "Team ⇄ members",
            tooltip="Switch the note between team-only and the members' recap",
            id="notes.switch",
        ),
        Binding(
            "u,delete",
            "undo",
            "Undo note",
            key_display="u del",
            tooltip="Undo the note (after a yes)",
            id="notes.undo",
        ),
        Binding("home", "scroll('home')", "Oldest", show=False, id="notes.oldest"),
        Binding("end", "scroll('end')", "Newest", show=False, id="notes.newest"),
    ]

    DEFAULT_CSS = """
    SessionNotesDialog #notes-box { max-height: 90%; }
    """
    LIST_ID = "notes-list"

    def __init__(
        self,
        session: int,
        notes: Sequence[Note],
        campaign: Campaign,
        *,
        reload: Callable[[], Sequence[Note]] | None = None,
        on_edit: Write | None = None,
        on_switch: Write | None = None,
        on_undo: Write | None = None,
    ) -> None:
        super().__init__(session, reload, notes=list(notes), campaign=campaign)
        self._on_edit, self._on_switch, self._on_undo = on_edit, on_switch, on_undo

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="notes-box") as box:
            box.border_title = f"Notes of session {self.session}"
            box.border_subtitle = "↑↓ pick · e edit · v team⇄members · u undo · Esc closes"
            yield Static(self._count(), id="notes-count", classes="dialog-intro")
            if self.notes:
                yield OptionList(*self._options(), id="notes-list")
            else:
                yield Static("No notes in this session yet.", classes="dialog-hint")

    def _count(self) -> str:
        team = sum(1 for note in self.notes if note.visibility is Visibility.TEAM)
        count = f"{len(self.notes)} note{'s' if len(self.notes) != 1 else ''}"
        if team:
            count += f", {team} team-only (marked team: they stay out of the members' recap)"
        return count

    def _options(self) -> list[Option]:
        return [Option(note_option(note, self.campaign), id=note.id) for note in self.notes]

    def on_mount(self) -> None:
        if self.notes:
            notes = self.query_one("#notes-list", OptionList)
            notes.highlighted = len(self.notes) - 1
            notes.focus()

    def records(self) -> list[Note]:
        return self.notes

    def action_scroll(self, where: str) -> None:
        """Go to the oldest or the newest note."""
        if self.notes:
            notes = self.query_one("#notes-list", OptionList)
            notes.highlighted = 0 if where == "home" else len(self.notes) - 1

    # ---------------------------------------------------------------- corrections

    def action_edit(self) -> None:
        """Edit the highlighted note in a form prefilled with what it says now."""
        from tui.dialogs.note_edit import NoteEditDialog

        note, write = self.highlighted, self._on_edit
        if note is None or write is None:
            return

        def save(edit: object) -> None:
            write(edit)
            self.show_notes(note.id)

        self.app.push_screen(NoteEditDialog(note, self.campaign, on_save=save))

    def action_switch(self) -> None:
        """Switch the highlighted note between team-only and the members."""
        note = self.highlighted
        if note is None or self._on_switch is None:
            return
        if attempt(self, self._on_switch, note):
            now = "team-only" if note.visibility is Visibility.MEMBERS else "for the members"
            self.notify(f"The note is now {now}.", title="Corrected")
            self.show_notes(note.id)

    def action_undo(self) -> None:
        """Undo the highlighted note (and its corrections), after asking."""
        from tui.dialogs.confirm import ConfirmDialog

        note, write = self.highlighted, self._on_undo
        if note is None or write is None:
            return
        clipped = note.text if len(note.text) <= 60 else note.text[:59] + "…"

        def undone() -> None:
            self.notify("The note is undone (ctrl+y brings it back).", title="Undone")
            self.show_notes()

        question = ConfirmDialog(
            "Undo the note",
            f"Undo the note “{clipped}”?",
            yes="Undo",
            detail="It leaves every view and the recap; the journal keeps it.",
        )
        self.ask_then_write(question, write, note, undone)

    def show_notes(self, keep: str | None = None) -> None:
        """Read the notes again, keeping the highlight on `keep` (else the newest)."""
        if self._reload is None:
            return
        self.notes = list(self._reload())
        self.query_one("#notes-count", Static).update(self._count())
        if not self.notes:
            self.dismiss(None)
            return
        notes = self.query_one("#notes-list", OptionList)
        notes.set_options(self._options())
        ids = [note.id for note in self.notes]
        notes.highlighted = ids.index(keep) if keep in ids else len(ids) - 1
