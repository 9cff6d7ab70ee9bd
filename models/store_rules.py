"""The store's write rules: each journal event checked against the state and applied."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.dbfile import Row
from models.errors import DomainError
from models.vocabulary import (
    AgendaStatus,
    Party,
    ProposalKind,
    Visibility,
)

if TYPE_CHECKING:
    from models import events as ev
    from models.domain import (
        AgendaItem,
    )
from models.store_core import _json, _side_name
from models.store_undo import StoreUndo
from models.store_undo import _Applying as _Applying  # store.py builds it for each event


class StoreRules(StoreUndo):
    """One handler per event type: refuse with a DomainError, or write the fact rows."""

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
        if c.check_only:
            return
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
        if c.check_only:
            return
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
        if c.check_only:
            return
        self._conn.execute(
            "INSERT INTO agenda_items (seq, session, title, minutes, articles)"
            " VALUES (?, ?, ?, ?, ?)",
            (c.seq, p.session, p.title, p.minutes, _json(list(p.articles))),
        )

    def _agenda_mark(self, p: ev.AgendaItemMark, c: _Applying) -> AgendaItem:
        c.refs.append(self._session_seq(p.session))
        seqs = self._agenda_seqs(p.session)
        # A redo reads the item it was written for, wherever that item stands now.
        position = seqs.index(c.redo_subject) + 1 if c.redo_subject in seqs else p.item
        if not 1 <= position <= len(seqs):
            raise DomainError(
                f"session {p.session} has no agenda item {position}; it has {len(seqs)}"
            )
        c.subject = seqs[position - 1]
        c.refs.append(c.subject)
        return self.agenda(p.session)[position - 1]

    def _on_agenda_item_started(self, p: ev.AgendaItemMark, c: _Applying) -> None:
        item = self._agenda_mark(p, c)
        if item.status is AgendaStatus.ACTIVE:
            raise DomainError(f"agenda item {item.position} is already under way")

    def _on_agenda_item_done(self, p: ev.AgendaItemMark, c: _Applying) -> None:
        item = self._agenda_mark(p, c)
        if item.status in (AgendaStatus.DONE, AgendaStatus.SKIPPED):
            raise DomainError(f"agenda item {item.position} is already {item.status.value}")

    def _on_agenda_item_skipped(self, p: ev.AgendaItemMark, c: _Applying) -> None:
        item = self._agenda_mark(p, c)
        if item.status is not AgendaStatus.UPCOMING:
            raise DomainError(
                f"agenda item {item.position} is {item.status.value}; "
                "only an upcoming item is skipped"
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
        if c.check_only:
            return
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
        if c.check_only:
            return
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
        if c.check_only:
            return
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
        if c.check_only:
            return
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
        if c.check_only:
            return
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


def _check_timezone(name: str) -> None:
    from models.timeutil import zone

    zone(name)


# ------------------------------------------------------------------- the file
