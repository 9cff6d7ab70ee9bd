"""The money, side by side: each numeric term's positions, the gap, and how each side moved.

A proposal's `terms` ({name: number}) are positions on numeric items. For each item, each
side's position is the number in its latest proposal on the record that names the item: no
supposal (the store's read leaves them out), nothing undone or withdrawn, and nothing
embargoed unless the audience is the team (members never see an embargoed proposal's terms,
whatever the ground rules). The gap is the distance between the two positions; with the
term's `cost_per_unit` it is also money. Movement is the change since the end of the previous
session; the series (one value per session, for charts) is each side's position at the end of
each session.

Pure rules over plain records: the store reads `TermMove`s (`Store.term_moves()`), this module
reckons the table. No SQL, no textual.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime
from heapq import heappop, heappush
from typing import TYPE_CHECKING, NamedTuple

from models.vocabulary import Party

if TYPE_CHECKING:
    from models.domain import Session, TermSetting
    from models.store import Store

_DIGITS = 6  # positions are typed numbers; rounding hides float noise (3.3 - 3.0)


class TermMove(NamedTuple):
    """A proposal on the record with terms, as the money table needs it (store read)."""

    id: str
    session: int
    by: Party
    articles: tuple[str, ...]
    embargoed: bool
    terms: Mapping[str, float]
    withdrawn_at: datetime | None


class MoneyTerm(NamedTuple):
    """One numeric item: both sides' positions, the gap, movement and the series."""

    name: str
    label: str
    """The campaign's label for the term, or its name when it has none."""
    unit: str = ""
    cost_per_unit: float | None = None
    better: str = "higher"
    """Which way is better for the union: `higher` or `lower`."""
    ours: float | None = None
    theirs: float | None = None
    gap: float | None = None
    """The distance between the positions (None unless both sides have one)."""
    gap_money: float | None = None
    """The gap times `cost_per_unit` (None without a cost or a gap)."""
    ours_before: float | None = None
    """Our position at the end of the previous session (None: we had none)."""
    theirs_before: float | None = None
    ours_moved: float | None = None
    """The change since the previous session (None: no position then, or none now)."""
    theirs_moved: float | None = None
    ours_series: tuple[float | None, ...] = ()
    """Our position at the end of each session of `MoneyTable.sessions`."""
    theirs_series: tuple[float | None, ...] = ()


class MoneyTable(NamedTuple):
    """Where the money stands as of one session."""

    our_side: Party = Party.UNION
    sessions: tuple[int, ...] = ()
    """The sessions the series run over, in the order they started."""
    previous: int | None = None
    """The session movement is measured against (None: this is the first)."""
    terms: tuple[MoneyTerm, ...] = ()


class SessionEnd(NamedTuple):
    """One session as the table counts it: its number and the instant its positions hold."""

    number: int
    until: datetime


def session_ends(sessions: Sequence[Session], target: int, as_of: datetime) -> list[SessionEnd]:
    """The started sessions up to `target` (in the order they started), each with the instant
    its positions hold: its end, or `as_of` for the target; never later than the next
    session's start (a session that never ended is over when the next one starts), so the
    instants never go back."""
    started = sorted(
        (s for s in sessions if s.started_at is not None),
        key=lambda s: (s.started_at, s.number),
    )
    cut = next((i for i, s in enumerate(started) if s.number == target), len(started) - 1)
    started = started[: cut + 1]
    ends: list[SessionEnd] = []
    for i, s in enumerate(started):
        until = s.ended_at if s.ended_at is not None and s.number != target else as_of
        following = started[i + 1].started_at if i + 1 < len(started) else None
        if following is not None:
            until = min(until, following)
        ends.append(SessionEnd(s.number, min(until, as_of)))
    return ends


