"""`bargain articles`: the articles of the contract, imported from a CSV or listed."""

from __future__ import annotations

import json

import click

from models.vocabulary import BOARD_FORMATS
from tui.cli_io import db_option, format_option, open_db, read_input


@click.group()
def articles() -> None:
    """The articles of the contract."""


@articles.command("import")
@db_option
@click.argument("file")
@click.pass_context
def articles_import(ctx: click.Context, file: str) -> None:
    """Add articles from a CSV file with the header `number,title` (all or none; rows
    repeated unchanged, or already in the campaign unchanged, are skipped)."""
    from models.article_csv import read_article_list

    data = read_input(file)
    with open_db(ctx) as store:
        found = read_article_list(data, {a.number: a.title for a in store.articles()})
        count = store.record_numbered(found.lines)
    skipped = f" ({found.left_out()})" if found.left_out() else ""
    click.echo(f"Added {count} article{'s' if count != 1 else ''}{skipped}")


@articles.command("list")
@db_option
@format_option(BOARD_FORMATS, "table")
@click.pass_context
def articles_list(ctx: click.Context, fmt: str) -> None:
    """List the articles in natural order."""
    with open_db(ctx) as store:
        items = store.articles()
    if fmt == "json":
        click.echo(json.dumps([a._asdict() for a in items], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["number", "title"])
        writer.writerows((a.number, a.title) for a in items)
        click.echo(buffer.getvalue(), nl=False)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table("Article", "Title", title="Articles")
        for article in items:
            table.add_row(article.number, article.title)
        Console().print(table)
