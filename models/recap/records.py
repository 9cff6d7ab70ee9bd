"""The recap's frozen snapshot records: what one session's recap says, as plain data.

The snapshot is made of plain frozen dataclasses, read from the store's plain records, so that
`bargain recap` never pays for pydantic's start-up. They keep the pydantic-model methods the
snapshot had (`model_dump`, `model_copy`, `model_validate`), backed by a pydantic TypeAdapter
built the first time one is called: the JSON export and its round trip are unchanged.

A member snapshot refuses to exist if it holds team-only data: `RecapSnapshot` runs
`models.recap.leaks.member_leak` whenever one is made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, cast

from models.money import MoneyTable
from models.recap.leaks import member_leak
from models.vocabulary import (
    AUDIENCES,
    ArticleStatus,
    Audience,
    CaucusSide,
    NoteKind,
    NoteParty,
    Party,
    ProposalKind,
    SessionKind,
    SessionMode,
)

if TYPE_CHECKING:
    from pydantic import TypeAdapter


class _Snap:
    """What every part of the snapshot shares: frozen, keyword-only, extra fields refused when
    validated, and the pydantic-model methods the snapshot has always had.

    Equality, hashing and repr behave as the generated dataclass ones (by field values, same
    class only), but are written once here: generating them for every class would double the
    time `bargain recap` spends defining the snapshot's classes.
    """

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in fields(cast(Any, self)))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(cast(Any, self)))
        return f"{type(self).__name__}({shown})"

    def model_dump(self, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        """The fields as a dict (`mode="json"`: JSON-ready values), as pydantic dumps them."""
        return cast(dict[str, Any], _adapter(type(self)).dump_python(self, mode=mode))

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self:
        """A copy with some fields replaced (checked again, like any new snapshot)."""
        return cast(Self, replace(cast(Any, self), **dict(update or {})))

    @classmethod
    def model_validate(cls, data: object) -> Self:
        """Parse and check a dict (e.g. the `recap` of the JSON export) into this type;
        raises pydantic's ValidationError."""
        return cast(Self, _adapter(cls).validate_python(data))


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def _adapter(cls: type) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapParty(_Snap):
    side: Party
    name: str
    short: str


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapCampaign(_Snap):
    title: str
    union: RecapParty
    employer: RecapParty
    our_side: Party
    timezone: str
    sender: str = ""
    recipients: str = ""
    team_recipients: str = ""
    """The team's own address: in a team snapshot only."""
    signoff: str = ""
    url: str = ""
    watch: str = ""


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapSession(_Snap):
    number: int
    scheduled: datetime
    location: str = ""
    mode: SessionMode = SessionMode.IN_PERSON
    kind: SessionKind = SessionKind.REGULAR
    mediator: str = ""
    started_at: datetime
    ended_at: datetime | None = None
    running: bool = False


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapArticleRef(_Snap):
    number: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapProposal(_Snap):
    """A proposal passed in the session. `withheld` ones carry only their time and side."""

    id: str
    at: datetime
    by: Party
    withheld: bool = False
    kind: ProposalKind | None = None
    label: str = ""
    articles: tuple[RecapArticleRef, ...] = ()
    summary: str = ""
    link: str = ""
    terms: dict[str, float] = field(default_factory=dict)
    embargoed: bool = False
    internal_note: str = ""
    """Team only: always empty in a member snapshot."""


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapWithdrawal(_Snap):
    """A proposal withdrawn during the session."""

    id: str
    at: datetime
    by: Party
    withheld: bool = False
    label: str = ""
    articles: tuple[RecapArticleRef, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapTA(_Snap):
    id: str
    at: datetime
    articles: tuple[RecapArticleRef, ...]
    summary: str = ""
    from_package: bool = False
    """Conditional on the whole package it came from."""
    proposal_label: str = ""


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapBoardRow(_Snap):
    """One article as of the recap's instant: its status and whose court the ball is in."""

    number: str
    title: str
    status: ArticleStatus
    holder: Party | None = None
    holding_since: datetime | None = None
    last_proposal: str = ""
    moved_today: bool = False


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapCaucus(_Snap):
    id: str
    side: CaucusSide
    started_at: datetime
    due_back: datetime
    ended_at: datetime | None = None
    planned_minutes: int
    extended_minutes: int = 0
    minutes: int
    """Minutes out, until it ended (or until the session ended, or until now)."""
    overrun_minutes: int = 0
    returned: bool = True
    """False for a caucus that never ended in a session that did: it did not return."""
    still_out: bool = False
    """True while the session runs and the caucus has not ended."""
    purpose: str = ""
    """Team only: always empty in a member snapshot."""


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapCaucusSide(_Snap):
    side: CaucusSide
    count: int
    minutes: int
    overruns: int = 0
    overrun_minutes: int = 0
    not_returned: int = 0
    still_out: int = 0


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapNote(_Snap):
    id: str
    at: datetime
    kind: NoteKind
    text: str
    speaker: str = ""
    party: NoteParty | None = None
    team_only: bool = False


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapInfoRequest(_Snap):
    id: str
    by: Party
    text: str
    made_at: datetime
    made_session: int
    due: date | None = None
    answered_at: datetime | None = None
    answered_today: bool = False
    age_days: int = 0
    overdue: bool = False
    days_overdue: int = 0


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapAttendance(_Snap):
    present: tuple[str, ...] = ()
    observers: int = 0
    sites: int = 0


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapNextSession(_Snap):
    number: int | None = None
    starts: datetime
    location: str = ""


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapTotals(_Snap):
    session_minutes: int
    table_minutes: int
    caucus_minutes: int
    proposals_union: int
    proposals_employer: int
    tas_today: int
    """TAs signed in the session."""
    articles_tad_today: int
    articles_tad_total: int
    """Articles TA'd as of the recap's instant."""
    articles_opened: int
    """Articles opened (touched by a proposal or a TA) as of the recap's instant."""


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, repr=False)
class RecapSnapshot(_Snap):
    """One session's recap, with the campaign around it, for one audience.

    A member snapshot holding team-only data cannot be made: every way of making one (the
    constructor, `dataclasses.replace`, `model_copy`, `model_validate`) runs `member_leak`.
    """

    audience: Audience
    generated_at: datetime
    as_of: datetime
    """Standings, totals and request ages hold as of this instant (session end, or now)."""
    campaign: RecapCampaign
    session: RecapSession
    totals: RecapTotals
    tas: tuple[RecapTA, ...] = ()
    proposals: tuple[RecapProposal, ...] = ()
    withdrawals: tuple[RecapWithdrawal, ...] = ()
    board: tuple[RecapBoardRow, ...] = ()
    """Every article in natural order, opened or not."""
    caucuses: tuple[RecapCaucus, ...] = ()
    caucus_sides: tuple[RecapCaucusSide, ...] = ()
    notes: tuple[RecapNote, ...] = ()
    requests_answered: tuple[RecapInfoRequest, ...] = ()
    requests_open: tuple[RecapInfoRequest, ...] = ()
    attendance: RecapAttendance = RecapAttendance()
    next_session: RecapNextSession | None = None
    call_to_action: str = ""
    money: MoneyTable = field(default_factory=MoneyTable)
    """Where the money stands: each numeric term, both sides' positions, the gap, movement
    since the previous session and the series over the sessions (see `models.money`)."""

    def __post_init__(self) -> None:
        if self.audience not in AUDIENCES:
            raise ValueError(f"audience {self.audience!r} is not one of: members, team")
        if self.audience == "members":
            problem = member_leak(self)
            if problem:
                raise ValueError(f"a member snapshot cannot hold {problem}")

    @property
    def opened_board(self) -> tuple[RecapBoardRow, ...]:
        """The articles opened so far (the ones "where things stand" lists)."""
        return tuple(row for row in self.board if row.status is not ArticleStatus.NOT_OPENED)
