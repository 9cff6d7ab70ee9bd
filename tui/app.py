"""The Textual app: opens the store, shows the right first screen, holds the global keys.

It stays thin: screens and dialogs do the work; the app polls the journal so that what another
seat records shows up here within half a second.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import ModalScreen, Screen

from models.errors import DomainError, StoreError
from models.store import Store
from models.timeutil import utc_now
from tui.key_order import KeyOrder
from tui.messages import StoreChanged
from tui.screens.main import MainScreen

if TYPE_CHECKING:
    from tui.messages import SeatsSynced
    from tui.seat_sync import Exchange, SeatSync, SyncView

AROUND_SCREENS = {
    "sessions": ("tui.screens.sessions", "SessionsScreen"),
    "articles": ("tui.screens.articles", "ArticlesScreen"),
    "recap": ("tui.screens.recap", "RecapScreen"),
    "settings": ("tui.screens.settings", "SettingsScreen"),
    "conflicts": ("tui.screens.conflicts", "ConflictsScreen"),
}
"""The screens around the console (module, class), opened by S, R, r, ctrl+o and C: one at
a time."""
GLOBAL_ACTIONS = ("help", "undo", "redo", "sessions", "articles", "recap", "settings", "conflicts")
"""The app's keys that wait while a dialog is open (and without a database)."""
POLL_SECONDS = 0.4
"""How often the journal's last position is read to see other seats' changes."""


def _bargain_commands() -> type[Provider]:
    """The palette's commands, loaded when the palette first opens (Textual takes a callable
    in `COMMANDS` for that), not before the first frame."""
    from tui.commands import BargainCommands

    return BargainCommands


