"""The store's reads of the table: proposals, TAs, the board and an article's history."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from models.board import BoardRow, audience_standings, board_rows
from models.errors import DomainError
from models.rules import Agreement, proposal_statuses, standings_from
from models.store.connection import Connection
from models.store.queries import embargo_rule, instant, titles
from models.timeutil import to_micros
from models.vocabulary import (
    Party,
    ProposalKind,
    ProposalStatus,
)

if TYPE_CHECKING:
    from models.domain import TA, Proposal


_PARTIES = {party.value: party for party in Party}
_KINDS = {kind.value: kind for kind in ProposalKind}


def moves(
    db: Connection, sessions: Collection[int] | None = None, withdrawn_by: datetime | None = None
) -> list[Proposal]:
    """Active proposals in journal order, without their status (the rules reckon it).

    `sessions` keeps only those passed in these sessions; `withdrawn_by` counts only the
    withdrawals recorded at or before that instant (a board "as of" a moment).
    """
    found = _read(db, withdrawn_by=withdrawn_by)
    if sessions is None:
        return found
    chosen = set(sessions)
    return [proposal for proposal in found if proposal.session in chosen]


def _statuses(db: Connection) -> tuple[dict[int, ProposalStatus], list[Proposal]]:
    found = moves(db)
    return proposal_statuses(found, agreements(db)), found


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
        number: (_PARTIES[side], instant(at))
        for number, _label, side, at in latest_rows
        if side is not None
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
    db: Connection,
    session: int | None = None,
    *,
    ids: Collection[str] | None = None,
    status: bool = True,
) -> list[Proposal]:
    """Proposals (all, one session's, or those with these ids) in journal order, each with
    its status (which depends on the whole journal). `status=False` reads only the proposals
    asked for and leaves their status None (the recap's fast path)."""
    if status:
        statuses, found = db.cached("statuses", lambda: _statuses(db))
        chosen = set(ids) if ids is not None else None
        return [
            proposal._replace(status=statuses.get(proposal.seq, ProposalStatus.STANDING))
            for proposal in found
            if (session is None or proposal.session == session)
            and (chosen is None or proposal.id in chosen)
        ]
    return _read(db, session, ids)


def _read(
    db: Connection,
    session: int | None = None,
    ids: Collection[str] | None = None,
    withdrawn_by: datetime | None = None,
) -> list[Proposal]:
    """The active proposals asked for, in journal order, their status not told.

    Four plain reads (the proposals, their articles, their event ids, the withdrawals) cost
    a third of one query that gathers the same per proposal row."""
    from models.domain import Proposal

    where = "p.undone = 0"
    params: list[object] = []
    if session is not None:
        where += " AND p.session = ?"
        params.append(session)
    if ids is not None:
        wanted = list(ids)
        where += (
            f" AND p.seq IN (SELECT seq FROM events WHERE id IN ({','.join('?' * len(wanted))}))"
        )
        params += wanted
    rows = db.query(
        "SELECT p.seq, p.session, p.side, p.label, p.kind, p.at, p.summary, p.internal_note,"
        f" p.embargoed, p.link, p.terms FROM proposals p WHERE {where} ORDER BY p.seq",
        params,
    )
    if not rows:
        return []
    chosen = f"SELECT p.seq FROM proposals p WHERE {where}"
    numbers: dict[int, list[str]] = {}
    for seq, number in db.query(
        f"SELECT proposal, number FROM proposal_articles WHERE proposal IN ({chosen})"
        " ORDER BY proposal, position",
        params,
    ):
        numbers.setdefault(seq, []).append(number)
    event_ids: dict[int, str] = dict(
        db.query(f"SELECT seq, id FROM events WHERE seq IN ({chosen})", params)
    )
    sql = "SELECT subject, at FROM events WHERE type = 'proposal.withdrawn' AND undone = 0"
    withdrawn: dict[int, str]
    if withdrawn_by is not None:
        withdrawn = dict(db.query(sql + " AND at_us <= ?", (to_micros(withdrawn_by),)))
    else:
        withdrawn = dict(db.query(sql))
    no_terms = Proposal._field_defaults["terms"]  # the rows below are in Proposal's field order
    return [
        Proposal(
            event_ids[seq],
            number,
            _PARTIES[side],
            tuple(numbers.get(seq, ())),
            label,
            _KINDS[kind],
            instant(at),
            summary,
            note,
            bool(embargoed),
            link,
            no_terms if terms == "{}" else json.loads(terms),
            None,
            instant(withdrawn[seq]) if seq in withdrawn else None,
            seq,
        )
        for (seq, number, side, label, kind, at, summary, note, embargoed, link, terms) in rows
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
