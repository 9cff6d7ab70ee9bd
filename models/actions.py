"""One typed function per thing a user does at the table.

Each builds a journal line and hands it to `Store.record()`, which validates, writes and
commits it. The screens call these and never build lines themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from models.domain import (
    AgendaStatus,
    CaucusSide,
    JournalEvent,
    NoteKind,
    Party,
    ProposalKind,
    SessionKind,
    SessionMode,
    Visibility,
)
from models.errors import DomainError
from models.store import Store


def _drop_empty(line: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in line.items() if value not in (None, "", [], {}, ())}


def create_campaign(
    store: Store,
    *,
    union: str,
    union_short: str,
    employer: str,
    employer_short: str,
    timezone: str,
    our_side: Party = Party.UNION,
    title: str = "",
) -> JournalEvent:
    """Start the campaign: the two parties, the timezone, and which side we are on."""
    return store.record(
        _drop_empty(
            {
                "type": "campaign.created",
                "union": {"name": union, "short": union_short},
                "employer": {"name": employer, "short": employer_short},
                "timezone": timezone,
                "our_side": Party(our_side).value,
                "title": title,
            }
        )
    )


def change_settings(
    store: Store,
    typed: Mapping[str, str] | None = None,
    terms: Mapping[str, Mapping[str, str]] | None = None,
    removed: Iterable[str] = (),
) -> tuple[JournalEvent | None, tuple[str, ...]]:
    """Change campaign settings (see `models.settings.check_settings`): one `campaign.updated`
    with only what changed, and what changed for people; nothing is recorded when nothing
    changed. A bad value is refused with the first problem, naming its field."""
    from models.settings import check_settings

    campaign = store.campaign()
    if campaign is None:
        raise DomainError("there is no campaign yet; run `bargain init`")
    removed = tuple(removed)
    change, problems = check_settings(campaign, typed, terms, removed)
    if change is None:
        raise DomainError(next(iter(problems.values())))
    if not change.changes:
        return None, ()
    return store.record(change.line), change.changes


def add_article(store: Store, number: str, title: str) -> JournalEvent:
    """Add an article of the contract."""
    return store.record({"type": "article.added", "number": number, "title": title})


def rename_article(store: Store, number: str, title: str) -> JournalEvent:
    """Give an article a new title."""
    return store.record({"type": "article.renamed", "number": number, "title": title})


def import_articles(store: Store, rows: Sequence[tuple[str, str]]) -> list[JournalEvent]:
    """Add several articles at once: all of them, or none."""
    return store.record_many(
        {"type": "article.added", "number": number, "title": title} for number, title in rows
    )


def add_member(store: Store, name: str, role: str = "", site: str = "") -> JournalEvent:
    """Add a member to the team roster."""
    return store.record(
        _drop_empty({"type": "member.added", "name": name, "role": role, "site": site})
    )


def schedule_session(
    store: Store,
    *,
    number: int | None = None,
    starts: datetime,
    location: str = "",
    mode: SessionMode = SessionMode.IN_PERSON,
    kind: SessionKind = SessionKind.REGULAR,
    mediator: str = "",
) -> JournalEvent:
    """Schedule a session; without a number, the next one after the highest."""
    if number is None:
        number = max((s.number for s in store.sessions()), default=0) + 1
    return store.record(
        _drop_empty(
            {
                "type": "session.scheduled",
                "session": number,
                "starts": starts.isoformat(),
                "location": location,
                "mode": SessionMode(mode).value,
                "kind": SessionKind(kind).value,
                "mediator": mediator,
            }
        )
    )


def start_session(store: Store, number: int) -> JournalEvent:
    """Start a session: its clock runs from now."""
    return store.record({"type": "session.started", "session": number})


def end_session(
    store: Store,
    number: int,
    *,
    next_starts: datetime | None = None,
    next_location: str = "",
    call_to_action: str = "",
) -> JournalEvent:
    """End a session, with the next session's date and place and a call to action."""
    line: dict[str, Any] = {"type": "session.ended", "session": number}
    if next_starts is not None:
        line["next"] = _drop_empty({"starts": next_starts.isoformat(), "location": next_location})
    if call_to_action.strip():
        line["call_to_action"] = call_to_action
    event = store.record(line)
    store.backup(reason=f"session-{number}-ended")
    return event


def record_attendance(
    store: Store, number: int, *, present: Iterable[str] = (), observers: int = 0, sites: int = 0
) -> JournalEvent:
    """Who was there: the team present, how many observers, how many sites represented."""
    return store.record(
        {
            "type": "attendance.recorded",
            "session": number,
            "present": list(present),
            "observers": observers,
            "sites": sites,
        }
    )


