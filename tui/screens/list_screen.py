"""The shape shared by the screens that list the campaign's records in one table (articles,
sessions, conflicts): read again whenever the journal has grown (what another seat records
appears within a second), the highlight kept on the same record, Escape goes back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from textual.screen import Screen
from textual.widgets import DataTable

from models.store import Store

POLL_SECONDS = 1.0

R = TypeVar("R")
A = TypeVar("A")


class ListScreen(Screen[None], Generic[R]):
    """A screen with one table of records (`self.records`, as last read), each row keyed by
    its record's id as a string."""

    TABLE_ID = ""
    """The table's id (`articles-table`)."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._seen = -1
        self.records: list[R] = []

    def list_table(self) -> DataTable[str]:
        """The table, for `compose`."""
        return DataTable(id=self.TABLE_ID, cursor_type="row", zebra_stripes=True)

    @property
    def table(self) -> DataTable[str]:
        return self.query_one(f"#{self.TABLE_ID}", DataTable)

    def prepare(self) -> None:
        """What the screen sets up once, before its first reload (the table's columns)."""

    def on_mount(self) -> None:
        self.prepare()
        self.reload()
        self.set_interval(POLL_SECONDS, self._poll)

    def reload(self, select: Any = None) -> None:
        """Read the records again (`self._seen`: the journal's length they were read at), the
        highlight on the record `select` (else where it was)."""
        raise NotImplementedError

    def form(self, dialog: Screen[A | None], saved: Callable[[A], tuple[Any, str]]) -> None:
        """Open a form whose `on_save` records its answer; once it closes on a saved answer,
        `saved(answer)` gives the record to highlight and what to say: the list is read again
        and the console says it."""

        def done(answer: A | None) -> None:
            if answer is not None:
                select, message = saved(answer)
                self.reload(select=select)
                self.notify(message, title="Saved")

        self.app.push_screen(dialog, done)

    def _poll(self) -> None:
        if self.store.last_seq() != self._seen:
            self.reload()

    def highlighted_key(self) -> str | None:
        """The key of the highlighted row, if there is one."""
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def highlight(self, key: str) -> None:
        """Move the highlight to the row `key`."""
        table = self.table
        table.move_cursor(row=table.get_row_index(key), animate=False)

    def action_back(self) -> None:
        """Back to the previous screen."""
        self.dismiss()
