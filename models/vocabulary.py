"""The closed vocabularies of the field (parties, statuses, kinds, audiences, formats): the one
place they are defined, imported everywhere else.

Kept apart from the pydantic models so that screenless commands can use them without paying
for pydantic's start-up.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


class Party(StrEnum):
    UNION = "union"
    EMPLOYER = "employer"

    @property
    def other(self) -> Party:
        return Party.EMPLOYER if self is Party.UNION else Party.UNION


class NoteParty(StrEnum):
    """Who a note's speaker speaks for: either side, the mediator, or someone else (an
    observer, a parent, a fact-finder)."""

    UNION = "union"
    EMPLOYER = "employer"
    MEDIATOR = "mediator"
    OTHER = "other"


class CaucusSide(StrEnum):
    UNION = "union"
    EMPLOYER = "employer"
    JOINT = "joint"


class ArticleStatus(StrEnum):
    NOT_OPENED = "not_opened"
    OPEN = "open"
    TA = "ta"


class ProposalStatus(StrEnum):
    STANDING = "standing"
    ANSWERED = "answered"
    WITHDRAWN = "withdrawn"
    AGREED = "agreed"


class ProposalKind(StrEnum):
    INITIAL = "initial"
    COUNTER = "counter"
    PACKAGE = "package"
    SUPPOSAL = "supposal"


class NoteKind(StrEnum):
    NOTE = "note"
    QUOTE = "quote"
    COMMITMENT = "commitment"
    ACTION = "action"


class Visibility(StrEnum):
    MEMBERS = "members"
    TEAM = "team"


class SessionKind(StrEnum):
    REGULAR = "regular"
    MEDIATION = "mediation"
    FACT_FINDING = "fact_finding"


class SessionMode(StrEnum):
    IN_PERSON = "in_person"
    ZOOM = "zoom"
    HYBRID = "hybrid"


class AgendaStatus(StrEnum):
    UPCOMING = "upcoming"
    ACTIVE = "active"
    DONE = "done"
    SKIPPED = "skipped"


Audience = Literal["members", "team"]
"""Who a recap or a board is for: the members, or the bargaining team."""

AUDIENCES: tuple[Audience, ...] = ("members", "team")

RECAP_FORMATS = ("md", "html", "eml", "sms", "json", "csv")
"""Every format a recap is written in (`bargain recap --format`, the recap screen)."""

BOARD_FORMATS = ("table", "csv", "json")
"""How `bargain board` and `bargain articles` print."""

PARTIES = tuple(p.value for p in Party)
"""The two sides, as `--by` and `--holder` options name them."""
