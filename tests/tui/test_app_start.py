"""How the app starts: a first run creates the file and welcomes; a bad file is explained."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from models.store import Store
from tests.support import file_digest
from tui.app import BargainingApp
from tui.screens.error import ProblemScreen
from tui.screens.main import MainScreen

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock


async def test_first_run_creates_the_file_and_welcomes(tmp_path: Path, clock: FrozenClock) -> None:
    from tui.screens.welcome import WelcomeScreen

    path = tmp_path / "new" / "bargaining.db"
    app = BargainingApp(db_path=path, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert path.exists() and path.stat().st_mode & 0o777 == 0o600
        await pilot.press(*"Riverbend Education Association", "tab", *"REA", "tab")
        await pilot.press(*"Riverbend Unified School District", "tab", *"RUSD")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "REA / RUSD" in str(app.screen.query_one("#header").render())
        assert "no session scheduled" in str(app.screen.query_one("#header").render())
        await pilot.press("n")  # no session yet: says so, records nothing
        await pilot.press("escape", "p")
        await pilot.pause()
        assert any("No session" in n.title for n in app._notifications)
    with Store(path) as store:
        campaign = store.campaign()
        assert campaign is not None and campaign.union.short == "REA"
        assert store.proposals() == []


async def test_a_foreign_file_gets_a_message_and_is_left_alone(
    tmp_path: Path, clock: FrozenClock
) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not SQLite at all" * 10)
    before = file_digest(path)
    app = BargainingApp(db_path=path, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemScreen)
        assert "not a bargaining database" in app.screen.message
        await pilot.press("q")
        await pilot.pause()
    assert file_digest(path) == before
