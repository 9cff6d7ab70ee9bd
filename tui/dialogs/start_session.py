"""Start the next session: the one scheduled, or one scheduled here and now."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from models.domain import Campaign, Session, SessionKind, SessionMode
from tui.dialogs.form_fields import FieldRow, FormDialog, one_of
from tui.dialogs.session_time import parse_day, parse_time, wall_clock
from tui.format import KIND_WORDS, day_and_time, local


@dataclass(frozen=True)
class StartSessionRequest:
    """Start session `number`, or (number None) schedule one with these fields and start it."""

    number: int | None
    starts: datetime
    location: str = ""
    mode: SessionMode = SessionMode.IN_PERSON
    kind: SessionKind = SessionKind.REGULAR


class StartSessionDialog(
    FormDialog[StartSessionRequest], title="Start the session", save="Start", refusal=""
):
    """The session clock runs from the moment it is started."""

    def __init__(
        self,
        campaign: Campaign,
        waiting: Session | None,
        now: datetime,
        on_save: Callable[[StartSessionRequest], object] | None = None,
    ) -> None:
        super().__init__(on_save, campaign=campaign, waiting=waiting, now=now)

    def intro(self) -> str:
        if self.waiting is not None:
            return "Press Enter (or Start) to start it now; Escape leaves it waiting."
        return "No session is waiting to start: this schedules the next one and starts it now."

    def compose_fields(self) -> ComposeResult:
        if self.waiting is not None:
            session = self.waiting
            place = f" · {session.location}" if session.location else ""
            yield Static(
                f"Session {session.number} · {KIND_WORDS[session.kind]} · scheduled "
                f"{day_and_time(session.starts, self.campaign.timezone)}{place}",
                id="start-summary",
                markup=False,
            )
            return
        here = local(self.now, self.campaign.timezone)
        yield FieldRow(
            "Date",
            Input(here.date().isoformat(), compact=True, id="start-date"),
            "time",
            Input(here.strftime("%H:%M"), compact=True, id="start-time"),
            narrow=("start-date", "start-time"),
        )
        yield FieldRow(
            "Place",
            Input(placeholder="Board room, or the Zoom link", compact=True, id="start-place"),
        )
        yield FieldRow(
            "Mode",
            one_of(
                [(m.value.replace("_", " "), m) for m in SessionMode],
                SessionMode.IN_PERSON,
                "start-mode",
            ),
            "kind",
            one_of([(KIND_WORDS[k], k) for k in SessionKind], SessionKind.REGULAR, "start-kind"),
        )

    def on_mount(self) -> None:
        if self.waiting is not None:
            self.query_one("#form-save").focus()

    def check(self) -> tuple[StartSessionRequest | None, dict[str, str]]:
        if self.waiting is not None:
            return StartSessionRequest(self.waiting.number, self.waiting.starts), {}
        problems: dict[str, str] = {}
        day, problem = parse_day(self.query_one("#start-date", Input).value)
        if problem:
            problems["start-date"] = problem
        at, problem = parse_time(self.query_one("#start-time", Input).value)
        if problem:
            problems["start-time"] = problem
        place = self.query_one("#start-place", Input).value.strip()
        if len(place) > 500:
            problems["start-place"] = "is longer than 500 characters"
        mode = self.query_one("#start-mode", Select).value
        kind = self.query_one("#start-kind", Select).value
        if problems or day is None or at is None:
            return None, problems
        starts, problem = wall_clock(day, at, self.campaign.timezone)
        if starts is None:
            return None, {"start-time": problem}
        assert isinstance(mode, SessionMode) and isinstance(kind, SessionKind)
        return StartSessionRequest(None, starts, place, mode, kind), {}
