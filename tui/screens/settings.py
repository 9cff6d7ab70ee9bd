"""Every campaign setting after set-up: names, timezone, our side, the recap's addresses and
words, the numeric terms' labels, units and costs, and the ground rules.

Each field is checked as it is typed with the journal's own model (`models.settings`), the
problem shown under it; Save (ctrl+s) records ONE `campaign.updated` holding only what changed
(`models.actions.change_settings`), which ctrl+z on the console undoes. Escape leaves and
changes nothing. The form scrolls, so it reads at 80x24.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Header, Input, Select, Static, TextArea

from models.actions import change_settings
from models.domain import Campaign
from models.errors import DomainError, StoreError
from models.settings import check_settings, flat_settings, term_texts
from models.store import Store
from tui.dialogs.form_fields import FORM_ERROR, FieldError, FieldRow, show_field_error
from tui.keys import Keys
from tui.messages import StoreChanged
from tui.widgets.key_bar import KeyBar
from tui.widgets.term_block import TermBlock

KEYS = Keys("settings")
NEW_TERM = "new-term"
"""The id of the field where a new term's name is typed."""
_MULTILINE = ("signoff", "watch")


def _timezones() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(available_timezones())


def _field_id(key: str) -> str:
    """The widget id of a problem's key: `union_name` -> `set-union_name`, `terms.x.unit` ->
    `term-x-unit`, `terms.x` (the name) -> the new term's name field."""
    if key.startswith("terms."):
        parts = key.split(".")
        return f"term-{parts[1]}-{parts[2]}" if len(parts) == 3 else NEW_TERM
    return f"set-{key}"


