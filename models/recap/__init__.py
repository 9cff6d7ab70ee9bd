"""What one session's recap says, as frozen data: the snapshot every export format reads.

`build_snapshot(store, session, audience, now)` gathers one session and the campaign around it
(standings, TA totals and request ages as of the session's end, or `now` while it runs) into a
`RecapSnapshot`. Confidentiality lives here, not in the templates: a member snapshot never
holds team-only notes, internal notes, caucus purposes, supposals or an embargoed proposal's
details, and the snapshot refuses to exist if it does (`member_leak` runs whenever one is made,
by `build_snapshot`, `_replace`, `model_copy` or `model_validate` alike).

The snapshot is made of named tuples (the one mechanism of the read records), so that
`bargain recap` never pays for pydantic's start-up; its board rows are `models.board.BoardRow`,
the console's own. `RecapSnapshot` keeps `model_dump`, `model_copy` and `model_validate` (the
last two through pydantic, loaded when called): the JSON export and its round trip are
unchanged.

The package has one job per module: `records` (the frozen record classes), `leaks` (the
confidentiality check, `member_leak`), `build` (`build_snapshot`) and `parts` (the caucus,
request and next-session parts `build_snapshot` reckons).
"""

from __future__ import annotations

from models.recap.build import build_snapshot
from models.recap.leaks import member_leak
from models.recap.records import (
    RecapArticleRef,
    RecapAttendance,
    RecapCampaign,
    RecapCaucus,
    RecapCaucusSide,
    RecapInfoRequest,
    RecapNextSession,
    RecapNote,
    RecapParty,
    RecapProposal,
    RecapSession,
    RecapSnapshot,
    RecapTA,
    RecapTotals,
    RecapUntranslated,
    RecapWithdrawal,
)
from models.vocabulary import AUDIENCES, Audience

__all__ = [
    "AUDIENCES",
    "Audience",
    "RecapArticleRef",
    "RecapAttendance",
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
    "RecapUntranslated",
    "RecapWithdrawal",
    "build_snapshot",
    "member_leak",
]
