"""The sessions screen and its dialogs, driven by keys alone; the database is the proof.

The small campaign (tests/fixtures/small-journal.jsonl): session 1 held and ended, the
roster is Ana Ruiz, the articles are 1, 2, 3, 4 and 10, in America/Los_Angeles.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.app import App
from textual.widgets import DataTable

from models.actions import add_member
from models.domain import SessionKind, SessionMode
from models.store import Store
from tests.support import file_digest
from tui.dialogs.agenda_item import AgendaItemDialog
from tui.dialogs.attendance import AttendanceDialog
from tui.dialogs.form_fields import FieldError, FormDialog
from tui.dialogs.member import MemberDialog
from tui.dialogs.schedule_session import ScheduleSessionDialog
from tui.screens.sessions import SessionsScreen

SIZES = [(80, 24), (160, 48)]
LA = ZoneInfo("America/Los_Angeles")


class Host(App[None]):
    """A bare app that shows the sessions screen."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.closed = False

    def on_mount(self) -> None:
        self.push_screen(SessionsScreen(self.store), self.note_closed)

    def note_closed(self, _result: None) -> None:
        self.closed = True


def error_of(app: App[None], field: str) -> str:
    """The problem shown under a field ("" when it never had one: its line is made then)."""
    errors = app.screen.query(f"#{field}-error").results(FieldError)
    return next((error.message for error in errors), "")


@pytest.mark.parametrize("size", SIZES)
async def test_schedule_a_session(small_store: Store, size: tuple[int, int]) -> None:
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, ScheduleSessionDialog)
        # Prefilled a week after session 1, same time and place; number 2 is kept.
        await pilot.press("tab", *"2026-03-24", "tab", *"17:00")
        await pilot.press("tab", *"https://zoom.us/j/555")
        await pilot.press("tab", "enter", "up", "enter")  # mode: hybrid -> Zoom
        await pilot.press("tab", "enter", "down", "enter")  # kind: regular -> mediation
        await pilot.press("tab", *"Teresa Okafor", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        table = app.screen.query_one("#sessions-table", DataTable)
        assert table.row_count == 2
        assert app.screen.selected_number() == 2

    session = small_store.session(2)
    assert session.starts == datetime(2026, 3, 24, 17, 0, tzinfo=LA)
    assert session.starts.utcoffset() is not None
    assert session.location == "https://zoom.us/j/555"
    assert session.mode is SessionMode.ZOOM
    assert session.kind is SessionKind.MEDIATION
    assert session.mediator == "Teresa Okafor"


@pytest.mark.parametrize("size", SIZES)
async def test_a_bad_date_shows_its_error_and_saves_nothing(
    small_store: Store, db_path: Path, size: tuple[int, int]
) -> None:
    before = file_digest(db_path)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n", "tab", *"2026-02-30")
        assert "is not a date; write it as YYYY-MM-DD" in error_of(app, "date")
        await pilot.press("tab", *"25:61")
        assert "is not a time of day" in error_of(app, "time")
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleSessionDialog)
        await pilot.press("escape")
        assert isinstance(app.screen, SessionsScreen)
    assert [s.number for s in small_store.sessions()] == [1]
    assert file_digest(db_path) == before


@pytest.mark.parametrize("size", SIZES)
async def test_a_number_taken_is_refused_beside_it_and_nothing_is_lost(
    small_store: Store, db_path: Path, size: tuple[int, int]
) -> None:
    before = file_digest(db_path)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n", "1", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleSessionDialog)
        assert error_of(app, "number") == "session 1 is already scheduled; pick another number"
        assert file_digest(db_path) == before
        # Another number, and the rest as it was typed: saved.
        await pilot.press("ctrl+u", "7", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
    assert [s.number for s in small_store.sessions()] == [1, 7]
    assert small_store.session(7).starts == datetime(2026, 3, 17, 16, 30, tzinfo=LA)


@pytest.mark.parametrize("size", SIZES)
async def test_escape_changes_nothing(
    small_store: Store, db_path: Path, size: tuple[int, int]
) -> None:
    before = file_digest(db_path)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        for key, dialog in (
            ("n", ScheduleSessionDialog),
            ("t", AttendanceDialog),
            ("m", MemberDialog),
            ("a", AgendaItemDialog),
        ):
            await pilot.press(key)
            assert isinstance(app.screen, dialog)
            await pilot.press("tab", *"42", "escape")
            assert isinstance(app.screen, SessionsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.closed
        assert not isinstance(app.screen, SessionsScreen)
    assert file_digest(db_path) == before


@pytest.mark.parametrize("size", SIZES)
async def test_record_attendance_from_the_roster(small_store: Store, size: tuple[int, int]) -> None:
    add_member(small_store, "Ben Okafor", "Site rep", "Pine Middle")
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, AttendanceDialog)
        # Ana Ruiz was recorded present already; tick Ben as well.
        await pilot.press("down", "space")
        await pilot.press("tab", *"60", "tab", *"11", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)

    attendance = small_store.attendance(1)
    assert attendance.present == ("Ana Ruiz", "Ben Okafor")
    assert (attendance.observers, attendance.sites) == (60, 11)


@pytest.mark.parametrize("size", SIZES)
async def test_a_bad_count_shows_its_error_and_saves_nothing(
    small_store: Store, db_path: Path, size: tuple[int, int]
) -> None:
    before = file_digest(db_path)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("t", "tab", *"lots")
        assert error_of(app, "observers") == "observers must be a whole number, not 'lots'"
        await pilot.press("tab", "-", "3")
        assert error_of(app, "sites").startswith("sites must be")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceDialog)
        await pilot.press("escape")
    assert small_store.attendance(1).observers == 57
    assert file_digest(db_path) == before


