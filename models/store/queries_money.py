"""The store's read for the money table: every proposal on the record that carries terms."""

from __future__ import annotations

import json

from models.money import TermMove
from models.store.connection import Connection
from models.store.queries import instant
from models.vocabulary import Party

_PARTIES = {party.value: party for party in Party}


def term_moves(db: Connection) -> list[TermMove]:
    """Active proposals with terms, supposals left out, in journal order, each with the
    instant of its withdrawal (if one is on the record)."""
    rows = db.query(
        "SELECT e.id, p.session, p.side, (SELECT group_concat(number, char(31)) FROM"
        " (SELECT number FROM proposal_articles WHERE proposal = p.seq ORDER BY position)),"
        " p.embargoed, p.terms, (SELECT w.at FROM events w WHERE w.type = 'proposal.withdrawn'"
        "  AND w.subject = p.seq AND w.undone = 0) FROM proposals p JOIN events e"
        " ON e.seq = p.seq WHERE p.undone = 0 AND p.kind != 'supposal' AND p.terms != '{}'"
        " ORDER BY p.seq"
    )
    return [
        TermMove(
            id=event_id,
            session=session,
            by=_PARTIES[side],
            articles=tuple(numbers.split("\x1f")) if numbers else (),
            embargoed=bool(embargoed),
            terms=json.loads(terms),
            withdrawn_at=instant(withdrawn) if withdrawn else None,
        )
        for event_id, session, side, numbers, embargoed, terms, withdrawn in rows
    ]
