"""What the lists that correct records (the notes read-back, the agenda list) share: a write
that rings and says why when it is refused, and changes nothing then."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from models.errors import DomainError, StoreError

Write = Callable[[Any], object]
"""A correction's write (it calls one function of `models.actions`), given the answer."""


def attempt(screen: Screen[Any], write: Write, answer: object) -> bool:
    """Run a write; a refusal is one warning line and a bell. True when it was recorded."""
    try:
        write(answer)
    except (DomainError, StoreError) as refusal:
        screen.app.bell()
        screen.notify(str(refusal), title="Not changed", severity="warning")
        return False
    return True