def money_table(
    moves: Iterable[TermMove],
    ends: Sequence[SessionEnd],
    settings: Mapping[str, TermSetting],
    our_side: Party,
    *,
    team: bool,
    articles: Collection[str] | None = None,
) -> MoneyTable:
    """The money table at the last of `ends` (see `session_ends`).

    `moves` in the rules' order (later ones win); embargoed ones count only for the team.
    `articles` keeps only the proposals touching one of these articles (an article's history).
    Terms come in the campaign's order, then unnamed ones as they first appear; a term with no
    position on either side is left out.
    """
    if not ends:
        return MoneyTable(our_side=our_side)
    wanted = set(articles) if articles is not None else None
    counted = [
        m
        for m in moves
        if (team or not m.embargoed)
        and m.terms
        and (wanted is None or not wanted.isdisjoint(m.articles))
    ]
    order = {end.number: i for i, end in enumerate(ends)}
    untils = [end.until for end in ends]  # non-decreasing (see session_ends)
    theirs_side = Party.EMPLOYER if our_side is Party.UNION else Party.UNION
    # Each move holds from the session it was passed in to the last session that ended before
    # its withdrawal; per side and term, a session's position is the latest move holding then.
    spans: dict[tuple[Party, str], list[tuple[int, int, int, float]]] = {}
    names: dict[str, None] = dict.fromkeys(settings)
    for k, m in enumerate(counted):
        place = order.get(m.session)
        if place is None:
            continue
        last = len(ends) - 1 if m.withdrawn_at is None else bisect_left(untils, m.withdrawn_at) - 1
        if last < place:
            continue
        for name, value in m.terms.items():
            names.setdefault(name, None)
            spans.setdefault((m.by, name), []).append((place, -k, last, float(value)))
    positions: dict[Party, dict[str, list[float | None]]] = {our_side: {}, theirs_side: {}}
    for (side, name), found in spans.items():
        positions[side][name] = _sweep(found, len(ends))
    first = min(
        (
            i
            for side in positions.values()
            for row in side.values()
            for i, value in enumerate(row)
            if value is not None
        ),
        default=len(ends) - 1,
    )
    last = len(ends) - 1
    terms: list[MoneyTerm] = []
    for name in names:
        ours_row = positions[our_side].get(name, [None] * len(ends))
        theirs_row = positions[theirs_side].get(name, [None] * len(ends))
        ours, theirs = ours_row[last], theirs_row[last]
        if ours is None and theirs is None:
            continue
        setting = settings.get(name)
        cost = setting.cost_per_unit if setting is not None else None
        gap = _round(abs(ours - theirs)) if ours is not None and theirs is not None else None
        before = last - 1
        ours_before = ours_row[before] if before >= 0 else None
        theirs_before = theirs_row[before] if before >= 0 else None
        terms.append(
            MoneyTerm(
                name=name,
                label=(setting.label if setting is not None else "") or name,
                unit=setting.unit if setting is not None else "",
                cost_per_unit=cost,
                better=setting.better if setting is not None else "higher",
                ours=ours,
                theirs=theirs,
                gap=gap,
                gap_money=_round(gap * cost) if gap is not None and cost is not None else None,
                ours_before=ours_before,
                theirs_before=theirs_before,
                ours_moved=_moved(ours_before, ours),
                theirs_moved=_moved(theirs_before, theirs),
                ours_series=tuple(ours_row[first:]),
                theirs_series=tuple(theirs_row[first:]),
            )
        )
    return MoneyTable(
        our_side=our_side,
        sessions=tuple(end.number for end in ends[first:]) if terms else (),
        previous=ends[-2].number if len(ends) > 1 and terms else None,
        terms=tuple(terms),
    )


def _sweep(spans: list[tuple[int, int, int, float]], count: int) -> list[float | None]:
    """Per session, the value of the latest span (lowest `-k`) covering it: (first, -k, last,
    value) spans swept once with a heap, so many sessions and moves stay cheap."""
    by_start: dict[int, list[tuple[int, int, int, float]]] = {}
    for span in spans:
        by_start.setdefault(span[0], []).append(span)
    heap: list[tuple[int, int, float]] = []
    row: list[float | None] = []
    for i in range(count):
        for _, key, last, value in by_start.get(i, ()):
            heappush(heap, (key, last, value))
        while heap and heap[0][1] < i:
            heappop(heap)
        row.append(heap[0][2] if heap else None)
    return row


def _moved(before: float | None, now: float | None) -> float | None:
    return _round(now - before) if before is not None and now is not None else None


def _round(value: float) -> float:
    rounded = round(value, _DIGITS)
    return 0.0 if rounded == 0 else rounded  # no "-0"


def article_money(store: Store, number: str, now: datetime) -> MoneyTable:
    """The team's money table for one article's proposals, as of `now` (the article history's
    chart): the latest started session is the last of the series."""
    campaign = store.campaign()
    sessions = store.sessions()
    started = [s for s in sessions if s.started_at is not None]
    if campaign is None or not started:
        return MoneyTable()
    latest = max(started, key=lambda s: (s.started_at, s.number))
    return money_table(
        store.term_moves(),
        session_ends(sessions, latest.number, now),
        campaign.terms,
        campaign.our_side,
        team=True,
        articles={number},
    )
