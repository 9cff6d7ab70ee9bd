"""An answer's fields handed on by name: where a form's answer (or an event line) and the
`models.actions` call it goes to use the same names, the call takes `**attributes(...)`."""

from __future__ import annotations

from typing import Any


def attributes(source: object, *names: str) -> dict[str, Any]:
    """The attributes `names` of `source`, by name (keyword arguments for a call)."""
    return {name: getattr(source, name) for name in names}
