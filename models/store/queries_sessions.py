"""The store's reads of the sessions: their marks, agendas, caucuses, notes and requests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from models.rules import (
    caucus_due_back,
)
from models.store.connection import Connection
from models.store.queries import instant, session_seq
from models.timeutil import parse_instant
from models.vocabulary import (
    AgendaStatus,
    CaucusSide,
    NoteKind,
    NoteParty,
    Party,
    SessionKind,
    SessionMode,
    Visibility,
)

if TYPE_CHECKING:
    from models.domain import (
        AgendaItem,
        Attendance,
        Caucus,
        InfoRequest,
        Note,
        Session,
    )


ANSWER_OF_REQUEST = "a.type = 'info_request.answered' AND a.subject = r.seq AND a.undone = 0"
"""SQL: event `a` is the standing answer to information request `r`."""


def sessions(db: Connection) -> list[Session]:
    """Every scheduled session, by number, with its start, end and next session."""
    return [_session(fields) for fields in _session_fields(db)]


def _one_session(db: Connection, number: int, marks: dict[int, dict[str, str]]) -> Session:
    return _session(next(_session_fields(db, number, marks)))


def _session_marks(db: Connection) -> dict[int, dict[str, str]]:
    """Per session number: when it was last started and ended, and the ended event's
    data (the next session and the call to action)."""
    marks: dict[int, dict[str, str]] = {}
    for kind, number, at, data in db.query(
        "SELECT type, session, at, data FROM events WHERE type IN"
        " ('session.started', 'session.ended', 'session.cancelled') AND undone = 0 ORDER BY seq"
    ):
        marks.setdefault(number, {})[kind] = at
        if kind == "session.ended":
            marks[number]["ended_data"] = data
    return marks


def _session_fields(
    db: Connection, only: int | None = None, marks: dict[int, dict[str, str]] | None = None
) -> Iterator[dict[str, Any]]:
    """The fields of every session (or of session `only`); `next` is (starts,
    location) or None."""
    if marks is None:
        marks = _session_marks(db)
    one = " AND number = ?" if only is not None else ""
    rows = db.query(
        "SELECT number, starts, location, mode, kind, mediator FROM sessions"
        f" WHERE undone = 0{one} ORDER BY number",
        (only,) if only is not None else (),
    )
    for number, starts, location, mode, kind, mediator in rows:
        mark = marks.get(number, {})
        ended = json.loads(mark["ended_data"]) if "ended_data" in mark else {}
        next_session = ended.get("next")
        yield {
            "number": number,
            "starts": instant(starts),
            "location": location,
            "mode": SessionMode(mode),
            "kind": SessionKind(kind),
            "mediator": mediator,
            "started_at": instant(mark["session.started"]) if "session.started" in mark else None,
            "ended_at": instant(mark["session.ended"]) if "session.ended" in mark else None,
            "next": (
                parse_instant(next_session["starts"]),
                next_session.get("location", "") or "",
            )
            if next_session
            else None,
            "call_to_action": ended.get("call_to_action", "") or "",
            "cancelled_at": (
                instant(mark["session.cancelled"]) if "session.cancelled" in mark else None
            ),
        }


def _session(fields: dict[str, Any]) -> Session:
    """A session from `_session_fields`' fields."""
    from models.domain import NextSession, Session

    upcoming = fields["next"]
    if upcoming is not None:
        fields["next"] = NextSession(starts=upcoming[0], location=upcoming[1])
    return Session(**fields)


def session(db: Connection, number: int) -> Session:
    """One session by number; refused with the known numbers when it does not exist."""
    for session in sessions(db):
        if session.number == number:
            return session
    session_seq(db, number)
    raise AssertionError("unreachable")


def running_session_number(db: Connection) -> int | None:
    row = db.one(
        "SELECT s.session FROM events s WHERE s.type = 'session.started' AND s.undone = 0"
        " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.type = 'session.ended'"
        " AND e.session = s.session AND e.undone = 0) ORDER BY s.seq DESC LIMIT 1"
    )
    return int(row[0]) if row else None