class SettingsScreen(Screen[bool]):
    """Change the campaign's settings; dismisses True when a change was recorded."""

    DEFAULT_CSS = """
    SettingsScreen {
        align-horizontal: center;
        & #settings-form { height: 1fr; padding: 0 1; max-width: 108; }
        & .settings-intro { color: $text-muted; }
        & .settings-section {
            margin-top: 1;
            text-style: bold;
            color: $text-primary;
        }
        & .settings-section:nocolor { text-style: bold underline; }
        & FieldRow > .field-line > TextArea {
            width: 1fr;
            height: auto;
            max-height: 4;
            background: $background;
        }
        & FieldRow > .field-line > TextArea:focus { background-tint: $primary 18%; }
        & #new-term-row { height: auto; margin-top: 1; }
        & #new-term-row > Button { width: 7; min-width: 7; margin-left: 1; }
        & #settings-buttons {
            height: auto;
            max-width: 108;
            padding: 0 1;
            align-horizontal: right;
        }
        & #settings-buttons Button { margin-left: 2; }
        & #form-error { padding: 0 1; max-width: 108; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        KEYS.back("Leave; nothing is changed"),
        KEYS("ctrl+s", "save", "Save", "Check every field and record what changed"),
    ]
    AUTO_FOCUS = "#set-title"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        campaign = store.campaign()
        assert campaign is not None, "the settings screen opens on a campaign"
        self.campaign: Campaign = campaign
        self._touched: set[str] = set()
        self._show_all = False

    # ---------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        flat = flat_settings(self.campaign)

        def line(key: str, placeholder: str = "", **options: Any) -> Input:
            return Input(
                flat[key], id=f"set-{key}", placeholder=placeholder, compact=True, **options
            )

        def area(key: str, placeholder: str) -> TextArea:
            return TextArea(flat[key], id=f"set-{key}", placeholder=placeholder, compact=True)

        yield Header()
        with VerticalScroll(id="settings-form", can_focus=False):
            yield Static(
                "ctrl+s records what changed as one journal event (ctrl+z on the console undoes "
                "it). Tab: next field. Esc leaves, changing nothing.",
                classes="settings-intro",
                markup=False,
            )
            yield Static("Campaign", classes="settings-section", markup=False)
            yield FieldRow("Title", line("title", "like Successor contract 2025-2028"))
            yield FieldRow(
                "Union",
                line("union_name"),
                "short",
                line("union_short"),
                narrow=["set-union_short"],
            )
            yield FieldRow(
                "Employer",
                line("employer_name"),
                "short",
                line("employer_short"),
                narrow=["set-employer_short"],
            )
            yield FieldRow(
                "Timezone",
                line(
                    "timezone",
                    "America/Los_Angeles",
                    suggester=SuggestFromList(_timezones(), case_sensitive=False),
                ),
            )
            yield FieldRow(
                "We are",
                Select(
                    [("the union", "union"), ("the employer", "employer")],
                    value=flat["our_side"],
                    allow_blank=False,
                    id="set-our_side",
                    compact=True,
                ),
            )
            yield Static("Recap", classes="settings-section", markup=False)
            yield FieldRow("From", line("from", "REA Bargaining Team <team@example.org>"))
            yield FieldRow("Members' to", line("to", "REA members <members@example.org>"))
            yield FieldRow("Team's to", line("team_to", "the team's own list (team minutes)"))
            yield FieldRow("Sign-off", area("signoff", "like In solidarity, the team"))
            yield FieldRow("Posted at", line("url", "https://... where recaps are posted"))
            yield FieldRow("Watch", area("watch", "how members watch or join the session"))
            yield Static("Ground rules", classes="settings-section", markup=False)
            yield FieldRow(
                "Embargo",
                Select(
                    [
                        ("details: members see that it was passed, not what", "details"),
                        ("all: members do not see it at all", "all"),
                    ],
                    value=flat["embargo"],
                    allow_blank=False,
                    id="set-embargo",
                    compact=True,
                ),
            )
            yield Static("Numeric terms", classes="settings-section", markup=False)
            for name, fields in term_texts(self.campaign).items():
                yield TermBlock(name, fields)
            with Horizontal(id="new-term-row"):
                yield FieldRow(
                    "New term",
                    Input(id=NEW_TERM, placeholder="a name like salary_pct_y1", compact=True),
                )
                yield Button("Add", id="new-term-add", compact=True)
        yield FieldError(id=FORM_ERROR)
        with Horizontal(id="settings-buttons"):
            yield Button("Save", variant="primary", id="settings-save", compact=True)
            yield Button("Cancel", id="settings-cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Settings"
        self.sub_title = self.campaign.title or (
            f"{self.campaign.union.short} and {self.campaign.employer.short}"
        )

    @on(StoreChanged)
    def _store_changed(self, _message: StoreChanged) -> None:
        """Another seat (or an undo) changed the journal: what is saved is compared with the
        settings as they now stand, and every field not typed in shows its new value."""
        campaign = self.store.campaign()
        if campaign is None or campaign == self.campaign:
            return
        self.campaign = campaign
        for key, value in flat_settings(campaign).items():
            if f"set-{key}" in self._touched:
                continue
            widget = self.query_one(f"#set-{key}")
            if isinstance(widget, Input) and widget.value != value:
                widget.value = value
            elif isinstance(widget, TextArea) and widget.text != value:
                widget.text = value
            elif isinstance(widget, Select) and widget.value != value:
                widget.value = value

    # -------------------------------------------------------------------- reading

    def typed(self) -> tuple[dict[str, str], dict[str, dict[str, str]], list[str]]:
        """The flat settings, the terms and the terms to remove, as typed."""
        flat: dict[str, str] = {}
        for key in flat_settings(self.campaign):
            widget = self.query_one(f"#set-{key}")
            if isinstance(widget, Input):
                flat[key] = widget.value
            elif isinstance(widget, TextArea):
                flat[key] = widget.text
            elif isinstance(widget, Select):
                flat[key] = str(widget.value)
        terms: dict[str, dict[str, str]] = {}
        removed: list[str] = []
        for block in self.query(TermBlock):
            if block.removed:
                removed.append(block.term)
            else:
                terms[block.term] = block.typed()
        return flat, terms, removed

    def check(self) -> dict[str, str]:
        """What is wrong, by widget id (nothing when every field is right)."""
        flat, terms, removed = self.typed()
        _change, problems = check_settings(self.campaign, flat, terms, removed)
        return {_field_id(key): message for key, message in problems.items()}

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Show each touched field's problem under it (every field's once Save was tried)."""
        for row in self.query(FieldRow):
            for field in row.field_ids:
                if field == NEW_TERM:
                    continue
                shown = self._show_all or field in self._touched
                message = problems.get(field, "") if shown else ""
                row.show_error(field, message)
                for widget in self.query(f"#{field}"):
                    widget.set_class(bool(message), "-invalid")
        self.query_one(f"#{FORM_ERROR}", FieldError).show("")

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def _changed(self, event: Input.Changed | Select.Changed | TextArea.Changed) -> None:
        control = event.control
        if control is None or not control.id or control.id == NEW_TERM:
            return
        stored = flat_settings(self.campaign).get(control.id.removeprefix("set-"))
        value = control.text if isinstance(control, TextArea) else str(control.value)
        if stored is not None and value == stored:
            self._touched.discard(control.id)  # as saved: a later change may refill it
        else:
            self._touched.add(control.id)
        self.show_problems(self.check())

    @on(Input.Submitted)
    async def _enter(self, event: Input.Submitted) -> None:
        """Enter adds the new term from its field; elsewhere it moves to the next field."""
        event.stop()
        if event.input.id == NEW_TERM:
            await self.add_term()
            return
        self.focus_next()

    # --------------------------------------------------------------------- terms

    @on(Button.Pressed, "#new-term-add")
    async def add_term(self) -> None:
        """Add the term typed in the new term's field (recorded on save)."""
        field = self.query_one(f"#{NEW_TERM}", Input)
        name = field.value.strip()
        names = {block.term for block in self.query(TermBlock)}
        problem = ""
        if not name:
            problem = "type the term's name first, like salary_pct_y1"
        elif name in names:
            problem = f"term {name} is already named; edit it above"
        else:
            _change, problems = check_settings(self.campaign, terms={name: {}})
            problem = next(iter(problems.values()), "")
        show_field_error(self, NEW_TERM, problem)
        if problem:
            self.app.bell()
            return
        block = TermBlock(name, {}, new=True)
        await self.query_one("#settings-form", VerticalScroll).mount(
            block, before=self.query_one("#new-term-row")
        )
        field.value = ""
        label = self.query_one(f"#term-{name}-label", Input)
        label.focus()
        self.call_after_refresh(label.scroll_visible, animate=False)

    @on(TermBlock.RemoveToggled)
    def _toggle_removed(self, event: TermBlock.RemoveToggled) -> None:
        block = event.block
        if block.new:
            block.remove()
            return
        block.set_removed(not block.removed)
        self.show_problems(self.check())

    # --------------------------------------------------------------------- actions

    @on(Button.Pressed, "#settings-save")
    def action_save(self) -> None:
        """Record what changed when every field is right; else show and focus what is wrong."""
        self._show_all = True
        problems = self.check()
        self.show_problems(problems)
        if problems:
            first = next(iter(problems))
            for widget in self.query(f"#{first}"):
                widget.focus()
                if isinstance(widget, Widget):
                    widget.scroll_visible(animate=False)
            self.app.bell()
            return
        flat, terms, removed = self.typed()
        try:
            event, changes = change_settings(self.store, flat, terms, removed)
        except (DomainError, StoreError) as refusal:
            self.query_one(f"#{FORM_ERROR}", FieldError).show(str(refusal))
            self.app.bell()
            return
        if event is None:
            self.notify("Nothing changed.", title="Settings")
            self.dismiss(False)
            return
        self.notify("\n".join(changes), title="Settings saved (ctrl+z undoes)")
        self.dismiss(True)

    @on(Button.Pressed, "#settings-cancel")
    def action_back(self) -> None:
        """Leave; nothing is changed."""
        self.dismiss(False)
