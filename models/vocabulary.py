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


# Each of these words is said in the journal by its name in lower case (`NOT_OPENED` is
# "not_opened"): the functional StrEnum gives each member that value.

CaucusSide = StrEnum("CaucusSide", "UNION EMPLOYER JOINT")
ArticleStatus = StrEnum("ArticleStatus", "NOT_OPENED OPEN TA")
ProposalStatus = StrEnum("ProposalStatus", "STANDING ANSWERED WITHDRAWN AGREED")
ProposalKind = StrEnum("ProposalKind", "INITIAL COUNTER PACKAGE SUPPOSAL")
NoteKind = StrEnum("NoteKind", "NOTE QUOTE COMMITMENT ACTION")
Visibility = StrEnum("Visibility", "MEMBERS TEAM")
SessionKind = StrEnum("SessionKind", "REGULAR MEDIATION FACT_FINDING")
SessionMode = StrEnum("SessionMode", "IN_PERSON ZOOM HYBRID")
AgendaStatus = StrEnum("AgendaStatus", "UPCOMING ACTIVE DONE SKIPPED")


Audience = Literal["members", "team"]
"""Who a recap or a board is for: the members, or the bargaining team."""

AUDIENCES: tuple[Audience, ...] = ("members", "team")

RECAP_FORMATS = ("md", "html", "eml", "sms", "json", "csv")
"""Every format a recap is written in (`bargain recap --format`, the recap screen)."""

BOARD_FORMATS = ("table", "csv", "json")
"""How `bargain board` and `bargain articles` print."""

PARTIES = tuple(p.value for p in Party)
"""The two sides, as `--by` and `--holder` options name them."""
