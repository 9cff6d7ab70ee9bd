"""The session console: header, agenda, caucus clocks, article board and notes on one screen.

Its keys are declared in `tui.screens.table_actions`: each calls one function of
`models.actions` (through a dialog when it needs fields), then reloads only what that change can
have touched; a change from another seat (`StoreChanged`) reloads everything. Time-dependent
faces are recomputed once a second from stored instants.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Vertical
from textual.screen import Screen
from textual.widgets import Input

from models.domain import Campaign, Caucus, CaucusSide, Session
from models.errors import DomainError, StoreError
from models.filters import has_active_item, overdue_count
from tui.format import local
from tui.messages import StoreChanged
from tui.screens.note_desk import NoteDesk
from tui.screens.table_action import Table, TableKeys
from tui.screens.table_actions import CONSOLE_BINDINGS, TABLE, side_name
from tui.widgets.agenda import Agenda
from tui.widgets.article_board import ArticleBoard
from tui.widgets.caucus_panel import CaucusPanel
from tui.widgets.key_bar import KeyBar
from tui.widgets.lit_box import LitBox
from tui.widgets.note_line import NoteLine
from tui.widgets.notes_pane import NotesPane
from tui.widgets.session_header import SessionHeader
from tui.widgets.sync_status import SyncStatus

if TYPE_CHECKING:
    from models.domain import JournalEvent
    from models.store import Store
    from tui.widgets.caucus_clock import CaucusClock

NOTES_SHOWN = 50
"""Only the latest notes are loaded: the pane never shows more."""

WIDE_FROM = 130
"""From this many columns the notes get a column of their own."""

ALL_PARTS = frozenset({"session", "agenda", "board", "caucuses", "notes", "requests"})

R = TypeVar("R")


class MainScreen(Screen[None]):
    """The live table. Holds the store and the clock; widgets get state, messages come up."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE_FROM, "-wide")]  # noqa: RUF012 (Textual's own declaration)

    AUTO_FOCUS = "#board"
    """The board has the focus from the first frame: focusing it after mount restyled the
    filter and note inputs twice (auto-focused first, then blurred)."""

    BINDINGS: ClassVar[list[BindingType]] = [*CONSOLE_BINDINGS]
    """Every key of the console, declared in `tui.screens.table_actions`."""

    def __init__(self, store: Store, clock: Callable[[], datetime]) -> None:
        # The breakpoint class from the start, not from the first resize: the first frame is
        # laid out once, at its real width.
        wide = self.app.size.width >= WIDE_FROM
        super().__init__(classes="-wide" if wide else "-narrow")
        self.store = store
        self.clock = clock
        self.campaign: Campaign | None = None
        self.session: Session | None = None
        self.open_caucuses: list[Caucus] = []
        self.loaded_seq = 0
        self._notes = NoteDesk(self, store)
        self.table_keys = TableKeys(self, TABLE)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield SessionHeader(id="header")
        with Grid(id="body"):
            with Vertical(id="side"):
                yield CaucusPanel(id="caucuses", classes="-empty")
                yield Agenda(id="agenda")
            with LitBox(id="board-box"):
                yield ArticleBoard(id="board")
            yield NotesPane(id="notes")
        yield SyncStatus()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#agenda").border_title = "Agenda"
        self.query_one("#board-box").border_title = "Articles"
        self.query_one("#notes").border_title = "Notes"
        self.watch(self, "focused", self._light_boxes)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._light_boxes())
        self.reload()
        self._notes.restore()
        if self._notes.keep_typing:  # a note-taker's seat opens with the keys on the note line
            self.action_note()
        self.set_interval(1.0, self._tick, name="clock")
        self.set_interval(60.0, self._tick_board, name="board ages")

    def _light_boxes(self) -> None:
        """The box the focus is in lights up (`tui.widgets.lit_box`)."""
        for box in self.query(LitBox):
            box.light(self.focused)

    # ------------------------------------------------------------------ loading

    @property
    def board(self) -> ArticleBoard:
        return self.query_one(ArticleBoard)

    @property
    def note_line(self) -> NoteLine:
        return self.query_one(NoteLine)

    def reload(self, parts: frozenset[str] = ALL_PARTS) -> None:
        """Read what `parts` name from the store and hand it to the widgets."""
        store = self.store
        seq = store.last_seq()
        now = self.clock()
        if "session" in parts or self.campaign is None:
            self.campaign = store.campaign()
            self.session = store.current_session()
            parts = parts | {"agenda", "caucuses", "notes", "requests"}
        campaign = self.campaign
        if campaign is None:
            return
        header = self.query_one(SessionHeader)
        header.campaign = campaign
        header.session = self.session
        header.now = now.replace(second=0, microsecond=0)
        number = self.session.number if self.session else None
        if "agenda" in parts:
            agenda = self.query_one(Agenda)
            agenda.now = now.replace(second=0, microsecond=0)
            agenda.session = number
            agenda.items = tuple(store.agenda(number)) if number is not None else ()
        if "board" in parts:
            self.board.show(store.board(), campaign, now)
            self.query_one("#board-box").border_subtitle = self.board.filter_reads
        if "caucuses" in parts:
            self.open_caucuses = (
                store.caucuses(number, open_only=True) if number is not None else []
            )
            self.query_one(CaucusPanel).show(self.open_caucuses, campaign, now)
            self._show_visibility()
        if "notes" in parts:
            notes = self.store.notes(number, limit=NOTES_SHOWN) if number is not None else []
            self.query_one(NotesPane).show(notes, campaign, has_session=number is not None)
        if "requests" in parts:
            self._show_requests(campaign, now)
        self.loaded_seq = seq

    def _show_requests(self, campaign: Campaign, now: datetime) -> None:
        dues = self.store.open_request_dues()
        overdue = overdue_count(dues, local(now, campaign.timezone).date())
        count = f"{len(dues)} request{'s' if len(dues) != 1 else ''}"
        subtitle = f"{count}, {overdue} late" if overdue else f"{count} open"
        self.query_one(Agenda).border_subtitle = subtitle if dues else ""

    def changed(self, event: JournalEvent | None, *parts: str) -> None:
        """After this seat recorded `event`: reload what it touched, or everything when
        another seat also wrote since the last load."""
        if event is not None and event.seq == self.loaded_seq + 1 == self.store.last_seq():
            self.reload(frozenset(parts))
        else:
            self.reload()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not getattr(self, "_resumed_before", False):
            # The first resume follows the mount, whose widgets were all styled a moment ago
            # with the same stylesheet: this screen brings no CSS of its own (its rules are
            # app.tcss's, read before it was mounted), so restyling the whole screen again
            # would change nothing, for a tenth of start-up. `refresh_styles` is the event's
            # own switch; later resumes keep Textual's restyle (tests/tui/test_first_frame.py
            # restyles everything afterwards and finds nothing stale).
            self._resumed_before = True
            event.refresh_styles = False
        if self.campaign is not None and self.store.last_seq() != self.loaded_seq:
            self.reload()

    @on(StoreChanged)
    def _store_changed(self, message: StoreChanged) -> None:
        if message.seq != self.loaded_seq:
            self.reload()

    # ------------------------------------------------------------------ time

    def _tick(self) -> None:
        now = self.clock()
        # Header and agenda show minutes: they get a new `now` (and repaint) once a minute;
        # only a caucus clock changes every second.
        minute = now.replace(second=0, microsecond=0)
        self.query_one(SessionHeader).now = minute
        agenda = self.query_one(Agenda)
        if has_active_item(agenda.items):
            agenda.now = minute
        self.query_one(CaucusPanel).tick(now)

    def _tick_board(self) -> None:
        self.board.tick(self.clock())

    def on_caucus_clock_due(self, message: CaucusClock.Due) -> None:
        # Named, not `@on(CaucusClock.Due)`: the clock's module loads with the first caucus.
        assert self.campaign is not None
        side = message.caucus.side
        name = side_name(self.campaign, side)
        who = name if side is CaucusSide.JOINT else f"The {name} caucus"
        self.app.bell()
        self.notify(f"{who} is due back now.", title="Caucus due", severity="warning", timeout=30)

    # ------------------------------------------------------------------ the table's keys

    def attempt(self, do: Callable[[], R]) -> R | None:
        """Run one model action; a refusal is shown as a notification and changes nothing."""
        try:
            return do()
        except (DomainError, StoreError) as refusal:
            self.notify(str(refusal), title="Not recorded", severity="error", timeout=8)
            self.app.bell()
            return None

    def table_as_loaded(self) -> Table | None:
        """The table as loaded, for an action run now (None before the campaign is read)."""
        if self.campaign is None:
            return None
        board = self.board
        return Table(
            self.store,
            self.campaign,
            self.session,
            tuple(self.open_caucuses),
            board.all_rows,
            board.selected,
            self.clock(),
        )

    def action_table(self, name: str) -> None:
        """Run one action of `TABLE` (`tui.screens.table_actions`): the keys p t c e + a A w i
        s N and the palette's agenda item. It reloads what its write touched."""
        table = self.table_as_loaded()
        if table is not None:
            self.table_keys.run(name, table)

    # ------------------------------------------------------------------ notes
    # The note line's work is `tui.screens.note_desk.NoteDesk`'s; these are its keys.

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `n` is a priority key: while a line is being typed in, it is just a letter. Enter is
        # one too, for the note line only: the focus leaves the line before the next key.
        if action == "note":
            return not isinstance(self.focused, Input)
        if action == "note_enter":
            return isinstance(self.focused, Input) and self.focused.id == "note-input"
        return True

    def action_note(self) -> None:
        """Go to the note line."""
        self.set_focus(self.note_line.input)

    def action_note_enter(self) -> None:
        """Enter on the note line: save the note; back to the board unless note-taker mode."""
        self._notes.enter()

    def action_toggle_team(self) -> None:
        """Team-only on or off for the notes on the line (it stays until turned off)."""
        self._notes.toggle_team()

    def action_note_taker(self) -> None:
        """Note-taker mode on or off for this seat: Enter keeps the line or returns. Turned
        on, the keys go to the note line at once: what is typed next is a note."""
        self._notes.toggle_keep_typing()
        if self._notes.keep_typing:
            self.action_note()

    def _show_visibility(self) -> None:
        self._notes.show()

    @on(NoteLine.Changed)
    def _draft_changed(self, _message: NoteLine.Changed) -> None:
        self._notes.drafts.typed()

    def flush_draft(self) -> None:
        """Write a half-typed note now (before quitting, say)."""
        self._notes.drafts.flush()

    @on(NoteLine.Submitted)
    def _note_submitted(self, message: NoteLine.Submitted) -> None:
        self._notes.submit(message.text)

    # ------------------------------------------------------------------ board

    def _filter_box(self) -> Input | None:
        """The filter line above the board, once `/` has made it (not before the first frame)."""
        return next(iter(self.query("#board-filter").results(Input)), None)

    def action_filter(self) -> None:
        """Show the filter line above the board."""
        box = self._filter_box()
        if box is None:
            box = Input(
                placeholder="Filter: ours, theirs, open, TA, not opened, or text",
                id="board-filter",
                compact=True,
            )
            self.query_one("#board-box").mount(box, before=self.board)
        box.add_class("-shown")
        box.focus()

    @on(Input.Changed, "#board-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.board.set_filter(event.value)
        # What the filter understood, on the filter's own box: "in our court (REA) · 'class'".
        self.query_one("#board-box").border_subtitle = self.board.filter_reads

    @on(Input.Submitted, "#board-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            event.input.remove_class("-shown")
        self.board.focus()

    def action_leave(self) -> None:
        """Escape: back to the board; on the board, clear the filter."""
        box = self._filter_box()
        if box is not None and (self.focused is box or (self.focused is self.board and box.value)):
            box.value = ""
            box.remove_class("-shown")
        self.board.focus()

    @on(ArticleBoard.ArticleChosen)
    def _article_chosen(self, message: ArticleBoard.ArticleChosen) -> None:
        from tui.screens.history_keys import show_history

        show_history(self, message.number)
