"""A yes-or-no question, answered with Enter or Escape (or y / n)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui.dialogs.type_ahead import TypeAheadDialog


class YesNoDialog(TypeAheadDialog[bool]):
    """A question with a yes and a no button: dismisses True for yes, False for no.

    A question names its box and buttons by `PREFIX` (`<prefix>-box`, `<prefix>-yes`,
    `<prefix>-no`), says which button has the focus (`FOCUS`) and how the yes button looks
    (`YES_VARIANT`), composes its text in `compose_question()`, and has its own keys.
    """

    PREFIX: ClassVar[str] = "confirm"
    FOCUS: ClassVar[str] = "yes"
    YES_VARIANT: ClassVar[str] = "primary"
    SCREEN_CLASSES: ClassVar[str] = "plain-dialog"

    def __init__(
        self, title: str, question: str, *, yes: str = "Yes", detail: str = "", no: str = "Cancel"
    ) -> None:
        super().__init__(classes=self.SCREEN_CLASSES)
        self.dialog_title = title
        self.question = question
        self.yes = yes
        self.no = no
        self.detail = detail

    def compose_question(self) -> ComposeResult:
        """The question, and its detail under it."""
        yield Static(self.question, id="confirm-question", markup=False)
        if self.detail:
            yield Static(self.detail, classes="dialog-hint", markup=False)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id=f"{self.PREFIX}-box") as box:
            box.border_title = self.dialog_title
            yield from self.compose_question()
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    self.yes, variant=self.YES_VARIANT, id=f"{self.PREFIX}-yes", compact=True
                )
                yield Button(self.no, id=f"{self.PREFIX}-no", compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#{self.PREFIX}-{self.FOCUS}", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == f"{self.PREFIX}-yes")

    def action_answer(self, yes: bool) -> None:
        """Answer the question."""
        self.dismiss(yes)


class ConfirmDialog(YesNoDialog):
    """Dismisses True for yes, False for no; Escape is no and changes nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]
