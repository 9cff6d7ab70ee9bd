"""Pick one of the open caucuses (when several sides are out at once)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from models.domain import Campaign, Caucus, CaucusSide
from tui.dialogs.type_ahead import TypeAheadDialog
from tui.format import clock


def caucus_choice(caucus: Caucus, campaign: Campaign) -> str:
    """`REA caucus, due back 18:25` / `Joint sidebar, due back 18:40`."""
    side = (
        "Joint sidebar"
        if caucus.side is CaucusSide.JOINT
        else (f"{campaign.short(caucus.side)} caucus")
    )
    return f"{side}, due back {clock(caucus.due_back, campaign.timezone)}"


class PickCaucusDialog(TypeAheadDialog[Caucus | None]):
    """Enter picks the highlighted caucus; Escape picks none."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="pick_caucus.cancel"),
    ]

    def __init__(self, caucuses: Sequence[Caucus], campaign: Campaign, title: str) -> None:
        super().__init__(classes="plain-dialog")
        self.caucuses = list(caucuses)
        self.campaign = campaign
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pick-caucus-box") as box:
            box.border_title = self.dialog_title
            box.border_subtitle = "Enter picks · Esc cancels"
            yield OptionList(
                *(Option(caucus_choice(c, self.campaign), id=c.id) for c in self.caucuses),
                id="pick-caucus-list",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.caucuses[event.option_index])

    def action_cancel(self) -> None:
        """Pick nothing."""
        self.dismiss(None)
