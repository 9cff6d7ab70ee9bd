"""Instants, dates and durations: stored in UTC, shown in the campaign's timezone."""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from models.errors import DomainError

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
FIRST_YEAR = 1900
LAST_YEAR = 2200
"""Instants and dates outside these years are refused: near year 1 or 9999 the conversion to
UTC or to a local timezone overflows, and no bargaining record needs them."""


def _check_year(year: int, shown: str, field: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DomainError(
            f"{field} {shown} is too far from now; use a year between {FIRST_YEAR} and {LAST_YEAR}"
        )


def utc_now() -> datetime:
    """The current instant, in UTC, to the microsecond."""
    return datetime.now(UTC)


def parse_instant(value: object, field: str = "at") -> datetime:
    """An ISO 8601 instant that must carry a UTC offset; naive times are refused."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise DomainError(
                f"{field} {value!r} is not an ISO 8601 time; "
                "write it like 2026-03-22T16:30:00-07:00"
            ) from None
    else:
        raise DomainError(f"{field} must be an ISO 8601 time with an offset, not {value!r}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise DomainError(
            f"{field} {value!s} has no UTC offset; add one, like 2026-03-22T16:30:00-07:00"
        )
    _check_year(moment.year, str(value).strip(), field)
    return moment


def parse_date(value: object, field: str = "due") -> date:
    """A calendar date written YYYY-MM-DD."""
    day: date | None = None
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    elif isinstance(value, str):
        with contextlib.suppress(ValueError):
            day = date.fromisoformat(value.strip())
    if day is not None:
        _check_year(day.year, day.isoformat(), field)
        return day
    raise DomainError(f"{field} {value!r} is not a date; write it as YYYY-MM-DD")


def to_micros(moment: datetime) -> int:
    """Microseconds since the epoch: the sort key of an instant."""
    return (moment - _EPOCH) // timedelta(microseconds=1)


def from_micros(micros: int) -> datetime:
    """The UTC instant for a number of microseconds since the epoch."""
    return _EPOCH + timedelta(microseconds=micros)


def zone(name: str) -> ZoneInfo:
    """The IANA timezone by name, refused with a hint when unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise DomainError(
            f"timezone {name!r} is not an IANA timezone; use a name like America/Los_Angeles"
        ) from None


_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*(?:m|min|mins|minutes)?)?\s*$", re.I)


def parse_minutes(text: str) -> int:
    """Minutes from `20`, `20m`, `1h`, `1h30` or `1h 30m`."""
    match = _DURATION.match(text)
    if not text.strip() or match is None or not any(match.groups()):
        raise DomainError(f"{text!r} is not a duration; write minutes like 20, 20m or 1h30")
    hours, minutes = (int(part) if part else 0 for part in match.groups())
    return hours * 60 + minutes


def format_duration(delta: timedelta) -> str:
    """A clock face for a duration: `12:30`, `1:05:00`; negative durations get a minus."""
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


_CLOCK = re.compile(r"^\s*(\d{1,2})(?::?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$", re.I)


def parse_clock(text: str) -> tuple[int, int]:
    """Hours and minutes from `16:30`, `1630`, `4:30 pm`, `4pm`."""
    return read_clock(
        _CLOCK,
        text,
        wrong=f"{text!r} is not a time of day; write it like 16:30 or 4:30 pm",
        wrong_half=f"{text!r}: with am or pm the hour runs from 1 to 12",
    )


def read_clock(
    pattern: re.Pattern[str], text: str, *, wrong: str, wrong_half: str
) -> tuple[int, int]:
    """Hours and minutes on the 24-hour clock, read from `text` by `pattern` (its groups: the
    hour, the minutes, the am or pm as `pm`, `p.m.` or `p`); refused with `wrong` when it is
    no time of day, with `wrong_half` when an hour before am or pm is not 1 to 12."""
    match = pattern.match(text)
    if match is None:
        raise DomainError(wrong)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = (match.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise DomainError(wrong_half)
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    if hour > 23 or minute > 59:
        raise DomainError(wrong)
    return hour, minute


def local_instant(day: date, clock: time, timezone: str) -> datetime:
    """The instant of a local date and time of day in an IANA timezone.

    A time that does not exist on that day (clocks jumped forward) is refused; a time that
    happens twice (clocks fell back) is the first of the two.
    """
    tz = zone(timezone)
    local = datetime.combine(day, clock, tzinfo=tz)
    if local.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise DomainError(
            f"{clock:%H:%M} does not exist on {day.isoformat()} in {timezone} "
            "(the clocks jump forward); pick another time"
        )
    return local
