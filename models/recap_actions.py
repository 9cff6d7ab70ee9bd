"""What the communications lead does to a recap: write its headline and lead, and translate
the team's member-facing texts (the app's recap screen calls these; `models.actions` holds
the rest of the write API)."""

from __future__ import annotations

from typing import Any

from models.domain import JournalEvent
from models.store import Store
from models.translatable import source_hash


def write_recap(
    store: Store, session: int, *, headline: str | None = None, lead: str | None = None
) -> JournalEvent:
    """Record the comms lead's headline and/or lead for a session's recap (a field left as
    None keeps its earlier value; an empty text clears it, and the suggestion shows again)."""
    line: dict[str, Any] = {"type": "recap.written", "session": session}
    if headline is not None:
        line["headline"] = headline
    if lead is not None:
        line["lead"] = lead
    return store.record(line)


def translate_text(
    store: Store, event: str, field: str, lang: str, text: str, *, source: str | None = None
) -> JournalEvent:
    """Record a translation of one member-facing text (field `field` of event `event`).

    `source`: the text as it was shown to the translator; the translation then counts only
    while that is the text (left out, the store takes the text as it stands now)."""
    line: dict[str, Any] = {
        "type": "text.translated",
        "event": event,
        "field": field,
        "lang": lang,
        "text": text,
    }
    if source is not None:
        line["source"] = source_hash(source)
    return store.record(line)
