"""How instants and durations read on screen: local to the campaign, short, stable.

Presentation only: what a time means (due, overdue, holder) is decided in `models/`.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from models.domain import CaucusSide, NoteParty, Party, SessionKind
from models.timeutil import format_duration, zone

KIND_WORDS = {
    SessionKind.REGULAR: "regular",
    SessionKind.MEDIATION: "mediation",
    SessionKind.FACT_FINDING: "fact-finding",
}

PARTY_STYLE = {
    Party.UNION: "$text-success",
    Party.EMPLOYER: "$text-primary",
    CaucusSide.UNION: "$text-success",
    CaucusSide.EMPLOYER: "$text-primary",
    CaucusSide.JOINT: "$text-accent",
    NoteParty.MEDIATOR: "$text-accent",
    NoteParty.OTHER: "$text-secondary",
}
"""The colour of each party wherever its short name is shown (theme variables only)."""


@lru_cache(maxsize=8)
def campaign_zone(name: str) -> ZoneInfo:
    """The campaign's timezone (cached: every clock tick asks for it)."""
    return zone(name)


def local(moment: datetime, tz: str) -> datetime:
    """An instant on the campaign's wall clock."""
    return moment.astimezone(campaign_zone(tz))


def clock(moment: datetime, tz: str, *, seconds: bool = False) -> str:
    """`18:25` (or `18:25:07`) on the campaign's wall clock."""
    return local(moment, tz).strftime("%H:%M:%S" if seconds else "%H:%M")


def day_and_time(moment: datetime, tz: str) -> str:
    """`Mon 23 Nov 16:30` on the campaign's wall clock."""
    return local(moment, tz).strftime("%a %d %b %H:%M")


def zone_name(moment: datetime, tz: str) -> str:
    """The zone's abbreviation at that instant (`PST`), or its offset when it has none."""
    name = local(moment, tz).tzname() or ""
    return name if name and not name.startswith(("+", "-")) else local(moment, tz).strftime("%z")


def elapsed(delta: timedelta) -> str:
    """A running time as a clock face: `12:30`, `1:05:00` (never negative)."""
    return format_duration(max(delta, timedelta(0)))


def hours_minutes(delta: timedelta) -> str:
    """A running time to the minute: `48m`, `1h 48m` (never negative)."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m" if hours else f"{minutes}m"


def age(delta: timedelta) -> str:
    """A short age for a table cell: `now`, `12m`, `3h 05m`, `4d 2h`, `38d`."""
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return "now"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes}m"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}h {minutes:02d}m"
    days, hours = divmod(hours, 24)
    return f"{days}d {hours}h" if days < 10 else f"{days}d"


def countdown(delta: timedelta) -> str:
    """A caucus face: `12:30` left (rounded up, so it shows 00:01 until it is due), or `+3:05`
    once it runs over."""
    total = delta.total_seconds()
    if total > 0:
        return format_duration(timedelta(seconds=math.ceil(total)))
    return "+" + format_duration(timedelta(seconds=math.floor(-total)))
