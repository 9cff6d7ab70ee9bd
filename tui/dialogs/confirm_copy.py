"""Asked before the team minutes go to the clipboard, so nobody pastes them to members by mistake.

The safe answer is the easy one: "Don't copy" has the focus, so Enter and Escape copy nothing;
only `y` (or the "Copy team minutes" button) says yes.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from tui.dialogs.confirm import YesNoDialog

WARNING = (
    "These are the team's own minutes: team-only notes, internal notes, caucus purposes, "
    "supposals and embargoed details. Never paste them into an email, text or post for members."
)


class ConfirmCopyDialog(YesNoDialog):
    """Dismisses True to copy the team minutes, False (Enter, Escape, n) to copy nothing."""

    PREFIX = "confirm-copy"
    FOCUS = "no"
    YES_VARIANT = "error"
    SCREEN_CLASSES = ""

    DEFAULT_CSS = """
    ConfirmCopyDialog {
        align: center middle;
        & #confirm-copy-what { text-style: bold; margin-bottom: 1; }
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
        super().__init__(
            "TEAM ONLY: copy the team minutes?",
            what,
            yes="Copy team minutes (y)",
            no="Don't copy",
        )
        self.what = what

    def compose_question(self) -> ComposeResult:
        yield Static(self.what, id="confirm-copy-what", markup=False)
        yield Static(WARNING, id="confirm-copy-warning", classes="dialog-hint", markup=False)

    def action_answer(self, yes: bool) -> None:
        """Answer: True copies, False copies nothing."""
        self.dismiss(yes)
