"""The fuzz test's rules for the corrections (DESIGN.md "Corrections"): edit a note, switch
it between team and members, amend a proposal and lift its embargo, reschedule or cancel a
session, remove or move agenda items. Mixed into `WriteApi`, whose checks run after each.

The canary follows the confidentiality rules: a note switched to the team takes it, one
switched to the members loses it in the same edit; lifting an embargo rewrites the details
that carried it. What must never happen is that it reaches a member output anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import rule

from models import actions
from models.domain import NoteKind, ProposalKind, SessionMode, Visibility
from models.store import Store
from tests.fuzz.values import CANARY, awkward_instants, labels, texts


class CorrectionRules:
    """Rules for `RuleBasedStateMachine`s with a `store`, `attempt` and `session_numbers`."""

    store: Store
    attempt: Callable[[Callable[[], object]], None]
    session_numbers: Callable[[], list[int]]

    @rule(
        data=st.data(),
        text=texts,
        kind=st.none() | st.sampled_from(list(NoteKind)),
        switch=st.booleans(),
    )
    def edit_note(
        self, data: st.DataObject, text: str, kind: NoteKind | None, switch: bool
    ) -> None:
        if not self.store.notes():  # a note to correct, taken now
            number = data.draw(st.sampled_from(self.session_numbers()))
            self.attempt(lambda: actions.add_note(self.store, session=number, text="to fix"))
        notes = self.store.notes()
        if not notes:
            return
        note = data.draw(st.sampled_from(notes))
        team = note.visibility is Visibility.TEAM
        if switch:  # the text goes with the switch: a member note never carries the canary
            team = not team
        line: dict[str, Any] = {"type": "note.edited", "note": note.id}
        if switch:
            line["visibility"] = "team" if team else "members"
        if text or switch:
            line["text"] = f"{text} {CANARY}" if team else (text or "corrected")
        if kind is not None:
            line["kind"] = kind.value
        self.attempt(lambda: self.store.record(line))

    @rule(
        data=st.data(),
        label=st.none() | labels,
        summary=st.none() | texts,
        lift=st.sampled_from([None, False, True]),
        term=st.none() | st.floats(-1e6, 1e6, allow_nan=False),
        drop_term=st.booleans(),
    )
    def amend_proposal(
        self,
        data: st.DataObject,
        label: str | None,
        summary: str | None,
        lift: bool | None,
        term: float | None,
        drop_term: bool,
    ) -> None:
        proposals = self.store.proposals()
        if not proposals:
            return
        chosen = data.draw(st.sampled_from(proposals))
        embargoed = chosen.embargoed if lift is None else not lift
        secret = embargoed or chosen.kind is ProposalKind.SUPPOSAL
        line: dict[str, Any] = {"type": "proposal.amended", "proposal": chosen.id}
        if lift is not None:
            line["embargoed"] = embargoed
        if secret:
            label = None if label is None else f"{label} {CANARY}"
            summary = None if summary is None else f"{summary} {CANARY}"
        elif CANARY in chosen.label + chosen.summary + chosen.link or lift is not None:
            label = label or f"{chosen.label.replace(CANARY, '').strip()} lifted"
            summary, line["link"] = summary or "", ""
        line |= {"label": label} if label is not None else {}
        line |= {"summary": summary} if summary is not None else {}
        line |= {"internal_note": f"amended {CANARY}"} if data.draw(st.booleans()) else {}
        if term is not None or drop_term:
            line["terms"] = {"salary_pct_y1": None if drop_term else term}
        self.attempt(lambda: self.store.record(line))

    @rule(
        data=st.data(),
        starts=st.none() | awkward_instants,
        location=st.none() | texts,
        mode=st.none() | st.sampled_from(list(SessionMode)),
        cancel=st.booleans(),
    )
    def reschedule_or_cancel(
        self,
        data: st.DataObject,
        starts: str | None,
        location: str | None,
        mode: SessionMode | None,
        cancel: bool,
    ) -> None:
        number = data.draw(st.sampled_from(self.session_numbers()))
        if cancel:
            waiting = [s.number for s in self.store.sessions() if s.started_at is None]
            if not waiting or data.draw(st.booleans()):
                line = {"type": "session.scheduled", "session": max(self.session_numbers()) + 1}
                line["starts"] = "2026-04-01T16:30:00-07:00"
                self.attempt(lambda: self.store.record(line))
                waiting = [s.number for s in self.store.sessions() if s.started_at is None]
            number = data.draw(st.sampled_from(waiting or [number]))
            self.attempt(lambda: actions.cancel_session(self.store, number))
            return
        line: dict[str, Any] = {"type": "session.rescheduled", "session": number}
        line |= {"starts": starts} if starts is not None else {}
        line |= {"location": location} if location is not None else {}
        line |= {"mode": mode.value} if mode is not None else {}
        self.attempt(lambda: self.store.record(line))

    @rule(data=st.data(), by_id=st.booleans(), remove=st.booleans(), to=st.integers(0, 5))
    def remove_or_move_item(self, data: st.DataObject, by_id: bool, remove: bool, to: int) -> None:
        number = data.draw(st.sampled_from(self.session_numbers()))
        for title in ("first", "second")[: data.draw(st.integers(0, 2))]:
            self.attempt(lambda t=title: actions.add_agenda_item(self.store, number, t))
        known = [s.number for s in self.store.sessions()]
        items = self.store.agenda(number) if number in known else []
        position = data.draw(st.integers(1, max(len(items), 1) + 1))
        item: int | str = position
        if by_id and 1 <= position <= len(items):
            item = items[position - 1].id
        line: dict[str, Any] = {"type": "agenda.item_removed", "session": number, "item": item}
        if not remove:
            line = {**line, "type": "agenda.item_moved", "to": to}
        self.attempt(lambda: self.store.record(line))
