"""A screen's bindings declared in one line each: `Keys("articles")("n", "add", "Add", "Add an
article")` is the binding of `n` whose id (what a user's keymap names) is `articles.add`."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding


class Keys:
    """Makes the bindings of one screen, each with the id `<screen>.<name>`."""

    def __init__(self, screen: str) -> None:
        self.screen = screen

    def __call__(
        self,
        key: str,
        action: str,
        description: str,
        tooltip: str = "",
        *,
        name: str | None = None,
        **options: Any,
    ) -> Binding:
        """The binding of `key` to `action`; its id ends in `name` (else the action's name)."""
        return Binding(
            key,
            action,
            description,
            tooltip=tooltip,
            id=f"{self.screen}.{name or action}",
            **options,
        )

    def back(self, tooltip: str = "Back to the previous screen") -> Binding:
        """Escape: back to the previous screen."""
        return self("escape", "back", "Back", tooltip)
