"""The note line: always one key away, it shows the visibility the note will get and what
Enter does (the mode is shown in the notes box's bottom edge, right under the line)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from models.domain import Visibility

PLACEHOLDER = 'Note… "Name: quote  +commitment  !action  ctrl+t team  Enter saves'

KEEP_TYPING = "note-taker: keeps typing · ctrl+n"
BACK_TO_BOARD = "Enter returns to the board · ctrl+n"


class NoteLine(Horizontal):
    """A visibility tag and an input. Posts `Submitted` on Enter and `Changed` as typed."""

    visibility: reactive[Visibility] = reactive(Visibility.MEMBERS)
    chosen: reactive[bool] = reactive(False)
    """True when ctrl+t chose the visibility rather than the caucus rule."""
    keep_typing: reactive[bool] = reactive(False)
    """Note-taker mode: Enter keeps the line ready for the next note."""

    @dataclass
    class Submitted(Message):
        """Enter on a line with text."""

        text: str

    @dataclass
    class Changed(Message):
        """The half-typed note changed (to be kept as this seat's draft)."""

        text: str

    def compose(self) -> ComposeResult:
        yield Static(self._tag(), id="note-visibility")
        yield Input(placeholder=PLACEHOLDER, id="note-input", compact=True, select_on_focus=False)

    @property
    def input(self) -> Input:
        return self.query_one("#note-input", Input)

    @property
    def text(self) -> str:
        return self.input.value

    def set_text(self, text: str) -> None:
        """Put text on the line without announcing it as typed."""
        with self.input.prevent(Input.Changed):
            self.input.value = text
            self.input.cursor_position = len(text)

    def watch_visibility(self) -> None:
        self._retag()

    def watch_chosen(self) -> None:
        self._retag()

    def watch_keep_typing(self) -> None:
        self._show_mode()

    def on_mount(self) -> None:
        self._show_mode()

    def _show_mode(self) -> None:
        """What Enter does, in plain words, on the edge of the box the line sits in."""
        if self.parent is not None:
            self.parent.border_subtitle = KEEP_TYPING if self.keep_typing else BACK_TO_BOARD  # type: ignore[attr-defined]

    def _retag(self) -> None:
        if self.is_mounted:
            self.query_one("#note-visibility", Static).update(self._tag())
            self.set_class(self.visibility is Visibility.TEAM, "-team")

    def _tag(self) -> Content:
        how = "" if self.chosen else " (caucus)" if self.visibility is Visibility.TEAM else ""
        if self.visibility is Visibility.TEAM:
            return Content.assemble(("TEAM ONLY", "bold"), (how, "dim"), " ▸ ")
        return Content.assemble(("members", "bold"), " ▸ ")

    @on(Input.Submitted, "#note-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.post_message(self.Submitted(event.value))

    @on(Input.Changed, "#note-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))
