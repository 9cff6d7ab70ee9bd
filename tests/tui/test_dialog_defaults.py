"""Issue 14, item 15: the first session gets a date by default and "today" / "tomorrow" are
understood; a Zoom link typed as the place makes the mode Zoom unless the mode was chosen;
the agenda item's planned time says it is minutes. At 80x24 and 160x48."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Input, Label, Select

from models.domain import SessionMode
from models.events import SessionScheduled
from tests.tui.dialog_host import NOT_CLOSED, DialogHost
from tui.dialogs.agenda_item import AgendaItemDialog
from tui.dialogs.form_rows import FieldError
from tui.dialogs.schedule_session import ScheduleSessionDialog

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
TZ = "America/Los_Angeles"
# A Thursday, 10:00 in Riverbend.
THURSDAY = datetime(2026, 3, 19, 10, 0, tzinfo=ZoneInfo(TZ))
FRIDAY = datetime(2026, 3, 20, 10, 0, tzinfo=ZoneInfo(TZ))


def first_session(now: datetime) -> ScheduleSessionDialog:
    return ScheduleSessionDialog(timezone=TZ, number=1, now=now)


def local_start(app: DialogHost) -> datetime:
    result = app.result
    assert isinstance(result, SessionScheduled)
    return result.starts.astimezone(ZoneInfo(TZ))


@pytest.mark.parametrize("size", SIZES)
async def test_the_first_session_defaults_to_the_next_weekday_afternoon(
    size: tuple[int, int],
) -> None:
    app = DialogHost(first_session(THURSDAY))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#date", Input).value == "2026-03-20"
        assert app.screen.query_one("#time", Input).value == "16:30"
        await pilot.press("enter")
        await pilot.pause()
    assert local_start(app) == datetime(2026, 3, 20, 16, 30, tzinfo=ZoneInfo(TZ))


@pytest.mark.parametrize("size", SIZES)
async def test_a_friday_defaults_to_monday(size: tuple[int, int]) -> None:
    app = DialogHost(first_session(FRIDAY))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#date", Input).value == "2026-03-23"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("word", "day"), [("today", 19), ("Tomorrow", 20)])
async def test_today_and_tomorrow_are_understood(
    size: tuple[int, int], word: str, day: int
) -> None:
    app = DialogHost(first_session(THURSDAY))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.screen.query_one("#date", Input).value = word
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is not NOT_CLOSED
    assert local_start(app).date().day == day


@pytest.mark.parametrize("size", SIZES)
async def test_a_zoom_link_makes_the_mode_zoom(size: tuple[int, int]) -> None:
    app = DialogHost(first_session(THURSDAY))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        place = app.screen.query_one("#location", Input)
        place.focus()
        await pilot.press(*"https://us02web.zoom.us/j/123")
        await pilot.pause()
        assert app.screen.query_one("#mode", Select).value is SessionMode.ZOOM
        await pilot.press("enter")
        await pilot.pause()
    result = app.result
    assert isinstance(result, SessionScheduled) and result.mode is SessionMode.ZOOM


@pytest.mark.parametrize("size", SIZES)
async def test_a_mode_the_user_chose_stays(size: tuple[int, int]) -> None:
    app = DialogHost(first_session(THURSDAY))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        mode = app.screen.query_one("#mode", Select)
        mode.value = SessionMode.HYBRID
        await pilot.pause()
        mode.value = SessionMode.IN_PERSON
        await pilot.pause()
        app.screen.query_one("#location", Input).value = "https://zoom.us/j/1"
        await pilot.pause()
        assert mode.value is SessionMode.IN_PERSON


@pytest.mark.parametrize("size", SIZES)
async def test_planned_says_minutes(size: tuple[int, int]) -> None:
    app = DialogHost(AgendaItemDialog([], 5))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        row = app.screen.query_one("#agenda-minutes").parent
        assert row is not None
        labels = " ".join(str(label.render()) for label in row.query(Label))
        assert "minutes" in labels, labels


@pytest.mark.parametrize("size", SIZES)
async def test_a_link_taken_back_makes_it_in_person_again(size: tuple[int, int]) -> None:
    app = DialogHost(first_session(THURSDAY))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        place = app.screen.query_one("#location", Input)
        place.value = "https://zoom.us/j/1"
        await pilot.pause()
        place.value = "Riverbend High School Library"
        await pilot.pause()
        assert app.screen.query_one("#mode", Select).value is SessionMode.IN_PERSON


@pytest.mark.parametrize("size", SIZES)
async def test_the_form_says_a_skipped_time_does_not_exist(size: tuple[int, int]) -> None:
    app = DialogHost(first_session(THURSDAY))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.screen.query_one("#date", Input).value = "2026-03-08"
        app.screen.query_one("#time", Input).value = "2:30"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is NOT_CLOSED
        errors = app.screen.query("#time-error").results(FieldError)
        assert "does not exist on 2026-03-08" in next(error.message for error in errors)
