"""The session console: header, agenda, caucus clocks, article board and notes on one screen.

Every key calls one function of `models.actions` (through a dialog when it needs fields), then
reloads only what that change can have touched; a change from another seat (`StoreChanged`)
reloads everything. Time-dependent faces are recomputed once a second from stored instants.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from models.domain import (
    AgendaStatus,
    BoardRow,
    Campaign,
    Caucus,
    Note,
    NoteKind,
    Party,
    Session,
    Visibility,
)
from models.errors import DomainError, StoreError
from models.note_rules import default_visibility
from models.rules import is_overdue
from tui.format import local
from tui.messages import StoreChanged
from tui.widgets.agenda import Agenda
from tui.widgets.article_board import ArticleBoard
from tui.widgets.caucus_panel import CaucusPanel
from tui.widgets.key_bar import KeyBar
from tui.widgets.note_line import NoteLine
from tui.widgets.notes_pane import NotesPane
from tui.widgets.session_header import SessionHeader

if TYPE_CHECKING:
    from models.domain import Draft, JournalEvent
    from models.store import Store
    from tui.widgets.caucus_clock import CaucusClock

NOTES_SHOWN = 50
"""Only the latest notes are loaded: the pane never shows more."""
DRAFT_DELAY = 0.3
"""Seconds of quiet typing before the half-typed note is written to the database."""

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

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "note",
            "Note",
            tooltip="Go to the note line (Enter saves it)",
            id="main.note",
            # Priority: handled before the keys typed after it, so a fast typist's first
            # letters land on the note line and not on the board's own keys.
            priority=True,
        ),
        Binding(
            "p",
            "pass_proposal",
            "Pass",
            tooltip="Log a proposal passed across the table",
            id="main.pass",
        ),
        Binding(
            "t",
            "ta",
            "TA",
            tooltip="Record a tentative agreement (both sides' initials)",
            id="main.ta",
        ),
        Binding(
            "c",
            "caucus",
            "Caucus",
            tooltip="Call a caucus: side, minutes, purpose",
            id="main.caucus",
        ),
        Binding(
            "e",
            "end_caucus",
            "End caucus",
            tooltip="A side is back at the table",
            show=False,
            id="main.end_caucus",
        ),
        Binding(
            "plus",
            "extend_caucus",
            "Extend",
            key_display="+",
            tooltip="Give a running caucus more minutes",
            show=False,
            id="main.extend_caucus",
        ),
        Binding(
            "a",
            "next_item",
            "Next",
            tooltip="Start the next agenda item (the active one is done)",
            id="main.next_item",
        ),
        Binding(
            "A",
            "skip_item",
            "Skip item",
            key_display="A",
            tooltip="Skip the next upcoming agenda item",
            show=False,
            id="main.skip_item",
        ),
        Binding(
            "w",
            "withdraw",
            "Withdraw",
            tooltip="Withdraw a proposal on the table",
            show=False,
            id="main.withdraw",
        ),
        Binding(
            "i",
            "info_request",
            "Info request",
            tooltip="Make an information request, or mark one answered",
            show=False,
            id="main.info_request",
        ),
        Binding(
            "s",
            "session",
            "Session",
            tooltip="Start the next session, or end this one",
            id="main.session",
        ),
        Binding(
            "N",
            "read_notes",
            "Notes",
            key_display="N",
            tooltip="Read back every note of the session",
            show=False,
            id="main.read_notes",
        ),
        Binding(
            "slash",
            "filter",
            "Filter",
            key_display="/",
            tooltip="Filter the board by text, status or holder",
            show=False,
            id="main.filter",
        ),
        Binding(
            "ctrl+t",
            "toggle_team",
            "Team-only",
            tooltip="Toggle whether the note on the line is team-only",
            show=False,
            id="main.toggle_team",
        ),
        Binding(
            "escape",
            "leave",
            "Board",
            show=False,
            tooltip="Back to the board (clears a filter)",
            id="main.leave",
        ),
    ]

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
        self._visibility_choice: Visibility | None = None
        self._draft_timer: Timer | None = None
        self._draft_dirty = False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield SessionHeader(id="header")
        with Grid(id="body"):
            with Vertical(id="side"):
                yield CaucusPanel(id="caucuses", classes="-empty")
                yield Agenda(id="agenda")
            with Vertical(id="board-box"):
                yield ArticleBoard(id="board")
            yield NotesPane(id="notes")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#agenda").border_title = "Agenda"
        self.query_one("#board-box").border_title = "Articles"
        self.query_one("#notes").border_title = "Notes"
        self.reload()
        self._restore_draft()
        self.set_interval(1.0, self._tick, name="clock")
        self.set_interval(60.0, self._tick_board, name="board ages")

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
            agenda.items = tuple(store.agenda(number)) if number is not None else ()
        if "board" in parts:
            self.board.show(store.board(), campaign, now)
        if "caucuses" in parts:
            self.open_caucuses = (
                store.caucuses(number, open_only=True) if number is not None else []
            )
            self.query_one(CaucusPanel).show(self.open_caucuses, campaign, now)
            self._show_visibility()
        if "notes" in parts:
            self.query_one(NotesPane).show(self._recent_notes(number), campaign)
        if "requests" in parts:
            self._show_requests(campaign, now)
        self.loaded_seq = seq

    def _recent_notes(self, number: int | None) -> list[Note]:
        if number is None:
            return []
        return self.store.notes(number, limit=NOTES_SHOWN)

    def _show_requests(self, campaign: Campaign, now: datetime) -> None:
        today = local(now, campaign.timezone).date()
        open_requests = self.store.open_request_dues()
        overdue = sum(1 for due in open_requests if is_overdue(due, False, today))
        agenda = self.query_one(Agenda)
        if not open_requests:
            agenda.border_subtitle = ""
            return
        text = f"{len(open_requests)} request{'s' if len(open_requests) != 1 else ''} open"
        agenda.border_subtitle = (
            f"{len(open_requests)} requests, {overdue} late" if overdue else text
        )

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
        if any(item.status is AgendaStatus.ACTIVE for item in agenda.items):
            agenda.now = minute
        self.query_one(CaucusPanel).tick(now)

    def _tick_board(self) -> None:
        self.board.tick(self.clock())

    def on_caucus_clock_due(self, message: CaucusClock.Due) -> None:
        # Named, not `@on(CaucusClock.Due)`: the clock's module loads with the first caucus.
        assert self.campaign is not None
        side = message.caucus.side
        who = (
            "The joint sidebar"
            if side.value == "joint"
            else f"The {self.campaign.short(side)} caucus"
        )
        self.app.bell()
        self.notify(f"{who} is due back now.", title="Caucus due", severity="warning", timeout=30)

    # ------------------------------------------------------------------ helpers

    def attempt(self, do: Callable[[], R]) -> R | None:
        """Run one model action; a refusal is shown as a notification and changes nothing."""
        try:
            return do()
        except (DomainError, StoreError) as refusal:
            self.notify(str(refusal), title="Not recorded", severity="error", timeout=8)
            self.app.bell()
            return None

    def saver(self, do: Callable[[R], JournalEvent], *parts: str) -> Callable[[R], JournalEvent]:
        """An `on_save` for a dialog: record, then reload the parts the change touches."""

        def save(result: R) -> JournalEvent:
            event = do(result)
            self.changed(event, *parts)
            return event

        return save

    def session_number(self, *, running: bool = False) -> int | None:
        """The session the table works in; None (and a hint) when there is none."""
        session = self.session
        if session is None:
            self.notify(
                "No session is scheduled yet: press S to schedule one, then s to start it.",
                title="No session",
                severity="warning",
            )
            return None
        if running and not session.running:
            self.notify(
                f"Session {session.number} is not running: press s to start the next session.",
                title="No running session",
                severity="warning",
            )
            return None
        return session.number

    # ------------------------------------------------------------------ notes

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `n` is a priority key: while a line is being typed in, it is just a letter.
        return not (action == "note" and isinstance(self.focused, Input))

    def action_note(self) -> None:
        """Go to the note line."""
        self.set_focus(self.note_line.input)

    def _show_visibility(self) -> None:
        if self.campaign is None:
            return
        line = self.note_line
        line.visibility = self.note_visibility
        line.chosen = self._visibility_choice is not None

    @property
    def note_visibility(self) -> Visibility:
        """What the note on the line will get: the choice made with ctrl+t, else the rule."""
        if self._visibility_choice is not None:
            return self._visibility_choice
        assert self.campaign is not None
        return default_visibility(self.campaign, self.open_caucuses)

    def action_read_notes(self) -> None:
        """Read back every note of the session (the pane shows only the latest)."""
        from tui.dialogs.session_notes import SessionNotesDialog

        number = self.session_number()
        if number is None or self.campaign is None:
            return
        notes = self.attempt(lambda: self.store.notes(number))
        if notes is not None:
            self.app.push_screen(SessionNotesDialog(number, notes, self.campaign))

    def action_toggle_team(self) -> None:
        """Team-only on or off for the note on the line."""
        flipped = Visibility.MEMBERS if self.note_visibility is Visibility.TEAM else Visibility.TEAM
        assert self.campaign is not None
        rule = default_visibility(self.campaign, self.open_caucuses)
        self._visibility_choice = None if flipped is rule else flipped
        self._show_visibility()
        self._save_draft()

    @on(NoteLine.Changed)
    def _draft_changed(self, _message: NoteLine.Changed) -> None:
        self._draft_dirty = True
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self._save_draft, name="draft")

    def _draft(self) -> Draft:
        from models.domain import Draft

        return Draft(text=self.note_line.text, team_only=self._visibility_choice is Visibility.TEAM)

    def _save_draft(self) -> None:
        self._draft_dirty = False
        try:
            self.store.save_draft(self._draft())
        except StoreError as error:
            self.notify(str(error), title="Draft not kept", severity="error")

    def flush_draft(self) -> None:
        """Write a half-typed note now (before quitting, say)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
        if self._draft_dirty:
            self._save_draft()

    def _restore_draft(self) -> None:
        draft = self.store.draft()
        if draft.text:
            self.note_line.set_text(draft.text)
        if draft.team_only:
            self._visibility_choice = Visibility.TEAM
        self._show_visibility()

    @on(NoteLine.Submitted)
    def _note_submitted(self, message: NoteLine.Submitted) -> None:
        from models import actions

        number = self.session_number()
        if number is None:
            return
        parsed = actions.parse_note_line(message.text)
        if not parsed.text:
            self.notify("The note is empty.", severity="warning")
            return
        if parsed.kind.value == "quote" and not parsed.speaker:
            from tui.dialogs.speaker import SpeakerDialog

            assert self.campaign is not None

            def with_speaker(answer: tuple[str, Party | None] | None) -> None:
                if answer is not None:
                    self._record_note(number, parsed.text, parsed.kind, *answer)

            self.app.push_screen(SpeakerDialog(self.campaign, parsed.text), with_speaker)
            return
        self._record_note(number, parsed.text, parsed.kind, parsed.speaker, None)

    def _record_note(
        self, number: int, text: str, kind: NoteKind, speaker: str, party: Party | None
    ) -> None:
        from models import actions

        # Without a choice the store applies the caucus rule itself, so a caucus another seat
        # just called is never missed; the line showed the same rule.
        visibility = self._visibility_choice
        event = self.attempt(
            lambda: actions.add_note(
                self.store,
                session=number,
                text=text,
                kind=kind,
                speaker=speaker,
                party=party,
                visibility=visibility,
            )
        )
        if event is None:
            return
        self.note_line.set_text("")
        self._visibility_choice = None
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._save_draft()
        self.changed(event, "notes", "caucuses")

    # ------------------------------------------------------------------ board

    def _filter_box(self) -> Input | None:
        """The filter line above the board, once `/` has made it (not before the first frame)."""
        return next(iter(self.query("#board-filter").results(Input)), None)

    def action_filter(self) -> None:
        """Show the filter line above the board."""
        box = self._filter_box()
        if box is None:
            box = Input(
                placeholder="Filter: text, status (open, TA) or holder",
                id="board-filter",
                compact=True,
            )
            self.query_one("#board-box").mount(box, before=self.board)
        box.add_class("-shown")
        box.focus()

    @on(Input.Changed, "#board-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.board.set_filter(event.value)

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
        from tui.dialogs.article_history import ArticleHistoryDialog

        assert self.campaign is not None
        entries = self.attempt(lambda: self.store.article_history(message.number))
        if entries is None:
            return
        row = next((r for r in self.board.visible_rows() if r.number == message.number), None)
        title = row.title if row else ""
        self.app.push_screen(ArticleHistoryDialog(message.number, title, entries, self.campaign))

    @property
    def selected(self) -> BoardRow | None:
        return self.board.selected

    # ------------------------------------------------------------------ proposals, TAs

    def action_pass_proposal(self) -> None:
        """Log a proposal passed across the table."""
        from models import actions
        from tui.dialogs.pass_proposal import PassProposalDialog, ProposalRequest

        number = self.session_number()
        if number is None or self.campaign is None:
            return

        def record(request: ProposalRequest) -> JournalEvent:
            return actions.pass_proposal(self.store, session=number, **request.fields())

        self.app.push_screen(
            PassProposalDialog(
                self.store,
                self.campaign,
                self.board.all_rows,
                selected=self.selected,
                on_save=self.saver(record, "board"),
            )
        )

    def action_withdraw(self) -> None:
        """Withdraw a proposal that is still on the table."""
        from models import actions
        from tui.dialogs.withdraw import WithdrawDialog

        if self.campaign is None:
            return
        proposals = [
            p
            for p in self.store.proposals()
            if p.withdrawn_at is None and p.status.value in ("standing", "answered")
        ]
        if not proposals:
            self.notify("No proposal is on the table to withdraw.", severity="warning")
            return

        def record(proposal_id: str) -> JournalEvent:
            return actions.withdraw_proposal(self.store, proposal_id)

        selected = self.selected
        self.app.push_screen(
            WithdrawDialog(
                proposals,
                self.campaign,
                selected.number if selected else None,
                on_save=self.saver(record, "board"),
            )
        )

    def action_ta(self) -> None:
        """Record a tentative agreement."""
        from models import actions
        from tui.dialogs.ta import TADialog, TARequest

        number = self.session_number()
        if number is None or self.campaign is None:
            return

        def record(request: TARequest) -> JournalEvent:
            return actions.sign_ta(self.store, session=number, **request.fields())

        tas = self.store.tas()
        self.app.push_screen(
            TADialog(
                self.board.all_rows,
                self.store.proposals(),
                tas[-1] if tas else None,
                self.campaign,
                selected=self.selected,
                on_save=self.saver(record, "board"),
            )
        )

    # ------------------------------------------------------------------ caucuses

    def action_caucus(self) -> None:
        """Call a caucus."""
        from models import actions
        from tui.dialogs.caucus import CaucusDialog, CaucusRequest

        number = self.session_number(running=True)
        if number is None or self.campaign is None:
            return

        def record(request: CaucusRequest) -> JournalEvent:
            return actions.call_caucus(
                self.store,
                session=number,
                side=request.side,
                minutes=request.minutes,
                purpose=request.purpose,
            )

        out = {caucus.side for caucus in self.open_caucuses}
        self.app.push_screen(
            CaucusDialog(self.campaign, out, on_save=self.saver(record, "caucuses"))
        )

    def action_end_caucus(self) -> None:
        """A side is back: end its caucus (asks which when several are out)."""
        from models import actions

        number = self.session_number()
        if number is None or self.campaign is None:
            return
        if not self.open_caucuses:
            self.notify("No caucus is running.", severity="warning")
            return

        def end(caucus: Caucus | None) -> None:
            if caucus is None:
                return
            event = self.attempt(
                lambda: actions.end_caucus(self.store, session=number, side=caucus.side)
            )
            if event is not None:
                self.changed(event, "caucuses")
                self.notify(f"{self._side_name(caucus)} is back at the table.")

        if len(self.open_caucuses) == 1:
            end(self.open_caucuses[0])
            return
        from tui.dialogs.pick_caucus import PickCaucusDialog

        self.app.push_screen(
            PickCaucusDialog(self.open_caucuses, self.campaign, "End which caucus?"), end
        )

    def action_extend_caucus(self) -> None:
        """Give a running caucus more minutes."""
        from models import actions
        from tui.dialogs.extend_caucus import ExtendCaucusDialog, ExtendRequest

        number = self.session_number()
        if number is None or self.campaign is None:
            return
        if not self.open_caucuses:
            self.notify("No caucus is running.", severity="warning")
            return

        def record(request: ExtendRequest) -> JournalEvent:
            return actions.extend_caucus(
                self.store, session=number, side=request.side, minutes=request.minutes
            )

        self.app.push_screen(
            ExtendCaucusDialog(
                self.open_caucuses, self.campaign, on_save=self.saver(record, "caucuses")
            )
        )

    def _side_name(self, caucus: Caucus) -> str:
        assert self.campaign is not None
        return (
            "The joint sidebar"
            if caucus.side.value == "joint"
            else self.campaign.short(caucus.side)
        )

    # ------------------------------------------------------------------ agenda, requests

    def action_next_item(self) -> None:
        """Start the next agenda item."""
        from models import actions

        number = self.session_number()
        if number is None:
            return
        event = self.attempt(lambda: actions.next_agenda_item(self.store, number))
        if event is not None:
            self.changed(event, "agenda")

    def action_skip_item(self) -> None:
        """Skip the next upcoming agenda item."""
        from models import actions

        number = self.session_number()
        if number is None:
            return
        event = self.attempt(lambda: actions.skip_agenda_item(self.store, number))
        if event is not None:
            self.changed(event, "agenda")

    def action_add_agenda_item(self) -> None:
        """Add an item at the end of the agenda."""
        from models import actions
        from tui.dialogs.agenda_item import AgendaItemDialog, AgendaItemRequest

        number = self.session_number()
        if number is None:
            return

        def record(request: AgendaItemRequest) -> JournalEvent:
            return actions.add_agenda_item(
                self.store,
                number,
                request.title,
                minutes=request.minutes,
                articles=request.articles,
            )

        self.app.push_screen(
            AgendaItemDialog(self.store.articles(), number, on_save=self.saver(record, "agenda"))
        )

    def action_info_request(self) -> None:
        """Make an information request, or mark an open one answered."""
        from models import actions
        from tui.dialogs.info_request import InfoRequestDialog, RequestDraft

        number = self.session_number()
        if number is None or self.campaign is None:
            return

        def record(request: RequestDraft) -> JournalEvent:
            return actions.make_info_request(
                self.store, session=number, by=request.by, text=request.text, due=request.due
            )

        def answer(request_id: str) -> JournalEvent:
            return actions.answer_info_request(self.store, request_id, session=number)

        self.app.push_screen(
            InfoRequestDialog(
                self.store.info_requests(),
                self.campaign,
                self.clock(),
                on_save=self.saver(record, "requests"),
                on_answer=self.saver(answer, "requests"),
            )
        )

    # ------------------------------------------------------------------ sessions

    def action_session(self) -> None:
        """Start the next session, or end the running one."""
        from models import actions

        if self.campaign is None:
            return
        session = self.session
        if session is not None and session.running:
            from tui.dialogs.end_session import EndSessionDialog, EndSessionRequest

            def end(request: EndSessionRequest) -> JournalEvent:
                return actions.end_session(
                    self.store,
                    session.number,
                    next_starts=request.next_starts,
                    next_location=request.next_location,
                    call_to_action=request.call_to_action,
                )

            self.app.push_screen(
                EndSessionDialog(
                    self.campaign, session, self.clock(), on_save=self.saver(end, "session")
                )
            )
            return
        from tui.dialogs.start_session import StartSessionDialog, StartSessionRequest

        waiting = [s for s in self.store.sessions() if s.started_at is None]

        def start(request: StartSessionRequest) -> JournalEvent:
            number = request.number
            if number is None:
                number = int(
                    actions.schedule_session(
                        self.store,
                        starts=request.starts,
                        location=request.location,
                        mode=request.mode,
                        kind=request.kind,
                    ).data["session"]
                )  # type: ignore[call-overload]
            return actions.start_session(self.store, number)

        self.app.push_screen(
            StartSessionDialog(
                self.campaign,
                waiting[0] if waiting else None,
                self.clock(),
                on_save=self.saver(start, "session"),
            )
        )
