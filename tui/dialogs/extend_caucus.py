"""Extend a running caucus by some minutes (picking the side when several are out)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult

from models.domain import Campaign, Caucus, CaucusSide
from models.events import CaucusExtended
from tui.dialogs.caucus import CaucusForm, side_choices


@dataclass(frozen=True)
class ExtendRequest:
    """An extension as typed, ready for `models.actions.extend_caucus`."""

    side: CaucusSide
    minutes: int


class ExtendCaucusDialog(
    CaucusForm[ExtendRequest], prefix="extend", title="Extend the caucus", save="Extend"
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
        yield self.side_row(side_choices(self.campaign, sides), sides[0])
        yield self.minutes_row("More minutes", "10", "10, 10m or 1h")

    def check(self) -> tuple[ExtendRequest | None, dict[str, str]]:
        parsed, problems = self.check_caucus(CaucusExtended, {"type": "caucus.extended"}, {})
        if parsed is None or problems:
            return None, problems
        return ExtendRequest(side=parsed.by, minutes=parsed.minutes), {}
