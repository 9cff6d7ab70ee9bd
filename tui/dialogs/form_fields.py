"""What the forms around the session share: the rows with each field's error under it
(`tui.dialogs.form_rows`, imported from here too), the check of typed values against the
journal's own event models (so a form says what an imported journal line would be told),
and `FormDialog`, the base of the modal forms.

A form never writes by itself: it validates as the user types, then hands its typed result
to an `on_save` callable (which calls one function of `models.actions`). When the store
refuses it (a number already taken, say), the refusal is shown beside the field and the
dialog stays open, so nothing typed is lost; Escape leaves everything as it was.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Select, SelectionList, Static

from models.errors import DomainError, StoreError
from models.timeutil import utc_now
from tui.dialogs.form_rows import (
    FieldError,
    FieldRow,
    FormHint,
    ShownLine,
    one_of,
    show_field_error,
)
from tui.dialogs.type_ahead import TypeAheadDialog

__all__ = [
    "FORM_ERROR",
    "FieldError",
    "FieldRow",
    "FormDialog",
    "FormHint",
    "Keywords",
    "ShownLine",
    "check_line",
    "field_of",
    "one_of",
    "sentence",
    "show_field_error",
    "tidy",
]

ModelT = TypeVar("ModelT", bound=BaseModel)
ResultT = TypeVar("ResultT")

FORM_ERROR = "form-error"
"""The id of the error line under a form, for refusals that belong to no one field."""


def tidy(message: str) -> str:
    """A validator's message as a sentence: no "Value error," prefix, no stray spaces."""
    message = message.removeprefix("Value error, ")
    message = message.replace("whole number of ,", "whole number,")
    return re.sub(r"\s+([,.;])", r"\1", message).strip()


def check_line(
    model: type[ModelT], line: Mapping[str, Any], nouns: Mapping[str, str] | None = None
) -> tuple[ModelT | None, dict[str, str]]:
    """Validate a journal line (stamped now when it has no `at`) with its event model.

    Returns the parsed line, or None with what is wrong keyed by dotted field name
    ("union.short", "present.2"): the first problem of each field, in the journal's words,
    as a sentence whose subject is the field's noun ("the short name is empty; ...").
    """
    stamped = {"at": utc_now().isoformat(), **line}
    try:
        return model.model_validate(stamped), {}
    except ValidationError as error:
        found: dict[str, str] = {}
        for item in error.errors():
            parts = [str(p) for p in item["loc"] if not str(p).startswith(("function-", "tagged"))]
            key = ".".join(parts)
            noun = (nouns or {}).get(parts[0] if parts else "", "") or key.replace("_", " ")
            found.setdefault(key, sentence(noun, tidy(item["msg"])))
        return None, found


def sentence(noun: str, message: str) -> str:
    """`is empty; type something` about "the title" -> `the title is empty; type something`."""
    first = message.split(" ", 1)[0]
    if noun and first in {"is", "must", "contains", "has", "names", "should"}:
        return f"{noun} {message}"
    if noun and message.startswith("Input should"):
        return f"{noun} {message[len('Input ') :]}"
    return message


def field_of(problems: Mapping[str, str], name: str) -> str:
    """The problem of a field, or of any of its parts ("present" finds "present.2")."""
    if name in problems:
        return problems[name]
    for key, message in problems.items():
        if key.startswith(name + "."):
            return message
    return ""


class Keywords:
    """A form's result as a dataclass whose fields are the keyword arguments of the
    `models.actions` function it is for (all but the session)."""

    def fields(self) -> dict[str, Any]:
        """The keyword arguments, by field name (shallow: the values themselves)."""
        return {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}


