"""The store's reads behind the corrections: an agenda's order after its removals and moves,
the corrections of one record in journal order, and the amendments an article's history shows.

Notes, proposals and sessions keep their corrected values in their fact rows (see
`models.store.rules_corrections`), so every other read shows the corrected record as it is.
"""

from __future__ import annotations

import json
from typing import Any

from models.store.connection import Connection


def agenda_order(db: Connection, session: int) -> list[int]:
    """The journal positions of a session's agenda items, in their order on the agenda:
    added in journal order, then each active removal and move replayed in journal order."""
    order = [
        int(row[0])
        for row in db.query(
            "SELECT seq FROM agenda_items WHERE session = ? AND undone = 0 ORDER BY seq",
            (session,),
        )
    ]
    for kind, subject, to in db.query(
        "SELECT type, subject, json_extract(data, '$.to') FROM events WHERE session = ?"
        " AND type IN ('agenda.item_removed', 'agenda.item_moved') AND undone = 0 ORDER BY seq",
        (session,),
    ):
        if subject not in order:
            continue
        order.remove(subject)
        if kind == "agenda.item_moved":
            order.insert(min(max(int(to), 1), len(order) + 1) - 1, subject)
    return order


def event_ids(db: Connection, seqs: list[int]) -> dict[int, str]:
    """The event id of each journal position."""
    if not seqs:
        return {}
    marks = ",".join("?" * len(seqs))
    return {
        int(seq): str(event_id)
        for seq, event_id in db.query(f"SELECT seq, id FROM events WHERE seq IN ({marks})", seqs)
    }


def corrections(db: Connection, kind: str, subject: int) -> list[dict[str, Any]]:
    """The active corrections of `kind` naming one record, in journal order, as stored."""
    return [
        json.loads(data)
        for (data,) in db.query(
            "SELECT data FROM events WHERE type = ? AND subject = ? AND undone = 0 ORDER BY seq",
            (kind, subject),
        )
    ]


Amendment = tuple[int, int, str, dict[str, Any]]


def amendments(db: Connection, proposal_ids: list[str]) -> list[Amendment]:
    """The active amendments of these proposals: (at in microseconds, journal position,
    amendment id, stored line), in journal order."""
    if not proposal_ids:
        return []
    marks = ",".join("?" * len(proposal_ids))
    return [
        (int(at_us), int(seq), str(event_id), json.loads(data))
        for at_us, seq, event_id, data in db.query(
            "SELECT a.at_us, a.seq, a.id, a.data FROM events a JOIN events p ON p.seq = a.subject"
            f" WHERE a.type = 'proposal.amended' AND a.undone = 0 AND p.id IN ({marks})"
            " ORDER BY a.seq",
            proposal_ids,
        )
    ]
