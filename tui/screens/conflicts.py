"""Conflicts between seats: events the rules refused in the shared order, to settle.

Two seats that each TA'd the same article while apart both keep their line; the one that comes
second in the shared order is a conflict: kept in the journal, left out of the state. This
screen lists them (when, who, what, why refused); `u` settles the highlighted one by undoing
it, after a yes. Keeping it instead means undoing the other side on the seat that recorded it;
the conflict then takes its place. Escape goes back. What another seat records appears within a
second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Footer, Header, Static

from models import actions
from models.errors import DomainError, StoreError
from tui.format import day_and_time
from tui.keys import Keys
from tui.screens.list_screen import ListScreen

if TYPE_CHECKING:
    from models.seats import Conflict

KEYS = Keys("conflicts")

EMPTY = "No conflict between seats: every seat's events fit together."
HOW = (
    "u undoes the highlighted event: the board stays as it is and the conflict is settled. "
    "To keep this one instead, undo the other side on the seat that recorded it (or "
    "`bargain undo EVENT_ID`): this one then takes its place."
)


class ConflictsScreen(ListScreen["Conflict"]):
    """The conflicts to settle, newest last."""

    DEFAULT_CSS = """
    ConflictsScreen {
        & #conflicts-table { height: 1fr; }
        & #conflict-detail {
            height: auto;
            max-height: 8;
            padding: 0 1;
            border-top: solid $primary;
        }
        & #conflicts-empty {
            height: 1fr;
            padding: 1 2;
            color: $text-muted;
            display: none;
        }
        &.-empty #conflicts-empty { display: block; }
        &.-empty #conflicts-table, &.-empty #conflict-detail { display: none; }
        & DataTable:nocolor > .datatable--cursor { text-style: bold reverse; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        KEYS.back(),
        KEYS(
            "u",
            "settle",
            "Undo this one",
            "Settle the highlighted conflict by undoing its event (asks first)",
            name="undo",
        ),
    ]
    TABLE_ID = "conflicts-table"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(EMPTY, id="conflicts-empty", markup=False)
        yield self.list_table()
        yield Static("", id="conflict-detail", markup=False)
        yield Footer()

    def prepare(self) -> None:
        for label, key in (("When", "at"), ("Recorded by", "seat"), ("What", "what")):
            self.table.add_column(label, key=key)

    def reload(self) -> None:
        """Read the conflicts again, keeping the highlight on the same one if it is still
        there."""
        self._seen = self.store.last_seq()
        table = self.table
        keep = self.selected()
        self.records = list(self.store.conflicts())
        tz = self.store.timezone()
        table.clear()
        for conflict in self.records:
            table.add_row(
                day_and_time(conflict.at, tz),
                self._recorded_by(conflict),
                conflict.description,
                key=conflict.event_id,
            )
        if keep is not None and any(c.event_id == keep.event_id for c in self.records):
            self.highlight(keep.event_id)
        count = len(self.records)
        self.title = "Conflicts"
        self.sub_title = "none to settle" if not count else f"{count} to settle"
        self.set_class(not self.records, "-empty")
        self._show_detail()

    def _recorded_by(self, conflict: Conflict) -> str:
        event = self.store.event(conflict.event_id)
        if event is not None and event.seat:
            return event.seat
        return f"seat {conflict.origin_db[:8]}"

    def selected(self) -> Conflict | None:
        """The highlighted conflict, if any."""
        key = self.highlighted_key() if self.records else None
        return next((c for c in self.records if c.event_id == key), None)

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        conflict = self.selected()
        detail = self.query_one("#conflict-detail", Static)
        if conflict is None:
            detail.update("")
            return
        detail.update(f"{conflict.description}\nWhy: {conflict.reason}\n{HOW}")

    # --------------------------------------------------------------------- actions

    def action_settle(self) -> None:
        """Undo the highlighted conflict's event, after a yes."""
        from tui.dialogs.confirm import ConfirmDialog

        conflict = self.selected()
        if conflict is None:
            self.notify("There is no conflict to settle.", severity="warning")
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._settle(conflict)

        self.app.push_screen(
            ConfirmDialog(
                "Settle a conflict",
                f"Undo {conflict.description}?",
                yes="Undo",
                detail=f"It was refused: {conflict.reason}",
            ),
            answer,
        )

    def _settle(self, conflict: Conflict) -> None:
        event = self.store.event(conflict.event_id)
        try:
            if event is None:
                raise DomainError(f"event {conflict.event_id!r} is no longer in the journal")
            actions.undo_event(self.store, event)
        except (DomainError, StoreError) as refusal:
            self.app.bell()
            self.notify(str(refusal), title="Not settled", severity="error", timeout=10)
            return
        self.notify(f"Undone: {conflict.description}.", title="Settled")
        self.reload()
        refresh = getattr(self.app, "refresh_screens", None)
        if refresh is not None:
            refresh()
