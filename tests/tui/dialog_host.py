"""A bare app that opens one dialog and keeps what it dismissed: dialogs tested on their own."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

NOT_CLOSED = object()


class DialogHost(App[None]):
    """Pushes `dialog` at start; `result` is what it dismissed (NOT_CLOSED while open)."""

    def __init__(self, dialog: ModalScreen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: object = NOT_CLOSED

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self._dialog_closed)

    def _dialog_closed(self, result: object) -> None:
        self.result = result
