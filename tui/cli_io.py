"""The `bargain` command's files: reading an input, writing an output, refusing in one line.

Writing goes through `models.private_files`: 0600 files in 0700 folders, replaced whole, and
never the command's database, its -wal/-shm or a kept backup.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from models.locations import default_seat, resolve_db
from models.vocabulary import AUDIENCES

if TYPE_CHECKING:
    from models.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> NoReturn:
    """Refuse: `bargain: message` on standard error, one line, exit 1."""
    click.echo(f"bargain: {message}", err=True)
    sys.exit(1)


def read_input(path: str) -> bytes:
    """A file's bytes, or standard input for `-`; a missing file is a refusal (exit 1)."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        fail(f"no file at {path}")
    except IsADirectoryError:
        fail(f"{path} is a folder, not a file")
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}")


def write_output(text: str, output: str | None, database_id: str | None = None) -> None:
    """Write to standard output, or to a file: created 0600 (folders 0700), replaced whole,
    and never the command's database, its -wal/-shm or a kept backup
    (`models.private_files`)."""
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    from models.private_files import write_private

    try:
        root = click.get_current_context().find_root()
        database = resolve_db((root.obj or {}).get("db"))
        write_private(Path(output), text, database=database, database_id=database_id)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")


def utf8_or_fail(**values: str | None) -> None:
    """Refuse an argument that is not valid UTF-8 (bytes Python kept as lone surrogates)."""
    for name, value in values.items():
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            option = "--" + name.replace("_", "-")
            fail(f"{option} is not valid UTF-8 text; type it again")


def _remember_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        ctx.ensure_object(dict)["db"] = value
    return value


def db_option(func: F) -> F:
    """--db PATH, accepted before or after the subcommand."""
    return click.option(
        "--db",
        "db",
        metavar="PATH",
        expose_value=False,
        callback=_remember_db,
        is_eager=True,
        help="Database file (default: $BARGAIN_DB or the data folder).",
    )(func)


def format_option(
    choices: Sequence[str], default: str, help: str | None = None
) -> Callable[[F], F]:
    """--format, handed to the command as `fmt`: one of `choices`."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help=help,
    )


def audience_option(help: str) -> Callable[[F], F]:
    """--audience: members (the default) or team; `help` says what each means here."""
    return click.option(
        "--audience",
        type=click.Choice(AUDIENCES),
        default="members",
        show_default=True,
        help=help,
    )


def output_option(help: str = "Write to FILE instead of standard output.") -> Callable[[F], F]:
    """-o/--output FILE."""
    return click.option("-o", "--output", metavar="FILE", help=help)


def db_path(ctx: click.Context) -> Path:
    """The database chosen by --db, $BARGAIN_DB or the default, in that order."""
    root = ctx.find_root()
    return resolve_db((root.obj or {}).get("db"))


def open_db(ctx: click.Context, *, create: bool = False) -> Store:
    """Open the chosen database; only init, demo and journal import may create one."""
    from models.store import Store

    seat = (ctx.find_root().obj or {}).get("seat") or default_seat()
    return Store(db_path(ctx), create=create, seat=seat)
