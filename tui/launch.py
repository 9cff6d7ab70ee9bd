"""The `bargain` command's entry point: the console opens without loading the command line.

A command line that only names the database and the seat (`--db PATH`, `--seat NAME`, either
also as `--db=PATH`) opens the console straight away: click, which parses every command, is
not needed before the first frame. Any other command line (a command, `--help`, `--version`,
a mistake) goes to the click group in `tui.cli`, which parses it and says what is wrong.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path

CONSOLE_OPTIONS = ("--db", "--seat")


def console_options(args: Sequence[str]) -> dict[str, str] | None:
    """The options of a command line that only opens the console; None for any other."""
    options: dict[str, str] = {}
    rest = list(args)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in CONSOLE_OPTIONS or name in options:
            return None
        if not equals:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        if not value:
            return None
        options[name] = value
    return options


def open_app(path: Path, *, seat: str) -> None:
    """Open the Textual app on a database (the only command that imports Textual).

    The garbage collector waits while the modules load and the app is built: they make a few
    hundred thousand objects that stay for the whole session, and collecting on the way
    scanned them again and again. Once built they are set aside for good (`gc.freeze`), so
    no later collection scans them either (benchmarks/tui_bench.py measures start-up)."""
    gc.disable()
    try:
        from tui.app import BargainingApp

        app = BargainingApp(db_path=path, seat=seat)
    finally:
        gc.freeze()
        gc.enable()
    app.run()


def main(args: Sequence[str] | None = None) -> None:
    """`bargain`: the console for a plain command line, else the click commands."""
    args = sys.argv[1:] if args is None else list(args)
    options = console_options(args)
    if options is None:
        from tui.cli import main as commands

        commands(args)
        return
    from models.locations import default_seat, resolve_db

    open_app(resolve_db(options.get("--db")), seat=options.get("--seat") or default_seat())
