"""The store's reads of the campaign, the articles, the roster and the journal itself.

Each read is a function of the open database; `models.store.Store` offers them as methods.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from models.errors import DomainError
from models.rules import (
    describe_numbers,
    natural_key,
)
from models.store.connection import Connection, Row
from models.store.order import event_fields
from models.vocabulary import (
    Party,
)

if TYPE_CHECKING:
    from models.domain import (
        Article,
        Campaign,
        JournalEvent,
        Member,
    )


_RECAP_SETTINGS = (
    ("from", "sender"),
    ("to", "recipients"),
    ("team_to", "team_recipients"),
    ("signoff", "signoff"),
    ("url", "url"),
    ("watch", "watch"),
)
"""The journal's `recap` keys and the `RecapSettings` field each one sets."""


def _setting(key: str, value: object) -> str:
    """A recap setting as recorded (an address is parsed only when an .eml is made: reading
    the settings never imports the e-mail package)."""
    return str(value or "").strip()


def instant(text: str) -> datetime:
    """A time as the store keeps it (ISO 8601 with its offset)."""
    return datetime.fromisoformat(text)


def article_seq(db: Connection, number: str) -> int:
    row = db.one("SELECT seq FROM articles WHERE number = ? AND undone = 0", (number,))
    if row is None:
        known = [r[0] for r in db.query("SELECT number FROM articles WHERE undone = 0")]
        raise DomainError(
            f"article {number} does not exist; known articles: {describe_numbers(known)}"
        )
    return int(row[0])


def session_seq(db: Connection, number: int) -> int:
    row = db.one("SELECT seq FROM sessions WHERE number = ? AND undone = 0", (number,))
    if row is None:
        known = [
            str(r[0])
            for r in db.query("SELECT number FROM sessions WHERE undone = 0 ORDER BY number")
        ]
        raise DomainError(
            f"session {number} is not scheduled; known sessions: {describe_numbers(known)}"
        )
    return int(row[0])


def campaign(db: Connection) -> Campaign | None:
    """The campaign, with every active update applied in journal order."""
    from models.domain import Campaign, PartyInfo, RecapSettings
    from models.settings import term_settings

    fields = _campaign_fields(db)
    if fields is None:
        return None
    return Campaign(
        union=PartyInfo(**fields["union"]),
        employer=PartyInfo(**fields["employer"]),
        timezone=fields["timezone"],
        title=fields.get("title", ""),
        our_side=Party(fields.get("our_side", "union")),
        recap=RecapSettings(**fields.get("recap", {})),
        embargo=fields.get("embargo", "details"),
        terms=term_settings(fields.get("terms", {})),
    )


def _campaign_fields(db: Connection) -> dict[str, Any] | None:
    rows = db.query(
        "SELECT data FROM events WHERE type IN ('campaign.created', 'campaign.updated')"
        " AND undone = 0 ORDER BY seq"
    )
    if not rows:
        return None
    fields: dict[str, Any] = {}
    for (data,) in rows:
        line = json.loads(data)
        for key in ("union", "employer", "timezone", "title", "our_side"):
            if line.get(key) is not None:
                fields[key] = line[key]
        if line.get("recap"):
            recap = dict(fields.get("recap", {}))
            for source, target in _RECAP_SETTINGS:
                if source in line["recap"]:
                    recap[target] = _setting(source, line["recap"][source])
            fields["recap"] = recap
        if line.get("terms"):
            from models.settings import merge_terms

            fields["terms"] = merge_terms(fields.get("terms", {}), line["terms"])
        embargo = (line.get("ground_rules") or {}).get("embargo")
        if embargo in ("details", "all"):
            fields["embargo"] = embargo
    return fields


def embargo_rule(db: Connection) -> str:
    """The ground rules' embargo: `details` (the default) or `all`."""
    fields = _campaign_fields(db)
    return str(fields.get("embargo", "details")) if fields else "details"


def timezone(db: Connection) -> str:
    """The campaign's IANA timezone (UTC before there is a campaign)."""
    row = db.one(
        "SELECT json_extract(data, '$.timezone') FROM events WHERE type IN"
        " ('campaign.created', 'campaign.updated') AND undone = 0"
        " AND json_extract(data, '$.timezone') IS NOT NULL ORDER BY seq DESC LIMIT 1"
    )
    return str(row[0]).strip() if row else "UTC"


def articles(db: Connection) -> list[Article]:
    """Every article, in natural order, with its latest title."""
    from models.domain import Article

    return [Article(number=number, title=title) for number, title in titles(db).items()]


def article_titles(db: Connection) -> dict[str, str]:
    """Article number to its latest title, in natural order (`articles()` as a dict)."""
    return titles(db)


def titles(db: Connection) -> dict[str, str]:
    """Article number to its latest title, in natural order."""
    titles = {
        number: title
        for number, title in db.query("SELECT number, title FROM articles WHERE undone = 0")
    }
    for (data,) in db.query(
        "SELECT data FROM events WHERE type = 'article.renamed' AND undone = 0 ORDER BY seq"
    ):
        line = json.loads(data)
        titles[str(line["number"]).strip()] = str(line["title"]).strip()
    return {number: titles[number] for number in sorted(titles, key=natural_key)}


def members(db: Connection) -> list[Member]:
    """The team roster in the order members were added."""
    from models.domain import Member

    members = []
    for (data,) in db.query(
        "SELECT data FROM events WHERE type = 'member.added' AND undone = 0 ORDER BY seq"
    ):
        line = json.loads(data)
        members.append(
            Member(
                name=str(line["name"]).strip(),
                role=(line.get("role") or "").strip(),
                site=(line.get("site") or "").strip(),
            )
        )
    return members


def events(db: Connection, *, types: Iterable[str] | None = None) -> list[JournalEvent]:
    """Journal events in order (undone ones included, marked)."""
    sql = "SELECT seq, id, type, at, seat, data, undone FROM events"
    params: tuple[str, ...] = ()
    if types is not None:
        params = tuple(types)
        sql += f" WHERE type IN ({','.join('?' * len(params))})"
    return [journal_event(row) for row in db.query(sql + " ORDER BY seq", params)]


def journal_event(row: Row) -> JournalEvent:
    from models.domain import JournalEvent

    seq, event_id, kind, at, seat, data, undone = row
    line = event_fields(json.loads(data))
    return JournalEvent(
        seq=seq,
        id=event_id,
        type=kind,
        at=instant(at),
        seat=seat,
        data=line,
        undone=bool(undone),
    )


def latest_mark(
    db: Connection, kind: str, subject_or_session: int, *, by_session: bool = False
) -> Row | None:
    """The latest active event of `kind` about a subject (or in a session, `by_session`)."""
    column = "session" if by_session else "subject"
    return db.one(
        f"SELECT seq, at FROM events WHERE type = ? AND {column} = ? AND undone = 0"
        " ORDER BY seq DESC LIMIT 1",
        (kind, subject_or_session),
    )


def side_name(side: str) -> str:
    """A side as a sentence names it."""
    return {"union": "the union", "employer": "the employer", "joint": "the joint sidebar"}[side]


def journal_lines(db: Connection) -> Iterator[str]:
    """Every event as its stored JSON line, in the shared order, `conflict: true` added to
    one the rules refused at its place."""
    with db.reading() as conn:
        rows = conn.execute("SELECT data, conflict FROM events ORDER BY seq").fetchall()
    for data, conflict in rows:
        yield data if conflict is None else data[:-1] + ',"conflict":true}'
