"""A session's agenda, to correct: remove an item not yet started (x or Delete, after a yes),
move an item up or down ([ and ], or shift+↑ and shift+↓). Each is a journal event
(`agenda.item_removed`, `agenda.item_moved`) that undo takes back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from models.domain import AgendaItem, AgendaStatus
from tui.dialogs.list_writes import RecordListDialog, Write, attempt
from tui.keys import Keys

STATUS_WORDS = {
    AgendaStatus.UPCOMING: "upcoming",
    AgendaStatus.ACTIVE: "▶ under way",
    AgendaStatus.DONE: "✓ done",
    AgendaStatus.SKIPPED: "– skipped",
}


def item_option(item: AgendaItem) -> Content:
    """An agenda item as the list shows it: `2. Compensation · 45 min · upcoming`."""
    minutes = f" · {item.minutes} min" if item.minutes else ""
    articles = f" · art. {', '.join(item.articles)}" if item.articles else ""
    return Content.assemble(
        f"{item.position}. ",
        (item.title, "bold"),
        (f"{minutes}{articles} · {STATUS_WORDS[item.status]}", "dim"),
    )


_KEYS = Keys("agenda_edit")


class AgendaEditDialog(RecordListDialog[AgendaItem]):
    """The agenda of one session; Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _KEYS("escape,q", "close", "Close"),
        _KEYS(
            "x,delete",
            "remove",
            "Remove",
            "Remove the highlighted item (not yet started)",
            key_display="x del",
        ),
        _KEYS(
            "left_square_bracket,shift+up",
            "move(-1)",
            "Up",
            "Move the highlighted item up",
            name="up",
            key_display="[",
        ),
        _KEYS(
            "right_square_bracket,shift+down",
            "move(1)",
            "Down",
            "Move the highlighted item down",
            name="down",
            key_display="]",
        ),
    ]

    DEFAULT_CSS = """
    AgendaEditDialog #agenda-edit-list { height: auto; max-height: 16; }
    """
    LIST_ID = "agenda-edit-list"

    def __init__(
        self,
        session: int,
        items: Sequence[AgendaItem],
        *,
        reload: Callable[[], Sequence[AgendaItem]] | None = None,
        on_remove: Write | None = None,
        on_move: Write | None = None,
    ) -> None:
        super().__init__(session, reload, items=list(items))
        self._on_remove, self._on_move = on_remove, on_move

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="agenda-edit-box") as box:
            box.border_title = f"Agenda of session {self.session}"
            box.border_subtitle = "↑↓ pick · [ ] move · x remove · Esc closes"
            yield Static(
                "Move an item, or remove one not yet started; ctrl+z undoes either.",
                classes="dialog-intro",
            )
            yield OptionList(*self._options(), id="agenda-edit-list")
            yield Static(
                "No items yet." if not self.items else "",
                id="agenda-edit-empty",
                classes="dialog-hint",
            )

    def _options(self) -> list[Option]:
        return [Option(item_option(item), id=item.id) for item in self.items]

    def on_mount(self) -> None:
        items = self.query_one("#agenda-edit-list", OptionList)
        if self.items:
            items.highlighted = 0
        items.focus()

    def records(self) -> list[AgendaItem]:
        return self.items

    def action_remove(self) -> None:
        """Remove the highlighted item after a yes."""
        from tui.dialogs.confirm import ConfirmDialog

        item, write = self.highlighted, self._on_remove
        if item is None or write is None:
            return

        def removed() -> None:
            self.notify(f"“{item.title}” is off the agenda.", title="Removed")
            self.show_items(None, item.position)

        question = ConfirmDialog(
            "Remove the item",
            f"Remove “{item.title}” from the agenda of session {self.session}?",
            yes="Remove",
            detail="The history keeps it; ctrl+z brings it back.",
        )
        self.ask_then_write(question, write, item, removed)

    def action_move(self, step: int) -> None:
        """Move the highlighted item one place up (-1) or down (1)."""
        item, write = self.highlighted, self._on_move
        if item is None or write is None:
            return
        to = item.position + step
        if not 1 <= to <= len(self.items):
            self.app.bell()
            return
        if attempt(self, write, (item, to)):
            self.show_items(item.id)

    def show_items(self, keep: str | None, position: int = 1) -> None:
        """Read the agenda again; the highlight stays on `keep` (else near `position`)."""
        if self._reload is None:
            return
        self.items = list(self._reload())
        items = self.query_one("#agenda-edit-list", OptionList)
        items.set_options(self._options())
        self.query_one("#agenda-edit-empty", Static).update("" if self.items else "No items left.")
        ids = [item.id for item in self.items]
        if ids:
            items.highlighted = ids.index(keep) if keep in ids else min(position, len(ids)) - 1
