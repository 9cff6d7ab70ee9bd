"""The settings screen (ctrl+o, or "Settings" in the palette), driven by keys at 80x24 and
160x48: change a setting, save one `campaign.updated`, see it on the console and in the
recap, undo it with ctrl+z; a bad value is shown under its field and nothing is written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Select

from exports import render_recap
from models.recap import build_snapshot
from models.store import Store
from tests.support import SMALL_JOURNAL, file_digest
from tui.app import BargainingApp
from tui.commands import BargainCommands
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form_fields import FieldError
from tui.screens.main import MainScreen
from tui.screens.settings import SettingsScreen
from tui.widgets.session_header import SessionHeader
from tui.widgets.term_block import TermBlock

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
Opener = Callable[[Path], Store]


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    path = tmp_path / "small.db"
    with Store(path, create=True, seat="lead") as store:
        store.import_journal(SMALL_JOURNAL.read_text(encoding="utf-8").splitlines())
    return path


def updates(path: Path) -> list[dict[str, object]]:
    with Store(path, seat="checker") as store:
        lines = [json.loads(text) for text in store.journal()]
    return [
        {k: v for k, v in line.items() if k not in ("type", "id", "at", "seat", "origin")}
        for line in lines
        if line["type"] == "campaign.updated"
    ]


async def replace(pilot: Pilot[None], field_id: str, text: str) -> None:
    """Focus a field, clear it and type `text` into it (as one paste, like a fast typist)."""
    field = pilot.app.screen.query_one(f"#{field_id}", Input)
    field.focus()
    await pilot.pause()
    await pilot.press("ctrl+a", "ctrl+k")
    field.post_message(events.Paste(text))
    await pilot.pause()


def error_of(pilot: Pilot[None], field_id: str) -> str:
    errors = pilot.app.screen.query(f"#{field_id}-error").results(FieldError)
    return next((error.message for error in errors), "")


def header_text(app: BargainingApp) -> str:
    return str(app.screen.query_one(SessionHeader).render())


@pytest.mark.parametrize("size", SIZES)
async def test_change_the_union_save_see_it_undo_it(
    small_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = BargainingApp(small_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert "REA" in header_text(app)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await replace(pilot, "set-union_name", "Riverbend Educators United")
        await replace(pilot, "set-union_short", "REU")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.pause()
        assert "REU" in header_text(app)
        assert updates(small_db) == [
            {"union": {"name": "Riverbend Educators United", "short": "REU"}}
        ]
        with open_store(small_db) as store:
            recap = render_recap(build_snapshot(store, 1, "members"), format="md")
        assert "Riverbend Educators United" in recap
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "settings change (union)" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert "REA" in header_text(app) and "REU" not in header_text(app)
    with open_store(small_db) as store:
        campaign = store.campaign()
        assert campaign is not None and campaign.union.name == "Riverbend Education Association"


@pytest.mark.parametrize("size", SIZES)
async def test_a_bad_value_shows_under_its_field_and_nothing_is_written(
    small_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    digest = file_digest(small_db)
    app = BargainingApp(small_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        await replace(pilot, "set-union_short", "S" * 25)
        assert "short name is 25 characters long" in error_of(pilot, "set-union_short")
        await replace(pilot, "set-from", "not an address")
        assert "the sender" in error_of(pilot, "set-from")
        await replace(pilot, "set-timezone", "Mars/Olympus")
        assert "IANA" in error_of(pilot, "set-timezone")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.focused is not None and app.focused.id == "set-union_short"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert file_digest(small_db) == digest


@pytest.mark.parametrize("size", SIZES)
async def test_terms_and_ground_rules_in_one_event(
    small_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = BargainingApp(small_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        screen = app.screen
        await replace(pilot, "new-term", "Salary")
        await pilot.press("enter")
        await pilot.pause()
        assert "lower-case" in error_of(pilot, "new-term")
        await replace(pilot, "new-term", "salary_pct_y1")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "term-salary_pct_y1-label"
        await replace(pilot, "term-salary_pct_y1-label", "Salary, year 1")
        await replace(pilot, "term-salary_pct_y1-unit", "%")
        await replace(pilot, "term-salary_pct_y1-cost_per_unit", "lots")
        assert "cost per unit" in error_of(pilot, "term-salary_pct_y1-cost_per_unit")
        await replace(pilot, "term-salary_pct_y1-cost_per_unit", "1,250,000")
        assert error_of(pilot, "term-salary_pct_y1-cost_per_unit") == ""
        screen.query_one("#set-embargo", Select).value = "all"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert updates(small_db) == [
        {
            "ground_rules": {"embargo": "all"},
            "terms": {
                "salary_pct_y1": {
                    "label": "Salary, year 1",
                    "unit": "%",
                    "cost_per_unit": 1250000.0,
                    "better": "higher",
                }
            },
        }
    ]
    app = BargainingApp(small_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        block = app.screen.query_one(TermBlock)
        assert block.term == "salary_pct_y1"
        app.screen.query_one("#term-salary_pct_y1-remove").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "[x] Remove" in str(app.screen.query_one("#term-salary_pct_y1-remove").label)  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert updates(small_db)[-1] == {"terms": {"salary_pct_y1": None}}
    with open_store(small_db) as store:
        campaign = store.campaign()
        assert campaign is not None and dict(campaign.terms) == {} and campaign.embargo == "all"


async def test_saving_unchanged_records_nothing(small_db: Path, clock: FrozenClock) -> None:
    digest = file_digest(small_db)
    app = BargainingApp(small_db, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert file_digest(small_db) == digest


async def test_the_palette_and_the_key_map_offer_settings(
    small_db: Path, clock: FrozenClock
) -> None:
    from tui.dialogs.help import key_map

    app = BargainingApp(small_db, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        found = {c.action: c for c, _node in BargainCommands(app.screen)._commands()}
        assert "settings" in found and found["settings"].key == "^o"
        rows = [row for _title, section in key_map(app) for row in section]
        assert any(key == "^o" and "Settings" in what for key, what in rows)
        await app.run_action("settings")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_a_change_from_another_seat_fills_the_untouched_fields(
    small_db: Path, clock: FrozenClock, open_store: Opener
) -> None:
    from models.actions import change_settings

    app = BargainingApp(small_db, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        await replace(pilot, "set-title", "Successor contract 2026-2029")
        with open_store(small_db) as other:
            change_settings(other, {"union_name": "Riverbend Educators", "title": "Theirs"})
        await pilot.pause(0.6)
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#set-union_name", Input).value == "Riverbend Educators"
        assert screen.query_one("#set-title", Input).value == "Successor contract 2026-2029"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert updates(small_db)[-1] == {"title": "Successor contract 2026-2029"}
