"""Pure exports: a read-only recap snapshot in, text out (Markdown, HTML, .eml, SMS, JSON, CSV).

Nothing here writes, and nothing here imports Textual or Rich. Jinja2 is imported only when a
template is rendered.

    from exports import render_recap, board_csv, FORMATS
    text = render_recap(snapshot, format="md", lang="es")
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exports.kept import Kept
    from models.board import BoardRow
    from models.recap import RecapSnapshot

from models.vocabulary import RECAP_FORMATS as FORMATS


def languages() -> tuple[str, ...]:
    """Every language a recap can be written in: "en" and each catalog's (exports.catalog)."""
    from exports.catalog import languages as found

    return found()


def __getattr__(name: str) -> object:
    """`LANGS`: the languages found now (a translator's added catalog counts at once)."""
    if name == "LANGS":
        return languages()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render_recap(
    snapshot: RecapSnapshot,
    *,
    format: str,
    lang: str = "en",
    template: Path | None = None,
    user_dir: Path | None = None,
    kept: Kept | None = None,
) -> str:
    """The recap of `snapshot` in `format` (one of FORMATS) and `lang` (one of `languages()`).

    See `exports.render.render_recap`.
    """
    from exports.render import render_recap as render

    return render(
        snapshot, format=format, lang=lang, template=template, user_dir=user_dir, kept=kept
    )


def board_csv(rows: Iterable[BoardRow], timezone: str | None = None) -> str:
    """The board as CSV (`article,title,status,holder,holding_since,last_proposal`), LF endings,
    with `holding_since` in `timezone` when given. See `exports.board.board_csv`."""
    from exports.board import board_csv as to_csv

    return to_csv(rows, timezone)


__all__ = ["FORMATS", "LANGS", "board_csv", "languages", "render_recap"]
