"""One article's history: every pass, withdrawal and TA, in order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from models.domain import Campaign, HistoryEntry
from models.money import MoneyTable
from tui.dialogs.type_ahead import TypeAheadDialog
from tui.format import day_and_time
from tui.widgets.terms_chart import TermsChart


class ArticleHistoryDialog(TypeAheadDialog[None]):
    """A read-only table of an article's moves; Escape or Enter closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="history.close"),
    ]

    def __init__(
        self,
        number: str,
        title: str,
        entries: Sequence[HistoryEntry],
        campaign: Campaign,
        money: MoneyTable | None = None,
    ) -> None:
        super().__init__(classes="plain-dialog")
        self.number = number
        self.article_title = title
        self.entries = list(entries)
        self.campaign = campaign
        self.money = money

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="history-box") as box:
            box.border_title = f"Article {self.number}"
            box.border_subtitle = "Esc closes"
            yield Static(self.article_title, classes="dialog-intro", markup=False)
            if not self.entries:
                yield Static("No proposal has touched this article yet.", classes="dialog-hint")
            else:
                yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
            yield TermsChart(id="history-chart")

    def on_mount(self) -> None:
        ours = self.campaign.party(self.campaign.our_side)
        theirs = self.campaign.party(self.campaign.our_side.other)
        if ours is not None and theirs is not None:
            self.query_one(TermsChart).show(self.money, ours.short, theirs.short)
        if not self.entries:
            return
        table = self.query_one(DataTable)
        table.add_columns("When", "What", "Side", "Label", "Summary")
        tz = self.campaign.timezone
        for entry in self.entries:
            table.add_row(
                Text(day_and_time(entry.at, tz)),
                Text(entry.what),
                Text(self.campaign.short(entry.side) if entry.side else "both"),
                Text(entry.label, style="bold"),
                Text(entry.summary),
            )
        table.move_cursor(row=len(self.entries) - 1)
        table.focus()

    def action_close(self) -> None:
        """Close the history."""
        self.dismiss(None)
