"""The journal's recap events: the comms lead's headline and lead, and translations.

`recap.written` {session, any of headline, lead}: the comms lead's words for one session's
recap; merged field by field, the latest value of each counts (an empty one clears it, and the
suggestion from the day's events shows again).

`text.translated` {event, field, lang, text}: a translation of one member-facing text of an
event. `source` (a hash of the text it translated, filled in when recorded) keeps it honest: it
counts only while the text is still the one it translated (`source_hash`).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, model_validator

from models.event_base import Event
from models.fields import EventId, OptionalLine, OptionalText, RequiredText, SessionNumber
from models.translatable import TRANSLATABLE

_LANG = re.compile(r"^[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?$")
_SOURCE = re.compile(r"^[0-9a-f]{16}$")
_TERM_LABEL = re.compile(r"^terms\.[a-z][a-z0-9_]*\.label$")

HEADLINE_LIMIT = 120
"""A headline is a subject line and the top of a text blast: keep it short."""


def _lang(value: str) -> str:
    if not _LANG.match(value):
        raise ValueError("must be a language code such as es, fr or pt_BR")
    if value == "en":
        raise ValueError("is English, the language the team writes in; pick another")
    return value


def _field(value: str) -> str:
    known = {f for fields in TRANSLATABLE.values() for f in fields}
    if value not in known and not _TERM_LABEL.match(value):
        raise ValueError(f"must be one of: {', '.join(sorted(known))}, or terms.NAME.label")
    return value


def _source(value: str) -> str:
    if value and not _SOURCE.match(value):
        raise ValueError("must be the 16 hex digits of the text it translated")
    return value


def _headline(value: str) -> str:
    if len(value) > HEADLINE_LIMIT:
        raise ValueError(f"is {len(value):,} characters long; keep it to {HEADLINE_LIMIT}")
    return value


class RecapWritten(Event):
    type: Literal["recap.written"]
    session: SessionNumber
    headline: Annotated[OptionalLine, AfterValidator(_headline)] | None = None
    lead: OptionalText | None = None

    @model_validator(mode="after")
    def _needs_one(self) -> RecapWritten:
        if self.headline is None and self.lead is None:
            raise ValueError("a recap.written line needs a headline, a lead, or both")
        return self


class TextTranslated(Event):
    type: Literal["text.translated"]
    event: EventId
    field: Annotated[str, AfterValidator(_field)]
    lang: Annotated[str, AfterValidator(_lang)]
    text: RequiredText
    source: Annotated[str, AfterValidator(_source)] = ""


RECAP_EVENTS: dict[str, type[Event]] = {
    "recap.written": RecapWritten,
    "text.translated": TextTranslated,
}
