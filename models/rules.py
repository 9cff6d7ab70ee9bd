"""The rules of the table as plain functions over plain facts, in journal order.

The store gathers the facts (a `models.domain.Proposal` per proposal, an `Agreement` per TA)
and these functions decide:
whose court each article is in, what each proposal's status is, when a caucus is due back,
and whether an information request is overdue.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from models.vocabulary import ArticleStatus, Party, ProposalKind, ProposalStatus

if TYPE_CHECKING:
    from models.domain import Proposal


class Agreement(NamedTuple):
    """A TA as the rules see it: journal position, articles, the package it comes from."""

    seq: int
    articles: tuple[str, ...]
    proposal_seq: int | None = None


class Standing(NamedTuple):
    """An article's place on the board."""

    status: ArticleStatus
    holder: Party | None
    holding_since: datetime | None
    last_proposal: str


def standing_of(moves: Iterable[Proposal], agreements: Iterable[Agreement]) -> dict[str, Standing]:
    """Each touched article's status and holder, from proposals given in journal order.

    The holder is the other side of the latest proposal touching the article that has not been
    withdrawn (supposals never count); nobody holds a TA'd article; an article whose every
    proposal was withdrawn is open with no holder.
    """
    latest: dict[str, Proposal] = {}
    touched: dict[str, str] = {}
    for move in moves:
        if move.kind is ProposalKind.SUPPOSAL:
            continue
        for number in move.articles:
            touched[number] = move.label
            if not move.withdrawn:
                latest[number] = move
    agreed = {number for agreement in agreements for number in agreement.articles}
    return standings_from(
        touched, {number: (move.by, move.at) for number, move in latest.items()}, agreed
    )


def standings_from(
    last_labels: Mapping[str, str],
    latest: Mapping[str, tuple[Party, datetime]],
    agreed: Collection[str],
) -> dict[str, Standing]:
    """The board's standings from, per article: the label of the latest proposal touching it
    (supposals aside), the side and instant of the latest of those not withdrawn, and whether
    a TA covers it. `standing_of` finds these by walking the moves; the store asks SQLite."""
    standings: dict[str, Standing] = {}
    for number in last_labels.keys() | agreed:
        last_label = last_labels.get(number, "")
        if number in agreed:
            standings[number] = Standing(ArticleStatus.TA, None, None, last_label)
        elif number in latest:
            side, at = latest[number]
            standings[number] = Standing(ArticleStatus.OPEN, side.other, at, last_label)
        else:
            standings[number] = Standing(ArticleStatus.OPEN, None, None, last_label)
    return standings


def proposal_statuses(
    moves: Sequence[Proposal], agreements: Sequence[Agreement]
) -> dict[int, ProposalStatus]:
    """Each proposal's status, walking the journal in order.

    A proposal stands until the other side passes a proposal touching any of its articles
    (answered), a TA covers it (agreed), or it is withdrawn (withdrawn). A supposal answers
    nothing. Standing proposals are indexed by article, so this is linear in the journal.
    """
    status: dict[int, ProposalStatus] = {}
    timeline: list[Proposal | Agreement] = sorted([*moves, *agreements], key=lambda item: item.seq)
    standing_on: dict[str, list[Proposal]] = {}

    def settle(numbers: Iterable[str], outcome: ProposalStatus, unless_side: Party | None) -> None:
        for number in numbers:
            still = []
            for earlier in standing_on.get(number, ()):
                if status[earlier.seq] is not ProposalStatus.STANDING:
                    continue
                if earlier.by is unless_side:
                    still.append(earlier)
                    continue
                status[earlier.seq] = outcome
            standing_on[number] = still

    for item in timeline:
        if not isinstance(item, Agreement):
            if item.kind is not ProposalKind.SUPPOSAL:
                settle(item.articles, ProposalStatus.ANSWERED, unless_side=item.by)
            status[item.seq] = ProposalStatus.STANDING
            for number in item.articles:
                standing_on.setdefault(number, []).append(item)
        else:
            if item.proposal_seq is not None and status.get(item.proposal_seq) is (
                ProposalStatus.STANDING
            ):
                status[item.proposal_seq] = ProposalStatus.AGREED
            settle(item.articles, ProposalStatus.AGREED, unless_side=None)
    for move in moves:
        if move.withdrawn:
            status[move.seq] = ProposalStatus.WITHDRAWN
    return status


def caucus_due_back(
    started: datetime, minutes: int, extensions: Iterable[tuple[datetime, int]]
) -> datetime:
    """The instant a caucus is due back: start + minutes, then each extension, given as the
    instant it was recorded and its minutes, in order (DESIGN.md, "Overdue extension"): the
    later of the due time so far and the extension's instant, plus its minutes. Ten more
    minutes for a caucus already overdue run from when they were given, not from the old due
    time."""
    due = started + timedelta(minutes=minutes)
    for at, added in extensions:
        due = max(due, at) + timedelta(minutes=added)
    return due


def caucus_remaining(due_back: datetime, now: datetime) -> timedelta:
    """Time left before a caucus is due back; negative once it runs over."""
    return due_back - now


def caucus_overrun(due_back: datetime, ended: datetime | None, now: datetime) -> timedelta:
    """How long a caucus ran (or is running) past its due-back instant; zero if it did not."""
    end = ended or now
    return max(end - due_back, timedelta(0))


CAUCUS_WARNING = timedelta(minutes=5)


def caucus_warning(due_back: datetime, now: datetime) -> bool:
    """True in the last five minutes before a caucus is due back."""
    return timedelta(0) < due_back - now <= CAUCUS_WARNING


def is_overdue(due: date | None, answered: bool, today: date) -> bool:
    """An open information request is overdue from the day after its due date."""
    return due is not None and not answered and today > due


def request_age_days(made: date, until: date) -> int:
    """Whole days an information request has been waiting."""
    return max((until - made).days, 0)


_DIGITS = frozenset("0123456789")


def natural_key(number: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for article numbers: 2 before 10, 12.3 after 12, words after numbers.

    Total over every string: only the ASCII digits 0-9 make a number (article numbers are
    NFKC-normalised when typed, so `１２` is already 12; digits of other scripts sort as
    words), and two numbers that differ only in case or leading zeros are ordered by their
    text, so a sort never depends on the order it was given.
    """
    parts: list[tuple[int, int | str]] = []
    token = ""
    digits = False
    for char in number.lower():
        is_digit = char in _DIGITS
        if is_digit != digits and token:
            parts.append((0, int(token)) if digits else (1, token))
            token = ""
        digits = is_digit
        token += char
    if token:
        parts.append((0, int(token)) if digits else (1, token))
    if parts and parts[0][0] == 1:
        parts.insert(0, (2, 0))
    parts.append((-1, number))
    return tuple(parts)


def _whole_number(number: str) -> bool:
    return bool(number) and all(char in _DIGITS for char in number)


def describe_numbers(numbers: Sequence[str], limit: int = 12) -> str:
    """A short list of article numbers for a message: runs of whole numbers collapsed (1-13)."""
    ordered = sorted(numbers, key=natural_key)
    pieces: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            pieces.append(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}")
            run.clear()

    for number in ordered:
        if _whole_number(number) and (not run or int(number) == run[-1] + 1):
            run.append(int(number))
            continue
        flush()
        if _whole_number(number):
            run.append(int(number))
        else:
            pieces.append(number)
    flush()
    if len(pieces) > limit:
        return ", ".join(pieces[:limit]) + f" and {len(pieces) - limit} more"
    return ", ".join(pieces) if pieces else "none yet"
