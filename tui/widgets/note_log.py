"""The recent notes, oldest first, each stamped with its time and marked by kind."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual
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
    It draws its own lines (Textual's Line API): each note is styled and wrapped once per
    width, and each of its rows drawn once, kept by the note record itself (a corrected note
    is drawn anew), so a new note costs the drawing of that note alone. app.tcss tells
    Textual not to wrap the rows again.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._notes: Sequence[Note] = ()
        self._campaign: Campaign | None = None
        self._wrapped: dict[tuple[Note, int], list[Content]] = {}
        self._strips: dict[tuple[object, ...], Strip] = {}
        self._rows: tuple[tuple[int, int], tuple[tuple[object, Content], ...]] | None = None
        self._has_session = True

    def show(self, notes: Sequence[Note], campaign: Campaign, *, has_session: bool = True) -> None:
        """Replace the notes shown (`has_session` False: no session is scheduled yet)."""
        if campaign != self._campaign or len(self._wrapped) > 4 * max(len(notes), 50):
            # A note's line depends on the campaign (its clock, names).
            self._wrapped.clear()
            self._strips.clear()
        self._notes = notes
        self._has_session = has_session
        self._campaign = campaign
        self._rows = None
        self.refresh()

    def _note_rows(self, index: int, width: int) -> list[Content]:
        """One note wrapped to `width`; notes are styled and wrapped only once they are
        reached from the newest, so the notes that do not fit cost nothing."""
        note = self._notes[index]
        rows = self._wrapped.get((note, width))
        if rows is None:
            assert self._campaign is not None
            rows = self._wrapped[note, width] = note_line(note, self._campaign).wrap(width)
        return rows

    def _shown(self, width: int, height: int) -> tuple[tuple[object, Content], ...]:
        """The rows on screen, top to bottom, each with the key its drawing is kept by."""
        if self._rows is not None and self._rows[0] == (width, height):
            return self._rows[1]
        shown: list[tuple[object, Content]] = []
        if width > 0 and height > 0:
            if not self._notes:
                empty = EMPTY if self._has_session else NO_SESSION
                shown = [((empty.plain, row), line) for row, line in enumerate(empty.wrap(width))]
            for index in range(len(self._notes) - 1, -1, -1):
                note = self._notes[index]
                rows = self._note_rows(index, width)
                shown[:0] = [((note, row), line) for row, line in enumerate(rows)]
                if len(shown) >= height:
                    break
        rows_shown = tuple(shown[-height:]) if height > 0 else ()
        self._rows = ((width, height), rows_shown)
        return rows_shown

    def render(self) -> Content:
        """The rows on screen as one text (what a reader of the widget sees); the screen
        itself is drawn line by line by `render_line`."""
        width, height = self.size
        return Content("\n").join(line for _key, line in self._shown(width, height))

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        style = self.visual_style
        rows = self._shown(width, height)
        if not 0 <= y < len(rows):
            return Strip.blank(width, style.rich_style)
        frame = (width, style, self.app.theme)
        strip = self._strips.get((rows[y][0], *frame))
        if strip is None:
            # Every row not drawn yet is drawn now, in one go (a first frame draws them all).
            missing = [(key, line) for key, line in rows if (key, *frame) not in self._strips]
            drawn = Visual.to_strips(
                self, Content("\n").join(line for _key, line in missing), width, None, style
            )
            for (key, _line), row in zip(missing, drawn, strict=False):
                self._strips[(key, *frame)] = row
            strip = self._strips.get((rows[y][0], *frame)) or Strip.blank(width)
        return strip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # the rows are drawn in the widget's own style
