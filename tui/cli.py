"""The `bargain` command.

Commands that need no screen never import Textual: the app is imported only to open it.
Exit codes: 0 done, 1 input refused (one line on stderr), 2 usage.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from models.errors import DomainError, StoreError
from models.locations import default_seat
from models.vocabulary import BOARD_FORMATS, PARTIES, RECAP_FORMATS
from tui.cli_articles import articles
from tui.cli_io import (
    audience_option,
    db_option,
    db_path,
    format_option,
    open_db,
    output_option,
    read_input,
    write_output,
)
from tui.cli_io import fail as _fail
from tui.cli_io import utf8_or_fail as _utf8_or_fail
from tui.cli_seats import conflicts, join, sync, undo
from tui.cli_settings import settings as settings_command
from tui.console import open_app


class BargainGroup(click.Group):
    """A group whose refusals print one line and exit 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (DomainError, StoreError) as error:
            _fail(str(error))
        except KeyboardInterrupt:
            click.echo("bargain: interrupted; nothing half-written was kept", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)


@click.group(cls=BargainGroup, invoke_without_command=True)
@db_option
@click.option(
    "--seat", metavar="NAME", help="Who is recording (default: $BARGAIN_SEAT or user@host)."
)
@click.option(
    "--sync",
    "sync",
    metavar="DIR",
    type=click.Path(path_type=Path, file_okay=False),
    help="The app exchanges with the other seats through this shared folder (remembered).",
)
@click.option(
    "--passphrase-file",
    metavar="FILE",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The team passphrase for the shared folder (default: $BARGAIN_TEAM_KEY).",
)
@click.version_option(package_name="open-bargaining", prog_name="bargain")
@click.pass_context
def main(
    ctx: click.Context, seat: str | None, sync: Path | None, passphrase_file: Path | None
) -> None:
    """Run a live, open bargaining session, and turn it into a recap for members.

    Without a command, opens the app on the database (with --sync DIR, syncing with the
    other seats through that folder).
    """
    ctx.ensure_object(dict)
    if seat:
        ctx.obj["seat"] = seat
    if ctx.invoked_subcommand is None:
        syncing = {"sync": sync} if sync else {}
        if passphrase_file:
            syncing["passphrase_file"] = passphrase_file
        open_app(db_path(ctx), seat=seat or default_seat(), **syncing)


@main.command()
@db_option
@click.option("--union", "union", required=True, help="The union's full name.")
@click.option("--union-short", required=True, help="The union's short name, like REA.")
@click.option("--employer", required=True, help="The employer's full name.")
@click.option("--employer-short", required=True, help="The employer's short name, like RUSD.")
@click.option(
    "--timezone",
    default=None,
    metavar="ZONE",
    help="IANA timezone, like America/Los_Angeles (default: this machine's).",
)
@click.option(
    "--our-side",
    type=click.Choice(PARTIES),
    default="union",
    show_default=True,
    help="Which side the team using this app is on.",
)
@click.pass_context
def init(
    ctx: click.Context,
    union: str,
    union_short: str,
    employer: str,
    employer_short: str,
    timezone: str | None,
    our_side: str,
) -> None:
    """Create the database and its campaign."""
    from models.actions import create_campaign
    from models.domain import Party
    from models.locations import system_timezone
    from models.store.connection import kept_as_it_was_unless_done

    _utf8_or_fail(
        union=union,
        union_short=union_short,
        employer=employer,
        employer_short=employer_short,
        timezone=timezone,
    )
    path = db_path(ctx)
    with kept_as_it_was_unless_done(path), open_db(ctx, create=True) as store:
        if store.campaign() is not None:
            _fail(f"{path} already holds a campaign; choose another file with --db")
        create_campaign(
            store,
            union=union,
            union_short=union_short,
            employer=employer,
            employer_short=employer_short,
            timezone=timezone or system_timezone(),
            our_side=Party(our_side),
        )
    click.echo(f"Created the campaign in {path}")


@main.command()
@db_option
@format_option(BOARD_FORMATS, "table")
@audience_option("members: what members may see (the ground rules' embargo); team: everything.")
@click.pass_context
def board(ctx: click.Context, fmt: str, audience: str) -> None:
    """The article board: status, whose court the ball is in, and since when."""
    with open_db(ctx) as store:
        if not store.has_campaign():
            _fail(f"{db_path(ctx)} has no campaign yet; run `bargain init`")
        rows = store.board(audience=audience)
        timezone = store.timezone()
        campaign = store.campaign() if fmt == "table" else None
    if fmt == "csv":
        from exports.board import board_csv

        click.echo(board_csv(rows, timezone), nl=False)
    elif fmt == "json":
        from exports.board import board_json

        click.echo(board_json(rows, timezone), nl=False)
    elif campaign is not None:
        from tui.board_table import board_table

        board_table(rows, campaign, team=audience == "team")


