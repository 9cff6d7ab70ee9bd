"""Schedule a session: number, date and time (in the campaign's timezone), place or Zoom
link, mode, kind and mediator.

The date starts filled: a week after the previous session, or, for the first session, the
next weekday at 16:30. `today` and
`tomorrow` are understood. A link typed as the place makes an in-person session a Zoom one,
unless the mode was chosen in the dialog.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select

from models.domain import Session, SessionKind, SessionMode
from models.errors import DomainError
from models.events import SessionScheduled
from models.timeutil import local_instant, parse_date, read_clock, utc_now, zone
from tui.dialogs.form_fields import FieldRow, FormDialog, FormHint, check_line, one_of

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
    if not text.strip():
        raise DomainError("the time is empty; type it like 16:30")
    wrong = f"time {text.strip()!r} is not a time of day; type it like"
    return time(*read_clock(_CLOCK, text, wrong=f"{wrong} 16:30", wrong_half=f"{wrong} 4:30pm"))


FIRST_START = time(16, 30)
"""The default time of a first session: after school, when most sessions start."""

_LINK = re.compile(r"^\s*(https?://|www\.)|zoom\.us/|teams\.microsoft\.com|meet\.google", re.I)

RELATIVE_DAYS = {"today": 0, "tomorrow": 1}


def parse_day(text: str, today: date | None = None) -> date:
    """A date as typed: YYYY-MM-DD, `today` or `tomorrow` (in the campaign's timezone)."""
    if not text.strip():
        raise DomainError("the date is empty; type it as YYYY-MM-DD, or today / tomorrow")
    word = text.strip().lower()
    if word in RELATIVE_DAYS and today is not None:
        return today + timedelta(days=RELATIVE_DAYS[word])
    try:
        return parse_date(text.strip(), "date")
    except DomainError:
        raise DomainError(
            f"date {text.strip()!r} is not a date; write it as YYYY-MM-DD, or today / tomorrow"
        ) from None


def next_weekday(after: date) -> date:
    """The first Monday-to-Friday day after a date."""
    day = after + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def default_start(now: datetime, timezone: str, previous: Session | None) -> datetime:
    """Where the date and time start: a week after the previous session, same time; for
    the first session, the next weekday at 16:30."""
    if previous is None:
        local_now = now.astimezone(zone(timezone))
        return datetime.combine(next_weekday(local_now.date()), FIRST_START, zone(timezone))
    starts = previous.starts.astimezone(zone(timezone))
    return datetime.combine(starts.date() + timedelta(days=7), starts.time(), zone(timezone))


def is_link(place: str) -> bool:
    """True when the place typed is a meeting link rather than an address."""
    return bool(_LINK.search(place))


class ScheduleSessionDialog(
    FormDialog[SessionScheduled], title="Schedule a session", save="Schedule", refusal="number"
):
    """Schedule a session; dismisses the `session.scheduled` line it saved."""

    def __init__(
        self,
        *,
        timezone: str,
        number: int,
        previous: Session | None = None,
        now: datetime | None = None,
        on_save: Callable[[SessionScheduled], object] | None = None,
        current: Session | None = None,
    ) -> None:
        super().__init__(on_save)
        self.timezone = timezone
        self.number = number
        self.previous = previous
        self.current = current
        """Rescheduling: the session as it stands (its number stays)."""
        self.now = now or utc_now()
        self.today = self.now.astimezone(zone(timezone)).date()
        self._mode_chosen = False
        self._mode_set: object = None
        self._made_zoom = False

    def dialog_title(self) -> str:
        if self.current is not None:
            return f"Reschedule session {self.current.number}"
        return self.DIALOG_TITLE

    def save_label(self) -> str:
        return "Reschedule" if self.current is not None else self.SAVE_LABEL

    def intro(self) -> str:
        if self.current is not None:
            return (
                f"Change when, where or how it meets (times in {self.timezone}); "
                "the history keeps the earlier plan."
            )
        return f"Times are in the campaign's timezone, {self.timezone}."

    def compose_fields(self) -> ComposeResult:
        start = default_start(self.now, self.timezone, self.previous)
        if self.current is not None:
            start = self.current.starts.astimezone(zone(self.timezone))
        day, clock, location = start.date().isoformat(), start.strftime("%H:%M"), ""
        mode, kind, mediator = SessionMode.IN_PERSON, SessionKind.REGULAR, ""
        source = self.current or self.previous
        if source is not None:
            location, mode, kind, mediator = (
                source.location,
                source.mode,
                source.kind,
                source.mediator,
            )
        self._mode_set = mode
        yield FieldRow(
            "Session",
            Input(str(self.number), id="number", compact=True, disabled=self.current is not None),
            narrow=["number"],
        )
        yield FieldRow(
            "Date",
            Input(day, id="date", placeholder="YYYY-MM-DD, today, tomorrow", compact=True),
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
            one_of([(word, value) for value, word in MODE_WORDS.items()], mode, "mode"),
            "kind",
            one_of([(word, value) for value, word in KIND_WORDS.items()], kind, "kind"),
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
            day = parse_day(self.query_one("#date", Input).value, self.today)
        except DomainError as error:
            problems["date"] = str(error)
        try:
            clock = parse_clock(self.query_one("#time", Input).value)
        except DomainError as error:
            problems["time"] = str(error)
        if day is None or clock is None:
            return None, problems
        try:
            return local_instant(day, clock, self.timezone), problems
        except DomainError as error:
            problems["time"] = str(error)
            return None, problems

    def _describe_when(self, starts: datetime | None) -> None:
        self.query_one("#when-hint", FormHint).show(
            f"{starts:%A %-d %B %Y, %H:%M} ({starts:%Z})" if starts else ""
        )

    @on(Select.Changed, "#mode")
    def _mode_changed(self, event: Select.Changed) -> None:
        if event.value != self._mode_set:  # the user's choice, not the link's
            self._mode_chosen = True

    @on(Input.Changed, "#location")
    def _place_typed(self, event: Input.Changed) -> None:
        """A link makes an in-person session a Zoom one (and back) until the mode is chosen."""
        if self._mode_chosen:
            return
        mode = self.query_one("#mode", Select)
        wanted = mode.value
        if is_link(event.value) and mode.value is SessionMode.IN_PERSON:
            wanted, self._made_zoom = SessionMode.ZOOM, True
        elif not is_link(event.value) and self._made_zoom:
            wanted, self._made_zoom = SessionMode.IN_PERSON, False
        if wanted != mode.value:
            self._mode_set = wanted
            mode.value = wanted

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
