"""The built-in text blast: the headline, the call to action and the link to the full recap
first; the next session, then the article lists, only while there is room.

It aims at one GSM-7 segment (160 characters) when that is possible, and never goes over 320
characters as a person counts them (`exports.sms_count`); the call to action is never dropped
(it is shortened, last of all, when even the bare text is too long).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from exports.news import headline
from exports.sms_count import person_length

if TYPE_CHECKING:
    from exports.i18n import Words
    from models.board import BoardRow
    from models.recap import RecapArticleRef, RecapSnapshot

SMS_LIMIT = 320
"""Characters as a person counts them."""
SMS_TARGET = 160
"""One segment of GSM-7: what the blast aims at when it can."""


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?", "…")) else text + "."


def _clip(text: str, room: int) -> str:
    if person_length(text) <= room:
        return text
    cut = text[: max(room - 1, 0)]
    while cut and person_length(cut) > room - 1:
        cut = cut[:-1]
    return cut.rstrip(" ,;:") + "…"


def build_sms(recap: RecapSnapshot, fmt: Words) -> str:
    """The built-in text blast of `recap`, without its final newline."""
    union = recap.campaign.union.short
    head = _sentence(fmt._("{union}: {headline}", union=union, headline=headline(recap, fmt)))
    cta = _sentence(" ".join(recap.call_to_action.split()))
    said = head.split(": ", 1)[-1].rstrip(".!?…").casefold()
    if said and cta.casefold().startswith(said):  # the action opens with the headline
        cta = cta[len(said) :].lstrip(" .!?…") or cta
    url = recap.campaign.url
    link = fmt._("Full recap: {url}", url=url) if url else ""
    if person_length(link) > SMS_LIMIT // 3:
        link = ""  # an address too long for a text blast: the action matters more
    nxt = recap.next_session
    if nxt is not None:
        when = f"{fmt.labels['sms_next']}: {fmt.sms_when(nxt.starts)}"
        next_full = _sentence(f"{when}, {nxt.location}" if nxt.location else when)
        next_short = _sentence(when)
    else:
        next_full = next_short = ""
    extras = _extras(recap, fmt)

    def join(parts: Sequence[str]) -> str:
        return " ".join(p for p in parts if p)

    for limit in (SMS_TARGET, SMS_LIMIT):
        for when_text in (next_full, next_short, ""):
            base = [head, cta, when_text, link]
            if person_length(join(base)) > limit:
                continue
            chosen: list[str] = []
            for extra in extras:  # the article lists, most telling first, while they fit
                trial = [head, *chosen, extra, cta, when_text, link]
                if person_length(join(trial)) <= limit:
                    chosen.append(extra)
            return join([head, *chosen, cta, when_text, link])
    # Even the bare text is too long: shorten the headline, then the call to action.
    room = SMS_LIMIT - person_length(join([cta, link])) - 1
    head = _clip(head, max(room, 60))
    room = SMS_LIMIT - person_length(join([head, link])) - 1
    return join([head, _clip(cta, room), link]) if cta else _clip(join([head, link]), SMS_LIMIT)


def _extras(recap: RecapSnapshot, fmt: Words) -> list[str]:
    """The article lists, each in its fullest and its barest form (the fullest that fits is
    used): the TAs of the day, then who must answer on what."""

    def listed(refs: Sequence[RecapArticleRef | BoardRow], cap: int) -> str:
        shown = [r.number for r in refs[:cap]]
        if len(refs) > cap:
            return fmt.more(shown, len(refs) - cap)
        return fmt.join(shown)

    out: list[str] = []
    ta_refs = [ref for ta in recap.tas for ref in ta.articles]
    lead_is_tas = not recap.headline and not any(not c.returned for c in recap.caucuses)
    if ta_refs and not lead_is_tas:
        out.append(fmt._("TA on {articles}.", articles=listed(ta_refs, 4)))
    rows = [row for row in recap.opened_board if row.holder is not None]
    rows.sort(key=lambda r: (not r.moved_today, r.holding_since or recap.as_of))
    for party in (recap.campaign.employer, recap.campaign.union):
        mine = [r for r in rows if r.holder is party.side]
        if mine:
            out.append(fmt.sms_holds(party.short, listed(mine, 4)))
    return out
