"""The recap preview's files and clipboard (w, c), driven by keys alone; the clipboard and the
files are the proof.

The demo campaign (tests/tui/conftest.py) with the clock frozen at 18:20 Pacific on the demo's
day: session 5 is live, sessions 1 to 4 are over. In session 5 the team recorded a team-only
note and a caucus purpose that must never reach members.
"""

from __future__ import annotations

import email
import email.policy
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from exports import FORMATS
from models.recap_files import recap_file_name
from models.store import Store
from tests.tui.recap_host import (
    CAUCUS_PURPOSE,
    SIZE_IDS,
    SIZES,
    TEAM_FORMATS,
    TEAM_NOTE,
    Host,
    notes_of,
    press,
    settle,
    shown,
)
from tui.dialogs.confirm_copy import ConfirmCopyDialog
from tui.screens.recap import RecapScreen

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

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
