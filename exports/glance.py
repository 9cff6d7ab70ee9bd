"""The "at a glance" paragraph: how long the session ran, who passed what, how far the TAs
have come. A number with nothing behind it is left out ("0 min in caucus", "0 of 0")."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exports.i18n import Words
    from models.recap import RecapSnapshot


def glance(recap: RecapSnapshot, fmt: Words) -> str:
    t = recap.totals
    union, employer = recap.campaign.union.short, recap.campaign.employer.short
    duration = fmt.duration(t.session_minutes)
    if recap.session.running:
        first = fmt._at(
            "The session has run {duration} so far, as of {time}.",
            recap.as_of,
            duration=duration,
        )
        first = first[:-1] if first.endswith("..") else first  # "6:00 p. m." ends it
    else:
        first = fmt._("The session ran {duration}.", duration=duration)
    parts = [first]
    if t.caucus_minutes:
        parts.append(
            fmt._(
                "Of that, {table} at the table and {caucus} in caucus.",
                table=fmt.duration(t.table_minutes),
                caucus=fmt.duration(t.caucus_minutes),
            )
        )
    parts.append(fmt.passes(union, t.proposals_union, employer, t.proposals_employer))
    total, opened = t.articles_tad_total, t.articles_opened
    of_opened = fmt._n("{n} opened article", "{n} opened articles", opened)
    if t.articles_tad_today:
        parts.append(
            fmt._n(
                "{n} article was TA'd today;",
                "{n} articles were TA'd today;",
                t.articles_tad_today,
            )
        )
        parts.append(
            fmt._n(
                "{n} of {opened} is now TA'd.",
                "{n} of {opened} are now TA'd.",
                total,
                opened=of_opened,
            )
        )
    elif total:
        parts.append(
            fmt._n(
                "No TAs today; {n} of {opened} is TA'd so far.",
                "No TAs today; {n} of {opened} are TA'd so far.",
                total,
                opened=of_opened,
            )
        )
    elif opened:
        parts.append(fmt._("No article is TA'd yet."))
    return " ".join(parts)
