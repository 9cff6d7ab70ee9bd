"""One typed function per thing a user does at the table.

Each builds a journal line and hands it to `Store.record()`, which validates, writes and
commits it. The screens call these and never build lines themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from models.campaign_actions import change_settings as change_settings
from models.campaign_actions import create_campaign as create_campaign
from models.campaign_actions import drop_empty
from models.correction_actions import amend_proposal as amend_proposal
from models.correction_actions import cancel_session as cancel_session
from models.correction_actions import edit_note as edit_note
from models.correction_actions import move_agenda_item as move_agenda_item
from models.correction_actions import remove_agenda_item as remove_agenda_item
from models.correction_actions import reschedule_session as reschedule_session
from models.correction_actions import switch_note_visibility as switch_note_visibility
from models.correction_actions import undo_note as undo_note
from models.domain import (
    AgendaStatus,
    CaucusSide,
    JournalEvent,
    NoteKind,
    NoteParty,
    Party,
    ProposalKind,
    SessionKind,
    SessionMode,
    Visibility,
)
from models.errors import DomainError
from models.store import Store


def record_event(store: Store, type: str, **fields: Any) -> JournalEvent:
    """Record a `type` line of `fields`, without the empty ones (the journal's defaults fill
    them): what most actions write."""
    return store.record(drop_empty({"type": type, **fields}))


def add_article(store: Store, number: str, title: str) -> JournalEvent:
    """Add an article of the contract."""
    return store.record({"type": "article.added", "number": number, "title": title})


def rename_article(store: Store, number: str, title: str) -> JournalEvent:
    """Give an article a new title."""
    return store.record({"type": "article.renamed", "number": number, "title": title})


def import_articles(store: Store, lines: Iterable[tuple[int, Mapping[str, Any]]]) -> int:
    """Add the articles of a checked CSV (`article.added` lines numbered by their line in the
    file, as `models.article_csv` reads them): every one, or none; a refusal names its line.
    Returns how many were added."""

    def articles_only() -> Iterator[tuple[int, dict[str, Any]]]:
        for number, line in lines:
            if line.get("type") != "article.added":
                raise DomainError(f"line {number}: only articles can be imported here")
            yield number, dict(line)

    return store.record_numbered(articles_only())


def add_member(store: Store, name: str, role: str = "", site: str = "") -> JournalEvent:
    """Add a member to the team roster."""
    return record_event(store, "member.added", name=name, role=role, site=site)


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
    return record_event(
        store,
        "session.scheduled",
        session=number,
        starts=starts.isoformat(),
        location=location,
        mode=SessionMode(mode).value,
        kind=SessionKind(kind).value,
        mediator=mediator,
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
        line["next"] = drop_empty({"starts": next_starts.isoformat(), "location": next_location})
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
    return record_event(
        store,
        "agenda.item_added",
        session=number,
        title=title,
        minutes=minutes,
        articles=list(articles),
    )


def next_agenda_item(store: Store, number: int) -> JournalEvent:
    """Move the agenda on: start the next upcoming item (which closes the active one), or,
    when none is left, mark the active item done."""
    items = store.agenda(number)
    upcoming = [item for item in items if item.status is AgendaStatus.UPCOMING]
    if upcoming:
        return store.record(
            {"type": "agenda.item_started", "session": number, "item": upcoming[0].id}
        )
    active = [item for item in items if item.status is AgendaStatus.ACTIVE]
    if active:
        return store.record({"type": "agenda.item_done", "session": number, "item": active[0].id})
    if not items:
        raise DomainError(f"session {number} has no agenda yet; add an item first")
    raise DomainError(f"every agenda item of session {number} is done or skipped")


def finish_agenda_item(store: Store, number: int, position: int) -> JournalEvent:
    """Mark the agenda item at `position` done (the active one, when the session ends)."""
    items = store.agenda(number)
    item = items[position - 1].id if 1 <= position <= len(items) else position
    return store.record({"type": "agenda.item_done", "session": number, "item": item})


def skip_agenda_item(store: Store, number: int) -> JournalEvent:
    """Skip the next upcoming agenda item."""
    upcoming = [item for item in store.agenda(number) if item.status is AgendaStatus.UPCOMING]
    if not upcoming:
        raise DomainError(f"session {number} has no upcoming agenda item to skip")
    return store.record({"type": "agenda.item_skipped", "session": number, "item": upcoming[0].id})


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
    return record_event(
        store,
        "proposal.passed",
        session=session,
        by=Party(by).value,
        articles=list(articles),
        label=label,
        kind=ProposalKind(kind).value,
        summary=summary,
        internal_note=internal_note,
        embargoed=True if embargoed else None,
        link=link,
        terms=dict(terms or {}),
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
    return record_event(
        store,
        "ta.signed",
        session=session,
        articles=list(articles),
        summary=summary,
        proposal=proposal,
        initials={"union": initials_union, "employer": initials_employer},
    )


def call_caucus(
    store: Store, *, session: int, side: CaucusSide, minutes: int, purpose: str = ""
) -> JournalEvent:
    """One side (or both, a joint sidebar) leaves the table for some minutes."""
    return _caucus(store, "caucus.started", session, side, minutes=minutes, purpose=purpose)


def extend_caucus(store: Store, *, session: int, side: CaucusSide, minutes: int) -> JournalEvent:
    """Give a running caucus more minutes."""
    return _caucus(store, "caucus.extended", session, side, minutes=minutes)


def end_caucus(store: Store, *, session: int, side: CaucusSide) -> JournalEvent:
    """A side is back at the table."""
    return _caucus(store, "caucus.ended", session, side)


def _caucus(store: Store, type: str, session: int, side: CaucusSide, **fields: Any) -> JournalEvent:
    """Record a caucus event: the session, the side out (`by`), and its own fields."""
    return record_event(store, type, session=session, by=CaucusSide(side).value, **fields)


def add_note(
    store: Store,
    *,
    session: int,
    text: str,
    kind: NoteKind = NoteKind.NOTE,
    speaker: str = "",
    party: NoteParty | Party | None = None,
    visibility: Visibility | None = None,
) -> JournalEvent:
    """Take a note; without a visibility the store applies the caucus rule."""
    return record_event(
        store,
        "note.added",
        session=session,
        text=text,
        kind=NoteKind(kind).value,
        speaker=speaker,
        party=NoteParty(party).value if party else None,
        visibility=Visibility(visibility).value if visibility else None,
    )


def make_info_request(
    store: Store, *, session: int, by: Party, text: str, due: date | None = None
) -> JournalEvent:
    """One side asks the other for information, optionally by a date."""
    return record_event(
        store,
        "info_request.made",
        session=session,
        by=Party(by).value,
        text=text,
        due=due.isoformat() if due else None,
    )


def answer_info_request(
    store: Store, request_id: str, *, session: int | None = None
) -> JournalEvent:
    """Mark an information request answered."""
    return record_event(store, "info_request.answered", request=request_id, session=session)


def undo_event(store: Store, event: JournalEvent) -> JournalEvent:
    """Undo one event (`ctrl+z`: this seat's latest, once the user said yes): every view shows
    the state as if it had not happened. Refused, with the reason, when a later event depends
    on it."""
    return store.undo(event.id)


def redo(store: Store, undo: JournalEvent) -> JournalEvent:
    """Take back an undo (`ctrl+y`): the event it hid is back, if the state accepts it now."""
    if undo.type != "event.undone":
        raise DomainError(f"event {undo.id!r} is {undo.type}, not an undo: nothing to redo")
    return store.undo(undo.id)


def undone_event(store: Store, undo: JournalEvent) -> JournalEvent | None:
    """The event an undo hid (None when the journal does not hold it)."""
    return store.event(str(undo.data.get("event", "")))
