"""Dates and times typed on the campaign's wall clock, for the session dialogs: each gives
its value, or None and what is wrong, in words for the field's problem line. The rules are
`models.timeutil`'s, as in the schedule dialog."""

from __future__ import annotations

from datetime import date, datetime, time

from models.errors import DomainError
from models.timeutil import local_instant, parse_clock


def parse_day(text: str) -> tuple[date | None, str]:
    """A date written YYYY-MM-DD, or what is wrong with it."""
    try:
        return date.fromisoformat(text.strip()), ""
    except ValueError:
        return None, "is not a date; write it as YYYY-MM-DD"


def parse_time(text: str) -> tuple[time | None, str]:
    """A time like 16:30, 4:30pm or 1630, or what is wrong with it."""
    try:
        return time(*parse_clock(text)), ""
    except DomainError as error:
        return None, str(error)


def wall_clock(day: date, at: time, timezone: str) -> tuple[datetime | None, str]:
    """The instant of a date and time on the campaign's wall clock (offset included), or
    what is wrong: a time the clocks skip that day."""
    try:
        return local_instant(day, at, timezone), ""
    except DomainError as error:
        return None, str(error)
