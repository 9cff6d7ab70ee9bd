"""The store's read of one article's history: every pass, amendment, withdrawal and TA."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.store.connection import Connection
from models.store.queries import article_seq, instant
from models.store.queries_corrections import amendments
from models.store.queries_table import proposals, tas
from models.timeutil import to_micros

if TYPE_CHECKING:
    from models.domain import HistoryEntry

AMENDED_WORDS = {
    "label": "label",
    "summary": "summary",
    "internal_note": "internal note",
    "link": "link",
    "terms": "terms",
}


def amended_what(line: dict[str, object]) -> str:
    """What an amendment changed, as the history says it: "amended (label, summary)"."""
    changed = [word for key, word in AMENDED_WORDS.items() if key in line]
    if line.get("embargoed") is False:
        changed.append("embargo lifted")
    elif line.get("embargoed") is True:
        changed.append("embargoed")
    return "amended" + (f" ({', '.join(changed)})" if changed else "")


def article_history(db: Connection, number: str) -> list[HistoryEntry]:
    """Every pass, amendment, withdrawal and TA touching one article, by (time, journal
    order); each entry names the proposal it is about (`proposal`)."""
    from models.domain import HistoryEntry

    article_seq(db, number)
    entries: list[tuple[int, int, HistoryEntry]] = []
    touching = {p.id: p for p in proposals(db) if number in p.articles}
    for proposal in touching.values():
        position = proposal.seq
        entries.append(
            (
                to_micros(proposal.at),
                position,
                HistoryEntry(
                    at=proposal.at,
                    what=f"passed ({proposal.kind.value})",
                    side=proposal.by,
                    label=proposal.label,
                    summary=proposal.summary,
                    event_id=proposal.id,
                    proposal=proposal.id,
                ),
            )
        )
        if proposal.withdrawn_at is not None:
            entries.append(
                (
                    to_micros(proposal.withdrawn_at),
                    position,
                    HistoryEntry(
                        at=proposal.withdrawn_at,
                        what="withdrawn",
                        side=proposal.by,
                        label=proposal.label,
                        summary="",
                        event_id=proposal.id,
                        proposal=proposal.id,
                    ),
                )
            )
    for ta in tas(db):
        if number in ta.articles:
            entries.append(
                (
                    to_micros(ta.at),
                    0,
                    HistoryEntry(
                        at=ta.at,
                        what="TA signed",
                        side=None,
                        label=ta.proposal_label,
                        summary=ta.summary,
                        event_id=ta.id,
                        proposal=ta.proposal or "",
                    ),
                )
            )
    for at_us, amended_seq, amendment_id, line in amendments(db, list(touching)):
        proposal = touching[str(line["proposal"])]
        entries.append(
            (
                at_us,
                amended_seq,
                HistoryEntry(
                    at=instant(str(line["at"])),
                    what=amended_what(line),
                    side=proposal.by,
                    label=proposal.label,
                    summary=str(line.get("summary", "")),
                    event_id=amendment_id,
                    proposal=proposal.id,
                ),
            )
        )
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    return [entry for _, _, entry in entries]
