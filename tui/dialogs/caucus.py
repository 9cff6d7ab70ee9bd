"""Call a caucus: which side leaves, for how long, and why (the why stays with the team)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Select

from models.domain import Campaign, CaucusSide
from models.errors import DomainError
from models.events import CaucusStarted
from models.timeutil import parse_minutes
from tui.dialogs.form_fields import FieldRow, FormDialog, check_line, one_of


@dataclass(frozen=True)
class CaucusRequest:
    """A caucus as typed, ready for `models.actions.call_caucus`."""

    side: CaucusSide
    minutes: int
    purpose: str = ""


def side_choices(
    campaign: Campaign,
    sides: Collection[CaucusSide] | None = None,
) -> list[tuple[str, CaucusSide]]:
    """Select options for caucus sides: `REA (union)`, `RUSD (employer)`, `joint sidebar`."""
    labels = {
        CaucusSide.UNION: f"{campaign.union.short} (union)",
        CaucusSide.EMPLOYER: f"{campaign.employer.short} (employer)",
        CaucusSide.JOINT: "joint sidebar (both sides)",
    }
    return [(labels[side], side) for side in CaucusSide if sides is None or side in sides]


def minutes_problem(typed: str) -> tuple[int | None, str]:
    """Minutes from `20`, `20m` or `1h30`, or what is wrong with the text."""
    try:
        return parse_minutes(typed), ""
    except DomainError as error:
        return None, str(error)


class CaucusDialog(
    FormDialog[CaucusRequest],
    title="Call a caucus",
    save="Start the clock",
    refusal="caucus-side",
    first="caucus-minutes",
    intro="The purpose is team-only: it never appears in the recap or any member output.",
):
    """Defaults to our side (the other side when ours is already out) and 20 minutes."""

    def __init__(
        self,
        campaign: Campaign,
        out: Collection[CaucusSide],
        on_save: Callable[[CaucusRequest], object] | None = None,
    ) -> None:
        super().__init__(on_save, campaign=campaign, out=set(out))

    def compose_fields(self) -> ComposeResult:
        ours = CaucusSide(self.campaign.our_side.value)
        free = [side for side in CaucusSide if side not in self.out] or list(CaucusSide)
        default = ours if ours in free else free[0]
        yield FieldRow(
            "Side",
            one_of(side_choices(self.campaign), default, "caucus-side"),
        )
        yield FieldRow(
            "Minutes",
            Input("20", placeholder="20, 20m or 1h30", compact=True, id="caucus-minutes"),
            narrow=("caucus-minutes",),
        )
        yield FieldRow(
            "Purpose",
            Input(
                placeholder="Team only: why we are stepping out", compact=True, id="caucus-purpose"
            ),
        )

    def check(self) -> tuple[CaucusRequest | None, dict[str, str]]:
        problems: dict[str, str] = {}
        side = self.query_one("#caucus-side", Select).value
        minutes, problem = minutes_problem(self.query_one("#caucus-minutes", Input).value)
        if problem:
            problems["caucus-minutes"] = problem
        if side in self.out:
            problems["caucus-side"] = "is already in caucus; extend it with + or end it with e"
        parsed, found = check_line(
            CaucusStarted,
            {
                "type": "caucus.started",
                "session": 1,
                "by": side,
                "minutes": minutes or 1,
                "purpose": self.query_one("#caucus-purpose", Input).value,
            },
        )
        for name, message in found.items():
            target = {"minutes": "caucus-minutes", "purpose": "caucus-purpose"}.get(
                name, "caucus-side"
            )
            problems.setdefault(target, message)
        if parsed is None or problems or minutes is None:
            return None, problems
        return CaucusRequest(side=parsed.by, minutes=parsed.minutes, purpose=parsed.purpose), {}
