"""The recap preview, driven by keys alone; the text shown, the clipboard and the files are the
proof.

The demo campaign (tests/tui/conftest.py) with the clock frozen at 18:20 Pacific on the demo's
day: session 5 is live, sessions 1 to 4 are over. In session 5 the team recorded a team-only
note and a caucus purpose that must never reach members.
"""

from __future__ import annotations

import email
import email.policy
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Markdown, Select, Static, TextArea

from exports import FORMATS
from models.recap_files import recap_file_name
from models.store import Store
from tui.app import BargainingApp
from tui.dialogs.confirm_copy import ConfirmCopyDialog
from tui.messages import StoreChanged
from tui.screens.recap import RecapScreen, split_for_preview

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SIZES = [(80, 24), (160, 48)]
SIZE_IDS = ["80x24", "160x48"]

TEAM_NOTE = "Helen: sites want the 90% premium share locked in for the whole term."
"""A team-only note of session 5 (said in REA's caucus)."""
CAUCUS_PURPOSE = "Answer RUSD #8 tonight, or take it to the executive board?"
"""The purpose of REA's caucus in session 5 (team only)."""
TEAM_FORMATS = ("md", "html", "eml", "json")
"""The formats that print notes and caucus purposes (the text blast and the board CSV do not)."""


class Host(App[None]):
    """A bare app that shows the recap screen."""

    def __init__(self, store: Store, clock: FrozenClock) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.closed = False

    def on_mount(self) -> None:
        self.push_screen(RecapScreen(self.store, self.clock), self.note_closed)

    def note_closed(self, _result: None) -> None:
        self.closed = True


@pytest.fixture
def bare_store(tmp_path: Path) -> Iterator[Store]:
    """A campaign with a session scheduled but none started: nothing to recap."""
    store = Store(tmp_path / "bare" / "bargaining.db", create=True, seat="lead")
    store.record(
        {
            "type": "campaign.created",
            "at": "2026-03-01T16:00:00-08:00",
            "union": {"name": "Riverbend Education Association", "short": "REA"},
            "employer": {"name": "Riverbend Unified School District", "short": "RUSD"},
            "timezone": "America/Los_Angeles",
        }
    )
    store.record(
        {
            "type": "session.scheduled",
            "at": "2026-03-01T16:05:00-08:00",
            "session": 1,
            "starts": "2026-03-10T16:30:00-07:00",
        }
    )
    yield store
    store.close()


async def settle(pilot: Pilot[Any]) -> None:
    """Let the workers finish and the text they made reach the preview."""
    for _ in range(10):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        if not isinstance(screen, RecapScreen) or screen.showing == screen.choice:
            return


