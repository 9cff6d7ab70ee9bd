"""The words of the field as frozen records: what the store returns and the screens show.

Every record is a named tuple built from the store's own rows: immutable, so a screen or an
export holds a picture of the state, never a handle on it; and cheap to define (a frozen
dataclass costs a millisecond per class at start-up, before the first frame). What comes in
from a person or a file is checked by the journal's pydantic event models (`models.events`)
before it reaches the store; what the store reads back is already right, so these records
cost no validation, and importing them does not import pydantic. The annotations are
evaluated when the classes are made (no `from __future__ import annotations`): a named tuple
turns each annotation written as a string into a forward reference, compiling it, and that
doubled the time to import this module.
"""

from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import NamedTuple

from models.board import BoardRow
from models.vocabulary import (
    AgendaStatus,
    ArticleStatus,
    CaucusSide,
    NoteKind,
    NoteParty,
    Party,
    ProposalKind,
    ProposalStatus,
    SessionKind,
    SessionMode,
    Visibility,
)


class PartyInfo(NamedTuple):
    name: str
    short: str


class RecapSettings(NamedTuple):
    sender: str = ""
    recipients: str = ""
    signoff: str = ""
    team_recipients: str = ""
    url: str = ""
    watch: str = ""


class TermSetting(NamedTuple):
    """How people read one numeric term: `salary_pct_y1` is "Salary, year 1" in `%`, one point
    costs `cost_per_unit`, and `better` says which way is better for the union."""

    label: str = ""
    unit: str = ""
    cost_per_unit: float | None = None
    better: str = "higher"


class Campaign(NamedTuple):
    union: PartyInfo
    employer: PartyInfo
    timezone: str
    title: str = ""
    our_side: Party = Party.UNION
    recap: RecapSettings = RecapSettings()
    embargo: str = "details"
    """The ground rules' embargo: `details` or `all` (see models.board.member_moves)."""
    terms: Mapping[str, TermSetting] = MappingProxyType({})
    """The named numeric terms, by name (`salary_pct_y1`), in the order they were named."""

    def party(self, side: Party | CaucusSide | str) -> PartyInfo | None:
        """The party for a side; None for a joint sidebar."""
        if side == "union":
            return self.union
        if side == "employer":
            return self.employer
        return None

    def short(self, side: Party | CaucusSide | NoteParty | str | None) -> str:
        """The short name for a side ("joint" for a joint sidebar, "" for none); a note's
        `mediator` or `other` party is named by that word."""
        if side is None or side == "":
            return ""
        if side in (NoteParty.MEDIATOR, NoteParty.OTHER):
            return str(side)
        party = self.party(side)
        return party.short if party else "joint"


class Article(NamedTuple):
    number: str
    title: str


class Member(NamedTuple):
    name: str
    role: str = ""
    site: str = ""


class NextSession(NamedTuple):
    starts: datetime
    location: str = ""


class Session(NamedTuple):
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
    cancelled_at: datetime | None = None

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.ended_at is None

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


class Attendance(NamedTuple):
    session: int
    present: tuple[str, ...] = ()
    observers: int = 0
    sites: int = 0


class AgendaItem(NamedTuple):
    session: int
    position: int
    title: str
    minutes: int | None = None
    articles: tuple[str, ...] = ()
    status: AgendaStatus = AgendaStatus.UPCOMING
    started_at: datetime | None = None
    ended_at: datetime | None = None
    id: str = ""
    """The id of the `agenda.item_added` event: how the app names the item."""


class Proposal(NamedTuple):
    """A proposal passed at the table: what the store reads, the rules reckon with
    (`models.rules`, by `seq`) and the screens show.

    `status` depends on the whole journal: `Store.proposals()` tells it; a read that asks
    for less (`Store.moves()`, `Store.proposals(status=False)`) leaves it None. A member
    recap reads a proposal as a `models.recap.RecapProposal` (withheld or not)."""

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
    terms: Mapping[str, float] = MappingProxyType({})
    status: ProposalStatus | None = None
    """None: not told by the read that made this record."""
    withdrawn_at: datetime | None = None
    seq: int = 0
    """Its position in the journal (its event's `seq`)."""

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class TA(NamedTuple):
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


class Caucus(NamedTuple):
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


class Note(NamedTuple):
    id: str
    session: int
    at: datetime
    text: str
    kind: NoteKind = NoteKind.NOTE
    speaker: str = ""
    party: NoteParty | None = None
    visibility: Visibility = Visibility.MEMBERS
    seat: str = ""
    edited: bool = False
    """Whether an active `note.edited` corrects it."""


class InfoRequest(NamedTuple):
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


class HistoryEntry(NamedTuple):
    """One move on an article: a pass, an amendment, a withdrawal or a TA."""

    at: datetime
    what: str
    side: Party | None
    label: str
    summary: str
    event_id: str
    proposal: str = ""
    """The id of the proposal the entry is about (empty for a TA on articles alone)."""


class Draft(NamedTuple):
    """The half-typed note of one seat."""

    text: str = ""
    team_only: bool = False


class JournalEvent(NamedTuple):
    """One line of the journal as recorded."""

    seq: int
    id: str
    type: str
    at: datetime
    data: dict[str, object]
    seat: str = ""
    undone: bool = False


class Conflict(NamedTuple):
    """An event the rules refused at its place in the shared order: kept in the journal, out
    of the state, until the team settles it by undoing one side."""

    seq: int
    event_id: str
    type: str
    at: datetime
    origin_db: str
    reason: str
    description: str


class SeatSeen(NamedTuple):
    """Another seat met in the shared folder: its database id, the seat labels that recorded
    its events, and when its latest file was written (None before any)."""

    db_id: str
    labels: tuple[str, ...]
    last_seen: datetime | None


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
    "Conflict",
    "Draft",
    "HistoryEntry",
    "InfoRequest",
    "JournalEvent",
    "Member",
    "NextSession",
    "Note",
    "NoteKind",
    "NoteParty",
    "Party",
    "PartyInfo",
    "Proposal",
    "ProposalKind",
    "ProposalStatus",
    "RecapSettings",
    "SeatSeen",
    "Session",
    "SessionKind",
    "SessionMode",
    "TermSetting",
    "Visibility",
]
