"""The write rules of the sessions: the campaign, the roster, sessions, agendas, caucuses,
notes and information requests (a handler refuses with DomainError or writes fact rows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.errors import DomainError
from models.note_rules import default_visibility
from models.store.connection import Connection, Row
from models.store.context import Applying
from models.store.queries import article_seq, campaign, latest_mark, members, session_seq, side_name
from models.store.queries_sessions import caucuses, running_session_number
from models.vocabulary import AgendaStatus

if TYPE_CHECKING:
    from models import events as ev
    from models.domain import AgendaItem, Campaign


def on_campaign_created(db: Connection, p: ev.CampaignCreated, c: Applying) -> None:
    if db.has_campaign():
        raise DomainError("this database already has its campaign; one database holds one")
    _check_timezone(p.timezone)


def on_campaign_updated(db: Connection, p: ev.CampaignUpdated, c: Applying) -> None:
    db.forget("campaign")
    if p.timezone is not None:
        _check_timezone(p.timezone)


def _check_timezone(name: str) -> None:
    from models.timeutil import zone

    zone(name)


def on_member_added(db: Connection, p: ev.MemberAdded, c: Applying) -> None:
    if p.name.casefold() in {m.name.casefold() for m in members(db)}:
        raise DomainError(f"{p.name} is already on the roster")


def on_session_scheduled(db: Connection, p: ev.SessionScheduled, c: Applying) -> None:
    if db.one("SELECT 1 FROM sessions WHERE number = ? AND undone = 0", (p.session,)):
        raise DomainError(f"session {p.session} is already scheduled; pick another number")
    c.write_fact(db, "sessions", p, number=p.session)


def on_session_started(db: Connection, p: ev.SessionStarted, c: Applying) -> None:
    c.subject = session_seq(db, p.session)
    c.refs.append(c.subject)
    if latest_mark(db, "session.started", p.session, by_session=True):
        raise DomainError(f"session {p.session} has already started")
    if latest_mark(db, "session.cancelled", p.session, by_session=True):
        raise DomainError(
            f"session {p.session} was cancelled; it cannot be started (undo the cancellation)"
        )
    running = running_session_number(db)
    if running is not None:
        raise DomainError(f"session {running} is still running; end it first")


def on_session_ended(db: Connection, p: ev.SessionEnded, c: Applying) -> None:
    c.subject = session_seq(db, p.session)
    started = latest_mark(db, "session.started", p.session, by_session=True)
    if started is None:
        raise DomainError(f"session {p.session} has not started; start it first")
    if latest_mark(db, "session.ended", p.session, by_session=True):
        raise DomainError(f"session {p.session} has already ended")
    c.refs += [c.subject, int(started[0])]


def on_attendance_recorded(db: Connection, p: ev.AttendanceRecorded, c: Applying) -> None:
    c.subject = session_seq(db, p.session)
    c.refs.append(c.subject)


def on_agenda_item_added(db: Connection, p: ev.AgendaItemAdded, c: Applying) -> None:
    c.refs.append(session_seq(db, p.session))
    c.refs += [article_seq(db, number) for number in p.articles]
    c.write_fact(db, "agenda_items", p)


def _agenda_mark(db: Connection, p: ev.AgendaItemMark, c: Applying) -> AgendaItem:
    from models.store.rules_corrections import agenda_item

    return agenda_item(db, p.session, p.item, c)


def on_agenda_item_started(db: Connection, p: ev.AgendaItemMark, c: Applying) -> None:
    item = _agenda_mark(db, p, c)
    if item.status is AgendaStatus.ACTIVE:
        raise DomainError(f"agenda item {item.position} is already under way")


def on_agenda_item_done(db: Connection, p: ev.AgendaItemMark, c: Applying) -> None:
    item = _agenda_mark(db, p, c)
    if item.status in (AgendaStatus.DONE, AgendaStatus.SKIPPED):
        raise DomainError(f"agenda item {item.position} is already {item.status.value}")


def on_agenda_item_skipped(db: Connection, p: ev.AgendaItemMark, c: Applying) -> None:
    item = _agenda_mark(db, p, c)
    if item.status is not AgendaStatus.UPCOMING:
        raise DomainError(
            f"agenda item {item.position} is {item.status.value}; only an upcoming item is skipped"
        )


def _open_caucus(db: Connection, session: int, side: str) -> Row | None:
    return db.one(
        "SELECT c.seq, c.at FROM caucuses c WHERE c.session = ? AND c.side = ?"
        " AND c.undone = 0 AND NOT EXISTS (SELECT 1 FROM events e WHERE"
        " e.type = 'caucus.ended' AND e.subject = c.seq AND e.undone = 0)",
        (session, side),
    )


def on_caucus_started(db: Connection, p: ev.CaucusStarted, c: Applying) -> None:
    c.refs.append(session_seq(db, p.session))
    if _open_caucus(db, p.session, p.by.value):
        raise DomainError(
            f"{side_name(p.by.value)} is already in caucus in session {p.session}; "
            "end or extend that one"
        )
    c.write_fact(db, "caucuses", p, side=p.by.value)


def _running_caucus(db: Connection, p: ev.CaucusExtended | ev.CaucusEnded, c: Applying) -> None:
    c.refs.append(session_seq(db, p.session))
    open_caucus = _open_caucus(db, p.session, p.by.value)
    if open_caucus is None:
        raise DomainError(f"{side_name(p.by.value)} has no caucus running in session {p.session}")
    c.subject = int(open_caucus[0])
    c.refs.append(c.subject)


def on_caucus_extended(db: Connection, p: ev.CaucusExtended, c: Applying) -> None:
    _running_caucus(db, p, c)


def on_caucus_ended(db: Connection, p: ev.CaucusEnded, c: Applying) -> None:
    _running_caucus(db, p, c)


def on_note_added(db: Connection, p: ev.NoteAdded, c: Applying) -> None:
    c.refs.append(session_seq(db, p.session))
    visibility = p.visibility
    if visibility is None:
        open_caucuses = caucuses(db, p.session, open_only=True)
        visibility = default_visibility(_campaign_now(db), open_caucuses)
        c.stored["visibility"] = visibility.value
    c.write_fact(db, "notes", p, visibility=visibility.value)


def _campaign_now(db: Connection) -> Campaign:
    """The campaign as it stands, kept for the rest of the write (a journal import adds
    thousands of notes in one); a handler that changes it forgets it."""
    cache = db.in_write if db.in_write is not None else {}
    if "campaign" not in cache:
        cache["campaign"] = campaign(db)
    found: Campaign | None = cache["campaign"]
    assert found is not None, "every event but campaign.created follows the campaign"
    return found


def on_info_request_made(db: Connection, p: ev.InfoRequestMade, c: Applying) -> None:
    c.refs.append(session_seq(db, p.session))
    c.write_fact(db, "info_requests", p, side=p.by.value)


def on_info_request_answered(db: Connection, p: ev.InfoRequestAnswered, c: Applying) -> None:
    row = db.one(
        "SELECT r.seq FROM info_requests r JOIN events e ON e.seq = r.seq"
        " WHERE e.id = ? AND r.undone = 0",
        (p.request,),
    )
    if row is None:
        raise DomainError(f"information request {p.request!r} is not in the journal")
    if latest_mark(db, "info_request.answered", row[0]):
        raise DomainError(f"information request {p.request!r} is already answered")
    if p.session is not None:
        c.refs.append(session_seq(db, p.session))
    c.subject = int(row[0])
    c.refs.append(c.subject)