async def press(pilot: Pilot[Any], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def recap(app: App[None]) -> RecapScreen:
    screen = app.screen
    assert isinstance(screen, RecapScreen)
    return screen


def shown(app: App[None]) -> str:
    """The text in the preview, whichever view shows it."""
    screen = recap(app)
    current = screen.query_one(ContentSwitcher).current
    if current == "recap-markdown-box":
        return screen.query_one(Markdown).source
    if current == "recap-text":
        return screen.query_one(TextArea).text
    return str(screen.query_one("#recap-message", Static).content)


def notes_of(app: App[None]) -> list[str]:
    return [f"{n.title} {n.message}" for n in app._notifications]


def header_title(app: App[None]) -> str:
    return str(recap(app).title)


# ---------------------------------------------------------------------------- preview


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_the_current_session_is_shown_rendered(
    demo_store: Store, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = recap(app)
        assert screen.choice.session == 5
        assert screen.choice.format == "md"
        assert screen.query_one(ContentSwitcher).current == "recap-markdown-box"
        markdown = screen.query_one(Markdown)
        assert markdown.source.startswith(
            "# Tentative agreements on 4 articles\n\n**Bargaining update: Session 5**"
        )
        # Rendered, not shown as source: the heading is a Markdown heading block.
        assert markdown.table_of_contents[0][:2] == (1, "Tentative agreements on 4 articles")
        assert "session 5" in header_title(app)
        assert "TEAM ONLY" not in header_title(app)
        assert not screen.has_class("-team")
        assert not screen.query_one("#recap-banner").display
        assert screen.query_one("#recap-session", Select).value == 5
        assert TEAM_NOTE not in markdown.source


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_format_language_and_audience_keys(
    demo_store: Store, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = recap(app)

        await press(pilot, "f")
        assert screen.choice.format == "html"
        assert screen.query_one(ContentSwitcher).current == "recap-text"
        assert shown(app).startswith("<!DOCTYPE html>")
        assert screen.query_one("#recap-format", Select).value == "html"

        await press(pilot, "f")
        assert screen.choice.format == "eml"
        assert "Subject: REA bargaining, session 5: Tentative agreements on 4 articles" in shown(
            app
        )

        await press(pilot, "f")
        assert screen.choice.format == "sms"
        assert shown(app).startswith("REA: Tentative agreements on 4 articles.")

        await press(pilot, "f")
        assert shown(app).lstrip().startswith("{")
        await press(pilot, "f")
        assert shown(app).startswith("article,title,status,holder")
        await press(pilot, "f")  # round again to Markdown
        assert screen.choice.format == "md"
        assert screen.query_one(ContentSwitcher).current == "recap-markdown-box"

        await press(pilot, "l")
        assert screen.choice.lang == "es"
        assert "**Novedades de la negociación: sesión 5**" in shown(app)[:300]
        assert screen.query_one("#recap-lang", Select).value == "es"

        await press(pilot, "u")
        assert screen.choice.audience == "team"
        assert shown(app).startswith("# Acta del equipo: sesión 5")
        assert TEAM_NOTE in shown(app)
        assert CAUCUS_PURPOSE in shown(app)
        assert "TEAM ONLY" in header_title(app)
        assert screen.has_class("-team")
        assert screen.query_one("#recap-banner").display
        assert screen.query_one("#recap-audience", Select).value == "team"

        await press(pilot, "l", "u")
        assert "**Bargaining update: Session 5**" in shown(app)[:300]
        assert TEAM_NOTE not in shown(app)
        assert "TEAM ONLY" not in header_title(app)
        assert not screen.query_one("#recap-banner").display


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_brackets_step_through_the_started_sessions(
    demo_store: Store, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = recap(app)
        assert screen.started == [1, 2, 3, 4, 5]

        await press(pilot, "right_square_bracket")  # already the latest: stays
        assert screen.choice.session == 5
        assert any("latest" in note for note in notes_of(app))

        await press(pilot, "left_square_bracket")
        assert screen.choice.session == 4
        assert "**Bargaining update: Session 4**" in shown(app)[:300]
        assert screen.query_one("#recap-session", Select).value == 4
        assert "session 4" in header_title(app)

        await press(pilot, *["left_square_bracket"] * 4)
        assert screen.choice.session == 1
        assert "**Bargaining update: Session 1**" in shown(app)[:300]

        await press(pilot, "right_square_bracket")
        assert screen.choice.session == 2


async def test_the_switches_work_from_the_keyboard(demo_store: Store, clock: FrozenClock) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = recap(app)
        screen.query_one("#recap-format", Select).focus()
        await press(pilot, "enter", "down", "down", "down", "enter")  # Markdown -> Text blast
        assert screen.choice.format == "sms"
        assert shown(app).startswith("REA: Tentative agreements on 4 articles.")

        screen.query_one("#recap-session", Select).focus()
        await press(pilot, "enter", "up", "up", "enter")  # session 5 -> 3
        assert screen.choice.session == 3
        assert shown(app).startswith("REA: Tentative agreements on 3 articles.")


async def test_another_seats_change_shows_up(
    demo_store: Store, clock: FrozenClock, demo_db: Path
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        with Store(demo_db, seat="notes") as other:
            other.record(
                {
                    "type": "note.added",
                    "at": "2026-03-22T18:19:00-07:00",
                    "session": 5,
                    "text": "Parents from Lincoln Elementary thanked both teams.",
                    "visibility": "members",
                }
            )
            seq = other.last_seq()
        recap(app).post_message(StoreChanged(seq))
        await settle(pilot)
        assert "Parents from Lincoln Elementary thanked both teams." in shown(app)


async def test_r_makes_the_live_recap_again_as_of_now(
    demo_store: Store, clock: FrozenClock
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "covers the session up to 6:20 PM" in shown(app)
        clock.advance(minutes=7)
        await press(pilot, "r")
        assert "covers the session up to 6:27 PM" in shown(app)
        assert isinstance(app.screen, RecapScreen)  # not a second recap screen


async def test_escape_goes_back(demo_store: Store, clock: FrozenClock) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "escape")
        assert app.closed
        assert not isinstance(app.screen, RecapScreen)


async def test_the_app_opens_it_with_r(demo_db: Path, clock: FrozenClock) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "r")
        screen = recap(app)
        assert screen.clock() == clock.at
        assert "**Bargaining update: Session 5**" in shown(app)[:300]
        await press(pilot, "escape")
        assert not isinstance(app.screen, RecapScreen)


# ---------------------------------------------------------------------------- files


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def readable(path: Path) -> str:
    """A written file's text as a reader sees it (an email's parts decoded)."""
    data = path.read_bytes()
    if path.suffix != ".eml":
        return data.decode("utf-8")
    message = email.message_from_bytes(data, policy=email.policy.default)
    parts = [str(message["Subject"])]
    for part in message.walk():
        if part.get_content_maintype() == "text":  # the money chart's PNG is no reading
            parts.append(part.get_content())
    return "\n".join(parts)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_w_writes_every_format_privately(
    demo_store: Store, clock: FrozenClock, demo_db: Path, size: tuple[int, int]
) -> None:
    folder = demo_db.parent / "recaps" / "session-5"
    app = Host(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await press(pilot, "w")
        names = sorted(p.name for p in folder.iterdir())
        assert names == sorted(
            [
                "recap-session-5-en.md",
                "recap-session-5-en.html",
                "recap-session-5-en.eml",
                "recap-session-5-en.txt",
                "recap-session-5-en.json",
                "recap-session-5-en.csv",
            ]
        )
        assert any(str(folder) in note for note in notes_of(app))
        assert mode(folder) == 0o700
        assert mode(folder.parent) == 0o700
        for path in folder.iterdir():
            assert mode(path) == 0o600, path.name
            text = readable(path)
            assert TEAM_NOTE not in text, path.name
            assert CAUCUS_PURPOSE not in text, path.name
        eml = (folder / "recap-session-5-en.eml").read_bytes()
        assert b"\r\n" in eml
        assert b"\n" not in eml.replace(b"\r\n", b"")
        member_md = (folder / "recap-session-5-en.md").read_text(encoding="utf-8")
        assert member_md == shown(app)

        # The team minutes, in Spanish, go beside them under names that say so.
        await press(pilot, "u", "l", "w")
        for fmt in FORMATS:
            path = folder / recap_file_name(5, fmt, "es", "team")
            assert "team-only" in path.name
            assert mode(path) == 0o600
            text = readable(path)
            if fmt in TEAM_FORMATS:
                assert TEAM_NOTE in text, fmt
                assert CAUCUS_PURPOSE in text, fmt
        assert any("TEAM ONLY" in note for note in notes_of(app))
        assert len(list(folder.iterdir())) == 12
        # The members' files were left alone.
        assert (folder / "recap-session-5-en.md").read_text(encoding="utf-8") == member_md


async def test_writing_again_replaces_the_files(
    demo_store: Store, clock: FrozenClock, demo_db: Path
) -> None:
    folder = demo_db.parent / "recaps" / "session-5"
    folder.mkdir(parents=True)
    stale = folder / "recap-session-5-en.md"
    stale.write_text("old text", encoding="utf-8")
    stale.chmod(0o644)
    app = Host(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "w")
    assert "**Bargaining update: Session 5**" in stale.read_text(encoding="utf-8")[:300]
    assert mode(stale) == 0o600
    assert mode(folder) == 0o700
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


async def test_a_disk_refusal_is_said_not_raised(
    demo_store: Store, clock: FrozenClock, demo_db: Path
) -> None:
    (demo_db.parent / "recaps").write_text("a file where the folder should be")
    app = Host(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "w")
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1
        assert errors[0].title == "Not written"
        assert "could not be written" in errors[0].message
        assert isinstance(app.screen, RecapScreen)


# ---------------------------------------------------------------------------- clipboard


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_c_copies_the_members_recap(
    demo_store: Store, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        assert app.clipboard == shown(app)
        assert "**Bargaining update: Session 5**" in app.clipboard[:300]
        assert any("Copied" in note for note in notes_of(app))

        await press(pilot, "f", "f", "f", "c")  # the text blast
        assert app.clipboard.startswith("REA: Tentative agreements on 4 articles.")


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_c_asks_before_copying_the_team_minutes(
    demo_store: Store, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await press(pilot, "u", "c")
        assert isinstance(app.screen, ConfirmCopyDialog)
        await press(pilot, "escape")
        assert isinstance(app.screen, RecapScreen)
        assert app.clipboard == ""

        await press(pilot, "c")
        assert isinstance(app.screen, ConfirmCopyDialog)
        await press(pilot, "enter")  # the focused button is "Don't copy"
        assert isinstance(app.screen, RecapScreen)
        assert app.clipboard == ""

        await press(pilot, "c", "y")
        assert isinstance(app.screen, RecapScreen)
        assert TEAM_NOTE in app.clipboard
        assert app.clipboard == shown(app)
        assert any("TEAM ONLY" in note for note in notes_of(app))


async def test_copy_goes_through_copy_to_clipboard(
    demo_store: Store, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[str] = []
    app = Host(demo_store, clock)
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "l", "c")
    assert len(copied) == 1
    assert "**Novedades de la negociación: sesión 5**" in copied[0][:300]


# ---------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_no_started_session_shows_the_reason(
    bare_store: Store, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = Host(bare_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = recap(app)
        assert screen.query_one(ContentSwitcher).current == "recap-message-box"
        assert shown(app) == "No session has started yet; there is nothing to recap."
        assert screen.started == []
        assert "no session" in header_title(app)

        # Every key still answers, and none of them fails.
        await press(pilot, "f", "l", "u", "left_square_bracket", "right_square_bracket")
        assert shown(app) == "No session has started yet; there is nothing to recap."
        await press(pilot, "c")
        assert app.clipboard == ""
        assert isinstance(app.screen, RecapScreen)
        await press(pilot, "w")
        assert not (bare_store.path.parent / "recaps").exists()
        assert any("nothing to recap" in note for note in notes_of(app))
        assert isinstance(app.screen, RecapScreen)


# ---------------------------------------------------------------------------- long recaps


def test_split_for_preview_cuts_between_blocks() -> None:
    text = "".join(
        [
            "# Title\n",
            "\n",
            "Intro line.\n",
            "\n",
            "## Notes\n",
            "\n",
            "- one\n",
            "  continued\n",
            "- two\n",
            "\n",
            "| a | b |\n",
            "| - | - |\n",
            "| 1 | 2 |\n",
            "\n",
            "Last.\n",
        ]
    )
    assert split_for_preview(text, 100) == (text, "")
    head, rest = split_for_preview(text, 7)  # line 7 continues a list item: cut before it
    assert head + rest == text
    assert rest.startswith("- one\n")
    head, rest = split_for_preview(text, 12)  # inside the table: cut before the list item
    assert rest.startswith("- two\n")
    head, rest = split_for_preview(text, 14)
    assert rest == "Last.\n"


async def test_a_long_recap_renders_its_start_and_shows_the_rest(
    demo_store: Store, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.screens.recap.MARKDOWN_PREVIEW_LINES", 40)
    app = Host(demo_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = recap(app)
        head = screen.query_one(Markdown).source
        rest = str(screen.query_one("#recap-markdown-rest", Static).content)
        assert "**Bargaining update: Session 5**" in head[:300]
        assert head.count("\n") <= 40
        assert rest
        assert head + rest == screen.text
        assert screen.query_one("#recap-markdown-cut").display
        await press(pilot, "c")
        assert app.clipboard == head + rest

        await press(pilot, "left_square_bracket")
        assert screen.query_one("#recap-markdown-cut").display
        monkeypatch.setattr("tui.screens.recap.MARKDOWN_PREVIEW_LINES", 150)
        await press(pilot, "right_square_bracket")
        assert not screen.query_one("#recap-markdown-cut").display
        assert screen.query_one(Markdown).source == screen.text


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_w_writes_beside_the_database_and_says_the_full_path(
    demo_db: Path,
    clock: FrozenClock,
    size: tuple[int, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Opened as `--db demo.db` from its folder, then written from another: the files go
    beside the database, and the notification names their folder in full."""
    monkeypatch.chdir(demo_db.parent)
    store = Store(Path(demo_db.name), seat="lead")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    try:
        app = Host(store, clock)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await press(pilot, "w")
            folder = (demo_db.parent / "recaps" / "session-5").resolve()
            assert len(list(folder.iterdir())) == len(FORMATS)
            assert not (elsewhere / "recaps").exists()
            assert any(f"is in {folder}" in note for note in notes_of(app)), notes_of(app)
    finally:
        store.close()
