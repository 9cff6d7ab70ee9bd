"""`bargain settings`: print every campaign setting, or change some in one `campaign.updated`.

Registered on the `bargain` group by `tui.cli` (which adds its `--db` option). A bad value
is refused in one line naming the option, exit 1, and nothing is written.
"""

from __future__ import annotations

import json

import click

from models.errors import DomainError
from tui.cli_io import fail, format_option
from tui.cli_io import utf8_or_fail as _utf8_or_fail

_OPTIONS = {
    "title": "--title",
    "union_name": "--union-name",
    "union_short": "--union-short",
    "employer_name": "--employer-name",
    "employer_short": "--employer-short",
    "timezone": "--timezone",
    "our_side": "--our-side",
    "from": "--from",
    "to": "--to",
    "team_to": "--team-to",
    "signoff": "--signoff",
    "url": "--url",
    "watch": "--watch",
    "embargo": "--embargo",
}
"""Each setting's key and the option that sets it."""
_TERM_OPTIONS = {
    "label": "--label",
    "unit": "--unit",
    "cost_per_unit": "--cost-per-unit",
    "better": "--better",
}


def _text_options(func: click.decorators.FC) -> click.decorators.FC:
    for key, option in reversed(list(_OPTIONS.items())):
        if key == "embargo":
            func = click.option(
                option,
                key,
                default=None,
                metavar="details|all",
                help="The ground rules' embargo: details (the default) or all.",
            )(func)
        elif key == "our_side":
            func = click.option(option, key, default=None, metavar="union|employer")(func)
        else:
            func = click.option(option, key, default=None, metavar="TEXT")(func)
    return func


@click.command("settings")
@_text_options
@click.option("--term", "term", metavar="NAME", help="The numeric term to name or edit.")
@click.option("--label", "label", metavar="TEXT", help="The term's label, like Salary, year 1.")
@click.option("--unit", "unit", metavar="TEXT", help="The term's unit, like %.")
@click.option("--cost-per-unit", "cost_per_unit", metavar="N", help="What one unit costs.")
@click.option("--better", "better", metavar="higher|lower", help="Which way is better for us.")
@click.option("--remove-term", "removed", metavar="NAME", multiple=True, help="Unname a term.")
@format_option(("table", "json"), "table", "How to print the settings (with no change given).")
@click.pass_context
def settings(
    ctx: click.Context, /, fmt: str, term: str | None, removed: tuple[str, ...], **given: str | None
) -> None:
    """Print every campaign setting; with options, change them (one journal event)."""
    from models.actions import change_settings
    from models.settings import check_settings
    from tui.cli_io import db_path, open_db

    term_fields = {key: given.pop(key) for key in _TERM_OPTIONS}
    typed = {key: value for key, value in given.items() if value is not None}
    term_typed = {key: value for key, value in term_fields.items() if value is not None}
    _utf8_or_fail(
        **{_OPTIONS[key][2:].replace("-", "_"): value for key, value in typed.items()},
        **term_typed,
        term=term,
        remove_term=" ".join(removed),
    )
    if term_typed and not term:
        first = next(iter(term_typed))
        fail(f"{_TERM_OPTIONS[first]} needs --term NAME (the term it is for)")
    with open_db(ctx) as store:
        campaign = store.campaign()
        if campaign is None:
            fail(f"{db_path(ctx)} has no campaign yet; run `bargain init`")
        if not typed and not term and not removed:
            _print(campaign, fmt)
            return
        terms = {term: term_typed} if term else None
        _, problems = check_settings(campaign, typed, terms, removed)
        if problems:
            key, message = next(iter(problems.items()))
            fail(f"{_option_of(key, removed)}: {message}")
        try:
            event, changes = change_settings(store, typed, terms, removed)
        except DomainError as refusal:
            fail(str(refusal))
    if event is None:
        click.echo("Nothing changed: every setting given already has that value.")
        return
    click.echo("Changed the settings:")
    for change in changes:
        click.echo(f"  {change}")


def _option_of(key: str, removed: tuple[str, ...]) -> str:
    """The option that set the value a problem is about (`terms.NAME.unit` -> `--unit`)."""
    if key in _OPTIONS:
        return _OPTIONS[key]
    parts = key.split(".")
    if len(parts) == 3 and parts[2] in _TERM_OPTIONS:
        return _TERM_OPTIONS[parts[2]]
    if len(parts) == 2:
        return "--remove-term" if parts[1] in removed else "--term"
    return key


def _print(campaign: object, fmt: str) -> None:
    from models.domain import Campaign
    from models.settings import FIELDS, flat_settings, format_number, settings_json

    assert isinstance(campaign, Campaign)
    if fmt == "json":
        click.echo(json.dumps(settings_json(campaign), ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    flat = flat_settings(campaign)
    table = Table("Setting", "Option", "Value", title="Campaign settings")
    for key, label in FIELDS:
        table.add_row(label, _OPTIONS[key], flat[key] or "(none)")
    console = Console()
    console.print(table)
    terms = Table("Term", "Label", "Unit", "Cost per unit", "Better", title="Numeric terms")
    for name, setting in campaign.terms.items():
        terms.add_row(
            name, setting.label, setting.unit, format_number(setting.cost_per_unit), setting.better
        )
    if campaign.terms:
        console.print(terms)
    else:
        console.print("No numeric term is named yet (--term NAME --label TEXT ...).")
