"""Tick boxes that read without colour: `[x]` ticked, `[ ]` not, in every theme.

Textual draws a Checkbox and a SelectionList's boxes as `▐X▌` whether ticked or not; only
the colour of the X tells them apart, so an unticked "Embargoed" looked set and an empty
attendance looked taken. Here the mark itself says it. Space ticks and unticks; Enter is
left to the form, which saves (see `FormDialog`).
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Checkbox, OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

ValueT = TypeVar("ValueT")

TICKED = "[x]"
UNTICKED = "[ ]"


def mark(ticked: bool) -> str:
    """The mark of a box: `[x]` or `[ ]`."""
    return TICKED if ticked else UNTICKED


class TickBox(Checkbox, inherit_bindings=False):
    """A Checkbox shown as `[x] label` or `[ ] label`; space toggles it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "Tick or untick", show=False),
    ]

    DEFAULT_CSS = """
    TickBox > .toggle--button { text-style: bold; }
    """

    def render(self) -> Content:
        label_style = self.get_visual_style("toggle--label")
        return Content.assemble(
            (mark(self.value), "bold"), " ", self.label.pad(1, 1).stylize_before(label_style)
        )

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return super().get_content_width(container, viewport) + 1  # the space after the mark


class TickList(SelectionList[ValueT], inherit_bindings=False):
    """A SelectionList whose rows start `[x]` or `[ ]`; space ticks the highlighted row.

    Its keys are the OptionList's but Enter, which is left to the form (it saves).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            key
            for key in OptionList.BINDINGS
            if not (isinstance(key, Binding) and key.key == "enter")
        ),
        Binding("space", "select", "Tick or untick", show=False),
    ]

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        _, scroll_y = self.scroll_offset
        try:
            selection = self.get_option_at_index(scroll_y + y)
        except OptionDoesNotExist:
            return line
        # The first three cells are Textual's `▐X▌`: put a mark that reads without colour,
        # in the style of the row's text (the box's own style is a colour block).
        rest = line.crop(3, line.cell_length)
        segments = list(rest)
        style = next((seg.style for seg in segments if seg.style is not None), None)
        bold = style + RichStyle(bold=True) if style is not None else RichStyle(bold=True)
        return Strip([Segment(mark(selection.value in self.selected), bold), *segments])
