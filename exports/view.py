"""What every template is given: the snapshot, the words of its language, and lines built once.

Templates (built in or the user's) receive:

- `recap`: the `RecapSnapshot` itself (a member snapshot holds no team-only data);
- `t`: the headings and labels of the language; `fmt`: its dates, times and sentences
  (`fmt.time(moment)`, `fmt.date(day)`, `fmt.articles(refs)`, `fmt.duration(minutes)`...);
- `lang`, `audience`, and lines built from the snapshot: `title`, `subject`, `dateline`,
  `place`, `kind_line`, `parties_line`, `running_note`, `glance`, `board` (the opened
  articles as display strings) and `board_rows` (the same as lists), `caucus_lines`,
  `attendance_line`, `team_line`, `next_line`, `union` and `employer` (short names);
- `money`: "where the money stands" as lines (`exports.money.MoneyView`: `rows`, `headers`,
  `table_rows`, `note`...), or None when no term has a position; `chart_src`: the address of
  the money chart's picture (a `data:` URI in html, `cid:` in the .eml's HTML; "" in the
  other formats or without a chart);
- helpers: `party(side)` (the short name), `kind(proposal_kind, label)`, `who(note)`,
  `link(url)` (the address if http, https or mailto, else "");
- added per format (exports/render.py): `br(text)` (keeps line breaks), and `md_table`,
  `md_link` in Markdown, `text_table` in plain text, `sms` (the built-in text) for a text
  blast template.

Every value a template prints is escaped for its format when printed (see `exports.escape`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from exports import news
from exports.escape import safe_link
from exports.glance import glance
from exports.i18n import Words, language
from exports.money import money_view

if TYPE_CHECKING:
    from models.recap import RecapNote, RecapSnapshot, RecapTA


@dataclass(frozen=True)
class BoardLine:
    """One row of "where things stand", ready to print."""

    number: str
    title: str
    status: str
    holder: str
    since: str
    moved_today: bool


@dataclass(frozen=True)
class TALine:
    """One TA, ready to print: its articles, what was agreed, and what it hangs on."""

    articles: str
    summary: str
    condition: str


@dataclass(frozen=True)
class CaucusLine:
    """One side's caucuses in a sentence."""

    who: str
    text: str


