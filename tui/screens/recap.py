"""The recap preview: one session's recap as members (or the team) will read it, ready to send.

Four switches sit above the preview: the session (any started one; the current one first),
the format (Markdown is shown rendered, the others as their plain text), the language and the
audience. The team minutes are marked TEAM ONLY in the header and in a banner, and copying
them asks first. `w` writes every format of what is shown into `recaps/session-N/` beside the
database, readable by its owner only.

The recap is built and rendered in a thread worker (`models.recap.build_snapshot`, then
`exports.render_recap`), which posts the text back: switching stays smooth on a large
campaign. What another seat records shows up at once (`StoreChanged`).

Beside it: the switches and their words (`recap_choice`), the keys (`recap_keys`), copying and
writing (`recap_send`) and the preview widget (`tui.widgets.recap_preview`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Select, Static
from textual.worker import Worker, WorkerState, get_current_worker

from exports import FORMATS, LANGS, render_recap
from models.errors import DomainError, StoreError
from models.recap import AUDIENCES, build_snapshot
from models.render_cache import RenderCache
from models.store import Store
from models.timeutil import zone
from tui.messages import StoreChanged
from tui.screens.recap_choice import TEAM_BANNER, RecapChoice, recap_switches, sentence
from tui.screens.recap_keys import RECAP_BINDINGS
from tui.screens.recap_news import RecapNewsKeys, news_line
from tui.screens.recap_send import copy_recap, tell_written, unwritten, write_recaps
from tui.widgets import recap_preview as preview_
from tui.widgets.key_bar import KeyBar
from tui.widgets.recap_preview import PREVIEW_MESSAGE, PREVIEWS, RecapPreview, split_for_preview

__all__ = [
    "MARKDOWN_PREVIEW_LINES",
    "RecapChoice",
    "RecapScreen",
    "split_for_preview",
    "write_recaps",
]

MARKDOWN_PREVIEW_LINES = 150
"""How much of a Markdown recap the Markdown widget renders. Textual's Markdown widget makes
several widgets per list item; the longest recaps of the large campaign (600 lines, 2,000
widgets) would take seconds to show and make every scroll slow, so past this many lines the
rest is shown as its source. Every recap of the demo campaign (about 100 lines) fits whole."""


class RecapScreen(RecapNewsKeys, Screen[None]):
    """Preview, copy and write the recap of a session, for members or for the team."""

    DEFAULT_CSS = """
    RecapScreen {
        &.-team Header { background: $error; color: auto; text-style: bold; }
        & #recap-controls { height: 1; background: $panel; }
        & #recap-controls > Select { margin-right: 1; }
        & #recap-controls > #recap-session { width: 1fr; }
        & #recap-controls > #recap-format { width: 17; }
        & #recap-controls > #recap-lang { width: 11; }
        & #recap-controls > #recap-audience { width: 15; margin-right: 0; }
        & #recap-banner {
            display: none;
            height: 1;
            background: $error-muted;
            color: $text-error;
            text-style: bold;
            padding: 0 1;
        }
        &.-team #recap-banner { display: block; }
        & #recap-news { height: auto; max-height: 2; padding: 0 1; color: $text-accent; }
        & #recap-preview { height: 1fr; }
        & #recap-markdown-box { height: 1fr; }
        & #recap-text { height: 1fr; border: none; padding: 0 1; }
        & #recap-text:focus { border: none; }
        & #recap-markdown-cut {
            margin: 1 2 0 2;
            padding-top: 1;
            border-top: solid $primary;
            color: $text-muted;
            text-style: italic;
        }
        & #recap-markdown-rest { padding: 1 2; }
        & #recap-message-box { height: 1fr; padding: 1 2; }
        & #recap-message { width: 100%; max-width: 90; }
        & #recap-message.-refusal { color: $text-warning; text-style: bold; }
        & #recap-preview:nocolor #recap-message { text-style: bold; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = RECAP_BINDINGS

    class Rendered(Message):
        """The worker made the text of `choice` (or was refused, with `problem`)."""

        def __init__(
            self,
            choice: RecapChoice,
            text: str,
            problem: str = "",
            news: str = "",
            money: preview_.Chart = None,
        ) -> None:
            super().__init__()
            self.choice, self.text, self.problem, self.news = choice, text, problem, news
            self.money = money

    class Written(Message):
        """The writer wrote `files` (or was refused, with `problem`)."""

        def __init__(self, choice: RecapChoice, files: list[Path], problem: str = "") -> None:
            super().__init__()
            self.choice, self.files, self.problem = choice, files, problem

    def __init__(self, store: Store, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock: Callable[[], datetime] = clock if clock is not None else store.clock
        self.started: list[int] = []
        """The numbers of the started sessions, in order: what `[` and `]` step through."""
        self.choice = RecapChoice(None, "md", "en", "members")
        self._shown_choice: RecapChoice | None = None
        self._shown_text: str | None = None  # what the preview shows (None: a refusal)
        self._session_options: list[tuple[str, int]] = []

    # ---------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="recap-controls"):
            yield from recap_switches()
        yield Static(TEAM_BANNER, id="recap-banner", markup=False)
        yield Static("", id="recap-news", markup=False)
        yield RecapPreview(id="recap-preview", initial=PREVIEW_MESSAGE)
        yield KeyBar()

    def on_mount(self) -> None:
        self._load_sessions(pick_current=True)
        self._show_header()
        self._focus_preview()
        self._refresh_preview()

    # ---------------------------------------------------------------------- state

    def _load_sessions(self, *, pick_current: bool = False) -> None:
        """Read the started sessions into the session switch, keeping the one chosen."""
        sessions = [s for s in self.store.sessions() if s.started_at is not None]
        self.started = [s.number for s in sessions]
        tz = zone(self.store.timezone())
        options = []
        for s in sessions:
            assert s.started_at is not None
            label = f"Session {s.number} · {s.started_at.astimezone(tz):%-d %b}"
            options.append((label + (" (live)" if s.running else ""), s.number))
        chosen = self.choice.session
        if pick_current or chosen not in self.started:
            current = self.store.current_session()
            if current is not None and current.number in self.started:
                chosen = current.number
            else:
                chosen = self.started[-1] if self.started else None
        select = self.query_one("#recap-session", Select)
        with select.prevent(Select.Changed):
            if options != self._session_options:
                self._session_options = options
                select.set_options(options)
            if chosen is not None and select.value != chosen:
                select.value = chosen
        self.choice = RecapChoice(
            chosen, self.choice.format, self.choice.lang, self.choice.audience
        )

    def _choose(self, **changes: int | str | None) -> None:
        """Change what the switches say (`session=`, `format=`, `lang=`, `audience=`; None
        leaves one as it is), and the switches with it (`#recap-NAME`), then show it."""
        old = self.choice
        new = replace(old, **{name: value for name, value in changes.items() if value is not None})
        if new == old:
            return
        self.choice = new
        for switch in fields(new):
            value = getattr(new, switch.name)
            select = self.query_one(f"#recap-{switch.name}", Select)
            if value is not None and select.value != value:
                with select.prevent(Select.Changed):
                    select.value = value
        self._show_header()
        self._refresh_preview()

    def _show_header(self) -> None:
        choice = self.choice
        team = choice.audience == "team"
        self.set_class(team, "-team")
        number = f"session {choice.session}" if choice.session is not None else "no session"
        if team:
            self.title = f"TEAM ONLY · Team minutes, {number} · not for members"
            self.sub_title = ""
        else:
            self.title = f"Recap, {number}"
            self.sub_title = "for members"

    # ---------------------------------------------------------------------- rendering

    def _refresh_preview(self) -> None:
        """Make the text of what the switches say again (in a worker)."""
        self._make_text(self.choice, self.clock())

    @work(thread=True, exclusive=True, group="recap-render", exit_on_error=False)
    def _make_text(self, choice: RecapChoice, now: datetime) -> None:
        worker = get_current_worker()
        try:
            snapshot = build_snapshot(
                self.store, choice.session, choice.audience, now, lang=choice.lang
            )
            text = render_recap(
                snapshot, format=choice.format, lang=choice.lang, kept=RenderCache()
            )
            news = news_line(snapshot, choice, text)
        except (DomainError, StoreError) as refusal:
            if not worker.is_cancelled:
                self.post_message(self.Rendered(choice, "", str(refusal)))
            return
        if not worker.is_cancelled:
            self.post_message(
                self.Rendered(choice, text, news=news, money=preview_.money_chart(snapshot))
            )

    @property
    def showing(self) -> RecapChoice | None:
        """The choice whose text (or refusal) the preview shows (None before the first)."""
        return self._shown_choice

    @property
    def text(self) -> str | None:
        """The text shown for what the switches say (None while it is made, or refused)."""
        return self._shown_text if self._shown_choice == self.choice else None

    @on(Rendered)
    async def _rendered(self, message: Rendered) -> None:
        choice = message.choice
        if choice != self.choice:
            return  # a later switch is being made
        self.query_one("#recap-news", Static).update(message.news)
        if message.problem:
            self._shown_choice, self._shown_text = choice, None
            self._show_message(sentence(message.problem), refusal=True)
            return
        if choice == self._shown_choice and message.text == self._shown_text:
            return  # nothing changed (another seat's change outside this recap)
        same_view = choice == self._shown_choice
        self._shown_choice, self._shown_text = choice, message.text
        preview = self.query_one(RecapPreview)
        had_focus = self.focused is None or self.focused.id in PREVIEWS
        if choice.format == "md":
            head, rest = split_for_preview(message.text, MARKDOWN_PREVIEW_LINES)
            await preview.show_markdown(message.text, head, rest, same_view=same_view)
            preview.show_chart(message.money)
        else:
            preview.show_text(message.text, same_view=same_view)
        if had_focus:
            self._focus_preview()

    def _show_message(self, text: str, *, refusal: bool) -> None:
        self.query_one(RecapPreview).show_message(text, refusal=refusal)
        self._focus_preview()

    def _focus_preview(self) -> None:
        self.query_one(RecapPreview).focus_shown()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed unexpectedly says so in the screen, not as a traceback."""
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            what = "make the recap" if event.worker.group == "recap-render" else "write the files"
            self.notify(f"Could not {what}: {error}", severity="error", timeout=10, markup=False)
            if event.worker.group == "recap-render":
                self._show_message(f"The recap could not be made: {error}", refusal=True)

    # ---------------------------------------------------------------------- switches

    @on(Select.Changed, "#recap-session, #recap-format, #recap-lang, #recap-audience")
    def _switch_picked(self, event: Select.Changed) -> None:
        """A switch moved: its value (a session number, or a word) goes to `_choose`."""
        switch, value = (event.select.id or "").removeprefix("recap-"), event.value
        if switch == "session" and isinstance(value, int):
            self._choose(session=value)
        elif switch in ("format", "lang") and isinstance(value, str):
            self._choose(**{switch: value})
        elif switch == "audience" and value in AUDIENCES:
            self._choose(audience="team" if value == "team" else "members")

    def on_store_changed(self, message: StoreChanged) -> None:
        """Another seat (or this one) recorded something: show the recap as it is now."""
        self.action_refresh()

    # ---------------------------------------------------------------------- actions

    def action_back(self) -> None:
        """Back to the previous screen."""
        self.dismiss(None)

    def action_refresh(self) -> None:
        """Make the recap again, as of now (a running session's recap grows)."""
        self._load_sessions()
        self._show_header()
        self._refresh_preview()

    def action_cycle_format(self) -> None:
        """Show the next format (Markdown, HTML, email, text blast, JSON, CSV, then again)."""
        position = FORMATS.index(self.choice.format)
        self._choose(format=FORMATS[(position + 1) % len(FORMATS)])

    def action_toggle_language(self) -> None:
        """Switch between the languages (English and Spanish)."""
        position = LANGS.index(self.choice.lang)
        self._choose(lang=LANGS[(position + 1) % len(LANGS)])

    def action_toggle_audience(self) -> None:
        """Switch between the members' recap and the team's own minutes."""
        self._choose(audience="members" if self.choice.audience == "team" else "team")

    def action_previous_session(self) -> None:
        """The started session before the one shown."""
        self._step_session(-1)

    def action_next_session(self) -> None:
        """The started session after the one shown."""
        self._step_session(+1)

    def _step_session(self, step: int) -> None:
        if not self.started or self.choice.session not in self.started:
            self.app.bell()
            return
        position = self.started.index(self.choice.session) + step
        if not 0 <= position < len(self.started):
            self.app.bell()
            edge = "first" if step < 0 else "latest"
            self.notify(f"Session {self.choice.session} is the {edge} one with a recap.")
            return
        self._choose(session=self.started[position])

    def action_copy(self) -> None:
        """Copy the text shown; the team minutes are copied only after a yes."""
        copy_recap(self, self.choice, self.text)

    def action_write(self) -> None:
        """Write this session's recap in every format into recaps/ beside the database."""
        self._write_files(self.choice, self.clock())

    @work(thread=True, exclusive=True, group="recap-write", exit_on_error=False)
    def _write_files(self, choice: RecapChoice, now: datetime) -> None:
        try:
            files = write_recaps(
                self.store, choice.session, lang=choice.lang, audience=choice.audience, now=now
            )
        except (DomainError, StoreError) as refusal:
            self.post_message(self.Written(choice, [], sentence(str(refusal))))
            return
        except OSError as error:
            self.post_message(self.Written(choice, [], sentence(unwritten(error))))
            return
        self.post_message(self.Written(choice, files))

    @on(Written)
    def _written(self, message: Written) -> None:
        tell_written(self, message.choice, message.files, message.problem)
