"""The rules of the table as plain functions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from models.domain import (
    ArticleStatus,
    NoteKind,
    Party,
    Proposal,
    ProposalKind,
    ProposalStatus,
)
from models.errors import DomainError
from models.note_rules import parse_note_line
from models.rules import (
    Agreement,
    caucus_due_back,
    caucus_overrun,
    caucus_warning,
    describe_numbers,
    is_overdue,
    natural_key,
    proposal_statuses,
    standing_of,
)
from models.timeutil import format_duration, parse_instant, parse_minutes

T0 = datetime(2026, 3, 22, 23, 0, tzinfo=UTC)


def move(
    seq: int,
    side: Party,
    *articles: str,
    kind: ProposalKind = ProposalKind.COUNTER,
    withdrawn: bool = False,
) -> Proposal:
    moment = T0 + timedelta(minutes=seq)
    return Proposal(
        id=f"p{seq}",
        session=1,
        by=side,
        articles=articles,
        label=f"P{seq}",
        kind=kind,
        at=moment,
        withdrawn_at=moment if withdrawn else None,
        seq=seq,
    )


U, E = Party.UNION, Party.EMPLOYER


def test_package_countered_on_one_article_splits_the_holders() -> None:
    standings = standing_of([move(1, U, "3", "4", kind=ProposalKind.PACKAGE), move(2, E, "3")], [])
    assert standings["3"].holder is U
    assert standings["4"].holder is E
    assert standings["3"].holding_since == T0 + timedelta(minutes=2)
    assert standings["3"].last_proposal == "P2"


def test_supposal_never_changes_a_holder() -> None:
    standings = standing_of([move(1, U, "5"), move(2, E, "5", kind=ProposalKind.SUPPOSAL)], [])
    assert standings["5"].holder is E
    assert standings["5"].last_proposal == "P1"


def test_article_touched_only_by_a_supposal_is_not_opened() -> None:
    assert "7" not in standing_of([move(1, U, "7", kind=ProposalKind.SUPPOSAL)], [])


def test_withdrawn_latest_proposal_hands_back_to_the_earlier_one() -> None:
    standings = standing_of([move(1, U, "2"), move(2, E, "2", withdrawn=True)], [])
    assert standings["2"].holder is E


def test_every_proposal_withdrawn_leaves_the_article_open_with_no_holder() -> None:
    standing = standing_of([move(1, U, "2", withdrawn=True)], [])["2"]
    assert standing.status is ArticleStatus.OPEN
    assert standing.holder is None


def test_nobody_holds_a_tad_article() -> None:
    standing = standing_of([move(1, U, "2")], [Agreement(2, ("2",))])["2"]
    assert standing.status is ArticleStatus.TA
    assert standing.holder is None and standing.holding_since is None


def test_proposal_statuses_follow_the_journal() -> None:
    moves = [
        move(1, U, "3", "4", kind=ProposalKind.PACKAGE),
        move(2, E, "3"),
        move(3, U, "9"),
        move(4, E, "9", kind=ProposalKind.SUPPOSAL),
        move(5, U, "6", withdrawn=True),
        move(7, E, "8"),
    ]
    statuses = proposal_statuses(moves, [Agreement(6, ("8",), None)])
    assert statuses[1] is ProposalStatus.ANSWERED
    assert statuses[2] is ProposalStatus.STANDING
    assert statuses[3] is ProposalStatus.STANDING  # a supposal answers nothing
    assert statuses[5] is ProposalStatus.WITHDRAWN
    assert statuses[7] is ProposalStatus.STANDING  # the TA came before it


def test_a_ta_on_a_package_agrees_the_package() -> None:
    moves = [move(1, U, "3", "4", kind=ProposalKind.PACKAGE)]
    assert proposal_statuses(moves, [Agreement(2, ("3", "4"), 1)])[1] is ProposalStatus.AGREED


def test_caucus_clock() -> None:
    due = caucus_due_back(T0, 20, [(T0 + timedelta(minutes=1), 10), (T0 + timedelta(minutes=2), 5)])
    assert due == T0 + timedelta(minutes=35)
    assert not caucus_warning(due, T0)
    assert caucus_warning(due, due - timedelta(minutes=4))
    assert not caucus_warning(due, due + timedelta(seconds=1))
    assert caucus_overrun(due, None, due + timedelta(minutes=12, seconds=30)) == timedelta(
        minutes=12, seconds=30
    )
    assert caucus_overrun(due, due - timedelta(minutes=1), due + timedelta(hours=1)) == timedelta(0)
    assert format_duration(timedelta(minutes=12, seconds=30)) == "12:30"
    assert format_duration(timedelta(hours=1, minutes=5)) == "1:05:00"


def test_information_request_is_overdue_from_the_next_day() -> None:
    due = date(2026, 3, 17)
    assert not is_overdue(due, False, date(2026, 3, 17))
    assert is_overdue(due, False, date(2026, 3, 18))
    assert not is_overdue(due, True, date(2026, 3, 30))
    assert not is_overdue(None, False, date(2030, 1, 1))


def test_article_numbers_sort_naturally() -> None:
    numbers = ["10", "2", "Appendix A", "12.3", "12", "1", "MOU Distance Learning", "12.10"]
    assert sorted(numbers, key=natural_key) == [
        "1",
        "2",
        "10",
        "12",
        "12.3",
        "12.10",
        "Appendix A",
        "MOU Distance Learning",
    ]


def test_numbers_are_described_as_runs() -> None:
    numbers = [str(n) for n in range(1, 14)] + ["Appendix A"]
    assert describe_numbers(numbers) == "1-13, Appendix A"
    assert describe_numbers([]) == "none yet"


@pytest.mark.parametrize(
    ("typed", "minutes"), [("20", 20), ("20m", 20), ("1h30", 90), ("1h 30m", 90), ("2h", 120)]
)
def test_durations(typed: str, minutes: int) -> None:
    assert parse_minutes(typed) == minutes


@pytest.mark.parametrize("typed", ["", "abc", "20x", "-5", "1.5h"])
def test_bad_durations_are_refused(typed: str) -> None:
    with pytest.raises(DomainError, match="not a duration"):
        parse_minutes(typed)


def test_naive_and_impossible_times_are_refused() -> None:
    with pytest.raises(DomainError, match="no UTC offset"):
        parse_instant("2026-03-22T16:30:00")
    with pytest.raises(DomainError, match="not an ISO 8601 time"):
        parse_instant("2026-02-30T16:30:00-08:00")


def test_note_line_marks() -> None:
    assert parse_note_line('"Ana Ruiz: We will not move') == (
        NoteKind.QUOTE,
        "We will not move",
        "Ana Ruiz",
    )
    assert parse_note_line('"Nobody said who"') == (NoteKind.QUOTE, "Nobody said who", "")
    assert parse_note_line("! send the budget") == (NoteKind.ACTION, "send the budget", "")
    assert parse_note_line("plain") == (NoteKind.NOTE, "plain", "")