def add_agenda_item(
    store: Store,
    number: int,
    title: str,
    *,
    minutes: int | None = None,
    articles: Sequence[str] = (),
) -> JournalEvent:
    """Add an item at the end of a session's agenda."""
    return store.record(
        _drop_empty(
            {
                "type": "agenda.item_added",
                "session": number,
                "title": title,
                "minutes": minutes,
                "articles": list(articles),
            }
        )
    )


def next_agenda_item(store: Store, number: int) -> JournalEvent:
    """Move the agenda on: start the next upcoming item (which closes the active one), or,
    when none is left, mark the active item done."""
    items = store.agenda(number)
    upcoming = [item for item in items if item.status is AgendaStatus.UPCOMING]
    if upcoming:
        return store.record(
            {"type": "agenda.item_started", "session": number, "item": upcoming[0].position}
        )
    active = [item for item in items if item.status is AgendaStatus.ACTIVE]
    if active:
        return store.record(
            {"type": "agenda.item_done", "session": number, "item": active[0].position}
        )
    if not items:
        raise DomainError(f"session {number} has no agenda yet; add an item first")
    raise DomainError(f"every agenda item of session {number} is done or skipped")


def skip_agenda_item(store: Store, number: int) -> JournalEvent:
    """Skip the next upcoming agenda item."""
    upcoming = [item for item in store.agenda(number) if item.status is AgendaStatus.UPCOMING]
    if not upcoming:
        raise DomainError(f"session {number} has no upcoming agenda item to skip")
    return store.record(
        {"type": "agenda.item_skipped", "session": number, "item": upcoming[0].position}
    )


def pass_proposal(
    store: Store,
    *,
    session: int,
    by: Party,
    articles: Sequence[str],
    label: str,
    kind: ProposalKind = ProposalKind.COUNTER,
    summary: str = "",
    internal_note: str = "",
    embargoed: bool = False,
    link: str = "",
    terms: Mapping[str, float] | None = None,
) -> JournalEvent:
    """Log a proposal passed across the table."""
    return store.record(
        _drop_empty(
            {
                "type": "proposal.passed",
                "session": session,
                "by": Party(by).value,
                "articles": list(articles),
                "label": label,
                "kind": ProposalKind(kind).value,
                "summary": summary,
                "internal_note": internal_note,
                "embargoed": True if embargoed else None,
                "link": link,
                "terms": dict(terms or {}),
            }
        )
    )


def suggest_label(store: Store, by: Party, kind: ProposalKind, on: date | None = None) -> str:
    """A label for the next proposal of a side: "REA #4", "RUSD #2 (package)", and for a
    supposal, which is off the record and counted apart, "RUSD supposal 2"."""
    campaign = store.campaign()
    short = campaign.short(by) if campaign else Party(by).value
    on_record, supposals = store.proposal_tally(Party(by))
    kind = ProposalKind(kind)
    if kind is ProposalKind.SUPPOSAL:
        count, patterns = supposals + 1, [f"{short} supposal {{}}"]
    else:  # a number is taken whether it was a package or not
        count, patterns = on_record + 1, [f"{short} #{{}}", f"{short} #{{}} (package)"]
    while any(store.label_taken(pattern.format(count)) for pattern in patterns):
        count += 1
    return (patterns[1] if kind is ProposalKind.PACKAGE else patterns[0]).format(count)


def withdraw_proposal(store: Store, proposal_id: str) -> JournalEvent:
    """Withdraw a proposal: only the side that passed it can, so the side is taken from it."""
    for proposal in store.proposals():
        if proposal.id == proposal_id:
            return store.record(
                {"type": "proposal.withdrawn", "proposal": proposal_id, "by": proposal.by.value}
            )
    raise DomainError(f"proposal {proposal_id!r} is not in the journal (or was undone)")


def sign_ta(
    store: Store,
    *,
    session: int,
    articles: Sequence[str] = (),
    initials_union: str,
    initials_employer: str,
    summary: str = "",
    proposal: str | None = None,
) -> JournalEvent:
    """Record a TA: both spokespeople's initials on one or more articles (or a package)."""
    return store.record(
        _drop_empty(
            {
                "type": "ta.signed",
                "session": session,
                "articles": list(articles),
                "summary": summary,
                "proposal": proposal,
                "initials": {"union": initials_union, "employer": initials_employer},
            }
        )
    )


def call_caucus(
    store: Store, *, session: int, side: CaucusSide, minutes: int, purpose: str = ""
) -> JournalEvent:
    """One side (or both, a joint sidebar) leaves the table for some minutes."""
    return store.record(
        _drop_empty(
            {
                "type": "caucus.started",
                "session": session,
                "by": CaucusSide(side).value,
                "minutes": minutes,
                "purpose": purpose,
            }
        )
    )


