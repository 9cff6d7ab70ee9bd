"""The `bargain` command's entry point: the console opens without loading the command line.

A command line that only names the database, the seat and the seats' folder (`--db PATH`,
`--seat NAME`, `--sync DIR`, `--passphrase-file FILE`, each also as `--db=PATH`) opens the
console straight away: click, which parses every command, is
not needed before the first frame. Any other command line (a command, `--help`, `--version`,
a mistake) goes to the click group in `tui.cli`, which parses it and says what is wrong;
one that reads as an e-mail recap first starts the chart's helper (`tui.chart_ahead`), so that
the chart library loads on the other core while click and the command load here.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from itertools import pairwise

CONSOLE_OPTIONS = ("--db", "--seat", "--sync", "--passphrase-file")


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


def recap_email(args: Sequence[str]) -> bool:
    """Whether a command line reads as `bargain ... recap ... --format eml` (a guess: click
    parses it afterwards; a wrong guess costs a helper process stopped unused)."""
    words = list(args)
    formats = {b for a, b in pairwise(words) if a == "--format"}
    formats |= {word.removeprefix("--format=") for word in words if word.startswith("--format=")}
    return "recap" in words and "eml" in formats


def main(args: Sequence[str] | None = None) -> None:
    """`bargain`: the console for a plain command line, else the click commands. The process's
    last act: after a command the collector is frozen (`gc.freeze`) for a quick exit."""
    args = sys.argv[1:] if args is None else list(args)
    options = console_options(args)
    if options is None:
        if recap_email(args):
            from tui.chart_ahead import start_ahead

            start_ahead()
        from tui.cli import main as commands

        try:
            commands(args)
        finally:
            # The command is done: the exit need not search every object it made for cycles
            # (a tenth of a large recap's time).
            gc.freeze()
        return
    from pathlib import Path

    from models.locations import default_seat, resolve_db
    from tui.console import open_app

    syncing = {
        name: Path(options[option])
        for option, name in (("--sync", "sync"), ("--passphrase-file", "passphrase_file"))
        if option in options
    }
    seat = options.get("--seat") or default_seat()
    open_app(resolve_db(options.get("--db")), seat=seat, **syncing)
