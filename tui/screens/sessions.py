"""The sessions of the campaign: the list, and the forms around them.

`n` schedules a session, `a` adds an agenda item to the highlighted one, `t` records who
attended it, `m` adds a member to the team roster; `r` reschedules it, `x` cancels it (one
that never started), `e` removes or moves its agenda items; Escape goes back. The
highlighted session's details (place, attendance, agenda, what was decided for the next
one) show beside the list on a wide terminal and under it on a narrow one. What another
seat records appears within a second.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from models.actions import add_agenda_item, add_member, record_attendance, schedule_session
from models.domain import Session
from models.events import AttendanceRecorded, MemberAdded, SessionScheduled
from models.timeutil import zone
from tui.attributes import attributes
from tui.dialogs.agenda_item import AgendaItemDialog, AgendaItemRequest
from tui.dialogs.attendance import AttendanceDialog
from tui.dialogs.member import MemberDialog
from tui.dialogs.schedule_session import KIND_WORDS, MODE_WORDS
from tui.screens.list_screen import ListScreen
from tui.screens.session_detail import clip, describe_session, held, when
from tui.screens.sessions_corrections import (
    CORRECTION_BINDINGS,
    KEYS,
    MEETING,
    SessionCorrections,
)
from tui.widgets.key_bar import KeyBar

WIDE = 120
MEDIATOR_WIDTH = 20
MIN_PLACE_WIDTH = 12


class SessionsScreen(SessionCorrections, ListScreen):
    """List, schedule and prepare sessions; record attendance; keep the roster."""

    DEFAULT_CSS = """
    SessionsScreen {
        & #sessions-body { layout: vertical; height: 1fr; }
        & #sessions-table { height: 1fr; min-height: 5; }
        & #session-detail-box {
            height: 1fr;
            border-top: solid $primary;
            padding: 0 1;
            background: $surface;
        }
        & #session-detail { height: auto; }
        & DataTable:nocolor > .datatable--cursor { text-style: bold reverse; }
        &.-wide #sessions-body { layout: horizontal; }
        &.-wide #sessions-table { width: 3fr; height: 1fr; }
        &.-wide #session-detail-box {
            width: 2fr;
            height: 1fr;
            border-top: none;
            border-left: solid $primary;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        KEYS.back(),
        KEYS("n", "schedule", "Schedule", "Schedule a new session"),
        KEYS(
            "a",
            "agenda_item",
            "Agenda item",
            "Add an agenda item to the highlighted session",
            name="agenda",
        ),
        KEYS("t", "attendance", "Attendance", "Record who attended the highlighted session"),
        KEYS("m", "add_member", "Add member", "Add a member to the team roster", name="member"),
        *CORRECTION_BINDINGS,  # r reschedule, x cancel, e edit the agenda
    ]

    # Textual annotates these `ClassVar[...] | None`, which mypy cannot take as a ClassVar.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [  # type: ignore[misc]
        (0, "-narrow"),
        (WIDE, "-wide"),
    ]

    TABLE_ID = "sessions-table"

    # ---------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Container(id="sessions-body"):
            yield self.list_table()
            with VerticalScroll(id="session-detail-box"):
                yield Static(id="session-detail")
        yield KeyBar()

    def prepare(self) -> None:
        self.title = "Sessions"

    # ---------------------------------------------------------------------- state

    @property
    def tz(self) -> tzinfo:
        campaign = self.store.campaign()
        return zone(campaign.timezone if campaign else "UTC")

    @property
    def timezone(self) -> str:
        campaign = self.store.campaign()
        return campaign.timezone if campaign else "UTC"

    def reload(self, select: int | None = None) -> None:
        """Read the sessions again and keep (or move) the highlight."""
        self._seen = self.store.last_seq()
        campaign = self.store.campaign()
        if campaign is not None:
            self.sub_title = f"{campaign.union.short} ⇄ {campaign.employer.short}"
        table = self.table
        keep = select if select is not None else self.selected_number()
        tz = self.tz
        self.records = self.store.sessions()
        wide = self.size.width >= WIDE
        columns = ["#", "Starts", "Kind", "Mode", "Held"] + (["Mediator"] if wide else [])
        rows = []
        for session in self.records:
            starts = when(session.starts, tz) if wide else when(session.starts, tz, year=False)
            row = [
                str(session.number),
                starts,
                KIND_WORDS[session.kind],
                MODE_WORDS[session.mode],
                held(session, tz),
            ]
            if wide:
                row.append(clip(session.mediator, MEDIATOR_WIDTH))
            rows.append(row)
        place_width = self._place_width(columns, rows)
        table.clear(columns=True)
        for label in [*columns, "Place / link"]:
            table.add_column(label, key=label)
        for session, cells in zip(self.records, rows, strict=True):
            table.add_row(*cells, clip(session.location, place_width), key=str(session.number))
        if keep is not None and any(s.number == keep for s in self.records):
            self.highlight(str(keep))
        elif self.records:
            current = self.store.current_session()
            if current is not None:
                self.highlight(str(current.number))
        self._show_detail()

    def _place_width(self, columns: list[str], rows: list[list[str]]) -> int:
        """What is left of the table's width for the place, so no row needs scrolling."""
        table = self.table
        available = table.scrollable_content_region.width
        if available <= 0:
            return 40
        used = 0
        for index, label in enumerate(columns):
            widest = max((len(row[index]) for row in rows), default=0)
            used += max(widest, len(label)) + 2 * table.cell_padding
        return max(MIN_PLACE_WIDTH, available - used - 2 * table.cell_padding - 1)

    def on_resize(self) -> None:
        self.call_after_refresh(self.reload)

    def selected_number(self) -> int | None:
        """The number of the highlighted session, if any."""
        key = self.highlighted_key()
        return int(key) if key is not None else None

    def selected(self) -> Session | None:
        number = self.selected_number()
        return next((s for s in self.records if s.number == number), None)

    @on(DataTable.RowHighlighted, "#sessions-table")
    def _highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#session-detail", Static)
        session = self.selected()
        if session is None:
            detail.update(
                Content.from_markup(
                    "[b]No session is scheduled yet.[/b]\n\nPress [b]n[/b] to schedule the first "
                    "one, and [b]m[/b] to put the team on the roster."
                )
            )
            return
        detail.update(describe_session(self.store, session, self.tz))

    # --------------------------------------------------------------------- actions

    def action_schedule(self) -> None:
        """Schedule a new session, prefilled a week after the latest one."""
        previous = max(self.records, key=lambda s: s.starts) if self.records else None
        number = max((s.number for s in self.records), default=0) + 1

        def save(line: SessionScheduled) -> None:
            schedule_session(self.store, number=line.session, **attributes(line, *MEETING))

        self.schedule_form(
            number,
            save,
            lambda line: f"Session {line.session} scheduled for {when(line.starts, self.tz)}.",
            previous=previous,
        )

    def action_agenda_item(self) -> None:
        """Add an item at the end of the highlighted session's agenda."""
        session = self._need_session()
        if session is None:
            return

        number = session.number

        def save(item: AgendaItemRequest) -> None:
            add_agenda_item(
                self.store, number, item.title, minutes=item.minutes, articles=item.articles
            )

        self.form(
            AgendaItemDialog(self.store.articles(), number, on_save=save),
            lambda item: (number, f"“{item.title}” added to the agenda of session {number}."),
        )

    def action_attendance(self) -> None:
        """Record who attended the highlighted session."""
        session = self._need_session()
        if session is None:
            return

        def save(line: AttendanceRecorded) -> None:
            record_attendance(
                self.store, line.session, **attributes(line, "present", "observers", "sites")
            )

        self.form(
            AttendanceDialog(
                session=session.number,
                roster=self.store.members(),
                current=self.store.attendance(session.number),
                on_save=save,
            ),
            lambda line: (line.session, f"Attendance of session {line.session} recorded."),
        )

    def action_add_member(self) -> None:
        """Add a member to the team roster."""

        def save(line: MemberAdded) -> None:
            add_member(self.store, line.name, line.role, line.site)

        self.form(
            MemberDialog(roster=[member.name for member in self.store.members()], on_save=save),
            lambda line: (None, f"{line.name} is on the roster."),
        )

    def _need_session(self) -> Session | None:
        session = self.selected()
        if session is None:
            self.notify("Schedule a session first: press n.", severity="warning")
        return session