class FormDialog(TypeAheadDialog[ResultT]):
    """A modal form: fields validated as typed, errors beside them, Save refused until right.

    Subclasses compose their `FieldRow`s in `compose_fields()` and build their result in
    `check()`, which returns it, or None with the problems keyed by field (widget) id. Their
    title and intro may name what the form was given: "Attendance, session {self.session}".
    """

    DEFAULT_CSS = """
    FormDialog {
        align: center middle;
        & > .form-dialog {
            width: 90%;
            max-width: 86;
            height: auto;
            max-height: 100%;
            border: round $primary;
            border-title-color: $text-primary;
            border-title-style: bold;
            background: $surface;
            padding: 0 1;
        }
        & .form-intro { color: $text-muted; margin-bottom: 1; }
        & > .form-dialog { border-subtitle-color: $text-muted; }
        & .form-body { height: auto; max-height: 18; }
        & #form-error { margin-top: 1; }
        & .form-buttons { height: auto; align-horizontal: right; margin-top: 1; }
        & .form-buttons Button { margin-left: 2; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close; nothing is saved", id="form.cancel"),
        Binding("ctrl+s", "save", "Save", tooltip="Check every field and save", id="form.save"),
        # Enter in a text field comes as Input.Submitted; this is Enter on a tick box or list.
        Binding("enter", "save", "Save", show=False, id="form.enter"),
    ]

    DIALOG_TITLE: ClassVar[str] = ""
    SAVE_LABEL: ClassVar[str] = "Save"
    REFUSAL_FIELD: ClassVar[str] = ""
    """The field beside which the store's refusal is shown (else under the form)."""
    FIRST_FIELD: ClassVar[str] = ""
    """The field focused when the form opens (else the first one)."""
    INTRO: ClassVar[str] = ""
    """The line under the title saying what the form does (empty for none)."""

    def __init_subclass__(
        cls,
        *,
        title: str | None = None,
        save: str | None = None,
        refusal: str | None = None,
        first: str | None = None,
        **options: Any,
    ) -> None:
        """A form says its words on its class line: `class CaucusDialog(FormDialog[Request],
        title="Call a caucus", save="Start the clock", refusal="caucus-side",
        first="caucus-minutes")` (each optional; a subclass keeps its base's)."""
        super().__init_subclass__(**options)
        if title is not None:
            cls.DIALOG_TITLE = title
        if save is not None:
            cls.SAVE_LABEL = save
        if refusal is not None:
            cls.REFUSAL_FIELD = refusal
        if first is not None:
            cls.FIRST_FIELD = first

    def __init__(self, on_save: Callable[[ResultT], object] | None = None, **given: Any) -> None:
        """`given` is what the form was opened with, kept by name (`self.session`, ...)."""
        super().__init__()
        for name, value in given.items():
            setattr(self, name, value)
        self._on_save = on_save
        self._touched: set[str] = set()
        self._show_all = False

    # ---------------------------------------------------------------- for subclasses

    def compose_fields(self) -> ComposeResult:
        """The rows of the form."""
        raise NotImplementedError

    def check(self) -> tuple[ResultT | None, dict[str, str]]:
        """The result as typed, or None and the problems by field id."""
        raise NotImplementedError

    def dialog_title(self) -> str:
        """The title on the dialog's border."""
        return self.DIALOG_TITLE.format(self=self)

    def save_label(self) -> str:
        """The label of the Save button."""
        return self.SAVE_LABEL

    def intro(self) -> str:
        """A line under the title saying what the form does (empty for none)."""
        return self.INTRO.format(self=self)

    # ---------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-dialog") as box:
            box.border_title = self.dialog_title()
            box.border_subtitle = "Enter saves · Tab next field · Esc cancels"
            if self.intro():
                yield Static(self.intro(), classes="form-intro", markup=False)
            with VerticalScroll(classes="form-body", can_focus=False):
                yield from self.compose_fields()
            yield FieldError(id=FORM_ERROR)
            with Horizontal(classes="form-buttons"):
                yield Button(self.save_label(), variant="primary", id="form-save", compact=True)
                yield Button("Cancel", id="form-cancel", compact=True)

    def on_mount(self) -> None:
        # Fill the hints that depend on what is typed (nothing is shown as wrong yet).
        self.check()
        if self.FIRST_FIELD:
            self.query_one(f"#{self.FIRST_FIELD}").focus()

    # -------------------------------------------------------------------- checking

    @on(Input.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    def _typed(
        self, event: Input.Changed | Select.Changed | SelectionList.SelectedChanged[Any]
    ) -> None:
        event.stop()
        if event.control is not None and event.control.id:
            self._touched.add(event.control.id)
        self.show_problems(self.check()[1])

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Show each touched field's problem beside it (every field's once Save was tried)."""
        by_id: dict[str, Widget] = {}
        rows: list[FieldRow] = []
        for node in self.walk_children(Widget):  # one walk
            if node.id:
                by_id[node.id] = node
            if isinstance(node, FieldRow):
                rows.append(node)
        for row in rows:
            for field in row.field_ids:
                shown = self._show_all or field in self._touched
                message = problems.get(field, "") if shown else ""
                row.show_error(field, message)
                if field in by_id:
                    by_id[field].set_class(bool(message), "-invalid")
        form_error = by_id.get(FORM_ERROR)
        if isinstance(form_error, FieldError):
            form_error.show("")

    def refuse(self, message: str, field: str | None = None) -> None:
        """Show a refusal beside a field (by default REFUSAL_FIELD) and focus it."""
        field = field if field is not None else self.REFUSAL_FIELD
        if field and self.query(f"#{field}"):
            show_field_error(self, field, message)
        else:
            field = ""
            self.query_one(f"#{FORM_ERROR}", FieldError).show(message)
        if field:
            for widget in self.query(f"#{field}"):
                widget.set_class(True, "-invalid")
                widget.focus()
        self.app.bell()

    # --------------------------------------------------------------------- actions

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        """Enter in any field saves once every field is right; else it goes to what is wrong."""
        event.stop()
        if event.input.id:
            self._touched.add(event.input.id)
        self.action_save()

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_save(self) -> None:
        """Save when every field is right; else show every problem and focus the first."""
        self._show_all = True
        result, problems = self.check()
        self.show_problems(problems)
        if result is None or problems:
            for error in self.query(FieldError):
                if error.has_class("-shown") and error.id:
                    field = error.id.removesuffix("-error")
                    for widget in self.query(f"#{field}"):
                        widget.focus()
                        break
                    break
            self.app.bell()
            return
        if self._on_save is not None:
            try:
                self._on_save(result)
            except (DomainError, StoreError) as refusal:
                self.refuse(str(refusal))
                return
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Leave without saving anything."""
        self.dismiss(None)