def current_session(db: Connection) -> Session | None:
    """The running session, else the latest started one, else the first scheduled (and not
    cancelled).

    Chosen from the start and end marks alone; only that session is read whole (the
    console asks at start-up, and a campaign holds a hundred sessions and more)."""
    marks = _session_marks(db)
    numbers = [
        number
        for (number,) in db.query("SELECT number FROM sessions WHERE undone = 0 ORDER BY number")
    ]
    if not numbers:
        return None
    started = [n for n in numbers if "session.started" in marks.get(n, {})]
    running = [n for n in started if "session.ended" not in marks[n]]
    if running:
        return _one_session(db, running[-1], marks)
    if started:
        latest = max(started, key=lambda n: instant(marks[n]["session.started"]))
        return _one_session(db, latest, marks)
    held = [n for n in numbers if "session.cancelled" not in marks.get(n, {})]
    return _one_session(db, (held or numbers)[0], marks)


def attendance(db: Connection, session: int) -> Attendance:
    """The latest attendance recorded for a session (empty when none)."""
    from models.domain import Attendance

    return Attendance(**_attendance_fields(db, session))


def _attendance_fields(db: Connection, session: int) -> dict[str, Any]:
    row = db.one(
        "SELECT data FROM events WHERE type = 'attendance.recorded' AND session = ?"
        " AND undone = 0 ORDER BY seq DESC LIMIT 1",
        (session,),
    )
    if row is None:
        return {"session": session}
    line = json.loads(row[0])
    return {
        "session": session,
        "present": tuple(line.get("present") or ()),
        "observers": int(line.get("observers") or 0),
        "sites": int(line.get("sites") or 0),
    }


def agenda(db: Connection, session: int) -> list[AgendaItem]:
    """A session's agenda in order, each item with its status and actual times."""
    from models.domain import AgendaItem
    from models.store.queries_corrections import agenda_order

    rows = {
        row[0]: row
        for row in db.query(
            "SELECT a.seq, a.title, a.minutes, a.articles, e.id FROM agenda_items a JOIN events e"
            " ON e.seq = a.seq WHERE a.session = ? AND a.undone = 0",
            (session,),
        )
    }
    items = [rows[seq] for seq in agenda_order(db, session)]
    state: dict[int, dict[str, Any]] = {
        seq: {"status": AgendaStatus.UPCOMING, "started_at": None, "ended_at": None}
        for seq, *_ in items
    }
    active: int | None = None
    for kind, subject, at in db.query(
        "SELECT type, subject, at FROM events WHERE session = ? AND type IN"
        " ('agenda.item_started', 'agenda.item_done', 'agenda.item_skipped')"
        " AND undone = 0 ORDER BY seq",
        (session,),
    ):
        if subject not in state:
            continue
        item = state[subject]
        if kind == "agenda.item_started":
            if active is not None and active != subject:
                state[active].update(status=AgendaStatus.DONE, ended_at=at)
            item.update(status=AgendaStatus.ACTIVE, started_at=at, ended_at=None)
            active = subject
        elif kind == "agenda.item_done":
            item.update(status=AgendaStatus.DONE, ended_at=at)
            active = None if active == subject else active
        else:
            item.update(status=AgendaStatus.SKIPPED)
    return [
        AgendaItem(
            session=session,
            position=index,
            title=title,
            minutes=minutes,
            articles=tuple(json.loads(articles)),
            status=state[seq]["status"],
            started_at=instant(state[seq]["started_at"]) if state[seq]["started_at"] else None,
            ended_at=instant(state[seq]["ended_at"]) if state[seq]["ended_at"] else None,
            id=event_id,
        )
        for index, (seq, title, minutes, articles, event_id) in enumerate(items, start=1)
    ]


def caucuses(
    db: Connection, session: int | None = None, *, open_only: bool = False
) -> list[Caucus]:
    """Caucuses (all, or one session's) in journal order, with due-back and end: each
    extension counts from the instant it was given (DESIGN.md, "Overdue extension";
    `rules.caucus_due_back`)."""
    from models.domain import Caucus

    return [Caucus(**fields) for fields in _caucus_fields(db, session, open_only)]


