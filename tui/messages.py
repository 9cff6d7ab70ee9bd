"""Messages the app sends its screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class StoreChanged(Message, bubble=False):
    """The journal grew (this seat or another): `seq` is its last position now.

    The app posts it to every screen on its stack; a screen that shows data reloads it.
    """

    seq: int
