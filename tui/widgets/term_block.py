"""One named numeric term on the settings screen: its label, unit, cost per unit and which
way is better, with a Remove toggle that reads without colour ("[x] remove on save")."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Label, Select

from tui.dialogs.form_fields import FieldRow

BETTER_CHOICES = [("higher is better for us", "higher"), ("lower is better for us", "lower")]
PLACEHOLDERS = {
    "label": "what members read, like Salary, year 1",
    "unit": "%, $, days",
    "cost_per_unit": "like 125000",
}
"""The term's text fields, in order, each with what its empty field suggests."""


class TermBlock(Vertical):
    """The fields of one term; ids `term-NAME-FIELD`. `new` marks a term not yet recorded."""

    DEFAULT_CSS = """
    TermBlock {
        height: auto;
        margin-top: 1;
        & > .term-head { height: 1; }
        & > .term-head > .term-name { width: 1fr; text-style: bold; padding-left: 2; }
        & > .term-head > .term-state { width: auto; color: $text-warning; padding-right: 1; }
        & > .term-head > Button { width: auto; min-width: 12; }
        &.-removed > FieldRow { display: none; }
    }
    """

    class RemoveToggled(Message):
        """The Remove toggle of a term was pressed."""

        def __init__(self, block: TermBlock) -> None:
            super().__init__()
            self.block = block

    def __init__(self, name: str, fields: dict[str, str], *, new: bool = False) -> None:
        super().__init__(id=f"term-{name}")
        self.term = name
        self.fields = fields
        self.new = new
        self.removed = False

    def compose(self) -> ComposeResult:
        name = self.term
        with Horizontal(classes="term-head"):
            yield Label(
                f"Term {name}" + ("  (new: recorded on save)" if self.new else ""),
                classes="term-name",
                markup=False,
            )
            yield Label("", classes="term-state", id=f"term-{name}-state", markup=False)
            yield Button(Content("[ ] Remove"), id=f"term-{name}-remove", compact=True)
        yield FieldRow("Label", self._input("label"))
        yield FieldRow(
            "Unit",
            self._input("unit"),
            "cost per unit",
            self._input("cost_per_unit"),
            narrow=[f"term-{name}-unit"],
        )
        yield FieldRow(
            "Better",
            Select(
                BETTER_CHOICES,
                value=self.fields.get("better") or "higher",
                allow_blank=False,
                id=f"term-{name}-better",
                compact=True,
            ),
        )

    def _input(self, field: str) -> Input:
        """The text field `field` (id `term-NAME-FIELD`), holding what is recorded."""
        return Input(
            self.fields.get(field, ""),
            id=f"term-{self.term}-{field}",
            placeholder=PLACEHOLDERS[field],
            compact=True,
        )

    def typed(self) -> dict[str, str]:
        """The term's fields as typed."""
        name = self.term
        better = self.query_one(f"#term-{name}-better", Select).value
        typed = {
            field: self.query_one(f"#term-{name}-{field}", Input).value for field in PLACEHOLDERS
        }
        return typed | {"better": str(better) if better is not Select.NULL else "higher"}

    def set_removed(self, removed: bool) -> None:
        """Mark the term to be removed on save (or not), in words as well as in colour."""
        self.removed = removed
        self.set_class(removed, "-removed")
        self.query_one(f"#term-{self.term}-remove", Button).label = Content(
            "[x] Remove" if removed else "[ ] Remove"
        )
        self.query_one(f"#term-{self.term}-state", Label).update(
            "removed on save" if removed else ""
        )

    @on(Button.Pressed)
    def _remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.RemoveToggled(self))