@pytest.mark.parametrize("size", SIZES)
async def test_add_a_member(small_store: Store, size: tuple[int, int]) -> None:
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        # Tab to the next field; Enter saves from any field (issue 14, item 7).
        await pilot.press("m", *"Chris Lee", "tab", *"Note-taker", "tab", *"Pine", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
    chris = small_store.members()[-1]
    assert (chris.name, chris.role, chris.site) == ("Chris Lee", "Note-taker", "Pine")


@pytest.mark.parametrize("size", SIZES)
async def test_a_member_already_on_the_roster_is_refused_as_typed(
    small_store: Store, db_path: Path, size: tuple[int, int]
) -> None:
    before = file_digest(db_path)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("m", *"ana ruiz")
        assert error_of(app, "name") == "ana ruiz is already on the roster"
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MemberDialog)
        await pilot.press("escape")
    assert [m.name for m in small_store.members()] == ["Ana Ruiz"]
    assert file_digest(db_path) == before


@pytest.mark.parametrize("size", SIZES)
async def test_add_an_agenda_item(small_store: Store, size: tuple[int, int]) -> None:
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("a", *"Salary", "tab", *"1h", "tab", *"2, 10", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
    item = small_store.agenda(1)[-1]
    assert (item.position, item.title, item.minutes, item.articles) == (
        3,
        "Salary",
        60,
        ("2", "10"),
    )


@pytest.mark.parametrize("size", SIZES)
async def test_a_bad_agenda_item_shows_its_errors_and_saves_nothing(
    small_store: Store, db_path: Path, size: tuple[int, int]
) -> None:
    before = file_digest(db_path)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("a", *"Salary", "tab", *"soon", "tab", *"2, 99")
        assert "is not a duration" in error_of(app, "agenda-minutes")
        assert error_of(app, "agenda-articles").startswith("no article 99; known:")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaItemDialog)
        await pilot.press("escape")
    assert len(small_store.agenda(1)) == 2
    assert file_digest(db_path) == before


async def test_what_another_seat_records_appears_within_a_second(
    small_store: Store, db_path: Path
) -> None:
    app = Host(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        with Store(db_path, seat="notes") as other:
            other.record(
                {"type": "session.scheduled", "session": 2, "starts": "2026-03-17T16:30:00-07:00"}
            )
        await pilot.pause(1.3)
        table = app.screen.query_one("#sessions-table", DataTable)
        assert table.row_count == 2


async def test_every_binding_has_a_description() -> None:
    for screen in (SessionsScreen, FormDialog):
        for binding in screen.BINDINGS:
            assert not isinstance(binding, tuple)
            assert binding.description, binding


@pytest.mark.parametrize("size", SIZES)
async def test_error_lines_are_made_when_needed_and_keep_the_fields_order(
    small_store: Store, size: tuple[int, int]
) -> None:
    """A form opens without its error lines (a dozen hidden lines to lay out); each is made
    the first time its field has a problem, under the line in the fields' order."""
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n", "tab", "tab", *"25:61")  # the time first, then the date
        dialog = app.screen
        assert isinstance(dialog, ScheduleSessionDialog)
        assert [error.id for error in dialog.query(FieldError)] == ["time-error", "form-error"]
        await pilot.press("shift+tab", "ctrl+u", *"2026-02-30")
        assert [error.id for error in dialog.query(FieldError)] == [
            "date-error",
            "time-error",
            "form-error",
        ]
        assert "is not a date" in error_of(app, "date")
        await pilot.press("ctrl+u", *"2026-03-24")
        assert error_of(app, "date") == ""
        assert not dialog.query_one("#date-error").has_class("-shown")  # hidden, not removed
