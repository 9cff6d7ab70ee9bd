"""Information requests: make one, or mark an open one answered."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from models.domain import Campaign, InfoRequest, Party
from models.events import InfoRequestMade
from models.rules import is_overdue, request_age_days
from tui.dialogs.form_fields import FieldRow, FormDialog, check_line, one_of
from tui.dialogs.list_writes import attempt_shown
from tui.format import local


@dataclass(frozen=True)
class RequestDraft:
    """A new request as typed, ready for `models.actions.make_info_request`."""

    by: Party
    text: str
    due: date | None = None


def request_choice(request: InfoRequest, campaign: Campaign, today: date) -> str:
    """`REA asked 12 days ago · due 2026-04-05 · OVERDUE · Staffing by site…`."""
    days = request_age_days(local(request.at, campaign.timezone).date(), today)
    when = "today" if days == 0 else f"{days} day{'s' if days != 1 else ''} ago"
    parts = [f"{campaign.short(request.by)} asked {when}"]
    if request.due is not None:
        parts.append(f"due {request.due.isoformat()}")
    if is_overdue(request.due, request.answered, today):
        parts.append("OVERDUE")
    text = request.text if len(request.text) <= 60 else request.text[:59] + "…"
    return " · ".join([*parts, text])


class InfoRequestDialog(
    FormDialog[RequestDraft],
    title="Information requests",
    save="Make the request",
    refusal="request-text",
):
    """The open requests on top (Enter marks one answered), a new request below."""

    def __init__(
        self,
        requests: Sequence[InfoRequest],
        campaign: Campaign,
        now: datetime,
        *,
        on_save: Callable[[RequestDraft], object] | None = None,
        on_answer: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(
            on_save,
            campaign=campaign,
            today=local(now, campaign.timezone).date(),
            open_requests=[r for r in requests if not r.answered],
        )
        self._on_answer = on_answer

    def intro(self) -> str:
        if not self.open_requests:
            return "No request is open. Make one below."
        return "Open requests: Enter on one marks it answered. Or make a new one below."

    def compose_fields(self) -> ComposeResult:
        if self.open_requests:
            yield OptionList(
                *(
                    Option(request_choice(r, self.campaign, self.today), id=r.id)
                    for r in self.open_requests
                ),
                id="request-list",
            )
            yield Static("", classes="dialog-error", id="request-list-error", markup=False)
        sides = [(f"{self.campaign.short(p)} ({p.value})", p) for p in Party]
        yield FieldRow(
            "Asked by",
            one_of(sides, self.campaign.our_side, "request-by"),
        )
        yield FieldRow(
            "Request",
            Input(
                placeholder="Staffing by site for the last 3 years", compact=True, id="request-text"
            ),
        )
        yield FieldRow(
            "Due",
            Input(placeholder="YYYY-MM-DD", compact=True, id="request-due"),
            narrow=("request-due",),
        )

    def on_mount(self) -> None:
        if self.open_requests:
            options = self.query_one("#request-list", OptionList)
            options.highlighted = 0
            options.focus()
        else:
            self.query_one("#request-text", Input).focus()

    @on(OptionList.OptionSelected, "#request-list")
    def _answer(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        request = self.open_requests[event.option_index]
        error = self.query_one("#request-list-error", Static)
        if attempt_shown(self, self._on_answer, request.id, error):
            self.app.notify(f"Marked answered: {request.text[:60]}")
            self.dismiss(None)

    def check(self) -> tuple[RequestDraft | None, dict[str, str]]:
        problems: dict[str, str] = {}
        due_text = self.query_one("#request-due", Input).value.strip()
        parsed, found = check_line(
            InfoRequestMade,
            {
                "type": "info_request.made",
                "session": 1,
                "by": self.query_one("#request-by", Select).value,
                "text": self.query_one("#request-text", Input).value,
                "due": due_text or None,
            },
        )
        for name, message in found.items():
            target = {"text": "request-text", "due": "request-due"}.get(name, "request-by")
            problems.setdefault(target, message)
        if parsed is None or problems:
            return None, problems
        return RequestDraft(by=parsed.by, text=parsed.text, due=parsed.due), {}
