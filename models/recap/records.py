"""The recap's frozen snapshot records: what one session's recap says, as plain data.

Every record is a `typing.NamedTuple`, the one mechanism of the read records
(`models.domain`): immutable, cheap to define, no pydantic at `bargain recap`. The board's
rows are `models.board.BoardRow`, the same records the console's board shows. The records a
recap has of its own are those an audience reads differently from the store: a proposal that
may be withheld, articles named with their titles, a caucus with its minutes reckoned.

`RecapSnapshot` keeps the methods the JSON export and its round trip use (`model_dump`,
`model_copy`, `model_validate`); `dump` gives any record's fields as a dict. A member snapshot
refuses to exist if it holds team-only data: every way of making one (the constructor,
`_replace`, `_make`, `model_copy`, `model_validate`, a copy or an unpickle) runs
`models.recap.leaks.member_leak`. The annotations are evaluated when the classes are made (no
`from __future__ import annotations`), as in `models.domain`, for the same start-up reason.
"""

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Literal, NamedTuple, Self, cast

from models.board import BoardRow
from models.domain import Member
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


class RecapParty(NamedTuple):
    side: Party
    name: str
    short: str


class RecapCampaign(NamedTuple):
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


class RecapSession(NamedTuple):
    number: int
    scheduled: datetime
    location: str
    mode: SessionMode
    kind: SessionKind
    mediator: str
    started_at: datetime
    ended_at: datetime | None = None
    running: bool = False


class RecapArticleRef(NamedTuple):
    number: str
    title: str


class RecapProposal(NamedTuple):
    """A proposal passed in the session, as one audience may read it: `withheld` ones (an
    embargoed proposal in a member recap) carry only their time and side, and the articles
    are named with their titles. The store's record of a proposal is `models.domain.Proposal`."""

    id: str
    at: datetime
    by: Party
    withheld: bool = False
    kind: ProposalKind | None = None
    label: str = ""
    articles: tuple[RecapArticleRef, ...] = ()
    summary: str = ""
    link: str = ""
    terms: Mapping[str, float] = MappingProxyType({})
    embargoed: bool = False
    internal_note: str = ""
    """Team only: always empty in a member snapshot."""


class RecapWithdrawal(NamedTuple):
    """A proposal withdrawn during the session."""

    id: str
    at: datetime
    by: Party
    withheld: bool = False
    label: str = ""
    articles: tuple[RecapArticleRef, ...] = ()


class RecapTA(NamedTuple):
    id: str
    at: datetime
    articles: tuple[RecapArticleRef, ...]
    summary: str = ""
    from_package: bool = False
    """Conditional on the whole package it came from."""
    proposal_label: str = ""


class RecapCaucus(NamedTuple):
    id: str
    side: CaucusSide
    started_at: datetime
    due_back: datetime
    ended_at: datetime | None = None
    planned_minutes: int = 0
    extended_minutes: int = 0
    minutes: int = 0
    """Minutes out, until it ended (or until the session ended, or until now)."""
    overrun_minutes: int = 0
    returned: bool = True
    """False for a caucus that never ended in a session that did: it did not return."""
    still_out: bool = False
    """True while the session runs and the caucus has not ended."""
    purpose: str = ""
    """Team only: always empty in a member snapshot."""


class RecapCaucusSide(NamedTuple):
    side: CaucusSide
    count: int  # type: ignore[assignment]  # the JSON's name; shadows tuple.count
    minutes: int
    overruns: int = 0
    overrun_minutes: int = 0
    not_returned: int = 0
    still_out: int = 0


class RecapNote(NamedTuple):
    id: str
    at: datetime
    kind: NoteKind
    text: str
    speaker: str = ""
    party: NoteParty | None = None
    team_only: bool = False


class RecapInfoRequest(NamedTuple):
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


class RecapAttendance(NamedTuple):
    present: tuple[str, ...] = ()
    observers: int = 0
    sites: int = 0


class RecapNextSession(NamedTuple):
    number: int | None
    starts: datetime
    location: str = ""


