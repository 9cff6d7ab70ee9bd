"""The app's background exchange with the other seats through a shared folder.

`bargain --sync DIR` (or the folder the database remembers) starts a `SeatSync`: a Textual
thread worker that calls `models.seats.exchange()` about every second on a `Store` of its own
(an sqlite connection belongs to the thread that opened it: DESIGN "Known traps"), and hands
each outcome to the app as a `SeatsSynced` message (`post_message` is thread-safe and never
waits: `call_from_thread` would wait forever for an app that closed meanwhile). The app keeps
the latest `SyncView`, shows it in the status line and reloads the screens when events came in.

Nothing the folder holds can stop the console: any failure of an exchange becomes one line in
the status, and the next exchange tries again.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from models.errors import DomainError, StoreError
from tui.notifies import Notifies

if TYPE_CHECKING:
    from textual.app import App
    from textual.message import Message

    from models.seats import ExchangeReport
    from models.store import Store

SYNC_SECONDS = 1.0
"""How often the worker exchanges with the folder."""

Exchange = Callable[["Store", Path], "ExchangeReport"]
"""One exchange of a store with a folder (the passphrase already bound)."""


class SyncView(NamedTuple):
    """What the status line shows: the latest exchange, or the problem that stopped it."""

    folder: Path
    report: ExchangeReport | None = None
    """The latest exchange that ran (None before the first, or when it failed)."""
    received_at: float | None = None
    """`time.monotonic()` when `report` came in: "synced N s ago" counts from it."""
    problem: str = ""
    """One line when the latest exchange could not run (the folder, the database)."""
    own_id: str = ""
    """This database's id, so that the seats counted are the others."""
    recent: tuple[tuple[str, float], ...] = ()
    """Problems the exchanges met lately, with `time.monotonic()` when last met: an exchange
    says each once, the status line keeps it for PROBLEM_SHOWN seconds."""


PROBLEM_SHOWN = 120.0
"""Seconds the status line keeps a problem an exchange met (it says each only once)."""
ID_PATTERN = re.compile(r"\b([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")


def shorter(text: str, folder: Path) -> str:
    """A problem as the status line says it: paths inside the folder without the folder,
    database ids by their first eight digits."""
    text = text.replace(f"{folder}{os.sep}", "")
    return ID_PATTERN.sub(lambda found: found.group(1) + "…", text)


def carried(view: SyncView, before: SyncView | None, now: float) -> SyncView:
    """`view` with the problems met lately: those of `before` still recent, and its own."""
    recent = {
        text: at for text, at in (before.recent if before else ()) if now - at < PROBLEM_SHOWN
    }
    met = list(view.report.problems) if view.report is not None else []
    if view.problem:
        met.append(view.problem)
    for text in met:
        recent.pop(text, None)
        recent[text] = now
    return view._replace(recent=tuple(recent.items()))


class SyncHost(Protocol):
    """What the worker needs of the app: a thread-safe way to hand it a message."""

    def post_message(self, message: Message) -> bool: ...


def folder_exchange(passphrase_file: Path | None) -> Exchange:
    """The real exchange (`models.seats`, imported on the worker's thread, not at start-up),
    with the team passphrase read once from `passphrase_file` or $BARGAIN_TEAM_KEY (a file
    that cannot be read is the status line's one line, and is read again the next time)."""
    key: list[str | None] = []

    def run(store: Store, folder: Path) -> ExchangeReport:
        from models.seats import exchange, read_passphrase

        if not key:
            key.append(read_passphrase(passphrase_file))
        return exchange(store, folder, passphrase=key[0])

    return run


def one_line(error: BaseException) -> str:
    """An exception as the one line the status shows (never a traceback)."""
    text = " ".join(str(error).split())
    if isinstance(error, DomainError | StoreError):
        return text
    if isinstance(error, OSError):
        return f"the shared folder cannot be read or written: {text or type(error).__name__}"
    return f"sync failed ({type(error).__name__}): {text}" if text else "sync failed"


