"""The SQLite store: one file, one campaign, every change a journal event.

Every change goes through `Store.record()`: the line is checked for its shape, then against the
state, and the fact rows and the journal event are written in one `BEGIN IMMEDIATE` transaction
that is committed durably before the call returns. Undo appends `event.undone`; nothing is ever
deleted. The store is the only package with SQL in it.

`Store` is a thin facade over parts with one job each (ARCHITECTURE.md, "The store"):
`connection` (the file, its lock, the one write transaction), `schema` (migrations), `apply`
and `merge` (handlers, the shared order), `queries*` (reads), `backup`, `seat_store` (seats).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from models.errors import DomainError, StoreError
from models.store import queries, queries_money, queries_sessions, queries_table, schema
from models.store.connection import Connection, check_file, configure, translated
from models.store.schema import APP_ID, SCHEMA_VERSION
from models.store.seat_store import SeatRecords
from models.timeutil import utc_now

if TYPE_CHECKING:
    from models.board import BoardRow
    from models.domain import (
        TA,
        AgendaItem,
        Article,
        Attendance,
        Campaign,
        Caucus,
        Conflict,
        Draft,
        HistoryEntry,
        InfoRequest,
        JournalEvent,
        Member,
        Note,
        Proposal,
        Session,
    )
    from models.money import TermMove
    from models.rules import Agreement
    from models.vocabulary import Party

_EVENT_COLUMNS = "SELECT seq, id, type, at, seat, data, undone FROM events"
_OWN_ID = "SELECT value FROM meta WHERE key = 'database_id'"  # what this database recorded


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
        # Absolute: what is written beside the database (recaps, backups) goes beside it,
        # and the messages that name those files name them in full.
        self.path = Path(path).absolute()
        self.clock = clock
        self.seat = seat
        self._database_id: str | None = None
        self.db = Connection(self.path, create=create)
        self.seat_records = SeatRecords(self.db, lambda: self.clock())
        """What the store keeps for seats on other computers (`models.seats` is its user)."""
        try:
            applied = schema.check_ours(self.db)
            with translated(self.path):
                configure(self.db.conn, self.path)
            schema.migrate(self.db, applied, lambda reason: self.backup(reason=reason))
            if self.db.one("SELECT 1 FROM meta WHERE key = 'needs_rebuild'"):
                from models.store.merge import rebuild

                with self.db.write():
                    rebuild(self.db)
        except BaseException:
            self.db.close()
            raise

    def close(self) -> None:
        """Close the connection; the file is complete on disk after every commit already."""
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- changes

    def record(self, line: dict[str, Any]) -> JournalEvent:
        """Validate one change, write it with its journal event, commit, and return it.

        A line without `at` is stamped with the store's clock, and without `seat` with the
        store's seat. Refusals raise DomainError and leave the database as it was.
        """
        with self.db.write():
            return self._apply(line)

    def record_many(self, lines: Iterable[dict[str, Any]]) -> list[JournalEvent]:
        """Several changes in one transaction: all of them, or none."""
        with self.db.write():
            return [self._apply(line) for line in lines]

    def record_numbered(self, lines: Iterable[tuple[int, dict[str, Any]]]) -> int:
        """Record numbered lines in one transaction, each at its place in the shared order;
        a refusal names its line and undoes all."""
        from models.store.apply import prepare_line
        from models.store.merge import take_in

        with self.db.write():
            batch: dict[str, str] = {}
            prepared = []
            for number, line in lines:
                try:
                    one = prepare_line(self.db, line, clock=self.clock, seat=self.seat, batch=batch)
                except DomainError as error:
                    message = str(error)
                    if not message.startswith("line "):
                        message = f"line {number}: {message}"
                    raise DomainError(message) from None
                one.number = number
                prepared.append(one)
            take_in(self.db, prepared, strict=True)
        return len(prepared)

    def _apply(self, line: dict[str, Any]) -> JournalEvent:
        # The write rules (and pydantic) load with the first write: reads never need them.
        from models.store.apply import apply_line

        return apply_line(self.db, line, clock=self.clock, seat=self.seat)

    def undo(self, event_id: str, *, seat: str | None = None) -> JournalEvent:
        """Undo one event (or redo, when the event is itself an undo)."""
        line: dict[str, Any] = {"type": "event.undone", "event": event_id}
        if seat is not None:
            line["seat"] = seat
        return self.record(line)

    def last_undoable(self, seat: str | None = None) -> JournalEvent | None:
        """This seat's latest event recorded in this database, not an undo, not undone."""
        return self._latest_own(seat, "type NOT IN ('event.undone', 'campaign.created')")

    def last_redoable(self, seat: str | None = None) -> JournalEvent | None:
        """This seat's latest undo that still stands: undoing it redoes what it undid."""
        return self._latest_own(
            seat,
            "type = 'event.undone' AND (SELECT t.type FROM events t"
            " WHERE t.seq = events.subject) != 'event.undone'",
        )

    def _latest_own(self, seat: str | None, condition: str) -> JournalEvent | None:
        """The seat's (this seat's, by default) latest event recorded in this database that
        meets `condition` and is not undone."""
        row = self.db.one(
            f"{_EVENT_COLUMNS} WHERE seat = ? AND origin_db = ({_OWN_ID})"
            f" AND {condition} AND undone = 0 ORDER BY seq DESC LIMIT 1",
            (self.seat if seat is None else seat,),
        )
        return queries.journal_event(row) if row else None

    def event(self, event_id: str) -> JournalEvent | None:
        """One journal event by id, undone or not."""
        row = self.db.one(f"{_EVENT_COLUMNS} WHERE id = ?", (event_id,))
        return queries.journal_event(row) if row else None

    def events(self, *, types: Iterable[str] | None = None) -> list[JournalEvent]:
        """Journal events in order (undone ones included, marked)."""
        return queries.events(self.db, types=types)

    def conflicts(self) -> list[Conflict]:
        """Events refused at their place in the shared order and not yet settled."""
        return self.seat_records.conflicts()

    # ---------------------------------------------------------------- journal

    def journal(self) -> Iterator[str]:
        """Every event as one JSON line, in the shared order, as recorded, with its `origin`
        (and `conflict: true` for one the rules refused at its place)."""
        return queries.journal_lines(self.db)

    def import_journal(self, lines: Iterable[str]) -> int:
        """Replay JSON Lines, all or nothing; the first bad line refuses the whole file.

        Raises DomainError("line N: ...") where N counts every physical line; blank lines are
        skipped.
        """
        from models.normal import numbered_lines

        return self.record_numbered(numbered_lines(lines))

    # ----------------------------------------------------------------- drafts

    def draft(self, seat: str | None = None) -> Draft:
        """The half-typed note of a seat (empty when none)."""
        from models.domain import Draft

        row = self.db.one(
            "SELECT text, team_only FROM drafts WHERE seat = ?",
            (self.seat if seat is None else seat,),
        )
        if row is None:
            return Draft()
        return Draft(text=row[0], team_only=bool(row[1]))

    def save_draft(self, draft: Draft, seat: str | None = None) -> None:
        """Keep a seat's half-typed note (not a journal event: nothing happened yet)."""
        with self.db.write() as conn:
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

    @property
    def database_id(self) -> str:
        """This database's own id: a random UUID4 made once (by migration m004)."""
        ident = self._recorded_database_id()
        if ident is None:  # pragma: no cover - every open file is migrated
            raise StoreError(f"{self.path} has no database id; open it once to migrate it")
        return ident

    def _recorded_database_id(self) -> str | None:
        """The id, or None before migration m004 has run (the backup taken just before it)."""
        if self._database_id is None:
            if "meta" not in self.db.tables():
                return None
            row = self.db.one("SELECT value FROM meta WHERE key = 'database_id'")
            self._database_id = str(row[0]) if row else None
        return self._database_id

    def backup(self, destination: Path | None = None, *, reason: str = "manual") -> Path:
        """Copy the database (WAL included), 0600, whole or not at all; without a destination
        into `backups/` beside it, where the last 20 ordinary backups are kept."""
        from models.store.backup import backup_database

        return backup_database(self.db, self._recorded_database_id(), destination, reason)

    # ---------------------------------------------------------------- queries

    def has_campaign(self) -> bool:
        """True once the database holds its campaign."""
        return self.db.has_campaign()

    def last_seq(self) -> int:
        """The journal's last position: it grows with every change any seat commits."""
        return self.db.last_seq()

    def campaign(self) -> Campaign | None:
        """The campaign, with every active update applied in journal order."""
        return queries.campaign(self.db)

    def timezone(self) -> str:
        """The campaign's IANA timezone (UTC before there is a campaign)."""
        return queries.timezone(self.db)

    def embargo_rule(self) -> str:
        """The ground rules' embargo: `details` (the default) or `all`."""
        return queries.embargo_rule(self.db)

    def articles(self) -> list[Article]:
        """Every article, in natural order, with its latest title."""
        return queries.articles(self.db)

    def article_titles(self) -> dict[str, str]:
        """Article number to its latest title, in natural order."""
        return queries.article_titles(self.db)

    def members(self) -> list[Member]:
        """The team roster in the order members were added."""
        return queries.members(self.db)

    def moves(
        self, sessions: Collection[int] | None = None, withdrawn_by: datetime | None = None
    ) -> list[Proposal]:
        """Active proposals in journal order, without their status (the rules reckon it)."""
        return queries_table.moves(self.db, sessions, withdrawn_by)

    def agreements(self, sessions: Collection[int] | None = None) -> list[Agreement]:
        """Active TAs as the rules see them, in journal order."""
        return queries_table.agreements(self.db, sessions)

    def proposal_tally(self, side: Party) -> tuple[int, int]:
        """How many active proposals a side has passed: on the record, and supposals."""
        return queries_table.proposal_tally(self.db, side)

    def label_taken(self, label: str) -> bool:
        """Whether an active proposal already has this label (case aside)."""
        return queries_table.label_taken(self.db, label)

    def embargoed_seqs(self) -> set[int]:
        """The journal positions of every active embargoed proposal."""
        return queries_table.embargoed_seqs(self.db)

    def withdrawn_between(self, start: datetime, end: datetime) -> list[str]:
        """Ids of the proposals whose withdrawal was recorded within [start, end]."""
        return queries_table.withdrawn_between(self.db, start, end)

    def board(self, audience: str = "team") -> list[BoardRow]:
        """The article board, as `audience` (`members` or `team`) may see it."""
        return queries_table.board(self.db, audience)

    def proposals(
        self,
        session: int | None = None,
        *,
        ids: Collection[str] | None = None,
        status: bool = True,
    ) -> list[Proposal]:
        """Proposals (all, one session's, or those with these ids), each with its status;
        `status=False` reads only those asked for and leaves their status None."""
        return queries_table.proposals(self.db, session, ids=ids, status=status)

    def term_moves(self) -> list[TermMove]:
        """Proposals on the record with terms (no supposals), for the money table."""
        return queries_money.term_moves(self.db)

    def tas(self, session: int | None = None) -> list[TA]:
        """Tentative agreements (all, or one session's) in journal order."""
        return queries_table.tas(self.db, session)

    def article_history(self, number: str) -> list[HistoryEntry]:
        """Every pass, withdrawal and TA touching one article, by (time, journal order)."""
        from models.store.queries_history import article_history

        return article_history(self.db, number)

    def sessions(self) -> list[Session]:
        """Every scheduled session, by number, with its start, end and next session."""
        return queries_sessions.sessions(self.db)

    def session(self, number: int) -> Session:
        """One session by number; refused with the known numbers when it does not exist."""
        return queries_sessions.session(self.db, number)

    def current_session(self) -> Session | None:
        """The running session, else the latest started one, else the first scheduled."""
        return queries_sessions.current_session(self.db)

    def attendance(self, session: int) -> Attendance:
        """The latest attendance recorded for a session (empty when none)."""
        return queries_sessions.attendance(self.db, session)

    def agenda(self, session: int) -> list[AgendaItem]:
        """A session's agenda in order, each item with its status and actual times."""
        return queries_sessions.agenda(self.db, session)

    def caucuses(self, session: int | None = None, *, open_only: bool = False) -> list[Caucus]:
        """Caucuses (all, or one session's) in journal order, with due-back and end."""
        return queries_sessions.caucuses(self.db, session, open_only=open_only)

    def notes(self, session: int | None = None, *, limit: int | None = None) -> list[Note]:
        """Notes ordered by (time, journal order); with `limit`, the latest ones."""
        return queries_sessions.notes(self.db, session, limit=limit)

    def info_requests(self) -> list[InfoRequest]:
        """Every information request in journal order, with when it was answered."""
        return queries_sessions.info_requests(self.db)

    def open_request_dues(self) -> list[date | None]:
        """The due date (or None) of every information request not yet answered."""
        return queries_sessions.open_request_dues(self.db)


def open_store(
    path: Path, *, create: bool = False, seat: str = "", clock: Callable[[], datetime] = utc_now
) -> Store:
    """Open (or with create=True, create) a bargaining database."""
    return Store(path, create=create, seat=seat, clock=clock)


__all__ = ["APP_ID", "SCHEMA_VERSION", "Store", "check_file", "open_store"]
