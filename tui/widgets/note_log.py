"""The recent notes, oldest first, each stamped with its time and marked by kind."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from models.domain import Campaign, Note, NoteKind, Visibility
from tui.format import PARTY_STYLE, clock

KIND_MARKS = {
    NoteKind.NOTE: ("", ""),
    NoteKind.QUOTE: ("QUOTE ", "bold"),
    NoteKind.COMMITMENT: ("COMMITMENT ", "bold $text-success"),
    NoteKind.ACTION: ("ACTION ", "bold $text-accent"),
}


def note_line(note: Note, campaign: Campaign) -> Content:
    """One note as it reads on screen: `18:05 [team] ❝ Name (RUSD): words`."""
    mark, style = KIND_MARKS[note.kind]
    parts: list[str | Content | tuple[str, str]] = [
        (clock(note.at, campaign.timezone), "dim"),
        " ",
    ]
    if note.visibility is Visibility.TEAM:
        parts += [("team", "bold reverse $text-warning"), " "]
    if mark:
        parts.append((mark, style))
    if note.speaker:
        who = note.speaker
        if note.party is not None:
            parts += [
                (who, "bold"),
                " (",
                (campaign.short(note.party), PARTY_STYLE[note.party]),
                "): ",
            ]
        else:
            parts += [(who, "bold"), ": "]
    parts.append(f"“{note.text}”" if note.kind is NoteKind.QUOTE else note.text)
    return Content.assemble(*parts)


class NoteLog(VerticalScroll, can_focus=False):
    """A scrolling list of notes that stays at the newest one."""

    def compose(self) -> ComposeResult:
        yield Static("", id="note-log-text")

    def show(self, notes: Sequence[Note], campaign: Campaign) -> None:
        """Replace the notes shown and scroll to the newest."""
        if notes:
            text = Content("\n").join(note_line(note, campaign) for note in notes)
        else:
            text = Content.styled("No notes in this session yet. Press n to take one.", "italic")
        self.query_one("#note-log-text", Static).update(text)
        self.call_after_refresh(self.scroll_end, animate=False)
