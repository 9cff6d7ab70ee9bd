"""What a recap's headline and lead could say, from the day's events, until the comms lead
writes them (`recap.written`): the facts, picked in order of news value. The words are the
recap's own (exports/news.py renders them in the recap's language).

Pure: a snapshot in, facts out; it reads only what the snapshot holds, so a member snapshot's
suggestion can hold nothing team-only.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from models.vocabulary import CaucusSide

if TYPE_CHECKING:
    from models.recap.records import RecapArticleRef, RecapProposal, RecapSnapshot


class Suggestion(NamedTuple):
    """The news of one session, most newsworthy first."""

    walked_out: CaucusSide | None
    """A side that left for a caucus and did not return (the session ended without it)."""
    walked_out_at: datetime | None
    tas: tuple[RecapArticleRef, ...]
    """The articles TA'd in the session."""
    moves: tuple[RecapProposal, ...]
    """The economic moves: proposals passed with numbers (terms) members may see."""
    call_to_action: str


def suggest(recap: RecapSnapshot) -> Suggestion:
    """The facts a suggested headline and lead are made of."""
    gone = next((c for c in recap.caucuses if not c.returned), None)
    return Suggestion(
        walked_out=gone.side if gone is not None else None,
        walked_out_at=gone.started_at if gone is not None else None,
        tas=tuple(ref for ta in recap.tas for ref in ta.articles),
        moves=tuple(p for p in recap.proposals if p.terms and not p.withheld),
        call_to_action=recap.call_to_action,
    )
