"""The store's reads of the table: proposals, TAs, the board and an article's history."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from models.board import BoardRow, audience_standings, board_rows
from models.errors import DomainError
from models.records import ProposalRecord
from models.rules import (
    Agreement,
    Move,
    proposal_statuses,
    standings_from,
)
from models.store.connection import Connection, Row
from models.store.queries import embargo_rule, instant, titles
from models.timeutil import to_micros
from models.vocabulary import (
    Party,
    ProposalKind,
    ProposalStatus,
)

if TYPE_CHECKING:
    from models.domain import (
        TA,
        Proposal,
    )


_PARTIES = {party.value: party for party in Party}
_KINDS = {kind.value: kind for kind in ProposalKind}


def moves(
    db: Connection, sessions: Collection[int] | None = None, withdrawn_by: datetime | None = None
) -> list[Move]:
    """Active proposals as the rules see them, in journal order.

    `sessions` keeps only those passed in these sessions; `withdrawn_by` counts only the
    withdrawals recorded at or before that instant (a board "as of" a moment).
    """
    sql = "SELECT subject FROM events WHERE type = 'proposal.withdrawn' AND undone = 0" + (
        " AND at_us <= ?" if withdrawn_by is not None else ""
    )
    withdrawn = {
        row[0] for row in db.query(sql, () if withdrawn_by is None else (to_micros(withdrawn_by),))
    }
    rows = db.query(
        "SELECT p.seq, p.side, p.kind, p.at, p.label, a.number, p.session FROM proposals p"
        " JOIN proposal_articles a ON a.proposal = p.seq WHERE p.undone = 0"
        " ORDER BY p.seq, a.position"
    )
    if sessions is not None:
        chosen = set(sessions)
        rows = [row for row in rows if row[6] in chosen]
    moves: list[Move] = []
    numbers: list[str] = []
    previous: Row | None = None
    for row in rows:
        if previous is not None and previous[0] != row[0]:
            moves.append(_move(previous, numbers, withdrawn))
            numbers = []
        numbers.append(row[5])
        previous = row
    if previous is not None:
        moves.append(_move(previous, numbers, withdrawn))
    return moves


def _statuses(db: Connection) -> tuple[dict[int, ProposalStatus], dict[int, Move]]:
    found = moves(db)
    return proposal_statuses(found, agreements(db)), {move.seq: move for move in found}


def agreements(db: Connection, sessions: Collection[int] | None = None) -> list[Agreement]:
    """Active TAs as the rules see them, in journal order (only these sessions' if given)."""
    rows = db.query(
        "SELECT t.seq, t.proposal, t.session, (SELECT group_concat(number, char(31)) FROM"
        " (SELECT number FROM ta_articles WHERE ta = t.seq ORDER BY position))"
        " FROM tas t WHERE t.undone = 0 ORDER BY t.seq"
    )
    chosen = None if sessions is None else set(sessions)
    return [
        Agreement(seq, tuple(numbers.split("\x1f")), proposal)
        for seq, proposal, session, numbers in rows
        if chosen is None or session in chosen
    ]


def proposal_tally(db: Connection, side: Party) -> tuple[int, int]:
    """How many active proposals a side has passed: on the record, and supposals."""
    row = db.one(
        "SELECT coalesce(sum(kind != 'supposal'), 0), coalesce(sum(kind = 'supposal'), 0)"
        " FROM proposals WHERE undone = 0 AND side = ?",
        (Party(side).value,),
    )
    return (int(row[0]), int(row[1])) if row else (0, 0)


def label_taken(db: Connection, label: str) -> bool:
    """Whether an active proposal already has this label (case aside, as the index)."""
    return (
        db.one(
            "SELECT 1 FROM proposals WHERE undone = 0 AND label = ? COLLATE NOCASE LIMIT 1",
            (label,),
        )
        is not None
    )


def embargoed_seqs(db: Connection) -> set[int]:
    """The journal positions of every active embargoed proposal."""
    return {
        int(row[0])
        for row in db.query("SELECT seq FROM proposals WHERE undone = 0 AND embargoed = 1")
    }


def withdrawn_between(db: Connection, start: datetime, end: datetime) -> list[str]:
    """Ids of the proposals whose withdrawal was recorded within [start, end]."""
    return [
        row[0]
        for row in db.query(
            "SELECT p.id FROM events w JOIN events p ON p.seq = w.subject"
            " WHERE w.type = 'proposal.withdrawn' AND w.undone = 0"
            " AND w.at_us BETWEEN ? AND ? ORDER BY w.seq",
            (to_micros(start), to_micros(end)),
        )
    ]


def board(db: Connection, audience: str = "team") -> list[BoardRow]:
    """The article board: every article with its status and whose court it is in, as
    `audience` may see it (`members`: under the ground rules' embargo, by
    `models.board.audience_standings`, the rule the recap's board follows too).

    SQLite finds each article's latest proposal (and latest one not withdrawn) by reading
    its index on article numbers backwards, so the board costs a few rows per article
    however long the journal grows. The standings follow from those by
    `rules.standings_from`, the rule `standing_of` applies to the moves (a test holds the
    two to the same board on every journal it generates).
    """
    if audience not in ("members", "team"):
        raise DomainError(f"audience {audience!r} is not one of: members, team")
    embargoed = embargoed_seqs(db) if audience == "members" else set()
    if embargoed:
        standings = audience_standings(
            moves(db), agreements(db), embargoed, audience, embargo_rule(db)
        )
        return board_rows(titles(db), standings)
    latest = (
        "SELECT p.seq FROM proposal_articles a JOIN proposals p ON p.seq = a.proposal"
        " WHERE a.number = n.number AND p.undone = 0 AND p.kind != 'supposal' {also}"
        " ORDER BY a.proposal DESC LIMIT 1"
    )
    not_withdrawn = (
        "AND p.seq NOT IN (SELECT subject FROM events"
        " WHERE type = 'proposal.withdrawn' AND undone = 0)"
    )
    latest_rows = db.query(
        f"WITH m AS (SELECT n.number, ({latest.format(also='')}) AS touched,"
        f" ({latest.format(also=not_withdrawn)}) AS standing"
        " FROM articles n WHERE n.undone = 0)"
        " SELECT m.number, t.label, s.side, s.at FROM m"
        " JOIN proposals t ON t.seq = m.touched LEFT JOIN proposals s ON s.seq = m.standing"
    )
    last_labels = {number: label for number, label, _side, _at in latest_rows}
    latest_moves = {
        number: (_PARTIES[side], at) for number, _label, side, at in latest_rows if side is not None
    }
    agreed = {
        row[0]
        for row in db.query(
            "SELECT DISTINCT a.number FROM ta_articles a JOIN tas t ON t.seq = a.ta"
            " WHERE t.undone = 0"
        )
    }
    return board_rows(titles(db), standings_from(last_labels, latest_moves, agreed))


def proposals(
    db: Connection, session: int | None = None, *, ids: Collection[str] | None = None
) -> list[Proposal]:
    """Proposals (all, one session's, or those with these ids) in journal order, each with
    its status (which depends on the whole journal)."""
    from models.domain import Proposal

    statuses, by_seq = db.cached("statuses", lambda: _statuses(db))
    where = "p.undone = 0"
    params: list[object] = []
    if session is not None:
        where += " AND p.session = ?"
        params.append(session)
    if ids is not None:
        wanted = list(ids)
        where += f" AND e.id IN ({','.join('?' * len(wanted))})"
        params += wanted
    rows = db.query(
        "SELECT p.seq, e.id, p.session, p.summary, p.internal_note, p.embargoed, p.link,"
        " p.terms, (SELECT w.at FROM events w WHERE w.type = 'proposal.withdrawn'"
        "  AND w.subject = p.seq AND w.undone = 0) FROM proposals p JOIN events e"
        f" ON e.seq = p.seq WHERE {where} ORDER BY p.seq",
        params,
    )
    result = []
    for seq, event_id, number, summary, note, embargoed, link, terms, withdrawn in rows:
        move = by_seq[seq]
        result.append(
            Proposal(
                id=event_id,
                session=number,
                by=move.side,
                articles=move.articles,
                label=move.label,
                kind=move.kind,
                at=instant(move.at),
                summary=summary,
                internal_note=note,
                embargoed=bool(embargoed),
                link=link,
                terms=json.loads(terms),
                status=statuses.get(seq, ProposalStatus.STANDING),
                withdrawn_at=instant(withdrawn) if withdrawn else None,
            )
        )
    return result


def proposal_records(
    db: Connection, session: int | None = None, *, ids: Collection[str] | None = None
) -> list[ProposalRecord]:
    """`proposals()` as plain records, without their status: it reads only the proposals
    asked for, where a status takes the whole journal to tell."""
    where = "p.undone = 0"
    params: list[object] = []
    if session is not None:
        where += " AND p.session = ?"
        params.append(session)
    if ids is not None:
        wanted = list(ids)
        where += f" AND e.id IN ({','.join('?' * len(wanted))})"
        params += wanted
    rows = db.query(
        "SELECT e.id, p.session, p.side, (SELECT group_concat(number, char(31)) FROM"
        " (SELECT number FROM proposal_articles WHERE proposal = p.seq ORDER BY position)),"
        " p.label, p.kind, p.at, p.summary, p.internal_note, p.embargoed, p.link, p.terms,"
        " (SELECT w.at FROM events w WHERE w.type = 'proposal.withdrawn'"
        "  AND w.subject = p.seq AND w.undone = 0) FROM proposals p JOIN events e"
        f" ON e.seq = p.seq WHERE {where} ORDER BY p.seq",
        params,
    )
    return [
        ProposalRecord(
            id=event_id,
            session=number,
            by=_PARTIES[side],
            articles=tuple(numbers.split("\x1f")) if numbers else (),
            label=label,
            kind=_KINDS[kind],
            at=instant(at),
            summary=summary,
            internal_note=note,
            embargoed=bool(embargoed),
            link=link,
            terms=json.loads(terms),
            withdrawn_at=instant(withdrawn) if withdrawn else None,
        )
        for (
            event_id,
            number,
            side,
            numbers,
            label,
            kind,
            at,
            summary,
            note,
            embargoed,
            link,
            terms,
            withdrawn,
        ) in rows
    ]


def tas(db: Connection, session: int | None = None) -> list[TA]:
    """Tentative agreements (all, or one session's) in journal order."""
    from models.domain import TA

    return [TA(**fields) for fields in _ta_fields(db, session)]


def _ta_fields(db: Connection, session: int | None) -> Iterator[dict[str, Any]]:
    where = "t.undone = 0" + (" AND t.session = ?" if session is not None else "")
    rows = db.query(
        "SELECT e.id, t.session, t.at, t.summary, pe.id, p.label, p.kind,"
        " t.initials_union, t.initials_employer, (SELECT group_concat(number, char(31))"
        " FROM (SELECT number FROM ta_articles WHERE ta = t.seq ORDER BY position))"
        " FROM tas t JOIN events e ON e.seq = t.seq LEFT JOIN proposals p"
        " ON p.seq = t.proposal LEFT JOIN events pe ON pe.seq = t.proposal"
        f" WHERE {where} ORDER BY t.seq",
        () if session is None else (session,),
    )
    return (
        {
            "id": event_id,
            "session": number,
            "at": instant(at),
            "summary": summary,
            "proposal": proposal_id,
            "proposal_label": label or "",
            "from_package": kind == ProposalKind.PACKAGE.value,
            "initials_union": iu,
            "initials_employer": ie,
            "articles": tuple(numbers.split("\x1f")),
        }
        for event_id, number, at, summary, proposal_id, label, kind, iu, ie, numbers in rows
    )


def _move(row: Row, numbers: list[str], withdrawn: set[int]) -> Move:
    seq = row[0]
    return Move(
        seq, _PARTIES[row[1]], tuple(numbers), _KINDS[row[2]], row[3], row[4], seq in withdrawn
    )
