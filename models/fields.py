"""The kinds of text and numbers a user may type, checked in one place.

Each validator raises ValueError with a sentence that says what to fix; pydantic carries it to
the field it was typed in.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

from models.errors import DomainError
from models.timeutil import parse_date, parse_instant

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")
_TERM = re.compile(r"^[a-z][a-z0-9_]*$")


def _clip(value: object) -> str:
    """A value as it may be shown in a message: its repr, cut short."""
    try:
        text = repr(value)
    except (RecursionError, ValueError):
        return f"a {type(value).__name__}"
    return text if len(text) <= 60 else text[:56] + "...'"


def _check_characters(value: str, *, multiline: bool) -> str:
    plain = value.replace("\n", " ").replace("\t", " ") if multiline else value
    if plain.isprintable():
        return value
    for char in value:
        if unicodedata.category(char) == "Cs":
            raise ValueError(
                f"contains a broken character (a lone surrogate, U+{ord(char):04X}); retype it"
            )
        if char in _BIDI_CONTROLS:
            raise ValueError(
                f"contains an invisible text-direction control (U+{ord(char):04X}); "
                "retype it without one"
            )
        if multiline and char in "\n\t":
            continue
        if unicodedata.category(char) in ("Cc", "Cf") and char not in "\u200d\ufe0f":
            raise ValueError(
                f"contains a control character (U+{ord(char):04X}); remove it"
                if char != "\n"
                else "must be one line; remove the line break"
            )
    return value


def _text(max_length: int, *, multiline: bool, required: bool) -> object:
    def check(value: object) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise ValueError(f"must be text, not {type(value).__name__}")
        value = value.strip()
        if required and not value:
            raise ValueError("is empty; type something")
        if len(value) > max_length:
            raise ValueError(f"is {len(value):,} characters long; keep it to {max_length:,}")
        return _check_characters(value, multiline=multiline)

    return BeforeValidator(check)


Name = Annotated[str, _text(200, multiline=False, required=True)]
"""A required one-line name or title."""
ShortName = Annotated[str, _text(24, multiline=False, required=True)]
OptionalLine = Annotated[str, _text(500, multiline=False, required=False)]
RequiredText = Annotated[str, _text(20_000, multiline=True, required=True)]
OptionalText = Annotated[str, _text(20_000, multiline=True, required=False)]


def article_number(value: object) -> str:
    """An article number as stored: one line of text up to 60 characters, NFKC-normalised.

    NFKC makes the digits a person reads the digits that are stored (full-width `１２` is 12,
    `²` and `①` are 2 and 1), so two spellings of one number are one article; digits of other
    scripts (`٣`) stay as typed and sort as words (see `models.rules.natural_key`).
    """
    if not isinstance(value, str):
        raise ValueError(f"must be text, not {type(value).__name__}")
    _check_characters(value.strip(), multiline=False)
    number = unicodedata.normalize("NFKC", value).strip()
    if not number:
        raise ValueError("is empty; type something")
    if len(number) > 60:
        raise ValueError(f"is {len(number):,} characters long; keep it to 60")
    return _check_characters(number, multiline=False)


ArticleNumber = Annotated[str, BeforeValidator(article_number)]
Label = Annotated[str, _text(80, multiline=False, required=True)]
Initials = Annotated[str, _text(12, multiline=False, required=True)]


def _instant(value: object) -> datetime:
    try:
        return parse_instant(value, "time")
    except DomainError as error:
        raise ValueError(str(error).removeprefix("time ")) from None


def _date(value: object) -> date:
    try:
        return parse_date(value, "date")
    except DomainError as error:
        raise ValueError(str(error).removeprefix("date ")) from None


Instant = Annotated[datetime, BeforeValidator(_instant)]
Day = Annotated[date, BeforeValidator(_date)]


def _event_id(value: object) -> str:
    if not isinstance(value, str) or not _ID.match(value) or len(value) > 64:
        raise ValueError("must be up to 64 letters, digits, dots, dashes, colons or underscores")
    return value


EventId = Annotated[str, BeforeValidator(_event_id)]


def _whole(low: int, high: int, what: str) -> object:
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, str) and value.strip().isdigit():
                value = int(value.strip())
            elif isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                noun = f"a whole number of {what}" if what else "a whole number"
                raise ValueError(f"must be {noun}, not {_clip(value)}")
        if not low <= value <= high:
            unit = f" {what}" if what else ""
            raise ValueError(f"must be between {low:,} and {high:,}{unit}, not {value:,}")
        return value

    return BeforeValidator(check)


SessionNumber = Annotated[int, _whole(1, 100_000, "")]
CaucusMinutes = Annotated[int, _whole(1, 480, "minutes")]
AgendaMinutes = Annotated[int, _whole(1, 1_440, "minutes")]
Headcount = Annotated[int, _whole(0, 1_000_000, "")]
Position = Annotated[int, _whole(1, 10_000, "")]


def _item_ref(value: object) -> int | str:
    if isinstance(value, str) and not value.strip().isdigit():
        return _event_id(value)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return int(_POSITION(value))
    raise ValueError(
        f"must be an agenda item's position (1, 2, ...) or its event id, not {_clip(value)}"
    )


_POSITION = _whole(1, 10_000, "").func  # type: ignore[attr-defined]
ItemRef = Annotated[int | str, BeforeValidator(_item_ref)]
"""An agenda item: the id of the `agenda.item_added` event that added it, or its 1-based
position read against the agenda as it stands at that point of the order."""


def _link(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError("must be a web address")
    value = value.strip()
    if value and not re.match(r"^(https?://\S+|mailto:\S+)$", value, re.I):
        raise ValueError("must start with http://, https:// or mailto: and have no spaces")
    if len(value) > 2_000:
        raise ValueError("is longer than 2,000 characters")
    return value


Link = Annotated[str, BeforeValidator(_link)]


def _terms(value: object) -> dict[str, float]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError('must map names to numbers, like {"salary_pct_y1": 3.0}')
    terms: dict[str, float] = {}
    for name, number in value.items():
        if not isinstance(name, str) or not _TERM.match(name) or len(name) > 40:
            raise ValueError(
                f"term name {_clip(name)} must be lower-case letters, digits and _ "
                "(like salary_pct_y1)"
            )
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise ValueError(f"term {name} must be a number, not {_clip(number)}")
        if not math.isfinite(number):
            raise ValueError(f"term {name} must be a finite number")
        terms[name] = float(number)
    return terms


Terms = Annotated[dict[str, float], BeforeValidator(_terms)]
check_terms = _terms


def _articles(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        raise ValueError('must be a list of article numbers, like ["3", "4"]')
    if not isinstance(value, list | tuple):
        raise ValueError('must be a list of article numbers, like ["3", "4"]')
    numbers: list[str] = []
    for item in value:
        if not isinstance(item, str | int) or isinstance(item, bool):
            raise ValueError(f"article {_clip(item)} must be a number written as text")
        if not str(item).strip():
            raise ValueError("has an empty article number")
        try:
            number = article_number(str(item))
        except ValueError as error:
            raise ValueError(f"has an article number that {error}") from None
        if number not in numbers:
            numbers.append(number)
    return tuple(numbers)


ArticleList = Annotated[tuple[str, ...], BeforeValidator(_articles)]


def _not_blank_list(value: tuple[str, ...]) -> tuple[str, ...]:
    if not value:
        raise ValueError("names no article; name at least one")
    return value


RequiredArticleList = Annotated[ArticleList, AfterValidator(_not_blank_list)]


def _names(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise ValueError('must be a list of names, like ["Ana Ruiz"]')
    names: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ValueError(f"name {_clip(item)} must be non-empty text")
        _check_characters(item, multiline=False)
        if len(item) > 200:
            raise ValueError("has a name longer than 200 characters")
        names.append(item.strip())
    return tuple(names)


NameList = Annotated[tuple[str, ...], BeforeValidator(_names)]
