"""A stateful fuzz test of the write API (issue 12): every write the app makes, undo and redo,
raw lines with awkward values, and imports of generated journal lines, valid and not.

After every step the checks in `tests/fuzz/checks.py` run: every read works, every recap
renders, export then import gives the same journal and the same state, and no team-only
canary reaches a member output. A refusal (DomainError) is a valid outcome of any step; any
other exception, or a refusal that changed the journal, is a failure.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import initialize, invariant, precondition, rule

from models import actions
from models.domain import CaucusSide, NoteKind, Party, ProposalKind, Visibility
from models.errors import DomainError
from models.store import Store
from tests.fuzz import checks
from tests.fuzz.machine_corrections import CorrectionRules
from tests.fuzz.recap_rules import RecapRules
from tests.fuzz.seat_rules import SeatRules
from tests.fuzz.values import (
    CANARY,
    SECRET_TERM,
    article_numbers,
    awkward_instants,
    journal_lines,
    labels,
    minutes,
    texts,
)

COUNTS = {"examples": 0, "steps": 0, "refused": 0, "writes": 0}
"""Kept across examples so the test can print how much ran."""

T0 = datetime(2026, 3, 10, 16, 30, tzinfo=UTC)


class WriteApi(SeatRules, CorrectionRules, RecapRules):
    """One database, written to through the functions the app calls (the corrections' rules
    are in `tests/fuzz/machine_corrections.py`, the recap's in `tests/fuzz/recap_rules.py`),
    and now and then exchanged with another seat's (`SeatRules`)."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="bargain-fuzz-"))
        self.ticks = 0
        self.checked = -1
        self.store = Store(self.folder / "team.db", create=True, seat="lead", clock=self.now)
        COUNTS["examples"] += 1

    def now(self) -> datetime:
        self.ticks += 1
        return T0 + timedelta(minutes=self.ticks)

    def teardown(self) -> None:
        self.close_other()
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------------ helpers

    def attempt(self, write: Callable[[], object]) -> None:
        """Run one write; a refusal must leave the journal exactly as it was."""
        COUNTS["steps"] += 1
        before = list(self.store.journal())
        try:
            write()
        except DomainError as error:
            COUNTS["refused"] += 1
            assert str(error).strip() and "\n" not in str(error), repr(error)
            assert list(self.store.journal()) == before, f"refused but changed: {error}"
        else:
            COUNTS["writes"] += 1

    def numbers(self) -> list[str]:
        return [article.number for article in self.store.articles()] or ["1"]

    def session_numbers(self) -> list[int]:
        return [s.number for s in self.store.sessions()] or [1]

    # -------------------------------------------------------------------- setup

    @initialize(
        timezone=st.sampled_from(
            ["UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati"]
        ),
        our_side=st.sampled_from(list(Party)),
        embargo=st.sampled_from([None, "details", "all"]),
        numbers=st.lists(article_numbers, min_size=1, max_size=4, unique=True),
    )
    def campaign(
        self, timezone: str, our_side: Party, embargo: str | None, numbers: list[str]
    ) -> None:
        actions.create_campaign(
            self.store,
            union="Riverbend Education Association",
            union_short="REA",
            employer="Riverbend Unified",
            employer_short="RUSD",
            timezone=timezone,
            our_side=our_side,
        )
        if embargo:
            line = {"type": "campaign.updated", "ground_rules": {"embargo": embargo}}
            self.attempt(lambda: self.store.record(line))
        for number in numbers:
            self.attempt(lambda n=number: actions.add_article(self.store, n, f"Article {n}"))
        self.store.record(
            {"type": "session.scheduled", "session": 1, "starts": "2026-03-10T16:30:00-07:00"}
        )
        actions.start_session(self.store, 1)

    # -------------------------------------------------------------- the writes

    @rule(number=article_numbers, title=texts)
    def add_article(self, number: str, title: str) -> None:
        self.attempt(lambda: actions.add_article(self.store, number, title or "Untitled"))

    @rule(data=st.data(), title=texts)
    def rename_article(self, data: st.DataObject, title: str) -> None:
        number = data.draw(st.sampled_from(self.numbers()))
        self.attempt(lambda: actions.rename_article(self.store, number, title or "Renamed"))

    @rule(name=texts)
    def add_member(self, name: str) -> None:
        self.attempt(lambda: actions.add_member(self.store, name or "Bo", role="bargainer"))

    @rule(number=st.integers(1, 4), starts=awkward_instants)
    def schedule_session(self, number: int, starts: str) -> None:
        line = {"type": "session.scheduled", "session": number, "starts": starts}
        self.attempt(lambda: self.store.record(line))

    @rule(data=st.data())
    def start_or_end_session(self, data: st.DataObject) -> None:
        number = data.draw(st.sampled_from(self.session_numbers()))
        if data.draw(st.booleans()):
            self.attempt(lambda: actions.start_session(self.store, number))
        else:
            cta = data.draw(texts)
            self.attempt(lambda: actions.end_session(self.store, number, call_to_action=cta))

    @rule(data=st.data(), title=texts, planned=st.none() | minutes)
    def add_agenda_item(self, data: st.DataObject, title: str, planned: Any) -> None:
        number = data.draw(st.sampled_from(self.session_numbers()))
        articles = data.draw(st.lists(st.sampled_from(self.numbers()), max_size=2, unique=True))
        line = {"type": "agenda.item_added", "session": number, "title": title or "Item"}
        line |= {"articles": articles} if articles else {}
        line |= {"minutes": planned} if planned is not None else {}
        self.attempt(lambda: self.store.record(line))

    @rule(data=st.data())
    def move_agenda(self, data: st.DataObject) -> None:
        number = data.draw(st.sampled_from(self.session_numbers()))
        move = data.draw(st.sampled_from([actions.next_agenda_item, actions.skip_agenda_item]))
        self.attempt(lambda: move(self.store, number))

    @rule(
        data=st.data(),
        by=st.sampled_from([Party.UNION, Party.EMPLOYER]),
        kind=st.sampled_from(list(ProposalKind)),
        embargoed=st.booleans(),
        label=st.none() | labels,
        summary=texts,
        term=st.none() | st.floats(-1e6, 1e6, allow_nan=False) | st.integers(-(10**6), 10**6),
    )
    def pass_proposal(
        self,
        data: st.DataObject,
        by: Party,
        kind: ProposalKind,
        embargoed: bool,
        label: str | None,
        summary: str,
        term: float | None,
    ) -> None:
        session = data.draw(st.sampled_from(self.session_numbers()))
        articles = data.draw(
            st.lists(st.sampled_from(self.numbers()), min_size=1, max_size=3, unique=True)
        )
        secret = embargoed or kind is ProposalKind.SUPPOSAL
        if label is None:
            label = actions.suggest_label(self.store, by, kind)
        if secret:  # team-only: its details must never reach a member output
            label, summary = f"{label} {CANARY}", f"{summary} {CANARY}"
            term = SECRET_TERM if term is not None else None
        self.attempt(
            lambda: actions.pass_proposal(
                self.store,
                session=session,
                by=by,
                articles=articles,
                label=label,
                kind=kind,
                summary=summary,
                internal_note=f"bottom line {CANARY}",
                embargoed=embargoed,
                link=f"https://example.org/{CANARY}.pdf" if secret else "",
                terms={"salary_pct_y1": term} if term is not None else None,
            )
        )

    @rule(data=st.data())
    def withdraw_proposal(self, data: st.DataObject) -> None:
        proposals = self.store.proposals()
        if proposals:
            chosen = data.draw(st.sampled_from(proposals))
            self.attempt(lambda: actions.withdraw_proposal(self.store, chosen.id))

    @rule(data=st.data(), from_proposal=st.booleans())
    def sign_ta(self, data: st.DataObject, from_proposal: bool) -> None:
        session = data.draw(st.sampled_from(self.session_numbers()))
        proposals = self.store.proposals()
        if from_proposal and proposals:
            chosen = data.draw(st.sampled_from(proposals)).id
            numbers: list[str] = []
        else:
            chosen = None
            numbers = data.draw(
                st.lists(st.sampled_from(self.numbers()), min_size=1, max_size=2, unique=True)
            )
        self.attempt(
            lambda: actions.sign_ta(
                self.store,
                session=session,
                articles=numbers,
                initials_union="AR",
                initials_employer="JL",
                summary="Current language",
                proposal=chosen,
            )
        )

    @rule(
        data=st.data(),
        side=st.sampled_from(list(CaucusSide)),
        length=minutes,
        step=st.integers(0, 2),
    )
    def caucus(self, data: st.DataObject, side: CaucusSide, length: Any, step: int) -> None:
        session = data.draw(st.sampled_from(self.session_numbers()))
        if step == 0:
            line = {"type": "caucus.started", "session": session, "by": side.value}
            line |= {"minutes": length, "purpose": f"decide {CANARY}"}
        elif step == 1:
            line = {
                "type": "caucus.extended",
                "session": session,
                "by": side.value,
                "minutes": length,
            }
        else:
            line = {"type": "caucus.ended", "session": session, "by": side.value}
        self.attempt(lambda: self.store.record(line))

    @rule(
        data=st.data(),
        text=texts,
        kind=st.sampled_from(list(NoteKind)),
        party=st.none() | st.sampled_from(list(Party)),
        team=st.sampled_from([None, False, True]),
    )
    def add_note(
        self, data: st.DataObject, text: str, kind: NoteKind, party: Party | None, team: bool | None
    ) -> None:
        session = data.draw(st.sampled_from(self.session_numbers()))
        visibility = None if team is None else (Visibility.TEAM if team else Visibility.MEMBERS)
        if team is not False:  # team-only, or team when recorded during our caucus
            text = f"{text} {CANARY}" if team else text
        self.attempt(
            lambda: actions.add_note(
                self.store,
                session=session,
                text=text or "noted",
                kind=kind,
                speaker="Ana" if kind is NoteKind.QUOTE else "",
                party=party,
                visibility=visibility,
            )
        )

    @rule(
        data=st.data(), text=texts, due=st.none() | st.dates(date(2026, 1, 1), date(2027, 12, 31))
    )
    def information_request(self, data: st.DataObject, text: str, due: date | None) -> None:
        requests = [r for r in self.store.info_requests() if not r.answered]
        if requests and data.draw(st.booleans()):
            request = data.draw(st.sampled_from(requests))
            self.attempt(lambda: actions.answer_info_request(self.store, request.id))
            return
        session = data.draw(st.sampled_from(self.session_numbers()))
        by = data.draw(st.sampled_from([Party.UNION, Party.EMPLOYER]))
        self.attempt(
            lambda: actions.make_info_request(
                self.store, session=session, by=by, text=text or "data", due=due
            )
        )

    @rule(data=st.data(), at=awkward_instants, text=texts, planned=minutes)
    def raw_line(self, data: st.DataObject, at: str, text: str, planned: Any) -> None:
        """Store.record with the awkward values a journal line may carry."""
        session = data.draw(st.sampled_from(self.session_numbers()))
        line = data.draw(
            st.sampled_from(
                [
                    {
                        "type": "note.added",
                        "session": session,
                        "text": text or "x",
                        "visibility": "members",
                    },
                    {
                        "type": "agenda.item_added",
                        "session": session,
                        "title": "t",
                        "minutes": planned,
                    },
                    {
                        "type": "caucus.started",
                        "session": session,
                        "by": "employer",
                        "minutes": planned,
                    },
                    {"type": "attendance.recorded", "session": session, "observers": planned},
                ]
            )
        )
        self.attempt(lambda: self.store.record({**line, "at": at}))

    @rule(lines=journal_lines)
    def import_lines(self, lines: list[str]) -> None:
        self.attempt(lambda: self.store.import_journal(lines))

    # ---------------------------------------------------------------- undo/redo

    @rule()
    def undo_latest(self) -> None:
        event = self.store.last_undoable()
        if event is not None:
            self.attempt(lambda: self.store.undo(event.id))

    @rule()
    def redo_latest(self) -> None:
        undo = self.store.last_redoable()
        if undo is not None:
            self.attempt(lambda: self.store.undo(undo.id))

    @rule()
    def undo_write_again_redo(self) -> None:
        """Undo the latest event, write the same line again, then redo the first: the redo
        must be refused wherever the state refuses the same write twice (defect 10)."""
        latest = self.store.last_undoable()
        if latest is None:
            return
        self.attempt(lambda: self.store.undo(latest.id))
        undo = self.store.last_redoable()
        if undo is None or undo.data["event"] != latest.id:
            return
        line = {k: v for k, v in latest.data.items() if k not in ("id", "at", "seat")}
        self.attempt(lambda: self.store.record(line))
        self.attempt(lambda: self.store.undo(undo.id))

    @rule(data=st.data())
    def undo_any(self, data: st.DataObject) -> None:
        events = self.store.events()
        chosen = data.draw(st.sampled_from(events))
        self.attempt(lambda: self.store.undo(chosen.id))

    # ------------------------------------------------------------------ checks

    @invariant()
    @precondition(lambda self: self.store.has_campaign())
    def everything_reads(self) -> None:
        """Every check, once per state: a refused step or one that wrote nothing leaves the
        journal (and so every read) as the last check saw it."""
        position = self.store.last_seq()
        if position != self.checked:
            checks.check_all(self.store, self.folder, self.now())
            self.checked = position


def as_json_lines(lines: list[dict[str, Any]]) -> list[str]:
    return [json.dumps(line, ensure_ascii=False) for line in lines]
