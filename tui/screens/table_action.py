"""How a key of the session console is declared and run: `TableAction`, its guards, and the
runner (`TableKeys`) the main screen hands its keys to.

A record says what a key does: its binding (key, description, tooltip, id), the guards that
must hold and what each says when it does not, the dialog that asks for the fields (named
`"module:Class"` and imported the first time it opens, so start-up loads no dialog), the
arguments the dialog gets from the table as loaded, the `models.actions` call its answer goes
to, the parts of the screen that call can change, and what the console says once it is
recorded. The records themselves are in `tui.screens.table_actions`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

from textual.binding import Binding

from models.domain import BoardRow, Campaign, Caucus, Proposal, Session
from models.filters import on_the_table
from tui.attributes import attributes
from tui.notifies import Notifies

if TYPE_CHECKING:
    from textual.app import App

    from models.domain import JournalEvent
    from models.store import Store

R = TypeVar("R")


class TableScreen(Notifies, Protocol):
    """What the runner needs of the screen it runs keys for (the main screen)."""

    @property
    def app(self) -> App[Any]: ...

    def attempt(self, do: Callable[[], R]) -> R | None: ...

    def changed(self, event: JournalEvent | None, *parts: str) -> None: ...


class Table:
    """What a table action reads when its key is pressed: the store, and the console as the
    screen last loaded it."""

    def __init__(
        self,
        store: Store,
        campaign: Campaign,
        session: Session | None,
        open_caucuses: Sequence[Caucus],
        board: Sequence[BoardRow],
        selected: BoardRow | None,
        now: datetime,
    ) -> None:
        self.store = store
        self.campaign = campaign
        self.session = session
        self.open_caucuses = open_caucuses
        self.board = board
        self.selected = selected
        self.now = now

    @property
    def number(self) -> int:
        """The session's number (the `SESSION` guard made sure there is one)."""
        assert self.session is not None, "a table action on a session needs the SESSION guard"
        return self.session.number

    @cached_property
    def proposals_on_table(self) -> list[Proposal]:
        """The proposals a side could still withdraw (read once per key press)."""
        return on_the_table(self.store.proposals())


class Guard(NamedTuple):
    """A condition a table action needs, and the warning the console shows when it fails."""

    holds: Callable[[Table], bool]
    message: str
    """Shown when it does not hold; `{session}` is the session's number."""
    title: str = ""


SESSION = Guard(
    lambda table: table.session is not None,
    "No session is scheduled yet: press S to schedule one, then s to start it.",
    "No session",
)
RUNNING = Guard(
    lambda table: table.session is None or table.session.running,
    "Session {session} is not running: press s to start the next session.",
    "No running session",
)
CAUCUS_OUT = Guard(lambda table: bool(table.open_caucuses), "No caucus is running.")
PROPOSAL_ON_TABLE = Guard(
    lambda table: bool(table.proposals_on_table), "No proposal is on the table to withdraw."
)

Write = Callable[[Table, Any], "JournalEvent | None"]
"""A `models.actions` call made with the table and the dialog's answer."""


