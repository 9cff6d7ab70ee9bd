"""The session's agenda: planned minutes, the active item's own clock, done and skipped marked."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from models.domain import AgendaItem, AgendaStatus
from models.timeutil import utc_now
from tui.format import hours_minutes

MIN_TITLE = 8
"""The title's lines keep at least this many cells; the active item's clock gives way
first. Titles wrap: never cut."""

MARKS = {
    AgendaStatus.DONE: ("✓", "dim"),
    AgendaStatus.SKIPPED: ("–", "dim strike"),
    AgendaStatus.ACTIVE: ("▶", "bold"),
    AgendaStatus.UPCOMING: ("·", ""),
}
FINISHED = frozenset({AgendaStatus.DONE, AgendaStatus.SKIPPED})


NO_SESSION = "No session yet.\nPress S to schedule one, then s to start it."
ADD_ITEMS = "Add items: ctrl+p, then “Add an agenda item”."


class Agenda(Widget):
    """One item a line (a long title wraps); the active item shows `elapsed/planned`, in
    warning style once over."""

    items: reactive[tuple[AgendaItem, ...]] = reactive((), layout=True)
    now: reactive[datetime] = reactive(utc_now)
    session: reactive[int | None] = reactive(None)
    """The number of the session whose agenda this is (None: no session scheduled yet)."""

    def render(self) -> Content:
        if not self.items:
            return Content.styled(self.empty_text(), "italic")
        width = max(self.content_region.width or self.size.width, 12)
        height = self.content_region.height or self.size.height
        blocks = [self._lines(item, width) for item in self.items]
        finished = 0  # the items done or skipped before the first still to come
        while finished < len(self.items) and self.items[finished].status in FINISHED:
            finished += 1
        folded = 0  # the column is short: the first items done fold into one line
        while folded < finished and height and _total(blocks, folded) > height:
            folded += 1
        if folded:
            summary = Content.styled(f"✓ {_done_words(folded)}", "dim")
            blocks = [[summary], *blocks[folded:]]
        return Content("\n").join(line for block in blocks for line in block)

    def empty_text(self) -> str:
        """What an empty agenda says to do next."""
        if self.session is None:
            return NO_SESSION
        return f"No agenda for session {self.session} yet.\n{ADD_ITEMS}"

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        lines = sum(len(self._lines(item, max(width, 12))) for item in self.items)
        return max(lines, 2)

    def over_plan(self, item: AgendaItem) -> bool:
        """True while the active item runs past its planned minutes."""
        return (
            item.status is AgendaStatus.ACTIVE
            and item.minutes is not None
            and item.started_at is not None
            and self.now - item.started_at > timedelta(minutes=item.minutes)
        )

    def _lines(self, item: AgendaItem, width: int) -> list[Content]:
        """The item's lines: its title wrapped (never cut), the clock or minutes right of the
        first line, the lines after it indented under the title."""
        mark, style = MARKS[item.status]
        prefix = f"{mark} {item.position} "
        indent = cell_len(prefix)
        tails = self._tails(item)
        for tail in tails:
            if width - indent - tail.cell_length - 1 >= MIN_TITLE:
                break
        else:
            tail = tails[-1]
        room = max(width - indent - tail.cell_length - 1, 4)
        title = Content.styled(item.title, style).wrap(room)
        first = title[0].truncate(room, pad=True) if title else Content(" " * room)
        lines = [Content.assemble((prefix, style), first, " ", tail)]
        lines.extend(Content.assemble(" " * indent, line) for line in title[1:])
        return lines

    def _tails(self, item: AgendaItem) -> list[Content]:
        """What goes right of the title, longest first: the line keeps what fits."""
        planned = f"{item.minutes}m" if item.minutes else ""
        if item.status is AgendaStatus.ACTIVE and item.started_at is not None:
            spent = hours_minutes(self.now - item.started_at)
            if not self.over_plan(item):
                full = Content.assemble((spent, "bold"), ("/" + planned if planned else "", "dim"))
                return [full, Content.styled(spent, "bold")]
            warn = "bold $text-warning"
            return [
                Content.assemble((spent, warn), ("/" + planned, "dim"), (" over", warn)),
                Content.assemble((spent, warn), (" over", warn)),
                Content.styled(spent + "!", warn),
            ]
        if item.status is AgendaStatus.DONE and item.started_at and item.ended_at:
            return [Content.styled(_minutes(item.ended_at - item.started_at), "dim")]
        if item.status is AgendaStatus.SKIPPED:
            return [Content.styled("skipped", "dim"), Content.styled("–", "dim")]
        return [Content.styled(planned, "dim")]


def _total(blocks: list[list[Content]], folded: int) -> int:
    """How many lines the agenda takes with its first `folded` items as one line."""
    return sum(map(len, blocks[folded:])) + (1 if folded else 0)


def _done_words(count: int) -> str:
    return "1 item done" if count == 1 else f"{count} items done (1–{count})"


def _minutes(delta: timedelta) -> str:
    return f"{max(round(delta.total_seconds() / 60), 0)}m"
