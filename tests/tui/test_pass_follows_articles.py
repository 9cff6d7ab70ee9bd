"""Issue 14, item 6: the pass dialog's side and kind follow the articles typed, not the board
cursor; a side or kind picked by hand stays; "initial" on an article in play is warned. On the
demo, at 80x24 and 160x48 (the cursor starts on article 1, never opened; RUSD holds 12)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.widgets import Select

from models.domain import Party, ProposalKind
from models.store import Store
from tests.tui.test_type_ahead import type_fast
from tui.app import BargainingApp
from tui.dialogs.form_fields import FormHint
from tui.dialogs.pass_proposal import PassProposalDialog
from tui.screens.main import MainScreen

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

Opener = Callable[[Path], Store]


@pytest.fixture
def app(demo_db: Path, clock: FrozenClock) -> BargainingApp:
    return BargainingApp(db_path=demo_db, seat="lead", clock=clock)


def side_and_kind(dialog: PassProposalDialog) -> tuple[object, object]:
    return (
        dialog.query_one("#pass-side", Select).value,
        dialog.query_one("#pass-kind", Select).value,
    )


async def open_and_type(app: BargainingApp, *keys: str) -> PassProposalDialog:
    await type_fast(app, "p", *keys)
    await app.workers.wait_for_complete()
    dialog = app.screen
    assert isinstance(dialog, PassProposalDialog)
    return dialog


async def test_typing_12_over_article_1_makes_it_the_employers_counter(
    app: BargainingApp, size: tuple[int, int], demo_db: Path, open_store: Opener
) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#board").selected.number == "1"  # type: ignore[attr-defined]
        dialog = await open_and_type(app, "1", "2")
        await pilot.pause()
        assert side_and_kind(dialog) == (Party.EMPLOYER, ProposalKind.COUNTER)
        assert not dialog.query_one("#pass-kind-warning", FormHint).text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    latest = open_store(demo_db).proposals()[-1]
    assert (latest.by, latest.kind, latest.articles) == (
        Party.EMPLOYER,
        ProposalKind.COUNTER,
        ("12",),
    )


async def test_an_article_never_opened_gets_our_initial(
    app: BargainingApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        dialog = await open_and_type(app, "1", "2")
        await pilot.pause()
        for _ in range(2):
            await pilot.press("backspace")
        await pilot.press("2", "0")
        await pilot.pause()
        assert side_and_kind(dialog) == (Party.UNION, ProposalKind.INITIAL)


async def test_a_side_picked_by_hand_is_not_overridden(
    app: BargainingApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        dialog = await open_and_type(app, "1", "2")
        await pilot.pause()
        dialog.query_one("#pass-side", Select).value = Party.UNION
        dialog.query_one("#pass-kind", Select).value = ProposalKind.PACKAGE
        await pilot.pause()
        await pilot.press("comma", "space", "7")
        await pilot.pause()
        for _ in range(4):
            await pilot.press("backspace")
        await pilot.press("2", "0")
        await pilot.pause()
        assert side_and_kind(dialog) == (Party.UNION, ProposalKind.PACKAGE)


async def test_initial_on_an_article_in_play_is_warned_next_to_the_kind(
    app: BargainingApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        dialog = await open_and_type(app, "1", "2")
        await pilot.pause()
        dialog.query_one("#pass-kind", Select).value = ProposalKind.INITIAL
        await pilot.pause()
        hint = dialog.query_one("#pass-kind-warning", FormHint)
        assert hint.text.startswith("! 12 is already in play")
        assert hint.display and hint.region.height >= 1
        dialog.query_one("#pass-kind", Select).value = ProposalKind.COUNTER
        await pilot.pause()
        assert hint.text == ""
