"""A proposal as the journal has it, without its status: for the recap's fast path."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from models.vocabulary import Party, ProposalKind


class ProposalRecord(NamedTuple):
    """A proposal without its status (which would take the whole journal to tell)."""

    id: str
    session: int
    by: Party
    articles: tuple[str, ...]
    label: str
    kind: ProposalKind
    at: datetime
    summary: str
    internal_note: str
    embargoed: bool
    link: str
    terms: dict[str, float]
    withdrawn_at: datetime | None
