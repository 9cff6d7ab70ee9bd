"""The pass dialog offers the campaign's named terms, each a field with its label and unit;
the `name=number` field stays for any other term (issue 14, item 15). Logging the other
side's pass takes as few keys as ours: ctrl+t switches the side from any field (item 6)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, Label, Select, Static

from models.campaign_actions import change_settings
from models.domain import Party
from models.store import Store
from tests.tui.conftest import FrozenClock
from tui.app import BargainingApp
from tui.dialogs.help import HelpDialog
from tui.dialogs.pass_proposal import PassProposalDialog
from tui.screens.main import MainScreen

Opener = Callable[[Path], Store]
SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
NAMED = {
    "salary_pct_y1": {"label": "Salary, year 1", "unit": "%"},
    "premium_share": {"label": "Premium share", "unit": "%"},
}


@pytest.fixture
def unnamed_db(demo_db: Path) -> Path:
    """The demo with none of its terms named."""
    store = Store(demo_db, seat="setup")
    campaign = store.campaign()
    assert campaign is not None and campaign.terms, "the demo names its terms"
    change_settings(store, removed=campaign.terms)
    store.close()
    return demo_db


@pytest.fixture
def named_db(unnamed_db: Path) -> Path:
    store = Store(unnamed_db, seat="setup")
    change_settings(store, terms=NAMED)
    store.close()
    return unnamed_db


async def open_pass(app: BargainingApp, pilot: object) -> PassProposalDialog:
    app.screen.query_one("#board").focus()
    await pilot.press("p")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, PassProposalDialog)
    return app.screen


@SIZES
async def test_named_terms_are_fields_with_their_labels(
    named_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = BargainingApp(db_path=named_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        dialog = await open_pass(app, pilot)
        inner = [str(label.render()) for label in dialog.query(".field-inner-label").results(Label)]
        assert "% Salary, year 1" in inner and "% Premium share" in inner
        dialog.query_one("#pass-articles", Input).value = "5"
        dialog.query_one("#pass-term-0", Input).value = "3.5"
        dialog.query_one("#pass-term-1", Input).value = "90%"
        dialog.query_one("#pass-terms", Input).value = "steps=2"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    terms = dict(open_store(named_db).proposals()[-1].terms)
    assert terms == {"salary_pct_y1": 3.5, "premium_share": 90.0, "steps": 2.0}


@SIZES
async def test_a_named_term_given_twice_or_not_a_number_is_refused_under_its_field(
    named_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    before = open_store(named_db).last_seq()
    app = BargainingApp(db_path=named_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        dialog = await open_pass(app, pilot)
        dialog.query_one("#pass-articles", Input).value = "5"
        dialog.query_one("#pass-term-0", Input).value = "three"
        dialog.query_one("#pass-term-1", Input).value = "90"
        dialog.query_one("#pass-terms", Input).value = "premium_share=85"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        _result, problems = dialog.check()
        assert "not a number" in problems["pass-term-0"]
        assert "given above" in problems["pass-terms"]
    assert open_store(named_db).last_seq() == before


@SIZES
async def test_without_named_terms_the_one_field_takes_name_equals_number(
    unnamed_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = BargainingApp(db_path=unnamed_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        dialog = await open_pass(app, pilot)
        assert not dialog.query("#pass-term-0")
        assert "Settings" in dialog.query_one("#pass-terms", Input).placeholder
        dialog.query_one("#pass-articles", Input).value = "5"
        dialog.query_one("#pass-terms", Input).value = "salary_pct_y1=3.0, salary_pct_y2=2.5"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    terms = dict(open_store(unnamed_db).proposals()[-1].terms)
    assert terms == {"salary_pct_y1": 3.0, "salary_pct_y2": 2.5}


@SIZES
async def test_p_ctrl_t_enter_logs_the_other_sides_pass(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        dialog = await open_pass(app, pilot)
        await pilot.press(*"13")  # RUSD holds 13: RUSD is offered
        await pilot.pause()
        assert dialog.query_one("#pass-side", Select).value is Party.EMPLOYER
        await pilot.press("ctrl+t")
        assert dialog.query_one("#pass-side", Select).value is Party.UNION
        await pilot.press(*", 14")  # more articles typed no longer move the side back
        await pilot.pause()
        assert dialog.query_one("#pass-side", Select).value is Party.UNION
        assert "ctrl+t other side" in str(dialog.query_one(".form-dialog").border_subtitle)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    proposal = open_store(demo_db).proposals()[-1]
    assert (proposal.by, proposal.articles) == (Party.UNION, ("13", "14"))


async def test_the_help_lists_ctrl_t_of_the_pass_dialog(demo_db: Path, clock: FrozenClock) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        text = str(app.screen.query_one("#help-text", Static).render())
    assert "In the pass dialog" in text
    assert any(
        line.split()[:1] == ["ctrl+t"] and "other side" in line for line in text.splitlines()
    )
