""" "Where the money stands" in words: the money table of a snapshot as lines to print.

The numbers come from `models.money` (already cut to what the audience may see); here they
are only written out in one language: positions with their units, the gap and its cost in
dollars, and each side's movement since the previous session. Numbers follow CLDR (Babel) for
the language as it is written in the United States, where there is such a variant, since the
amounts are dollars: Spanish gets es_US's 4.5% and $1,500, as members read them in the
district's Spanish mailings, not Spain's 4,5 % and 1.500 $.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from babel.core import Locale

    from exports.i18n import Words
    from models.money import MoneyTable, MoneyTerm

CURRENCY = "USD"
"""The currency a term's `cost_per_unit` is in."""
_DASH = "—"
_SPACES = str.maketrans({"\u202f": " ", "\u00a0": " "})


class MoneyRow(NamedTuple):
    """One term, ready to print."""

    label: str
    ours: str
    theirs: str
    gap: str
    gap_money: str
    ours_moved: str
    theirs_moved: str


class MoneyView(NamedTuple):
    """The section, ready to print: rows, the table's headers and cells, and its note."""

    rows: tuple[MoneyRow, ...]
    ours: str
    """Our side's short name (the column over our positions)."""
    theirs: str
    headers: tuple[str, ...]
    """The full table's headers (the gap in dollars only when a term has a cost)."""
    table_rows: tuple[tuple[str, ...], ...]
    note: str
    """Since when movement counts, and what is left out."""
    with_money: bool
    """Whether any term has a cost per unit (and so a gap in dollars)."""
    chart_alt: str
    """The chart's words for a reader who does not see it."""


def money_view(
    table: MoneyTable, fmt: Words, ours: str, theirs: str, *, team: bool
) -> MoneyView | None:
    """The money section of a recap, or None when no term has a position."""
    if not table.terms:
        return None
    rows = tuple(
        MoneyRow(
            label=term.label,
            ours=amount(fmt, term.ours, term.unit),
            theirs=amount(fmt, term.theirs, term.unit),
            gap=amount(fmt, term.gap, term.unit),
            gap_money=dollars(fmt, term.gap_money),
            ours_moved=movement(fmt, term.ours_before, term.ours, term.ours_moved, term.unit),
            theirs_moved=movement(
                fmt, term.theirs_before, term.theirs, term.theirs_moved, term.unit
            ),
        )
        for term in table.terms
    )
    with_money = any(term.cost_per_unit is not None for term in table.terms)
    t = fmt.labels
    headers = [t["col_item"], ours, theirs, t["col_gap"]]
    if with_money:
        headers.append(t["col_gap_money"])
    headers += [fmt._("{party} moved", party=ours), fmt._("{party} moved", party=theirs)]
    cells = []
    for row in rows:
        line = [row.label, row.ours, row.theirs, row.gap]
        if with_money:
            line.append(row.gap_money)
        cells.append((*line, row.ours_moved, row.theirs_moved))
    if table.previous is not None:
        note = fmt._("Movement is since the end of session {n}.", n=table.previous)
    else:
        note = fmt._("Movement will show from the next session on.")
    if team:
        note += " " + fmt._("Embargoed positions are counted here (team only); supposals never.")
    else:
        note += " " + fmt._("Supposals and embargoed proposals are not counted.")
    return MoneyView(
        rows=rows,
        ours=ours,
        theirs=theirs,
        headers=tuple(headers),
        table_rows=tuple(cells),
        note=note,
        with_money=with_money,
        chart_alt=fmt._(
            "Chart: each side's position at the end of each session, {first} to {last}.",
            first=table.sessions[0] if table.sessions else "",
            last=table.sessions[-1] if table.sessions else "",
        ),
    )


def _numbers(fmt: Words) -> Locale:
    return _number_locale(fmt.code)


@lru_cache(maxsize=8)
def _number_locale(code: str) -> Locale:
    from babel.core import Locale, UnknownLocaleError

    from exports.catalog import _locale

    base = _locale(code)
    if base.territory:
        return base
    try:
        return Locale.parse(f"{base.language}_US")
    except (UnknownLocaleError, ValueError):
        return base


def number(fmt: Words, value: float, *, signed: bool = False) -> str:
    """A position as the language writes it: 3.5, 1,200 (es: 3,5, 1.200)."""
    from babel.numbers import format_decimal

    pattern = "+#,##0.##;-#,##0.##" if signed else "#,##0.##"
    return format_decimal(value, pattern, locale=_numbers(fmt)).translate(_SPACES)


def amount(fmt: Words, value: float | None, unit: str, *, signed: bool = False) -> str:
    """A value with its unit: 3.5%, $1,500, 12 weeks; a dash for none."""
    if value is None:
        return _DASH
    if unit == "%":
        from babel.numbers import format_percent

        pattern = _numbers(fmt).percent_formats[None].pattern.replace("#,##0", "#,##0.##")
        if signed:
            pattern = f"+{pattern};-{pattern}"
        return format_percent(value / 100, pattern, locale=_numbers(fmt)).translate(_SPACES)
    if unit == "$":
        return dollars(fmt, value, signed=signed)
    shown = number(fmt, value, signed=signed)
    return f"{shown} {unit}" if unit else shown


def dollars(fmt: Words, value: float | None, *, signed: bool = False) -> str:
    """Dollars as the language writes them, cents only when there are some: $1,200,000."""
    if value is None:
        return _DASH
    from babel.numbers import format_currency

    pattern = _numbers(fmt).currency_formats["standard"].pattern.split(";")[0]
    if float(value).is_integer():
        pattern = pattern.replace("#,##0.00", "#,##0")
    if signed:
        pattern = f"+{pattern};-{pattern}"
    text = format_currency(
        value, CURRENCY, pattern, locale=_numbers(fmt), currency_digits=False
    ).translate(_SPACES)
    return text.replace("US$", "$")


def movement(
    fmt: Words, before: float | None, now: float | None, moved: float | None, unit: str
) -> str:
    """A side's move since the previous session: +0.5%, no change, new, or a dash."""
    if now is None:
        return _DASH
    if before is None:
        return fmt.labels["moved_new"]
    if not moved:
        return fmt.labels["moved_none"]
    return amount(fmt, moved, unit, signed=True)


def chart_terms(table: MoneyTable, limit: int = 4) -> tuple[MoneyTerm, ...]:
    """The terms a chart draws: those where both sides have a position (at most `limit`),
    else those with any; the chart's numbers are their series and nothing else."""
    both = [t for t in table.terms if t.ours is not None and t.theirs is not None]
    return tuple((both or list(table.terms))[:limit])