def _caucus_fields(
    db: Connection, session: int | None, open_only: bool
) -> Iterator[dict[str, Any]]:
    where = "c.undone = 0" + (" AND c.session = ?" if session is not None else "")
    params = () if session is None else (session,)
    rows = db.query(
        "SELECT c.seq, e.id, c.session, c.side, c.minutes, c.purpose, c.at,"
        " (SELECT x.at FROM events x WHERE x.type = 'caucus.ended' AND x.subject = c.seq"
        "  AND x.undone = 0)"
        f" FROM caucuses c JOIN events e ON e.seq = c.seq WHERE {where} ORDER BY c.seq",
        params,
    )
    extensions: dict[int, list[tuple[datetime, int]]] = {}
    for caucus, at, minutes in db.query(
        "SELECT subject, at, json_extract(data, '$.minutes') FROM events"
        " WHERE type = 'caucus.extended' AND undone = 0"
        f" AND subject IN (SELECT c.seq FROM caucuses c WHERE {where}) ORDER BY seq",
        params,
    ):
        extensions.setdefault(caucus, []).append((instant(at), int(minutes)))
    for seq, event_id, number, side, minutes, purpose, at, ended in rows:
        if open_only and ended:
            continue
        added = extensions.get(seq, [])
        started = instant(at)
        yield {
            "id": event_id,
            "session": number,
            "side": CaucusSide(side),
            "minutes": minutes,
            "purpose": purpose,
            "started_at": started,
            "due_back": caucus_due_back(started, minutes, added),
            "extended_minutes": sum(minutes for _at, minutes in added),
            "ended_at": instant(ended) if ended else None,
        }


def notes(db: Connection, session: int | None = None, *, limit: int | None = None) -> list[Note]:
    """Notes ordered by (time, journal order); with `limit`, the latest ones."""
    from models.domain import Note

    return [Note(**fields) for fields in _note_fields(db, session, limit)]


def _note_fields(
    db: Connection, session: int | None, limit: int | None
) -> Iterator[dict[str, Any]]:
    where = "undone = 0" + (" AND n.session = ?" if session is not None else "")
    params: list[object] = [] if session is None else [session]
    sql = (
        "SELECT n.seq, e.id, n.session, n.at, n.text, n.kind, n.speaker, n.party,"
        " n.visibility, n.seat, EXISTS (SELECT 1 FROM events x WHERE x.type = 'note.edited'"
        "  AND x.subject = n.seq AND x.undone = 0)"
        f" FROM notes n JOIN events e ON e.seq = n.seq WHERE n.{where}"
        " ORDER BY n.at_us DESC, n.seq DESC"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    rows = db.query(sql, params)
    rows.reverse()
    return (
        {
            "id": event_id,
            "session": number,
            "at": instant(at),
            "text": text,
            "kind": NoteKind(kind),
            "speaker": speaker,
            "party": NoteParty(party) if party else None,
            "visibility": Visibility(visibility),
            "seat": seat,
            "edited": bool(edited),
        }
        for _seq, event_id, number, at, text, kind, speaker, party, visibility, seat, edited in rows
    )


def info_requests(db: Connection) -> list[InfoRequest]:
    """Every information request in journal order, with when it was answered."""
    from models.domain import InfoRequest

    return [InfoRequest(**fields) for fields in _info_request_fields(db)]


def open_request_dues(db: Connection) -> list[date | None]:
    """The due date (or None) of every information request not yet answered."""
    return [
        date.fromisoformat(due) if due else None
        for (due,) in db.query(
            "SELECT r.due FROM info_requests r WHERE r.undone = 0 AND NOT EXISTS"
            f" (SELECT 1 FROM events a WHERE {ANSWER_OF_REQUEST}) ORDER BY r.seq"
        )
    ]


def _info_request_fields(db: Connection) -> Iterator[dict[str, Any]]:
    rows = db.query(
        "SELECT e.id, r.session, r.side, r.text, r.at, r.due, a.at, a.session"
        " FROM info_requests r JOIN events e ON e.seq = r.seq LEFT JOIN events a"
        f" ON {ANSWER_OF_REQUEST}"
        " WHERE r.undone = 0 ORDER BY r.seq"
    )
    return (
        {
            "id": event_id,
            "session": number,
            "by": Party(side),
            "text": text,
            "at": instant(at),
            "due": date.fromisoformat(due) if due else None,
            "answered_at": instant(answered) if answered else None,
            "answered_session": answered_session,
        }
        for event_id, number, side, text, at, due, answered, answered_session in rows
    )
