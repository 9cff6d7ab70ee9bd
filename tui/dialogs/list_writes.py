"""What the lists that correct records (the notes read-back, the agenda list) share: a write
that rings and says why when it is refused, and changes nothing then; and for the lists that
act on the record picked (withdraw a proposal, mark a request answered), the same with the
refusal on the list's error line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from textual.screen import Screen
from textual.widgets import OptionList, Static

from models.errors import DomainError, StoreError
from tui.dialogs.type_ahead import TypeAheadDialog

RecordT = TypeVar("RecordT")

Write = Callable[[Any], object]
"""A correction's write (it calls one function of `models.actions`), given the answer."""


def attempt(screen: Screen[Any], write: Write, answer: object) -> bool:
    """Run a write; a refusal is one warning line and a bell. True when it was recorded."""
    try:
        write(answer)
    except (DomainError, StoreError) as refusal:
        screen.app.bell()
        screen.notify(str(refusal), title="Not changed", severity="warning")
        return False
    return True


def attempt_shown(screen: Screen[Any], write: Write | None, answer: object, error: Static) -> bool:
    """Run a write (if any); a refusal is shown on `error` ("✗ why") with a bell. True when
    it was recorded (or there was nothing to write)."""
    if write is None:
        return True
    try:
        write(answer)
    except (DomainError, StoreError) as refusal:
        error.update(f"✗ {refusal}")
        screen.app.bell()
        return False
    return True


class RecordListDialog(TypeAheadDialog[None], Generic[RecordT]):
    """A list of records to correct: `highlighted` is the record under the cursor of the
    list `#LIST_ID` (one option a record of `records()`); Escape closes it."""

    LIST_ID: ClassVar[str] = ""

    def __init__(
        self, session: int, reload: Callable[[], Sequence[RecordT]] | None, **given: object
    ) -> None:
        """The list of session `session`; `reload` reads its records again after a write;
        `given` is what else it was opened with, kept by name (`self.notes`, ...)."""
        super().__init__(classes="plain-dialog")
        self.session = session
        self._reload = reload
        for name, value in given.items():
            setattr(self, name, value)

    def records(self) -> Sequence[RecordT]:
        """The records listed, in the list's order."""
        raise NotImplementedError

    @property
    def highlighted(self) -> RecordT | None:
        """The record under the cursor (None when the list is empty)."""
        records = self.records()
        if not records:
            return None
        index = self.query_one(f"#{self.LIST_ID}", OptionList).highlighted
        return records[index] if index is not None and index < len(records) else None

    def action_close(self) -> None:
        """Back to where the list was opened."""
        self.dismiss(None)

    def ask_then_write(
        self, question: Screen[bool], write: Write, answer: object, done: Callable[[], None]
    ) -> None:
        """Ask `question` (a `ConfirmDialog`); on yes run the write, then `done()` once it
        was recorded."""

        def answered(yes: bool | None) -> None:
            if yes and attempt(self, write, answer):
                done()

        self.app.push_screen(question, answered)
