"""Schedule a session: number, date and time (in the campaign's timezone), place or Zoom
link, mode, kind and mediator."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Select

from models.domain import Session, SessionKind, SessionMode
from models.errors import DomainError
from models.events import SessionScheduled
from models.timeutil import parse_date, zone
from tui.dialogs.form_fields import FieldRow, FormDialog, FormHint, check_line

MODE_WORDS: dict[SessionMode, str] = {
    SessionMode.IN_PERSON: "in person",
    SessionMode.ZOOM: "Zoom",
    SessionMode.HYBRID: "hybrid",
}
KIND_WORDS: dict[SessionKind, str] = {
    SessionKind.REGULAR: "regular",
    SessionKind.MEDIATION: "mediation",
    SessionKind.FACT_FINDING: "fact-finding",
}

_NOUNS = {
    "session": "the session number",
    "location": "the place",
    "mediator": "the mediator's name",
}

_CLOCK = re.compile(r"^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])?\.?\s*(?:m\.?)?\s*$", re.I)


def parse_clock(text: str) -> time:
    """A time of day as typed: `16:30`, `4:30pm`, `9am`, `16.30`."""
    match = _CLOCK.match(text)
    if not text.strip():
        raise DomainError("the time is empty; type it like 16:30")
    if match is None:
        raise DomainError(f"time {text.strip()!r} is not a time of day; type it like 16:30")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = (match.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise DomainError(f"time {text.strip()!r} is not a time of day; type it like 4:30pm")
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise DomainError(f"time {text.strip()!r} is not a time of day; type it like 16:30")
    return time(hour, minute)


def parse_day(text: str) -> date:
    """A date as typed, YYYY-MM-DD."""
    if not text.strip():
        raise DomainError("the date is empty; type it as YYYY-MM-DD")
    return parse_date(text.strip(), "date")


class ScheduleSessionDialog(FormDialog[SessionScheduled]):
    """Schedule a session; dismisses the `session.scheduled` line it saved."""

    DIALOG_TITLE = "Schedule a session"
    SAVE_LABEL = "Schedule"
    REFUSAL_FIELD = "number"

    def __init__(
        self,
        *,
        timezone: str,
        number: int,
        previous: Session | None = None,
        on_save: Callable[[SessionScheduled], object] | None = None,
    ) -> None:
        super().__init__(on_save)
        self.timezone = timezone
        self.number = number
        self.previous = previous

    def intro(self) -> str:
        return f"Times are in the campaign's timezone, {self.timezone}."

    def compose_fields(self) -> ComposeResult:
        day, clock, location = "", "", ""
        mode, kind, mediator = SessionMode.IN_PERSON, SessionKind.REGULAR, ""
        if self.previous is not None:
            local = self.previous.starts.astimezone(zone(self.timezone))
            day = (local.date() + timedelta(days=7)).isoformat()
            clock = local.strftime("%H:%M")
            location, mode, kind = self.previous.location, self.previous.mode, self.previous.kind
            mediator = self.previous.mediator
        yield FieldRow(
            "Session", Input(str(self.number), id="number", compact=True), narrow=["number"]
        )
        yield FieldRow(
            "Date",
            Input(day, id="date", placeholder="YYYY-MM-DD", compact=True),
            "time",
            Input(clock, id="time", placeholder="16:30", compact=True),
            narrow=["time"],
        )
        yield FormHint(id="when-hint")
        yield FieldRow(
            "Place / Zoom",
            Input(
                location, id="location", placeholder="an address, or the Zoom link", compact=True
            ),
        )
        yield FieldRow(
            "Mode",
            Select(
                [(word, value) for value, word in MODE_WORDS.items()],
                value=mode,
                allow_blank=False,
                id="mode",
                compact=True,
            ),
            "kind",
            Select(
                [(word, value) for value, word in KIND_WORDS.items()],
                value=kind,
                allow_blank=False,
                id="kind",
                compact=True,
            ),
        )
        yield FieldRow(
            "Mediator",
            Input(
                mediator, id="mediator", placeholder="name, for mediation sessions", compact=True
            ),
        )

    def _starts(self) -> tuple[datetime | None, dict[str, str]]:
        problems: dict[str, str] = {}
        day: date | None = None
        clock: time | None = None
        try:
            day = parse_day(self.query_one("#date", Input).value)
        except DomainError as error:
            problems["date"] = str(error)
        try:
            clock = parse_clock(self.query_one("#time", Input).value)
        except DomainError as error:
            problems["time"] = str(error)
        if day is None or clock is None:
            return None, problems
        return datetime.combine(day, clock, tzinfo=zone(self.timezone)), problems

    def _describe_when(self, starts: datetime | None) -> None:
        self.query_one("#when-hint", FormHint).show(
            f"{starts:%A %-d %B %Y, %H:%M} ({starts:%Z})" if starts else ""
        )

    def check(self) -> tuple[SessionScheduled | None, dict[str, str]]:
        starts, problems = self._starts()
        self._describe_when(starts)
        mode = self.query_one("#mode", Select).value
        kind = self.query_one("#kind", Select).value
        line: dict[str, Any] = {
            "type": "session.scheduled",
            "session": self.query_one("#number", Input).value.strip(),
            "starts": (starts or datetime(2000, 1, 1, tzinfo=zone("UTC"))).isoformat(),
            "location": self.query_one("#location", Input).value,
            "mode": mode if mode is not Select.NULL else SessionMode.IN_PERSON,
            "kind": kind if kind is not Select.NULL else SessionKind.REGULAR,
            "mediator": self.query_one("#mediator", Input).value,
        }
        if not line["session"]:
            problems["number"] = "the session number is empty; type it, like 6"
        result, found = check_line(SessionScheduled, line, _NOUNS)
        for key, field in (
            ("session", "number"),
            ("location", "location"),
            ("mediator", "mediator"),
            ("mode", "mode"),
            ("kind", "kind"),
        ):
            if key in found:
                problems.setdefault(field, found[key])
        if problems:
            return None, problems
        return result, {}
