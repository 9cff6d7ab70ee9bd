"""What the console picks out of the store's records, as plain functions on records."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from models.domain import (
    TA,
    AgendaItem,
    AgendaStatus,
    Caucus,
    CaucusSide,
    Party,
    Proposal,
    ProposalKind,
    ProposalStatus,
    Session,
)
from models.filters import (
    has_active_item,
    latest_ta,
    next_waiting_session,
    on_the_table,
    overdue_count,
    sides_out,
    waiting_sessions,
)

T0 = datetime(2026, 3, 22, 23, 0, tzinfo=UTC)


def proposal(label: str, status: ProposalStatus, *, withdrawn: bool = False) -> Proposal:
    return Proposal(
        id=label,
        session=1,
        by=Party.UNION,
        articles=("3",),
        label=label,
        kind=ProposalKind.COUNTER,
        at=T0,
        status=status,
        withdrawn_at=T0 if withdrawn else None,
    )


def test_on_the_table_is_standing_or_answered_and_not_withdrawn() -> None:
    proposals = [
        proposal("standing", ProposalStatus.STANDING),
        proposal("answered", ProposalStatus.ANSWERED),
        proposal("withdrawn", ProposalStatus.WITHDRAWN, withdrawn=True),
        proposal("agreed", ProposalStatus.AGREED),
        # A withdrawal is what takes a proposal off the table, whatever status it was read with.
        proposal("answered then withdrawn", ProposalStatus.ANSWERED, withdrawn=True),
    ]
    assert [p.label for p in on_the_table(proposals)] == ["standing", "answered"]
    assert on_the_table([]) == []


def session(number: int, *, started: bool = False, ended: bool = False) -> Session:
    return Session(
        number=number,
        starts=T0 + timedelta(days=number),
        started_at=T0 if started else None,
        ended_at=T0 + timedelta(hours=3) if ended else None,
    )


def test_waiting_sessions_are_the_scheduled_ones_not_yet_started_in_order() -> None:
    sessions = [session(1, started=True, ended=True), session(2, started=True), session(3)]
    sessions.append(session(4))
    assert [s.number for s in waiting_sessions(sessions)] == [3, 4]
    next_one = next_waiting_session(sessions)
    assert next_one is not None and next_one.number == 3
    assert next_waiting_session(sessions[:2]) is None
    assert waiting_sessions([]) == []


def caucus(side: CaucusSide, *, ended: bool = False) -> Caucus:
    return Caucus(
        id=str(side),
        session=1,
        side=side,
        minutes=10,
        started_at=T0,
        due_back=T0 + timedelta(minutes=10),
        ended_at=T0 + timedelta(minutes=5) if ended else None,
    )


def test_sides_out_are_the_sides_of_the_caucuses_still_open() -> None:
    caucuses = [caucus(CaucusSide.UNION), caucus(CaucusSide.EMPLOYER, ended=True)]
    assert sides_out(caucuses) == {CaucusSide.UNION}
    assert sides_out([caucus(CaucusSide.JOINT)]) == {CaucusSide.JOINT}
    assert sides_out([]) == set()


def test_latest_ta_is_the_last_in_journal_order() -> None:
    first = TA(id="a", session=1, articles=("1",), at=T0)
    second = TA(id="b", session=2, articles=("2",), at=T0 - timedelta(minutes=1))
    assert latest_ta([first, second]) is second
    assert latest_ta([]) is None


def test_overdue_count_counts_open_requests_past_their_due_date() -> None:
    today = date(2026, 3, 22)
    late, later = today - timedelta(days=1), today - timedelta(days=9)
    dues = [None, today, late, later, today.replace(day=30)]
    assert overdue_count(dues, today) == 2
    assert overdue_count([], today) == 0


def item(position: int, status: AgendaStatus) -> AgendaItem:
    return AgendaItem(session=1, position=position, title=f"Item {position}", status=status)


def test_has_active_item() -> None:
    assert has_active_item([item(1, AgendaStatus.DONE), item(2, AgendaStatus.ACTIVE)])
    assert not has_active_item([item(1, AgendaStatus.DONE), item(2, AgendaStatus.UPCOMING)])
    assert not has_active_item([])