def build_context(recap: RecapSnapshot, lang: str) -> dict[str, Any]:
    """The variables every recap template is rendered with."""
    fmt = language(lang)
    t = fmt.labels
    union, employer = recap.campaign.union, recap.campaign.employer
    session = recap.session
    shorts = {
        "union": union.short,
        "employer": employer.short,
        "joint": t["joint"],
        "mediator": t["mediator"],
        "other": "",  # an observer or a parent: the speaker's name says who
    }

    def party(side: object) -> str:
        return shorts.get(str(side), "") if side is not None else ""

    def kind(value: object, label: str = "") -> str:
        """The kind of a proposal in words ("" when its label already says it)."""
        words = t.get(f"kind_{value}", "") if value is not None else ""
        if label and str(value).casefold() in label.casefold():
            return ""
        return words

    def who(note: RecapNote) -> str:
        return fmt.who(note.speaker, party(note.party) if note.party else "")

    word = t["team_minutes"] if recap.audience == "team" else t["update"]
    title = f"{word}: {t['session']} {session.number}"
    started = session.started_at
    if session.ended_at is not None:
        hours = f"{fmt.time(started)}–{fmt.time(session.ended_at)}"
    else:
        hours = f"{fmt.time(started)}–{fmt.time(recap.as_of)}"
    dateline = f"{fmt.long_date(started)}, {hours}"
    place = session.location or (t["mode_zoom"] if session.mode == "zoom" else "")
    kind_line = ""
    if session.kind != "regular":
        kind_line = t[f"session_{session.kind}"]
        if session.mediator:
            kind_line = fmt.with_mediator(kind_line, session.mediator)
    parties_line = f"{union.name} ({union.short}) · {employer.name} ({employer.short})"
    if recap.campaign.title:
        parties_line += f" · {recap.campaign.title}"
    running_note = ""
    if session.running:
        running_note = fmt.running_note(recap.as_of)
    statuses = {
        "open": t["status_open"],
        "ta": t["status_ta"],
        "not_opened": t["status_not_opened"],
    }
    day = started.date()
    board = [
        BoardLine(
            number=row.number,
            title=row.title,
            status=statuses[row.status.value],
            holder=party(row.holder) if row.holder else "—",
            since=fmt.since(row.holding_since, day) if row.holding_since else "—",
            moved_today=row.moved_today,
        )
        for row in recap.opened_board
    ]
    caucus_lines = [
        CaucusLine(
            who=party(side.side),
            text=fmt.caucus_side(side, [c for c in recap.caucuses if c.side is side.side]),
        )
        for side in recap.caucus_sides
    ]
    attendance = recap.attendance
    ta_lines = [
        TALine(
            articles=fmt.articles(ta.articles),
            summary=ta.summary,
            condition=_condition(ta, fmt) if ta.from_package else "",
        )
        for ta in recap.tas
    ]
    present = [_member(m.name, m.role, m.site) for m in recap.team] or list(attendance.present)
    campaign = recap.campaign
    contact = ""
    if campaign.sender:
        found = re.search(r"<([^<>]+)>", campaign.sender)
        contact = fmt._(
            "Questions? Reply to this message, or write to {sender}.",
            sender=found.group(1) if found else campaign.sender,
        )
    archive = fmt._("Every recap so far: {url}", url=campaign.url) if campaign.url else ""
    next_line = ""
    if recap.next_session is not None:
        next_line = fmt.when(recap.next_session.starts)
        if recap.next_session.location:
            next_line += f" · {recap.next_session.location}"
    return {
        "recap": recap,
        "lang": fmt.code,
        "audience": recap.audience,
        "t": t,
        "fmt": fmt,
        "title": title,
        "subject": news.subject(recap, fmt),
        # Team minutes keep their own title on top (never the members' headline).
        "headline": title if recap.audience == "team" else news.headline(recap, fmt),
        "lead": "" if recap.audience == "team" else news.lead(recap, fmt),
        "suggested": news.is_suggested(recap),
        "ta_lines": ta_lines,
        "watch": campaign.watch,
        "contact_line": contact,
        "archive_line": archive,
        "won_line": fmt.join([fmt.article(ref) for ref in recap.won]),
        "glossary": fmt._(
            "Words used here: a caucus is a break in which one side meets in private; a joint "
            "sidebar is a side meeting of both teams; the ball is in the court of the side that "
            "owes the next answer."
        ),
        "dateline": dateline,
        "place": place,
        "kind_line": kind_line,
        "parties_line": parties_line,
        "running_note": running_note,
        "glance": glance(recap, fmt),
        "label": _label(fmt),
        "board": board,
        "board_rows": [[b.number, b.title, b.status, b.holder, b.since] for b in board],
        "caucus_lines": caucus_lines,
        "attendance_line": fmt.attendance(attendance.observers, attendance.sites),
        "team_line": fmt.team_present(present) if present else "",
        "next_line": next_line,
        "money": money_view(
            recap.money,
            fmt,
            party(recap.money.our_side),
            employer.short if recap.money.our_side == "union" else union.short,
            team=recap.audience == "team",
        ),
        "chart_src": "",
        "union": union.short,
        "employer": employer.short,
        "party": party,
        "kind": kind,
        "who": who,
        "link": safe_link,
    }


_PACKAGE_WORD = re.compile(r"\s*\((?:package|paquete)\)\s*$", re.IGNORECASE)


def _label(fmt: Words) -> Callable[[str], str]:
    """A proposal's label with its "(package)" said in the recap's language."""
    word = fmt.labels["kind_package"]

    def label(text: str) -> str:
        return _PACKAGE_WORD.sub(f" ({word})", text) if word != "package" else text

    return label


def _condition(ta: RecapTA, fmt: Words) -> str:
    """ "Conditional on the whole package, RUSD #5" (the label's own "(package)" dropped, and
    the label left out when the summary already names it)."""
    label = _PACKAGE_WORD.sub("", ta.proposal_label).strip()
    if not label or label.casefold() in ta.summary.casefold():
        return fmt._("conditional on the whole package")
    return fmt._("conditional on the whole package, {label}", label=label)


def _member(name: str, role: str, site: str) -> str:
    about = ", ".join(part for part in (role, site) if part)
    return f"{name} ({about})" if about else name


def words(lang: str) -> Words:
    """The language object for `lang` (re-exported for the text blast and the JSON)."""
    return language(lang)
