"""Extend a running caucus by some minutes (picking the side when several are out)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Select

from models.domain import Campaign, Caucus, CaucusSide
from models.events import CaucusExtended
from tui.dialogs.caucus import minutes_problem, side_choices
from tui.dialogs.form_fields import FieldRow, FormDialog, check_line, one_of


@dataclass(frozen=True)
class ExtendRequest:
    """An extension as typed, ready for `models.actions.extend_caucus`."""

    side: CaucusSide
    minutes: int


class ExtendCaucusDialog(
    FormDialog[ExtendRequest],
    title="Extend the caucus",
    save="Extend",
    refusal="extend-side",
    first="extend-minutes",
):
    """The due-back time moves by the minutes given; the clock follows at once."""

    def __init__(
        self,
        caucuses: Sequence[Caucus],
        campaign: Campaign,
        on_save: Callable[[ExtendRequest], object] | None = None,
    ) -> None:
        super().__init__(on_save, caucuses=list(caucuses), campaign=campaign)

    def compose_fields(self) -> ComposeResult:
        sides = [caucus.side for caucus in self.caucuses]
        yield FieldRow(
            "Side",
            one_of(side_choices(self.campaign, sides), sides[0], "extend-side"),
        )
        yield FieldRow(
            "More minutes",
            Input("10", placeholder="10, 10m or 1h", compact=True, id="extend-minutes"),
            narrow=("extend-minutes",),
        )

    def check(self) -> tuple[ExtendRequest | None, dict[str, str]]:
        problems: dict[str, str] = {}
        side = self.query_one("#extend-side", Select).value
        minutes, problem = minutes_problem(self.query_one("#extend-minutes", Input).value)
        if problem:
            problems["extend-minutes"] = problem
        parsed, found = check_line(
            CaucusExtended,
            {
                "type": "caucus.extended",
                "session": 1,
                "by": side,
                "minutes": minutes or 1,
            },
        )
        for name, message in found.items():
            problems.setdefault("extend-minutes" if name == "minutes" else "extend-side", message)
        if parsed is None or problems or minutes is None:
            return None, problems
        return ExtendRequest(side=parsed.by, minutes=parsed.minutes), {}
