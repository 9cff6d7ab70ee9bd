"""Two seats on two computers (issue 16): two apps on two databases, one shared folder.

Each app syncs in the background (its own thread worker, its own connection); what one records
shows on the other. The lead at 80x24, the note-taker wide (160x48), and the other way round.
Conflicts between them are listed on the conflicts screen (C) and settled by undoing one.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.pilot import Pilot

from models import actions
from models.store import Store
from tests.tui.test_two_seats import note_log, paste
from tui.app import BargainingApp

seats = pytest.importorskip("models.seats")

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

CROSSING = 15.0
"""Seconds allowed for a note to reach the other app (both sync every 0.2 s here; generous
for a shared 2-core machine)."""
SIZES = [((80, 24), (160, 48)), ((160, 48), (80, 24))]


async def wait_until(pilot: Pilot[None], seen: Callable[[], bool], limit: float) -> float:
    started = time.monotonic()
    while not seen():
        assert time.monotonic() - started < limit, "the change did not cross in time"
        await pilot.pause(0.05)
    return time.monotonic() - started


def two_seats(demo_db: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """The lead's database (the demo), the folder it published into, and the note-taker's
    database joined from that folder."""
    folder = tmp_path / "shared"
    with Store(demo_db, seat="lead") as lead:
        seats.exchange(lead, folder)
    notes_db = tmp_path / "notes" / "notes.db"
    notes_db.parent.mkdir(mode=0o700)
    seats.join(folder, notes_db, seat="notes").close()
    return demo_db, folder, notes_db


@pytest.mark.parametrize("sizes", SIZES, ids=["lead-80x24", "lead-160x48"])
async def test_a_note_on_one_computer_appears_on_the_other(
    demo_db: Path, clock: FrozenClock, tmp_path: Path, sizes: tuple[tuple[int, int], ...]
) -> None:
    lead_db, folder, notes_db = two_seats(demo_db, tmp_path)
    lead = BargainingApp(lead_db, seat="lead", clock=clock, sync=folder, sync_seconds=0.2)
    notes = BargainingApp(notes_db, seat="notes", clock=clock, sync=folder, sync_seconds=0.2)
    async with (
        lead.run_test(size=sizes[0]) as lead_pilot,
        notes.run_test(size=sizes[1]) as notes_pilot,
    ):
        await notes_pilot.press("n")
        await paste(notes_pilot, "District will answer on caseloads next week")
        await notes_pilot.press("enter")
        await notes_pilot.pause()
        assert "District will answer" in note_log(notes)
        await wait_until(lead_pilot, lambda: "District will answer" in note_log(lead), CROSSING)
        await lead_pilot.press("n")
        await paste(lead_pilot, "We hold at five percent")
        await lead_pilot.press("enter")
        await wait_until(notes_pilot, lambda: "We hold at five" in note_log(notes), CROSSING)
        for app, pilot in ((lead, lead_pilot), (notes, notes_pilot)):
            await wait_until(pilot, lambda app=app: "synced" in status_of(app), CROSSING)
            assert "2 seats" in status_of(app) or "last seen" in status_of(app)
    for app in (lead, notes):  # the worker's loop ended with its app, its store closed
        assert app.seat_sync is not None and app.seat_sync.finished.wait(5)
    with Store(lead_db) as store:
        assert [n.seat for n in store.notes(5, limit=2)] == ["notes", "lead"]


async def still_takes_notes(pilot: Pilot[None], app: BargainingApp, text: str) -> None:
    """A problem with the folder never stops the console: a note is taken as ever."""
    await pilot.press("n")
    await paste(pilot, text)
    await pilot.press("enter")
    await pilot.pause()
    assert text in note_log(app)


def status_of(app: BargainingApp) -> str:
    from tui.widgets.sync_status import SyncStatus

    widget = app.screen.query_one(SyncStatus)
    return str(widget.render()) if widget.display else ""


def conflicting_tas(
    demo_db: Path, tmp_path: Path, clock: Callable[[], datetime] | None = None
) -> tuple[Path, Path, Path]:
    """Both seats TA article 8 while apart (the note-taker's a minute after `clock`'s time,
    if given), then exchange: each of them holds the same conflict, the note-taker's TA."""
    lead_db, folder, notes_db = two_seats(demo_db, tmp_path)
    for path, initials, seat in ((lead_db, "LC", "lead"), (notes_db, "NT", "notes")):
        timed = {}
        if clock is not None:
            at = clock() + timedelta(minutes=1 if seat == "notes" else 0)
            timed["clock"] = lambda at=at: at
        with Store(path, seat=seat, **timed) as store:
            actions.sign_ta(
                store, session=5, articles=["8"], initials_union=initials, initials_employer="GH"
            )
    for path in (lead_db, notes_db, lead_db, notes_db):
        with Store(path) as store:
            seats.exchange(store, folder)
    return lead_db, folder, notes_db


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_a_conflict_is_listed_and_settled_by_undoing_one_side(
    demo_db: Path, clock: FrozenClock, tmp_path: Path, size: tuple[int, int]
) -> None:
    lead_db, folder, notes_db = conflicting_tas(demo_db, tmp_path)
    found = {}
    for path in (lead_db, notes_db):
        with Store(path) as store:
            found[path] = store.conflicts()
    assert sum(len(c) for c in found.values()) == 2, "both seats hold the same conflict"
    conflict = found[lead_db][0]
    app = BargainingApp(lead_db, seat="lead", clock=clock, sync=folder, sync_seconds=0.2)
    async with app.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: "1 conflict (C)" in status_of(app), CROSSING)
        await pilot.press("C")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConflictsScreen"
        detail = str(app.screen.query_one("#conflict-detail").render())
        assert conflict.description in detail
        assert "Why: " + conflict.reason in detail
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.has_class("-empty")
        await pilot.press("escape")
        await wait_until(pilot, lambda: "0 conflicts" in status_of(app), CROSSING)
    with Store(lead_db) as store:
        assert store.conflicts() == []
    with Store(notes_db) as store:
        seats.exchange(store, folder)
        assert store.conflicts() == [], "the settling undo reached the other seat"


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_a_copied_database_stops_syncing_with_one_line(
    demo_db: Path, clock: FrozenClock, tmp_path: Path, size: tuple[int, int]
) -> None:
    lead_db, folder, _notes_db = two_seats(demo_db, tmp_path)
    copy = tmp_path / "copy.db"
    shutil.copyfile(lead_db, copy)
    copy.chmod(0o600)
    with Store(lead_db, seat="lead") as lead:
        actions.add_note(lead, session=5, text="Only the lead wrote this")
        seats.exchange(lead, folder)
    app = BargainingApp(copy, seat="lead", clock=clock, sync=folder, sync_seconds=0.2)
    async with app.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: "sync stopped: " in status_of(app), CROSSING)
        line = status_of(app)
        assert line.startswith("sync stopped: seats/") and "\n" not in line
        if size[0] >= 160:
            assert "looks like a copy of another seat's" in line
        await wait_until(pilot, lambda: bool(list(app._notifications)), CROSSING)
        (toast,) = [n.message for n in app._notifications]
        assert "looks like a copy" in toast and f"bargain join {folder}" in toast
        await pilot.pause(0.5)
        assert len(app._notifications) == 1, "said once, not at every exchange"
        await still_takes_notes(pilot, app, "The copy still takes notes")


