"""`bargain sync`, `bargain join`, `bargain conflicts` and `bargain undo`: seats on other
computers, from the command line (DESIGN.md, "Seats on other computers").

The seats package is imported inside each command, so other commands never load it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from models.locations import default_seat
from tui.cli_io import db_option, db_path, open_db

if TYPE_CHECKING:
    from models.seats import ExchangeReport

SYNC_EVERY_S = 1.0

passphrase_option = click.option(
    "--passphrase-file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The team passphrase, on the file's first line (default: $BARGAIN_TEAM_KEY; "
    "without one, files in the folder are not encrypted).",
)


def status_line(report: ExchangeReport) -> str:
    """One line saying what an exchange did and where things stand."""
    at = report.at.strftime("%H:%M:%S")
    parts = [f"{at} sent {report.sent}, took in {report.received}"]
    if report.waiting:
        parts.append(f"{report.waiting} waiting to go out")
    seats = [", ".join(s.labels) or s.db_id[:8] for s in report.seats]
    parts.append(f"seats seen: {'; '.join(seats)}" if seats else "no other seat seen yet")
    if report.conflicts:
        many = "s" if report.conflicts != 1 else ""
        parts.append(f"{report.conflicts} conflict{many} to settle (`bargain conflicts`)")
    return "; ".join(parts)


def _changes(report: ExchangeReport) -> tuple[object, ...]:
    """Where things stand: a new status line is printed when it changes, or events moved."""
    return (
        report.waiting,
        tuple((s.db_id, s.labels) for s in report.seats),
        report.conflicts,
    )


@click.command()
@db_option
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--once", is_flag=True, help="Exchange once and exit.")
@passphrase_option
@click.pass_context
def sync(ctx: click.Context, folder: Path, once: bool, passphrase_file: Path | None) -> None:
    """Exchange this seat's journal with the other seats through FOLDER, a shared folder
    that a file-sync tool keeps in step; every second until Ctrl-C, or --once."""
    from models.seats import exchange, read_passphrase

    passphrase = read_passphrase(passphrase_file)
    with open_db(ctx) as store:
        if not store.has_campaign():
            raise click.UsageError("this database has no campaign yet; run `bargain init`")
        last: tuple[object, ...] | None = None
        try:
            while True:
                report = exchange(store, folder, passphrase=passphrase)
                for problem in report.problems:
                    click.echo(f"bargain: {problem}", err=True)
                if once or _changes(report) != last or report.sent or report.received:
                    click.echo(status_line(report))
                    sys.stdout.flush()
                    last = _changes(report)
                if once:
                    return
                time.sleep(SYNC_EVERY_S)
        except KeyboardInterrupt:
            click.echo("sync stopped; everything shown as sent is in the folder")


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@db_option
@click.option("--seat", metavar="NAME", help="Who records at this seat (as `bargain --seat`).")
@passphrase_option
@click.pass_context
def join(ctx: click.Context, folder: Path, seat: str | None, passphrase_file: Path | None) -> None:
    """Make this computer's seat: a new database (--db, or the default) from the shared
    FOLDER, which then syncs with it (`bargain sync FOLDER`, or the app with --sync)."""
    from models.seats import join as join_folder
    from models.seats import read_passphrase

    passphrase = read_passphrase(passphrase_file)
    seat = seat or (ctx.find_root().obj or {}).get("seat") or default_seat()
    path = db_path(ctx)
    with join_folder(folder, path, seat=seat, passphrase=passphrase) as store:
        count = len(store.events())
        seats = len(store.seat_records.seats_seen())
    click.echo(
        f"Joined {folder} as seat {seat}: {count} events from {seats} "
        f"seat{'s' if seats != 1 else ''}, in {path}"
    )


@click.command()
@db_option
@click.pass_context
def conflicts(ctx: click.Context) -> None:
    """List the events the rules refused at their place in the shared order."""
    from models.timeutil import zone

    with open_db(ctx) as store:
        found = store.conflicts()
        tz = zone(store.timezone())
    if not found:
        click.echo("No conflicts to settle.")
        return
    for conflict in found:
        when = conflict.at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        click.echo(f"{conflict.event_id}  {when}  {conflict.description}: {conflict.reason}")
    click.echo(
        "Settle each by undoing one side: `bargain undo EVENT_ID` (this one, or the event "
        "it collides with); the other seats take the undo in at their next exchange."
    )


@click.command()
@db_option
@click.argument("event_id")
@click.pass_context
def undo(ctx: click.Context, event_id: str) -> None:
    """Undo one event by its id (an undo's id redoes what it undid); a conflict is settled."""
    with open_db(ctx) as store:
        done = store.undo(event_id)
    click.echo(f"Recorded {done.id}: {event_id} undone")
