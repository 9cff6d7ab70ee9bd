"""Dialogs keep what is typed while they are being built."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from textual import events
from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class TypeAheadDialog(ModalScreen[ResultT]):
    """A modal dialog that takes the keys typed before it was ready.

    The app hands a key to the screen while none of its widgets has the focus, and a screen
    drops what it has no binding for: what a negotiator typed right after the key that opened
    the dialog was lost, or reached whichever widget Textual focused first (the side selector
    of the pass dialog, which a space then opened). Here nothing is focused automatically;
    keys are held until the dialog has focused its first field (each dialog does in
    `on_mount`; the first focusable widget otherwise) and then given to it in the order
    typed, so bindings (Escape, ctrl+s, Tab) act on them as on any key.
    """

    AUTO_FOCUS = ""
    CSS_PATH = Path(__file__).parent / "dialogs.tcss"
    """Every dialog's look, loaded with the first dialog (absolute: Textual resolves a relative
    path beside each subclass's own file)."""

    def __init__(self, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self._held_keys: list[events.Key] = []
        self._taking_keys = False

    @property
    def holding_keys(self) -> bool:
        """Whether keys are still being held for the first field (`tui.key_order` then hands
        them over at once: the order is kept here)."""
        return not self._taking_keys

    def _forward_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not self._taking_keys:
            self._held_keys.append(events.Key(event.key, event.character))
            return
        super()._forward_event(event)

    def on_mount(self) -> None:
        # Runs after the dialog's own `on_mount` (Textual calls each class's handler), whose
        # `focus()` is queued on the app: this comes after it.
        self.app.call_later(self._take_keys)

    def _take_keys(self) -> None:
        if self.focused is None and self.focus_chain:
            self.set_focus(self.focus_chain[0])
        self._taking_keys = True
        held, self._held_keys = self._held_keys, []
        replay = getattr(self.app, "replay_keys", None)
        if replay is not None:  # the app delivers them, each after the one before has acted
            replay(held)
            return
        for key in held:
            (self.focused or self)._forward_event(key)
