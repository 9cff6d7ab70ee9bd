"""What the console picks out of the store's records: which proposals are on the table, which
sessions are waiting to start, which sides are out.

Plain functions on the records the store returns (no store, no screen), so a screen, a dialog
and the command line that ask the same question get the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from models.domain import (
    TA,
    AgendaItem,
    AgendaStatus,
    Caucus,
    CaucusSide,
    Proposal,
    ProposalStatus,
    Session,
)
from models.rules import is_overdue

ON_THE_TABLE = frozenset({ProposalStatus.STANDING, ProposalStatus.ANSWERED})
"""The statuses of a proposal still on the table (agreed and withdrawn ones are off it)."""


def on_the_table(proposals: Iterable[Proposal]) -> list[Proposal]:
    """The proposals still on the table, in the order given: standing or answered, and not
    withdrawn (the ones a side can still withdraw)."""
    return [p for p in proposals if p.withdrawn_at is None and p.status in ON_THE_TABLE]


def waiting_sessions(sessions: Iterable[Session]) -> list[Session]:
    """The scheduled sessions not yet started, in the order given (the store's: by number)."""
    return [s for s in sessions if s.started_at is None]


def next_waiting_session(sessions: Iterable[Session]) -> Session | None:
    """The first scheduled session not yet started, if any: the one `s` offers to start."""
    return next(iter(waiting_sessions(sessions)), None)


def sides_out(caucuses: Iterable[Caucus]) -> set[CaucusSide]:
    """The sides (union, employer, joint) whose caucus is still open."""
    return {caucus.side for caucus in caucuses if caucus.open}


def latest_ta(tas: Sequence[TA]) -> TA | None:
    """The last TA signed, in journal order (the store's order for `tas()`), if any."""
    return tas[-1] if tas else None


def overdue_count(dues: Iterable[date | None], today: date) -> int:
    """How many of these open requests' due dates (None: no due date) are past `today`."""
    return sum(1 for due in dues if is_overdue(due, False, today))


def has_active_item(items: Iterable[AgendaItem]) -> bool:
    """Whether an agenda item is under way (its minutes are counting)."""
    return any(item.status is AgendaStatus.ACTIVE for item in items)
