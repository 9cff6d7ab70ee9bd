"""The news at the top of a recap: its headline and lead, and the subject line made of them.

The comms lead's words (`recap.written`, in the snapshot) win; until they write them, both
are suggested from the day's events (`models.recap.suggest`): a side that left for a caucus
and did not return, TAs reached, an economic move, how far the table has come. The sentences
are gettext messages like every word of the recap (tools/update_catalogs.py extracts them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.recap.suggest import Suggestion, suggest

if TYPE_CHECKING:
    from exports.i18n import Words
    from models.recap import RecapSnapshot


def headline(recap: RecapSnapshot, fmt: Words) -> str:
    """The headline: the comms lead's, or the suggested one."""
    return recap.headline or suggested_headline(recap, fmt)


def lead(recap: RecapSnapshot, fmt: Words) -> str:
    """The lead paragraph: the comms lead's, or the suggested one."""
    return recap.lead or suggested_lead(recap, fmt)


def is_suggested(recap: RecapSnapshot) -> bool:
    """Whether the headline or the lead shown is a suggestion (not written yet)."""
    return not recap.headline or not recap.lead


def _side(recap: RecapSnapshot, side: object, fmt: Words) -> str:
    if str(side) == "union":
        return recap.campaign.union.short
    if str(side) == "employer":
        return recap.campaign.employer.short
    return fmt._("Both teams")


def _in_words(label: str, fmt: Words) -> str:
    word = fmt.labels["kind_package"]
    if word != "package" and label.endswith("(package)"):
        return label.removesuffix("(package)") + f"({word})"
    return label


def suggested_headline(recap: RecapSnapshot, fmt: Words) -> str:
    """A headline from the day's events, the most newsworthy first."""
    facts = suggest(recap)
    if facts.walked_out is not None:
        return fmt._(
            "{who} left the table and did not come back",
            who=_side(recap, facts.walked_out, fmt),
        )
    if facts.tas:
        if len(facts.tas) <= 2:
            return fmt._n(
                "Tentative agreement on {articles}",
                "Tentative agreements on {articles}",
                len(facts.tas),
                articles=fmt.articles(facts.tas),
            )
        return fmt._n(
            "Tentative agreement on {n} article",
            "Tentative agreements on {n} articles",
            len(facts.tas),
        )
    if facts.moves:
        sides = {p.by for p in facts.moves}
        if len(sides) > 1:
            return fmt._("Both sides put new numbers on the table")
        return fmt._(
            "{who} puts new numbers on the table", who=_side(recap, facts.moves[0].by, fmt)
        )
    t = recap.totals
    if t.articles_opened and t.articles_tad_total:
        return fmt._(
            "Session {number}: {n} of {opened} articles agreed so far",
            number=recap.session.number,
            n=t.articles_tad_total,
            opened=t.articles_opened,
        )
    return fmt._("Session {number} of bargaining", number=recap.session.number)


def suggested_lead(recap: RecapSnapshot, fmt: Words) -> str:
    """Two or three sentences from the day's events; caucus and TA are explained in passing,
    since the lead is where members first meet them."""
    facts: Suggestion = suggest(recap)
    sentences: list[str] = []
    if facts.walked_out is not None and facts.walked_out_at is not None:
        sentences.append(
            fmt._at(
                "{who} left for a caucus (a private break from the table) at {time} and did "
                "not come back before the session ended.",
                facts.walked_out_at,
                who=_side(recap, facts.walked_out, fmt),
            )
        )
    if facts.tas:
        sentences.append(
            fmt._n(
                "Both teams signed a tentative agreement (TA) on {articles}.",
                "Both teams signed tentative agreements (TAs) on {articles}.",
                len(facts.tas),
                articles=fmt.articles(facts.tas),
            )
        )
    by_side = {
        side: fmt.join([_in_words(p.label, fmt) for p in facts.moves if str(p.by) == side])
        for side in ("union", "employer")
    }
    if by_side["union"] and by_side["employer"] and len(sentences) < 2:
        sentences.append(
            fmt._(
                "Both sides put new numbers on the table: {union} in {union_labels}, "
                "{employer} in {employer_labels}.",
                union=recap.campaign.union.short,
                union_labels=by_side["union"],
                employer=recap.campaign.employer.short,
                employer_labels=by_side["employer"],
            )
        )
    elif len(sentences) < 2:
        for side, labels in by_side.items():
            if labels:
                sentences.append(
                    fmt._(
                        "{who} put new numbers on the table in {labels}.",
                        who=_side(recap, side, fmt),
                        labels=labels,
                    )
                )
    if not sentences:
        t = recap.totals
        sentences.append(
            fmt.passes(
                recap.campaign.union.short,
                t.proposals_union,
                recap.campaign.employer.short,
                t.proposals_employer,
            )
        )
    total, opened = recap.totals.articles_tad_total, recap.totals.articles_opened
    if opened and total and len(sentences) < 3:
        sentences.append(
            fmt._n(
                "{n} of the {opened} articles on the table is agreed so far.",
                "{n} of the {opened} articles on the table are agreed so far.",
                total,
                opened=opened,
            )
        )
    return " ".join(sentences[:3])


def subject(recap: RecapSnapshot, fmt: Words) -> str:
    """The e-mail's subject: the headline, after who and which session (team minutes keep
    their own subject, never the members' one)."""
    if recap.audience == "team":
        return fmt.subject(recap)
    return fmt._(
        "{union} bargaining, session {number}: {headline}",
        union=recap.campaign.union.short,
        number=recap.session.number,
        headline=headline(recap, fmt),
    )