@main.command()
@db_option
@click.option("--session", "session", type=int, metavar="N", help="The session to recap.")
@click.option("--latest", is_flag=True, help="The latest started session (the default).")
@format_option(RECAP_FORMATS, "md")
@click.option(
    "--lang",
    default="en",
    show_default=True,
    metavar="CODE",
    callback=lambda ctx, param, value: _language(value),
    help="en, or a language with a catalog (es ships; a translator adds more).",
)
@audience_option("members: safe to send; team: the team's own minutes.")
@click.option("--template", metavar="FILE", help="Your own Jinja2 template (md, html, sms).")
@output_option()
@click.pass_context
def recap(
    ctx: click.Context,
    session: int | None,
    latest: bool,
    fmt: str,
    lang: str,
    audience: str,
    template: str | None,
    output: str | None,
) -> None:
    """The recap of a session, ready to send to members."""
    if session is not None and latest:
        raise click.UsageError("give --session N or --latest, not both")
    if template is not None and not Path(template).is_file():
        _fail(f"no template at {template}")
    from exports import render_recap
    from exports.render import chart_inputs
    from models.recap import build_snapshot
    from tui.chart_ahead import recap_cache

    # The e-mail's chart, when it must be drawn, is drawn on the other core meanwhile.
    kept = recap_cache(drawing=fmt == "eml")
    try:
        with open_db(ctx) as store:
            snapshot = build_snapshot(
                store, session, "team" if audience == "team" else "members", lang=lang
            )
            database_id = store.database_id
        kept.draw(chart_inputs(snapshot, lang) if fmt == "eml" else None)
        text = render_recap(
            snapshot,
            format=fmt,
            lang=lang,
            template=Path(template) if template else None,
            kept=kept,
        )
    finally:
        kept.finish()
    write_output(text, output, database_id)
    from tui.cli_recap_notes import recap_notes

    sys.stdout.flush()  # the recap first, then what is said about it
    for line in recap_notes(snapshot, fmt, text):
        click.echo(line, err=True)


def _language(code: str) -> str:
    """`--lang`: English or a language whose catalog is found (a usage error otherwise)."""
    from exports.catalog import check_language

    try:
        check_language(code)
    except DomainError as error:
        raise click.BadParameter(str(error)) from None
    return code


@main.group()
def journal() -> None:
    """The journal: every change, in order, as JSON Lines."""


@journal.command("export")
@db_option
@output_option()
@click.pass_context
def journal_export(ctx: click.Context, output: str | None) -> None:
    """Write the journal as JSON Lines."""
    with open_db(ctx) as store:
        text = "".join(line + "\n" for line in store.journal())
        database_id = store.database_id
    write_output(text, output, database_id)


@journal.command("import")
@db_option
@click.argument("file")
@click.pass_context
def journal_import(ctx: click.Context, file: str) -> None:
    """Replay a JSON Lines journal, all or nothing (creates the database if needed)."""
    data = read_input(file)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        _fail(f"{file} is not UTF-8 text (byte {error.start + 1})")
    from models.store.connection import kept_as_it_was_unless_done

    path = db_path(ctx)
    with kept_as_it_was_unless_done(path), open_db(ctx, create=True) as store:
        count = store.import_journal(text.split("\n") if text else [])
    click.echo(f"Imported {count} event{'s' if count != 1 else ''} into {path}")


@main.command()
@db_option
@output_option("Write the backup to FILE.")
@click.pass_context
def backup(ctx: click.Context, output: str | None) -> None:
    """Copy the database safely, even while the app is running."""
    with open_db(ctx) as store:
        target = store.backup(Path(output) if output else None)
    click.echo(f"Backed up to {target}")


@main.command()
@db_option
@click.argument("file")
@click.pass_context
def restore(ctx: click.Context, file: str) -> None:
    """Replace the database with a backup (the current one is backed up first)."""
    from models.store.backup import restore_database

    path = db_path(ctx)
    kept = restore_database(path, Path(file))
    if kept is not None:
        click.echo(f"Kept the previous database as {kept}")
    click.echo(f"Restored {path} from {file}")


@main.command()
@db_option
@click.option("--large", is_flag=True, help="The benchmark campaign: 150 sessions, 40,000 notes.")
@click.option("--no-open", is_flag=True, help="Only create the demo; do not open the app.")
@click.pass_context
def demo(ctx: click.Context, large: bool, no_open: bool) -> None:
    """Create a realistic fictional campaign and open it."""
    from models.demo import build_demo
    from models.locations import demo_db

    root = ctx.find_root().obj or {}
    path = Path(root["db"]).expanduser() if root.get("db") else demo_db()
    if root.get("db") and path.exists() and path.stat().st_size > 0:
        _fail(f"{path} already exists; the demo only writes a new file (or omit --db)")
    count = build_demo(path, large=large)
    click.echo(f"Demo campaign ({count:,} events) in {path}")
    if not no_open:
        open_app(path, seat=(root.get("seat") or default_seat()))


main.add_command(articles)
for _seat_command in (sync, join, conflicts, undo):
    main.add_command(_seat_command)
main.add_command(db_option(settings_command))

if __name__ == "__main__":  # pragma: no cover
    main()
