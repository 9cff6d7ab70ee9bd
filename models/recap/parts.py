"""The parts of a recap snapshot reckoned from the store's records: caucuses and their
per-side tallies, the information requests answered or open, the next session, and minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from models.recap.records import (
    RecapCaucus,
    RecapCaucusSide,
    RecapInfoRequest,
    RecapNextSession,
)
from models.rules import is_overdue, request_age_days
from models.vocabulary import CaucusSide

if TYPE_CHECKING:
    from models.domain import Caucus, Session
    from models.store import Store

_Local = Callable[[datetime], datetime]


def _caucus(
    c: Caucus, session_end: datetime, *, running: bool, team: bool, local: _Local
) -> RecapCaucus:
    end = c.ended_at or session_end
    overrun = max(end - c.due_back, timedelta(0)) if c.ended_at or running else timedelta(0)
    return RecapCaucus(
        id=c.id,
        side=c.side,
        started_at=local(c.started_at),
        due_back=local(c.due_back),
        ended_at=local(c.ended_at) if c.ended_at else None,
        planned_minutes=c.minutes,
        extended_minutes=c.extended_minutes,
        minutes=_minutes(max(end - c.started_at, timedelta(0))),
        overrun_minutes=_minutes(overrun),
        returned=c.ended_at is not None or running,
        still_out=c.ended_at is None and running,
        purpose=c.purpose if team else "",
    )


def _caucus_sides(caucuses: Sequence[RecapCaucus]) -> tuple[RecapCaucusSide, ...]:
    sides = []
    for side in (CaucusSide.UNION, CaucusSide.EMPLOYER, CaucusSide.JOINT):
        mine = [c for c in caucuses if c.side is side]
        if not mine:
            continue
        sides.append(
            RecapCaucusSide(
                side=side,
                count=len(mine),
                minutes=sum(c.minutes for c in mine),
                overruns=sum(1 for c in mine if c.overrun_minutes > 0),
                overrun_minutes=sum(c.overrun_minutes for c in mine),
                not_returned=sum(1 for c in mine if not c.returned),
                still_out=sum(1 for c in mine if c.still_out),
            )
        )
    return tuple(sides)


def _requests(
    store: Store,
    target: Session,
    started_no_later: set[int],
    as_of: datetime,
    local: _Local,
) -> tuple[tuple[RecapInfoRequest, ...], tuple[RecapInfoRequest, ...]]:
    assert target.started_at is not None
    today = local(as_of).date()
    # A session's day is the day it started: one that crosses midnight is not two days, so
    # ages are counted to that day (what is overdue still follows the calendar).
    session_day = local(target.started_at).date()
    answered: list[RecapInfoRequest] = []
    still_open: list[RecapInfoRequest] = []
    for r in store.info_requests():
        if r.session not in started_no_later:
            continue
        if r.answered_at is None:
            answered_then = False
        elif r.answered_session is not None:
            answered_then = r.answered_session in started_no_later
        else:
            answered_then = r.answered_at <= as_of
        answered_today = answered_then and (
            r.answered_session == target.number
            if r.answered_session is not None
            else r.answered_at is not None and r.answered_at >= target.started_at
        )
        if answered_then and not answered_today:
            continue  # answered in an earlier session: not news, not open
        made = local(r.at)
        overdue = is_overdue(r.due, answered_then, today)
        item = RecapInfoRequest(
            id=r.id,
            by=r.by,
            text=r.text,
            made_at=made,
            made_session=r.session,
            due=r.due,
            answered_at=local(r.answered_at) if answered_then and r.answered_at else None,
            answered_today=answered_today,
            age_days=0
            if r.session == target.number
            else request_age_days(made.date(), session_day),
            overdue=overdue,
            days_overdue=(today - r.due).days if overdue and r.due else 0,
        )
        (answered if answered_today else still_open).append(item)
    return tuple(answered), tuple(still_open)


def _next_session(
    sessions: Sequence[Session], target: Session, local: _Local
) -> RecapNextSession | None:
    named = (
        [s for s in sessions if s.number != target.number and s.starts == target.next.starts]
        if target.next is not None
        else []
    )
    if target.next is not None and not any(s.cancelled for s in named):
        number = named[0].number if named else None
        return RecapNextSession(
            number=number, starts=local(target.next.starts), location=target.next.location
        )
    later = [
        s
        for s in sessions
        if s.started_at is None
        and not s.cancelled
        and s.number != target.number
        and s.starts > target.starts
    ]
    if not later:
        return None
    upcoming = min(later, key=lambda s: (s.starts, s.number))
    return RecapNextSession(
        number=upcoming.number, starts=local(upcoming.starts), location=upcoming.location
    )


def _minutes(delta: timedelta) -> int:
    return int((delta.total_seconds() + 30) // 60)


def _union_length(
    spans: Iterable[tuple[datetime, datetime]], low: datetime, high: datetime
) -> timedelta:
    """The time covered by any of the spans, clipped to [low, high]."""
    clipped = sorted((max(a, low), min(b, high)) for a, b in spans if min(b, high) > max(a, low))
    total = timedelta(0)
    current: tuple[datetime, datetime] | None = None
    for start, end in clipped:
        if current is None or start > current[1]:
            if current is not None:
                total += current[1] - current[0]
            current = (start, end)
        else:
            current = (current[0], max(current[1], end))
    if current is not None:
        total += current[1] - current[0]
    return total


def without_lead_in(summary: str, names: Iterable[str]) -> str:
    """What a TA agreed, without its article named again in front of it ("Professional
    Development: Professional Development: ..."): a lead-in before a colon that contains one
    of `names` (the first article's number, its title as typed and as translated) is left out,
    so a summary typed in English loses it in a Spanish recap too."""
    text = summary.strip()
    head, colon, rest = text.partition(":")
    if not colon or len(head) > 80 or not rest.strip():
        return text
    named = head.casefold()
    if any(name and name.casefold() in named for name in names):
        return rest.strip()
    return text
