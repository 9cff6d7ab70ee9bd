"""One article's history: every pass, amendment, withdrawal and TA, in order, with the
highlighted proposal in full (summary, internal note, link, terms); `m` amends it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from models.domain import Campaign, HistoryEntry, Proposal
from models.money import MoneyTable
from models.terms import format_terms
from tui.dialogs.type_ahead import TypeAheadDialog
from tui.format import day_and_time
from tui.keys import Keys
from tui.widgets.terms_chart import TermsChart

WIDE = 120
SHORT = 36
"""Below this many rows the history shows fewer rows of each part (all of them scroll)."""
"""From this width the table has a summary column too."""

History = tuple[Sequence[HistoryEntry], Mapping[str, Proposal]]
"""An article's history, and the proposals it names by id."""


def proposal_detail(proposal: Proposal, campaign: Campaign) -> Content:
    """A proposal in full, as the team reads it (the internal note is the team's only)."""
    lines: list[Content] = [
        Content.assemble(
            (proposal.label, "bold"),
            f" · {campaign.short(proposal.by)} · {proposal.kind.value} · {proposal.status.value}",
            (" · embargoed", "bold $text-warning") if proposal.embargoed else "",
        ),
        Content(proposal.summary or "(no summary)"),
    ]
    if proposal.internal_note:
        lines.append(
            Content.assemble(
                ("team only", "bold reverse $text-warning"), " ", proposal.internal_note
            )
        )
    if proposal.link:
        lines.append(Content.assemble(("link ", "dim"), proposal.link))
    if proposal.terms:
        lines.append(Content.assemble(("terms ", "dim"), format_terms(dict(proposal.terms))))
    return Content("\n").join(lines)


_KEYS = Keys("history")


class ArticleHistoryDialog(TypeAheadDialog[None]):
    """The article's moves; ↑↓ picks one, `m` amends its proposal; Escape or Enter closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _KEYS("escape,enter,q", "close", "Close"),
        _KEYS(
            "m",
            "amend",
            "Amend",
            "Amend the highlighted proposal: label, summary, note, link, terms, embargo",
        ),
    ]

    DEFAULT_CSS = """
    ArticleHistoryDialog #history-box { max-height: 95%; }
    ArticleHistoryDialog #history-table { height: auto; max-height: 12; }
    ArticleHistoryDialog #history-detail-box {
        height: auto;
        max-height: 8;
        border-top: solid $primary;
    }
    ArticleHistoryDialog.-short #history-table { max-height: 6; }
    ArticleHistoryDialog.-short #history-detail-box { max-height: 4; }
    ArticleHistoryDialog.-short TermsChart { height: 8; }
    """

    def __init__(
        self,
        number: str,
        title: str,
        entries: Sequence[HistoryEntry],
        campaign: Campaign,
        *,
        proposals: Mapping[str, Proposal] | None = None,
        reload: Callable[[], History] | None = None,
        on_amend: Callable[[object], object] | None = None,
        money: Callable[[], MoneyTable | None] | None = None,
    ) -> None:
        super().__init__(classes="plain-dialog")
        self.number = number
        self.article_title = title
        self.entries = list(entries)
        self.campaign = campaign
        self.proposals = dict(proposals or {})
        self._reload = reload
        self._on_amend = on_amend
        self._money = money

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="history-box") as box:
            box.border_title = f"Article {self.number}"
            box.border_subtitle = "↑↓ pick · m amend · Esc closes"
            yield Static(self.article_title, classes="dialog-intro", markup=False)
            if not self.entries:
                yield Static("No proposal has touched this article yet.", classes="dialog-hint")
            else:
                yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
                with VerticalScroll(id="history-detail-box", can_focus=False):
                    yield Static(id="history-detail")
            yield TermsChart(id="history-chart")

    def on_mount(self) -> None:
        self.on_resize()
        self._show_money()
        if self.entries:
            self._fill(len(self.entries) - 1)
            self.query_one(DataTable).focus()

    def _fill(self, row: int) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        wide = self.app.size.width >= WIDE  # narrower, the summary is read in the detail below
        table.add_columns("When", "What", "Side", "Label", *(["Summary"] if wide else []))
        tz = self.campaign.timezone
        for entry in self.entries:
            table.add_row(
                Text(day_and_time(entry.at, tz)),
                Text(entry.what),
                Text(self.campaign.short(entry.side) if entry.side else "both"),
                Text(entry.label, style="bold"),
                *([Text(entry.summary)] if wide else []),
            )
        table.move_cursor(row=min(row, len(self.entries) - 1))
        self._show_detail()

    @property
    def highlighted(self) -> Proposal | None:
        """The proposal of the highlighted entry (None for a TA on articles alone)."""
        if not self.entries:
            return None
        row = self.query_one(DataTable).cursor_row
        entry = self.entries[row] if 0 <= row < len(self.entries) else None
        return self.proposals.get(entry.proposal) if entry is not None else None

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        proposal = self.highlighted
        detail = self.query_one("#history-detail", Static)
        if proposal is None:
            detail.update(Content.styled("A TA on these articles; no proposal to show.", "dim"))
        else:
            detail.update(proposal_detail(proposal, self.campaign))

    def action_amend(self) -> None:
        """Amend the highlighted proposal in a form prefilled with what it says now."""
        from tui.dialogs.proposal_amend import ProposalAmendDialog

        proposal, write = self.highlighted, self._on_amend
        if write is None:
            return
        if proposal is None:
            self.notify("Pick a proposal to amend (a TA is undone and signed again).")
            return
        row = self.query_one(DataTable).cursor_row

        def save(amendment: object) -> None:
            write(amendment)
            if self._reload is not None:
                entries, proposals = self._reload()
                self.entries, self.proposals = list(entries), dict(proposals)
                self._fill(row)
                self._show_money()

        self.app.push_screen(ProposalAmendDialog(proposal, on_save=save))

    def on_resize(self, _event: object = None) -> None:
        """On a short screen (80x24) the list, the detail and the chart take less room, so
        that all three fit."""
        self.set_class(self.app.size.height < SHORT, "-short")

    def _show_money(self) -> None:
        """Draw the article's terms over the sessions (read again after an amendment)."""
        ours = self.campaign.party(self.campaign.our_side)
        theirs = self.campaign.party(self.campaign.our_side.other)
        table = self._money() if self._money is not None else None
        if ours is not None and theirs is not None:
            self.query_one(TermsChart).show(table, ours.short, theirs.short)

    def action_close(self) -> None:
        """Close the history."""
        self.dismiss(None)
