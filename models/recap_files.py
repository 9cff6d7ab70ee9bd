"""The recap files the app writes: `recaps/session-N/` beside the database, owner only.

The texts are rendered by the caller (`exports` turns a snapshot into text; `models` never
imports it); this module only names the files and writes them through `models.private_files`,
so a recap is never written over the database and is always created 0600 in 0700 folders.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from models.private_files import check_target, make_private_dir, write_private

if TYPE_CHECKING:
    from models.recap import Audience

RECAPS_FOLDER = "recaps"
"""The folder beside the database that the app writes recaps into."""
EXTENSIONS: dict[str, str] = {"sms": "txt"}
"""File extensions that differ from the format's name (the text blast is plain text)."""


def recap_folder(db_path: Path, session: int) -> Path:
    """Where the app writes a session's recaps: `<db folder>/recaps/session-N`."""
    return Path(db_path).parent / RECAPS_FOLDER / f"session-{session}"


def recap_file_name(session: int, fmt: str, lang: str, audience: Audience) -> str:
    """`recap-session-5-en.md` for members; the team minutes say so in their name."""
    team = "-team-only" if audience == "team" else ""
    return f"recap-session-{session}-{lang}{team}.{EXTENSIONS.get(fmt, fmt)}"


def write_recap_files(
    db_path: Path,
    session: int,
    texts: Mapping[str, str],
    *,
    lang: str,
    audience: Audience,
    database_id: str | None = None,
) -> list[Path]:
    """Write each rendered text (format -> text, CRLF endings kept) into the session's folder.

    Every target is checked before the first file is written, so a refused one (the
    database, however spelled) writes nothing. Each file replaces the earlier one of the same
    name whole. Returns the files in the order of `texts`. Raises StoreError for a refused
    target, OSError when the disk refuses.
    """
    folder = recap_folder(db_path, session)
    targets = {fmt: folder / recap_file_name(session, fmt, lang, audience) for fmt in texts}
    for target in targets.values():
        check_target(target, db_path, database_id)
    make_private_dir(folder.parent, ours=True)
    make_private_dir(folder, ours=True)
    return [
        write_private(targets[fmt], text, database=db_path, database_id=database_id)
        for fmt, text in texts.items()
    ]
