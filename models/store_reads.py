"""The store's read side: every query the screens, the CLI and the recap ask."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from models.board import BoardRow, audience_standings, board_rows
from models.dbfile import Row
from models.errors import DomainError
from models.records import ProposalRecord
from models.rules import (
    Agreement,
    Move,
    caucus_due_back,
    describe_numbers,
    natural_key,
    proposal_statuses,
    standings_from,
)
from models.timeutil import parse_instant, to_micros
from models.vocabulary import (
    AgendaStatus,
    CaucusSide,
    NoteKind,
    NoteParty,
    Party,
    ProposalKind,
    ProposalStatus,
    SessionKind,
    SessionMode,
    Visibility,
)

if TYPE_CHECKING:
    from models.domain import (
        TA,
        AgendaItem,
        Article,
        Attendance,
        Campaign,
        Caucus,
        HistoryEntry,
        InfoRequest,
        JournalEvent,
        Member,
        Note,
        Proposal,
        Session,
    )
from models.store_core import StoreCore, _instant

ANSWER_OF_REQUEST = "a.type = 'info_request.answered' AND a.subject = r.seq AND a.undone = 0"
"""SQL: event `a` is the standing answer to information request `r`."""


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


class StoreReads(StoreCore):
    """Queries over the active (not undone) facts, returning domain models or records."""

    # ---------------------------------------------------------------- queries

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

    def campaign(self) -> Campaign | None:
        """The campaign, with every active update applied in journal order."""
        from models.domain import Campaign, PartyInfo, RecapSettings
        from models.settings import term_settings

        fields = self._campaign_fields()
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

        return [Article(number=number, title=title) for number, title in self._titles().items()]

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

    def proposal_tally(self, side: Party) -> tuple[int, int]:
        """How many active proposals a side has passed: on the record, and supposals."""
        row = self._one(
            "SELECT coalesce(sum(kind != 'supposal'), 0), coalesce(sum(kind = 'supposal'), 0)"
            " FROM proposals WHERE undone = 0 AND side = ?",
            (Party(side).value,),
        )
        return (int(row[0]), int(row[1])) if row else (0, 0)

    def label_taken(self, label: str) -> bool:
        """Whether an active proposal already has this label (case aside, as the index)."""
        return (
            self._one(
                "SELECT 1 FROM proposals WHERE undone = 0 AND label = ? COLLATE NOCASE LIMIT 1",
                (label,),
            )
            is not None
        )

    def embargoed_seqs(self) -> set[int]:
        """The journal positions of every active embargoed proposal."""
        return {
            int(row[0])
            for row in self._query("SELECT seq FROM proposals WHERE undone = 0 AND embargoed = 1")
        }

    def embargo_rule(self) -> str:
        """The ground rules' embargo: `details` (the default) or `all`."""
        fields = self._campaign_fields()
        return str(fields.get("embargo", "details")) if fields else "details"

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

    def board(self, audience: str = "team") -> list[BoardRow]:
        """The article board: every article with its status and whose court it is in, as
        `audience` may see it (`members`: under the ground rules' embargo, by
        `models.board.audience_standings`, the rule the recap's board follows too).

        SQLite finds each article's latest proposal (and latest one not withdrawn) by reading
        its index on article numbers backwards, so the board costs a few rows per article
        however long the journal grows. The standings follow from those by
        `rules.standings_from`, the rule `standing_of` applies to the moves (a test holds the
        two to the same board on every journal it generates).
        """
        if audience not in ("members", "team"):
            raise DomainError(f"audience {audience!r} is not one of: members, team")
        embargoed = self.embargoed_seqs() if audience == "members" else set()
        if embargoed:
            standings = audience_standings(
                self.moves(), self.agreements(), embargoed, audience, self.embargo_rule()
            )
            return board_rows(self._titles(), standings)
        latest = (
            "SELECT p.seq FROM proposal_articles a JOIN proposals p ON p.seq = a.proposal"
            " WHERE a.number = n.number AND p.undone = 0 AND p.kind != 'supposal' {also}"
            " ORDER BY a.proposal DESC LIMIT 1"
        )
        not_withdrawn = (
            "AND p.seq NOT IN (SELECT subject FROM events"
            " WHERE type = 'proposal.withdrawn' AND undone = 0)"
        )
        latest_rows = self._query(
            f"WITH m AS (SELECT n.number, ({latest.format(also='')}) AS touched,"
            f" ({latest.format(also=not_withdrawn)}) AS standing"
            " FROM articles n WHERE n.undone = 0)"
            " SELECT m.number, t.label, s.side, s.at FROM m"
            " JOIN proposals t ON t.seq = m.touched LEFT JOIN proposals s ON s.seq = m.standing"
        )
        last_labels = {number: label for number, label, _side, _at in latest_rows}
        latest_moves = {
            number: (_PARTIES[side], at)
            for number, _label, side, at in latest_rows
            if side is not None
        }
        agreed = {
            row[0]
            for row in self._query(
                "SELECT DISTINCT a.number FROM ta_articles a JOIN tas t ON t.seq = a.ta"
                " WHERE t.undone = 0"
            )
        }
        return board_rows(self._titles(), standings_from(last_labels, latest_moves, agreed))

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
                Proposal(
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

        return [TA(**fields) for fields in self._ta_fields(session)]

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
        return [_session(fields) for fields in self._session_fields()]

    def _one_session(self, number: int, marks: dict[int, dict[str, str]]) -> Session:
        return _session(next(self._session_fields(number, marks)))

    def _session_marks(self) -> dict[int, dict[str, str]]:
        """Per session number: when it was last started and ended, and the ended event's
        data (the next session and the call to action)."""
        marks: dict[int, dict[str, str]] = {}
        for kind, number, at, data in self._query(
            "SELECT type, session, at, data FROM events WHERE type IN"
            " ('session.started', 'session.ended') AND undone = 0 ORDER BY seq"
        ):
            marks.setdefault(number, {})[kind] = at
            if kind == "session.ended":
                marks[number]["ended_data"] = data
        return marks

    def _session_fields(
        self, only: int | None = None, marks: dict[int, dict[str, str]] | None = None
    ) -> Iterator[dict[str, Any]]:
        """The fields of every session (or of session `only`); `next` is (starts,
        location) or None."""
        if marks is None:
            marks = self._session_marks()
        one = " AND number = ?" if only is not None else ""
        rows = self._query(
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
        """The running session, else the latest started one, else the first scheduled.

        Chosen from the start and end marks alone; only that session is read whole (the
        console asks at start-up, and a campaign holds a hundred sessions and more)."""
        marks = self._session_marks()
        numbers = [
            number
            for (number,) in self._query(
                "SELECT number FROM sessions WHERE undone = 0 ORDER BY number"
            )
        ]
        if not numbers:
            return None
        started = [n for n in numbers if "session.started" in marks.get(n, {})]
        running = [n for n in started if "session.ended" not in marks[n]]
        if running:
            return self._one_session(running[-1], marks)
        if started:
            latest = max(started, key=lambda n: _instant(marks[n]["session.started"]))
            return self._one_session(latest, marks)
        return self._one_session(numbers[0], marks)

    def attendance(self, session: int) -> Attendance:
        """The latest attendance recorded for a session (empty when none)."""
        from models.domain import Attendance

        return Attendance(**self._attendance_fields(session))

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
            AgendaItem(
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

        return [Caucus(**fields) for fields in self._caucus_fields(session, open_only)]

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

        return [Note(**fields) for fields in self._note_fields(session, limit)]

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
                "party": NoteParty(party) if party else None,
                "visibility": Visibility(visibility),
                "seat": seat,
            }
            for _seq, event_id, number, at, text, kind, speaker, party, visibility, seat in rows
        )

    def info_requests(self) -> list[InfoRequest]:
        """Every information request in journal order, with when it was answered."""
        from models.domain import InfoRequest

        return [InfoRequest(**fields) for fields in self._info_request_fields()]

    def open_request_dues(self) -> list[date | None]:
        """The due date (or None) of every information request not yet answered."""
        return [
            date.fromisoformat(due) if due else None
            for (due,) in self._query(
                "SELECT r.due FROM info_requests r WHERE r.undone = 0 AND NOT EXISTS"
                f" (SELECT 1 FROM events a WHERE {ANSWER_OF_REQUEST}) ORDER BY r.seq"
            )
        ]

    def _info_request_fields(self) -> Iterator[dict[str, Any]]:
        rows = self._query(
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
                Member(
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
                    HistoryEntry(
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
                        HistoryEntry(
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
                        HistoryEntry(
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
    return JournalEvent(
        seq=seq,
        id=event_id,
        type=kind,
        at=_instant(at),
        seat=seat,
        data=json.loads(data),
        undone=bool(undone),
    )


def _session(fields: dict[str, Any]) -> Session:
    """A session from `_session_fields`' fields."""
    from models.domain import NextSession, Session

    upcoming = fields["next"]
    if upcoming is not None:
        fields["next"] = NextSession(starts=upcoming[0], location=upcoming[1])
    return Session(**fields)