def extend_caucus(store: Store, *, session: int, side: CaucusSide, minutes: int) -> JournalEvent:
    """Give a running caucus more minutes."""
    return store.record(
        {
            "type": "caucus.extended",
            "session": session,
            "by": CaucusSide(side).value,
            "minutes": minutes,
        }
    )


def end_caucus(store: Store, *, session: int, side: CaucusSide) -> JournalEvent:
    """A side is back at the table."""
    return store.record({"type": "caucus.ended", "session": session, "by": CaucusSide(side).value})


def add_note(
    store: Store,
    *,
    session: int,
    text: str,
    kind: NoteKind = NoteKind.NOTE,
    speaker: str = "",
    party: Party | None = None,
    visibility: Visibility | None = None,
) -> JournalEvent:
    """Take a note; without a visibility the store applies the caucus rule."""
    return store.record(
        _drop_empty(
            {
                "type": "note.added",
                "session": session,
                "text": text,
                "kind": NoteKind(kind).value,
                "speaker": speaker,
                "party": Party(party).value if party else None,
                "visibility": Visibility(visibility).value if visibility else None,
            }
        )
    )


class NoteLine(NamedTuple):
    """What a typed note line means: its kind, speaker and text."""

    kind: NoteKind
    text: str
    speaker: str = ""


_SPEAKER = re.compile(r"^\s*([^:\n]{1,60}?)\s*:\s+(.+)$", re.S)


def parse_note_line(typed: str) -> NoteLine:
    """Read the note line's marks: a leading `"` makes a quote (`"Name: words`), a leading
    `!` an action item; anything else is a plain note."""
    text = typed.strip()
    if text.startswith('"'):
        body = text[1:].strip().removesuffix('"').strip()
        match = _SPEAKER.match(body)
        if match:
            return NoteLine(NoteKind.QUOTE, match.group(2).strip(), match.group(1).strip())
        return NoteLine(NoteKind.QUOTE, body)
    if text.startswith("!"):
        return NoteLine(NoteKind.ACTION, text[1:].strip())
    return NoteLine(NoteKind.NOTE, text)


def make_info_request(
    store: Store, *, session: int, by: Party, text: str, due: date | None = None
) -> JournalEvent:
    """One side asks the other for information, optionally by a date."""
    return store.record(
        _drop_empty(
            {
                "type": "info_request.made",
                "session": session,
                "by": Party(by).value,
                "text": text,
                "due": due.isoformat() if due else None,
            }
        )
    )


def answer_info_request(
    store: Store, request_id: str, *, session: int | None = None
) -> JournalEvent:
    """Mark an information request answered."""
    return store.record(
        _drop_empty({"type": "info_request.answered", "request": request_id, "session": session})
    )


def describe_event(event: JournalEvent) -> str:
    """A one-line description of an event, for "undo this?" questions."""
    data = event.data
    kind = event.type
    if kind == "note.added":
        return f"the note “{_clip(str(data.get('text', '')))}”"
    if kind == "proposal.passed":
        return f"passing {data.get('label')}"
    if kind == "proposal.withdrawn":
        return "a withdrawal"
    if kind == "ta.signed":
        articles = data.get("articles")
        named = ", ".join(str(a) for a in articles) if isinstance(articles, list) else ""
        return "the TA" + (f" on {named}" if named else "")
    if kind.startswith("caucus."):
        verb = {
            "caucus.started": "calling",
            "caucus.extended": "extending",
            "caucus.ended": "ending",
        }[kind]
        return f"{verb} the {data.get('by')} caucus"
    if kind.startswith("agenda."):
        return {
            "agenda.item_added": f"adding agenda item “{_clip(str(data.get('title')))}”",
            "agenda.item_started": f"starting agenda item {data.get('item')}",
            "agenda.item_done": f"finishing agenda item {data.get('item')}",
            "agenda.item_skipped": f"skipping agenda item {data.get('item')}",
        }[kind]
    if kind == "session.started":
        return f"starting session {data.get('session')}"
    if kind == "session.ended":
        return f"ending session {data.get('session')}"
    if kind == "info_request.made":
        return f"the information request “{_clip(str(data.get('text', '')))}”"
    if kind == "info_request.answered":
        return "marking an information request answered"
    if kind == "event.undone":
        return "the last undo"
    if kind == "campaign.updated":
        fields = [key.replace("_", " ") for key in data if key not in ("type", "id", "at", "seat")]
        return "the settings change" + (f" ({', '.join(fields)})" if fields else "")
    return kind.replace(".", " ").replace("_", " ")


def _clip(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