class RecapTotals(NamedTuple):
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


class RecapUntranslated(NamedTuple):
    """A member-facing text shown in the recap's language without a translation: field
    `field` of event `event` (what a `text.translated` names), and the text itself."""

    event: str
    field: str
    text: str


class _SnapshotFields(NamedTuple):
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
    board: tuple[BoardRow, ...] = ()
    """Every article in natural order, opened or not."""
    caucuses: tuple[RecapCaucus, ...] = ()
    caucus_sides: tuple[RecapCaucusSide, ...] = ()
    notes: tuple[RecapNote, ...] = ()
    requests_answered: tuple[RecapInfoRequest, ...] = ()
    requests_open: tuple[RecapInfoRequest, ...] = ()
    attendance: RecapAttendance = RecapAttendance()
    next_session: RecapNextSession | None = None
    call_to_action: str = ""
    money: MoneyTable = MoneyTable()
    """Where the money stands: each numeric term, both sides' positions, the gap, movement
    since the previous session and the series over the sessions (see `models.money`)."""
    lang: str = "en"
    """The language of the team's texts in it: translations where there are some."""
    headline: str = ""
    """The comms lead's headline (`recap.written`); empty: the recap suggests one."""
    lead: str = ""
    """The comms lead's lead paragraph; empty: the recap suggests one."""
    untranslated: tuple[RecapUntranslated, ...] = ()
    """The member-facing texts shown without a translation into `lang`."""
    won: tuple[RecapArticleRef, ...] = ()
    """Every article TA'd so far, as of the recap's instant, in natural order."""
    team: tuple[Member, ...] = ()
    """The team at the table (attendance's `present`), with roles and sites."""


class RecapSnapshot(_SnapshotFields):
    """One session's recap, with the campaign around it, for one audience.

    A member snapshot holding team-only data cannot be made: `__new__` runs `member_leak`,
    and `_make` and `_replace` (which a named tuple builds without `__new__`) go through it.
    """

    __slots__ = ()

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        snapshot = super().__new__(cls, *args, **kwargs)
        if snapshot.audience not in AUDIENCES:
            raise ValueError(f"audience {snapshot.audience!r} is not one of: members, team")
        if snapshot.audience == "members":
            problem = member_leak(snapshot)
            if problem:
                raise ValueError(f"a member snapshot cannot hold {problem}")
        return snapshot

    @classmethod
    def _make(cls, iterable: Iterable[Any]) -> Self:  # type: ignore[override]
        return cls(*iterable)

    def _replace(self, **changes: Any) -> Self:
        return type(self)(**{**self._asdict(), **changes})

    @property
    def opened_board(self) -> tuple[BoardRow, ...]:
        """The articles opened so far (the ones "where things stand" lists)."""
        return tuple(row for row in self.board if row.status is not ArticleStatus.NOT_OPENED)

    def model_dump(self, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        """The fields as a dict (`mode="json"`: JSON-ready values, as pydantic writes them)."""
        return dump(self, mode=mode)

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self:
        """A copy with some fields replaced (checked again, like any new snapshot)."""
        return self._replace(**dict(update or {}))

    @classmethod
    def model_validate(cls, data: object) -> Self:
        """Parse and check a dict (e.g. the `recap` of the JSON export) into a snapshot;
        raises pydantic's ValidationError."""
        from pydantic import TypeAdapter

        return TypeAdapter(cls).validate_python(data)


def dump(record: object, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
    """A record's fields as a dict, records inside it as dicts too; `mode="json"`: values as
    JSON holds them (instants in ISO 8601, enums as their values), written as pydantic does."""
    fields = cast(dict[str, Any], _plain(record))
    if mode == "python":
        return fields
    from pydantic_core import to_jsonable_python

    return cast(dict[str, Any], to_jsonable_python(fields))


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        if hasattr(value, "_fields"):
            return {name: _plain(item) for name, item in zip(value._fields, value, strict=True)}
        return tuple(_plain(item) for item in value)
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    return value
