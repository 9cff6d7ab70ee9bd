"""Keys typed in a burst reach the field they were typed for, in the order typed.

Textual hands a key to the focused widget's queue and takes the next key from the terminal at
once; the binding a key runs (a dialog opened, the focus moved by Tab) acts only when the key
has bubbled back up to the app. A burst (`p12`, `LNU⇥Lakeside`) therefore had its later keys
delivered to the old screen or the old field before the first key had done its work: `12` was
lost, `Lakeside` went into the field Tab had just left.

`KeyOrder` serialises them: a key that may run a binding is handed on alone, and the keys
behind it wait at the app until it has come back up (its binding has run and the focus moves
it asked for are made), or has been taken by a widget. Characters typed into a text field need
no wait (they cannot move the focus), so typing stays as fast as before. A dialog still being
built holds the keys itself (`tui.dialogs.type_ahead`) and gets them straight away.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from textual.app import App
    from textual.timer import Timer

GIVE_UP_SECONDS = 0.15
"""A key a widget took for itself (it never comes back up) stops holding the others after
this long."""


class KeyOrder:
    """The app's queue of keys that wait for the key before them."""

    def __init__(self, app: App[object], deliver: Callable[[events.Key], Awaitable[None]]) -> None:
        self._app = app
        self._deliver = deliver
        self._waiting: deque[events.Key] = deque()
        self._in_flight: events.Key | None = None
        self._give_up: Timer | None = None

    async def arrived(self, key: events.Key) -> None:
        """A key from the terminal: delivered now, or queued behind the key in flight."""
        self._waiting.append(key)
        await self._pump()

    def replay(self, keys: list[events.Key]) -> None:
        """Keys a dialog held while it was being built: they go before any key typed since,
        each waiting for the one before it like any other."""
        self._waiting.extendleft(reversed(keys))
        self._app.call_later(self._pump)

    def came_back(self, key: events.Key) -> None:
        """A key bubbled back up to the app: once the binding it runs (now, after this) and
        the focus changes that binding queues have been made, the next key may go."""
        if key is self._in_flight:
            # Twice: the first callback is queued before the binding's own, the second after.
            self._app.call_later(self._app.call_later, self._landed, key)

    async def _landed(self, key: events.Key) -> None:
        if key is not self._in_flight:
            return
        self._in_flight = None
        if self._give_up is not None:
            self._give_up.stop()
            self._give_up = None
        await self._pump()

    async def _pump(self) -> None:
        while self._waiting and self._in_flight is None:
            key = self._waiting.popleft()
            if self._must_wait_for(key):
                self._in_flight = key
                self._give_up = self._app.set_timer(
                    GIVE_UP_SECONDS, lambda key=key: self._landed(key)
                )
            await self._deliver(key)
            if key is self._in_flight and not key.is_forwarded:
                self.came_back(key)  # a priority binding took it at the app: it has run

    def _must_wait_for(self, key: events.Key) -> bool:
        """Whether the keys behind this one must wait until it has done its work."""
        screen = self._app.screen
        if getattr(screen, "holding_keys", False):
            return False  # the dialog being built keeps them in order itself
        focused = self._app.focused
        takes_text = isinstance(focused, Input) or any(
            cls.__name__ == "TextArea" for cls in type(focused).__mro__
        )  # by name: importing TextArea would load it at start-up, for nothing
        return not (takes_text and key.is_printable)
