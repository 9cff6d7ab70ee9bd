"""Asked before the team minutes go to the clipboard, so nobody pastes them to members by mistake.

The safe answer is the easy one: "Don't copy" has the focus, so Enter and Escape copy nothing;
only `y` (or the "Copy team minutes" button) says yes.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui.dialogs.type_ahead import TypeAheadDialog

WARNING = (
    "These are the team's own minutes: team-only notes, internal notes, caucus purposes, "
    "supposals and embargoed details. Never paste them into an email, text or post for members."
)


class ConfirmCopyDialog(TypeAheadDialog[bool]):
    """Dismisses True to copy the team minutes, False (Enter, Escape, n) to copy nothing."""

    DEFAULT_CSS = """
    ConfirmCopyDialog {
        align: center middle;
        & > #confirm-copy-box {
            width: 90%;
            max-width: 64;
            height: auto;
            max-height: 100%;
            border: round $error;
            border-title-color: $text-error;
            border-title-style: bold;
            background: $surface;
            padding: 0 1;
        }
        & #confirm-copy-what { text-style: bold; margin-bottom: 1; }
        & #confirm-copy-warning { color: $text-muted; }
        & .confirm-copy-buttons { height: auto; align-horizontal: right; margin-top: 1; }
        & .confirm-copy-buttons Button { margin-left: 2; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "y",
            "answer(True)",
            "Copy",
            tooltip="Copy the team minutes to the clipboard",
            id="confirm_copy.yes",
        ),
        Binding(
            "n,escape",
            "answer(False)",
            "Don't copy",
            tooltip="Close; the clipboard is left as it was",
            id="confirm_copy.no",
        ),
    ]

    def __init__(self, what: str) -> None:
        """`what` names the text about to be copied ("Session 5, Markdown, English")."""
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-copy-box") as box:
            box.border_title = "TEAM ONLY: copy the team minutes?"
            yield Static(self.what, id="confirm-copy-what", markup=False)
            yield Static(WARNING, id="confirm-copy-warning", markup=False)
            with Horizontal(classes="confirm-copy-buttons"):
                yield Button(
                    "Copy team minutes (y)", variant="error", id="confirm-copy-yes", compact=True
                )
                yield Button("Don't copy", id="confirm-copy-no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#confirm-copy-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-copy-yes")

    def action_answer(self, yes: bool) -> None:
        """Answer: True copies, False copies nothing."""
        self.dismiss(yes)
