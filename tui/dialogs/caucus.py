"""Call a caucus: which side leaves, for how long, and why (the why stays with the team);
and `CaucusForm`, what calling one shares with extending one (`tui.dialogs.extend_caucus`)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel
from textual.app import ComposeResult
from textual.widgets import Input, Select

from models.domain import Campaign, CaucusSide
from models.errors import DomainError
from models.events import CaucusStarted
from models.timeutil import parse_minutes
from tui.dialogs.form_fields import FieldRow, FormDialog, check_line, one_of

ResultT = TypeVar("ResultT")
LineT = TypeVar("LineT", bound=BaseModel)


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


class CaucusForm(FormDialog[ResultT]):
    """What the caucus forms share: a side (`<prefix>-side`, beside which a refusal is
    shown) and minutes (`<prefix>-minutes`, focused first), checked as the caucus line."""

    PREFIX: ClassVar[str] = ""

    def __init_subclass__(cls, *, prefix: str | None = None, **options: Any) -> None:
        """`prefix` names the form's fields: "caucus" -> `caucus-side`, `caucus-minutes`."""
        if prefix is not None:
            options.setdefault("refusal", f"{prefix}-side")
            options.setdefault("first", f"{prefix}-minutes")
        super().__init_subclass__(**options)
        if prefix is not None:
            cls.PREFIX = prefix

    def side_row(self, choices: list[tuple[str, CaucusSide]], value: CaucusSide) -> FieldRow:
        """The side's row."""
        return FieldRow("Side", one_of(choices, value, f"{self.PREFIX}-side"))

    def minutes_row(self, label: str, minutes: str, placeholder: str) -> FieldRow:
        """The minutes' row, prefilled with `minutes`."""
        field = f"{self.PREFIX}-minutes"
        typed = Input(minutes, placeholder=placeholder, compact=True, id=field)
        return FieldRow(label, typed, narrow=(field,))

    def side_problem(self, side: object) -> str:
        """What is wrong with the side picked ("" for nothing)."""
        return ""

    def check_caucus(
        self, model: type[LineT], line: Mapping[str, Any], fields: Mapping[str, str]
    ) -> tuple[LineT | None, dict[str, str]]:
        """The caucus line as typed (`line` with the side and minutes), or None and the
        problems by field id (`fields`: line field -> field id; the side for the rest)."""
        problems: dict[str, str] = {}
        side = self.query_one(f"#{self.PREFIX}-side", Select).value
        minutes, problem = minutes_problem(self.query_one(f"#{self.PREFIX}-minutes", Input).value)
        if problem:
            problems[f"{self.PREFIX}-minutes"] = problem
        why = self.side_problem(side)
        if why:
            problems[f"{self.PREFIX}-side"] = why
        typed = {"session": 1, "by": side, "minutes": minutes or 1, **line}
        parsed, found = check_line(model, typed)
        named = {"minutes": f"{self.PREFIX}-minutes", **fields}
        for name, message in found.items():
            problems.setdefault(named.get(name, f"{self.PREFIX}-side"), message)
        return (parsed if minutes is not None else None), problems


class CaucusDialog(CaucusForm[CaucusRequest], prefix="caucus", title="Call a caucus"):
    """Defaults to our side (the other side when ours is already out) and 20 minutes."""

    SAVE_LABEL = "Start the clock"
    INTRO = "The purpose is team-only: it never appears in the recap or any member output."

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
        yield self.side_row(side_choices(self.campaign), default)
        yield self.minutes_row("Minutes", "20", "20, 20m or 1h30")
        yield FieldRow(
            "Purpose",
            Input(
                placeholder="Team only: why we are stepping out", compact=True, id="caucus-purpose"
            ),
        )

    def side_problem(self, side: object) -> str:
        if side in self.out:
            return "is already in caucus; extend it with + or end it with e"
        return ""

    def check(self) -> tuple[CaucusRequest | None, dict[str, str]]:
        purpose = self.query_one("#caucus-purpose", Input).value
        line = {"type": "caucus.started", "purpose": purpose}
        parsed, problems = self.check_caucus(CaucusStarted, line, {"purpose": "caucus-purpose"})
        if parsed is None or problems:
            return None, problems
        return CaucusRequest(side=parsed.by, minutes=parsed.minutes, purpose=parsed.purpose), {}
