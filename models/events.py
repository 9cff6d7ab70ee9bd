"""The journal's event types: one pydantic model per line type, as DESIGN.md lists them.

A line is checked here for its shape (fields, types, lengths); the store then checks it
against the state (an article that exists, a caucus that is open).
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    ValidationError,
    model_validator,
)

from models.domain import (
    CaucusSide,
    NoteKind,
    NoteParty,
    Party,
    ProposalKind,
    SessionKind,
    SessionMode,
    Visibility,
)
from models.errors import DomainError
from models.event_base import Event, Payload
from models.event_corrections import CORRECTION_TYPES
from models.event_recap import RECAP_EVENTS
from models.fields import (
    AgendaMinutes,
    ArticleList,
    ArticleNumber,
    CaucusMinutes,
    Day,
    EventId,
    Headcount,
    Initials,
    Instant,
    ItemRef,
    Label,
    Link,
    Name,
    NameList,
    OptionalLine,
    OptionalText,
    RequiredArticleList,
    RequiredText,
    SessionNumber,
    ShortName,
    Terms,
)
from models.normal import check_shape


def _mailbox(value: str) -> str:
    from models.addresses import normalise_mailbox

    return normalise_mailbox(value)


_TERM_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _unit(value: str) -> str:
    if len(value) > 24:
        raise ValueError(f"is {len(value):,} characters long; keep it to 24")
    return value


UnitText = Annotated[OptionalLine, AfterValidator(_unit)]
"""A term's unit as people read it: `%`, `$`, `days`."""

MailboxText = Annotated[OptionalLine, AfterValidator(_mailbox)]
"""One e-mail address as typed (`Name <address>` or `address`), kept in its normal form."""


class PartyNames(Payload):
    name: Name
    short: ShortName


class RecapFields(Payload):
    """The recap's settings: sender (`from`), the members' address (`to`), the team's own
    (`team_to`), the sign-off, where recaps are posted (`url`) and how to watch (`watch`).

    Each address is one mailbox, `Name <address>` or `address`, kept in its normal form."""

    sender: MailboxText = Field("", alias="from")
    to: MailboxText = ""
    team_to: MailboxText = ""
    signoff: OptionalText = ""
    url: Link = ""
    watch: OptionalText = ""


class GroundRules(Payload):
    """The mediation ground rules: what members may see of an embargoed proposal (`details`:
    that it was passed, by whom and when; `all`: nothing, as if it had not been passed)."""

    embargo: Literal["details", "all"] = "details"


def _term_name(value: object) -> str:
    if not isinstance(value, str) or not _TERM_NAME.match(value) or len(value) > 40:
        raise ValueError(
            f"term name {value!r} must be lower-case letters, digits and _ (like salary_pct_y1)"
        )
    return value


def _cost(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"must be a number, like 125000, not {value!r}")
    if not math.isfinite(value) or not 0 <= value <= 1e15:
        raise ValueError(f"must be a number from 0 to 1,000,000,000,000,000, not {value!r}")
    return float(value)


TermName = Annotated[str, BeforeValidator(_term_name)]
Cost = Annotated[float | None, BeforeValidator(_cost)]


class TermSettings(Payload):
    """How people read one numeric term (`salary_pct_y1`): its label, its unit, what one unit
    costs (turning a gap into money) and which way is better for the union (`higher` or
    `lower`). In `campaign.updated` each field merges with what came before."""

    label: OptionalLine | None = None
    unit: UnitText | None = None
    cost_per_unit: Cost = None
    better: Literal["higher", "lower"] | None = None


class CampaignCreated(Event):
    type: Literal["campaign.created"]
    union: PartyNames
    employer: PartyNames
    timezone: Name
    title: OptionalLine = ""
    our_side: Party = Party.UNION


class CampaignUpdated(Event):
    type: Literal["campaign.updated"]
    title: OptionalLine | None = None
    union: PartyNames | None = None
    employer: PartyNames | None = None
    timezone: Name | None = None
    our_side: Party | None = None
    recap: RecapFields | None = None
    terms: dict[TermName, TermSettings | None] | None = None
    """Each named term's settings, merged field by field; `null` removes the term's name."""
    ground_rules: GroundRules | None = None


class ArticleAdded(Event):
    type: Literal["article.added"]
    number: ArticleNumber
    title: Name


class ArticleRenamed(Event):
    type: Literal["article.renamed"]
    number: ArticleNumber
    title: Name


class MemberAdded(Event):
    type: Literal["member.added"]
    name: Name
    role: OptionalLine = ""
    site: OptionalLine = ""


class NextSessionFields(Payload):
    starts: Instant
    location: OptionalLine = ""


class SessionScheduled(Event):
    type: Literal["session.scheduled"]
    session: SessionNumber
    starts: Instant
    location: OptionalLine = ""
    mode: SessionMode = SessionMode.IN_PERSON
    kind: SessionKind = SessionKind.REGULAR
    mediator: OptionalLine = ""


class SessionStarted(Event):
    type: Literal["session.started"]
    session: SessionNumber


class SessionEnded(Event):
    type: Literal["session.ended"]
    session: SessionNumber
    next: NextSessionFields | None = None
    call_to_action: OptionalText = ""


