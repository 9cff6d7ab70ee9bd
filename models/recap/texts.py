"""The words of one recap that come from the journal besides the facts: the comms lead's
headline and lead (`recap.written`, merged field by field, the latest counts), and the
translations of member-facing texts into the recap's language (`text.translated`).

A translation counts while the text it translated is the one shown (its `source` hash against
the current text); every text shown without one is noted, so the CLI and the app can list it,
except a text of names and numbers only ("RUSD #7"), which reads the same in every language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.recap.records import RecapUntranslated
from models.translatable import has_words, source_hash

if TYPE_CHECKING:
    from models.store import Store

SOURCE_LANG = "en"
_PLACES = (
    "article.added",
    "article.renamed",
    "session.scheduled",
    "session.ended",
    "campaign.created",
    "campaign.updated",
)


class RecapTexts:
    """The comms lead's words for one session, and the translations of one language."""

    def __init__(
        self, store: Store, session: int, lang: str = SOURCE_LANG, names: tuple[str, ...] = ()
    ) -> None:
        self.lang = lang
        self.names = names
        """The parties' short names: a text of names and numbers only needs no translation."""
        self.headline = self.lead = ""
        self.headline_id = self.lead_id = ""
        translating = lang != SOURCE_LANG
        types = ["recap.written", *(("text.translated", *_PLACES) if translating else ())]
        self._done: dict[tuple[str, str], tuple[str, str]] = {}
        self.article_ids: dict[str, str] = {}
        self.scheduled_ids: dict[int, str] = {}
        self.ended_ids: dict[int, str] = {}
        self.setting_ids: dict[str, str] = {}
        """The event that last set the campaign's `title` (its campaign.created or a
        campaign.updated), the recap's `signoff` and `watch`, and each term's label
        (`terms.NAME.label`)."""
        self._missing: dict[tuple[str, str], str] = {}
        for event in store.events(types=types):
            if event.undone:
                continue
            data = event.data
            if event.type == "recap.written" and data.get("session") == session:
                if isinstance(data.get("headline"), str):
                    self.headline, self.headline_id = str(data["headline"]), event.id
                if isinstance(data.get("lead"), str):
                    self.lead, self.lead_id = str(data["lead"]), event.id
            elif event.type == "text.translated" and data.get("lang") == lang:
                key = (str(data.get("event")), str(data.get("field")))
                self._done[key] = (str(data.get("text", "")), str(data.get("source", "")))
            elif event.type in ("article.added", "article.renamed"):
                self.article_ids[str(data.get("number"))] = event.id
            elif event.type in ("campaign.created", "campaign.updated"):
                if isinstance(data.get("title"), str):
                    self.setting_ids["title"] = event.id
                recap, terms = data.get("recap"), data.get("terms")
                for name in ("signoff", "watch"):
                    if isinstance(recap, dict) and name in recap:
                        self.setting_ids[name] = event.id
                for name, setting in terms.items() if isinstance(terms, dict) else ():
                    if isinstance(setting, dict) and "label" in setting:
                        self.setting_ids[f"terms.{name}.label"] = event.id
            elif event.type in ("session.scheduled", "session.ended"):
                number = data.get("session")
                if isinstance(number, int):
                    ids = (
                        self.scheduled_ids if event.type == "session.scheduled" else self.ended_ids
                    )
                    ids[number] = event.id

    def tr(self, event_id: str | None, field: str, text: str) -> str:
        """`text` (field `field` of event `event_id`) in the recap's language: its translation
        while it translates this very text, else the text itself, noted as untranslated unless
        it has no words to translate (`has_words`: "RUSD #7")."""
        if self.lang == SOURCE_LANG or not event_id or not text.strip():
            return text
        done = self._done.get((event_id, field))
        if done is not None and done[1] == source_hash(text):
            return done[0]
        if has_words(text, self.names):
            self._missing.setdefault((event_id, field), text)
        return text

    def untranslated(self) -> tuple[RecapUntranslated, ...]:
        """Every text looked up so far that has no current translation, in the order met."""
        return tuple(
            RecapUntranslated(event=event, field=field, text=text)
            for (event, field), text in self._missing.items()
        )
