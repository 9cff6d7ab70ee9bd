"""What the console picks out of the store's records, as plain functions on records."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from models.domain import (
    TA,
    AgendaItem,
    AgendaStatus,
    ArticleStatus,
    BoardRow,
    Campaign,
    Caucus,
    CaucusSide,
    Party,
    PartyInfo,
    Proposal,
    ProposalKind,
    ProposalStatus,
    Session,
)
from models.filters import (
    describe_board_filter,
    filter_board,
    has_active_item,
    latest_ta,
    next_waiting_session,
    on_the_table,
    overdue_count,
    parse_board_filter,
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


# ---------------------------------------------------------------------- the board's filter

CAMPAIGN = Campaign(
    union=PartyInfo("Riverside Educators Association", "REA"),
    employer=PartyInfo("Riverside Unified School District", "RUSD"),
    timezone="America/Los_Angeles",
)
BOARD = [
    BoardRow("1", "Recognition", ArticleStatus.TA),
    BoardRow("8", "Class Size", ArticleStatus.OPEN, Party.UNION),
    BoardRow("12", "Safety", ArticleStatus.OPEN, Party.EMPLOYER),
    BoardRow("13", "Special Education class caps", ArticleStatus.OPEN, Party.EMPLOYER),
    BoardRow("20", "Open Enrollment", ArticleStatus.NOT_OPENED),
    BoardRow("21", "Transfers", ArticleStatus.OPEN),  # every proposal withdrawn: no holder
]


def numbers(text: str, campaign: Campaign | None = CAMPAIGN) -> list[str]:
    return [row.number for row in filter_board(BOARD, parse_board_filter(text, campaign))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["1", "8", "12", "13", "20", "21"]),
        ("open", ["8", "12", "13", "21"]),
        ("OPEN", ["8", "12", "13", "21"]),
        ("not opened", ["20"]),
        ("Not Open", ["20"]),
        ("unopened", ["20"]),
        ("ta", ["1"]),
        ("TA'd", ["1"]),
        ("TA’d", ["1"]),
        ("ours", ["8"]),
        ("our court", ["8"]),
        ("in our court", ["8"]),
        ("In Ours", ["8"]),
        ("theirs", ["12", "13"]),
        ("their court", ["12", "13"]),
        ("in their court", ["12", "13"]),
        ("in theirs", ["12", "13"]),
        ("RUSD", ["12", "13"]),  # the articles RUSD must answer
        ("rusd", ["12", "13"]),
        ("rea", ["8"]),
        ("open ta", ["1", "8", "12", "13", "21"]),  # two statuses widen
        ("ours theirs", ["8", "12", "13"]),
        ("open ours", ["8"]),  # a status and a holder narrow
        ("ta ours", []),
    ],
)
def test_board_filter_words(text: str, expected: list[str]) -> None:
    assert numbers(text) == expected


def test_board_filter_text_is_number_and_title_only() -> None:
    assert numbers("class") == ["8", "13"]
    assert numbers("CLASS") == ["8", "13"]
    assert numbers("12") == ["12"]
    assert numbers("special caps") == ["13"]  # every word, anywhere in number or title
    assert numbers("employer") == []  # a holder's word is not in any title
    assert numbers("'open'") == ["20"]  # quoted: text, even a word the filter knows
    assert numbers("theirs class") == ["13"]
    assert numbers("in their court class") == ["13"]
    assert numbers("open class ours") == ["8"]


def test_board_filter_follows_our_side() -> None:
    employer_side = CAMPAIGN._replace(our_side=Party.EMPLOYER)
    assert numbers("ours", employer_side) == ["12", "13"]
    assert numbers("theirs", employer_side) == ["8"]
    assert numbers("ours", None) == ["8"]  # no campaign yet: the union's side


def test_board_filter_says_what_it_understood() -> None:
    def reads(text: str) -> str:
        return describe_board_filter(parse_board_filter(text, CAMPAIGN), CAMPAIGN)

    assert reads("ours class") == "in our court (REA) · 'class'"
    assert reads("RUSD") == "in their court (RUSD)"
    assert reads("Open ta  safety zone") == "open · TA'd · 'safety zone'"
    assert reads("not opened") == "not opened"
    assert reads("") == ""
    assert parse_board_filter("  ", CAMPAIGN).empty
    assert not parse_board_filter("x", CAMPAIGN).empty
