"""What one session's recap says, as frozen data: the snapshot every export format reads.

`build_snapshot(store, session, audience, now)` gathers one session and the campaign around it
(standings, TA totals and request ages as of the session's end, or `now` while it runs) into a
`RecapSnapshot`. Confidentiality lives here, not in the templates: a member snapshot never
holds team-only notes, internal notes, caucus purposes, supposals or an embargoed proposal's
details, and the snapshot refuses to exist if it does (`member_leak` runs whenever one is made,
by `build_snapshot`, `dataclasses.replace`, `model_copy` or `model_validate` alike).

The snapshot is made of plain frozen dataclasses, read from the store's plain records, so that
`bargain recap` never pays for pydantic's start-up. They keep the pydantic-model methods the
snapshot had (`model_dump`, `model_copy`, `model_validate`), backed by a pydantic TypeAdapter
built the first time one is called: the JSON export and its round trip are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, cast

from models.board import audience_standings, exists_for
from models.errors import DomainError
from models.rules import describe_numbers, is_overdue, request_age_days
from models.timeutil import utc_now, zone
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
    Visibility,
)

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from models.domain import Caucus, Session
    from models.records import ProposalRecord
    from models.store import Store

_Local = Callable[[datetime], datetime]


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


def member_leak(snapshot: RecapSnapshot) -> str:
    """What team-only data a snapshot holds ("" when none): the guard on member snapshots."""
    if any(note.team_only for note in snapshot.notes):
        return "a team-only note"
    for proposal in snapshot.proposals:
        if proposal.internal_note:
            return f"the internal note of {proposal.label or proposal.id}"
        if proposal.kind is ProposalKind.SUPPOSAL:
            return f"the supposal {proposal.label}"
        if proposal.embargoed and not proposal.withheld:
            return f"the details of the embargoed proposal {proposal.label}"
        if proposal.withheld and (
            proposal.label
            or proposal.articles
            or proposal.summary
            or proposal.link
            or proposal.terms
            or proposal.kind is not None
        ):
            return f"the details of the withheld proposal {proposal.id}"
    for withdrawal in snapshot.withdrawals:
        if withdrawal.withheld and (withdrawal.label or withdrawal.articles):
            return f"the details of the withheld proposal {withdrawal.id}"
    if any(caucus.purpose for caucus in snapshot.caucuses):
        return "a caucus purpose"
    if snapshot.campaign.team_recipients:
        return "the team's own address"
    return ""


# --------------------------------------------------------------------------- building


def build_snapshot(
    store: Store,
    session: int | None = None,
    audience: Audience = "members",
    now: datetime | None = None,
) -> RecapSnapshot:
    """The recap of one session (None: the latest started one) for `members` or the `team`.

    `now` (aware; default: the current instant) is when the recap is made: it stands in for
    the session's end while the session runs. Refuses an unknown or unstarted session, naming
    the sessions that have a recap.
    """
    if audience not in AUDIENCES:
        raise DomainError(f"audience {audience!r} is not one of: members, team")
    if now is None:
        now = utc_now()
    elif now.tzinfo is None or now.utcoffset() is None:
        raise DomainError("now must carry a UTC offset")
    campaign = store.campaign()
    if campaign is None:
        raise DomainError("there is no campaign yet; run `bargain init`")
    tz = zone(campaign.timezone)
    sessions = store.sessions()
    target = _pick_session(sessions, session)
    assert target.started_at is not None
    team = audience == "team"

    def local(moment: datetime) -> datetime:
        return moment.astimezone(tz)

    as_of = target.ended_at if target.ended_at is not None else max(now, target.started_at)
    started_no_later = {
        s.number
        for s in sessions
        if s.started_at is not None
        and (s.started_at, s.number) <= (target.started_at, target.number)
    }

    titles = store.article_titles()

    def refs(numbers: Iterable[str]) -> tuple[RecapArticleRef, ...]:
        return tuple(RecapArticleRef(number=n, title=titles.get(n, "")) for n in numbers)

    # Standings as of the recap's instant: the proposals and TAs of this session and of every
    # session that started before it, and the withdrawals recorded up to the instant.
    # What members may see of embargoed proposals follows the one rule of models.board.
    embargo = campaign.embargo
    standings = audience_standings(
        store.moves(sessions=started_no_later, withdrawn_by=as_of),
        store.agreements(sessions=started_no_later),
        store.embargoed_seqs() if not team else (),
        audience,
        embargo,
    )
    today_proposals = [
        p
        for p in store.proposal_records(target.number)
        if exists_for(audience, embargo, p.embargoed)
    ]
    all_tas = [t for t in store.tas() if t.session in started_no_later]

    today_tas = [t for t in all_tas if t.session == target.number]
    moved = {n for p in today_proposals if p.kind is not ProposalKind.SUPPOSAL for n in p.articles}
    moved |= {n for t in today_tas for n in t.articles}

    board: list[RecapBoardRow] = []
    for number, title in titles.items():
        standing = standings.get(number)
        if standing is None:
            board.append(RecapBoardRow(number=number, title=title, status=ArticleStatus.NOT_OPENED))
            continue
        board.append(
            RecapBoardRow(
                number=number,
                title=title,
                status=standing.status,
                holder=standing.holder,
                holding_since=local(standing.holding_since) if standing.holding_since else None,
                last_proposal=standing.last_proposal,
                moved_today=number in moved,
            )
        )

    proposals = tuple(
        _proposal(p, refs(p.articles), local(p.at), team)
        for p in today_proposals
        if team or p.kind is not ProposalKind.SUPPOSAL
    )
    withdrawn_today = store.proposal_records(ids=store.withdrawn_between(target.started_at, as_of))
    withdrawals = tuple(
        RecapWithdrawal(
            id=p.id,
            at=local(p.withdrawn_at),
            by=p.by,
            withheld=not team and p.embargoed,
            label="" if not team and p.embargoed else p.label,
            articles=() if not team and p.embargoed else refs(p.articles),
        )
        for p in withdrawn_today
        if p.withdrawn_at is not None
        and p.session in started_no_later
        and (team or p.kind is not ProposalKind.SUPPOSAL)
        and exists_for(audience, embargo, p.embargoed)
    )
    sources = {t.proposal for t in today_tas if t.proposal}
    by_id = {p.id: p for p in store.proposal_records(ids=sources)} if sources else {}

    tas = []
    for t in today_tas:
        source = by_id.get(t.proposal) if t.proposal else None
        label = t.proposal_label
        if (
            not team
            and source is not None
            and (source.embargoed or source.kind is ProposalKind.SUPPOSAL)
        ):
            label = ""
        tas.append(
            RecapTA(
                id=t.id,
                at=local(t.at),
                articles=refs(t.articles),
                summary=t.summary,
                from_package=t.from_package,
                proposal_label=label,
            )
        )

    from models import caucus_clocks

    session_end = target.ended_at if target.ended_at is not None else as_of
    caucuses = tuple(
        _caucus(c, session_end, running=target.ended_at is None, team=team, local=local)
        for c in caucus_clocks.caucuses(store, target.number)
    )
    caucus_minutes = _minutes(
        _union_length(
            [(c.started_at, c.ended_at or session_end) for c in caucuses],
            target.started_at,
            session_end,
        )
    )
    session_minutes = _minutes(session_end - target.started_at)

    notes = tuple(
        RecapNote(
            id=n.id,
            at=local(n.at),
            kind=n.kind,
            text=n.text,
            speaker=n.speaker,
            party=n.party,
            team_only=n.visibility is Visibility.TEAM,
        )
        for n in store.notes(target.number)
        if team or n.visibility is Visibility.MEMBERS
    )

    answered, still_open = _requests(store, target, started_no_later, as_of, local)

    ta_total = sum(1 for s in standings.values() if s.status is ArticleStatus.TA)
    counted = [p for p in today_proposals if p.kind is not ProposalKind.SUPPOSAL]
    totals = RecapTotals(
        session_minutes=session_minutes,
        table_minutes=max(session_minutes - caucus_minutes, 0),
        caucus_minutes=caucus_minutes,
        proposals_union=sum(1 for p in counted if p.by is Party.UNION),
        proposals_employer=sum(1 for p in counted if p.by is Party.EMPLOYER),
        tas_today=len(today_tas),
        articles_tad_today=len({n for t in today_tas for n in t.articles}),
        articles_tad_total=ta_total,
        articles_opened=len(standings),
    )

    attendance = store.attendance(target.number)
    return RecapSnapshot(
        audience=audience,
        generated_at=local(now),
        as_of=local(as_of),
        campaign=RecapCampaign(
            title=campaign.title,
            union=RecapParty(
                side=Party.UNION, name=campaign.union.name, short=campaign.union.short
            ),
            employer=RecapParty(
                side=Party.EMPLOYER, name=campaign.employer.name, short=campaign.employer.short
            ),
            our_side=campaign.our_side,
            timezone=campaign.timezone,
            sender=campaign.recap.sender,
            recipients=campaign.recap.recipients,
            team_recipients=campaign.recap.team_recipients if team else "",
            signoff=campaign.recap.signoff,
            url=campaign.recap.url,
            watch=campaign.recap.watch,
        ),
        session=RecapSession(
            number=target.number,
            scheduled=local(target.starts),
            location=target.location,
            mode=target.mode,
            kind=target.kind,
            mediator=target.mediator,
            started_at=local(target.started_at),
            ended_at=local(target.ended_at) if target.ended_at else None,
            running=target.ended_at is None,
        ),
        totals=totals,
        tas=tuple(tas),
        proposals=proposals,
        withdrawals=withdrawals,
        board=tuple(board),
        caucuses=caucuses,
        caucus_sides=_caucus_sides(caucuses),
        notes=notes,
        requests_answered=answered,
        requests_open=still_open,
        attendance=RecapAttendance(
            present=attendance.present, observers=attendance.observers, sites=attendance.sites
        ),
        next_session=_next_session(sessions, target, local),
        call_to_action=target.call_to_action,
    )


def _pick_session(sessions: Sequence[Session], number: int | None) -> Session:
    started = [s for s in sessions if s.started_at is not None]
    have = describe_numbers([str(s.number) for s in started])
    if number is None:
        if not started:
            raise DomainError("no session has started yet; there is nothing to recap")
        return max(started, key=lambda s: (s.started_at, s.number))
    for candidate in sessions:
        if candidate.number == number:
            if candidate.started_at is None:
                raise DomainError(
                    f"session {number} has not started yet; sessions with a recap: {have}"
                )
            return candidate
    raise DomainError(f"session {number} does not exist; sessions with a recap: {have}")


def _proposal(
    p: ProposalRecord, articles: tuple[RecapArticleRef, ...], at: datetime, team: bool
) -> RecapProposal:
    if not team and p.embargoed:
        return RecapProposal(id=p.id, at=at, by=p.by, withheld=True, embargoed=True)
    return RecapProposal(
        id=p.id,
        at=at,
        by=p.by,
        kind=p.kind,
        label=p.label,
        articles=articles,
        summary=p.summary,
        link=p.link,
        terms=dict(p.terms),
        embargoed=p.embargoed,
        internal_note=p.internal_note if team else "",
    )


def _caucus(
    c: Caucus, session_end: datetime, *, running: bool, team: bool, local: _Local
) -> RecapCaucus:
    end = c.ended_at or session_end
    overrun = max(end - c.due_back, timedelta(0)) if c.ended_at or running else timedelta(0)
    return RecapCaucus(
        id=c.id,
        side=c.side,
        started_at=local(c.started_at),
        due_back=local(c.due_back),
        ended_at=local(c.ended_at) if c.ended_at else None,
        planned_minutes=c.minutes,
        extended_minutes=c.extended_minutes,
        minutes=_minutes(max(end - c.started_at, timedelta(0))),
        overrun_minutes=_minutes(overrun),
        returned=c.ended_at is not None or running,
        still_out=c.ended_at is None and running,
        purpose=c.purpose if team else "",
    )


def _caucus_sides(caucuses: Sequence[RecapCaucus]) -> tuple[RecapCaucusSide, ...]:
    sides = []
    for side in (CaucusSide.UNION, CaucusSide.EMPLOYER, CaucusSide.JOINT):
        mine = [c for c in caucuses if c.side is side]
        if not mine:
            continue
        sides.append(
            RecapCaucusSide(
                side=side,
                count=len(mine),
                minutes=sum(c.minutes for c in mine),
                overruns=sum(1 for c in mine if c.overrun_minutes > 0),
                overrun_minutes=sum(c.overrun_minutes for c in mine),
                not_returned=sum(1 for c in mine if not c.returned),
                still_out=sum(1 for c in mine if c.still_out),
            )
        )
    return tuple(sides)


def _requests(
    store: Store,
    target: Session,
    started_no_later: set[int],
    as_of: datetime,
    local: _Local,
) -> tuple[tuple[RecapInfoRequest, ...], tuple[RecapInfoRequest, ...]]:
    assert target.started_at is not None
    today = local(as_of).date()
    answered: list[RecapInfoRequest] = []
    still_open: list[RecapInfoRequest] = []
    for r in store.info_requests():
        if r.session not in started_no_later:
            continue
        if r.answered_at is None:
            answered_then = False
        elif r.answered_session is not None:
            answered_then = r.answered_session in started_no_later
        else:
            answered_then = r.answered_at <= as_of
        answered_today = answered_then and (
            r.answered_session == target.number
            if r.answered_session is not None
            else r.answered_at is not None and r.answered_at >= target.started_at
        )
        if answered_then and not answered_today:
            continue  # answered in an earlier session: not news, not open
        made = local(r.at)
        overdue = is_overdue(r.due, answered_then, today)
        item = RecapInfoRequest(
            id=r.id,
            by=r.by,
            text=r.text,
            made_at=made,
            made_session=r.session,
            due=r.due,
            answered_at=local(r.answered_at) if answered_then and r.answered_at else None,
            answered_today=answered_today,
            age_days=request_age_days(made.date(), today),
            overdue=overdue,
            days_overdue=(today - r.due).days if overdue and r.due else 0,
        )
        (answered if answered_today else still_open).append(item)
    return tuple(answered), tuple(still_open)


def _next_session(
    sessions: Sequence[Session], target: Session, local: _Local
) -> RecapNextSession | None:
    if target.next is not None:
        number = next(
            (
                s.number
                for s in sessions
                if s.number != target.number and s.starts == target.next.starts
            ),
            None,
        )
        return RecapNextSession(
            number=number, starts=local(target.next.starts), location=target.next.location
        )
    later = [
        s
        for s in sessions
        if s.started_at is None and s.number != target.number and s.starts > target.starts
    ]
    if not later:
        return None
    upcoming = min(later, key=lambda s: (s.starts, s.number))
    return RecapNextSession(
        number=upcoming.number, starts=local(upcoming.starts), location=upcoming.location
    )


def _minutes(delta: timedelta) -> int:
    return int((delta.total_seconds() + 30) // 60)


def _union_length(
    spans: Iterable[tuple[datetime, datetime]], low: datetime, high: datetime
) -> timedelta:
    """The time covered by any of the spans, clipped to [low, high]."""
    clipped = sorted((max(a, low), min(b, high)) for a, b in spans if min(b, high) > max(a, low))
    total = timedelta(0)
    current: tuple[datetime, datetime] | None = None
    for start, end in clipped:
        if current is None or start > current[1]:
            if current is not None:
                total += current[1] - current[0]
            current = (start, end)
        else:
            current = (current[0], max(current[1], end))
    if current is not None:
        total += current[1] - current[0]
    return total


__all__ = [
    "AUDIENCES",
    "Audience",
    "RecapArticleRef",
    "RecapAttendance",
    "RecapBoardRow",
    "RecapCampaign",
    "RecapCaucus",
    "RecapCaucusSide",
    "RecapInfoRequest",
    "RecapNextSession",
    "RecapNote",
    "RecapParty",
    "RecapProposal",
    "RecapSession",
    "RecapSnapshot",
    "RecapTA",
    "RecapTotals",
    "RecapWithdrawal",
    "build_snapshot",
    "member_leak",
]