class TableAction(NamedTuple):
    """One thing the console does from a key (or the palette), declared, not programmed."""

    name: str
    """The action's name: its binding runs `table('<name>')`."""
    description: str = ""
    tooltip: str = ""
    key: str = ""
    """No key: reached from the palette, or chosen by another action (`choose`)."""
    id: str = ""
    """The binding's id, what a user's keymap names (none: `main.<name>`)."""
    key_display: str | None = None
    show: bool = True
    needs: tuple[Guard, ...] = ()
    """Checked in order; the first that fails is shown and nothing else happens."""
    dialog: str = ""
    """`"module:Class"` of the dialog that asks; none: the write runs at once."""
    ask: Callable[[Table], Mapping[str, Any]] | None = None
    """The dialog's keyword arguments (its callbacks aside)."""
    write: Write | None = None
    """Where the answer goes: handed to the dialog as `on_save` (the dialog shows a refusal
    beside its fields), or run once a `returns` dialog closes, or at once without a dialog."""
    also: Mapping[str, Write] = MappingProxyType({})
    """The dialog's other callbacks by name (`on_answer`), each a write like `write`."""
    returns: bool = False
    """The dialog hands its answer back when it closes (`dismiss(value)`; None: cancelled)."""
    known: Callable[[Table], object] | None = None
    """The answer when there is nothing to ask (the only caucus out): the write runs at once."""
    parts: tuple[str, ...] = ()
    """What the write can change on the screen: only these are read again."""
    done: Callable[[Table, Any], str] | None = None
    """What the console says once the answer is recorded."""
    choose: Callable[[Table], str] | None = None
    """Another action to run instead, picked from the table (`s`: start or end)."""

    @property
    def action(self) -> str:
        """What its binding (or a palette command) runs: `table('<name>')`."""
        return f"table({self.name!r})"

    def binding(self) -> Binding:
        """The key's binding, as the footer, the help and the palette read it."""
        return Binding(
            self.key,
            self.action,
            self.description,
            id=self.id or f"main.{self.name}",
            **attributes(self, "show", "key_display", "tooltip"),
        )


class TableKeys:
    """Runs the table's actions for a screen: guards, dialog, write, reload, notification."""

    def __init__(self, screen: TableScreen, actions: Mapping[str, TableAction]) -> None:
        self.screen = screen
        self.actions = actions

    def allowed(self, needs: tuple[Guard, ...], table: Table) -> bool:
        """Whether every guard holds; the first that does not is shown as a warning."""
        for guard in needs:
            if not guard.holds(table):
                number = table.session.number if table.session else ""
                self.screen.notify(
                    guard.message.format(session=number), title=guard.title, severity="warning"
                )
                return False
        return True

    def run(self, name: str, table: Table) -> None:
        """Check the action's guards, ask its dialog (imported now, the first time), send the
        answer to its `models.actions` call."""
        action = self.actions[name]
        if action.choose is not None:
            action = self.actions[action.choose(table)]
        if not self.allowed(action.needs, table):
            return
        known = action.known(table) if action.known is not None else None
        if not action.dialog or known is not None:
            self._write(action, table, known)
            return
        ask = action.ask
        arguments = self.screen.attempt(lambda: dict(ask(table))) if ask is not None else {}
        if arguments is None:
            return
        module, _, class_name = action.dialog.partition(":")
        dialog = getattr(importlib.import_module(module), class_name)
        if action.returns:
            self.screen.app.push_screen(
                dialog(**arguments),
                lambda answer: None if answer is None else self._write(action, table, answer),
            )
            return
        callbacks = {"on_save": action.write} if action.write else {}
        callbacks |= action.also
        for callback, write in callbacks.items():
            arguments[callback] = self._saver(action, table, write)
        self.screen.app.push_screen(dialog(**arguments))

    def _write(self, action: TableAction, table: Table, answer: object) -> None:
        """Record an answer at once: a refusal is a notification, and changes nothing."""
        write = action.write
        assert write is not None, f"table action {action.name!r} has nothing to write"
        event = self.screen.attempt(lambda: write(table, answer))
        if event is not None:
            self._recorded(action, table, answer, event)

    def _saver(self, action: TableAction, table: Table, write: Write) -> Callable[[Any], object]:
        """A dialog's `on_save`: record (a refusal is the dialog's to show beside its fields),
        then reload what the change touches."""

        def save(answer: object) -> JournalEvent | None:
            event = write(table, answer)
            if event is not None:  # None: nothing changed (a correction that corrects nothing)
                self._recorded(action, table, answer, event)
            return event

        return save

    def _recorded(
        self, action: TableAction, table: Table, answer: object, event: JournalEvent
    ) -> None:
        self.screen.changed(event, *action.parts)
        if action.done is not None:
            self.screen.notify(action.done(table, answer))
