"""The top line: both parties, the session and its kind, how long it has run, the local time."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from models.domain import Campaign, Party, Session
from models.timeutil import utc_now
from tui.format import KIND_WORDS, PARTY_STYLE, clock, day_and_time, hours_minutes, zone_name


class SessionHeader(Widget):
    """One line; renders the campaign, the session and the clock it is given (to the minute:
    the screen sets `now` once a minute, so the header repaints once a minute)."""

    campaign: reactive[Campaign | None] = reactive(None)
    session: reactive[Session | None] = reactive(None)
    now: reactive[datetime] = reactive(utc_now)

    def render(self) -> Content:
        campaign = self.campaign
        if campaign is None:
            return Content("open-bargaining")
        tz = campaign.timezone
        parties = Content.assemble(
            (campaign.union.short, f"bold {PARTY_STYLE[Party.UNION]}"),
            " / ",
            (campaign.employer.short, f"bold {PARTY_STYLE[Party.EMPLOYER]}"),
        )
        state = self._session_state(tz)
        right = Content.assemble(
            (clock(self.now, tz), "bold"), " ", (zone_name(self.now, tz), "dim")
        )
        left = Content.assemble(parties, "  ", state)
        width = self.size.width
        gap = width - left.cell_length - right.cell_length
        if gap < 2:
            return left.truncate(width, ellipsis=True)
        return Content.assemble(left, " " * gap, right)

    def _session_state(self, tz: str) -> Content:
        session = self.session
        if session is None:
            return Content.assemble(("no session scheduled", "italic"), "  (S: sessions)")
        kind = KIND_WORDS[session.kind]
        title = Content.assemble(("Session ", "bold"), (str(session.number), "bold"), " · ", kind)
        if session.running and session.started_at is not None:
            return Content.assemble(
                title,
                " · ",
                ("● running ", "$text-success"),
                (hours_minutes(self.now - session.started_at), "bold"),
            )
        if session.ended_at is not None:
            return Content.assemble(title, " · ", ("ended " + clock(session.ended_at, tz), "dim"))
        return Content.assemble(
            title, " · ", ("not started", "$text-warning"), " · " + day_and_time(session.starts, tz)
        )
