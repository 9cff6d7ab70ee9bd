"""The first screen on an empty database: create the campaign, or open the demo.

Dismisses None once the campaign is created in the store it was given, or the Path of the
demo database it built, for the app to switch to. Quitting leaves the database empty.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Footer, Input, Select, Static

from models import locations
from models.actions import create_campaign
from models.demo import build_demo, load_demo
from models.domain import Party
from models.errors import DomainError, StoreError
from models.events import CampaignCreated
from models.store import Store
from models.timeutil import zone
from tui.dialogs.form_fields import (
    FORM_ERROR,
    FieldError,
    FieldRow,
    check_line,
    show_field_error,
)

FIELDS = (
    "union_name",
    "union_short",
    "employer_name",
    "employer_short",
    "timezone",
    "our_side",
    "title",
)
_KEYS = {
    "union.name": "union_name",
    "union.short": "union_short",
    "employer.name": "employer_name",
    "employer.short": "employer_short",
    "timezone": "timezone",
    "our_side": "our_side",
    "title": "title",
}
_NOUNS = {
    "union": "the union's",
    "employer": "the employer's",
    "timezone": "the timezone",
    "title": "the title",
    "our_side": "our side",
}


def _timezones() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(available_timezones())


class WelcomeScreen(Screen[Path | None]):
    """Set up the campaign of an empty database, or open the demo campaign instead."""

    DEFAULT_CSS = """
    WelcomeScreen {
        align: center middle;
        & #welcome {
            width: 100%;
            max-width: 92;
            height: auto;
            max-height: 1fr;
            border: round $primary;
            border-title-color: $text-primary;
            border-title-style: bold;
            padding: 0 1;
            background: $surface;
        }
        & #welcome-intro { color: $text-muted; margin-bottom: 1; }
        & #welcome-fields { height: auto; max-height: 15; }
        & #welcome-fields Select { width: 24; }
        & #welcome-buttons { height: auto; margin-top: 1; }
        & #welcome-buttons Button { margin-right: 2; }
    }
    WelcomeScreen.-tall #welcome-fields { max-height: 36; }
    WelcomeScreen.-tall #welcome-fields FieldRow { margin-bottom: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "create",
            "Create campaign",
            tooltip="Check the fields and create the campaign in this database",
            id="welcome.create",
        ),
        Binding(
            "ctrl+o",
            "demo",
            "Open the demo",
            tooltip="Build the fictional demo campaign (replacing an earlier demo) and open it",
            id="welcome.demo",
        ),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            tooltip="Leave; this database stays empty",
            id="welcome.quit",
            priority=True,
        ),
    ]

    # Textual annotates these `ClassVar[...] | None`, which mypy cannot take as a ClassVar.
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [  # type: ignore[misc]
        (0, "-short"),
        (36, "-tall"),
    ]
    AUTO_FOCUS = "#union_name"

    def __init__(
        self,
        store: Store,
        *,
        timezone: str | None = None,
        demo_path: Path | None = None,
        demo_now: datetime | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.default_timezone = timezone or locations.system_timezone()
        self.demo_path = demo_path
        self.demo_now = demo_now
        self._touched: set[str] = set()
        self._show_all = False

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome") as box:
            box.border_title = "Welcome to open-bargaining"
            yield Static(
                "This database is empty. Set up your campaign: the two parties at the table, "
                "and the timezone the sessions are held in. Or open the demo campaign to look "
                "around first.",
                id="welcome-intro",
                markup=False,
            )
            with VerticalScroll(id="welcome-fields", can_focus=False):
                yield _side_row("Union", "union", "Riverbend Education Association", "REA")
                yield _side_row("Employer", "employer", "Riverbend Unified School District", "RUSD")
                yield FieldRow(
                    "Timezone",
                    Input(
                        self.default_timezone,
                        id="timezone",
                        placeholder="America/Los_Angeles",
                        suggester=SuggestFromList(_timezones(), case_sensitive=False),
                        compact=True,
                    ),
                )
                yield FieldRow(
                    "We are",
                    Select(
                        [("the union", Party.UNION), ("the employer", Party.EMPLOYER)],
                        value=Party.UNION,
                        allow_blank=False,
                        id="our_side",
                        compact=True,
                    ),
                )
                yield FieldRow(
                    "Title",
                    Input(
                        id="title",
                        placeholder="optional, like Successor contract 2025-2028",
                        compact=True,
                    ),
                )
            yield FieldError(id=FORM_ERROR)
            with Horizontal(id="welcome-buttons"):
                yield Button(
                    "Create campaign", variant="primary", id="welcome-create", compact=True
                )
                yield Button("Open the demo", id="welcome-open-demo", compact=True)
                yield Button("Quit", id="welcome-quit", compact=True)
        yield Footer()

    # -------------------------------------------------------------------- checking

    def _line(self) -> dict[str, Any]:
        value = self.query_one("#our_side", Select).value
        return {
            "type": "campaign.created",
            "union": {"name": self._typed("union_name"), "short": self._typed("union_short")},
            "employer": {
                "name": self._typed("employer_name"),
                "short": self._typed("employer_short"),
            },
            "timezone": self._typed("timezone").strip(),
            "our_side": value if value is not Select.NULL else Party.UNION,
            "title": self._typed("title"),
        }

    def _typed(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value

    def check(self) -> tuple[CampaignCreated | None, dict[str, str]]:
        """The campaign as typed, or None and what is wrong by field id."""
        line = self._line()
        result, found = check_line(CampaignCreated, line, _NOUNS)
        problems: dict[str, str] = {}
        for key, message in found.items():
            field = _KEYS.get(key)
            if field:
                problems.setdefault(field, _name_noun(key, message))
        if "timezone" not in problems:
            problems.update(_timezone_problem(line["timezone"]))
        return (None, problems) if problems else (result, {})

    def _show(self, problems: dict[str, str]) -> None:
        for field in FIELDS:
            shown = self._show_all or field in self._touched
            message = problems.get(field, "") if shown else ""
            show_field_error(self, field, message)
            self.query_one(f"#{field}").set_class(bool(message), "-invalid")
        self.query_one(f"#{FORM_ERROR}", FieldError).show("")

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self, event: Input.Changed | Select.Changed) -> None:
        if event.control is not None and event.control.id:
            self._touched.add(event.control.id)
        self._show(self.check()[1])

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        """Enter moves on to the next field once this one is right; on the last, it creates."""
        problems = self.check()[1]
        field = event.input.id or ""
        self._touched.add(field)
        self._show(problems)
        if field in problems:
            self.app.bell()
        elif field == FIELDS[-1]:
            self.action_create()
        else:
            self.focus_next()

    # --------------------------------------------------------------------- actions

    @on(Button.Pressed, "#welcome-create")
    def action_create(self) -> None:
        """Create the campaign when every field is right; else show what is wrong."""
        self._show_all = True
        result, problems = self.check()
        self._show(problems)
        if result is None:
            first = next(field for field in FIELDS if field in problems)
            self.query_one(f"#{first}").focus()
            self.app.bell()
            return
        try:
            create_campaign(
                self.store,
                union=result.union.name,
                union_short=result.union.short,
                employer=result.employer.name,
                employer_short=result.employer.short,
                timezone=result.timezone,
                our_side=result.our_side,
                title=result.title,
            )
        except (DomainError, StoreError) as refusal:
            self.query_one(f"#{FORM_ERROR}", FieldError).show(str(refusal))
            self.app.bell()
            return
        self.dismiss(None)

    @on(Button.Pressed, "#welcome-open-demo")
    def action_demo(self) -> None:
        """Build the demo campaign in its own file and hand its path to the app."""
        path = self.demo_path or locations.demo_db()
        try:
            if path.resolve() == self.store.path.resolve():
                load_demo(self.store, now=self.demo_now)
            else:
                build_demo(path, now=self.demo_now)
        except (DomainError, StoreError) as refusal:
            self.query_one(f"#{FORM_ERROR}", FieldError).show(
                f"the demo could not be built: {refusal}"
            )
            self.app.bell()
            return
        self.dismiss(path)

    @on(Button.Pressed, "#welcome-quit")
    def action_quit(self) -> None:
        """Leave the app; the database stays empty."""
        self.app.exit()


def _timezone_problem(name: str) -> dict[str, str]:
    """What is wrong with a typed timezone name (nothing when it is an IANA name)."""
    try:
        zone(name)
    except DomainError as error:
        return {"timezone": str(error)}
    except OSError:
        # A folder of the tz database ("Europe") is not a zone; zone() lets this through.
        return {
            "timezone": f"timezone {name!r} is not an IANA timezone; "
            "use a name like America/Los_Angeles"
        }
    return {}


def _name_noun(key: str, message: str) -> str:
    """`the union's name is empty` reads better than `the union's is empty`."""
    party, _, part = key.partition(".")
    if part and message.startswith(_NOUNS[party] + " "):
        noun = {"name": "name", "short": "short name"}[part]
        return f"{_NOUNS[party]} {noun}{message[len(_NOUNS[party]) :]}"
    return message


def _side_row(label: str, side: str, name: str, short: str) -> FieldRow:
    """A side's full and short names (ids `SIDE_name`, `SIDE_short`), each with an example."""
    return FieldRow(
        label,
        Input(id=f"{side}_name", placeholder=name, compact=True),
        "short",
        Input(id=f"{side}_short", placeholder=short, compact=True),
        narrow=[f"{side}_short"],
    )
