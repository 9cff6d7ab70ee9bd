"""Plain records of the store's rows, for the fast read paths (no pydantic)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from models.vocabulary import (
    CaucusSide,
    NoteKind,
    Party,
    ProposalKind,
    SessionKind,
    SessionMode,
    Visibility,
)

if TYPE_CHECKING:
    pass


class PartyRecord(NamedTuple):
    name: str
    short: str


class CampaignRecord(NamedTuple):
    union: PartyRecord
    employer: PartyRecord
    timezone: str
    title: str = ""
    our_side: Party = Party.UNION
    sender: str = ""
    recipients: str = ""
    signoff: str = ""


class NextSessionRecord(NamedTuple):
    starts: datetime
    location: str = ""


class SessionRecord(NamedTuple):
    number: int
    starts: datetime
    location: str
    mode: SessionMode
    kind: SessionKind
    mediator: str
    started_at: datetime | None
    ended_at: datetime | None
    next: NextSessionRecord | None
    call_to_action: str

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.ended_at is None


class AttendanceRecord(NamedTuple):
    session: int
    present: tuple[str, ...] = ()
    observers: int = 0
    sites: int = 0


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


class TARecord(NamedTuple):
    id: str
    session: int
    articles: tuple[str, ...]
    at: datetime
    summary: str
    proposal: str | None
    proposal_label: str
    from_package: bool
    initials_union: str
    initials_employer: str


class CaucusRecord(NamedTuple):
    id: str
    session: int
    side: CaucusSide
    minutes: int
    started_at: datetime
    due_back: datetime
    extended_minutes: int
    ended_at: datetime | None
    purpose: str


class NoteRecord(NamedTuple):
    id: str
    session: int
    at: datetime
    text: str
    kind: NoteKind
    speaker: str
    party: Party | None
    visibility: Visibility
    seat: str


class InfoRequestRecord(NamedTuple):
    id: str
    session: int
    by: Party
    text: str
    at: datetime
    due: date | None
    answered_at: datetime | None
    answered_session: int | None
