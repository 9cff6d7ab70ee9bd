"""The console's table of key actions, run against a real store with a stand-in screen that
records what the runner asks of it (notices, dialogs pushed, reloads). The Pilot flows of every
key are in test_keys_*.py; these pin the guards' warnings, the dialogs' arguments, the choice of
`s`, and the writes made without a dialog."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from models import actions
from models.domain import CaucusSide
from models.errors import DomainError, StoreError
from models.store import Store
from tui.screens.table_action import Table, TableKeys
from tui.screens.table_actions import CONSOLE_BINDINGS, TABLE, TABLE_ACTIONS, action_string

NOW = datetime(2026, 3, 18, 0, 30, tzinfo=UTC)


class StandInApp:
    def __init__(self) -> None:
        self.pushed: list[tuple[object, Callable[[Any], object] | None]] = []

    def push_screen(self, screen: object, callback: Callable[[Any], object] | None = None) -> None:
        self.pushed.append((screen, callback))


class StandInScreen:
    """What `TableKeys` uses of the main screen, recorded."""

    def __init__(self) -> None:
        self.app = StandInApp()
        self.notices: list[tuple[str, str, str]] = []
        self.reloads: list[tuple[str, ...]] = []

    def notify(
        self, message: str, *, title: str = "", severity: str = "information", **_: Any
    ) -> None:
        self.notices.append((message, title, severity))

    def attempt(self, do: Callable[[], Any]) -> Any:
        try:
            return do()
        except (DomainError, StoreError) as refusal:
            self.notify(str(refusal), title="Not recorded", severity="error")
            return None

    def changed(self, event: object, *parts: str) -> None:
        self.reloads.append(parts)


def table_of(store: Store) -> Table:
    campaign = store.campaign()
    assert campaign is not None
    session = store.current_session()
    number = session.number if session else None
    caucuses = store.caucuses(number, open_only=True) if number is not None else []
    board = store.board()
    return Table(store, campaign, session, tuple(caucuses), board, board[0], NOW)


def run(store: Store, name: str, table: Table | None = None) -> StandInScreen:
    screen = StandInScreen()
    TableKeys(screen, TABLE).run(name, table or table_of(store))  # type: ignore[arg-type]
    return screen


def test_every_key_of_the_table_is_a_binding_of_the_console_with_a_unique_id() -> None:
    keyed = [action for action in TABLE_ACTIONS if action.key]
    bound = {binding.action: binding for binding in CONSOLE_BINDINGS}  # type: ignore[union-attr]
    for action in keyed:
        assert bound[action.action].key == action.key
    ids = [binding.id for binding in CONSOLE_BINDINGS]  # type: ignore[union-attr]
    assert len(ids) == len(set(ids))
    assert action_string("add_agenda_item") == "table('add_agenda_item')"
    with pytest.raises(KeyError):
        action_string("no_such_action")


@pytest.mark.parametrize("action", [a for a in TABLE_ACTIONS if a.dialog], ids=lambda a: a.name)
def test_every_dialog_takes_the_arguments_its_record_gives(live_store: Store, action: Any) -> None:
    module, _, name = action.dialog.partition(":")
    dialog = getattr(__import__(module, fromlist=[name]), name)
    arguments = dict(action.ask(table_of(live_store))) if action.ask else {}
    if action.write and not action.returns:
        arguments["on_save"] = print
    arguments.update({callback: print for callback in action.also})
    inspect.signature(dialog).bind(**arguments)  # a name the dialog does not take raises


def test_without_a_session_the_keys_that_need_one_say_how_to_get_one(live_store: Store) -> None:
    table = table_of(live_store)
    no_session = Table(live_store, table.campaign, None, (), table.board, None, NOW)
    for name in ("pass_proposal", "ta", "caucus", "next_item", "read_notes", "add_agenda_item"):
        screen = run(live_store, name, no_session)
        assert screen.notices == [
            (
                "No session is scheduled yet: press S to schedule one, then s to start it.",
                "No session",
                "warning",
            )
        ], name
        assert screen.app.pushed == []


def test_a_caucus_needs_a_running_session(small_store: Store) -> None:
    screen = run(small_store, "caucus")  # session 1 has ended
    assert screen.notices == [
        (
            "Session 1 is not running: press s to start the next session.",
            "No running session",
            "warning",
        )
    ]
    assert screen.app.pushed == []


def test_ending_or_extending_needs_a_caucus_out(live_store: Store) -> None:
    for name in ("end_caucus", "extend_caucus"):
        screen = run(live_store, name)
        assert screen.notices == [("No caucus is running.", "", "warning")]
        assert screen.app.pushed == []


def test_withdraw_needs_a_proposal_on_the_table(live_store: Store) -> None:
    for proposal in live_store.proposals():
        if proposal.withdrawn_at is None:
            actions.withdraw_proposal(live_store, proposal.id)
    screen = run(live_store, "withdraw")
    assert screen.notices == [("No proposal is on the table to withdraw.", "", "warning")]
    assert screen.app.pushed == []


def test_the_only_caucus_out_is_ended_at_once_and_said_so(live_store: Store) -> None:
    actions.call_caucus(live_store, session=2, side=CaucusSide.EMPLOYER, minutes=10)
    screen = run(live_store, "end_caucus")
    assert screen.app.pushed == []
    assert live_store.caucuses(2, open_only=True) == []
    campaign = live_store.campaign()
    assert campaign is not None
    assert screen.notices == [
        (f"{campaign.employer.short} is back at the table.", "", "information")
    ]
    assert screen.reloads == [("caucuses",)]


def test_with_both_sides_out_e_asks_which_and_ends_the_one_picked(live_store: Store) -> None:
    from tui.dialogs.pick_caucus import PickCaucusDialog

    actions.call_caucus(live_store, session=2, side=CaucusSide.EMPLOYER, minutes=10)
    actions.call_caucus(live_store, session=2, side=CaucusSide.UNION, minutes=10)
    screen = run(live_store, "end_caucus")
    [(dialog, callback)] = screen.app.pushed
    assert isinstance(dialog, PickCaucusDialog) and callback is not None
    callback(None)  # Escape: nothing ends
    assert len(live_store.caucuses(2, open_only=True)) == 2
    callback(next(c for c in dialog.caucuses if c.side is CaucusSide.UNION))
    assert [c.side for c in live_store.caucuses(2, open_only=True)] == [CaucusSide.EMPLOYER]


def test_s_ends_a_running_session_and_starts_one_otherwise(
    live_store: Store, small_store: Store
) -> None:
    from tui.dialogs.end_session import EndSessionDialog
    from tui.dialogs.start_session import StartSessionDialog

    [(running, _)] = run(live_store, "session").app.pushed
    assert isinstance(running, EndSessionDialog)
    live_store.record({"type": "session.ended", "session": 2})
    [(ended, _)] = run(live_store, "session").app.pushed
    assert isinstance(ended, StartSessionDialog)


def test_a_refused_write_without_a_dialog_is_a_notice_and_changes_nothing(
    live_store: Store,
) -> None:
    before = live_store.last_seq()
    screen = run(live_store, "skip_item")  # session 2 has no agenda
    assert screen.notices == [
        ("session 2 has no upcoming agenda item to skip", "Not recorded", "error")
    ]
    assert live_store.last_seq() == before and screen.reloads == []


def test_a_dialogs_save_records_and_reloads_what_it_touched(live_store: Store) -> None:
    from tui.dialogs.agenda_item import AgendaItemRequest

    screen = run(live_store, "add_agenda_item")
    [(dialog, _)] = screen.app.pushed
    dialog._on_save(AgendaItemRequest("Health benefits", 25, ("4",)))  # type: ignore[attr-defined]
    item = live_store.agenda(2)[-1]
    assert (item.title, item.minutes, item.articles) == ("Health benefits", 25, ("4",))
    assert screen.reloads == [("agenda",)]
