"""Messages the app sends its screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.seat_sync import SyncView


@dataclass
class StoreChanged(Message, bubble=False):
    """The journal grew (this seat or another): `seq` is its last position now.

    The app posts it to every screen on its stack; a screen that shows data reloads it.
    """

    seq: int


@dataclass
class SeatsSynced(Message, bubble=False):
    """An exchange with the other seats ended: posted to the app by the sync worker's thread
    (`post_message` is thread-safe and never waits, so a closing app cannot hang the thread).
    """

    view: SyncView
