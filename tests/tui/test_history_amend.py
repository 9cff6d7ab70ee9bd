"""Article history (Enter on the board): each proposal in full (summary, internal note, link)
and `m` to amend it in a form prefilled with what it says now; the history then shows the
amendment. At 80x24 and 160x48; the database read through a second connection."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.widgets import Input, Select, Static

from models.store import Store
from tui.app import BargainingApp
from tui.dialogs.article_history import ArticleHistoryDialog
from tui.dialogs.proposal_amend import ProposalAmendDialog

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
Opener = Callable[[Path], Store]


async def open_history(app: BargainingApp, pilot: object, number: str) -> ArticleHistoryDialog:
    app.screen.board.select_article(number)  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ArticleHistoryDialog)
    return app.screen


def detail(app: BargainingApp) -> str:
    return str(app.screen.query_one("#history-detail", Static).render())


@SIZES
async def test_the_history_shows_the_whole_proposal_and_m_amends_it(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    with_note = next(p for p in open_store(demo_db).proposals() if p.internal_note and p.link)
    number = with_note.articles[0]
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        dialog = await open_history(app, pilot, number)
        row = next(i for i, e in enumerate(dialog.entries) if e.event_id == with_note.id)
        await pilot.press(*["up"] * (len(dialog.entries) - 1 - row))
        await pilot.pause()
        shown = detail(app)
        assert with_note.summary in shown.replace("\n", " ")
        assert "team only" in shown and with_note.internal_note[:20] in shown
        assert with_note.link in shown
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ProposalAmendDialog)
        assert app.screen.query_one("#amend-label", Input).value == with_note.label
        await pilot.press("end", *" (corrected)", "tab", "end", *" and more")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleHistoryDialog)
        assert app.screen.entries[-1].what.startswith("amended (label, summary)")
        assert f"{with_note.label} (corrected)" in detail(app)
    amended = next(p for p in open_store(demo_db).proposals() if p.id == with_note.id)
    assert amended.label == f"{with_note.label} (corrected)"
    assert amended.summary == f"{with_note.summary} and more"
    assert amended.internal_note == with_note.internal_note  # untouched fields stay


@SIZES
async def test_lifting_an_embargo_from_the_history(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    store = open_store(demo_db)
    from models import actions

    passed = actions.pass_proposal(
        store,
        session=5,
        by=store.proposals()[0].by,
        articles=[store.articles()[0].number],
        label="Embargoed one",
        summary="Not for members yet",
        embargoed=True,
    )
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        dialog = await open_history(app, pilot, store.articles()[0].number)
        assert dialog.highlighted is not None and dialog.highlighted.id == passed.id
        assert "embargoed" in detail(app)
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#amend-embargo", Select).value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ArticleHistoryDialog)
        assert any("embargo lifted" in entry.what for entry in app.screen.entries)
    lifted = next(p for p in open_store(demo_db).proposals() if p.id == passed.id)
    assert lifted.embargoed is False


@SIZES
async def test_a_label_already_used_is_refused_in_the_form(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    proposals = open_store(demo_db).proposals()
    first, other = proposals[-1], proposals[0]
    before = open_store(demo_db).last_seq()
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        dialog = await open_history(app, pilot, first.articles[0])
        row = next(i for i, e in enumerate(dialog.entries) if e.event_id == first.id)
        await pilot.press(*["up"] * (len(dialog.entries) - 1 - row), "m")
        await pilot.pause()
        await pilot.press("end", "ctrl+u", *other.label, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProposalAmendDialog)
        assert "already used" in str(app.screen.query_one("#amend-label-error").render())
    assert open_store(demo_db).last_seq() == before
