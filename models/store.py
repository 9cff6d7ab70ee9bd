"""The SQLite store: one file, one campaign, every change a journal event.

Every change goes through `Store.record()`: the line is checked for its shape, then against the
state, and the fact rows and the journal event are written in one `BEGIN IMMEDIATE` transaction
that is committed durably before the call returns. Undo appends `event.undone`; nothing is ever
deleted. The store is the only module with SQL in it.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from sqlite_utils import Database

from models.board import BoardRow
from models.errors import DomainError, StoreError
from models.rules import (
    Agreement,
    Move,
    caucus_due_back,
    describe_numbers,
    natural_key,
    proposal_statuses,
    standing_of,
)
from models.schema import APP_ID, known_migrations, migrations
from models.timeutil import parse_instant, to_micros, utc_now
from models.vocabulary import (
    AgendaStatus,
    ArticleStatus,
    CaucusSide,
    NoteKind,
    Party,
    ProposalKind,
    ProposalStatus,
    SessionKind,
    SessionMode,
    Visibility,
)

if TYPE_CHECKING:
    from models import events as ev
    from models.domain import (
        TA,
        AgendaItem,
        Article,
        Attendance,
        Campaign,
        Caucus,
        Draft,
        HistoryEntry,
        InfoRequest,
        JournalEvent,
        Member,
        Note,
        Proposal,
        Session,
    )

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_ENV = "BARGAIN_BUSY_TIMEOUT"


def busy_timeout_s() -> float:
    """How long a write waits for another seat's transaction: 10 s, or $BARGAIN_BUSY_TIMEOUT."""
    try:
        return max(float(os.environ.get(BUSY_TIMEOUT_ENV, "10")), 0.05)
    except ValueError:
        return 10.0


BACKUPS_KEPT = 20
SCHEMA_VERSION = len(known_migrations())

Row = tuple[Any, ...]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _side_name(side: str) -> str:
    return {"union": "the union", "employer": "the employer", "joint": "the joint sidebar"}[side]


# ------------------------------------------------------------------------------ records
#
# The facts of models.domain as plain named tuples, for the screenless paths that must not pay
# for pydantic's start-up (`bargain recap` builds its snapshot from these). Each has the fields
# of its pydantic namesake, with the same names and types, and is read with the same query.


class PartyRecord(NamedTuple):
    name: str
    short: str


class CampaignRecord(NamedTuple):
    union: PartyRecord
    employer: PartyRecord
    timezone: str
    title: str = ""
    our_side: Party = Party.UNION
    sender: str = ""
    recipients: str = ""
    signoff: str = ""


class NextSessionRecord(NamedTuple):
    starts: datetime
    location: str = ""


class SessionRecord(NamedTuple):
    number: int
    starts: datetime
    location: str
    mode: SessionMode
    kind: SessionKind
    mediator: str
    started_at: datetime | None
    ended_at: datetime | None
    next: NextSessionRecord | None
    call_to_action: str

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.ended_at is None


class AttendanceRecord(NamedTuple):
    session: int
    present: tuple[str, ...] = ()
    observers: int = 0
    sites: int = 0


class ProposalRecord(NamedTuple):
    """A proposal without its status (which would take the whole journal to tell)."""

    id: str
    session: int
    by: Party
    articles: tuple[str, ...]
    label: str
    kind: ProposalKind
    at: datetime
    summary: str
    internal_note: str
    embargoed: bool
    link: str
    terms: dict[str, float]
    withdrawn_at: datetime | None


class TARecord(NamedTuple):
    id: str
    session: int
    articles: tuple[str, ...]
    at: datetime
    summary: str
    proposal: str | None
    proposal_label: str
    from_package: bool
    initials_union: str
    initials_employer: str


class CaucusRecord(NamedTuple):
    id: str
    session: int
    side: CaucusSide
    minutes: int
    started_at: datetime
    due_back: datetime
    extended_minutes: int
    ended_at: datetime | None
    purpose: str


class NoteRecord(NamedTuple):
    id: str
    session: int
    at: datetime
    text: str
    kind: NoteKind
    speaker: str
    party: Party | None
    visibility: Visibility
    seat: str


class InfoRequestRecord(NamedTuple):
    id: str
    session: int
    by: Party
    text: str
    at: datetime
    due: date | None
    answered_at: datetime | None
    answered_session: int | None


