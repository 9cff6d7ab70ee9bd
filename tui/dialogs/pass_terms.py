"""The pass dialog's terms: one field for each term the campaign named in its settings (its
label and unit beside it), and a field for any other term as `name=number`."""

from __future__ import annotations

from collections.abc import Iterator

from textual.screen import Screen
from textual.widgets import Input

from models.domain import Campaign
from models.errors import DomainError
from models.terms import parse_terms
from tui.dialogs.form_fields import FieldRow

FREE_FIELD = "pass-terms"


def term_field(index: int) -> str:
    """The id of the field of the campaign's `index`-th named term."""
    return f"pass-term-{index}"


def named_term_rows(campaign: Campaign) -> Iterator[FieldRow]:
    """A row per named term, its label after the number so that it is never cut:
    `Terms [ 3.0 ] % Salary, year 1`."""
    for index, (name, setting) in enumerate(campaign.terms.items()):
        field = term_field(index)
        yield FieldRow(
            "Terms" if index == 0 else "",
            Input(placeholder="number", compact=True, id=field),
            " ".join(part for part in (setting.unit, setting.label or name) if part),
            narrow=(field,),
        )


def terms_placeholder(campaign: Campaign) -> str:
    """What the `name=number` field says it takes."""
    if campaign.terms:
        return "other terms, as name=number"
    return "salary_pct_y1=3.0 · name terms in Settings"


def read_terms(
    screen: Screen[object], campaign: Campaign, problems: dict[str, str]
) -> dict[str, float]:
    """The terms typed, named and other; a problem goes under its field in `problems`."""
    terms: dict[str, float] = {}
    for index, name in enumerate(campaign.terms):
        field = term_field(index)
        typed = screen.query_one(f"#{field}", Input).value.strip()
        if not typed:
            continue
        try:
            terms.update(parse_terms(f"{name}={typed}"))
        except DomainError:
            problems[field] = f"{typed!r} is not a number; type it like 3.0 (or leave it empty)"
    try:
        other = parse_terms(screen.query_one(f"#{FREE_FIELD}", Input).value)
    except DomainError as error:
        problems[FREE_FIELD] = str(error)
        return terms
    twice = [name for name in other if name in terms]
    if twice:
        problems[FREE_FIELD] = f"term {twice[0]} is given above already; give it once"
    return {**terms, **other}
