"""What the console picks out of the store's records: which proposals are on the table, which
sessions are waiting to start, which sides are out.

Plain functions on the records the store returns (no store, no screen), so a screen, a dialog
and the command line that ask the same question get the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

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
    """The scheduled sessions not yet started nor cancelled, in the order given (the
    store's: by number)."""
    return [s for s in sessions if s.started_at is None and s.cancelled_at is None]


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


def active_item(items: Iterable[AgendaItem]) -> AgendaItem | None:
    """The agenda item under way, if any (the one ending the session closes)."""
    return next((item for item in items if item.status is AgendaStatus.ACTIVE), None)


# ---------------------------------------------------------------------- the board's filter

STATUS_PHRASES: dict[str, ArticleStatus] = {
    "not opened": ArticleStatus.NOT_OPENED,
    "not open": ArticleStatus.NOT_OPENED,
    "unopened": ArticleStatus.NOT_OPENED,
    "open": ArticleStatus.OPEN,
    "ta": ArticleStatus.TA,
    "ta'd": ArticleStatus.TA,
    "tad": ArticleStatus.TA,
    "tas": ArticleStatus.TA,
}
"""Words of the board filter that pick articles by status (casefolded)."""
OUR_PHRASES = ("in our court", "our court", "in ours", "ours")
THEIR_PHRASES = ("in their court", "their court", "in theirs", "theirs")
STATUS_NAMES = {
    ArticleStatus.NOT_OPENED: "not opened",
    ArticleStatus.OPEN: "open",
    ArticleStatus.TA: "TA'd",
}


@dataclass(frozen=True)
class BoardQuery:
    """What a board filter asks for: any of `statuses` (empty: any status), held by any of
    `holders` (empty: anyone, or no one), and every word of `words` in number or title."""

    statuses: frozenset[ArticleStatus] = frozenset()
    holders: frozenset[Party] = frozenset()
    words: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.statuses or self.holders or self.words)


def _phrases(campaign: Campaign | None) -> list[tuple[tuple[str, ...], ArticleStatus | Party]]:
    """Every phrase the filter understands, as words, longest first."""
    ours = campaign.our_side if campaign else Party.UNION
    table: dict[str, ArticleStatus | Party] = dict(STATUS_PHRASES)
    table.update(dict.fromkeys(OUR_PHRASES, ours))
    table.update(dict.fromkeys(THEIR_PHRASES, ours.other))
    if campaign is not None:
        for party in Party:
            short = campaign.short(party).casefold()
            if short:
                table[short] = party
    phrases = [(tuple(phrase.split()), meaning) for phrase, meaning in table.items()]
    return sorted(phrases, key=lambda item: -len(item[0]))


def parse_board_filter(text: str, campaign: Campaign | None) -> BoardQuery:
    """Read a board filter, case-insensitively: status words ("open", "not opened", "TA'd"),
    holders ("ours", "in our court", "theirs", "their court", or a party's short name: the
    articles that party must answer), and, for anything else, text to find in the article's
    number or title (a quoted word is always text: `'open'`). Words of one kind widen
    (`open ta`), kinds narrow each other."""
    tokens = text.replace("’", "'").casefold().split()
    phrases = _phrases(campaign)
    statuses: set[ArticleStatus] = set()
    holders: set[Party] = set()
    words: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if len(token) > 2 and token[0] == token[-1] and token[0] in "'\"":
            words.append(token[1:-1])  # quoted: text, even a word the filter knows
            index += 1
            continue
        for phrase, meaning in phrases:
            if tuple(tokens[index : index + len(phrase)]) == phrase:
                if isinstance(meaning, Party):
                    holders.add(meaning)
                else:
                    statuses.add(meaning)
                index += len(phrase)
                break
        else:
            words.append(token)
            index += 1
    return BoardQuery(frozenset(statuses), frozenset(holders), tuple(words))


def board_row_matches(row: BoardRow, query: BoardQuery) -> bool:
    """Whether an article of the board passes the filter."""
    if query.statuses and row.status not in query.statuses:
        return False
    if query.holders and row.holder not in query.holders:
        return False
    haystack = f"{row.number} {row.title}".casefold()
    return all(word in haystack for word in query.words)


def filter_board(rows: Iterable[BoardRow], query: BoardQuery) -> list[BoardRow]:
    """The articles that pass the filter, in the order given."""
    return [row for row in rows if board_row_matches(row, query)]


def describe_board_filter(query: BoardQuery, campaign: Campaign | None) -> str:
    """What the filter understood, in the board's words: "in our court · 'class'"."""
    ours = campaign.our_side if campaign else Party.UNION
    parts = [name for status, name in STATUS_NAMES.items() if status in query.statuses]
    for party in Party:
        if party in query.holders:
            court = "in our court" if party is ours else "in their court"
            short = campaign.short(party) if campaign else ""
            parts.append(f"{court} ({short})" if short else court)
    if query.words:
        parts.append(f"'{' '.join(query.words)}'")
    return " · ".join(parts)
