"""Correct a note after Enter: its words, its kind, who said it (a `note.edited` event; the
journal keeps what it said before)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Select

from models.domain import Campaign, Note, NoteKind, NoteParty
from models.events import NoteAdded
from tui.dialogs.form_fields import FieldRow, FormDialog, check_line, one_of
from tui.dialogs.speaker import UNKNOWN, party_choices

NOBODY = UNKNOWN
KIND_WORDS = {
    NoteKind.NOTE: "note",
    NoteKind.QUOTE: "quote",
    NoteKind.COMMITMENT: "commitment",
    NoteKind.ACTION: "action item",
}


@dataclass(frozen=True)
class NoteEdit:
    """A note as corrected, ready for `models.actions.edit_note`."""

    note: Note
    text: str
    kind: NoteKind
    speaker: str
    party: NoteParty | None


class NoteEditDialog(FormDialog[NoteEdit], title="Edit the note", save="Save the correction"):
    """Prefilled with the note as it reads now; Enter saves what changed."""

    REFUSAL_FIELD = FIRST_FIELD = "note-text"
    INTRO = "The history keeps what it said before; undo takes the correction back."

    def __init__(
        self, note: Note, campaign: Campaign, on_save: Callable[[NoteEdit], object] | None = None
    ) -> None:
        super().__init__(on_save, note=note, campaign=campaign)

    def compose_fields(self) -> ComposeResult:
        # The cursor goes to the end, nothing selected: a key typed fixes, never replaces.
        yield FieldRow(
            "Text", Input(self.note.text, compact=True, id="note-text", select_on_focus=False)
        )
        yield FieldRow(
            "Kind",
            one_of(
                [(word, kind.value) for kind, word in KIND_WORDS.items()],
                self.note.kind.value,
                "note-kind",
            ),
        )
        yield FieldRow(
            "Speaker",
            Input(
                self.note.speaker,
                placeholder="who said it",
                compact=True,
                id="note-speaker",
                select_on_focus=False,
            ),
            "side",
            one_of(
                party_choices(self.campaign),
                self.note.party.value if self.note.party else NOBODY,
                "note-party",
            ),
        )

    def check(self) -> tuple[NoteEdit | None, dict[str, str]]:
        party = self.query_one("#note-party", Select).value
        kind = self.query_one("#note-kind", Select).value
        parsed, found = check_line(
            NoteAdded,
            {
                "type": "note.added",
                "session": self.note.session,
                "text": self.query_one("#note-text", Input).value,
                "kind": kind,
                "speaker": self.query_one("#note-speaker", Input).value,
            },
        )
        problems = {
            {"text": "note-text", "speaker": "note-speaker"}.get(name, "note-kind"): message
            for name, message in found.items()
        }
        if parsed is None or problems:
            return None, problems
        chosen = NoteParty(str(party)) if party != NOBODY else None
        return NoteEdit(self.note, parsed.text, parsed.kind, parsed.speaker, chosen), {}
