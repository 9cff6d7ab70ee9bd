"""The rows a form is built of: a labelled line of fields with each field's error under it
(`FieldRow`), a pick-one field (`one_of`), and the lines under a field that take no room
while empty (`FieldError`, `FormHint`, on `ShownLine`). `tui.dialogs.form_fields` builds
`FormDialog` on them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, Select, Static

ValueT = TypeVar("ValueT")


class ShownLine(Static):
    """A line under a field that takes no room while it has nothing to say; `show(text)`
    shows it (`shown(text)` is how it reads) or hides it, and redraws nothing unchanged."""

    def __init__(self, *, id: str) -> None:
        super().__init__("", id=id, markup=False)
        self.text = ""

    def shown(self, text: str) -> str:
        """How `text` reads on the line."""
        return text

    def show(self, text: str) -> None:
        """Show `text`, or hide the line when it is empty."""
        if text == self.text:
            return
        self.text = text
        self.update(self.shown(text) if text else "")
        self.set_class(bool(text), "-shown")


class FieldError(ShownLine):
    """The error of one field, shown right under it, with a mark that reads without colour."""

    DEFAULT_CSS = """
    FieldError {
        color: $text-error;
        height: auto;
        display: none;
        &.-shown { display: block; }
        &:nocolor { text-style: bold; }
    }
    """

    @property
    def message(self) -> str:
        """The error shown ("" for none)."""
        return self.text

    def shown(self, text: str) -> str:
        return f"✗ {text}"


class FormHint(ShownLine):
    """A line under a field saying what was understood ("Tuesday 17 March, 16:30 PDT")."""

    DEFAULT_CSS = """
    FormHint { color: $text-muted; padding-left: 14; height: auto; display: none; }
    FormHint.-shown { display: block; }
    """


class FieldRow(Vertical):
    """One line of a form: its label and fields, then each field's error under the line.

    `parts` are widgets (fields, each with an error line `<field id>-error` made the first time
    it has a problem to show: a form opens without a dozen hidden lines to lay out) or strings
    (a small inner label, like "short" between a name and its short name).
    """

    DEFAULT_CSS = """
    FieldRow {
        height: auto;
        & > .field-line { height: auto; }
        & > .field-line > .field-label {
            width: 14;
            padding-right: 1;
            color: $text-muted;
            text-align: right;
        }
        & > .field-line > .field-inner-label { width: auto; padding: 0 1; color: $text-muted; }
        & > .field-line > Input { width: 1fr; background: $background; }
        & > .field-line > Select { width: 1fr; }
        & > .field-line > SelectionList { width: 1fr; }
        & > .field-line > .-narrow { width: 14; }
        & > .field-line > Input:focus { background-tint: $primary 18%; }
        & > .field-line > Select > SelectCurrent { background: $background; }
        & > FieldError { padding-left: 14; }
        /* A rule on the row itself: Textual restyles a :focus-within node's children only
           when the node carries a :focus-within rule of its own. */
        &:focus-within { background: $boost; }
        &:focus-within > .field-line > .field-label { color: $text-accent; text-style: bold; }
        &:nocolor:focus-within > .field-line > .field-label { text-style: bold reverse; }
        & Input:nocolor > .input--cursor { text-style: reverse; }
        & Input:nocolor > .input--placeholder { text-style: italic; }
    }
    """

    def __init__(self, label: str, *parts: Widget | str, narrow: Iterable[str] = ()) -> None:
        narrow_ids = set(narrow)
        line: list[Widget] = [Label(label, classes="field-label", markup=False)]
        self.field_ids: list[str] = []
        for part in parts:
            if isinstance(part, str):
                line.append(Label(part, classes="field-inner-label", markup=False))
                continue
            part.set_class(part.id in narrow_ids, "-narrow")
            line.append(part)
            self.field_ids.append(part.id or "")
        super().__init__(Horizontal(*line, classes="field-line"))

    def show_error(self, field_id: str, message: str) -> None:
        """Show a field's problem under the line, or hide it when the message is empty."""
        errors = {error.id: error for error in self.query_children(FieldError)}
        error = errors.get(f"{field_id}-error")
        if error is None:
            if not message:
                return
            error = FieldError(id=f"{field_id}-error")
            # Under the line in the fields' order, whichever problem came first.
            later = [
                errors[f"{other}-error"]
                for other in self.field_ids[self.field_ids.index(field_id) + 1 :]
                if f"{other}-error" in errors
            ]
            self.mount(error, before=later[0] if later else None)
        error.show(message)


def one_of(choices: Iterable[tuple[str, ValueT]], value: ValueT, id: str) -> Select[ValueT]:
    """A form's pick-one field: a compact Select of `(words, value)` choices, never blank."""
    return Select(list(choices), value=value, allow_blank=False, compact=True, id=id)


def show_field_error(form: Widget, field_id: str, message: str) -> None:
    """Show a problem under the field `field_id` of a form built of `FieldRow`s (or hide it)."""
    form.query_one(f"#{field_id}").query_ancestor(FieldRow).show_error(field_id, message)