class Store:
    """One bargaining database file, opened for reading and writing.

    Safe to share between threads: every use of the connection holds one lock.
    """

    def __init__(
        self,
        path: Path,
        *,
        create: bool = False,
        clock: Callable[[], datetime] = utc_now,
        seat: str = "",
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self.seat = seat
        self._lock = threading.RLock()
        self._in_write: dict[str, Any] | None = None
        self._campaign_seen = False
        self._cache: dict[str, Any] = {}
        self._cache_position = -1
        self._conn = _open_connection(self.path, create=create)
        try:
            self.db = Database(self._conn, execute_plugins=False)
            applied = self._check_ours()
            with _translated(self.path):
                _configure(self._conn, self.path)
            self._migrate(applied)
        except BaseException:
            self._conn.close()
            raise

    # ----------------------------------------------------------------- opening

    def _check_ours(self) -> list[str]:
        """The migrations applied to the file, once it is known to be ours and not newer.

        Reads only: a stranger's file, or a newer one, is refused before anything is written.
        """
        names = set(self._conn_tables())
        if names and "_sqlite_migrations" not in names:
            raise StoreError(
                f"{self.path} is an SQLite database of another application; "
                "open-bargaining will not change it. Choose another file with --db"
            )
        applied = [m.name for m in migrations.applied(self.db)] if names else []
        known = known_migrations()
        if names and not applied and names - {"_sqlite_migrations"}:
            raise StoreError(
                f"{self.path} is an SQLite database of another application; "
                "open-bargaining will not change it. Choose another file with --db"
            )
        if applied != known[: len(applied)]:
            raise StoreError(
                f"{self.path} was written by a newer version of open-bargaining "
                f"(schema version {len(applied)}; this version knows {len(known)}). "
                "Upgrade open-bargaining to open it"
            )
        return applied

    def _migrate(self, applied: list[str]) -> None:
        known = known_migrations()
        pending = known[len(applied) :]
        if not pending:
            return
        if applied:
            self.backup(reason=f"before-schema-{len(known)}")
        with self._write():
            migrations.apply(self.db)
            self._conn.execute(f"PRAGMA user_version = {len(known)}")

    def _conn_tables(self) -> list[str]:
        with self._reading():
            rows = self._conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            ).fetchall()
        return [row[0] for row in rows]

    def close(self) -> None:
        """Close the connection; the file is complete on disk after every commit already."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- plumbing

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, begun IMMEDIATE so two seats queue instead of failing."""
        with self._lock, _translated(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute("PRAGMA defer_foreign_keys = ON")
            self._in_write = {}
            try:
                yield self._conn
            except BaseException:
                self._conn.rollback()
                self._campaign_seen = False
                raise
            else:
                self._conn.commit()
            finally:
                self._in_write = None

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock, _translated(self.path):
            yield self._conn

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise _translate(self.path, error) from None

    def _one(self, sql: str, params: Sequence[object] = ()) -> Row | None:
        with self._lock:
            try:
                row: Row | None = self._conn.execute(sql, params).fetchone()
            except sqlite3.Error as error:
                raise _translate(self.path, error) from None
            return row

    # ----------------------------------------------------------------- changes

    def record(self, line: dict[str, Any]) -> JournalEvent:
        """Validate one change, write it with its journal event, commit, and return it.

        A line without `at` is stamped with the store's clock, and without `seat` with the
        store's seat. Refusals raise DomainError and leave the database as it was.
        """
        with self._write():
            return self._apply(line)

    def check(self, line: dict[str, Any]) -> None:
        """Validate a change exactly as record() would, then roll it back: nothing is written.

        Lets a dialog show the store's own refusal while the user is still typing.
        """
        with self._lock, _translated(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute("PRAGMA defer_foreign_keys = ON")
            self._in_write = {}
            try:
                self._apply(line)
            finally:
                self._conn.rollback()
                self._in_write = None
                self._campaign_seen = False

    def record_many(self, lines: Iterable[dict[str, Any]]) -> list[JournalEvent]:
        """Several changes in one transaction: all of them, or none."""
        with self._write():
            return [self._apply(line) for line in lines]

    def _apply(self, line: dict[str, Any]) -> JournalEvent:
        from models.domain import JournalEvent
        from models.events import parse_event

        line = dict(line)
        if "at" not in line:
            line["at"] = self.clock().isoformat()
        if "seat" not in line and self.seat:
            line["seat"] = self.seat
        payload = parse_event(line)
        if payload.type != "campaign.created" and not self._has_campaign():
            raise DomainError(
                "there is no campaign yet; run `bargain init` (or start the journal "
                "with campaign.created)"
            )
        event_id = payload.id or self._new_id()
        handler = getattr(self, "_on_" + payload.type.replace(".", "_"))
        conn = self._conn
        at_us = to_micros(payload.at)
        stored = {"type": payload.type, "id": event_id, "at": line["at"]}
        if line.get("seat"):
            stored["seat"] = line["seat"]
        stored.update((k, v) for k, v in line.items() if k not in ("type", "id", "at", "seat"))
        seq = self._next_seq()
        context = _Applying(seq=seq, at=str(line["at"]), at_us=at_us, stored=stored)
        handler(payload, context)
        try:
            conn.execute(
                "INSERT INTO events (seq, id, type, at, at_us, seat, session, subject, data,"
                " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    seq,
                    event_id,
                    payload.type,
                    str(line["at"]),
                    at_us,
                    payload.seat,
                    getattr(payload, "session", None),
                    context.subject,
                    _json(stored),
                    utc_now().isoformat(),
                ),
            )
        except sqlite3.IntegrityError:
            raise DomainError(f"event id {event_id!r} is already in the journal") from None
        if context.refs:
            conn.executemany(
                "INSERT OR IGNORE INTO event_refs (event, ref) VALUES (?, ?)",
                [(seq, ref) for ref in context.refs],
            )
        return JournalEvent.model_construct(
            seq=seq,
            id=event_id,
            type=payload.type,
            at=payload.at,
            seat=payload.seat,
            data=stored,
        )

    def _next_seq(self) -> int:
        """The journal position the event being applied will take (within the write lock)."""
        cache = self._in_write
        assert cache is not None, "events are applied inside a write transaction"
        if "next_seq" not in cache:
            row = self._one("SELECT coalesce(max(seq), 0) + 1 FROM events")
            assert row is not None
            cache["next_seq"] = int(row[0])
        seq = int(cache["next_seq"])
        cache["next_seq"] = seq + 1
        return seq

    def _new_id(self) -> str:
        return "ev-" + secrets.token_hex(6)

    # ------------------------------------------------------- lookups for rules

    def has_campaign(self) -> bool:
        """True once the database holds its campaign."""
        return self._has_campaign()

    def _has_campaign(self) -> bool:
        # The campaign can never be undone, so once seen it is there for good.
        if not self._campaign_seen:
            self._campaign_seen = (
                self._one("SELECT 1 FROM events WHERE type = 'campaign.created' AND undone = 0")
                is not None
            )
        return self._campaign_seen

    def _forget(self, key: str) -> None:
        if self._in_write is not None:
            self._in_write.pop(key, None)

    def _article_seq(self, number: str) -> int:
        row = self._one("SELECT seq FROM articles WHERE number = ? AND undone = 0", (number,))
        if row is None:
            known = [r[0] for r in self._query("SELECT number FROM articles WHERE undone = 0")]
            raise DomainError(
                f"article {number} does not exist; known articles: {describe_numbers(known)}"
            )
        return int(row[0])

    def _session_seq(self, number: int) -> int:
        row = self._one("SELECT seq FROM sessions WHERE number = ? AND undone = 0", (number,))
        if row is None:
            known = [
                str(r[0])
                for r in self._query("SELECT number FROM sessions WHERE undone = 0 ORDER BY number")
            ]
            raise DomainError(
                f"session {number} is not scheduled; known sessions: {describe_numbers(known)}"
            )
        return int(row[0])

    def _mark(self, kind: str, subject_or_session: int, *, by_session: bool = False) -> Row | None:
        column = "session" if by_session else "subject"
        return self._one(
            f"SELECT seq, at FROM events WHERE type = ? AND {column} = ? AND undone = 0"
            " ORDER BY seq DESC LIMIT 1",
            (kind, subject_or_session),
        )

    def _proposal_row(self, event_id: str) -> Row:
        row = self._one(
            "SELECT p.seq, p.side, p.kind, p.label FROM proposals p JOIN events e"
            " ON e.seq = p.seq WHERE e.id = ? AND p.undone = 0",
            (event_id,),
        )
        if row is None:
            raise DomainError(f"proposal {event_id!r} is not in the journal (or was undone)")
        return row

    def _ta_for(self, number: str) -> Row | None:
        return self._one(
            "SELECT t.seq, t.session FROM ta_articles a JOIN tas t ON t.seq = a.ta"
            " WHERE a.number = ? AND t.undone = 0",
            (number,),
        )

    def _open_caucus(self, session: int, side: str) -> Row | None:
        return self._one(
            "SELECT c.seq, c.at FROM caucuses c WHERE c.session = ? AND c.side = ?"
            " AND c.undone = 0 AND NOT EXISTS (SELECT 1 FROM events e WHERE"
            " e.type = 'caucus.ended' AND e.subject = c.seq AND e.undone = 0)",
            (session, side),
        )

    def _agenda_seqs(self, session: int) -> list[int]:
        return [
            r[0]
            for r in self._query(
                "SELECT seq FROM agenda_items WHERE session = ? AND undone = 0 ORDER BY seq",
                (session,),
            )
        ]

    # --------------------------------------------------------------- handlers

    def _on_campaign_created(self, p: ev.CampaignCreated, c: _Applying) -> None:
        if self._has_campaign():
            raise DomainError("this database already has its campaign; one database holds one")
        _check_timezone(p.timezone)

    def _on_campaign_updated(self, p: ev.CampaignUpdated, c: _Applying) -> None:
        self._forget("our_side")
        if p.timezone is not None:
            _check_timezone(p.timezone)

    def _on_article_added(self, p: ev.ArticleAdded, c: _Applying) -> None:
        if self._one("SELECT 1 FROM articles WHERE number = ? AND undone = 0", (p.number,)):
            raise DomainError(f"article {p.number} already exists; rename it instead")
        self._conn.execute(
            "INSERT INTO articles (seq, number, title) VALUES (?, ?, ?)",
            (c.seq, p.number, p.title),
        )

    def _on_article_renamed(self, p: ev.ArticleRenamed, c: _Applying) -> None:
        c.subject = self._article_seq(p.number)
        c.refs.append(c.subject)

    def _on_member_added(self, p: ev.MemberAdded, c: _Applying) -> None:
        if p.name.casefold() in {m.name.casefold() for m in self.members()}:
            raise DomainError(f"{p.name} is already on the roster")

    def _on_session_scheduled(self, p: ev.SessionScheduled, c: _Applying) -> None:
        if self._one("SELECT 1 FROM sessions WHERE number = ? AND undone = 0", (p.session,)):
            raise DomainError(f"session {p.session} is already scheduled; pick another number")
        self._conn.execute(
            "INSERT INTO sessions (seq, number, starts, location, mode, kind, mediator)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                c.seq,
                p.session,
                p.starts.isoformat(),
                p.location,
                p.mode.value,
                p.kind.value,
                p.mediator,
            ),
        )

    def _on_session_started(self, p: ev.SessionStarted, c: _Applying) -> None:
        c.subject = self._session_seq(p.session)
        c.refs.append(c.subject)
        if self._mark("session.started", p.session, by_session=True):
            raise DomainError(f"session {p.session} has already started")
        running = self._running_session_number()
        if running is not None:
            raise DomainError(f"session {running} is still running; end it first")

    def _on_session_ended(self, p: ev.SessionEnded, c: _Applying) -> None:
        c.subject = self._session_seq(p.session)
        started = self._mark("session.started", p.session, by_session=True)
        if started is None:
            raise DomainError(f"session {p.session} has not started; start it first")
        if self._mark("session.ended", p.session, by_session=True):
            raise DomainError(f"session {p.session} has already ended")
        c.refs += [c.subject, int(started[0])]

    def _on_attendance_recorded(self, p: ev.AttendanceRecorded, c: _Applying) -> None:
        c.subject = self._session_seq(p.session)
        c.refs.append(c.subject)

    def _on_agenda_item_added(self, p: ev.AgendaItemAdded, c: _Applying) -> None:
        c.refs.append(self._session_seq(p.session))
        c.refs += [self._article_seq(number) for number in p.articles]
        self._conn.execute(
            "INSERT INTO agenda_items (seq, session, title, minutes, articles)"
            " VALUES (?, ?, ?, ?, ?)",
            (c.seq, p.session, p.title, p.minutes, _json(list(p.articles))),
        )

    def _agenda_mark(self, p: ev.AgendaItemMark, c: _Applying) -> AgendaItem:
        c.refs.append(self._session_seq(p.session))
        seqs = self._agenda_seqs(p.session)
        if not 1 <= p.item <= len(seqs):
            raise DomainError(
                f"session {p.session} has no agenda item {p.item}; it has {len(seqs)}"
            )
        c.subject = seqs[p.item - 1]
        c.refs.append(c.subject)
        return self.agenda(p.session)[p.item - 1]

    def _on_agenda_item_started(self, p: ev.AgendaItemMark, c: _Applying) -> None:
        item = self._agenda_mark(p, c)
        if item.status is AgendaStatus.ACTIVE:
            raise DomainError(f"agenda item {p.item} is already under way")

    def _on_agenda_item_done(self, p: ev.AgendaItemMark, c: _Applying) -> None:
        item = self._agenda_mark(p, c)
        if item.status in (AgendaStatus.DONE, AgendaStatus.SKIPPED):
            raise DomainError(f"agenda item {p.item} is already {item.status.value}")

    def _on_agenda_item_skipped(self, p: ev.AgendaItemMark, c: _Applying) -> None:
        item = self._agenda_mark(p, c)
        if item.status is not AgendaStatus.UPCOMING:
            raise DomainError(
                f"agenda item {p.item} is {item.status.value}; only an upcoming item is skipped"
            )

    def _on_proposal_passed(self, p: ev.ProposalPassed, c: _Applying) -> None:
        c.refs.append(self._session_seq(p.session))
        for number in p.articles:
            c.refs.append(self._article_seq(number))
            ta = self._ta_for(number)
            if ta is not None and p.kind is not ProposalKind.SUPPOSAL:
                raise DomainError(
                    f"article {number} was TA'd in session {ta[1]}; "
                    "a TA'd article takes no more proposals (undo the TA first)"
                )
        if self._one(
            "SELECT 1 FROM proposals WHERE label = ? COLLATE NOCASE AND undone = 0", (p.label,)
        ):
            raise DomainError(f"label {p.label!r} is already used; give this proposal its own")
        self._conn.execute(
            "INSERT INTO proposals (seq, session, side, label, kind, summary, internal_note,"
            " embargoed, link, terms, at, at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                c.seq,
                p.session,
                p.by.value,
                p.label,
                p.kind.value,
                p.summary,
                p.internal_note,
                int(p.embargoed),
                p.link,
                _json(p.terms),
                c.at,
                c.at_us,
            ),
        )
        self._conn.executemany(
            "INSERT INTO proposal_articles (proposal, number, position) VALUES (?, ?, ?)",
            [(c.seq, number, index) for index, number in enumerate(p.articles)],
        )

    def _on_proposal_withdrawn(self, p: ev.ProposalWithdrawn, c: _Applying) -> None:
        seq, side, _kind, label = self._proposal_row(p.proposal)
        if side != p.by.value:
            raise DomainError(
                f"{label} was passed by {_side_name(side)}; only they can withdraw it"
            )
        if self._mark("proposal.withdrawn", seq):
            raise DomainError(f"{label} is already withdrawn")
        if self._one("SELECT 1 FROM tas WHERE proposal = ? AND undone = 0", (seq,)):
            raise DomainError(f"{label} is TA'd; undo the TA before withdrawing it")
        c.subject = seq
        c.refs.append(seq)

    def _on_ta_signed(self, p: ev.TASigned, c: _Applying) -> None:
        c.refs.append(self._session_seq(p.session))
        numbers = list(p.articles)
        proposal_seq: int | None = None
        if p.proposal is not None:
            proposal_seq, _side, kind, label = self._proposal_row(p.proposal)
            if self._mark("proposal.withdrawn", proposal_seq):
                raise DomainError(f"{label} was withdrawn; a TA cannot come from it")
            package = [
                r[0]
                for r in self._query(
                    "SELECT number FROM proposal_articles WHERE proposal = ? ORDER BY position",
                    (proposal_seq,),
                )
            ]
            if kind == ProposalKind.PACKAGE.value or not numbers:
                numbers += [n for n in package if n not in numbers]
            c.refs.append(proposal_seq)
            c.subject = proposal_seq
        for number in numbers:
            c.refs.append(self._article_seq(number))
            ta = self._ta_for(number)
            if ta is not None:
                raise DomainError(f"article {number} already has a TA (session {ta[1]})")
        self._conn.execute(
            "INSERT INTO tas (seq, session, proposal, summary, initials_union,"
            " initials_employer, at, at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                c.seq,
                p.session,
                proposal_seq,
                p.summary,
                p.initials["union"],
                p.initials["employer"],
                c.at,
                c.at_us,
            ),
        )
        self._conn.executemany(
            "INSERT INTO ta_articles (ta, number, position) VALUES (?, ?, ?)",
            [(c.seq, number, index) for index, number in enumerate(numbers)],
        )

    def _on_caucus_started(self, p: ev.CaucusStarted, c: _Applying) -> None:
        c.refs.append(self._session_seq(p.session))
        if self._open_caucus(p.session, p.by.value):
            raise DomainError(
                f"{_side_name(p.by.value)} is already in caucus in session {p.session}; "
                "end or extend that one"
            )
        self._conn.execute(
            "INSERT INTO caucuses (seq, session, side, minutes, purpose, at, at_us)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (c.seq, p.session, p.by.value, p.minutes, p.purpose, c.at, c.at_us),
        )

    def _running_caucus(self, p: ev.CaucusExtended | ev.CaucusEnded, c: _Applying) -> None:
        c.refs.append(self._session_seq(p.session))
        open_caucus = self._open_caucus(p.session, p.by.value)
        if open_caucus is None:
            raise DomainError(
                f"{_side_name(p.by.value)} has no caucus running in session {p.session}"
            )
        c.subject = int(open_caucus[0])
        c.refs.append(c.subject)

    def _on_caucus_extended(self, p: ev.CaucusExtended, c: _Applying) -> None:
        self._running_caucus(p, c)

    def _on_caucus_ended(self, p: ev.CaucusEnded, c: _Applying) -> None:
        self._running_caucus(p, c)

    def _on_note_added(self, p: ev.NoteAdded, c: _Applying) -> None:
        c.refs.append(self._session_seq(p.session))
        visibility = p.visibility
        if visibility is None:
            visibility = Visibility.TEAM if self._our_side_out(p.session) else Visibility.MEMBERS
            c.stored["visibility"] = visibility.value
        self._conn.execute(
            "INSERT INTO notes (seq, session, text, kind, speaker, party, visibility, seat,"
            " at, at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                c.seq,
                p.session,
                p.text,
                p.kind.value,
                p.speaker,
                p.party.value if p.party else None,
                visibility.value,
                p.seat,
                c.at,
                c.at_us,
            ),
        )

    def _our_side_out(self, session: int) -> bool:
        cache = self._in_write if self._in_write is not None else {}
        if "our_side" not in cache:
            row = self._one(
                "SELECT json_extract(data, '$.our_side') FROM events WHERE type IN"
                " ('campaign.created', 'campaign.updated') AND undone = 0"
                " AND json_extract(data, '$.our_side') IS NOT NULL ORDER BY seq DESC LIMIT 1"
            )
            cache["our_side"] = row[0] if row else Party.UNION.value
        return (
            self._one(
                "SELECT 1 FROM caucuses c WHERE c.session = ? AND c.side IN (?, 'joint')"
                " AND c.undone = 0 AND NOT EXISTS (SELECT 1 FROM events e WHERE"
                " e.type = 'caucus.ended' AND e.subject = c.seq AND e.undone = 0) LIMIT 1",
                (session, cache["our_side"]),
            )
            is not None
        )

    def _on_info_request_made(self, p: ev.InfoRequestMade, c: _Applying) -> None:
        c.refs.append(self._session_seq(p.session))
        self._conn.execute(
            "INSERT INTO info_requests (seq, session, side, text, due, at, at_us)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                c.seq,
                p.session,
                p.by.value,
                p.text,
                p.due.isoformat() if p.due else None,
                c.at,
                c.at_us,
            ),
        )

    def _on_info_request_answered(self, p: ev.InfoRequestAnswered, c: _Applying) -> None:
        row = self._one(
            "SELECT r.seq FROM info_requests r JOIN events e ON e.seq = r.seq"
            " WHERE e.id = ? AND r.undone = 0",
            (p.request,),
        )
        if row is None:
            raise DomainError(f"information request {p.request!r} is not in the journal")
        if self._mark("info_request.answered", row[0]):
            raise DomainError(f"information request {p.request!r} is already answered")
        if p.session is not None:
            c.refs.append(self._session_seq(p.session))
        c.subject = int(row[0])
        c.refs.append(c.subject)

    def _on_event_undone(self, p: ev.EventUndone, c: _Applying) -> None:
        row = self._one("SELECT seq, type, undone FROM events WHERE id = ?", (p.event,))
        if row is None:
            raise DomainError(f"event {p.event!r} is not in the journal")
        target, kind, undone = int(row[0]), str(row[1]), bool(row[2])
        if undone:
            raise DomainError(f"event {p.event!r} is already undone")
        if kind == "campaign.created":
            raise DomainError("the campaign itself cannot be undone")
        c.subject = target
        c.refs.append(target)
        self._forget("our_side")
        self._set_active(target, kind, active=False)

    # ------------------------------------------------------------------- undo

    def _set_active(self, seq: int, kind: str, *, active: bool) -> None:
        """Hide or bring back one event, checking that nothing active depends on it."""
        if active:
            missing = self._one(
                "SELECT e.id, e.type FROM event_refs r JOIN events e ON e.seq = r.ref"
                " WHERE r.event = ? AND e.undone = 1",
                (seq,),
            )
            if missing:
                raise DomainError(
                    f"cannot bring this back: it depends on {missing[1]} {missing[0]}, "
                    "which is undone; redo that first"
                )
        else:
            dependent = self._one(
                "SELECT e.id, e.type FROM event_refs r JOIN events e ON e.seq = r.event"
                " WHERE r.ref = ? AND e.undone = 0 AND e.type != 'event.undone'",
                (seq,),
            )
            if dependent:
                raise DomainError(
                    f"cannot undo it: {dependent[1]} {dependent[0]} depends on it; undo that first"
                )
        flag = 0 if active else 1
        self._conn.execute("UPDATE events SET undone = ? WHERE seq = ?", (flag, seq))
        table = _FACT_TABLES.get(kind)
        if table:
            try:
                self._conn.execute(f"UPDATE {table} SET undone = ? WHERE seq = ?", (flag, seq))
            except sqlite3.IntegrityError:
                raise DomainError(
                    "cannot bring this back: another entry now uses the same number or label"
                ) from None
        if kind == "event.undone":
            target = self._one(
                "SELECT e.seq, e.type FROM events u JOIN events e ON e.seq = u.subject"
                " WHERE u.seq = ?",
                (seq,),
            )
            assert target is not None
            self._set_active(int(target[0]), str(target[1]), active=not active)
        self._check_after_toggle(seq, kind)

    def _check_after_toggle(self, seq: int, kind: str) -> None:
        """Invariants an undo or redo could break: one open caucus a side, one running session."""
        if kind.startswith("caucus."):
            for session, side, count in self._query(
                "SELECT c.session, c.side, count(*) FROM caucuses c WHERE c.undone = 0"
                " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.type = 'caucus.ended'"
                " AND e.subject = c.seq AND e.undone = 0) GROUP BY c.session, c.side"
                " HAVING count(*) > 1"
            ):
                raise DomainError(
                    f"that would leave {_side_name(side)} in {count} caucuses at once "
                    f"in session {session}"
                )
        if kind.startswith("session."):
            running = [s.number for s in self.sessions() if s.running]
            if len(running) > 1:
                raise DomainError(
                    f"that would leave sessions {running[0]} and {running[1]} both running"
                )

    def undo(self, event_id: str, *, seat: str | None = None) -> JournalEvent:
        """Undo one event (or redo, when the event is itself an undo)."""
        line: dict[str, Any] = {"type": "event.undone", "event": event_id}
        if seat is not None:
            line["seat"] = seat
        return self.record(line)

    def last_undoable(self, seat: str | None = None) -> JournalEvent | None:
        """This seat's latest event that is not an undo and not yet undone."""
        row = self._one(
            "SELECT seq, id, type, at, seat, data, undone FROM events WHERE seat = ?"
            " AND type NOT IN ('event.undone', 'campaign.created') AND undone = 0"
            " ORDER BY seq DESC LIMIT 1",
            (self.seat if seat is None else seat,),
        )
        return _journal_event(row) if row else None

    def last_redoable(self, seat: str | None = None) -> JournalEvent | None:
        """This seat's latest undo that still stands: undoing it redoes what it undid."""
        row = self._one(
            "SELECT seq, id, type, at, seat, data, undone FROM events WHERE seat = ?"
            " AND type = 'event.undone' AND undone = 0 AND (SELECT t.type FROM events t"
            " WHERE t.seq = events.subject) != 'event.undone' ORDER BY seq DESC LIMIT 1",
            (self.seat if seat is None else seat,),
        )
        return _journal_event(row) if row else None

    def event(self, event_id: str) -> JournalEvent | None:
        """One journal event by id, undone or not."""
        row = self._one(
            "SELECT seq, id, type, at, seat, data, undone FROM events WHERE id = ?", (event_id,)
        )
        return _journal_event(row) if row else None

    # ---------------------------------------------------------------- journal

    def journal(self) -> Iterator[str]:
        """Every event as one JSON line, in journal order, as recorded."""
        with self._reading() as conn:
            rows = conn.execute("SELECT data FROM events ORDER BY seq").fetchall()
        for (data,) in rows:
            yield data

    def export_journal(self, out: IO[str]) -> int:
        """Write the journal as JSON Lines; return how many events were written."""
        count = 0
        for line in self.journal():
            out.write(line + "\n")
            count += 1
        return count

    def import_journal(self, lines: Iterable[str]) -> int:
        """Replay JSON Lines, all or nothing; the first bad line refuses the whole file.

        Raises DomainError("line N: ...") where N counts every physical line; blank lines are
        skipped.
        """

        def parsed() -> Iterator[tuple[int, dict[str, Any]]]:
            for number, text in enumerate(lines, start=1):
                if not text.strip():
                    continue
                try:
                    line = json.loads(text)
                except json.JSONDecodeError as error:
                    raise DomainError(f"line {number}: not JSON ({error.msg})") from None
                if not isinstance(line, dict):
                    raise DomainError(f"line {number}: each line must be a JSON object")
                if "at" not in line:
                    raise DomainError(f"line {number}: at is missing")
                yield number, line

        return self.record_numbered(parsed())

    def record_numbered(self, lines: Iterable[tuple[int, dict[str, Any]]]) -> int:
        """Record numbered lines in one transaction; a refusal names its line and undoes all."""
        count = 0
        with self._write():
            for number, line in lines:
                try:
                    self._apply(line)
                except DomainError as error:
                    message = str(error)
                    if not message.startswith("line "):
                        message = f"line {number}: {message}"
                    raise DomainError(message) from None
                count += 1
        return count

    def last_seq(self) -> int:
        """The journal's last position: it grows with every change any seat commits."""
        row = self._one("SELECT max(seq) FROM events")
        return int(row[0]) if row and row[0] is not None else 0

    def data_version(self) -> int:
        """SQLite's data_version: changes when another connection commits."""
        row = self._one("PRAGMA data_version")
        assert row is not None
        return int(row[0])

    # ---------------------------------------------------------------- queries

    def campaign(self) -> Campaign | None:
        """The campaign, with every active update applied in journal order."""
        from models.domain import Campaign, PartyInfo, RecapSettings

        fields = self._campaign_fields()
        if fields is None:
            return None
        return Campaign.model_construct(
            union=PartyInfo.model_construct(**fields["union"]),
            employer=PartyInfo.model_construct(**fields["employer"]),
            timezone=fields["timezone"],
            title=fields.get("title", ""),
            our_side=Party(fields.get("our_side", "union")),
            recap=RecapSettings.model_construct(**fields.get("recap", {})),
        )

    def campaign_record(self) -> CampaignRecord | None:
        """`campaign()` as a plain record."""
        fields = self._campaign_fields()
        if fields is None:
            return None
        recap = fields.get("recap", {})
        return CampaignRecord(
            union=PartyRecord(**fields["union"]),
            employer=PartyRecord(**fields["employer"]),
            timezone=fields["timezone"],
            title=fields.get("title", ""),
            our_side=Party(fields.get("our_side", "union")),
            sender=recap.get("sender", ""),
            recipients=recap.get("recipients", ""),
            signoff=recap.get("signoff", ""),
        )

    def _campaign_fields(self) -> dict[str, Any] | None:
        rows = self._query(
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
                for source, target in (
                    ("from", "sender"),
                    ("to", "recipients"),
                    ("signoff", "signoff"),
                ):
                    if source in line["recap"]:
                        recap[target] = line["recap"][source]
                fields["recap"] = recap
        return fields

    def timezone(self) -> str:
        """The campaign's IANA timezone (UTC before there is a campaign)."""
        row = self._one(
            "SELECT json_extract(data, '$.timezone') FROM events WHERE type IN"
            " ('campaign.created', 'campaign.updated') AND undone = 0"
            " AND json_extract(data, '$.timezone') IS NOT NULL ORDER BY seq DESC LIMIT 1"
        )
        return str(row[0]).strip() if row else "UTC"

    def articles(self) -> list[Article]:
        """Every article, in natural order, with its latest title."""
        from models.domain import Article

        return [
            Article.model_construct(number=number, title=title)
            for number, title in self._titles().items()
        ]

    def article_titles(self) -> dict[str, str]:
        """Article number to its latest title, in natural order (`articles()` as a dict)."""
        return self._titles()

    def _titles(self) -> dict[str, str]:
        """Article number to its latest title, in natural order."""
        titles = {
            number: title
            for number, title in self._query("SELECT number, title FROM articles WHERE undone = 0")
        }
        for (data,) in self._query(
            "SELECT data FROM events WHERE type = 'article.renamed' AND undone = 0 ORDER BY seq"
        ):
            line = json.loads(data)
            titles[str(line["number"]).strip()] = str(line["title"]).strip()
        return {number: titles[number] for number in sorted(titles, key=natural_key)}

    def moves(
        self, sessions: Collection[int] | None = None, withdrawn_by: datetime | None = None
    ) -> list[Move]:
        """Active proposals as the rules see them, in journal order.

        `sessions` keeps only those passed in these sessions; `withdrawn_by` counts only the
        withdrawals recorded at or before that instant (a board "as of" a moment).
        """
        sql = "SELECT subject FROM events WHERE type = 'proposal.withdrawn' AND undone = 0" + (
            " AND at_us <= ?" if withdrawn_by is not None else ""
        )
        withdrawn = {
            row[0]
            for row in self._query(sql, () if withdrawn_by is None else (to_micros(withdrawn_by),))
        }
        rows = self._query(
            "SELECT p.seq, p.side, p.kind, p.at, p.label, a.number, p.session FROM proposals p"
            " JOIN proposal_articles a ON a.proposal = p.seq WHERE p.undone = 0"
            " ORDER BY p.seq, a.position"
        )
        if sessions is not None:
            chosen = set(sessions)
            rows = [row for row in rows if row[6] in chosen]
        moves: list[Move] = []
        numbers: list[str] = []
        previous: Row | None = None
        for row in rows:
            if previous is not None and previous[0] != row[0]:
                moves.append(_move(previous, numbers, withdrawn))
                numbers = []
            numbers.append(row[5])
            previous = row
        if previous is not None:
            moves.append(_move(previous, numbers, withdrawn))
        return moves

    def _statuses(self) -> tuple[dict[int, ProposalStatus], dict[int, Move]]:
        moves = self.moves()
        return proposal_statuses(moves, self.agreements()), {move.seq: move for move in moves}

    def _cached(self, name: str, compute: Callable[[], Any]) -> Any:
        """A value derived from the whole journal, kept until the journal grows (every change,
        undo included, appends an event, from this seat or another)."""
        with self._lock:
            if self._in_write is not None:
                return compute()  # uncommitted state may yet be rolled back
            position = self.last_seq()
            if self._cache_position != position:
                self._cache = {}
                self._cache_position = position
            if name not in self._cache:
                self._cache[name] = compute()
            return self._cache[name]

    def agreements(self, sessions: Collection[int] | None = None) -> list[Agreement]:
        """Active TAs as the rules see them, in journal order (only these sessions' if given)."""
        rows = self._query(
            "SELECT t.seq, t.proposal, t.session, (SELECT group_concat(number, char(31)) FROM"
            " (SELECT number FROM ta_articles WHERE ta = t.seq ORDER BY position))"
            " FROM tas t WHERE t.undone = 0 ORDER BY t.seq"
        )
        chosen = None if sessions is None else set(sessions)
        return [
            Agreement(seq, tuple(numbers.split("\x1f")), proposal)
            for seq, proposal, session, numbers in rows
            if chosen is None or session in chosen
        ]

    def embargoed_labels(self) -> set[str]:
        """The labels of every active embargoed proposal."""
        return {
            row[0]
            for row in self._query("SELECT label FROM proposals WHERE undone = 0 AND embargoed = 1")
        }

    def withdrawn_between(self, start: datetime, end: datetime) -> list[str]:
        """Ids of the proposals whose withdrawal was recorded within [start, end]."""
        return [
            row[0]
            for row in self._query(
                "SELECT p.id FROM events w JOIN events p ON p.seq = w.subject"
                " WHERE w.type = 'proposal.withdrawn' AND w.undone = 0"
                " AND w.at_us BETWEEN ? AND ? ORDER BY w.seq",
                (to_micros(start), to_micros(end)),
            )
        ]

    def board(self) -> list[BoardRow]:
        """The article board: every article with its status and whose court it is in."""
        standings = standing_of(self.moves(), self.agreements())
        rows = []
        for number, title in self._titles().items():
            standing = standings.get(number)
            if standing is None:
                rows.append(BoardRow(number, title, ArticleStatus.NOT_OPENED))
            else:
                rows.append(
                    BoardRow(
                        number,
                        title,
                        standing.status,
                        standing.holder,
                        standing.holding_since,
                        standing.last_proposal,
                    )
                )
        return rows

    def proposals(
        self, session: int | None = None, *, ids: Collection[str] | None = None
    ) -> list[Proposal]:
        """Proposals (all, one session's, or those with these ids) in journal order, each with
        its status (which depends on the whole journal)."""
        from models.domain import Proposal

        statuses, by_seq = self._cached("statuses", self._statuses)
        where = "p.undone = 0"
        params: list[object] = []
        if session is not None:
            where += " AND p.session = ?"
            params.append(session)
        if ids is not None:
            wanted = list(ids)
            where += f" AND e.id IN ({','.join('?' * len(wanted))})"
            params += wanted
        rows = self._query(
            "SELECT p.seq, e.id, p.session, p.summary, p.internal_note, p.embargoed, p.link,"
            " p.terms, (SELECT w.at FROM events w WHERE w.type = 'proposal.withdrawn'"
            "  AND w.subject = p.seq AND w.undone = 0) FROM proposals p JOIN events e"
            f" ON e.seq = p.seq WHERE {where} ORDER BY p.seq",
            params,
        )
        result = []
        for seq, event_id, number, summary, note, embargoed, link, terms, withdrawn in rows:
            move = by_seq[seq]
            result.append(
                Proposal.model_construct(
                    id=event_id,
                    session=number,
                    by=move.side,
                    articles=move.articles,
                    label=move.label,
                    kind=move.kind,
                    at=_instant(move.at),
                    summary=summary,
                    internal_note=note,
                    embargoed=bool(embargoed),
                    link=link,
                    terms=json.loads(terms),
                    status=statuses.get(seq, ProposalStatus.STANDING),
                    withdrawn_at=_instant(withdrawn) if withdrawn else None,
                )
            )
        return result

    def proposal_records(
        self, session: int | None = None, *, ids: Collection[str] | None = None
    ) -> list[ProposalRecord]:
        """`proposals()` as plain records, without their status: it reads only the proposals
        asked for, where a status takes the whole journal to tell."""
        where = "p.undone = 0"
        params: list[object] = []
        if session is not None:
            where += " AND p.session = ?"
            params.append(session)
        if ids is not None:
            wanted = list(ids)
            where += f" AND e.id IN ({','.join('?' * len(wanted))})"
            params += wanted
        rows = self._query(
            "SELECT e.id, p.session, p.side, (SELECT group_concat(number, char(31)) FROM"
            " (SELECT number FROM proposal_articles WHERE proposal = p.seq ORDER BY position)),"
            " p.label, p.kind, p.at, p.summary, p.internal_note, p.embargoed, p.link, p.terms,"
            " (SELECT w.at FROM events w WHERE w.type = 'proposal.withdrawn'"
            "  AND w.subject = p.seq AND w.undone = 0) FROM proposals p JOIN events e"
            f" ON e.seq = p.seq WHERE {where} ORDER BY p.seq",
            params,
        )
        return [
            ProposalRecord(
                id=event_id,
                session=number,
                by=_PARTIES[side],
                articles=tuple(numbers.split("\x1f")) if numbers else (),
                label=label,
                kind=_KINDS[kind],
                at=_instant(at),
                summary=summary,
                internal_note=note,
                embargoed=bool(embargoed),
                link=link,
                terms=json.loads(terms),
                withdrawn_at=_instant(withdrawn) if withdrawn else None,
            )
            for (
                event_id,
                number,
                side,
                numbers,
                label,
                kind,
                at,
                summary,
                note,
                embargoed,
                link,
                terms,
                withdrawn,
            ) in rows
        ]

    def tas(self, session: int | None = None) -> list[TA]:
        """Tentative agreements (all, or one session's) in journal order."""
        from models.domain import TA

        return [TA.model_construct(**fields) for fields in self._ta_fields(session)]

    def ta_records(self, session: int | None = None) -> list[TARecord]:
        """`tas()` as plain records."""
        return [TARecord(**fields) for fields in self._ta_fields(session)]

    def _ta_fields(self, session: int | None) -> Iterator[dict[str, Any]]:
        where = "t.undone = 0" + (" AND t.session = ?" if session is not None else "")
        rows = self._query(
            "SELECT e.id, t.session, t.at, t.summary, pe.id, p.label, p.kind,"
            " t.initials_union, t.initials_employer, (SELECT group_concat(number, char(31))"
            " FROM (SELECT number FROM ta_articles WHERE ta = t.seq ORDER BY position))"
            " FROM tas t JOIN events e ON e.seq = t.seq LEFT JOIN proposals p"
            " ON p.seq = t.proposal LEFT JOIN events pe ON pe.seq = t.proposal"
            f" WHERE {where} ORDER BY t.seq",
            () if session is None else (session,),
        )
        return (
            {
                "id": event_id,
                "session": number,
                "at": _instant(at),
                "summary": summary,
                "proposal": proposal_id,
                "proposal_label": label or "",
                "from_package": kind == ProposalKind.PACKAGE.value,
                "initials_union": iu,
                "initials_employer": ie,
                "articles": tuple(numbers.split("\x1f")),
            }
            for event_id, number, at, summary, proposal_id, label, kind, iu, ie, numbers in rows
        )

    def sessions(self) -> list[Session]:
        """Every scheduled session, by number, with its start, end and next session."""
        from models.domain import NextSession, Session

        result = []
        for fields in self._session_fields():
            upcoming = fields["next"]
            if upcoming is not None:
                fields["next"] = NextSession.model_construct(
                    starts=upcoming[0], location=upcoming[1]
                )
            result.append(Session.model_construct(**fields))
        return result

    def session_records(self) -> list[SessionRecord]:
        """`sessions()` as plain records."""
        result = []
        for fields in self._session_fields():
            upcoming = fields["next"]
            if upcoming is not None:
                fields["next"] = NextSessionRecord(*upcoming)
            result.append(SessionRecord(**fields))
        return result

    def _session_fields(self) -> Iterator[dict[str, Any]]:
        """The fields of every session; `next` is (starts, location) or None."""
        marks: dict[int, dict[str, str]] = {}
        for kind, number, at, data in self._query(
            "SELECT type, session, at, data FROM events WHERE type IN"
            " ('session.started', 'session.ended') AND undone = 0 ORDER BY seq"
        ):
            marks.setdefault(number, {})[kind] = at
            if kind == "session.ended":
                marks[number]["ended_data"] = data
        for number, starts, location, mode, kind, mediator in self._query(
            "SELECT number, starts, location, mode, kind, mediator FROM sessions"
            " WHERE undone = 0 ORDER BY number"
        ):
            mark = marks.get(number, {})
            ended = json.loads(mark["ended_data"]) if "ended_data" in mark else {}
            next_session = ended.get("next")
            yield {
                "number": number,
                "starts": _instant(starts),
                "location": location,
                "mode": SessionMode(mode),
                "kind": SessionKind(kind),
                "mediator": mediator,
                "started_at": _instant(mark["session.started"])
                if "session.started" in mark
                else None,
                "ended_at": _instant(mark["session.ended"]) if "session.ended" in mark else None,
                "next": (
                    parse_instant(next_session["starts"]),
                    next_session.get("location", "") or "",
                )
                if next_session
                else None,
                "call_to_action": ended.get("call_to_action", "") or "",
            }

    def session(self, number: int) -> Session:
        """One session by number; refused with the known numbers when it does not exist."""
        for session in self.sessions():
            if session.number == number:
                return session
        self._session_seq(number)
        raise AssertionError("unreachable")

    def _running_session_number(self) -> int | None:
        row = self._one(
            "SELECT s.session FROM events s WHERE s.type = 'session.started' AND s.undone = 0"
            " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.type = 'session.ended'"
            " AND e.session = s.session AND e.undone = 0) ORDER BY s.seq DESC LIMIT 1"
        )
        return int(row[0]) if row else None

    def current_session(self) -> Session | None:
        """The running session, else the latest started one, else the first scheduled."""
        sessions = self.sessions()
        running = [s for s in sessions if s.running]
        if running:
            return running[-1]
        started = [s for s in sessions if s.started_at is not None]
        if started:
            return max(started, key=lambda s: s.started_at or s.starts)
        return sessions[0] if sessions else None

    def attendance(self, session: int) -> Attendance:
        """The latest attendance recorded for a session (empty when none)."""
        from models.domain import Attendance

        return Attendance.model_construct(**self._attendance_fields(session))

    def attendance_record(self, session: int) -> AttendanceRecord:
        """`attendance()` as a plain record."""
        return AttendanceRecord(**self._attendance_fields(session))

    def _attendance_fields(self, session: int) -> dict[str, Any]:
        row = self._one(
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

    def agenda(self, session: int) -> list[AgendaItem]:
        """A session's agenda in order, each item with its status and actual times."""
        from models.domain import AgendaItem

        items = self._query(
            "SELECT seq, title, minutes, articles FROM agenda_items WHERE session = ?"
            " AND undone = 0 ORDER BY seq",
            (session,),
        )
        state: dict[int, dict[str, Any]] = {
            seq: {"status": AgendaStatus.UPCOMING, "started_at": None, "ended_at": None}
            for seq, *_ in items
        }
        active: int | None = None
        for kind, subject, at in self._query(
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
            AgendaItem.model_construct(
                session=session,
                position=index,
                title=title,
                minutes=minutes,
                articles=tuple(json.loads(articles)),
                status=state[seq]["status"],
                started_at=_instant(state[seq]["started_at"]) if state[seq]["started_at"] else None,
                ended_at=_instant(state[seq]["ended_at"]) if state[seq]["ended_at"] else None,
            )
            for index, (seq, title, minutes, articles) in enumerate(items, start=1)
        ]

    def caucuses(self, session: int | None = None, *, open_only: bool = False) -> list[Caucus]:
        """Caucuses (all, or one session's) in journal order, with due-back and end."""
        from models.domain import Caucus

        return [
            Caucus.model_construct(**fields) for fields in self._caucus_fields(session, open_only)
        ]

    def caucus_records(
        self, session: int | None = None, *, open_only: bool = False
    ) -> list[CaucusRecord]:
        """`caucuses()` as plain records."""
        return [CaucusRecord(**fields) for fields in self._caucus_fields(session, open_only)]

    def _caucus_fields(self, session: int | None, open_only: bool) -> Iterator[dict[str, Any]]:
        where = "c.undone = 0" + (" AND c.session = ?" if session is not None else "")
        rows = self._query(
            "SELECT c.seq, e.id, c.session, c.side, c.minutes, c.purpose, c.at,"
            " (SELECT group_concat(json_extract(x.data, '$.minutes')) FROM events x"
            "  WHERE x.type = 'caucus.extended' AND x.subject = c.seq AND x.undone = 0),"
            " (SELECT x.at FROM events x WHERE x.type = 'caucus.ended' AND x.subject = c.seq"
            "  AND x.undone = 0)"
            f" FROM caucuses c JOIN events e ON e.seq = c.seq WHERE {where} ORDER BY c.seq",
            () if session is None else (session,),
        )
        for _seq, event_id, number, side, minutes, purpose, at, extensions, ended in rows:
            if open_only and ended:
                continue
            added = [int(x) for x in extensions.split(",")] if extensions else []
            started = _instant(at)
            yield {
                "id": event_id,
                "session": number,
                "side": CaucusSide(side),
                "minutes": minutes,
                "purpose": purpose,
                "started_at": started,
                "due_back": caucus_due_back(started, minutes, added),
                "extended_minutes": sum(added),
                "ended_at": _instant(ended) if ended else None,
            }

    def notes(self, session: int | None = None, *, limit: int | None = None) -> list[Note]:
        """Notes ordered by (time, journal order); with `limit`, the latest ones."""
        from models.domain import Note

        return [Note.model_construct(**fields) for fields in self._note_fields(session, limit)]

    def note_records(
        self, session: int | None = None, *, limit: int | None = None
    ) -> list[NoteRecord]:
        """`notes()` as plain records."""
        return [NoteRecord(**fields) for fields in self._note_fields(session, limit)]

    def _note_fields(self, session: int | None, limit: int | None) -> Iterator[dict[str, Any]]:
        where = "undone = 0" + (" AND n.session = ?" if session is not None else "")
        params: list[object] = [] if session is None else [session]
        sql = (
            "SELECT n.seq, e.id, n.session, n.at, n.text, n.kind, n.speaker, n.party,"
            f" n.visibility, n.seat FROM notes n JOIN events e ON e.seq = n.seq WHERE n.{where}"
            " ORDER BY n.at_us DESC, n.seq DESC"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        rows = self._query(sql, params)
        rows.reverse()
        return (
            {
                "id": event_id,
                "session": number,
                "at": _instant(at),
                "text": text,
                "kind": NoteKind(kind),
                "speaker": speaker,
                "party": Party(party) if party else None,
                "visibility": Visibility(visibility),
                "seat": seat,
            }
            for _seq, event_id, number, at, text, kind, speaker, party, visibility, seat in rows
        )

    def info_requests(self) -> list[InfoRequest]:
        """Every information request in journal order, with when it was answered."""
        from models.domain import InfoRequest

        return [InfoRequest.model_construct(**fields) for fields in self._info_request_fields()]

    def info_request_records(self) -> list[InfoRequestRecord]:
        """`info_requests()` as plain records."""
        return [InfoRequestRecord(**fields) for fields in self._info_request_fields()]

    def _info_request_fields(self) -> Iterator[dict[str, Any]]:
        rows = self._query(
            "SELECT e.id, r.session, r.side, r.text, r.at, r.due, a.at, a.session"
            " FROM info_requests r JOIN events e ON e.seq = r.seq LEFT JOIN events a"
            " ON a.type = 'info_request.answered' AND a.subject = r.seq AND a.undone = 0"
            " WHERE r.undone = 0 ORDER BY r.seq"
        )
        return (
            {
                "id": event_id,
                "session": number,
                "by": Party(side),
                "text": text,
                "at": _instant(at),
                "due": date.fromisoformat(due) if due else None,
                "answered_at": _instant(answered) if answered else None,
                "answered_session": answered_session,
            }
            for event_id, number, side, text, at, due, answered, answered_session in rows
        )

    def members(self) -> list[Member]:
        """The team roster in the order members were added."""
        from models.domain import Member

        members = []
        for (data,) in self._query(
            "SELECT data FROM events WHERE type = 'member.added' AND undone = 0 ORDER BY seq"
        ):
            line = json.loads(data)
            members.append(
                Member.model_construct(
                    name=str(line["name"]).strip(),
                    role=(line.get("role") or "").strip(),
                    site=(line.get("site") or "").strip(),
                )
            )
        return members

    def article_history(self, number: str) -> list[HistoryEntry]:
        """Every pass, withdrawal and TA touching one article, by (time, journal order)."""
        from models.domain import HistoryEntry

        self._article_seq(number)
        entries: list[tuple[int, int, HistoryEntry]] = []
        for proposal in self.proposals():
            if number not in proposal.articles:
                continue
            seq = self._one("SELECT seq FROM events WHERE id = ?", (proposal.id,))
            position = int(seq[0]) if seq else 0
            entries.append(
                (
                    to_micros(proposal.at),
                    position,
                    HistoryEntry.model_construct(
                        at=proposal.at,
                        what=f"passed ({proposal.kind.value})",
                        side=proposal.by,
                        label=proposal.label,
                        summary=proposal.summary,
                        event_id=proposal.id,
                    ),
                )
            )
            if proposal.withdrawn_at is not None:
                entries.append(
                    (
                        to_micros(proposal.withdrawn_at),
                        position,
                        HistoryEntry.model_construct(
                            at=proposal.withdrawn_at,
                            what="withdrawn",
                            side=proposal.by,
                            label=proposal.label,
                            summary="",
                            event_id=proposal.id,
                        ),
                    )
                )
        for ta in self.tas():
            if number in ta.articles:
                entries.append(
                    (
                        to_micros(ta.at),
                        0,
                        HistoryEntry.model_construct(
                            at=ta.at,
                            what="TA signed",
                            side=None,
                            label=ta.proposal_label,
                            summary=ta.summary,
                            event_id=ta.id,
                        ),
                    )
                )
        entries.sort(key=lambda entry: (entry[0], entry[1]))
        return [entry for _, _, entry in entries]

    def events(self, *, types: Iterable[str] | None = None) -> list[JournalEvent]:
        """Journal events in order (undone ones included, marked)."""
        sql = "SELECT seq, id, type, at, seat, data, undone FROM events"
        params: tuple[str, ...] = ()
        if types is not None:
            params = tuple(types)
            sql += f" WHERE type IN ({','.join('?' * len(params))})"
        return [_journal_event(row) for row in self._query(sql + " ORDER BY seq", params)]

    # ----------------------------------------------------------------- drafts

    def draft(self, seat: str | None = None) -> Draft:
        """The half-typed note of a seat (empty when none)."""
        from models.domain import Draft

        row = self._one(
            "SELECT text, team_only FROM drafts WHERE seat = ?",
            (self.seat if seat is None else seat,),
        )
        if row is None:
            return Draft.model_construct()
        return Draft.model_construct(text=row[0], team_only=bool(row[1]))

    def save_draft(self, draft: Draft, seat: str | None = None) -> None:
        """Keep a seat's half-typed note (not a journal event: nothing happened yet)."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO drafts (seat, text, team_only, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(seat) DO UPDATE SET text = excluded.text,"
                " team_only = excluded.team_only, updated_at = excluded.updated_at",
                (
                    self.seat if seat is None else seat,
                    draft.text,
                    int(draft.team_only),
                    utc_now().isoformat(),
                ),
            )

    # ---------------------------------------------------------------- backups

    def backup(self, destination: Path | None = None, *, reason: str = "manual") -> Path:
        """Copy the database (WAL included) with SQLite's backup API; keep the last 20."""
        if destination is None:
            folder = self.path.parent / "backups"
            _make_private_dir(folder)
            stamp = utc_now().strftime("%Y%m%dT%H%M%S%fZ")
            destination = folder / f"{self.path.stem}-{stamp}-{reason}.db"
        destination = Path(destination)
        _create_private_file(destination, replace=True)
        target = sqlite3.connect(str(destination))
        try:
            with self._reading() as conn:
                conn.backup(target)
        finally:
            target.close()
        os.chmod(destination, 0o600)
        if destination.parent == self.path.parent / "backups":
            _prune_backups(destination.parent, self.path.stem)
        return destination


class _Applying:
    """What a handler learns while applying one event."""

    __slots__ = ("at", "at_us", "refs", "seq", "session", "stored", "subject")

    def __init__(self, *, seq: int, at: str, at_us: int, stored: dict[str, Any]) -> None:
        self.seq = seq
        self.at = at
        self.at_us = at_us
        self.stored = stored
        self.subject: int | None = None
        self.session: int | None = None
        self.refs: list[int] = []


_FACT_TABLES = {
    "article.added": "articles",
    "session.scheduled": "sessions",
    "agenda.item_added": "agenda_items",
    "proposal.passed": "proposals",
    "ta.signed": "tas",
    "caucus.started": "caucuses",
    "note.added": "notes",
    "info_request.made": "info_requests",
}


_PARTIES = {party.value: party for party in Party}
_KINDS = {kind.value: kind for kind in ProposalKind}


def _move(row: Row, numbers: list[str], withdrawn: set[int]) -> Move:
    seq = row[0]
    return Move(
        seq, _PARTIES[row[1]], tuple(numbers), _KINDS[row[2]], row[3], row[4], seq in withdrawn
    )


def _journal_event(row: Row) -> JournalEvent:
    from models.domain import JournalEvent

    seq, event_id, kind, at, seat, data, undone = row
    return JournalEvent.model_construct(
        seq=seq,
        id=event_id,
        type=kind,
        at=_instant(at),
        seat=seat,
        data=json.loads(data),
        undone=bool(undone),
    )


def _check_timezone(name: str) -> None:
    from models.timeutil import zone

    zone(name)


# ------------------------------------------------------------------- the file


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    """SQLite's and the system's failures as messages a user can act on."""
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        raise _translate(path, error) from None


def _translate(path: Path, error: sqlite3.Error | OSError) -> Exception:
    """The StoreError a failure means to a user; integrity errors stay as they are."""
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return StoreError(f"no room left on the disk holding {path}; free some space")
        return StoreError(f"cannot use {path}: {error.strerror}")
    if isinstance(error, sqlite3.IntegrityError):
        return error
    text = str(error).lower()
    if isinstance(error, sqlite3.OperationalError):
        if "locked" in text or "busy" in text:
            return StoreError(
                f"{path} is locked by another program for more than {busy_timeout_s():g} s; "
                "close it and try again"
            )
        if "readonly" in text or "read-only" in text:
            return StoreError(f"{path} is read-only; make it writable or choose another file")
        if "disk" in text and "full" in text:
            return StoreError(f"no room left on the disk holding {path}; free some space")
        if "disk i/o" in text:
            return StoreError(f"the disk holding {path} failed to read or write; check it")
        if "unable to open" in text:
            return StoreError(f"cannot open {path}; check the folder exists and is writable")
        if "malformed" not in text and "not a database" not in text:
            return error
    return _damaged(path)


def _damaged(path: Path) -> StoreError:
    return StoreError(
        f"{path} is damaged and cannot be read; restore a backup with "
        "`bargain restore FILE` (backups are in the backups folder beside it)"
    )


def _make_private_dir(folder: Path) -> None:
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)


def _create_private_file(path: Path, *, replace: bool = False) -> None:
    flags = os.O_CREAT | os.O_WRONLY | (os.O_TRUNC if replace else os.O_EXCL)
    descriptor = os.open(path, flags, 0o600)
    os.close(descriptor)
    os.chmod(path, 0o600)


def _prune_backups(folder: Path, stem: str) -> None:
    ordinary = sorted(p for p in folder.glob(f"{stem}-*.db") if "-before-schema-" not in p.name)
    for old in ordinary[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)


def check_file(path: Path) -> None:
    """Refuse, before SQLite sees it, a file that cannot be a bargaining database."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a database file") from None
    except PermissionError:
        raise StoreError(f"{path} cannot be read; check its permissions") from None
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    if not header:
        return
    if not header.startswith(SQLITE_HEADER):
        raise StoreError(
            f"{path} is not a bargaining database (it is not an SQLite file); "
            "choose another file with --db"
        )
    if len(header) < 100:
        raise _damaged(path)


def _open_connection(path: Path, *, create: bool) -> sqlite3.Connection:
    exists = path.exists()
    if not exists and not create:
        raise StoreError(f"no database at {path}; run `bargain init`")
    if exists:
        check_file(path)
        if path.stat().st_size == 0 and not create:
            raise StoreError(f"{path} is empty; run `bargain init` to set it up")
    else:
        try:
            _make_private_dir(path.parent)
            _create_private_file(path)
        except FileExistsError:
            pass
        except OSError as error:
            if error.errno == errno.ENOSPC:
                raise StoreError(
                    f"no room left on the disk holding {path}; free some space"
                ) from None
            raise StoreError(f"cannot create {path}: {error.strerror}") from None
    old_umask = os.umask(0o077)
    try:
        conn = sqlite3.connect(str(path), timeout=busy_timeout_s(), check_same_thread=False)
    except sqlite3.Error:
        raise StoreError(f"cannot open {path}; check the folder exists and is writable") from None
    finally:
        os.umask(old_umask)
    try:
        with _translated(path):
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s() * 1000)}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    """WAL, foreign keys and durable commits: set once, where the database is opened."""
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
    if mode is None or str(mode[0]).lower() != "wal":
        raise StoreError(f"{path} cannot be switched to WAL mode; is the folder writable?")
    conn.execute("PRAGMA synchronous = FULL")
    for suffix in ("-wal", "-shm"):
        side = Path(str(path) + suffix)
        if side.exists():
            with suppress(OSError):
                os.chmod(side, 0o600)


def open_store(
    path: Path, *, create: bool = False, seat: str = "", clock: Callable[[], datetime] = utc_now
) -> Store:
    """Open (or with create=True, create) a bargaining database."""
    return Store(path, create=create, seat=seat, clock=clock)


__all__ = ["APP_ID", "SCHEMA_VERSION", "Store", "check_file", "open_store"]
