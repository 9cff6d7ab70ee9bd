"""What the app shows instead of a traceback when the database cannot be used."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static


class ProblemScreen(Screen[None]):
    """A message the user can act on, and a key to quit. Nothing was changed."""

    CSS = """
    ProblemScreen { align: center middle; }
    #problem-box {
        width: 80%;
        max-width: 80;
        height: auto;
        border: heavy $error;
        border-title-color: $text-error;
        padding: 1 2;
    }
    #problem-hint { margin-top: 1; color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.quit", "Quit", tooltip="Close the app", id="problem.quit"),
    ]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.problem_title = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="problem-box") as box:
            box.border_title = self.problem_title
            yield Static(self.message, id="problem-message", markup=False)
            yield Static("Press q to quit. Nothing was changed.", id="problem-hint")
        yield Footer(compact=True)
