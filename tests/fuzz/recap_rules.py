"""The fuzz test's rules for the recap's own events: the comms lead's headline and lead
(`recap.written`) and translations (`text.translated`), of member texts and of team-only ones
(which carry the canary: no member output may show them)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule

from models.recap_actions import translate_text, write_recap
from models.store import Store
from models.translatable import TRANSLATABLE
from tests.fuzz.values import CANARY, texts


class RecapRules(RuleBasedStateMachine):
    """Mixed into the write API's machine (which provides the store and `attempt`)."""

    store: Store
    attempt: Callable[[Callable[[], object]], None]
    session_numbers: Callable[[], list[int]]

    @rule(data=st.data(), headline=st.none() | texts, lead=st.none() | texts)
    def write_recap(self, data: st.DataObject, headline: str | None, lead: str | None) -> None:
        session = data.draw(st.sampled_from(self.session_numbers()))
        self.attempt(lambda: write_recap(self.store, session, headline=headline, lead=lead))

    @rule(data=st.data(), text=texts, lang=st.sampled_from(["es", "es", "fr"]))
    def translate(self, data: st.DataObject, text: str, lang: str) -> None:
        events = [
            e for e in self.store.events(types=TRANSLATABLE) if not e.undone
        ] or self.store.events(types=["note.added"])
        if not events:
            return
        event = data.draw(st.sampled_from(events))
        field = data.draw(st.sampled_from([*TRANSLATABLE.get(event.type, ()), "text", "label"]))
        team_only = (event.type == "note.added" and event.data.get("visibility") == "team") or (
            event.type == "proposal.passed"
            and (event.data.get("kind") == "supposal" or bool(event.data.get("embargoed")))
        )
        words = f"{text} {CANARY}" if team_only else text
        self.attempt(
            lambda: translate_text(self.store, event.id, field, lang, words.strip() or "hola")
        )
