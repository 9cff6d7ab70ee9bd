"""Pure exports: a read-only recap snapshot in, text out (Markdown, HTML, .eml, SMS, JSON, CSV).

Nothing here writes, and nothing here imports Textual or Rich. Jinja2 is imported only when a
template is rendered.

    from exports import render_recap, board_csv, FORMATS
    text = render_recap(snapshot, format="md", lang="es")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.vocabulary import RECAP_FORMATS as FORMATS


def languages() -> tuple[str, ...]:
    """Every language a recap can be written in: "en" and each catalog's (exports.catalog)."""
    from exports.catalog import languages as found

    return found()


_LAZY = {"render_recap": "exports.render", "board_csv": "exports.board"}
"""The functions this package names, by the module that defines them (imported on first use,
so that importing `exports` costs nothing)."""

if TYPE_CHECKING:
    from exports.board import board_csv as board_csv
    from exports.render import render_recap as render_recap


def __getattr__(name: str) -> object:
    """`LANGS`: the languages found now (a translator's added catalog counts at once);
    `render_recap` (see `exports.render`) and `board_csv` (see `exports.board`)."""
    if name == "LANGS":
        return languages()
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMATS", "LANGS", "board_csv", "languages", "render_recap"]
