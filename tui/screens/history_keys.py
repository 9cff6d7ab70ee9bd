"""The article history from the board (Enter or a click on an article): the dialog, what it
reads, and its amendment, which goes to `models.actions.amend_proposal`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Proposal
from tui.attributes import attributes

if TYPE_CHECKING:
    from models.money import MoneyTable
    from tui.dialogs.article_history import History
    from tui.dialogs.proposal_amend import Amendment
    from tui.screens.main import MainScreen


def show_history(screen: MainScreen, number: str) -> None:
    """Open an article's history; an amendment made there redraws the board behind it."""
    from models import actions
    from tui.dialogs.article_history import ArticleHistoryDialog

    store = screen.store
    campaign = screen.campaign
    assert campaign is not None

    def read() -> History:
        entries = store.article_history(number)
        wanted = {entry.proposal for entry in entries if entry.proposal}
        found = store.proposals(ids=wanted) if wanted else []
        proposals: dict[str, Proposal] = {p.id: p for p in found}
        return entries, proposals

    found = screen.attempt(read)
    if found is None:
        return

    def amend(amendment: Amendment) -> None:
        event = actions.amend_proposal(
            store,
            amendment.proposal,
            **attributes(
                amendment, "label", "summary", "internal_note", "link", "terms", "embargoed"
            ),
        )
        if event is not None:
            screen.changed(event, "board")
            screen.notify(f"{amendment.label} amended (ctrl+z takes it back).", title="Amended")

    def money() -> MoneyTable | None:
        from models.money import article_money

        return screen.attempt(lambda: article_money(store, number, store.clock()))

    row = next((r for r in screen.board.visible_rows() if r.number == number), None)
    screen.app.push_screen(
        ArticleHistoryDialog(
            number,
            row.title if row else "",
            found[0],
            campaign,
            proposals=found[1],
            reload=read,
            on_amend=amend,  # type: ignore[arg-type]
            money=money,
        )
    )