class BargainingApp(App[None]):
    """The live session console on one database file."""

    # Absolute: Textual resolves a relative CSS_PATH beside the file of the running class,
    # which for a subclass (a benchmark's, a test's) is not this one.
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "open-bargaining"
    COMMANDS = App.COMMANDS | {_bargain_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "question_mark",
            "help",
            "Keys",
            key_display="?",
            tooltip="Show every key of the console",
            id="app.help",
        ),
        Binding(
            "ctrl+z", "undo", "Undo", tooltip="Undo your last action (asks first)", id="app.undo"
        ),
        Binding(
            "ctrl+y",
            "redo",
            "Redo",
            show=False,
            tooltip="Bring back what the last undo took away",
            id="app.redo",
        ),
        Binding(
            "S",
            "sessions",
            "Sessions",
            show=False,
            key_display="S",
            tooltip="Sessions: schedule, attendance",
            id="app.sessions",
        ),
        Binding(
            "R",
            "articles",
            "Articles",
            show=False,
            key_display="R",
            tooltip="Articles: add, rename, import",
            id="app.articles",
        ),
        Binding(
            "r",
            "recap",
            "Recap",
            show=False,
            tooltip="Preview the recap for members",
            id="app.recap",
        ),
        Binding(
            "ctrl+o",
            "settings",
            "Settings",
            show=False,
            tooltip="Settings: names, recap addresses, terms, ground rules",
            id="app.settings",
        ),
        Binding(
            "C",
            "conflicts",
            "Conflicts",
            show=False,
            key_display="C",
            tooltip="Conflicts between seats: settle one by undoing a side",
            id="app.conflicts",
        ),
        Binding("q", "quit", "Quit", tooltip="Quit (everything is already saved)", id="app.quit"),
    ]

    def __init__(
        self,
        db_path: Path,
        seat: str = "",
        clock: Callable[[], datetime] = utc_now,
        *,
        sync: Path | None = None,
        passphrase_file: Path | None = None,
        exchange: Exchange | None = None,
        sync_seconds: float | None = None,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.seat = seat
        self.clock = clock
        self.sync_folder = Path(sync) if sync is not None else None
        """The folder given with `--sync` (remembered by the database once syncing starts)."""
        self._sync_options = (passphrase_file, exchange, sync_seconds)
        self.seat_sync: SeatSync | None = None
        self.sync_view: SyncView | None = None
        """The latest exchange with the other seats, for the status line (None: no sync)."""
        self._store: Store | None = None
        self._problem: StoreError | None = None
        self._seen_seq = 0
        self._keys = KeyOrder(self, super().on_event)
        try:
            self._store = Store(self.db_path, create=True, clock=clock, seat=seat)
            self._campaign_ready = self._store.has_campaign()
        except StoreError as error:
            self._problem = error
            self._campaign_ready = False

    @property
    def store(self) -> Store:
        """The open database (the app shows a problem screen instead when there is none)."""
        assert self._store is not None, "the database could not be opened"
        return self._store

    # ------------------------------------------------------------------ screens

    def get_default_screen(self) -> Screen[None]:
        if self._store is not None and self._campaign_ready:
            return MainScreen(self._store, self.clock)
        return Screen(id="_default")

    def on_mount(self) -> None:
        if self._problem is not None:
            self._cannot_open(self._problem)
            return
        if not self._campaign_ready:
            self._welcome()
        self._seen_seq = self.store.last_seq()
        self.set_interval(POLL_SECONDS, self._poll, name="journal poll")
        self.call_after_refresh(self.start_sync)

    # ------------------------------------------------------------------ seats

    def start_sync(self) -> None:
        """Exchange with the other seats in the background, if a folder was given or is
        remembered by the database (after the first frame: `models.seats` loads then)."""
        from tui.seat_sync import start

        start(self, *self._sync_options)

    def on_seats_synced(self, message: SeatsSynced) -> None:
        """The sync worker's outcome, on the app's thread."""
        self.seats_synced(message.view)

    def seats_synced(self, view: SyncView) -> None:
        """An exchange ended: show it; reload if events came."""
        import time

        from tui.seat_sync import carried
        from tui.widgets.sync_status import SyncStatus

        told = {text for text, _at in self.sync_view.recent} if self.sync_view else set()
        view = carried(view, self.sync_view, time.monotonic())
        for text, _at in view.recent:
            if text not in told:  # the whole line once, where it wraps; the status keeps it
                self.notify(text, title="Seats", severity="error", timeout=15)
        self.sync_view = view
        for screen in self.screen_stack:
            if isinstance(screen, ModalScreen) or screen.id == "_default":
                continue
            found = screen.query(SyncStatus)
            if not found:  # the screens around the console show it too, above their keys
                screen.mount(SyncStatus(classes="-on"))
            for status in found:
                status.add_class("-on")
                status.refresh()
        if view.report is not None and view.report.received:
            self._poll()

    def _cannot_open(self, problem: StoreError) -> None:
        from tui.screens.error import ProblemScreen

        self.push_screen(ProblemScreen("Cannot open the database", str(problem)))

    def _welcome(self) -> None:
        from tui.screens.welcome import WelcomeScreen

        self.push_screen(WelcomeScreen(self.store), self._welcomed)

    def _welcomed(self, demo: Path | None) -> None:
        if demo is not None:
            self.switch_database(demo)
            return
        if not self.store.has_campaign():
            self.exit()
            return
        self.push_screen(MainScreen(self.store, self.clock))

    def switch_database(self, path: Path) -> None:
        """Close this database and open another (the demo the welcome screen made)."""
        try:
            store = Store(Path(path), create=False, clock=self.clock, seat=self.seat)
        except StoreError as error:
            self._cannot_open(error)
            return
        if self._store is not None:
            self._store.close()
        self._store = store
        self.db_path = Path(path)
        self._seen_seq = store.last_seq()
        self.push_screen(MainScreen(store, self.clock))

    # ------------------------------------------------------------------ other seats

    def _poll(self) -> None:
        if self._store is None:
            return
        try:
            seq = self._store.last_seq()
        except StoreError:
            return
        if seq != self._seen_seq:
            self._seen_seq = seq
            self.refresh_screens(seq)
            if self.seat_sync is not None:
                self.seat_sync.now()

    def refresh_screens(self, seq: int | None = None) -> None:
        """Tell every screen on the stack that the journal changed."""
        if seq is None:
            seq = self.store.last_seq()
            self._seen_seq = seq
        for screen in self.screen_stack:
            screen.post_message(StoreChanged(seq))

    # ------------------------------------------------------------------ keys

    async def on_event(self, event: events.Event) -> None:
        """Keys from the terminal go through `KeyOrder`: one burst, each key where it was
        typed for."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self._keys.arrived(event)
            return
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        self._keys.came_back(event)

    def replay_keys(self, keys: list[events.Key]) -> None:
        """Keys a dialog held while it was being built, handed back to be delivered in order
        (`tui.dialogs.type_ahead`)."""
        self._keys.replay(keys)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Global keys wait while a dialog is open (its fields take the keys)."""
        if action in (*GLOBAL_ACTIONS, "quit"):
            if isinstance(self.screen, ModalScreen):
                return False
            if self._store is None and action != "quit":
                return False
        return True

    def action_help(self) -> None:
        """Show the whole key map."""
        from tui.dialogs.help import HelpDialog, key_map

        self.push_screen(HelpDialog(key_map(self)))

    async def action_quit(self) -> None:
        """Leave; the half-typed note is written first (everything else already is)."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.flush_draft()
        self.exit()

    def action_undo(self) -> None:
        """Undo this seat's last action, after saying what it was."""
        from models import actions
        from models.describe import describe_event
        from tui.dialogs.confirm import ConfirmDialog

        event = self.store.last_undoable()
        if event is None:
            self.notify("Nothing of yours to undo.", severity="warning")
            return
        what = describe_event(event, self.store.event)

        def answer(yes: bool | None) -> None:
            if yes:
                self._undo_write(lambda: actions.undo_event(self.store, event), "Undone", what)

        self.push_screen(
            ConfirmDialog("Undo", f"Undo {what}?", yes="Undo", detail=_when(self, event.at)),
            answer,
        )

    def action_redo(self) -> None:
        """Bring back what this seat's last undo took away."""
        from models import actions
        from models.describe import describe_event

        undo = self.store.last_redoable()
        if undo is None:
            self.notify("Nothing to redo.", severity="warning")
            return
        target = actions.undone_event(self.store, undo)
        what = describe_event(target, self.store.event) if target is not None else "the last undo"
        self._undo_write(lambda: actions.redo(self.store, undo), "Redone", what)

    def _undo_write(self, write: Callable[[], object], done: str, what: str) -> None:
        """Run an undo or a redo (`done`: "Undone", "Redone"): a refusal rings and says why,
        and nothing changed; a success says what came undone or back, and tells every screen."""
        try:
            write()
        except (DomainError, StoreError) as refusal:
            self.bell()
            self.notify(str(refusal), title=f"Not {done.lower()}", severity="error", timeout=10)
            return
        self.notify(f"{done}: {what}.")
        self.refresh_screens()

    def action_sessions(self) -> None:
        """The sessions screen."""
        self._open_screen("sessions")

    def action_articles(self) -> None:
        """The articles screen."""
        self._open_screen("articles")

    def action_recap(self) -> None:
        """The recap preview."""
        self._open_screen("recap")

    def action_settings(self) -> None:
        """The campaign's settings."""
        self._open_screen("settings")

    def action_conflicts(self) -> None:
        """The conflicts between seats, to settle."""
        self._open_screen("conflicts")

    def _open_screen(self, which: str) -> None:
        """Open one of the screens around the console; they never stack: from another of
        them, that one is closed first (Escape always leads back to the console)."""
        import importlib

        if not self.store.has_campaign():
            self.notify("Create the campaign first.", severity="warning")
            return
        module, name = AROUND_SCREENS[which]
        if type(self.screen).__name__ == name:
            return
        if type(self.screen).__name__ in {other for _module, other in AROUND_SCREENS.values()}:
            self.pop_screen()
        screen_class = getattr(importlib.import_module(module), name)
        self.push_screen(screen_class(self.store), lambda _result: self.refresh_screens())

    def on_unmount(self) -> None:
        if self.seat_sync is not None:
            self.seat_sync.stop()
        if self._store is not None:
            self._store.close()


def _when(app: BargainingApp, moment: datetime) -> str:
    from tui.format import day_and_time

    campaign = app.store.campaign()
    if campaign is None:
        return ""
    return "Recorded " + day_and_time(moment, campaign.timezone)
