"""What the recap screen sends out: the text shown to the clipboard (the team minutes only
after a yes), and every format of it written into `recaps/session-N/` beside the database."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.screen import Screen

from exports import FORMATS, render_recap
from models.recap import Audience, build_snapshot
from models.recap_files import write_recap_files
from models.render_cache import RenderCache
from models.store import Store
from tui.dialogs.confirm_copy import ConfirmCopyDialog
from tui.screens.recap_choice import RecapChoice, format_word


def write_recaps(
    store: Store, session: int | None, *, lang: str, audience: Audience, now: datetime
) -> list[Path]:
    """Write the recap of `session` (None: the latest started) in every format.

    Every text is rendered before the first file is written, so a refusal (DomainError)
    writes nothing; `models.recap_files` writes them (0600 files in 0700 folders, never over
    the database). Returns the files, in FORMATS order. Raises DomainError for a session
    with no recap, StoreError for a refused target, OSError when the disk refuses.
    """
    snapshot = build_snapshot(store, session, audience, now, lang=lang)
    kept = RenderCache()
    texts = {fmt: render_recap(snapshot, format=fmt, lang=lang, kept=kept) for fmt in FORMATS}
    return write_recap_files(
        store.path,
        snapshot.session.number,
        texts,
        lang=lang,
        audience=audience,
        database_id=store.database_id,
    )


def unwritten(error: OSError) -> str:
    """What to tell the team when the recap files could not be written."""
    problem = f"the files could not be written: {error.strerror or error}"
    return problem + (f" ({error.filename})" if error.filename else "")


def copy_recap(screen: Screen[None], choice: RecapChoice, text: str | None) -> None:
    """Copy `text`, the recap of `choice`; the team minutes are copied only after a yes."""
    if text is None:
        screen.app.bell()
        screen.notify("There is no recap to copy yet.", severity="warning")
        return
    if choice.audience != "team":
        _copy(screen, choice, text)
        return

    def answer(yes: bool | None) -> None:
        if yes:
            _copy(screen, choice, text)
        else:
            screen.notify("Nothing was copied.")

    screen.app.push_screen(ConfirmCopyDialog(f"Team minutes: {choice.describe()}"), answer)


def _copy(screen: Screen[None], choice: RecapChoice, text: str) -> None:
    screen.app.copy_to_clipboard(text)
    if choice.audience == "team":
        screen.notify(
            f"Copied the TEAM ONLY minutes ({choice.describe()}). Not for members.",
            title="Copied",
            severity="warning",
            markup=False,
        )
    else:
        screen.notify(
            f"Copied the members' recap ({choice.describe()}) to the clipboard.",
            title="Copied",
            markup=False,
        )


def tell_written(
    screen: Screen[None], choice: RecapChoice, files: list[Path], problem: str
) -> None:
    """Say what the writer wrote (or why it wrote nothing)."""
    if problem:
        screen.app.bell()
        screen.notify(problem, title="Not written", severity="error", timeout=10, markup=False)
        return
    folder = files[0].parent
    kinds = ", ".join(format_word(fmt) for fmt in FORMATS)
    if choice.audience == "team":
        screen.notify(
            f"TEAM ONLY minutes ({kinds}) written to {folder}. Not for members.",
            title=f"Wrote {len(files)} files",
            severity="warning",
            timeout=10,
            markup=False,
        )
    else:
        screen.notify(
            f"The members' recap ({kinds}) is in {folder}",
            title=f"Wrote {len(files)} files",
            timeout=10,
            markup=False,
        )
