"""What the lists that correct records (the notes read-back, the agenda list) share: a write
that rings and says why when it is refused, and changes nothing then; and for the lists that
act on the record picked (withdraw a proposal, mark a request answered), the same with the
refusal on the list's error line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen
from textual.widgets import Static

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


def attempt_shown(screen: Screen[Any], write: Write | None, answer: object, error: Static) -> bool:
    """Run a write (if any); a refusal is shown on `error` ("✗ why") with a bell. True when
    it was recorded (or there was nothing to write)."""
    if write is None:
        return True
    try:
        write(answer)
    except (DomainError, StoreError) as refusal:
        error.update(f"✗ {refusal}")
        screen.app.bell()
        return False
    return True
