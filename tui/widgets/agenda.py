"""The session's agenda: planned minutes, the active item's own clock, done and skipped marked."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from models.domain import AgendaItem, AgendaStatus
from models.timeutil import utc_now
from tui.format import hours_minutes

MIN_TITLE = 10
"""The title keeps at least this many cells; the active item's clock gives way first."""

MARKS = {
    AgendaStatus.DONE: ("✓", "dim"),
    AgendaStatus.SKIPPED: ("–", "dim strike"),
    AgendaStatus.ACTIVE: ("▶", "bold"),
    AgendaStatus.UPCOMING: ("·", ""),
}


NO_SESSION = "No session yet.\nPress S to schedule one, then s to start it."
ADD_ITEMS = "Add items: ctrl+p, then “Add an agenda item”."


class Agenda(Widget):
    """One line per item; the active item shows `elapsed/planned`, in warning style once over."""

    items: reactive[tuple[AgendaItem, ...]] = reactive((), layout=True)
    now: reactive[datetime] = reactive(utc_now)
    session: reactive[int | None] = reactive(None)
    """The number of the session whose agenda this is (None: no session scheduled yet)."""

    def render(self) -> Content:
        if not self.items:
            return Content.styled(self.empty_text(), "italic")
        width = max(self.content_region.width or self.size.width, 12)
        return Content("\n").join(self._line(item, width) for item in self.items)

    def empty_text(self) -> str:
        """What an empty agenda says to do next."""
        if self.session is None:
            return NO_SESSION
        return f"No agenda for session {self.session} yet.\n{ADD_ITEMS}"

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self.items), 2)

    def over_plan(self, item: AgendaItem) -> bool:
        """True while the active item runs past its planned minutes."""
        return (
            item.status is AgendaStatus.ACTIVE
            and item.minutes is not None
            and item.started_at is not None
            and self.now - item.started_at > timedelta(minutes=item.minutes)
        )

    def _line(self, item: AgendaItem, width: int) -> Content:
        mark, style = MARKS[item.status]
        head = Content.assemble((mark, style), " ", (f"{item.position} {item.title}", style))
        tails = self._tails(item)
        for tail in tails:
            if width - tail.cell_length - 1 >= MIN_TITLE:
                break
        else:
            tail = tails[-1]
        room = width - tail.cell_length - 1
        head = head.truncate(max(room, 4), ellipsis=True, pad=True)
        return Content.assemble(head, " ", tail)

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


def _minutes(delta: timedelta) -> str:
    return f"{max(round(delta.total_seconds() / 60), 0)}m"
