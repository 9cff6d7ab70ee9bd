"""The words of the field as frozen records: what the store returns and the screens show.

Every record is a frozen dataclass built from the store's own rows: a screen or an export holds
a picture of the state, never a handle on it. What comes in from a person or a file is checked
by the journal's pydantic event models (`models.events`) before it reaches the store; what the
store reads back is already right, so these records cost no validation, and importing them
does not import pydantic (the first screen is painted before pydantic is loaded).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from models.board import BoardRow
from models.vocabulary import (
    AgendaStatus,
    ArticleStatus,
    CaucusSide,
    NoteKind,
    Party,
    ProposalKind,
    ProposalStatus,
    SessionKind,
    SessionMode,
    Visibility,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PartyInfo:
    name: str
    short: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RecapSettings:
    sender: str = ""
    recipients: str = ""
    signoff: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Campaign:
    union: PartyInfo
    employer: PartyInfo
    timezone: str
    title: str = ""
    our_side: Party = Party.UNION
    recap: RecapSettings = field(default_factory=RecapSettings)

    def party(self, side: Party | CaucusSide | str) -> PartyInfo | None:
        """The party for a side; None for a joint sidebar."""
        if side == "union":
            return self.union
        if side == "employer":
            return self.employer
        return None

    def short(self, side: Party | CaucusSide | str | None) -> str:
        """The short name for a side ("joint" for a joint sidebar, "" for none)."""
        if side is None or side == "":
            return ""
        party = self.party(side)
        return party.short if party else "joint"


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    number: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    name: str
    role: str = ""
    site: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class NextSession:
    starts: datetime
    location: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Session:
    number: int
    starts: datetime
    location: str = ""
    mode: SessionMode = SessionMode.IN_PERSON
    kind: SessionKind = SessionKind.REGULAR
    mediator: str = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    next: NextSession | None = None
    call_to_action: str = ""

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.ended_at is None


@dataclass(frozen=True, slots=True, kw_only=True)
class Attendance:
    session: int
    present: tuple[str, ...] = ()
    observers: int = 0
    sites: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaItem:
    session: int
    position: int
    title: str
    minutes: int | None = None
    articles: tuple[str, ...] = ()
    status: AgendaStatus = AgendaStatus.UPCOMING
    started_at: datetime | None = None
    ended_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposal:
    id: str
    session: int
    by: Party
    articles: tuple[str, ...]
    label: str
    kind: ProposalKind
    at: datetime
    summary: str = ""
    internal_note: str = ""
    embargoed: bool = False
    link: str = ""
    terms: dict[str, float] = field(default_factory=dict)
    status: ProposalStatus = ProposalStatus.STANDING
    withdrawn_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TA:
    id: str
    session: int
    articles: tuple[str, ...]
    at: datetime
    summary: str = ""
    proposal: str | None = None
    proposal_label: str = ""
    from_package: bool = False
    initials_union: str = ""
    initials_employer: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Caucus:
    id: str
    session: int
    side: CaucusSide
    minutes: int
    started_at: datetime
    due_back: datetime
    extended_minutes: int = 0
    ended_at: datetime | None = None
    purpose: str = ""

    @property
    def open(self) -> bool:
        return self.ended_at is None


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    id: str
    session: int
    at: datetime
    text: str
    kind: NoteKind = NoteKind.NOTE
    speaker: str = ""
    party: Party | None = None
    visibility: Visibility = Visibility.MEMBERS
    seat: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class InfoRequest:
    id: str
    session: int
    by: Party
    text: str
    at: datetime
    due: date | None = None
    answered_at: datetime | None = None
    answered_session: int | None = None

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryEntry:
    """One move on an article: a pass, a withdrawal or a TA."""

    at: datetime
    what: str
    side: Party | None
    label: str
    summary: str
    event_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """The half-typed note of one seat."""

    text: str = ""
    team_only: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class JournalEvent:
    """One line of the journal as recorded."""

    seq: int
    id: str
    type: str
    at: datetime
    seat: str = ""
    data: dict[str, object]
    undone: bool = False


__all__ = [
    "TA",
    "AgendaItem",
    "AgendaStatus",
    "Article",
    "ArticleStatus",
    "Attendance",
    "BoardRow",
    "Campaign",
    "Caucus",
    "CaucusSide",
    "Draft",
    "HistoryEntry",
    "InfoRequest",
    "JournalEvent",
    "Member",
    "NextSession",
    "Note",
    "NoteKind",
    "Party",
    "PartyInfo",
    "Proposal",
    "ProposalKind",
    "ProposalStatus",
    "RecapSettings",
    "Session",
    "SessionKind",
    "SessionMode",
    "Visibility",
]