async def test_the_team_passphrase_from_a_file_or_the_environment(
    demo_db: Path, clock: FrozenClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the right passphrase (a file) notes cross; with a wrong one ($BARGAIN_TEAM_KEY) the
    status line says so in one line, and the app goes on."""
    folder = tmp_path / "shared"
    with Store(demo_db, seat="lead") as lead:
        seats.exchange(lead, folder, passphrase="red kettle")
    notes_db = tmp_path / "notes.db"
    seats.join(folder, notes_db, seat="notes", passphrase="red kettle").close()
    key_file = tmp_path / "team-key"
    key_file.write_text("red kettle\n")
    key_file.chmod(0o600)
    notes = BargainingApp(
        notes_db, seat="notes", clock=clock, sync=folder, passphrase_file=key_file
    )
    async with notes.run_test(size=(80, 24)) as pilot:
        with Store(demo_db, seat="lead") as lead:
            actions.add_note(lead, session=5, text="Sealed with the team passphrase")
            seats.exchange(lead, folder, passphrase="red kettle")
        await wait_until(pilot, lambda: "Sealed with the team" in note_log(notes), CROSSING)
    other_db = tmp_path / "other.db"
    seats.join(folder, other_db, seat="other", passphrase="red kettle").close()
    monkeypatch.setenv("BARGAIN_TEAM_KEY", "blue kettle")
    other = BargainingApp(other_db, seat="other", clock=clock, sync=folder, sync_seconds=0.2)
    async with other.run_test(size=(160, 48)) as pilot:
        with Store(demo_db, seat="lead") as lead:
            actions.add_note(lead, session=5, text="Only the right passphrase reads this")
            seats.exchange(lead, folder, passphrase="red kettle")
        await wait_until(pilot, lambda: "synced" in status_of(other), CROSSING)
        await wait_until(pilot, lambda: "passphrase does not open" in status_of(other), CROSSING)
        line = status_of(other)
        assert "\n" not in line and len(line) <= 160
        assert "Only the right passphrase" not in note_log(other)
        await still_takes_notes(pilot, other, "The seat still takes notes")


async def test_a_newer_file_format_is_said_on_the_status_line_and_the_rest_comes_in(
    demo_db: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    import json

    from models.seats.folder import VERSION, seat_dir

    lead_db, folder, notes_db = two_seats(demo_db, tmp_path)
    with Store(notes_db, seat="notes") as notes:
        for text in ("From a newer app", "Understood by every version"):
            actions.add_note(notes, session=5, text=text)
            seats.exchange(notes, folder)
        home = seat_dir(folder, notes.database_id)
    first = sorted(home.glob("*.seg"))[0]
    header = json.loads(first.read_bytes().split(b"\n")[0])
    header["version"] = VERSION + 1
    first.write_bytes(json.dumps(header).encode() + b"\n" + b"things to come")
    lead = BargainingApp(lead_db, seat="lead", clock=clock, sync=folder, sync_seconds=0.2)
    async with lead.run_test(size=(160, 48)) as pilot:
        await wait_until(pilot, lambda: "Understood by every" in note_log(lead), CROSSING)
        await wait_until(pilot, lambda: "newer version" in status_of(lead), CROSSING)
        await pilot.pause(0.6)  # later exchanges say nothing more; the line keeps it
        assert "newer version" in status_of(lead)
        assert "From a newer app" not in note_log(lead)


async def test_the_folder_given_once_is_remembered_by_the_database(
    demo_db: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    lead_db, folder, _notes_db = two_seats(demo_db, tmp_path)
    app = BargainingApp(lead_db, seat="lead", clock=clock, sync=folder, sync_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "synced" in status_of(app), CROSSING)
    with Store(lead_db) as store:
        assert seats.remembered_folder(store) == folder.absolute()
    again = BargainingApp(lead_db, seat="lead", clock=clock, sync_seconds=0.2)  # no --sync
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "synced" in status_of(again), CROSSING)
        assert again.seat_sync is not None and again.seat_sync.folder == folder.absolute()
