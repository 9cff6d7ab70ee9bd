"""The welcome screen, driven by keys alone: what the database holds afterwards is the proof."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input

from models.domain import Party
from models.store import Store
from tests.support import file_digest
from tui.dialogs.form_fields import FieldError
from tui.screens.welcome import WelcomeScreen

SIZES = [(80, 24), (160, 48)]
TIMEZONE = "America/Los_Angeles"


class Host(App[None]):
    """A bare app that shows the welcome screen and keeps what it dismisses."""

    def __init__(self, store: Store, demo_path: Path) -> None:
        super().__init__()
        self.store = store
        self.demo_path = demo_path
        self.results: list[Path | None] = []

    def on_mount(self) -> None:
        self.push_screen(
            WelcomeScreen(self.store, timezone=TIMEZONE, demo_path=self.demo_path),
            self.results.append,
        )


@pytest.fixture
def empty_store(db_path: Path) -> Store:
    store = Store(db_path, create=True, seat="lead")
    yield store
    store.close()


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    return tmp_path / "demo" / "demo.db"


def error_text(app: App[None], field: str) -> str:
    """The problem shown under a field ("" when it never had one: its line is made then)."""
    errors = app.screen.query(f"#{field}-error").results(FieldError)
    return next((error.message for error in errors), "")


@pytest.mark.parametrize("size", SIZES)
async def test_create_campaign_with_keys(
    empty_store: Store, demo_path: Path, size: tuple[int, int]
) -> None:
    app = Host(empty_store, demo_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Riverbend Education Association", "tab", *"REA", "tab")
        await pilot.press(*"Riverbend Unified School District", "tab", *"RUSD", "tab")
        # The timezone comes prefilled; keep it, and leave "we are" on the union.
        await pilot.press("tab", "tab", *"Successor contract 2026-2029")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [None]
        assert not isinstance(app.screen, WelcomeScreen)

    campaign = empty_store.campaign()
    assert campaign is not None
    assert campaign.union.name == "Riverbend Education Association"
    assert campaign.union.short == "REA"
    assert campaign.employer.name == "Riverbend Unified School District"
    assert campaign.employer.short == "RUSD"
    assert campaign.timezone == TIMEZONE
    assert campaign.our_side is Party.UNION
    assert campaign.title == "Successor contract 2026-2029"
    assert not demo_path.exists()


@pytest.mark.parametrize("size", SIZES)
async def test_enter_walks_the_form_then_creates(
    empty_store: Store, demo_path: Path, size: tuple[int, int]
) -> None:
    app = Host(empty_store, demo_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Pine Valley Teachers", "enter")
        assert app.screen.focused is not None and app.screen.focused.id == "union_short"
        await pilot.press(*"PVT", "enter", *"Pine Valley School District", "enter")
        await pilot.press(*"PVSD", "enter")
        # Replace the timezone: the whole value is selected when the field gets focus.
        await pilot.press(*"Europe/Berlin")
        # The employer's side this time: open the menu and pick the second entry.
        await pilot.press("tab", "enter", "down", "enter")
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.results == [None]

    campaign = empty_store.campaign()
    assert campaign is not None
    assert (campaign.union.short, campaign.employer.short) == ("PVT", "PVSD")
    assert campaign.timezone == "Europe/Berlin"
    assert campaign.our_side is Party.EMPLOYER
    assert campaign.title == ""


@pytest.mark.parametrize("size", SIZES)
async def test_a_bad_field_shows_its_error_and_saves_nothing(
    empty_store: Store, demo_path: Path, db_path: Path, size: tuple[int, int]
) -> None:
    before = file_digest(db_path)
    app = Host(empty_store, demo_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Riverbend Education Association", "tab")
        await pilot.press(*"A short name that is far too long", "tab")
        assert "keep it to 24" in error_text(app, "union_short")
        await pilot.press(*"Riverbend Unified School District", "tab", *"RUSD", "tab")
        await pilot.press("ctrl+u", *"Mars/Olympus_Mons")
        assert "not an IANA timezone" in error_text(app, "timezone")

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.results == []
        # Save points at the first field that is wrong.
        assert app.screen.focused is not None and app.screen.focused.id == "union_short"
        assert empty_store.campaign() is None

        # Fixing both fields lets it through.
        await pilot.press("ctrl+u", *"REA")
        assert error_text(app, "union_short") == ""
        app.screen.query_one("#timezone", Input).focus()
        await pilot.press("ctrl+u", *"America/Chicago", "ctrl+s")
        await pilot.pause()
        assert app.results == [None]
    assert file_digest(db_path) != before
    campaign = empty_store.campaign()
    assert campaign is not None and campaign.timezone == "America/Chicago"


@pytest.mark.parametrize("size", SIZES)
async def test_errors_wait_until_a_field_is_touched_or_save_is_tried(
    empty_store: Store, demo_path: Path, db_path: Path, size: tuple[int, int]
) -> None:
    before = file_digest(db_path)
    app = Host(empty_store, demo_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("x", "backspace")
        assert "is empty" in error_text(app, "union_name")
        assert error_text(app, "employer_name") == ""
        await pilot.press("ctrl+s")
        assert "is empty" in error_text(app, "employer_name")
        assert "is empty" in error_text(app, "employer_short")
    assert empty_store.campaign() is None
    assert file_digest(db_path) == before


@pytest.mark.parametrize("size", SIZES)
async def test_open_the_demo_replaces_an_earlier_demo(
    empty_store: Store, demo_path: Path, db_path: Path, size: tuple[int, int]
) -> None:
    # An earlier demo, with something a fresh demo would not have.
    with Store(demo_path, create=True, seat="demo") as old:
        old.record(
            {
                "type": "campaign.created",
                "union": {"name": "Old", "short": "OLD"},
                "employer": {"name": "Gone", "short": "GONE"},
                "timezone": "UTC",
            }
        )
    before = file_digest(db_path)
    app = Host(empty_store, demo_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.results == [demo_path]

    with Store(demo_path) as demo:
        campaign = demo.campaign()
        assert campaign is not None and campaign.union.short == "REA"
        assert len(demo.sessions()) == 5
        assert demo.articles()
    # The database the app was opened on is left as it was: empty.
    assert empty_store.campaign() is None
    assert file_digest(db_path) == before


@pytest.mark.parametrize("size", SIZES)
async def test_quit_leaves_the_database_empty(
    empty_store: Store, demo_path: Path, db_path: Path, size: tuple[int, int]
) -> None:
    before = file_digest(db_path)
    app = Host(empty_store, demo_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"Half typed", "ctrl+q")
        await pilot.pause()
        assert app.return_code == 0 or app.return_code is None
        assert not app.is_running
    assert app.results == []
    assert empty_store.campaign() is None
    assert not demo_path.exists()
    assert file_digest(db_path) == before
