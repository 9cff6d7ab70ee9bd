"""The boxes of the main screen that light up while the focus is inside them.

`LitBox` is a `Vertical` with a round border: muted while the focus is elsewhere, in the
theme's `$border` with a bold `$text-primary` title while a widget inside it has the focus.
Both looks are CSS (its component classes `lit-box--lit` and `lit-box--dim`), copied onto
the box's own border when the screen's focus moves (`light`). Not a `:focus-within` rule:
such a rule makes Textual restyle every widget inside the box on every focus move (the
board and the notes, on every Enter of the note line); setting the box's own border
repaints the box alone.
"""

from __future__ import annotations

from typing import ClassVar

from textual.containers import Vertical
from textual.widget import Widget


class LitBox(Vertical):
    """A bordered box whose border and title light up while the focus is inside it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"lit-box--lit", "lit-box--dim"}

    DEFAULT_CSS = """
    LitBox {
        border: round $border-blurred;
        border-title-color: $text-muted;
        border-subtitle-color: $text-warning;
    }
    LitBox > .lit-box--dim {
        border: round $border-blurred;
        border-title-color: $text-muted;
        border-title-style: none;
    }
    LitBox > .lit-box--lit {
        border: round $border;
        border-title-color: $text-primary;
        border-title-style: bold;
    }
    """

    def light(self, focused: Widget | None) -> None:
        """Lit when `focused` is inside this box, dimmed otherwise (its own styles only)."""
        lit = focused is not None and self in focused.ancestors
        look = self.get_component_styles("lit-box--lit" if lit else "lit-box--dim")
        styles = self.styles
        styles.border_top = look.border_top
        styles.border_right = look.border_right
        styles.border_bottom = look.border_bottom
        styles.border_left = look.border_left
        styles.border_title_color = look.border_title_color
        styles.auto_border_title_color = look.auto_border_title_color  # `$text-muted` is "auto"
        styles.border_title_style = look.border_title_style
