"""End the session: when and where the next one is, and what members should do next; and,
checked by default, close the caucuses and the agenda item still open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from textual.app import ComposeResult
from textual.widgets import Input, Static

from models.domain import AgendaItem, Campaign, Caucus, CaucusSide, Session
from tui.dialogs.form_fields import FieldRow, FormDialog
from tui.dialogs.session_time import parse_day, parse_time, wall_clock
from tui.dialogs.ticks import TickBox
from tui.format import local


@dataclass(frozen=True)
class EndSessionRequest:
    """What `models.actions.end_session` takes besides the session number."""

    next_starts: datetime | None = None
    next_location: str = ""
    call_to_action: str = ""
    close_caucuses: tuple[CaucusSide, ...] = ()
    """The sides whose caucus ends first (`caucus.ended` before `session.ended`)."""
    finish_item: int | None = None
    """The position of the active agenda item marked done first, if any."""


def still_open(campaign: Campaign, caucuses: Sequence[Caucus], item: AgendaItem | None) -> str:
    """What ending the session would leave running: "REA caucus, agenda item 5 'Salary'"."""
    names = [
        "the joint sidebar" if c.side is CaucusSide.JOINT else f"{campaign.short(c.side)} caucus"
        for c in caucuses
    ]
    if item is not None:
        names.append(f"agenda item {item.position} '{item.title}'")
    return ", ".join(names)


class EndSessionDialog(FormDialog[EndSessionRequest], title="End the session", first="end-action"):
    """Every field may stay empty; a time needs a date. Ending also writes a backup."""

    SAVE_LABEL = "End the session"
    INTRO = (
        "Ends session {self.session.number} now. The next session and the call to action go "
        "into the recap members read tonight."
    )

    def __init__(
        self,
        campaign: Campaign,
        session: Session,
        now: datetime,
        on_save: Callable[[EndSessionRequest], object] | None = None,
        open_caucuses: Sequence[Caucus] = (),
        active_item: AgendaItem | None = None,
    ) -> None:
        super().__init__(
            on_save,
            campaign=campaign,
            session=session,
            now=now,
            open_caucuses=tuple(c for c in open_caucuses if c.open),
            active_item=active_item,
        )

    def compose_fields(self) -> ComposeResult:
        running = still_open(self.campaign, self.open_caucuses, self.active_item)
        if running:
            listed = Static(running, id="end-open", markup=False)
            listed.styles.width = "1fr"  # wraps within the row (auto: cut at the right edge)
            yield FieldRow("Still open", listed)
            yield FieldRow("", TickBox("Close them as the session ends", True, id="end-close"))
        next_week = local(self.session.starts, self.campaign.timezone) + timedelta(days=7)
        yield FieldRow(
            "Next session",
            Input(
                next_week.date().isoformat(), placeholder="YYYY-MM-DD", compact=True, id="end-date"
            ),
            "time",
            Input(next_week.strftime("%H:%M"), placeholder="16:30", compact=True, id="end-time"),
            narrow=("end-date", "end-time"),
        )
        yield FieldRow(
            "Place",
            Input(
                self.session.location, placeholder="Where, or Zoom", compact=True, id="end-place"
            ),
        )
        yield FieldRow(
            "Ask members",
            Input(
                placeholder="Wear red on Thursday; pack the board meeting on the 12th",
                compact=True,
                id="end-action",
            ),
        )

    def check(self) -> tuple[EndSessionRequest | None, dict[str, str]]:
        problems: dict[str, str] = {}
        day_text = self.query_one("#end-date", Input).value.strip()
        time_text = self.query_one("#end-time", Input).value.strip()
        starts: datetime | None = None
        if day_text:
            day, problem = parse_day(day_text)
            at: time | None = time(16, 30)
            if time_text:
                at, time_problem = parse_time(time_text)
                if time_problem:
                    problems["end-time"] = time_problem
            if problem:
                problems["end-date"] = problem
            elif day is not None and at is not None:
                starts, problem = wall_clock(day, at, self.campaign.timezone)
                if starts is None:
                    problems["end-time"] = problem
                elif starts <= self.now:
                    problems["end-date"] = "is not in the future"
        elif time_text:
            problems["end-date"] = "is empty; a time needs a date"
        place = self.query_one("#end-place", Input).value.strip()
        action = self.query_one("#end-action", Input).value.strip()
        if len(place) > 500:
            problems["end-place"] = "is longer than 500 characters"
        if problems:
            return None, problems
        close = bool(self.query("#end-close")) and self.query_one("#end-close", TickBox).value
        return (
            EndSessionRequest(
                starts,
                place if starts else "",
                action,
                close_caucuses=tuple(c.side for c in self.open_caucuses) if close else (),
                finish_item=self.active_item.position if close and self.active_item else None,
            ),
            {},
        )