class AttendanceRecorded(Event):
    type: Literal["attendance.recorded"]
    session: SessionNumber
    present: NameList = ()
    observers: Headcount = 0
    sites: Headcount = 0


class AgendaItemAdded(Event):
    type: Literal["agenda.item_added"]
    session: SessionNumber
    title: Name
    minutes: AgendaMinutes | None = None
    articles: ArticleList = ()


class AgendaItemMark(Event):
    type: Literal["agenda.item_started", "agenda.item_done", "agenda.item_skipped"]
    session: SessionNumber
    item: ItemRef


class ProposalPassed(Event):
    type: Literal["proposal.passed"]
    session: SessionNumber
    by: Party
    articles: RequiredArticleList
    label: Label
    kind: ProposalKind = ProposalKind.COUNTER
    summary: OptionalText = ""
    internal_note: OptionalText = ""
    embargoed: bool = False
    link: Link = ""
    terms: Terms = {}  # noqa: RUF012 (a pydantic field: each model gets its own copy)


class ProposalWithdrawn(Event):
    type: Literal["proposal.withdrawn"]
    proposal: EventId
    by: Party


class TASigned(Event):
    type: Literal["ta.signed"]
    session: SessionNumber
    articles: ArticleList = ()
    summary: OptionalText = ""
    proposal: EventId | None = None
    initials: dict[Literal["union", "employer"], Initials]

    @model_validator(mode="after")
    def _needs_articles(self) -> TASigned:
        if not self.articles and self.proposal is None:
            raise ValueError("a TA names its articles, or the package proposal it comes from")
        missing = {"union", "employer"} - set(self.initials)
        if missing:
            raise ValueError(
                "a TA needs both sides' initials; missing " + " and ".join(sorted(missing))
            )
        return self


class CaucusStarted(Event):
    type: Literal["caucus.started"]
    session: SessionNumber
    by: CaucusSide
    minutes: CaucusMinutes
    purpose: OptionalText = ""


class CaucusExtended(Event):
    type: Literal["caucus.extended"]
    session: SessionNumber
    by: CaucusSide
    minutes: CaucusMinutes


class CaucusEnded(Event):
    type: Literal["caucus.ended"]
    session: SessionNumber
    by: CaucusSide


class NoteAdded(Event):
    type: Literal["note.added"]
    session: SessionNumber
    text: RequiredText
    kind: NoteKind = NoteKind.NOTE
    speaker: OptionalLine = ""
    party: NoteParty | None = None
    visibility: Visibility | None = None


class InfoRequestMade(Event):
    type: Literal["info_request.made"]
    session: SessionNumber
    by: Party
    text: RequiredText
    due: Day | None = None


class InfoRequestAnswered(Event):
    type: Literal["info_request.answered"]
    request: EventId
    session: SessionNumber | None = None


class EventUndone(Event):
    type: Literal["event.undone"]
    event: EventId


EVENT_TYPES: dict[str, type[Event]] = {
    "campaign.created": CampaignCreated,
    "campaign.updated": CampaignUpdated,
    "article.added": ArticleAdded,
    "article.renamed": ArticleRenamed,
    "member.added": MemberAdded,
    "session.scheduled": SessionScheduled,
    "session.started": SessionStarted,
    "session.ended": SessionEnded,
    "attendance.recorded": AttendanceRecorded,
    "agenda.item_added": AgendaItemAdded,
    "agenda.item_started": AgendaItemMark,
    "agenda.item_done": AgendaItemMark,
    "agenda.item_skipped": AgendaItemMark,
    "proposal.passed": ProposalPassed,
    "proposal.withdrawn": ProposalWithdrawn,
    "ta.signed": TASigned,
    "caucus.started": CaucusStarted,
    "caucus.extended": CaucusExtended,
    "caucus.ended": CaucusEnded,
    "note.added": NoteAdded,
    "info_request.made": InfoRequestMade,
    "info_request.answered": InfoRequestAnswered,
    "event.undone": EventUndone,
    **CORRECTION_TYPES,
    **RECAP_EVENTS,
}


def _where(location: tuple[int | str, ...]) -> str:
    parts = [str(part) for part in location if not str(part).startswith(("function-", "tagged"))]
    return ".".join(parts)


def describe(error: ValidationError) -> str:
    """The first problem of a validation error as one sentence naming its field."""
    first = error.errors()[0]
    field = _where(first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        return f"unknown field {field!r}; remove it"
    if first["type"] == "missing":
        return f"{field} is missing"
    if first["type"] == "literal_error" and field == "type":
        return "type is not an event type"
    if first["type"] == "enum" or first["type"] == "literal_error":
        return f"{field} {message[0].lower()}{message[1:]}" if field else message
    return f"{field} {message}" if field else message


def parse_event(line: object) -> Event:
    """Check one journal line's shape; refuse it with a DomainError naming the field."""
    if not isinstance(line, dict):
        raise DomainError("each line must be a JSON object")
    check_shape(line)
    kind = line.get("type")
    if not isinstance(kind, str) or not kind:
        raise DomainError("type is missing")
    model = EVENT_TYPES.get(kind)
    if model is None:
        raise DomainError(f"unknown event type {kind!r}; known: {', '.join(EVENT_TYPES)}")
    try:
        return model.model_validate(line)
    except ValidationError as error:
        raise DomainError(describe(error)) from None
