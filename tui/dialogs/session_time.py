"""Dates and times typed on the campaign's wall clock, for the session dialogs."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from tui.format import campaign_zone

_TIME = re.compile(r"^\s*(\d{1,2})(?::?(\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.I)


def parse_day(text: str) -> tuple[date | None, str]:
    """A date written YYYY-MM-DD, or what is wrong with it."""
    try:
        return date.fromisoformat(text.strip()), ""
    except ValueError:
        return None, "is not a date; write it as YYYY-MM-DD"


def parse_time(text: str) -> tuple[time | None, str]:
    """A time like 16:30, 4:30pm or 1630, or what is wrong with it."""
    match = _TIME.match(text)
    if match is None:
        return None, "is not a time; write it like 16:30 or 4:30pm"
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").lower().replace(".", "")
    if suffix and not 1 <= hour <= 12:
        return None, "has an hour that does not go with am/pm"
    if suffix == "pm" and hour != 12:
        hour += 12
    if suffix == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None, "is not a time of day; write it like 16:30"
    return time(hour, minute), ""


def wall_clock(day: date, at: time, timezone: str) -> datetime:
    """The instant of a date and time on the campaign's wall clock (offset included)."""
    return datetime.combine(day, at, tzinfo=campaign_zone(timezone))
