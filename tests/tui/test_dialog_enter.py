"""Issue 14, item 7: the help says Enter saves, and in every dialog it did not (it moved to
the next field: four Enters in the pass dialog; on a tick box it ticked). Enter saves from
any field once every field is right; when one is wrong it saves nothing and goes to it.
Space ticks a box or a name in a list. Each form dialog, at 80x24 and 160x48."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, SelectionList

from models import actions
from models.domain import CaucusSide, Member
from models.store import Store
from tests.tui.conftest import FROZEN_AT
from tests.tui.dialog_host import NOT_CLOSED, DialogHost
from tui.dialogs.agenda_item import AgendaItemDialog
from tui.dialogs.article_form import ArticleDialog
from tui.dialogs.article_import import ArticleImportDialog
from tui.dialogs.attendance import AttendanceDialog
from tui.dialogs.caucus import CaucusDialog
from tui.dialogs.end_session import EndSessionDialog
from tui.dialogs.extend_caucus import ExtendCaucusDialog
from tui.dialogs.info_request import InfoRequestDialog
from tui.dialogs.member import MemberDialog
from tui.dialogs.pass_proposal import PassProposalDialog
from tui.dialogs.schedule_session import ScheduleSessionDialog
from tui.dialogs.speaker import SpeakerDialog
from tui.dialogs.start_session import StartSessionDialog
from tui.dialogs.ta import TADialog

Build = Callable[[Store, Path], ModalScreen[Any]]


def _campaign(store: Store) -> Any:
    campaign = store.campaign()
    assert campaign is not None
    return campaign


def _csv(tmp: Path) -> str:
    path = tmp / "articles.csv"
    path.write_text("number,title\n31,Parking\n32,Lockers\n", encoding="utf-8")
    return str(path)


def _with_caucus(store: Store) -> Any:
    actions.call_caucus(store, session=5, side=CaucusSide.UNION, minutes=20)
    return store.caucuses(5, open_only=True)


# name -> (build the dialog, keys typed into the first field, the field Enter is pressed in)
DIALOGS: dict[str, tuple[Build, list[str], str]] = {
    "pass": (
        lambda s, t: PassProposalDialog(s, _campaign(s), s.board()),
        ["1", "2"],
        "#pass-articles",
    ),
    "ta": (
        lambda s, t: TADialog(s.board(), s.proposals(), None, _campaign(s)),
        ["1", "3"],
        "#ta-articles",
    ),
    "caucus": (lambda s, t: CaucusDialog(_campaign(s), ()), [], ""),
    "extend caucus": (lambda s, t: ExtendCaucusDialog(_with_caucus(s), _campaign(s)), [], ""),
    "agenda item": (
        lambda s, t: AgendaItemDialog(s.articles(), 5),
        ["W", "a", "g", "e", "s"],
        "#agenda-title",
    ),
    "article": (
        lambda s, t: ArticleDialog(taken=[a.number for a in s.articles()]),
        ["3", "3", "tab", "P", "a", "y", "shift+tab"],
        "",
    ),
    "article import": (lambda s, t: ArticleImportDialog(path=_csv(t)), [], "#path"),
    "attendance": (
        lambda s, t: AttendanceDialog(session=5, roster=[Member(name="Ana Ruiz")]),
        [],
        "#present",
    ),
    "end session": (
        lambda s, t: EndSessionDialog(_campaign(s), s.session(5), FROZEN_AT),
        [],
        "",
    ),
    "info request": (
        lambda s, t: InfoRequestDialog(s.info_requests(), _campaign(s), FROZEN_AT),
        ["B", "u", "d", "g", "e", "t"],
        "#request-text",
    ),
    "member": (lambda s, t: MemberDialog(roster=[]), ["A", "n", "a"], ""),
    "speaker": (lambda s, t: SpeakerDialog(_campaign(s), "We will"), ["A", "n", "a"], ""),
    "schedule session": (
        lambda s, t: ScheduleSessionDialog(
            timezone=_campaign(s).timezone, number=6, previous=s.session(5)
        ),
        [],
        "",
    ),
}


@pytest.fixture
def store(demo_db: Path) -> Iterator[Store]:
    with Store(demo_db, seat="lead") as opened:
        yield opened


@pytest.mark.parametrize("name", list(DIALOGS))
async def test_enter_saves_from_the_first_field(
    name: str, size: tuple[int, int], store: Store, tmp_path: Path
) -> None:
    build, keys, field = DIALOGS[name]
    app = DialogHost(build(store, tmp_path))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        if name == "ta":  # both initials are required: typed before, Enter in the articles
            app.screen.query_one("#ta-union", Input).value = "AR"
            app.screen.query_one("#ta-employer", Input).value = "JM"
        if field:
            app.screen.query_one(field).focus()
            await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        focused = app.screen.focused
        assert focused is not None
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.result is not NOT_CLOSED, f"Enter in {focused!r} left the {name} dialog open"
        assert app.result is not None


async def test_start_session_enter_starts_it(
    size: tuple[int, int], store: Store, tmp_path: Path
) -> None:
    actions.schedule_session(store, number=6, starts=FROZEN_AT + timedelta(days=7))
    waiting = store.session(6)
    app = DialogHost(StartSessionDialog(_campaign(store), waiting, FROZEN_AT + timedelta(days=7)))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.result not in (NOT_CLOSED, None)


async def test_enter_on_a_wrong_field_saves_nothing_and_stays(
    size: tuple[int, int], store: Store
) -> None:
    app = DialogHost(PassProposalDialog(store, _campaign(store), store.board()))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("1", "2")
        # The name=number terms field (after one field per term the campaign names).
        app.screen.query_one("#pass-terms", Input).focus()
        await pilot.pause()
        await pilot.press("x", "=", "y")  # terms: not a number
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is NOT_CLOSED
        assert app.screen.focused is app.screen.query_one("#pass-terms", Input)


async def test_enter_on_the_embargo_box_saves_and_space_ticks_it(
    size: tuple[int, int], store: Store
) -> None:
    app = DialogHost(PassProposalDialog(store, _campaign(store), store.board()))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("1", "2")
        box = app.screen.query_one("#pass-embargo", Checkbox)
        box.focus()
        await pilot.pause()
        await pilot.press("space")
        assert box.value is True
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.result is not NOT_CLOSED
        assert getattr(app.result, "embargoed", None) is True


async def test_space_ticks_a_name_and_enter_records_it(size: tuple[int, int]) -> None:
    roster = [Member(name="Ana Ruiz"), Member(name="Ben Cho")]
    app = DialogHost(AttendanceDialog(session=5, roster=roster))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#present", SelectionList)
        listing.focus()
        listing.highlighted = 1
        await pilot.press("space", "enter")
        await pilot.pause()
        assert app.result is not NOT_CLOSED
        assert list(getattr(app.result, "present", [])) == ["Ben Cho"]
