"""Withdraw a proposal still on the table: only the side that passed it can."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from models.domain import Campaign, Proposal
from tui.dialogs.list_writes import attempt_shown
from tui.dialogs.type_ahead import TypeAheadDialog
from tui.format import day_and_time


def proposal_choice(proposal: Proposal, campaign: Campaign) -> str:
    """`RUSD #8 · counter on 5, Appendix A, 6 · standing · Mon 23 Nov 17:40`."""
    status = proposal.status.value if proposal.status else ""
    return (
        f"{proposal.label} · {proposal.kind.value} on {', '.join(proposal.articles)} · "
        f"{status} · {day_and_time(proposal.at, campaign.timezone)}"
    )


class WithdrawDialog(TypeAheadDialog[str | None]):
    """Enter withdraws the highlighted proposal (ctrl+z undoes it); Escape changes nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="withdraw.cancel"),
    ]

    def __init__(
        self,
        proposals: Sequence[Proposal],
        campaign: Campaign,
        article: str | None = None,
        on_save: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(classes="plain-dialog")
        self.proposals = list(reversed(proposals))
        self.campaign = campaign
        self.article = article
        self._on_save = on_save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="withdraw-box") as box:
            box.border_title = "Withdraw a proposal"
            box.border_subtitle = "Enter withdraws · Esc cancels"
            yield Static(
                "The side that passed it withdraws it; its articles go back to the "
                "proposal before it, or open with no holder.",
                classes="dialog-intro",
            )
            yield OptionList(
                *(Option(proposal_choice(p, self.campaign), id=p.id) for p in self.proposals),
                id="withdraw-list",
            )
            yield Static("", classes="dialog-error", id="withdraw-error", markup=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        start = 0
        if self.article is not None:
            start = next(
                (index for index, p in enumerate(self.proposals) if self.article in p.articles), 0
            )
        options.highlighted = start
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        proposal = self.proposals[event.option_index]
        error = self.query_one("#withdraw-error", Static)
        if attempt_shown(self, self._on_save, proposal.id, error):
            self.dismiss(proposal.id)

    def action_cancel(self) -> None:
        """Withdraw nothing."""
        self.dismiss(None)