class SeatSync:
    """Exchange `db_path`'s journal with `folder` every `interval` seconds, on a thread."""

    def __init__(
        self,
        host: SyncHost,
        db_path: Path,
        folder: Path,
        *,
        seat: str = "",
        exchange: Exchange,
        interval: float = SYNC_SECONDS,
    ) -> None:
        self.host = host
        self.db_path = Path(db_path)
        self.folder = Path(folder)
        self.seat = seat
        self.exchange = exchange
        self.interval = interval
        self._stop = threading.Event()
        self._wake = threading.Event()
        self.finished = threading.Event()
        """Set when the loop has ended and closed its store."""

    def run(self) -> None:
        """The worker's loop: until `stop()`, exchange, report, wait."""
        store: Store | None = None
        own_id = ""
        try:
            while not self._stop.is_set():
                view = SyncView(self.folder, own_id=own_id)
                try:
                    if store is None:
                        from models.store import Store

                        store = Store(self.db_path, seat=self.seat)
                        own_id = store.database_id
                    report = self.exchange(store, self.folder)
                    view = SyncView(self.folder, report, time.monotonic(), own_id=own_id)
                except Exception as error:  # the folder must never stop the console
                    view = view._replace(problem=one_line(error), own_id=own_id)
                if self._stop.is_set() or not self._deliver(view):
                    return
                self._wake.wait(self.interval)
                self._wake.clear()
        finally:
            if store is not None:
                store.close()
            self.finished.set()

    def _deliver(self, view: SyncView) -> bool:
        """Hand the outcome to the app's thread; False once the app takes no more messages."""
        from tui.messages import SeatsSynced

        return self.host.post_message(SeatsSynced(view))

    def now(self) -> None:
        """Exchange now rather than at the next tick (after this seat recorded something)."""
        self._wake.set()

    def stop(self) -> None:
        """Ask the loop to end (it ends after the exchange under way, if any)."""
        self._stop.set()
        self._wake.set()


class SyncingApp(SyncHost, Notifies, Protocol):
    """What `start` needs of the app (BargainingApp has it)."""

    db_path: Path
    seat: str
    sync_folder: Path | None
    seat_sync: SeatSync | None
    sync_view: SyncView | None

    @property
    def store(self) -> Store: ...

    def run_worker(self, work: Callable[[], None], **options: object) -> object: ...

    def seats_synced(self, view: SyncView) -> None: ...


def start(
    app: SyncingApp,
    passphrase_file: Path | None = None,
    exchange: Exchange | None = None,
    interval: float | None = None,
) -> None:
    """Start syncing `app`'s database with its folder: the one given (`--sync DIR`, then
    remembered by the database) or the one the database remembers. Without either, nothing."""
    if app.seat_sync is not None:
        return
    folder = app.sync_folder
    if not app.store.has_campaign():  # a new seat is made from the folder, not mixed into it
        if folder is not None:
            app.notify(
                f"This database has no campaign: make this seat's with `bargain join {folder}`.",
                title="Not syncing",
                severity="error",
                timeout=15,
            )
        return
    try:
        folder = _remember(app.store, folder)
    except (DomainError, StoreError, OSError) as error:
        app.notify(one_line(error), title="Not syncing", severity="error")
        return
    if folder is None:
        return
    app.seats_synced(SyncView(folder))
    app.seat_sync = SeatSync(
        app,
        app.db_path,
        folder,
        seat=app.seat,
        exchange=exchange or folder_exchange(passphrase_file),
        interval=SYNC_SECONDS if interval is None else interval,
    )
    app.run_worker(app.seat_sync.run, thread=True, name="seats sync", exit_on_error=False)


def _remember(store: Store, folder: Path | None) -> Path | None:
    """The folder to sync with: `folder`, now remembered by the database, else the one it
    remembers (None: no sync)."""
    from models.seats import remember_folder, remembered_folder

    if folder is not None:
        remember_folder(store, folder)
        return folder
    return remembered_folder(store)


def show_exchange(app: App[None], view: SyncView, before: SyncView | None) -> SyncView:
    """An exchange ended: toast each new problem once and show the view on every full
    screen (mounting the status line where a screen lacks one); the view to keep."""
    from textual.screen import ModalScreen

    from tui.widgets.sync_status import SyncStatus

    told = {text for text, _at in before.recent} if before else set()
    view = carried(view, before, time.monotonic())
    for text, _at in view.recent:
        if text not in told:  # the whole line once, where it wraps; the status keeps it
            app.notify(text, title="Seats", severity="error", timeout=15)
    for screen in app.screen_stack:
        if isinstance(screen, ModalScreen) or screen.id == "_default":
            continue
        found = screen.query(SyncStatus)
        if not found:  # the screens around the console show it too, above their keys
            screen.mount(SyncStatus())  # shows the view once mounted
        for status in found:
            status.show_view()
    return view
