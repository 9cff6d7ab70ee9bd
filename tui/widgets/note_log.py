"""The recent notes, oldest first, each stamped with its time and marked by kind."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

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


EMPTY = Content.styled("No notes in this session yet. Press n to take one.", "italic")
NO_SESSION = Content.styled(
    "No session yet: notes belong to a session. Press S to schedule one, then s to start it.",
    "italic",
)


class NoteLog(Widget, can_focus=False):
    """The newest notes that fit, the newest at the bottom.

    It draws only what fits its height, so a new note repaints this widget alone (no
    scrolling container to lay out again); the full record is in the journal and the recap.
    Its lines are wrapped here, once per note and width: app.tcss tells Textual not to wrap
    them again (it did, every line, on every repaint).
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._notes: Sequence[Note] = ()
        self._campaign: Campaign | None = None
        self._lines: dict[int, Content] = {}
        self._wrapped: dict[tuple[int, int], list[Content]] = {}
        self._has_session = True

    def show(self, notes: Sequence[Note], campaign: Campaign, *, has_session: bool = True) -> None:
        """Replace the notes shown (`has_session` False: no session is scheduled yet)."""
        self._notes = notes
        self._has_session = has_session
        self._campaign = campaign
        self._lines.clear()
        self._wrapped.clear()
        self.refresh()

    def _rows(self, index: int, width: int) -> list[Content]:
        """One note wrapped to `width`; notes are styled and wrapped only once they are
        reached from the newest, so the notes that do not fit cost nothing."""
        rows = self._wrapped.get((index, width))
        if rows is None:
            line = self._lines.get(index)
            if line is None:
                assert self._campaign is not None
                line = self._lines[index] = note_line(self._notes[index], self._campaign)
            rows = self._wrapped[index, width] = line.wrap(width)
        return rows

    def render(self) -> Content:
        width, height = self.content_region.size
        if width <= 0 or height <= 0:
            return Content("")
        if not self._notes:
            empty = EMPTY if self._has_session else NO_SESSION
            return Content("\n").join(empty.wrap(width))
        shown: list[Content] = []
        for index in range(len(self._notes) - 1, -1, -1):
            shown[:0] = self._rows(index, width)
            if len(shown) >= height:
                break
        return Content("\n").join(shown[-height:])
